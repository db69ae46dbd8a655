// dyad train parse: trains the dependency parser on a CoNLL-U treebank,
// tagged by our own part-of-speech model.
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "dyad/analyze.h"

namespace dyad::cli {

void AddTrainParseSubcommand(CLI::App* train, int* exit_code) {
  auto options = std::make_shared<ParserTrainOptions>();
  options->tagger_path = "models/en_pos.dyad";
  auto out = std::make_shared<std::string>();
  CLI::App* cmd = train->add_subcommand(
      "parse",
      "Train the dependency parser (greedy arc-hybrid, averaged perceptron "
      "with a dynamic oracle, deterministic for a seed) on a CoNLL-U "
      "treebank tagged by --tagger, and write the model file. Logs one line "
      "per epoch to stderr. Exit 0 on success, 3 when a file cannot be read "
      "or the model cannot be written.");
  cmd->add_option("--train", options->train_paths,
                  "Training treebank(s), CoNLL-U; several are read as one")
      ->required();
  cmd->add_option("--dev", options->dev_path,
                  "Development treebank: UAS/LAS logged after each epoch; "
                  "the model keeps the weights of the epoch with the best "
                  "dev LAS");
  cmd->add_option("--tagger", options->tagger_path,
                  "Part-of-speech model whose tags the parser learns from")
      ->capture_default_str();
  cmd->add_option("--out", *out, "Model file to write")->required();
  cmd->add_option("--epochs", options->epochs, "Training epochs")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  cmd->add_option("--seed", options->seed,
                  "Seed of the shuffle and of the exploration")
      ->capture_default_str();
  cmd->add_option("--runs", options->runs,
                  "Independent runs (differently shuffled) whose averaged "
                  "weights are averaged into the model")
      ->capture_default_str()
      ->check(CLI::Range(1, 20));
  cmd->add_option("--explore", options->explore_probability,
                  "From epoch 2, the probability of following the parser's "
                  "own prediction instead of the oracle's")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--prune", options->prune_fraction,
                  "Drop averaged weights below this fraction of the largest")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 0.5));
  cmd->add_option("--jackknife", options->jackknife_folds,
                  "Tag the training treebank with taggers trained on the "
                  "other of this many parts (0: use --tagger)")
      ->capture_default_str()
      ->check(CLI::Range(0, 20));
  cmd->add_flag("--keep-train-tags", options->keep_train_tags,
                "Learn from the tags of the training files as they are "
                "(predicted tags written by --write-tagged-train)");
  cmd->add_option("--write-tagged-train", options->write_tagged_train,
                  "Also write the training treebank with the tags the parser "
                  "learns from (jackknifed or --tagger's), as CoNLL-U");
  cmd->add_option("--dev-grid-runs", options->dev_grid_runs,
                  "With --dev: also log dev UAS/LAS of the mean of the first "
                  "k runs, for each k given (with each --dev-grid-prunes)")
      ->delimiter(',');
  cmd->add_option("--dev-grid-prunes", options->dev_grid_prunes,
                  "With --dev-grid-runs: the pruning fractions to log")
      ->delimiter(',');
  cmd->add_option("--dev-grid-from", options->dev_grid_from_epoch,
                  "First epoch at which the dev grid is logged")
      ->capture_default_str();
  cmd->callback([options, out, exit_code]() {
    options->log = &std::cerr;
    auto parser = TrainDependencyParser(*options);
    if (!parser.ok()) {
      std::cerr << "dyad train parse: " << parser.status().ToString() << "\n";
      *exit_code = kExitFatal;
      return;
    }
    Status saved = parser->Save(*out);
    if (!saved.ok()) {
      std::cerr << "dyad train parse: " << saved.ToString() << "\n";
      *exit_code = kExitFatal;
      return;
    }
    std::cerr << "wrote " << *out << "\n";
    *exit_code = kExitOk;
  });
}

}  // namespace dyad::cli
