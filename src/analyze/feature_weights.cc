#include "analyze/feature_weights.h"

#include <algorithm>

namespace dyad::analyze {

FeatureWeights::FeatureWeights(std::vector<Row> rows) {
  std::sort(rows.begin(), rows.end(),
            [](const Row& a, const Row& b) { return a.key < b.key; });
  size_t live = 0;
  for (const Row& row : rows) live += row.weights.empty() ? 0 : 1;
  size_t size = 16;
  while (size < live * 2) size *= 2;
  slots_.assign(size, Slot());
  mask_ = size - 1;
  for (const Row& row : rows) {
    if (row.weights.empty()) continue;
    // Two keys with the same fingerprint and slot would be confused; the
    // chance is about rows^2 / 2^64 and the later row simply wins a probe
    // it never gets, so it is not checked.
    size_t count = std::min<size_t>(row.weights.size(), 255);
    if (entries_.size() + count >= (size_t{1} << 24)) break;  // 24-bit begin
    uint32_t begin = static_cast<uint32_t>(entries_.size());
    entries_.insert(entries_.end(), row.weights.begin(),
                    row.weights.begin() + count);
    keys_.push_back(row.key);
    uint64_t i = row.key & mask_;
    while (slots_[i].fingerprint != 0) i = (i + 1) & mask_;
    slots_[i].fingerprint = Fingerprint(row.key);
    slots_[i].begin = begin;
    slots_[i].count = static_cast<uint32_t>(count);
  }
}

std::vector<FeatureWeights::Row> FeatureWeights::SortedRows() const {
  std::vector<Row> rows(keys_.size());
  size_t row = 0;
  // Rows were appended in key order, so their entries are consecutive;
  // recover each row's extent from the slots.
  std::vector<std::pair<uint32_t, uint32_t>> extents;
  extents.reserve(keys_.size());
  for (const Slot& slot : slots_) {
    if (slot.fingerprint != 0) extents.emplace_back(slot.begin, slot.count);
  }
  std::sort(extents.begin(), extents.end());
  for (const auto& [begin, count] : extents) {
    rows[row].key = keys_[row];
    rows[row].weights.assign(entries_.begin() + begin,
                             entries_.begin() + begin + count);
    ++row;
  }
  return rows;
}

}  // namespace dyad::analyze
