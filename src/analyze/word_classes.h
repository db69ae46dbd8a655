// Ambiguity classes: for each frequent training word, the set of labels it
// was seen with. A feature on the class of the *next* words tells the
// left-to-right tagger what is likely to follow ("that" + a verb class
// suggests a complementizer) without a second decoding pass.
#ifndef DYAD_ANALYZE_WORD_CLASSES_H_
#define DYAD_ANALYZE_WORD_CLASSES_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace dyad::analyze {

class WordClasses {
 public:
  WordClasses() = default;

  // From (word key, label) observations: words seen at least `min_count`
  // times get the class of the labels that make up at least 5% of their
  // occurrences. `word_keys` are WordKeys::lower values.
  static WordClasses Build(
      const std::vector<std::pair<uint64_t, int>>& observations, int min_count);

  // From stored (word key, class) pairs.
  static WordClasses FromEntries(
      const std::vector<std::pair<uint64_t, uint64_t>>& entries);

  // The class of the word with key `lower`; 0 for a word not in the table.
  // Looked up once per word tagged, so an open-addressing table of the
  // (already well-mixed) keys, not std::unordered_map.
  uint64_t Find(uint64_t lower) const {
    if (slots_.empty()) return 0;
    for (uint64_t i = lower & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].word == lower) return slots_[i].cls;
      if (slots_[i].cls == 0) return 0;
    }
  }

  // The (word key, class) pairs sorted by word key (for saving).
  std::vector<std::pair<uint64_t, uint64_t>> SortedEntries() const;

  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t word = 0;
    uint64_t cls = 0;  // 0: empty slot
  };

  void Insert(uint64_t word, uint64_t cls);

  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_WORD_CLASSES_H_
