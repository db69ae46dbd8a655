// Runs UniversalPetrarch's validation suite from ../shared and guards the
// figures measured when the harness was written against regressions.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "dyad/eval_petrarch_ud.h"

namespace dyad {
namespace {

// Records validation.py counts: evaluate="true" and of an <Include>
// category (264 minus 12 PARSING and 7 ERROR records).
constexpr int kCountedRecords = 245;
// Expected events found (of 313) and extra events, measured on 2026-11-29
// with the committed models and "[A/B]" actor codes read whole as
// UniversalPetrarch reads them: sparse coder 243 found, 70 extra; parse path
// (parser feature set 3, negation through the suite's coding ontology,
// word order where the tree hides a pattern or reads a verb as a noun,
// the longer synset member between equal patterns)
// 278 found, 21 extra. Tighten them as the coder improves; never loosen them
// to let a regression pass.
constexpr int kSparseFoundFloor = 243;
constexpr int kSparseExtraCeiling = 70;
constexpr int kParsedFoundFloor = 278;
constexpr int kParsedExtraCeiling = 21;

std::filesystem::path SuiteDir() {
  return std::filesystem::path(DYAD_SHARED_DIR) /
         "data/suites/universalpetrarch";
}

bool HaveSuite() {
  return std::filesystem::exists(SuiteDir() / "PETR_Validate_records_2_02.xml");
}

void CheckShape(const PetrarchUdEvalResult& result, const std::string& report) {
  EXPECT_EQ(result.evaluate_true, 264) << report;
  EXPECT_EQ(result.total.records, kCountedRecords) << report;
  EXPECT_EQ(result.skipped.size(), 19u) << report;
  EXPECT_TRUE(result.dictionary_errors.empty()) << report;
  EXPECT_EQ(result.passed + result.failed, result.total.records);
  EXPECT_EQ(result.total.found + result.total.missing, 313) << report;
}

TEST(PetrarchUdSuiteTest, SparseCoderFoundDoesNotRegress) {
  if (!HaveSuite())
    GTEST_SKIP() << "UniversalPetrarch suite not found under " << SuiteDir()
                 << " (../shared absent)";
  PetrarchUdEvalOptions options;
  options.parse = false;
  auto result = RunPetrarchUdSuite(SuiteDir().string(), options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  std::ostringstream report;
  PrintPetrarchUdReport(*result, report);
  CheckShape(*result, report.str());
  EXPECT_GE(result->total.found, kSparseFoundFloor) << report.str();
  EXPECT_LE(result->total.extra, kSparseExtraCeiling) << report.str();
}

TEST(PetrarchUdSuiteTest, ParsedFoundDoesNotRegress) {
  if (!HaveSuite())
    GTEST_SKIP() << "UniversalPetrarch suite not found under " << SuiteDir()
                 << " (../shared absent)";
  auto result = RunPetrarchUdSuite(SuiteDir().string());
  // The model files are checked by the analyze tests; here a model that
  // does not load (e.g. retrained features not yet committed) skips.
  if (!result.ok() &&
      result.status().message().find(".dyad") != std::string::npos)
    GTEST_SKIP() << "models do not load: " << result.status().ToString();
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  std::ostringstream report;
  PrintPetrarchUdReport(*result, report);
  CheckShape(*result, report.str());
  EXPECT_GE(result->total.found, kParsedFoundFloor) << report.str();
  EXPECT_LE(result->total.extra, kParsedExtraCeiling) << report.str();
}

}  // namespace
}  // namespace dyad
