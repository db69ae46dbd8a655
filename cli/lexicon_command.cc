// dyad lexicon check FILE...: report every dictionary syntax error.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "dyad/lexicon.h"

namespace dyad::cli {

void AddLexiconCommand(CLI::App& app, int* exit_code) {
  CLI::App* lexicon =
      app.add_subcommand("lexicon", "Work with dictionary files");
  lexicon->require_subcommand(1);
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* check = lexicon->add_subcommand(
      "check",
      "Check TABARI dictionary files (.actors, .agents, .verbs, .options, "
      ".project): print every error as FILE:LINE: message. Exit 0 when all "
      "files are clean, 1 when any has errors, 3 when a file cannot be read.");
  check->add_option("FILE", *files, "Dictionary files to check")->required();
  check->callback([files, exit_code]() {
    int code = kExitOk;
    for (const std::string& f : *files) {
      std::vector<std::string> errors;
      Status s = CheckDictionaryFile(f, &errors);
      for (const std::string& e : errors) std::cout << e << "\n";
      if (!s.ok()) {
        std::cerr << "dyad lexicon check: " << s.ToString() << "\n";
        code = kExitFatal;
      } else if (!errors.empty() && code == kExitOk) {
        code = kExitInputErrors;
      }
    }
    *exit_code = code;
  });
}

}  // namespace dyad::cli
