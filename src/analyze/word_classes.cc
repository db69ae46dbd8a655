#include "analyze/word_classes.h"

#include <algorithm>
#include <map>

#include "analyze/features.h"

namespace dyad::analyze {

WordClasses WordClasses::Build(
    const std::vector<std::pair<uint64_t, int>>& observations, int min_count) {
  // std::map: the result must not depend on hash-table order.
  std::map<uint64_t, std::map<int, int>> counts;
  for (const auto& [word, label] : observations) ++counts[word][label];
  WordClasses classes;
  for (const auto& [word, labels] : counts) {
    int total = 0;
    for (const auto& [label, count] : labels) total += count;
    if (total < min_count) continue;
    uint64_t cls = HashBytes("class");
    for (const auto& [label, count] : labels) {
      if (count * 20 >= total) {
        cls = CombineKeys(cls, static_cast<uint64_t>(label) + 1);
      }
    }
    classes.classes_.emplace(word, cls == 0 ? 1 : cls);
  }
  return classes;
}

WordClasses WordClasses::FromEntries(
    const std::vector<std::pair<uint64_t, uint64_t>>& entries) {
  WordClasses classes;
  classes.classes_.reserve(entries.size());
  for (const auto& [word, cls] : entries) classes.classes_.emplace(word, cls);
  return classes;
}

std::vector<std::pair<uint64_t, uint64_t>> WordClasses::SortedEntries() const {
  std::vector<std::pair<uint64_t, uint64_t>> entries(classes_.begin(),
                                                     classes_.end());
  std::sort(entries.begin(), entries.end());
  return entries;
}

}  // namespace dyad::analyze
