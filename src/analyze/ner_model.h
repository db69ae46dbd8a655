// The entity tagger's model: hashed feature weights (emissions and label
// transitions in one table), the gazetteer, and self-test sentences that
// must tag as recorded when the model is loaded.
#ifndef DYAD_ANALYZE_NER_MODEL_H_
#define DYAD_ANALYZE_NER_MODEL_H_

#include <string>
#include <string_view>
#include <vector>

#include "analyze/feature_weights.h"
#include "analyze/ner_gazetteer.h"

namespace dyad::analyze {

struct NerSelfTest {
  std::vector<std::string> words;
  std::vector<std::string> pos;  // the Penn tags the features saw
  std::vector<int> labels;       // the labels the model gave
};

struct NerModel {
  FeatureWeights weights;
  NerGazetteer gazetteer;
  // Single lower-case words of the training corpus with their
  // NerWordProfileBit masks (ner_features.h).
  NerGazetteer word_profiles;
  // Names of the actor dictionaries given to the trainer (PETRARCH/Phoenix
  // actors), with kGazPlace, kGazOrg or kGazPerson masks; empty when none
  // were given.
  NerGazetteer actor_names;
  // GeoNames places and countries with NerPlaceBit masks (ner_places.h);
  // empty when none were given.
  NerGazetteer place_names;
  // Names of organizations, brands and other things with NerNameListBit
  // masks (ner_name_lists.h); empty when none were given.
  NerGazetteer name_lists;
  std::vector<NerSelfTest> self_tests;

  // One label per word (NerLabelName), given one Penn tag per word.
  std::vector<int> Tag(const std::vector<std::string_view>& words,
                       const std::vector<std::string_view>& pos) const;
};

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_NER_MODEL_H_
