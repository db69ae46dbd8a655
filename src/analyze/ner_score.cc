#include "analyze/ner_score.h"

#include <algorithm>

namespace dyad::analyze {

void EntityScorer::Add(const std::vector<EntitySpan>& gold,
                       const std::vector<EntitySpan>& predicted) {
  for (const EntitySpan& span : gold) {
    ++overall_.gold;
    ++by_type_[span.type].gold;
  }
  for (const EntitySpan& span : predicted) {
    ++overall_.predicted;
    EntityCounts& counts = by_type_[span.type];
    ++counts.predicted;
    if (std::find(gold.begin(), gold.end(), span) != gold.end()) {
      ++overall_.correct;
      ++counts.correct;
    }
  }
}

}  // namespace dyad::analyze
