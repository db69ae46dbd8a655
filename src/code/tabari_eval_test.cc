#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dyad/eval_tabari.h"

namespace dyad {
namespace {

TEST(TabariRecordsTest, ParsesRecordsCommentsAndOptions) {
  auto path = std::filesystem::temp_directory_path() /
              ("dyad_records_" + std::to_string(::getpid()) + ".text");
  std::ofstream(path)
      << "# header\n\n"
         "950101  DEMO-01\nArnor restored ties with Gondor.\n"
         "/*\\n[Simple]\n\\n{ ARN / GON / 064 } */\n\n"
         "950101  OPT-1\nChanging options\n"
         "/*\\n{ OPTION: SET: CODE ALL } */\n\n"
         "950101  NONE-1\nNothing here.\n/* {---} -{ A / B / 1 } */\n\n"
         "990101  FINAL-01\nend\n\n950101 AFTER-1\nx /* {+++} */\n";
  auto records = ReadTabariRecords(path.string());
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 3u);
  const TabariRecord& r = (*records)[0];
  EXPECT_EQ(r.id, "DEMO-01");
  EXPECT_EQ(r.date, "950101");
  EXPECT_EQ(r.line, 3);
  EXPECT_NE(r.text.find("Arnor restored ties"), std::string::npos);
  EXPECT_EQ(r.text.find("Simple"), std::string::npos);
  ASSERT_EQ(r.expected.size(), 1u);
  EXPECT_EQ(r.expected[0], (TabariTriple{"ARN", "GON", "064"}));
  EXPECT_TRUE((*records)[1].is_option());
  EXPECT_EQ((*records)[1].option_lines[0], "SET: CODE ALL");
  EXPECT_TRUE((*records)[2].expected.empty());
  EXPECT_FALSE((*records)[2].is_option());
  std::filesystem::remove(path);
}

TEST(TabariRecordsTest, MissingFileIsNotFound) {
  auto records = ReadTabariRecords("/nonexistent/Validate.text");
  ASSERT_FALSE(records.ok());
  EXPECT_EQ(records.status().code(), StatusCode::kNotFound);
}

// 472 records precede FINAL-01; 23 of them only set options.
TEST(TabariRecordsTest, SharedSuiteHas472Records) {
  std::string path =
      std::string(DYAD_SHARED_DIR) + "/data/suites/tabari/Validate.text";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  auto records = ReadTabariRecords(path);
  ASSERT_TRUE(records.ok());
  int counted = 0;
  for (const auto& r : *records)
    if (!r.is_option()) ++counted;
  EXPECT_EQ(records->size(), 472u);
  EXPECT_EQ(counted, 449);
}

}  // namespace
}  // namespace dyad
