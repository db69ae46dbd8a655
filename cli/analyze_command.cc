// dyad analyze: text (or gold-tokenized CoNLL-U) in, tags, lemmas,
// dependency trees and named entities out, as CoNLL-U or JSONL.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <system_error>
#include <vector>

#include "commands.h"
#include "dyad/analyze.h"
#include "dyad/ingest.h"
#include "dyad/text.h"

namespace dyad::cli {
namespace {

struct AnalyzeOptions {
  std::vector<std::string> inputs;
  std::string format = "conllu";
  std::string models;
  bool no_parse = false;
  bool no_entities = false;
  bool pretokenized = false;
  std::string input_format = "auto";
};

struct Tally {
  size_t documents = 0;
  size_t sentences = 0;
  size_t tokens = 0;
  size_t errors = 0;
  double seconds = 0;  // in the Analyzer only
};

InputFormat ParseInputFormat(const std::string& name) {
  if (name == "wire") return InputFormat::kWire;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "html") return InputFormat::kHtml;
  return InputFormat::kAuto;
}

nlohmann::ordered_json SpanJson(Span span) {
  return nlohmann::ordered_json::array({span.begin, span.end});
}

// One line per document: its sentences with their words, and its entities.
std::string DocumentJsonLine(const Document& doc, bool number_sentences) {
  nlohmann::ordered_json sentences = nlohmann::ordered_json::array();
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    nlohmann::ordered_json words = nlohmann::ordered_json::array();
    const uint32_t first = sentence.first_token;
    const uint32_t end = std::min<uint32_t>(
        first + sentence.token_count, static_cast<uint32_t>(doc.tokens.size()));
    for (uint32_t t = first; t < end; ++t) {
      nlohmann::ordered_json word = {{"id", t - first + 1},
                                     {"form", doc.Slice(doc.tokens[t].span)},
                                     {"span", SpanJson(doc.tokens[t].span)}};
      if (t < doc.analysis.size()) {
        const TokenAnalysis& a = doc.analysis[t];
        word["lemma"] = a.lemma;
        word["upos"] = a.upos;
        word["xpos"] = a.xpos;
        if (!a.deprel.empty()) {
          word["head"] = a.head < 0 ? 0 : a.head - static_cast<int>(first) + 1;
          word["deprel"] = a.deprel;
        }
      }
      words.push_back(std::move(word));
    }
    std::string sent_id = doc.doc_id;
    if (number_sentences) sent_id += "-" + std::to_string(s + 1);
    sentences.push_back({{"sent_id", sent_id},
                         {"text", doc.Slice(sentence.span)},
                         {"span", SpanJson(sentence.span)},
                         {"words", std::move(words)}});
  }
  nlohmann::ordered_json entities = nlohmann::ordered_json::array();
  for (const Entity& e : doc.entities) {
    entities.push_back(
        {{"text", e.text}, {"type", e.type}, {"span", SpanJson(e.span)}});
  }
  nlohmann::ordered_json line = {{"doc_id", doc.doc_id},
                                 {"sentences", std::move(sentences)},
                                 {"entities", std::move(entities)}};
  // CoNLL-U input is not checked for UTF-8 as ingest checks text; a bad
  // byte becomes U+FFFD rather than an exception.
  return line.dump(-1, ' ', false,
                   nlohmann::ordered_json::error_handler_t::replace);
}

