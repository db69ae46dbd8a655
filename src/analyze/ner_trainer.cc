#include "analyze/ner_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <unordered_map>

#include "analyze/iob_spans.h"
#include "analyze/ner_features.h"
#include "analyze/ner_score.h"

namespace dyad::analyze {
namespace {

constexpr int L = kNerLabelCount;
constexpr uint32_t kUnseen = UINT32_MAX;

uint64_t SplitMix(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::vector<std::string> LabelNames(const std::vector<int>& labels) {
  std::vector<std::string> names;
  for (int label : labels) names.push_back(NerLabelName(label));
  return names;
}

// A sentence's features as rows of the weight table (kUnseen for keys not
// seen in training).
struct IndexedSentence {
  std::vector<uint32_t> rows;
  std::vector<uint32_t> offsets;
};

class Perceptron {
 public:
  // `actor_names`, `place_names` and `name_lists` (matched in every
  // sentence) must outlive the perceptron.
  Perceptron(const NerGazetteer& actor_names, const NerGazetteer& place_names,
             const NerGazetteer& name_lists)
      : actor_names_(&actor_names),
        place_names_(&place_names),
        name_lists_(&name_lists) {}

  // Keys seen fewer than `min_count` times in training get no weights:
  // a feature of one sentence only learns that sentence.
  void CountKeys(const NerTrainingSentence& s, const NerGazetteer& gazetteer,
                 const NerGazetteer& profiles) {
    std::vector<std::string_view> words(s.words.begin(), s.words.end());
    std::vector<std::string_view> pos(s.pos.begin(), s.pos.end());
    NerSentenceFeatures features;
    ExtractNerFeatures(words, pos, gazetteer, profiles, *actor_names_,
                       *place_names_, *name_lists_, &features);
    for (uint64_t key : features.keys) ++counts_[key];
  }
  void set_min_count(int min_count) { min_count_ = min_count; }

  // The row of `key`, added when `grow` is set.
  uint32_t Row(uint64_t key, bool grow) {
    auto it = index_.find(key);
    if (it != index_.end()) return it->second;
    if (!grow) return kUnseen;
    if (min_count_ > 1) {
      auto count = counts_.find(key);
      if (count == counts_.end() || count->second < min_count_) return kUnseen;
    }
    uint32_t row = static_cast<uint32_t>(keys_.size());
    index_.emplace(key, row);
    keys_.push_back(key);
    weights_.resize(weights_.size() + L, 0.0f);
    updates_.resize(updates_.size() + L, 0.0);
    return row;
  }

  IndexedSentence Index(const NerTrainingSentence& s,
                        const NerGazetteer& gazetteer,
                        const NerGazetteer& profiles, bool grow) {
    std::vector<std::string_view> words(s.words.begin(), s.words.end());
    std::vector<std::string_view> pos(s.pos.begin(), s.pos.end());
    NerSentenceFeatures features;
    ExtractNerFeatures(words, pos, gazetteer, profiles, *actor_names_,
                       *place_names_, *name_lists_, &features);
    IndexedSentence indexed;
    indexed.offsets = features.offsets;
    indexed.rows.reserve(features.keys.size());
    for (uint64_t key : features.keys) indexed.rows.push_back(Row(key, grow));
    return indexed;
  }

  void EnsureTransitions() {
    for (int p = 0; p <= kNerStartLabel; ++p) {
      transition_rows_[p] = Row(NerTransitionKey(p), true);
    }
  }

  // Decodes with the current weights, or the averaged ones in `averaged`.
  std::vector<int> Decode(const IndexedSentence& s, size_t n,
                          const std::vector<float>* averaged) const {
    const std::vector<float>& w = averaged ? *averaged : weights_;
    std::vector<float> emission(n * L, 0.0f);
    for (size_t i = 0; i < n; ++i) {
      float* out = &emission[i * L];
      for (uint32_t f = s.offsets[i]; f < s.offsets[i + 1]; ++f) {
        uint32_t row = s.rows[f];
        if (row == kUnseen) continue;
        const float* in = &w[static_cast<size_t>(row) * L];
        for (int y = 0; y < L; ++y) out[y] += in[y];
      }
    }
    std::vector<float> transition((kNerStartLabel + 1) * L);
    for (int p = 0; p <= kNerStartLabel; ++p) {
      const float* in = &w[static_cast<size_t>(transition_rows_[p]) * L];
      std::copy(in, in + L, &transition[p * L]);
    }
    return NerViterbi(emission, transition, n);
  }

  void Update(const IndexedSentence& s, const std::vector<int>& gold,
              const std::vector<int>& predicted) {
    for (size_t i = 0; i < gold.size(); ++i) {
      int gp = i ? gold[i - 1] : kNerStartLabel;
      int pp = i ? predicted[i - 1] : kNerStartLabel;
      if (gold[i] != predicted[i]) {
        for (uint32_t f = s.offsets[i]; f < s.offsets[i + 1]; ++f) {
          Add(s.rows[f], gold[i], 1);
          Add(s.rows[f], predicted[i], -1);
        }
      }
      if (gold[i] != predicted[i] || gp != pp) {
        Add(transition_rows_[gp], gold[i], 1);
        Add(transition_rows_[pp], predicted[i], -1);
      }
    }
  }

  std::vector<float> Averaged() const {
    std::vector<float> averaged(weights_.size());
    double c = static_cast<double>(std::max<uint64_t>(clock_, 1));
    for (size_t i = 0; i < weights_.size(); ++i) {
      averaged[i] = static_cast<float>(weights_[i] - updates_[i] / c);
    }
    return averaged;
  }

  // Forgets what training learned (not the feature index), for another run.
  void ResetWeights() {
    std::fill(weights_.begin(), weights_.end(), 0.0f);
    std::fill(updates_.begin(), updates_.end(), 0.0);
    clock_ = 0;
  }

  // Advances the averaging clock: once per training sentence, right or
  // wrong, so the average weighs each weight vector by how long it lasted.
  void Tick() { ++clock_; }

  const std::vector<uint64_t>& keys() const { return keys_; }

 private:
  void Add(uint32_t row, int label, float delta) {
    if (row == kUnseen) return;
    size_t at = static_cast<size_t>(row) * L + label;
    weights_[at] += delta;
    updates_[at] += static_cast<double>(clock_) * delta;
  }

  std::unordered_map<uint64_t, uint32_t> index_;
  std::unordered_map<uint64_t, int> counts_;
  int min_count_ = 1;
  const NerGazetteer* actor_names_;  // not owned
  const NerGazetteer* place_names_;  // not owned
  const NerGazetteer* name_lists_;   // not owned
  std::vector<uint64_t> keys_;
  std::vector<float> weights_;
  std::vector<double> updates_;
  uint32_t transition_rows_[kNerStartLabel + 1] = {};
  uint64_t clock_ = 0;
};

FeatureWeights Quantize(const std::vector<uint64_t>& keys,
                        const std::vector<float>& averaged,
                        double prune_fraction) {
  float largest = 0;
  for (float w : averaged) largest = std::max(largest, std::fabs(w));
  if (largest == 0) largest = 1;
  const double scale = 32000.0 / largest;
  const float threshold = static_cast<float>(largest * prune_fraction);
  std::vector<FeatureWeights::Row> rows;
  for (size_t r = 0; r < keys.size(); ++r) {
    FeatureWeights::Row row;
    row.key = keys[r];
    for (int y = 0; y < L; ++y) {
      float w = averaged[r * L + y];
      if (std::fabs(w) < threshold) continue;
      long q = std::lround(w * scale);
      if (q == 0) continue;
      LabelWeight lw;
      lw.label = static_cast<uint8_t>(y);
      lw.weight = static_cast<int16_t>(std::clamp(q, -32767L, 32767L));
      row.weights.push_back(lw);
    }
    if (!row.weights.empty()) rows.push_back(std::move(row));
  }
  return FeatureWeights(std::move(rows));
}

uint8_t TrainCategory(std::string_view type) {
  if (type == "PER") return kGazTrainPerson;
  if (type == "ORG") return kGazTrainOrg;
  return kGazTrainPlace;
}

// Adds the gold entities of train[begin, end) to `gazetteer`.
void AddTrainingEntities(const std::vector<NerTrainingSentence>& train,
                         size_t begin, size_t end, NerGazetteer* gazetteer) {
  for (size_t k = begin; k < end; ++k) {
    const NerTrainingSentence& s = train[k];
    for (const EntitySpan& span : ExtractSpans(LabelNames(s.labels))) {
      std::vector<std::string_view> words(s.words.begin() + span.begin,
                                          s.words.begin() + span.end);
      gazetteer->Add(words, TrainCategory(span.type));
    }
  }
}

// The NerWordProfileBit masks of the words of `train` outside
// [skip_begin, skip_end), as a gazetteer of single lower-case words.
NerGazetteer WordProfiles(const std::vector<NerTrainingSentence>& train,
                          size_t skip_begin, size_t skip_end) {
  struct Counts {
    uint8_t mask = 0;
    uint32_t capital = 0;
    uint32_t lower = 0;
  };
  std::unordered_map<std::string, Counts> counts;
  for (size_t k = 0; k < train.size(); ++k) {
    if (k >= skip_begin && k < skip_end) continue;
    const NerTrainingSentence& s = train[k];
    for (size_t i = 0; i < s.words.size(); ++i) {
      const std::string& word = s.words[i];
      std::string lower = word;
      bool has_letter = false;
      for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c >= 'a' && c <= 'z') has_letter = true;
      }
      if (!has_letter) continue;
      Counts& c = counts[lower];
      int label = s.labels[i];
      c.mask |= label == 0 ? uint8_t{kProfileOutside}
                           : static_cast<uint8_t>(1 << ((label - 1) / 4));
      if (i == 0) continue;
      char first = word[0];
      if (first >= 'A' && first <= 'Z') ++c.capital;
      if (first >= 'a' && first <= 'z') ++c.lower;
    }
  }
  std::vector<std::pair<std::string, Counts>> sorted(counts.begin(),
                                                     counts.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  NerGazetteer profiles;
  for (const auto& [word, c] : sorted) {
    uint8_t mask = c.mask;
    uint32_t seen = c.capital + c.lower;
    if (seen > 0 && 3 * c.capital >= 2 * seen) mask |= kProfileCapital;
    if (seen > 0 && 3 * c.capital <= seen) mask |= kProfileLowerCase;
    profiles.Add({word}, mask);
  }
  return profiles;
}

}  // namespace

Result<NerModel> TrainNerModel(const std::vector<NerTrainingSentence>& train,
                               const std::vector<NerTrainingSentence>& dev,
                               NerGazetteer gazetteer,
                               const NerTrainerOptions& options) {
  size_t words = 0;
  for (const NerTrainingSentence& s : train) words += s.words.size();
  if (words == 0) return InvalidArgument("no training words");

  Perceptron perceptron(options.actor_names, options.place_names,
                        options.name_lists);
  perceptron.EnsureTransitions();
  // The training entities join the gazetteer; each of two contiguous
  // blocks of the training data sees only those of the other blocks
  // (jackknifing), so the features are about as reliable in training as on
  // new text, where many entities are unseen.
  constexpr size_t kFolds = 2;
  auto fold_of = [&](size_t k) { return k * kFolds / train.size(); };
  std::vector<NerGazetteer> fold_gazetteers(kFolds, gazetteer);
  for (size_t fold = 0; fold < kFolds; ++fold) {
    for (size_t other = 0; other < kFolds; ++other) {
      if (other == fold) continue;
      AddTrainingEntities(train, other * train.size() / kFolds,
                          (other + 1) * train.size() / kFolds,
                          &fold_gazetteers[fold]);
    }
  }
  AddTrainingEntities(train, 0, train.size(), &gazetteer);
  std::vector<NerGazetteer> fold_profiles;
  for (size_t fold = 0; fold < kFolds; ++fold) {
    fold_profiles.push_back(WordProfiles(train, fold * train.size() / kFolds,
                                         (fold + 1) * train.size() / kFolds));
  }
  NerGazetteer profiles = WordProfiles(train, 0, 0);
  if (options.min_feature_count > 1) {
    perceptron.set_min_count(options.min_feature_count);
    for (size_t k = 0; k < train.size(); ++k) {
      perceptron.CountKeys(train[k], fold_gazetteers[fold_of(k)],
                           fold_profiles[fold_of(k)]);
    }
  }
  std::vector<IndexedSentence> train_indexed;
  train_indexed.reserve(train.size());
  for (size_t k = 0; k < train.size(); ++k) {
    train_indexed.push_back(perceptron.Index(train[k],
                                             fold_gazetteers[fold_of(k)],
                                             fold_profiles[fold_of(k)], true));
  }
  std::vector<IndexedSentence> dev_indexed;
  for (const NerTrainingSentence& s : dev) {
    dev_indexed.push_back(perceptron.Index(s, gazetteer, profiles, false));
  }

  // Dev entity F1 of `weights`.
  auto dev_f1 = [&](const std::vector<float>& weights) {
    EntityScorer scorer;
    for (size_t k = 0; k < dev.size(); ++k) {
      if (dev[k].words.empty()) continue;
      std::vector<int> predicted =
          perceptron.Decode(dev_indexed[k], dev[k].words.size(), &weights);
      scorer.Add(ExtractSpans(LabelNames(dev[k].labels)),
                 ExtractSpans(LabelNames(predicted)));
    }
    return scorer.overall().f1();
  };

  // Several runs over differently shuffled data, their averaged weights
  // averaged: the runs' errors differ, so the mean generalizes better than
  // any one of them.
  std::vector<float> ensemble;
  const int runs = std::max(1, options.runs);
  for (int run = 0; run < runs; ++run) {
    perceptron.ResetWeights();
    std::vector<size_t> order(train.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    uint64_t random = options.seed + 7919 * static_cast<uint64_t>(run);
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      auto started = std::chrono::steady_clock::now();
      for (size_t i = order.size(); i > 1; --i) {
        std::swap(order[i - 1], order[SplitMix(&random) % i]);
      }
      size_t errors = 0;
      for (size_t k : order) {
        const NerTrainingSentence& s = train[k];
        if (s.words.empty()) continue;
        perceptron.Tick();
        std::vector<int> predicted =
            perceptron.Decode(train_indexed[k], s.words.size(), nullptr);
        if (predicted != s.labels) {
          ++errors;
          perceptron.Update(train_indexed[k], s.labels, predicted);
        }
      }
      if (options.log) {
        double seconds = std::chrono::duration<double>(
                             std::chrono::steady_clock::now() - started)
                             .count();
        *options.log << "epoch " << epoch << ": " << errors
                     << " training sentences wrong, " << seconds << " s";
        if (!dev.empty()) {
          *options.log << ", dev F1 " << dev_f1(perceptron.Averaged());
        }
        *options.log << "\n";
      }
    }
    std::vector<float> averaged = perceptron.Averaged();
    if (ensemble.empty()) ensemble.assign(averaged.size(), 0.0f);
    for (size_t i = 0; i < averaged.size(); ++i) ensemble[i] += averaged[i];
    if (options.log && !dev.empty()) {
      std::vector<float> mean(ensemble);
      for (float& w : mean) w /= static_cast<float>(run + 1);
      *options.log << "runs 1 to " << run + 1 << " of " << runs
                   << " averaged: dev F1 " << dev_f1(mean) << "\n";
    }
  }
  for (float& w : ensemble) w /= static_cast<float>(runs);

  NerModel model;
  model.weights = Quantize(perceptron.keys(), ensemble, options.prune_fraction);
  model.gazetteer = std::move(gazetteer);
  model.word_profiles = std::move(profiles);
  model.actor_names = options.actor_names;
  model.place_names = options.place_names;
  model.name_lists = options.name_lists;
  // Self-test: the first few sentences with an entity, as the final model
  // tags them.
  const std::vector<NerTrainingSentence>& source = dev.empty() ? train : dev;
  for (const NerTrainingSentence& s : source) {
    if (model.self_tests.size() >= 5) break;
    if (s.words.size() < 4 ||
        std::all_of(s.labels.begin(), s.labels.end(),
                    [](int label) { return label == 0; })) {
      continue;
    }
    NerSelfTest test;
    test.words = s.words;
    test.pos = s.pos;
    std::vector<std::string_view> w(s.words.begin(), s.words.end());
    std::vector<std::string_view> p(s.pos.begin(), s.pos.end());
    test.labels = model.Tag(w, p);
    model.self_tests.push_back(std::move(test));
  }
  return model;
}

}  // namespace dyad::analyze
