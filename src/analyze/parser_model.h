// A trained dependency parser: arc labels, transition weights and the
// self-test sentences checked on load.
#ifndef DYAD_ANALYZE_PARSER_MODEL_H_
#define DYAD_ANALYZE_PARSER_MODEL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "analyze/feature_weights.h"
#include "analyze/parser_features.h"

namespace dyad::analyze {

// A tagged sentence with the tree the model gave it when it was saved;
// re-parsed on load to catch a damaged or mismatched file.
struct ParserSelfTest {
  std::vector<std::string> words, upos, xpos;
  std::vector<int> heads;   // per word, 0 for the root
  std::vector<int> labels;  // per word, index into ParserModel::labels
};

// The weights laid out for parsing speed: one open-addressing table of
// 8-byte slots, and the rows behind it, short rows as (class, weight)
// pairs and long rows (most of the weight the tag features carry) as dense
// vectors over all classes, which the compiler adds with SIMD instead of
// one scattered add per weight. Built from a FeatureWeights; scores the
// same (parser_test checks it).
class ParserScorer {
 public:
  ParserScorer() = default;
  ParserScorer(const FeatureWeights& weights, int classes);

  bool empty() const { return slots_.empty(); }

  // Adds into scores[c] (ClassCount entries, at least dense_stride()
  // writable) the weights of each of `keys`.
  void AddScores(const uint64_t* keys, int count, int32_t* scores) const;

  // Classes rounded up to a multiple of 16: the entries a dense row adds.
  int dense_stride() const { return stride_; }

 private:
  // A row is dense when it holds at least this many weights.
  static constexpr uint32_t kDenseFrom = 24;
  static constexpr uint32_t kDense = 0xFF;  // count value of a dense row

  struct Slot {
    uint32_t fingerprint = 0;  // 0: empty
    uint32_t begin : 24 = 0;   // index into pool_ (in int16 units / 2)
    uint32_t count : 8 = 0;    // pairs in a sparse row, or kDense
  };
  static uint32_t Fingerprint(uint64_t key) {
    uint32_t f = static_cast<uint32_t>(key >> 32);
    return f == 0 ? 1 : f;
  }

  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  int stride_ = 0;
  // Sparse rows: int16 pairs (class, weight); dense rows: stride_ weights.
  // Every row starts at an even index, so `begin` counts pairs.
  std::vector<int16_t> pool_;
};

struct ParserModel {
  std::vector<std::string> labels;  // UD relations ("nsubj:pass"), <= 127
  int root_label = 0;               // index of "root" in labels
  FeatureWeights weights;           // weight labels are transition classes
  std::vector<ParserSelfTest> self_test;
  // Built from `weights` by Prepare(); Parse uses it when present (and
  // `weights` directly otherwise, the slower way).
  ParserScorer scorer;

  // Builds `scorer` from `weights`: call after setting the weights.
  void Prepare();

  // Parses `words` (words[0] the root, then one per word) greedily: writes
  // heads[i] and labels[i] for word i + 1 (head 0 is the root).
  void Parse(const std::vector<ParserWord>& words, std::vector<int>* heads,
             std::vector<int>* labels) const;

  // Fills each sentence's heads and labels with what the model predicts.
  void FillSelfTest(std::vector<ParserSelfTest>* sentences) const;
};

// The ParserWord sequence of a tagged sentence, root first.
void MakeParserWords(const std::vector<std::string>& forms,
                     const std::vector<std::string>& upos,
                     const std::vector<std::string>& xpos,
                     std::vector<ParserWord>* out);

// The best legal class in `scores` (ClassCount(num_labels) entries) for
// `config`; ties go to the smaller class number.
template <typename Score>
int BestLegalClass(const Configuration& config, const Score* scores,
                   int num_labels, int root_label) {
  bool shift = config.Buffer(0) >= 0;
  bool reduce = config.stack_size() >= 2;
  bool left = reduce && shift;
  bool right = reduce && (config.Stack(1) != 0 || !shift);
  bool right_root_only = reduce && config.Stack(1) == 0;
  int best = -1;
  if (shift) best = kShift;
  for (int l = 0; l < num_labels; ++l) {
    bool is_root = l == root_label;
    if (left && !is_root) {
      int c = LeftClass(l);
      if (best < 0 || scores[c] > scores[best]) best = c;
    }
    if (right && is_root == right_root_only) {
      int c = RightClass(l);
      if (best < 0 || scores[c] > scores[best]) best = c;
    }
  }
  return best;
}

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_PARSER_MODEL_H_
