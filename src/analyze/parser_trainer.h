// Trains a ParserModel: an averaged perceptron over the hashed features of
// parser_features.h, with the arc-hybrid dynamic oracle and exploration
// (Goldberg and Nivre 2012): after the first epochs the trainer mostly
// follows its own predictions, mistakes included, and learns the best
// continuation from wherever they lead, as the greedy parser must. Several
// independent runs over differently shuffled data can be trained in step
// and their averaged weights averaged (parameter averaging: the runs'
// errors differ, so the mean generalizes better than any one of them).
#ifndef DYAD_ANALYZE_PARSER_TRAINER_H_
#define DYAD_ANALYZE_PARSER_TRAINER_H_

#include <cstdint>
#include <ostream>
#include <vector>

#include "analyze/conllu.h"
#include "analyze/parser_model.h"
#include "dyad/status.h"

namespace dyad::analyze {

struct ParserTrainerOptions {
  int epochs = 15;
  uint64_t seed = 1;  // the shuffle and the exploration choices
  // Independent runs (run r seeded with seed + 7919 r) trained in step;
  // the model is the mean of their averaged weights.
  int runs = 1;
  // From this epoch on (1-based), the trainer follows its own prediction
  // with probability `explore_probability` instead of a zero-cost move.
  int explore_from_epoch = 2;
  double explore_probability = 0.9;
  // Averaged weights smaller than this fraction of the largest are dropped.
  double prune_fraction = 0.015;
  // Non-projective training trees are made projective by lifting
  // (transition_system.h) instead of being skipped.
  bool projectivize = true;
  // With a dev set, the model keeps the weights of the epoch with the best
  // dev LAS rather than those of the last epoch.
  bool keep_best_dev_epoch = true;
  // Sentences (words and tags) whose parses are stored in the model and
  // checked on load; their heads and labels are filled by the trainer.
  std::vector<ParserSelfTest> self_test;
  // With a dev set and a log, from epoch dev_grid_from_epoch on, also logs
  // dev UAS/LAS and the size of the mean of the first k runs pruned at p,
  // for each k of dev_grid_runs and p of dev_grid_prunes (choosing the
  // number of runs and the pruning in one training).
  std::vector<int> dev_grid_runs;
  std::vector<double> dev_grid_prunes;
  int dev_grid_from_epoch = 1;
  std::ostream* log = nullptr;  // progress lines, one per epoch; may be null
};

// Trains on the trees of `train`, reading FORM, UPOS, XPOS, HEAD and
// DEPREL (give it the tags the parser will see at run time: predicted
// ones). Non-projective trees are lifted or skipped (see `projectivize`),
// malformed ones skipped. After each epoch logs UAS/LAS on `dev` when it
// is non-empty. Deterministic for a
// given seed. InvalidArgument when no training sentence is usable or there
// are more than 127 relations, or none is "root".
Result<ParserModel> TrainParser(const std::vector<ConlluSentence>& train,
                                const std::vector<ConlluSentence>& dev,
                                const ParserTrainerOptions& options);

// Unlabelled and labelled attachment counts of `model` on the gold trees of
// `sentences` (every word counts, punctuation included, as in the CoNLL
// 2018 shared task).
struct AttachmentCounts {
  size_t words = 0;
  size_t head_correct = 0;
  size_t labelled_correct = 0;
};
AttachmentCounts CountAttachments(const ParserModel& model,
                                  const std::vector<ConlluSentence>& sentences);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_PARSER_TRAINER_H_
