#include "code/dependency_tree.h"

#include <gtest/gtest.h>

#include <random>

namespace dyad::coder_internal {
namespace {

// A document of `n` tokens in one sentence that starts at token `offset`,
// with heads given as document token indices (-1 for none).
Document MakeDoc(const std::vector<int>& heads, int offset = 0) {
  Document doc;
  const int n = static_cast<int>(heads.size());
  doc.tokens.resize(offset + n);
  doc.analysis.resize(offset + n);
  for (int t = 0; t < n; ++t) {
    doc.analysis[offset + t].head = heads[t] < 0 ? -1 : heads[t] + offset;
    doc.analysis[offset + t].deprel = "dep";
  }
  Sentence s;
  s.first_token = static_cast<uint32_t>(offset);
  s.token_count = static_cast<uint32_t>(n);
  doc.sentences.push_back(s);
  return doc;
}

TEST(DependencyTreeTest, ReadsHeadsAndChildrenRelativeToTheSentence) {
  Document doc = MakeDoc({1, -1, 1, 2}, /*offset=*/3);
  DependencyTree tree(doc, doc.sentences[0]);
  ASSERT_EQ(tree.size(), 4);
  EXPECT_EQ(tree.head(0), 1);
  EXPECT_EQ(tree.head(1), -1);
  EXPECT_EQ(tree.children(1), (std::vector<int>{0, 2}));
  EXPECT_EQ(tree.Depth(3), 2);
}

TEST(DependencyTreeTest, CutsCyclesAndHeadsOutsideTheSentence) {
  // 0 -> 1 -> 2 -> 0 is a cycle; 3 points past the sentence; 4 at itself.
  Document doc = MakeDoc({1, 2, 0, 40, 4});
  DependencyTree tree(doc, doc.sentences[0]);
  EXPECT_EQ(tree.head(3), -1);
  EXPECT_EQ(tree.head(4), -1);
  int roots = 0;
  for (int t = 0; t < 3; ++t) roots += tree.head(t) < 0;
  EXPECT_EQ(roots, 1);
  for (int t = 0; t < tree.size(); ++t) EXPECT_LT(tree.Depth(t), tree.size());
}

// Reference: u is below t when t is on u's chain of heads.
bool Below(const DependencyTree& tree, int u, int t) {
  for (int x = u; x >= 0; x = tree.head(x))
    if (x == t) return true;
  return false;
}

TEST(DependencyTreeTest, SubtreeAgreesWithWalkingUpOnRandomHeads) {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    int n = 1 + static_cast<int>(rng() % 12);
    std::vector<int> heads(n);
    for (int& h : heads) h = static_cast<int>(rng() % (n + 1)) - 1;
    Document doc = MakeDoc(heads);
    DependencyTree tree(doc, doc.sentences[0]);
    for (int t = 0; t < n; ++t) {
      std::vector<bool> in = tree.Subtree(t);
      for (int u = 0; u < n; ++u) EXPECT_EQ(in[u], Below(tree, u, t));
    }
  }
}

TEST(DependencyTreeTest, RelationsCasesPassivesAndClauses) {
  // "Rohan was attacked by Arnor to ..." with "to" marking token 5.
  Document doc = MakeDoc({2, 2, -1, 4, 2, 2, 5});
  auto set = [&](int t, const char* rel, const char* lemma, const char* xpos) {
    doc.analysis[t].deprel = rel;
    doc.analysis[t].lemma = lemma;
    doc.analysis[t].xpos = xpos;
  };
  set(0, "nsubj:pass", "Rohan", "NNP");
  set(1, "aux:pass", "be", "VBD");
  set(2, "root", "attack", "VBN");
  set(3, "case", "by", "IN");
  set(4, "obl:agent", "Arnor", "NNP");
  set(5, "advcl", "help", "VB");
  set(6, "mark", "to", "TO");
  DependencyTree tree(doc, doc.sentences[0]);
  EXPECT_EQ(DependencyTree::BaseRelation("nsubj:pass"), "nsubj");
  EXPECT_EQ(tree.ChildWith(2, {"obl:agent"}), 4);
  EXPECT_EQ(tree.ChildWith(2, {"obj", "iobj"}), -1);
  EXPECT_EQ(tree.CaseOf(4), "by");
  EXPECT_TRUE(tree.IsPassive(2));
  EXPECT_FALSE(tree.IsPassive(5));
  EXPECT_TRUE(tree.IsFiniteClause(2));  // has a subject
  EXPECT_FALSE(tree.IsFiniteClause(5));
  EXPECT_TRUE(tree.IsInfinitival(5));
}

TEST(DependencyTreeTest, AFiniteVerbJoinedToANounJoinsTheVerbAbove) {
  // condemned(0) attack(1) Thursday(2) and(3) promised(4) aid(5): the
  // parser made "promised" a conjunct of "Thursday" and "aid" a second
  // object of "condemned".
  Document doc = MakeDoc({-1, 0, 1, 4, 2, 0});
  const char* upos[] = {"VERB", "NOUN", "PROPN", "CCONJ", "VERB", "NOUN"};
  const char* xpos[] = {"VBD", "NN", "NNP", "CC", "VBD", "NN"};
  const char* rel[] = {"root", "obj", "nmod", "cc", "conj", "obj"};
  for (int t = 0; t < 6; ++t) {
    doc.analysis[t].upos = upos[t];
    doc.analysis[t].xpos = xpos[t];
    doc.analysis[t].deprel = rel[t];
  }
  DependencyTree tree(doc, doc.sentences[0]);
  EXPECT_EQ(tree.head(4), 0);
  EXPECT_EQ(tree.head(5), 4);
  EXPECT_EQ(tree.head(1), 0);
  EXPECT_EQ(tree.children(0), (std::vector<int>{1, 4}));
  // A participle modifying a noun through conj is left alone when no verb
  // stands above it.
  doc.analysis[0].upos = "NOUN";
  DependencyTree nominal(doc, doc.sentences[0]);
  EXPECT_EQ(nominal.head(4), 2);
}

}  // namespace
}  // namespace dyad::coder_internal
