// Trains a NerModel: a structured averaged perceptron over the hashed
// features of ner_features.h, decoded with Viterbi as the tagger does.
#ifndef DYAD_ANALYZE_NER_TRAINER_H_
#define DYAD_ANALYZE_NER_TRAINER_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "analyze/ner_gazetteer.h"
#include "analyze/ner_model.h"
#include "dyad/status.h"

namespace dyad::analyze {

struct NerTrainingSentence {
  std::vector<std::string> words;
  std::vector<std::string> pos;  // Penn tags from the part-of-speech tagger
  std::vector<int> labels;       // gold BILOU labels (ner_features.h)
};

struct NerTrainerOptions {
  int epochs = 10;
  uint64_t seed = 1;  // the shuffle of the training sentences
  // Independent training runs (shuffles seed, seed + 7919, ...) whose
  // averaged weights are averaged again.
  int runs = 5;
  // Averaged weights smaller than this fraction of the largest are dropped.
  double prune_fraction = 0.002;
  // Features seen fewer times than this in training get no weights.
  int min_feature_count = 1;
  // Names from actor dictionaries (kGazPlace, kGazOrg, kGazPerson masks),
  // matched as a gazetteer of their own and stored in the model.
  NerGazetteer actor_names;
  // Place names (NerPlaceBit masks), a gazetteer of their own, stored in
  // the model.
  NerGazetteer place_names;
  // Names of organizations, brands and other things (NerNameListBit
  // masks), a gazetteer of their own, stored in the model.
  NerGazetteer name_lists;
  std::ostream* log = nullptr;  // one line per epoch; may be null
};

// Trains on `train`: `runs` runs of `epochs` epochs, each over its own
// shuffle, whose averaged weights are averaged. The training entities join
// the gazetteer and the word profiles (ner_features.h) are learned from
// `train`. When `dev` is non-empty, logs its entity F1 after each epoch and
// that of the runs so far averaged after each run. Deterministic for given
// data and seed. InvalidArgument when `train` has no words.
Result<NerModel> TrainNerModel(const std::vector<NerTrainingSentence>& train,
                               const std::vector<NerTrainingSentence>& dev,
                               NerGazetteer gazetteer,
                               const NerTrainerOptions& options);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_NER_TRAINER_H_
