// Trains a TaggerModel: an averaged perceptron over the hashed features of
// features.h, decoding greedily as the tagger does.
#ifndef DYAD_ANALYZE_PERCEPTRON_TRAINER_H_
#define DYAD_ANALYZE_PERCEPTRON_TRAINER_H_

#include <cstdint>
#include <ostream>
#include <vector>

#include "analyze/conllu.h"
#include "analyze/tagger_model.h"
#include "dyad/status.h"

namespace dyad::analyze {

struct TrainerOptions {
  int epochs = 15;
  uint64_t seed = 1;
  // Independent runs (run r shuffles with seed + 7919 r); the model is the
  // mean of their averaged weights.
  int runs = 1;
  // Averaged weights smaller than this fraction of the largest are dropped
  // (they barely move a decision and would make the model file larger).
  double prune_fraction = 0.0005;
  // Words seen at least this often get an ambiguity class (word_classes.h).
  int min_class_count = 8;
  std::ostream* log = nullptr;  // progress lines, one per epoch; may be null
};

// Trains on `train` (their UPOS and XPOS; words without a UPOS are
// skipped as training targets); after each epoch logs the accuracy on `dev`
// when it is non-empty. Deterministic for a given seed. InvalidArgument
// when `train` has no tagged words or more than 254 distinct tag pairs.
Result<TaggerModel> TrainTagger(const std::vector<ConlluSentence>& train,
                                const std::vector<ConlluSentence>& dev,
                                const TrainerOptions& options);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_PERCEPTRON_TRAINER_H_
