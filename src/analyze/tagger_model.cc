#include "analyze/tagger_model.h"

namespace dyad::analyze {

void ComputePaddedKeys(const std::vector<std::string_view>& words,
                       const WordClasses& classes,
                       std::vector<WordKeys>* keys) {
  keys->resize(words.size() + 4);
  (*keys)[0] = (*keys)[1] = BoundaryWordKeys(true);
  for (size_t i = 0; i < words.size(); ++i) {
    WordKeys& word = (*keys)[i + 2];
    ComputeWordKeys(words[i], &word);
    word.word_class = classes.Find(word.lower);
  }
  (*keys)[words.size() + 2] = (*keys)[words.size() + 3] =
      BoundaryWordKeys(false);
}

static_assert(kMaxFeatures <= kMaxParserFeatures,
              "ParserScorer::AddScores takes at most kMaxParserFeatures keys");

void TaggerModel::Prepare() {
  scorer = ParserScorer(weights, static_cast<int>(labels.size()));
}

void TaggerModel::Tag(const std::vector<std::string_view>& words,
                      std::vector<int>* out) const {
  thread_local std::vector<WordKeys> padded;
  ComputePaddedKeys(words, word_classes, &padded);
  int num_labels = static_cast<int>(labels.size());
  if (!scorer.empty()) {
    DecodeGreedy<int32_t>(
        padded, num_labels,
        [this](const uint64_t* keys, int count, int32_t* scores) {
          scorer.AddScores(keys, count, scores);
        },
        out, scorer.dense_stride());
    return;
  }
  DecodeGreedy<int32_t>(
      padded, num_labels,
      [this](const uint64_t* keys, int count, int32_t* scores) {
        for (int k = 0; k < count; ++k) weights.Prefetch(keys[k]);
        for (int k = 0; k < count; ++k) weights.AddScores(keys[k], scores);
      },
      out);
}

void TaggerModel::FillSelfTest(std::vector<SelfTestSentence>* sentences) const {
  for (SelfTestSentence& sentence : *sentences) {
    std::vector<std::string_view> words(sentence.words.begin(),
                                        sentence.words.end());
    Tag(words, &sentence.labels);
    sentence.lemmas.clear();
    for (size_t i = 0; i < words.size(); ++i) {
      sentence.lemmas.push_back(
          lemmatizer.Lemma(words[i], labels[sentence.labels[i]].xpos));
    }
  }
}

}  // namespace dyad::analyze
