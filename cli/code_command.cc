// dyad code: ingest -> text -> code -> store/print, one document at a time.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "dyad/ingest.h"
#include "dyad/output.h"
#include "dyad/pipeline.h"
#include "dyad/store.h"
#include "progress.h"

namespace dyad::cli {
namespace {

struct CodeOptions {
  std::vector<std::string> inputs;
  std::string db;
  std::string format;
  std::string published;
  std::string dictionaries;
  std::string models;
  bool no_parse = false;
  std::string input_format = "auto";
};

struct Tally {
  size_t documents = 0;
  size_t sentences = 0;
  size_t events = 0;
  size_t stored = 0;
  size_t unchanged = 0;
  size_t errors = 0;
};

InputFormat ParseInputFormat(const std::string& name) {
  if (name == "wire") return InputFormat::kWire;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "html") return InputFormat::kHtml;
  return InputFormat::kAuto;
}

int RunCode(const CodeOptions& opts) {
  PipelineOptions pipeline_options;
  pipeline_options.dictionaries = opts.dictionaries;
  pipeline_options.parse = !opts.no_parse;
  pipeline_options.models_dir = opts.models;
  auto pipeline = Pipeline::Create(pipeline_options);
  if (!pipeline.ok()) {
    std::cerr << "dyad code: " << pipeline.status().ToString() << "\n";
    return kExitFatal;
  }
  if (!(*pipeline)->parse_status().ok()) {
    // Coding goes on without the parse; say so, since events then come
    // from the sparse coder alone.
    std::cerr << "dyad code: coding without the dependency parse: "
              << (*pipeline)->parse_status().ToString() << "\n";
  }
  if (!(*pipeline)->places_status().ok()) {
    std::cerr << "dyad code: events get no places: "
              << (*pipeline)->places_status().ToString() << "\n";
  }
  // --format alone prints to stdout; --db (or neither) stores.
  std::string db = opts.db;
  if (db.empty() && opts.format.empty()) db = "dyad.db";
  std::unique_ptr<Store> store;
  if (!db.empty()) {
    auto opened = Store::Open(db);
    if (!opened.ok()) {
      std::cerr << "dyad code: " << opened.status().ToString() << "\n";
      return kExitFatal;
    }
    store = std::move(opened).value();
  }
  if (opts.format == "tsv") std::cout << TsvHeader();

  Tally tally;
  IngestOptions ingest;
  ingest.published = opts.published;
  ingest.format = ParseInputFormat(opts.input_format);
  constexpr int kArticlesPerBatch = 256;
  int batched = 0;
  // Progress only on a terminal: logs and pipes get the summary line alone.
  std::unique_ptr<Progress> progress;
  if (isatty(STDERR_FILENO)) {
    progress = std::make_unique<Progress>(
        &std::cerr, CountInputDocuments(opts.inputs), Progress::SteadyClock());
  }
  int64_t inputs_read = 0;  // documents and failed records, for progress
  auto clear_progress = [&] {
    if (progress) progress->Clear();
  };
  auto report_store_error = [&](const Status& status) {
    if (status.ok()) return;
    clear_progress();
    ++tally.errors;
    std::cerr << "dyad code: " << db << ": " << status.ToString() << "\n";
  };
  auto sink = [&](Result<Document> read) {
    ++inputs_read;
    if (!read.ok()) {
      clear_progress();
      ++tally.errors;
      std::cerr << "dyad code: " << read.status().ToString() << "\n";
      return;
    }
    Document& doc = read.value();
    Status coded = (*pipeline)->Process(&doc);
    if (!coded.ok()) {
      clear_progress();
      ++tally.errors;
      std::cerr << "dyad code: " << doc.source << ": " << coded.ToString()
                << "\n";
      return;
    }
    ++tally.documents;
    tally.sentences += doc.sentences.size();
    tally.events += doc.events.size();
    if (opts.format == "jsonl") {
      std::cout << DocumentToJsonLine(doc) << "\n";
    } else if (opts.format == "tsv") {
      std::cout << DocumentToTsv(doc);
    }
    if (store) {
      // Batches of articles share one transaction: a first store of a large
      // corpus is otherwise dominated by commits.
      if (batched == kArticlesPerBatch) {
        report_store_error(store->CommitBatch());
        batched = 0;
      }
      if (batched == 0) report_store_error(store->BeginBatch());
      ++batched;
      auto put = store->Put(doc);
      if (!put.ok()) {
        clear_progress();
        ++tally.errors;
        std::cerr << "dyad code: " << doc.source << ": "
                  << put.status().ToString() << "\n";
      } else if (*put) {
        ++tally.stored;
      } else {
        ++tally.unchanged;
      }
    }
    if (progress) progress->Update(inputs_read);
  };
  for (const std::string& input : opts.inputs) {
    Status status = IngestPath(input, ingest, sink);
    if (!status.ok()) {
      clear_progress();
      ++tally.errors;
      std::cerr << "dyad code: " << status.ToString() << "\n";
    }
  }
  if (store && batched > 0) report_store_error(store->CommitBatch());
  std::cout.flush();
  clear_progress();
  std::cerr << "coded " << tally.documents << " articles, " << tally.sentences
            << " sentences, " << tally.events << " events";
  if (store) {
    std::cerr << "; stored " << tally.stored << " in " << db << " ("
              << tally.unchanged << " unchanged)";
    Result<StoreCounts> counts = store->Counts();
    if (counts.ok()) {
      std::cerr << ", which holds " << counts->events << " events, "
                << counts->merged_events << " once merged across articles";
    }
  }
  std::cerr << "; " << tally.errors << " errors\n";
  return tally.errors == 0 ? kExitOk : kExitInputErrors;
}

}  // namespace

void AddCodeCommand(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<CodeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "code",
      "Code articles (wire-story text, JSONL, HTML; files, directories or - "
      "for stdin) into events");
  cmd->add_option("inputs", opts->inputs, "Files or directories to code")
      ->required();
  cmd->add_option("--db", opts->db,
                  "SQLite file to store into (default dyad.db unless "
                  "--format is given)");
  cmd->add_option("--format", opts->format, "Print to stdout: jsonl or tsv")
      ->check(CLI::IsMember({"jsonl", "tsv"}));
  cmd->add_option("--published", opts->published,
                  "Publication date YYYY-MM-DD where the input has none")
      ->check(CLI::Validator(
          [](std::string& date) -> std::string {
            if (IsPublishedDate(date)) return "";
            return "\"" + date +
                   "\" is not a calendar date in the form YYYY-MM-DD "
                   "(e.g. 2023-02-01)";
          },
          "YYYY-MM-DD", "calendar date"));
  cmd->add_option("--models", opts->models,
                  "Directory of the tagger and parser models (default: "
                  "$DYAD_MODELS, else the models/ of the source tree)");
  cmd->add_flag("--no-parse", opts->no_parse,
                "Code without the dependency parse (sparse coder only)");
  cmd->add_option("--dictionaries", opts->dictionaries,
                  "Code with the TABARI or PETRARCH dictionaries in DIR "
                  "instead of the default lexicon");
  cmd->add_option("--input-format", opts->input_format,
                  "auto (by extension and content), wire, jsonl or html")
      ->check(CLI::IsMember({"auto", "wire", "jsonl", "html"}));
  cmd->callback([opts, exit_code] { *exit_code = RunCode(*opts); });
}

}  // namespace dyad::cli
