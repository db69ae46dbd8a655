// Ambiguity classes: for each frequent training word, the set of labels it
// was seen with. A feature on the class of the *next* words tells the
// left-to-right tagger what is likely to follow ("that" + a verb class
// suggests a complementizer) without a second decoding pass.
#ifndef DYAD_ANALYZE_WORD_CLASSES_H_
#define DYAD_ANALYZE_WORD_CLASSES_H_

#include <cstddef>
#include <cstdint>
#include <unordered_map>
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
  uint64_t Find(uint64_t lower) const {
    auto it = classes_.find(lower);
    return it == classes_.end() ? 0 : it->second;
  }

  // The (word key, class) pairs sorted by word key (for saving).
  std::vector<std::pair<uint64_t, uint64_t>> SortedEntries() const;

  size_t size() const { return classes_.size(); }

 private:
  std::unordered_map<uint64_t, uint64_t> classes_;
};

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_WORD_CLASSES_H_
