// The arc-hybrid transition system (Kuhlmann, Gomez-Rodriguez and Satta
// 2011) with the root at the bottom of the stack, and its dynamic oracle
// (Goldberg and Nivre 2013): for any configuration, the number of gold arcs
// each transition makes unreachable. Arc-hybrid costs are exact for
// projective trees, so training can follow the parser's own (wrong) moves
// and still learn the best continuation.
//
// Words are numbered 1..n, 0 is the root. Transitions:
//   SHIFT      move the first buffer word b0 onto the stack
//   LEFT(l)    make b0 the head of the stack top s0 with label l, pop s0
//   RIGHT(l)   make s1 (below s0) the head of s0 with label l, pop s0
// RIGHT onto the root is only allowed once the buffer is empty, so every
// parse has exactly one word attached to the root, as UD requires; only
// that arc may carry the root label.
#ifndef DYAD_ANALYZE_TRANSITION_SYSTEM_H_
#define DYAD_ANALYZE_TRANSITION_SYSTEM_H_

#include <array>
#include <cstdint>
#include <vector>

namespace dyad::analyze {

// A transition as a class number: 0 is SHIFT, 1 + 2l is LEFT(l) and
// 2 + 2l is RIGHT(l) for label l.
inline constexpr int kShift = 0;
inline int LeftClass(int label) { return 1 + 2 * label; }
inline int RightClass(int label) { return 2 + 2 * label; }
inline int ClassCount(int labels) { return 1 + 2 * labels; }
inline bool IsLeft(int cls) { return cls > 0 && cls % 2 == 1; }
inline bool IsRight(int cls) { return cls > 0 && cls % 2 == 0; }
inline int ClassLabel(int cls) { return (cls - 1) / 2; }

// A parser state over a sentence of n words. Stores the arcs built so far
// and, for feature extraction, each word's two leftmost and two rightmost
// children.
class Configuration {
 public:
  // Starts the parse of `n` words: stack [0], buffer 1..n.
  explicit Configuration(int n) { Reset(n); }
  void Reset(int n);

  int n() const { return n_; }
  bool Terminal() const { return buffer_ > n_ && stack_.size() == 1; }
  int stack_size() const { return static_cast<int>(stack_.size()); }
  // The i-th word from the stack top (0: s0), -1 when there is none.
  int Stack(int i) const {
    return i < stack_size() ? stack_[stack_.size() - 1 - i] : -1;
  }
  // The i-th buffer word (0: b0), -1 past the end.
  int Buffer(int i) const { return buffer_ + i <= n_ ? buffer_ + i : -1; }
  int buffer_start() const { return buffer_; }

  int head(int word) const { return head_[word]; }    // -1: none yet
  int label(int word) const { return label_[word]; }  // -1: none yet
  // Leftmost (k = 0) and second leftmost (k = 1) child, -1 when missing.
  int LeftChild(int word, int k) const { return left_[word][k]; }
  int RightChild(int word, int k) const { return right_[word][k]; }
  int LeftCount(int word) const { return left_count_[word]; }
  int RightCount(int word) const { return right_count_[word]; }

  // Whether `cls` may be applied now; `root_label` is the label number
  // reserved for the arc from the root.
  bool Legal(int cls, int root_label) const;
  // Applies a legal transition.
  void Apply(int cls);

 private:
  void AddArc(int head, int dependent, int label);

  int n_ = 0;
  int buffer_ = 1;
  std::vector<int> stack_;
  std::vector<int> head_, label_, left_count_, right_count_;
  std::vector<std::array<int, 2>> left_, right_;
};

// The gold tree: heads[i] and labels[i] for words 1..n (index 0 unused).
struct GoldTree {
  std::vector<int> heads;
  std::vector<int> labels;
  int n() const { return static_cast<int>(heads.size()) - 1; }
};

// True when no arcs of `tree` cross (and it has one root word).
bool IsProjective(const GoldTree& tree);

// Makes a well-formed `tree` (one root word, no cycle) projective by
// lifting: while some arc crosses another, the dependent of the shortest
// such arc is reattached to its head's head, keeping its label (Nivre and
// Nilsson 2005, without their label encoding). Returns the number of
// lifts, or -1 (and leaves `tree` unchanged) when it is not well formed.
int Projectivize(GoldTree* tree);

// The dynamic oracle: costs[c] for every class c (ClassCount(labels) of
// them) is the number of gold arcs, plus one for a wrong label on a
// correct arc, that become unreachable by applying c in `config`;
// illegal classes get a cost of -1. Exact for projective `gold`.
void TransitionCosts(const Configuration& config, const GoldTree& gold,
                     int num_labels, int root_label, std::vector<int>* costs);

// The static oracle: the one transition the canonical derivation of a
// projective `gold` takes from a configuration on that derivation.
int StaticOracle(const Configuration& config, const GoldTree& gold);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_TRANSITION_SYSTEM_H_
