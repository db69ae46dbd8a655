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

ParserScorer::ParserScorer(const FeatureWeights& weights, int classes) {
  stride_ = (classes + 15) / 16 * 16;
  std::vector<FeatureWeights::Row> rows = weights.SortedRows();
  size_t size = 16;
  while (size < rows.size() * 2) size *= 2;
  slots_.assign(size, Slot());
  mask_ = size - 1;
  for (const FeatureWeights::Row& row : rows) {
    if (row.weights.empty()) continue;
    bool dense = row.weights.size() >= kDenseFrom;
    size_t begin = pool_.size() / 2;
    if (begin >= (size_t{1} << 24)) break;  // 24-bit begin; never near it
    if (dense) {
      pool_.resize(pool_.size() + stride_, 0);
      for (const LabelWeight& w : row.weights) {
        if (w.label < stride_) pool_[begin * 2 + w.label] = w.weight;
      }
    } else {
      for (const LabelWeight& w : row.weights) {
        if (w.label >= classes) continue;
        pool_.push_back(static_cast<int16_t>(w.label));
        pool_.push_back(w.weight);
      }
    }
    uint64_t i = row.key & mask_;
    while (slots_[i].fingerprint != 0) i = (i + 1) & mask_;
    slots_[i].fingerprint = Fingerprint(row.key);
    slots_[i].begin = static_cast<uint32_t>(begin);
    slots_[i].count =
        dense ? kDense : static_cast<uint32_t>((pool_.size() / 2) - begin);
  }
}

void ParserScorer::AddScores(const uint64_t* keys, int count,
                             int32_t* scores) const {
  if (slots_.empty()) return;
  // Three passes, so that the cache misses of each (the slots, then the
  // rows they point to) overlap instead of queueing one behind another.
  for (int k = 0; k < count; ++k) {
    __builtin_prefetch(&slots_[keys[k] & mask_]);
  }
  const int16_t* rows[kMaxParserFeatures];
  uint32_t sizes[kMaxParserFeatures];
  int found = 0;
  for (int k = 0; k < count; ++k) {
    uint32_t fingerprint = Fingerprint(keys[k]);
    for (uint64_t i = keys[k] & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.fingerprint == fingerprint) {
        rows[found] = &pool_[size_t{slot.begin} * 2];
        __builtin_prefetch(rows[found]);
        sizes[found++] = slot.count;
        break;
      }
      if (slot.fingerprint == 0) break;
    }
  }
  // Locals, so the compiler knows the adds cannot change them and
  // vectorizes the dense loop.
  const int stride = stride_;
  int32_t* __restrict out = scores;
  for (int k = 0; k < found; ++k) {
    const int16_t* __restrict w = rows[k];
    if (sizes[k] == kDense) {
      for (int c = 0; c < stride; ++c) out[c] += w[c];
    } else {
      for (uint32_t i = 0; i < sizes[k]; ++i) {
        out[static_cast<uint16_t>(w[2 * i])] += w[2 * i + 1];
      }
    }
  }
}

void ParserModel::Prepare() {
  scorer = ParserScorer(weights, ClassCount(static_cast<int>(labels.size())));
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
  bool fast = !scorer.empty();
  int zeroed = fast ? scorer.dense_stride() : classes;
  while (!config.Terminal()) {
    int count = ExtractParserFeatures(config, words.data(), keys);
    for (int c = 0; c < zeroed; ++c) scores[c] = 0;
    if (fast) {
      scorer.AddScores(keys, count, scores);
    } else {
      for (int k = 0; k < count; ++k) weights.Prefetch(keys[k]);
      for (int k = 0; k < count; ++k) weights.AddScores(keys[k], scores);
    }
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
