#include "analyze/parser_model.h"

namespace dyad::analyze {

void MakeParserWords(const std::vector<std::string>& forms,
                     const std::vector<std::string>& upos,
                     const std::vector<std::string>& xpos,
                     std::vector<ParserWord>* out) {
  out->resize(forms.size() + 1);
  (*out)[0] = RootParserWord();
  for (size_t i = 0; i < forms.size(); ++i) {
    (*out)[i + 1] = MakeParserWord(forms[i], upos[i], xpos[i]);
  }
}

void ParserModel::Parse(const std::vector<ParserWord>& words,
                        std::vector<int>* heads,
                        std::vector<int>* out_labels) const {
  int n = static_cast<int>(words.size()) - 1;
  thread_local Configuration config(0);
  config.Reset(n);
  int num_labels = static_cast<int>(labels.size());
  int classes = ClassCount(num_labels);
  uint64_t keys[kMaxParserFeatures];
  int32_t scores[256];
  while (!config.Terminal()) {
    int count = ExtractParserFeatures(config, words.data(), keys);
    for (int k = 0; k < count; ++k) weights.Prefetch(keys[k]);
    for (int c = 0; c < classes; ++c) scores[c] = 0;
    for (int k = 0; k < count; ++k) weights.AddScores(keys[k], scores);
    config.Apply(BestLegalClass(config, scores, num_labels, root_label));
  }
  heads->resize(n);
  out_labels->resize(n);
  for (int i = 1; i <= n; ++i) {
    (*heads)[i - 1] = config.head(i);
    (*out_labels)[i - 1] = config.label(i);
  }
}

void ParserModel::FillSelfTest(std::vector<ParserSelfTest>* sentences) const {
  std::vector<ParserWord> words;
  for (ParserSelfTest& sentence : *sentences) {
    MakeParserWords(sentence.words, sentence.upos, sentence.xpos, &words);
    Parse(words, &sentence.heads, &sentence.labels);
  }
}

}  // namespace dyad::analyze
