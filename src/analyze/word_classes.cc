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
  std::vector<std::pair<uint64_t, uint64_t>> entries;
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
    entries.emplace_back(word, cls == 0 ? 1 : cls);
  }
  return FromEntries(entries);
}

WordClasses WordClasses::FromEntries(
    const std::vector<std::pair<uint64_t, uint64_t>>& entries) {
  WordClasses classes;
  size_t size = 16;
  while (size < entries.size() * 2) size *= 2;
  classes.slots_.assign(size, Slot());
  classes.mask_ = size - 1;
  for (const auto& [word, cls] : entries) classes.Insert(word, cls);
  return classes;
}

void WordClasses::Insert(uint64_t word, uint64_t cls) {
  if (cls == 0) return;  // 0 means "no class" and marks empty slots
  uint64_t i = word & mask_;
  while (slots_[i].cls != 0 && slots_[i].word != word) i = (i + 1) & mask_;
  if (slots_[i].cls == 0) ++size_;
  slots_[i] = Slot{word, cls};
}

std::vector<std::pair<uint64_t, uint64_t>> WordClasses::SortedEntries() const {
  std::vector<std::pair<uint64_t, uint64_t>> entries;
  entries.reserve(size_);
  for (const Slot& slot : slots_) {
    if (slot.cls != 0) entries.emplace_back(slot.word, slot.cls);
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

}  // namespace dyad::analyze
