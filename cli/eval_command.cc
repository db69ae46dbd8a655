// dyad eval: accuracy checks against the validation suites in ../shared.
// Each suite is a sub-subcommand ("dyad eval tabari DIR"); later suites
// (petrarch-ud, ud, ner) add theirs beside it.
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
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

}  // namespace

void AddEvalCommand(CLI::App& app, int* exit_code) {
  CLI::App* eval = app.add_subcommand(
      "eval", "Measure dyad against a validation suite (see subcommands)");
  eval->require_subcommand(1);
  AddEvalTabari(*eval, exit_code);
  AddEvalUdSubcommand(eval, exit_code);
  AddEvalNerSubcommand(eval, exit_code);
}

}  // namespace dyad::cli
