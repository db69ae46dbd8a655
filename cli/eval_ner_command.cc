// dyad eval ner: entity-level precision, recall and F1 (exact span and
// type, as conlleval counts them) on a gold IOB2/CoNLL corpus.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "commands.h"
#include "dyad/analyze.h"

namespace dyad::cli {
namespace {

// Writes FILE's words with the gold and the predicted tag ("word gold
// predicted" per line, a blank line after each sentence) for error
// analysis. Reads only the token and label columns (UNER's IOB2 "index
// token label ...", or "token label"); comment lines are skipped.
bool WritePredictions(const NerTagger& tagger, const std::string& in_path,
                      const std::string& out_path) {
  std::ifstream in(in_path);
  std::ofstream out(out_path);
  if (!in || !out) return false;
  std::vector<std::string> words, gold;
  auto flush = [&]() {
    if (words.empty()) return;
    std::vector<std::string_view> views(words.begin(), words.end());
    std::vector<std::string> predicted = tagger.TagWords(views);
    for (size_t i = 0; i < words.size(); ++i) {
      out << words[i] << ' ' << gold[i] << ' ' << predicted[i] << '\n';
    }
    out << '\n';
    words.clear();
    gold.clear();
  };
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#' && line.find('\t') == std::string::npos) continue;
    std::vector<std::string> columns;
    std::string column;
    std::istringstream fields(line);
    while (fields >> column) columns.push_back(column);
    if (columns.size() < 2) continue;
    bool indexed =
        columns.size() >= 3 &&
        columns[0].find_first_not_of("0123456789") == std::string::npos;
    words.push_back(columns[indexed ? 1 : 0]);
    gold.push_back(columns[indexed ? 2 : 1]);
  }
  flush();
  return static_cast<bool>(out);
}

}  // namespace

void AddEvalNerSubcommand(CLI::App* eval, int* exit_code) {
  struct Options {
    std::string model = "models/en_ner.dyad";
    std::string pos_model = "models/en_pos.dyad";
    std::string file;
    std::string output;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = eval->add_subcommand(
      "ner",
      "Tag the sentences of a gold IOB2/CoNLL FILE and print per-type and "
      "overall entity precision, recall and F1 (exact span and type). Exit 0 "
      "on success, 3 when a model or the file cannot be read.");
  cmd->add_option("--model", options->model, "NER model file")
      ->capture_default_str();
  cmd->add_option("--pos-model", options->pos_model,
                  "Part-of-speech model the NER model was trained with")
      ->capture_default_str();
  cmd->add_option("FILE", options->file, "Gold corpus (IOB2)")->required();
  cmd->add_option("--output", options->output,
                  "Also write \"word gold predicted\" lines to this file "
                  "(for error analysis)");
  cmd->callback([options, exit_code]() {
    auto pos = PosTagger::Load(options->pos_model);
    if (!pos.ok()) {
      std::cerr << "dyad eval ner: " << pos.status().ToString() << "\n";
      *exit_code = kExitFatal;
      return;
    }
    auto tagger = NerTagger::Load(options->model, *pos);
    if (!tagger.ok()) {
      std::cerr << "dyad eval ner: " << tagger.status().ToString() << "\n";
      *exit_code = kExitFatal;
      return;
    }
    auto accuracy = EvaluateNerTagger(*tagger, options->file);
    if (!accuracy.ok()) {
      std::cerr << "dyad eval ner: " << accuracy.status().ToString() << "\n";
      *exit_code = kExitFatal;
      return;
    }
    if (!options->output.empty() &&
        !WritePredictions(*tagger, options->file, options->output)) {
      std::cerr << "dyad eval ner: cannot write " << options->output << "\n";
      *exit_code = kExitFatal;
      return;
    }
    char line[200];
    std::snprintf(line, sizeof line, "sentences %zu\nwords %zu\n",
                  accuracy->sentences, accuracy->words);
    std::cout << line;
    std::snprintf(line, sizeof line, "%-8s %6s %6s %6s %8s %8s %8s\n", "type",
                  "gold", "found", "right", "P", "R", "F1");
    std::cout << line;
    auto print = [&](const NerTypeAccuracy& a) {
      std::snprintf(line, sizeof line,
                    "%-8s %6zu %6zu %6zu %7.2f%% %7.2f%% %7.2f%%\n",
                    a.type.c_str(), a.gold, a.predicted, a.correct,
                    a.precision(), a.recall(), a.f1());
      std::cout << line;
    };
    for (const NerTypeAccuracy& a : accuracy->by_type) print(a);
    print(accuracy->overall);
    std::snprintf(
        line, sizeof line, "tagging %.0f words/s\n",
        accuracy->seconds > 0 ? accuracy->words / accuracy->seconds : 0.0);
    std::cout << line;
    *exit_code = kExitOk;
  });
}

}  // namespace dyad::cli
