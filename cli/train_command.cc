// dyad train: trains the analysis models from treebanks. "dyad train pos"
// writes the part-of-speech and lemma model; parse and ner come later.
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "dyad/analyze.h"

namespace dyad::cli {
namespace {

void AddTrainPos(CLI::App& train, int* exit_code) {
  auto options = std::make_shared<PosTrainOptions>();
  auto out = std::make_shared<std::string>();
  CLI::App* cmd = train.add_subcommand(
      "pos",
      "Train the part-of-speech tagger and lemmatizer on a CoNLL-U treebank "
      "(averaged perceptron, deterministic for a seed) and write the model "
      "file. Logs one line per epoch to stderr. Exit 0 on success, 3 when "
      "the treebank cannot be read or the model cannot be written.");
  cmd->add_option("--train", options->train_paths,
                  "Training treebank(s), CoNLL-U; several are read as one")
      ->required();
  cmd->add_option("--dev", options->dev_path,
                  "Development treebank: accuracy (joint UPOS+XPOS label) "
                  "of the mean of the runs logged after each epoch");
  cmd->add_option("--out", *out, "Model file to write")->required();
  cmd->add_option("--epochs", options->epochs, "Training epochs")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  cmd->add_option("--seed", options->seed,
                  "Seed of the shuffle of the training sentences")
      ->capture_default_str();
  cmd->add_option("--runs", options->runs,
                  "Independent training runs (each shuffled differently) "
                  "whose averaged weights are averaged into the model")
      ->capture_default_str()
      ->check(CLI::Range(1, 20));
  cmd->add_option("--min-class-count", options->min_class_count,
                  "Words seen at least this often in training get an "
                  "ambiguity-class feature")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--prune", options->prune_fraction,
                  "Drop averaged weights smaller than this fraction of the "
                  "largest")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 0.1));
  cmd->callback([options, out, exit_code]() {
    options->log = &std::cerr;
    auto tagger = TrainPosTagger(*options);
    if (!tagger.ok()) {
      std::cerr << "dyad train pos: " << tagger.status().ToString() << "\n";
      *exit_code = kExitFatal;
      return;
    }
    Status saved = tagger->Save(*out);
    if (!saved.ok()) {
      std::cerr << "dyad train pos: " << saved.ToString() << "\n";
      *exit_code = kExitFatal;
      return;
    }
    std::cerr << "wrote " << *out << "\n";
    *exit_code = kExitOk;
  });
}

}  // namespace

void AddTrainCommand(CLI::App& app, int* exit_code) {
  CLI::App* train = app.add_subcommand(
      "train", "Train an analysis model from a treebank (see subcommands)");
  train->require_subcommand(1);
  AddTrainPos(*train, exit_code);
  AddTrainParseSubcommand(train, exit_code);
  AddTrainNerSubcommand(train, exit_code);
}

}  // namespace dyad::cli
