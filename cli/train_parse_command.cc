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
  cmd->add_option("--jackknife", options->jackknife_folds,
                  "Tag the training treebank with taggers trained on the "
                  "other of this many parts (0: use --tagger)")
      ->capture_default_str()
      ->check(CLI::Range(0, 20));
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
