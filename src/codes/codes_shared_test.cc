// Checks the compiled-in table against the GDELT reference files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "dyad/codes.h"

namespace dyad {
namespace {

const std::filesystem::path kCameo =
    std::filesystem::path(DYAD_SHARED_DIR) / "data/cameo";

TEST(CodesSharedTest, EveryGoldsteinScoreMatchesGdelt) {
  const auto path = kCameo / "GDELT.CAMEO.goldsteinscale.txt";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "shared data absent: " << path;
  }
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  size_t compared = 0;
  int number = 1;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << path << ":" << number;
    std::string code = line.substr(0, tab);
    double score = std::stod(line.substr(tab + 1));
    const CameoCode* entry = FindCameo(code);
    ASSERT_NE(entry, nullptr) << "GDELT code " << code << " missing";
    EXPECT_DOUBLE_EQ(entry->goldstein, score) << code;
    ++compared;
  }
  EXPECT_EQ(compared, AllCameoCodes().size());
}

TEST(CodesSharedTest, EveryGdeltNamedCodeIsKnown) {
  const auto path = kCameo / "GDELT.CAMEO.eventcodes.txt";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "shared data absent: " << path;
  }
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos || tab < 2) continue;  // quad headers: "1"
    EXPECT_TRUE(IsCameoCode(line.substr(0, tab))) << line;
  }
}

}  // namespace
}  // namespace dyad
