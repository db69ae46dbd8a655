// dyad eval ud: tagging and lemma accuracy on a gold-tokenized CoNLL-U
// treebank, and with --parser the attachment scores (UAS, LAS) of the
// dependency parser on the predicted tags.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "dyad/analyze.h"

namespace dyad::cli {

void AddEvalUdSubcommand(CLI::App* eval, int* exit_code) {
  struct Options {
    std::string model = "models/en_pos.dyad";
    std::string file;
    std::string sent_id_filter;
    std::string parser;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = eval->add_subcommand(
      "ud",
      "Tag the words of a CoNLL-U FILE (gold tokenization) and print the "
      "UPOS, XPOS and lemma accuracy. Exit 0 on success, 3 when the model or "
      "the file cannot be read.");
  cmd->add_option("--model", options->model, "POS model file")
      ->capture_default_str();
  cmd->add_option("--sent-id-contains", options->sent_id_filter,
                  "Only sentences whose sent_id contains this string "
                  "(GUM_news_ selects GUM's news documents)");
  cmd->add_option("--parser", options->parser,
                  "Dependency parser model: also print UAS and LAS (every "
                  "word counts, punctuation included)");
  cmd->add_option("FILE", options->file, "CoNLL-U file")->required();
  cmd->callback([options, exit_code]() {
    auto tagger = PosTagger::Load(options->model);
    if (!tagger.ok()) {
      std::cerr << "dyad eval ud: " << tagger.status().ToString() << "\n";
      *exit_code = kExitFatal;
      return;
    }
    auto accuracy =
        EvaluatePosTagger(*tagger, options->file, options->sent_id_filter);
    if (!accuracy.ok()) {
      std::cerr << "dyad eval ud: " << accuracy.status().ToString() << "\n";
      *exit_code = kExitFatal;
      return;
    }
    char line[200];
    std::snprintf(line, sizeof line, "sentences %zu\nwords %zu\n",
                  accuracy->sentences, accuracy->words);
    std::cout << line;
    std::snprintf(line, sizeof line, "UPOS %.2f%%\nXPOS %.2f%%\nLemma %.2f%%\n",
                  accuracy->upos(), accuracy->xpos(), accuracy->lemma());
    std::cout << line;
    std::snprintf(
        line, sizeof line, "tagging %.0f words/s\n",
        accuracy->seconds > 0 ? accuracy->words / accuracy->seconds : 0.0);
    std::cout << line;
    if (!options->parser.empty()) {
      auto parser = DependencyParser::Load(options->parser);
      if (!parser.ok()) {
        std::cerr << "dyad eval ud: " << parser.status().ToString() << "\n";
        *exit_code = kExitFatal;
        return;
      }
      auto parsed = EvaluateParser(*parser, *tagger, options->file,
                                   options->sent_id_filter);
      if (!parsed.ok()) {
        std::cerr << "dyad eval ud: " << parsed.status().ToString() << "\n";
        *exit_code = kExitFatal;
        return;
      }
      std::snprintf(
          line, sizeof line, "UAS %.2f%%\nLAS %.2f%%\nparsing %.0f words/s\n",
          parsed->uas(), parsed->las(),
          parsed->seconds > 0 ? parsed->words / parsed->seconds : 0.0);
      std::cout << line;
    }
    *exit_code = kExitOk;
  });
}

}  // namespace dyad::cli
