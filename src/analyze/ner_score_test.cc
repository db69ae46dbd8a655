#include "analyze/ner_score.h"

#include <gtest/gtest.h>

namespace dyad::analyze {
namespace {

TEST(NerScoreTest, HandComputedExample) {
  // Sentence 1: gold PER[0,2) LOC[3,4); predicted PER[0,2) (right),
  // ORG[3,4) (wrong type).
  // Sentence 2: gold ORG[0,3); predicted ORG[0,2) (wrong span), LOC[4,5)
  // (spurious).
  EntityScorer scorer;
  scorer.Add({{0, 2, "PER"}, {3, 4, "LOC"}}, {{0, 2, "PER"}, {3, 4, "ORG"}});
  scorer.Add({{0, 3, "ORG"}}, {{0, 2, "ORG"}, {4, 5, "LOC"}});
  const EntityCounts& all = scorer.overall();
  EXPECT_EQ(all.gold, 3u);
  EXPECT_EQ(all.predicted, 4u);
  EXPECT_EQ(all.correct, 1u);
  EXPECT_DOUBLE_EQ(all.precision(), 25.0);
  EXPECT_DOUBLE_EQ(all.recall(), 100.0 / 3);
  // F1 = 2 * 25 * 33.33 / 58.33 = 28.571...
  EXPECT_NEAR(all.f1(), 200.0 / 7, 1e-9);
  const auto& by_type = scorer.by_type();
  EXPECT_EQ(by_type.at("PER").correct, 1u);
  EXPECT_DOUBLE_EQ(by_type.at("PER").f1(), 100.0);
  EXPECT_EQ(by_type.at("ORG").gold, 1u);
  EXPECT_EQ(by_type.at("ORG").predicted, 2u);
  EXPECT_DOUBLE_EQ(by_type.at("ORG").f1(), 0.0);
  EXPECT_EQ(by_type.at("LOC").gold, 1u);
  EXPECT_EQ(by_type.at("LOC").predicted, 1u);
}

TEST(NerScoreTest, EmptyIsZeroNotNan) {
  EntityScorer scorer;
  scorer.Add({}, {});
  EXPECT_EQ(scorer.overall().f1(), 0.0);
}

}  // namespace
}  // namespace dyad::analyze
