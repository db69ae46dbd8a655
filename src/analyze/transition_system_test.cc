#include "analyze/transition_system.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace dyad::analyze {
namespace {

constexpr int kLabels = 3;
constexpr int kRoot = 0;

// A random projective tree over n words with one root word, built by
// recursively splitting spans: the head of a span picks its dependents'
// sub-spans to the left and right. Labels: root on the root arc, 1 or 2
// elsewhere.
void BuildSpan(int lo, int hi, int head_of_span, uint64_t* state,
               GoldTree* tree) {
  if (lo > hi) return;
  auto next = [state]() {
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>(*state >> 33);
  };
  int head = lo + next() % (hi - lo + 1);
  tree->heads[head] = head_of_span;
  tree->labels[head] = head_of_span == 0 ? kRoot : 1 + next() % 2;
  // Split the left and right sides into consecutive sub-spans, each the
  // subtree of one dependent of `head`.
  for (int start = lo; start < head;) {
    int end = start + next() % (head - start);
    BuildSpan(start, end, head, state, tree);
    start = end + 1;
  }
  for (int start = head + 1; start <= hi;) {
    int end = start + next() % (hi - start + 1);
    BuildSpan(start, end, head, state, tree);
    start = end + 1;
  }
}

GoldTree RandomTree(int n, uint64_t seed) {
  GoldTree tree;
  tree.heads.assign(n + 1, -1);
  tree.labels.assign(n + 1, -1);
  uint64_t state = seed;
  BuildSpan(1, n, 0, &state, &tree);
  return tree;
}

// The arcs a configuration's parse got right (head and label).
int CorrectArcs(const Configuration& config, const GoldTree& gold) {
  int correct = 0;
  for (int i = 1; i <= gold.n(); ++i) {
    correct +=
        config.head(i) == gold.heads[i] && config.label(i) == gold.labels[i];
  }
  return correct;
}

// The best number of correct arcs reachable from `config`, by exhaustive
// search: the reference the dynamic oracle's costs are checked against.
int BestReachable(const Configuration& config, const GoldTree& gold) {
  if (config.Terminal()) return CorrectArcs(config, gold);
  // A label only matters to the arc it is on, so of the labelled
  // variants of LEFT and RIGHT only the gold label of s0 (or, where it is
  // illegal, any legal one) needs exploring.
  int s0 = config.Stack(0);
  int best = -1;
  for (int move = 0; move < 3; ++move) {
    int chosen = -1;
    if (move == 0) {
      if (config.Legal(kShift, kRoot)) chosen = kShift;
    } else {
      for (int l = 0; l < kLabels && s0 > 0; ++l) {
        int c = move == 1 ? LeftClass(l) : RightClass(l);
        if (!config.Legal(c, kRoot)) continue;
        if (chosen < 0 || l == gold.labels[s0]) chosen = c;
      }
    }
    if (chosen < 0) continue;
    Configuration next = config;
    next.Apply(chosen);
    best = std::max(best, BestReachable(next, gold));
  }
  return best;
}

TEST(TransitionSystemTest, RandomTreesAreProjective) {
  for (int seed = 1; seed <= 200; ++seed) {
    GoldTree tree = RandomTree(1 + seed % 12, seed);
    EXPECT_TRUE(IsProjective(tree)) << seed;
  }
}

TEST(TransitionSystemTest, DetectsCrossingArcs) {
  // 1 <- 3, 2 -> 4 cross; root 3... "2 -> 4" and "3 -> 1" cross.
  GoldTree tree{{-1, 3, 3, 0, 2}, {-1, 1, 1, 0, 1}};
  EXPECT_FALSE(IsProjective(tree));
  GoldTree two_roots{{-1, 0, 0}, {-1, 0, 0}};
  EXPECT_FALSE(IsProjective(two_roots));
}

TEST(TransitionSystemTest, ProjectivizeLiftsTheShortestCrossingArc) {
  // Root 3; 3 -> 1, 3 -> 2 and 2 -> 4: "2 -> 4" crosses the root arc's
  // span of 3 (3 lies between 2 and 4 but does not descend from 2). The
  // only lift reattaches 4 to 2's head, 3, keeping 4's label.
  GoldTree tree{{-1, 3, 3, 0, 2}, {-1, 1, 1, 0, 2}};
  EXPECT_EQ(Projectivize(&tree), 1);
  EXPECT_EQ(tree.heads, (std::vector<int>{-1, 3, 3, 0, 3}));
  EXPECT_EQ(tree.labels, (std::vector<int>{-1, 1, 1, 0, 2}));
  EXPECT_TRUE(IsProjective(tree));
}

TEST(TransitionSystemTest, ProjectivizeMakesEveryTreeProjective) {
  // Random trees made non-projective by reattaching words to random
  // non-descendants; lifting must end in a projective tree with the same
  // root word, and leave projective trees alone.
  for (uint64_t seed = 1; seed <= 300; ++seed) {
    int n = 2 + static_cast<int>(seed % 15);
    GoldTree tree = RandomTree(n, seed);
    GoldTree same = tree;
    EXPECT_EQ(Projectivize(&same), 0);
    EXPECT_EQ(same.heads, tree.heads);
    uint64_t state = seed * 7919;
    for (int round = 0; round < 3; ++round) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      int d = 1 + static_cast<int>((state >> 33) % n);
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      int h = 1 + static_cast<int>((state >> 33) % n);
      if (tree.heads[d] == 0 || h == d) continue;
      // h must not descend from d, or the new arc would close a cycle.
      int a = h;
      while (a != 0 && a != d) a = tree.heads[a];
      if (a == d) continue;
      tree.heads[d] = h;
    }
    int root = 0;
    for (int i = 1; i <= n; ++i) root = tree.heads[i] == 0 ? i : root;
    int lifts = Projectivize(&tree);
    EXPECT_GE(lifts, 0) << seed;
    EXPECT_TRUE(IsProjective(tree)) << seed;
    EXPECT_EQ(tree.heads[root], 0) << seed;
  }
}