// The .conllu files under `dir`, in sorted order, hidden ones skipped.
std::vector<std::string> ConlluFilesUnder(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code error;
  std::filesystem::recursive_directory_iterator it(dir, error), end;
  for (; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(error) && it->path().extension() == ".conllu") {
      files.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

int RunAnalyze(const AnalyzeOptions& opts) {
  auto analyzer = Analyzer::Load({.models_dir = opts.models,
                                  .parse = !opts.no_parse,
                                  .entities = !opts.no_entities});
  if (!analyzer.ok()) {
    std::cerr << "dyad analyze: " << analyzer.status().ToString() << "\n";
    return kExitFatal;
  }
  const bool jsonl = opts.format == "jsonl";
  // Gold-tokenized sentences keep their sent_ids; a story's sentences are
  // numbered after its doc_id.
  const ConlluWriteOptions write{.number_sentences = !opts.pretokenized,
                                 .entities = !opts.no_entities};
  Tally tally;
  std::string out;
  auto flush = [&out] {
    std::fwrite(out.data(), 1, out.size(), stdout);
    out.clear();
  };
  auto sink = [&](Result<Document> read) {
    if (!read.ok()) {
      ++tally.errors;
      std::cerr << "dyad analyze: " << read.status().ToString() << "\n";
      return;
    }
    Document& doc = read.value();
    if (!opts.pretokenized) {
      Status split = AnalyzeText(&doc);
      if (!split.ok()) {
        ++tally.errors;
        std::cerr << "dyad analyze: " << doc.source << ": " << split.ToString()
                  << "\n";
        return;
      }
    }
    auto start = std::chrono::steady_clock::now();
    Status analyzed = analyzer->AnalyzeDocument(&doc);
    tally.seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    if (!analyzed.ok()) {
      ++tally.errors;
      std::string where = doc.source;
      if (doc.line > 0) where += ":" + std::to_string(doc.line);
      std::cerr << "dyad analyze: " << where << ": " << analyzed.ToString()
                << "\n";
      return;
    }
    ++tally.documents;
    tally.sentences += doc.sentences.size();
    tally.tokens += doc.tokens.size();
    if (jsonl) {
      out += DocumentJsonLine(doc, write.number_sentences);
      out += '\n';
    } else {
      AppendAnalyzedConllu(doc, write, &out);
    }
    if (out.size() > (1u << 20)) flush();
  };

  IngestOptions ingest;
  ingest.format = ParseInputFormat(opts.input_format);
  auto report = [&tally](const Status& status) {
    if (status.ok()) return;
    ++tally.errors;
    std::cerr << "dyad analyze: " << status.ToString() << "\n";
  };
  for (const std::string& input : opts.inputs) {
    if (!opts.pretokenized) {
      report(IngestPath(input, ingest, sink));
      continue;
    }
    std::error_code error;
    if (input != "-" && std::filesystem::is_directory(input, error)) {
      for (const std::string& file : ConlluFilesUnder(input)) {
        report(ReadConlluDocumentsFile(file, sink));
      }
    } else {
      report(ReadConlluDocumentsFile(input, sink));
    }
  }
  flush();
  std::fflush(stdout);
  char summary[256];
  std::snprintf(summary, sizeof summary,
                "analyzed %zu %s, %zu sentences, %zu tokens (%.0f tokens/s); "
                "%zu errors\n",
                tally.documents, opts.pretokenized ? "inputs" : "articles",
                tally.sentences, tally.tokens,
                tally.seconds > 0 ? tally.tokens / tally.seconds : 0.0,
                tally.errors);
  std::cerr << summary;
  return tally.errors == 0 ? kExitOk : kExitInputErrors;
}

}  // namespace

void AddAnalyzeCommand(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<AnalyzeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "analyze",
      "Tag, lemmatize, parse and find the named entities of articles (the "
      "inputs of `dyad code`) or, with --pretokenized, of CoNLL-U sentences; "
      "print CoNLL-U (entities in MISC as NE=B-TYPE/NE=I-TYPE) or JSONL");
  cmd->add_option("inputs", opts->inputs,
                  "Files or directories (- for stdin) to analyze")
      ->required();
  cmd->add_option("--format", opts->format, "conllu or jsonl")
      ->check(CLI::IsMember({"conllu", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("--models", opts->models,
                  "Directory of en_pos.dyad, en_parse.dyad, en_ner.dyad "
                  "(default: $DYAD_MODELS, else " +
                      DefaultModelsDir() + ")");
  cmd->add_flag("--no-parse", opts->no_parse,
                "Tag and lemmatize only (HEAD and DEPREL are _)");
  cmd->add_flag("--no-entities", opts->no_entities,
                "Do not look for named entities");
  auto* pretokenized = cmd->add_flag(
      "--pretokenized", opts->pretokenized,
      "Inputs are CoNLL-U (files, directories of *.conllu, -): keep their "
      "sentences, words and sent_ids");
  cmd->add_option("--input-format", opts->input_format,
                  "auto (by extension and content), wire, jsonl or html")
      ->check(CLI::IsMember({"auto", "wire", "jsonl", "html"}))
      ->excludes(pretokenized);
  cmd->callback([opts, exit_code] { *exit_code = RunAnalyze(*opts); });
}

}  // namespace dyad::cli
