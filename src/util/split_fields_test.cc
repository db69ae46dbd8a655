#include "util/split_fields.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad {
namespace {

using Fields = std::vector<std::string_view>;

TEST(SplitFieldsTest, EveryFieldIncludingEmptyOnes) {
  EXPECT_EQ(SplitFields("a\tb\tc"), (Fields{"a", "b", "c"}));
  EXPECT_EQ(SplitFields("a\t\tb"), (Fields{"a", "", "b"}));
  EXPECT_EQ(SplitFields("\ta\t"), (Fields{"", "a", ""}));
  EXPECT_EQ(SplitFields(""), (Fields{""}));
  EXPECT_EQ(SplitFields("x,y", ','), (Fields{"x", "y"}));
}

TEST(SplitFieldsTest, ViewsPointIntoTheLine) {
  std::string line = "one\ttwo";
  Fields f = SplitFields(line);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].data(), line.data() + 4);
  // Joining the fields back with the separator gives the line again.
  std::string joined(f[0]);
  for (size_t i = 1; i < f.size(); ++i) {
    joined.push_back('\t');
    joined.append(f[i]);
  }
  EXPECT_EQ(joined, line);
}

}  // namespace
}  // namespace dyad
