// Entity-level precision, recall and F1 as conlleval computes them: a
// predicted entity counts only when its span and type both match a gold one.
#ifndef DYAD_ANALYZE_NER_SCORE_H_
#define DYAD_ANALYZE_NER_SCORE_H_

#include <map>
#include <string>
#include <vector>

#include "analyze/iob_spans.h"

namespace dyad::analyze {

struct EntityCounts {
  size_t gold = 0;
  size_t predicted = 0;
  size_t correct = 0;

  double precision() const {
    return predicted ? 100.0 * correct / predicted : 0;
  }
  double recall() const { return gold ? 100.0 * correct / gold : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

class EntityScorer {
 public:
  // Counts one sentence's gold and predicted spans.
  void Add(const std::vector<EntitySpan>& gold,
           const std::vector<EntitySpan>& predicted);

  const EntityCounts& overall() const { return overall_; }
  // Counts per type, sorted by type name.
  const std::map<std::string, EntityCounts>& by_type() const {
    return by_type_;
  }

 private:
  EntityCounts overall_;
  std::map<std::string, EntityCounts> by_type_;
};

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_NER_SCORE_H_
