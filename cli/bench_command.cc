// dyad bench: sentences per second of the text + code stages on one core.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "dyad/ingest.h"
#include "dyad/pipeline.h"

namespace dyad::cli {
namespace {

struct BenchOptions {
  std::string input = "../shared/data/news/voa_stories.jsonl";
  std::string dictionaries;
  std::string models;
  bool no_parse = false;
  size_t min_sentences = 50000;
  int runs = 5;
};

long PeakResidentKilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int RunBench(const BenchOptions& opts) {
  PipelineOptions pipeline_options;
  pipeline_options.dictionaries = opts.dictionaries;
  pipeline_options.parse = !opts.no_parse;
  pipeline_options.models_dir = opts.models;
  auto pipeline = Pipeline::Create(pipeline_options);
  if (!pipeline.ok()) {
    std::cerr << "dyad bench: " << pipeline.status().ToString() << "\n";
    return kExitFatal;
  }
  if (!(*pipeline)->parse_status().ok()) {
    // Coding goes on without the parse; say so, since events then come
    // from the sparse coder alone.
    std::cerr << "dyad bench: coding without the dependency parse: "
              << (*pipeline)->parse_status().ToString() << "\n";
  }
  if (!(*pipeline)->places_status().ok()) {
    std::cerr << "dyad bench: events get no places: "
              << (*pipeline)->places_status().ToString() << "\n";
  }
  std::vector<Document> corpus;
  size_t errors = 0;
  Status read = IngestPath(opts.input, {}, [&](Result<Document> doc) {
    if (doc.ok()) {
      corpus.push_back(std::move(doc).value());
    } else {
      // Named like dyad code's errors, so a bad line in the corpus can be
      // found; the rest of the corpus is still measured.
      ++errors;
      std::cerr << "dyad bench: " << doc.status().ToString() << "\n";
    }
  });
  if (!read.ok()) {
    std::cerr << "dyad bench: " << read.ToString() << "\n";
    return kExitFatal;
  }
  if (corpus.empty()) {
    std::cerr << "dyad bench: " << opts.input << ": no readable documents\n";
    return kExitFatal;
  }
  // Count the corpus's sentences once, then repeat it to the minimum.
  size_t corpus_sentences = 0;
  for (const Document& d : corpus) {
    Document copy = d;
    if ((*pipeline)->Process(&copy).ok())
      corpus_sentences += copy.sentences.size();
  }
  if (corpus_sentences == 0) {
    std::cerr << "dyad bench: the corpus has no sentences\n";
    return kExitFatal;
  }
  size_t repeats =
      (opts.min_sentences + corpus_sentences - 1) / corpus_sentences;
  std::printf("corpus: %zu documents, %zu sentences, repeated %zu times\n",
              corpus.size(), corpus_sentences, repeats);

  std::vector<double> rates;
  for (int run = 0; run < opts.runs; ++run) {
    size_t sentences = 0, events = 0;
    double seconds = 0;
    for (size_t r = 0; r < repeats; ++r) {
      for (const Document& d : corpus) {
        Document doc = d;  // copying is outside the timed region
        auto start = std::chrono::steady_clock::now();
        Status s = (*pipeline)->Process(&doc);
        seconds += std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - start)
                       .count();
        if (!s.ok()) continue;
        sentences += doc.sentences.size();
        events += doc.events.size();
      }
    }
    double rate = seconds > 0 ? sentences / seconds : 0;
    rates.push_back(rate);
    std::printf(
        "run %d: %zu sentences, %zu events in %.3f s: %.0f sentences/s\n",
        run + 1, sentences, events, seconds, rate);
  }
  std::sort(rates.begin(), rates.end());
  std::printf(
      "median: %.0f sentences/s over %d runs (one core); peak RSS %.1f MB\n",
      rates[rates.size() / 2], opts.runs, PeakResidentKilobytes() / 1024.0);
  return errors == 0 ? kExitOk : kExitInputErrors;
}

}  // namespace

void AddBenchCommand(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<BenchOptions>();
  CLI::App* cmd = app.add_subcommand(
      "bench", "Measure sentences per second of text + coding on one core");
  cmd->add_option(
      "input", opts->input,
      "Articles to repeat (default ../shared/data/news/voa_stories.jsonl)");
  cmd->add_option("--models", opts->models,
                  "Directory of the tagger and parser models (default: "
                  "$DYAD_MODELS, else the models/ of the source tree)");
  cmd->add_flag("--no-parse", opts->no_parse,
                "Code without the dependency parse (sparse coder only)");
  cmd->add_option("--dictionaries", opts->dictionaries,
                  "Use these dictionaries instead of the default lexicon");
  cmd->add_option("--sentences", opts->min_sentences,
                  "Repeat the corpus to at least this many sentences per run")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--runs", opts->runs, "Number of timed runs (median printed)")
      ->check(CLI::Range(1, 100));
  cmd->callback([opts, exit_code] { *exit_code = RunBench(*opts); });
}

}  // namespace dyad::cli
