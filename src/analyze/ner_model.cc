#include "analyze/ner_model.h"

#include "analyze/ner_features.h"

namespace dyad::analyze {

std::vector<int> NerModel::Tag(const std::vector<std::string_view>& words,
                               const std::vector<std::string_view>& pos) const {
  NerSentenceFeatures features;
  ExtractNerFeatures(words, pos, gazetteer, word_profiles, actor_names,
                     place_names, name_lists, &features);
  const size_t n = words.size();
  std::vector<float> emission(n * kNerLabelCount, 0);
  int32_t scores[kNerLabelCount];
  for (size_t i = 0; i < n; ++i) {
    std::fill(scores, scores + kNerLabelCount, 0);
    for (uint32_t f = features.offsets[i]; f < features.offsets[i + 1]; ++f) {
      weights.AddScores(features.keys[f], scores);
    }
    for (int y = 0; y < kNerLabelCount; ++y) {
      emission[i * kNerLabelCount + y] = static_cast<float>(scores[y]);
    }
  }
  std::vector<float> transition((kNerStartLabel + 1) * kNerLabelCount, 0);
  for (int p = 0; p <= kNerStartLabel; ++p) {
    std::fill(scores, scores + kNerLabelCount, 0);
    weights.AddScores(NerTransitionKey(p), scores);
    for (int y = 0; y < kNerLabelCount; ++y) {
      transition[p * kNerLabelCount + y] = static_cast<float>(scores[y]);
    }
  }
  return NerViterbi(emission, transition, n);
}

}  // namespace dyad::analyze
