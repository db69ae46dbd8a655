// Runs a dyad subcommand in-process for the CLI tests, capturing what it
// prints, so a test can check output and exit code without a subprocess.
#ifndef DYAD_CLI_COMMAND_TEST_RUNNER_H_
#define DYAD_CLI_COMMAND_TEST_RUNNER_H_

#include <CLI/CLI.hpp>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"

namespace dyad::cli {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Registers one subcommand with `add` (AddEventsCommand, ...) and runs
// `dyad NAME ARGS...`; a command-line error gives kExitUsage.
inline RunResult RunCommand(void (*add)(CLI::App&, int*),
                            const std::string& name,
                            std::vector<std::string> args) {
  CLI::App app{"dyad"};
  app.require_subcommand(1);
  RunResult result;
  result.exit_code = kExitOk;
  add(app, &result.exit_code);
  args.insert(args.begin(), {"dyad", name});
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  std::ostringstream out, err;
  std::streambuf* old_out = std::cout.rdbuf(out.rdbuf());
  std::streambuf* old_err = std::cerr.rdbuf(err.rdbuf());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    result.exit_code = app.exit(e) == 0 ? kExitOk : kExitUsage;
  }
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  result.out = out.str();
  result.err = err.str();
  return result;
}

}  // namespace dyad::cli

#endif  // DYAD_CLI_COMMAND_TEST_RUNNER_H_
