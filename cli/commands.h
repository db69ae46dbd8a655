// The dyad subcommands. Each Add*Command adds its subcommand to `app`; when
// that subcommand is chosen, its callback runs it and stores the process
// exit code in *exit_code (see kExit* below).
#ifndef DYAD_CLI_COMMANDS_H_
#define DYAD_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

namespace dyad::cli {

// Process exit codes, documented in README.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInputErrors = 1;  // some inputs failed, rest done
inline constexpr int kExitUsage = 2;        // bad command line
inline constexpr int kExitFatal = 3;        // nothing could be done

void AddCodeCommand(CLI::App& app, int* exit_code);
void AddAnalyzeCommand(CLI::App& app, int* exit_code);
void AddEventsCommand(CLI::App& app, int* exit_code);
void AddExportCommand(CLI::App& app, int* exit_code);
void AddEvalCommand(CLI::App& app, int* exit_code);
void AddLexiconCommand(CLI::App& app, int* exit_code);
void AddBenchCommand(CLI::App& app, int* exit_code);
void AddTrainCommand(CLI::App& app, int* exit_code);
void AddServeCommand(CLI::App& app, int* exit_code);
// Adds "ud" under the `eval` subcommand.
void AddEvalUdSubcommand(CLI::App* eval, int* exit_code);
// Adds "parse" under the `train` subcommand.
void AddTrainParseSubcommand(CLI::App* train, int* exit_code);
// Adds "ner" under the `train` subcommand.
void AddTrainNerSubcommand(CLI::App* train, int* exit_code);
// Adds "ner" under the `eval` subcommand.
void AddEvalNerSubcommand(CLI::App* eval, int* exit_code);

}  // namespace dyad::cli

#endif  // DYAD_CLI_COMMANDS_H_
