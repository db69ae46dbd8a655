// dyad eval: accuracy checks against the validation suites in ../shared.
// Each suite is a sub-subcommand ("dyad eval tabari DIR"); later suites
// (petrarch-ud, ud, ner) add theirs beside it.
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "dyad/eval_petrarch_ud.h"
#include "dyad/eval_tabari.h"

namespace dyad::cli {
namespace {

void AddEvalTabari(CLI::App& eval, int* exit_code) {
  auto dir = std::make_shared<std::string>();
  CLI::App* cmd = eval.add_subcommand(
      "tabari",
      "Code the TABARI validation records of DIR/Validate.project (those "
      "before FINAL-01) with the dictionaries and options it names; print one "
      "line per failed record and a last line 'N passed, M failed'. Exit 0 "
      "when every record passes, 1 when some fail, 3 when the suite cannot "
      "be read.");
  cmd->add_option("DIR", *dir, "Directory holding Validate.project")
      ->required();
  cmd->callback([dir, exit_code]() {
    auto result = RunTabariSuite(*dir);
    if (!result.ok()) {
      std::cerr << "dyad eval tabari: " << result.status().ToString() << "\n";
      *exit_code = kExitFatal;
      return;
    }
    PrintTabariReport(*result, std::cout);
    *exit_code = result->failed == 0 ? kExitOk : kExitInputErrors;
  });
}

void AddEvalPetrarchUd(CLI::App& eval, int* exit_code) {
  auto dir = std::make_shared<std::string>();
  auto options = std::make_shared<PetrarchUdEvalOptions>();
  CLI::App* cmd = eval.add_subcommand(
      "petrarch-ud",
      "Code the evaluate=\"true\" records of UniversalPetrarch's "
      "DIR/PETR_Validate_records_2_02.xml with the dictionaries its "
      "<Environment> names, parsing with dyad's own tools; print one line "
      "per failed record, validation.py's table of found (Correct), missing "
      "(Uncoded) and extra events by category, and a last line 'N passed, "
      "M failed'. Exit 0 when every record passes, 1 when some fail, 3 when "
      "the suite cannot be read.");
  cmd->add_option("DIR", *dir,
                  "Directory holding PETR_Validate_records_2_02.xml (or the "
                  "file itself)")
      ->required();
  cmd->add_flag("--all-categories", options->all_categories,
                "Also count categories outside <Include> (PARSING, ERROR), "
                "which validation.py skips");
  cmd->add_flag("--news-prose", options->news_prose,
                "Code with dyad's NEWS PROSE rules");
  auto sparse = std::make_shared<bool>(false);
  cmd->add_flag("--sparse", *sparse,
                "Code with the sparse coder alone, without parsing");
  cmd->add_option("--models", options->models_dir,
                  "Directory of the tagger and parser models (default: "
                  "dyad's models/)");
  auto show_rules = std::make_shared<bool>(false);
  cmd->add_flag("--rules", *show_rules,
                "Show the rule behind each event of a failed record");
  cmd->callback([dir, options, sparse, show_rules, exit_code]() {
    options->parse = !*sparse;
    auto result = RunPetrarchUdSuite(*dir, *options);
    if (!result.ok()) {
      std::cerr << "dyad eval petrarch-ud: " << result.status().ToString()
                << "\n";
      *exit_code = kExitFatal;
      return;
    }
    PrintPetrarchUdReport(*result, std::cout, *show_rules);
    *exit_code = result->failed == 0 ? kExitOk : kExitInputErrors;
  });
}

}  // namespace

void AddEvalCommand(CLI::App& app, int* exit_code) {
  CLI::App* eval = app.add_subcommand(
      "eval", "Measure dyad against a validation suite (see subcommands)");
  eval->require_subcommand(1);
  AddEvalTabari(*eval, exit_code);
  AddEvalPetrarchUd(*eval, exit_code);
  AddEvalUdSubcommand(eval, exit_code);
  AddEvalNerSubcommand(eval, exit_code);
}

}  // namespace dyad::cli