TEST(TransitionSystemTest, ProjectivizeRejectsMalformedTrees) {
  GoldTree two_roots{{-1, 0, 0}, {-1, 0, 0}};
  EXPECT_EQ(Projectivize(&two_roots), -1);
  GoldTree cycle{{-1, 0, 3, 2}, {-1, 0, 1, 1}};
  EXPECT_EQ(Projectivize(&cycle), -1);
  EXPECT_EQ(cycle.heads, (std::vector<int>{-1, 0, 3, 2}));
}

TEST(TransitionSystemTest, StaticOracleReproducesEveryProjectiveTree) {
  for (int seed = 1; seed <= 500; ++seed) {
    GoldTree gold = RandomTree(1 + seed % 25, seed * 7919);
    Configuration config(gold.n());
    std::vector<int> costs;
    int steps = 0;
    while (!config.Terminal()) {
      int cls = StaticOracle(config, gold);
      ASSERT_TRUE(config.Legal(cls, kRoot)) << "seed " << seed;
      // The dynamic oracle agrees: the canonical move costs nothing.
      TransitionCosts(config, gold, kLabels, kRoot, &costs);
      ASSERT_EQ(costs[cls], 0) << "seed " << seed << " step " << steps;
      config.Apply(cls);
      ++steps;
    }
    EXPECT_EQ(steps, 2 * gold.n()) << seed;
    EXPECT_EQ(CorrectArcs(config, gold), gold.n()) << seed;
  }
}

TEST(TransitionSystemTest, EveryParseIsATreeWithOneRootWord) {
  uint64_t state = 42;
  for (int trial = 0; trial < 300; ++trial) {
    int n = 1 + trial % 20;
    Configuration config(n);
    while (!config.Terminal()) {
      std::vector<int> legal;
      for (int c = 0; c < ClassCount(kLabels); ++c) {
        if (config.Legal(c, kRoot)) legal.push_back(c);
      }
      ASSERT_FALSE(legal.empty());
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      config.Apply(legal[(state >> 33) % legal.size()]);
    }
    int roots = 0;
    for (int i = 1; i <= n; ++i) {
      ASSERT_GE(config.head(i), 0);
      roots += config.head(i) == 0;
      EXPECT_EQ(config.head(i) == 0, config.label(i) == kRoot);
    }
    EXPECT_EQ(roots, 1);
  }
}

// From configurations reached by random moves, each legal transition's
// cost equals the arcs it loses against the best reachable parse, and a
// zero-cost move always exists once the lost arcs are counted.
TEST(TransitionSystemTest, DynamicOracleCostsAreExact) {
  uint64_t state = 7;
  std::vector<int> costs;
  for (int trial = 0; trial < 150; ++trial) {
    GoldTree gold = RandomTree(2 + trial % 5, trial + 1000);
    Configuration config(gold.n());
    while (!config.Terminal()) {
      TransitionCosts(config, gold, kLabels, kRoot, &costs);
      int here = BestReachable(config, gold);
      int min_cost = -1;
      std::vector<int> legal;
      for (int c = 0; c < ClassCount(kLabels); ++c) {
        ASSERT_EQ(costs[c] >= 0, config.Legal(c, kRoot));
        if (costs[c] < 0) continue;
        legal.push_back(c);
        Configuration next = config;
        next.Apply(c);
        ASSERT_EQ(costs[c], here - BestReachable(next, gold))
            << "trial " << trial << " class " << c;
        if (min_cost < 0 || costs[c] < min_cost) min_cost = costs[c];
      }
      EXPECT_EQ(min_cost, 0);
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      config.Apply(legal[(state >> 33) % legal.size()]);
    }
  }
}

TEST(TransitionSystemTest, TracksChildrenForFeatures) {
  // "the big dog barked": 1 <- 3, 2 <- 3, 3 <- 4, root -> 4.
  Configuration config(4);
  config.Apply(kShift);        // [0 1]
  config.Apply(kShift);        // [0 1 2]
  config.Apply(LeftClass(1));  // 2 <- 3
  config.Apply(LeftClass(1));  // 1 <- 3
  config.Apply(kShift);        // [0 3]
  config.Apply(LeftClass(2));  // 3 <- 4
  config.Apply(kShift);        // [0 4]
  EXPECT_TRUE(config.Legal(RightClass(kRoot), kRoot));
  EXPECT_FALSE(config.Legal(RightClass(1), kRoot));
  config.Apply(RightClass(kRoot));
  EXPECT_TRUE(config.Terminal());
  EXPECT_EQ(config.LeftChild(3, 0), 1);
  EXPECT_EQ(config.LeftChild(3, 1), 2);
  EXPECT_EQ(config.LeftCount(3), 2);
  EXPECT_EQ(config.RightCount(3), 0);
  EXPECT_EQ(config.LeftChild(4, 0), 3);
  EXPECT_EQ(config.head(4), 0);
  EXPECT_EQ(config.label(3), 2);
}

}  // namespace
}  // namespace dyad::analyze
