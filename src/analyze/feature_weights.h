// The tagger's weights: for each feature key, a short list of (label,
// weight) pairs, the labels the feature votes for or against. Most features
// touch only a few of the ~100 labels, so sparse rows are both smaller on
// disk and faster to score than a dense key x label table.
#ifndef DYAD_ANALYZE_FEATURE_WEIGHTS_H_
#define DYAD_ANALYZE_FEATURE_WEIGHTS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dyad::analyze {

struct LabelWeight {
  int16_t weight = 0;  // quantized with one scale for the whole model,
                       // which the arg max of the scores does not need
  uint8_t label = 0;
  uint8_t unused = 0;
};

class FeatureWeights {
 public:
  struct Row {
    uint64_t key = 0;
    std::vector<LabelWeight> weights;
  };

  FeatureWeights() = default;

  // Takes rows with distinct keys (any order) and builds the lookup index.
  // Rows without weights are dropped; a row holds at most 255 weights.
  explicit FeatureWeights(std::vector<Row> rows);

  // The weights of `key`: sets *weights and returns their count (0 when
  // the key has none).
  uint32_t Find(uint64_t key, const LabelWeight** weights) const {
    if (slots_.empty()) return 0;
    uint32_t fingerprint = Fingerprint(key);
    for (uint64_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.fingerprint == fingerprint) {
        *weights = &entries_[slot.begin];
        return slot.count;
      }
      if (slot.fingerprint == 0) return 0;
    }
  }

  // Adds the weights of `key` (if any) into scores[label].
  void AddScores(uint64_t key, int32_t* scores) const {
    const LabelWeight* w = nullptr;
    uint32_t count = Find(key, &w);
    for (uint32_t k = 0; k < count; ++k) scores[w[k].label] += w[k].weight;
  }

  // Hints the cache to load the slot of `key`: scoring a word looks up ~30
  // keys at random places, and fetching them together hides the latency.
  void Prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & mask_]);
  }

  // The rows sorted by key (for saving).
  std::vector<Row> SortedRows() const;

  size_t row_count() const { return keys_.size(); }
  size_t weight_count() const { return entries_.size(); }

 private:
  struct Slot {
    uint32_t fingerprint = 0;  // 0: empty
    uint32_t begin : 24 = 0;
    uint32_t count : 8 = 0;
  };

  static uint32_t Fingerprint(uint64_t key) {
    uint32_t f = static_cast<uint32_t>(key >> 32);
    return f == 0 ? 1 : f;
  }

  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  std::vector<uint64_t> keys_;  // per row, in entries_ order
  std::vector<LabelWeight> entries_;
};

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_FEATURE_WEIGHTS_H_
