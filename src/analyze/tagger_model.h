// A trained part-of-speech model: joint UPOS+XPOS labels, feature weights,
// lemma exceptions and the self-test sentences checked on load.
#ifndef DYAD_ANALYZE_TAGGER_MODEL_H_
#define DYAD_ANALYZE_TAGGER_MODEL_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/feature_weights.h"
#include "analyze/features.h"
#include "analyze/lemmatizer.h"
#include "analyze/parser_model.h"
#include "analyze/word_classes.h"

namespace dyad::analyze {

// One tag the model predicts: a (UPOS, XPOS) pair seen in training, so the
// two tags of a word always agree with each other.
struct TagLabel {
  std::string upos;
  std::string xpos;
  friend bool operator==(const TagLabel&, const TagLabel&) = default;
};

// A sentence with the labels and lemmas the model gave it when it was
// saved; re-tagged on load to catch a damaged or mismatched file.
struct SelfTestSentence {
  std::vector<std::string> words;
  std::vector<int> labels;
  std::vector<std::string> lemmas;
};

struct TaggerModel {
  std::vector<TagLabel> labels;  // at most 255 (kStartLabel is reserved)
  FeatureWeights weights;
  WordClasses word_classes;
  Lemmatizer lemmatizer;
  std::vector<SelfTestSentence> self_test;
  // `weights` laid out for speed (short rows as pairs, long rows as dense
  // vectors); built by Prepare(). Tag uses it when present.
  ParserScorer scorer;

  // Builds `scorer` from `weights`: call after setting the weights.
  void Prepare();

  // Writes the best label of every word, left to right (greedy decoding on
  // the previous two predicted labels).
  void Tag(const std::vector<std::string_view>& words,
           std::vector<int>* out) const;

  // Fills each sentence's labels and lemmas with what the model predicts.
  void FillSelfTest(std::vector<SelfTestSentence>* sentences) const;
};

// Boundary-padded word keys: keys[0], keys[1] and the last two are padding,
// word i is keys[i + 2], with its class from `classes`.
void ComputePaddedKeys(const std::vector<std::string_view>& words,
                       const WordClasses& classes, std::vector<WordKeys>* keys);

// Greedy left-to-right decoding shared by training and tagging.
// add_scores(keys, count, scores) adds every feature's weights to scores,
// the first max(num_labels, score_width) of which are zeroed for each word.
// Ties go to the smaller label number.
template <typename Score, typename AddScores>
void DecodeGreedy(const std::vector<WordKeys>& padded, int num_labels,
                  AddScores&& add_scores, std::vector<int>* out,
                  int score_width = 0) {
  int zeroed = std::max(num_labels, std::min(score_width, 256));
  int n = static_cast<int>(padded.size()) - 4;
  out->assign(n > 0 ? n : 0, 0);
  int prev1 = kStartLabel, prev2 = kStartLabel;
  uint64_t keys[kMaxFeatures];
  Score scores[256];
  for (int i = 0; i < n; ++i) {
    int count = ExtractFeatures(&padded[i + 2], prev1, prev2, keys);
    for (int l = 0; l < zeroed; ++l) scores[l] = 0;
    add_scores(keys, count, scores);
    int best = 0;
    for (int l = 1; l < num_labels; ++l) {
      if (scores[l] > scores[best]) best = l;
    }
    (*out)[i] = best;
    prev2 = prev1;
    prev1 = best;
  }
}

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_TAGGER_MODEL_H_
