// Checks every event code of the embedded default verbs against the CAMEO
// codebook in ../shared/data/cameo (skipped when that folder is absent).
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "dictionary_lines.h"

namespace dyad {
namespace {

using namespace lexicon_test;  // NOLINT: test support types

TEST(DefaultLexiconCodebookTest, VerbCodesExistInTheCameoCodebook) {
  std::ifstream in(std::string(DYAD_SHARED_DIR) +
                   "/data/cameo/GDELT.CAMEO.eventcodes.txt");
  if (!in) GTEST_SKIP() << "no " << DYAD_SHARED_DIR << "/data/cameo";
  std::set<std::string> codes;
  std::string line;
  static const std::regex kCode("([0-9]{3,4})\\b");
  while (std::getline(in, line)) {
    for (auto it = std::sregex_iterator(line.begin(), line.end(), kCode);
         it != std::sregex_iterator(); ++it) {
      codes.insert((*it)[1]);
    }
  }
  ASSERT_GT(codes.size(), 280u);
  std::vector<std::string> bad;
  for (const Entry& e : VerbEntries(&bad)) {
    std::string code = e.code;
    if (code == "---" || code == "###") continue;
    if (code.back() == '!' || code.back() == '?') code.pop_back();
    size_t colon = code.find(':');
    EXPECT_TRUE(codes.count(code.substr(0, colon))) << Where(e) << e.code;
    if (colon != std::string::npos) {
      EXPECT_TRUE(codes.count(code.substr(colon + 1))) << Where(e) << e.code;
    }
  }
}

}  // namespace
}  // namespace dyad
