#include "analyze/word_classes.h"

#include <gtest/gtest.h>

namespace dyad::analyze {
namespace {

TEST(WordClassesTest, FrequentWordsGetTheSetOfTheirCommonLabels) {
  std::vector<std::pair<uint64_t, int>> seen;
  // Word 10: label 1 x 30, label 2 x 10, label 3 x 1 (under 5%).
  for (int i = 0; i < 30; ++i) seen.emplace_back(10, 1);
  for (int i = 0; i < 10; ++i) seen.emplace_back(10, 2);
  seen.emplace_back(10, 3);
  // Word 11: labels 2 and 1, as common as word 10's, in another order.
  for (int i = 0; i < 10; ++i) seen.emplace_back(11, 2);
  for (int i = 0; i < 10; ++i) seen.emplace_back(11, 1);
  // Word 12: only label 1. Word 13: too rare.
  for (int i = 0; i < 5; ++i) seen.emplace_back(12, 1);
  seen.emplace_back(13, 1);

  WordClasses classes = WordClasses::Build(seen, 3);
  EXPECT_EQ(classes.size(), 3u);
  EXPECT_NE(classes.Find(10), 0u);
  EXPECT_EQ(classes.Find(10), classes.Find(11));  // same set {1, 2}
  EXPECT_NE(classes.Find(10), classes.Find(12));
  EXPECT_EQ(classes.Find(13), 0u);
  EXPECT_EQ(classes.Find(99), 0u);

  WordClasses copy = WordClasses::FromEntries(classes.SortedEntries());
  EXPECT_EQ(copy.SortedEntries(), classes.SortedEntries());
  EXPECT_EQ(copy.Find(12), classes.Find(12));
  EXPECT_EQ(WordClasses::Build(seen, 3).SortedEntries(),
            classes.SortedEntries());
}

}  // namespace
}  // namespace dyad::analyze
