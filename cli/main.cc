// dyad: international-affairs news to political event data.
#include <CLI/CLI.hpp>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "dyad: code international-affairs news into CAMEO political events"};
  app.require_subcommand(1);
  int exit_code = dyad::cli::kExitOk;
  dyad::cli::AddCodeCommand(app, &exit_code);
  dyad::cli::AddAnalyzeCommand(app, &exit_code);
  dyad::cli::AddEventsCommand(app, &exit_code);
  dyad::cli::AddExportCommand(app, &exit_code);
  dyad::cli::AddEvalCommand(app, &exit_code);
  dyad::cli::AddLexiconCommand(app, &exit_code);
  dyad::cli::AddBenchCommand(app, &exit_code);
  dyad::cli::AddTrainCommand(app, &exit_code);
  dyad::cli::AddServeCommand(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? dyad::cli::kExitOk : dyad::cli::kExitUsage;
  }
  return exit_code;
}
