// The dependency tree of one parsed sentence, indexed by the sentence's own
// token numbers (0 for its first token), as the coder's parse path reads
// it. Heads that leave the sentence or run in a cycle are cut, so every
// walk up or down the tree ends.
#ifndef DYAD_SRC_CODE_DEPENDENCY_TREE_H_
#define DYAD_SRC_CODE_DEPENDENCY_TREE_H_

#include <initializer_list>
#include <string_view>
#include <vector>

#include "dyad/document.h"

namespace dyad::coder_internal {

class DependencyTree {
 public:
  // Reads the analysis of `sentence`'s tokens from `doc` (doc.analysis must
  // cover them). Borrows `doc`, which must outlive the tree.
  DependencyTree(const Document& doc, const Sentence& sentence);

  int size() const { return size_; }
  // The analysis of token `t` (0 <= t < size()).
  const TokenAnalysis& token(int t) const { return doc_.analysis[first_ + t]; }
  // The head of `t`, or -1 for a root (or a head cut as above).
  int head(int t) const { return heads_[t]; }
  const std::vector<int>& children(int t) const { return children_[t]; }
  // Number of heads above `t`.
  int Depth(int t) const;
  // The first child of `t` whose full relation is one of `relations`, or -1.
  int ChildWith(int t, std::initializer_list<std::string_view> relations) const;
  // The lemma of the `case` child of `t` ("to" in "to Ukraine"), or "".
  std::string_view CaseOf(int t) const;
  // True when `t` has a passive subject or auxiliary.
  bool IsPassive(int t) const;
  // True when `t` heads a clause of its own: it has a subject, or is a
  // finite verb or modal.
  bool IsFiniteClause(int t) const;
  // True when `t` has a "to" marker ("to provide").
  bool IsInfinitival(int t) const;
  // in[u] is true for `t` and every token below it.
  std::vector<bool> Subtree(int t) const;

  // "nsubj" for "nsubj:pass": the relation without its subtype.
  static std::string_view BaseRelation(std::string_view deprel) {
    return deprel.substr(0, deprel.find(':'));
  }

 private:
  // Undoes one misparse the coder cannot read around: a finite verb joined
  // as a conjunct to a noun, with its object left on the verb before.
  void RepairVerbConjunctions();

  const Document& doc_;
  int first_ = 0;
  int size_ = 0;
  std::vector<int> heads_;
  std::vector<std::vector<int>> children_;
};

}  // namespace dyad::coder_internal

#endif  // DYAD_SRC_CODE_DEPENDENCY_TREE_H_
