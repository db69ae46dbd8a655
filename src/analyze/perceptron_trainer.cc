#include "analyze/perceptron_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <unordered_map>

namespace dyad::analyze {
namespace {

// A fixed generator (splitmix64), so the shuffle does not depend on the
// standard library's distributions.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  uint64_t state_;
};

struct TrainWeight {
  int label = 0;
  float weight = 0;
  double total = 0;  // sum of the weight over all steps up to `stamp`
  int64_t stamp = 0;
};

using TrainRows = std::unordered_map<uint64_t, std::vector<TrainWeight>>;

struct Example {
  std::vector<WordKeys> padded;
  std::vector<int> gold;  // -1: not a training target
};

TrainWeight* Find(std::vector<TrainWeight>& row, int label) {
  for (TrainWeight& w : row) {
    if (w.label == label) return &w;
  }
  row.push_back(TrainWeight{label, 0, 0, 0});
  return &row.back();
}

void Update(TrainWeight* w, float delta, int64_t now) {
  w->total += static_cast<double>(now - w->stamp) * w->weight;
  w->stamp = now;
  w->weight += delta;
}

double Averaged(const TrainWeight& w, int64_t now) {
  double total = w.total + static_cast<double>(now - w.stamp) * w.weight;
  return total / static_cast<double>(now);
}

// Accuracy of the averaged weights on `examples` (all gold >= 0 words).
double Accuracy(const TrainRows& rows, int64_t now, int num_labels,
                const std::vector<Example>& examples) {
  size_t correct = 0, total = 0;
  std::vector<int> predicted;
  for (const Example& example : examples) {
    DecodeGreedy<double>(
        example.padded, num_labels,
        [&](const uint64_t* keys, int count, double* scores) {
          for (int k = 0; k < count; ++k) {
            auto it = rows.find(keys[k]);
            if (it == rows.end()) continue;
            for (const TrainWeight& w : it->second) {
              scores[w.label] += Averaged(w, now);
            }
          }
        },
        &predicted);
    for (size_t i = 0; i < predicted.size(); ++i) {
      if (example.gold[i] < 0) continue;
      ++total;
      correct += predicted[i] == example.gold[i];
    }
  }
  return total == 0 ? 0 : 100.0 * correct / total;
}

std::vector<Example> MakeExamples(
    const std::vector<ConlluSentence>& sentences,
    const std::map<std::pair<std::string, std::string>, int>& label_of,
    const WordClasses& classes) {
  std::vector<Example> examples;
  examples.reserve(sentences.size());
  for (const ConlluSentence& sentence : sentences) {
    Example example;
    std::vector<std::string_view> words;
    for (const ConlluWord& word : sentence.words) {
      words.push_back(word.form);
      auto it = label_of.find({word.upos, word.xpos});
      example.gold.push_back(it == label_of.end() ? -1 : it->second);
    }
    ComputePaddedKeys(words, classes, &example.padded);
    examples.push_back(std::move(example));
  }
  return examples;
}

const char* const kSelfTestSentences[] = {
    "NATO Secretary-General Jens Stoltenberg visited Kyiv on Tuesday .",
    "The ministers did not condemn the attacks , officials said .",
    "Russia 's forces could attack the city again , he warned .",
};

}  // namespace

Result<TaggerModel> TrainTagger(const std::vector<ConlluSentence>& train,
                                const std::vector<ConlluSentence>& dev,
                                const TrainerOptions& options) {
  std::map<std::pair<std::string, std::string>, int> label_of;
  for (const ConlluSentence& sentence : train) {
    for (const ConlluWord& word : sentence.words) {
      if (!word.upos.empty())
        label_of.emplace(std::pair(word.upos, word.xpos), 0);
    }
  }
  if (label_of.empty()) {
    return InvalidArgument("no training words with a UPOS tag");
  }
  if (label_of.size() >= kStartLabel) {
    return InvalidArgument("too many distinct UPOS+XPOS pairs: " +
                           std::to_string(label_of.size()));
  }
  TaggerModel model;
  for (auto& [pair, label] : label_of) {
    label = static_cast<int>(model.labels.size());
    model.labels.push_back(TagLabel{pair.first, pair.second});
  }
  int num_labels = static_cast<int>(model.labels.size());
  std::vector<std::pair<uint64_t, int>> observations;
  for (const ConlluSentence& sentence : train) {
    for (const ConlluWord& word : sentence.words) {
      auto it = label_of.find({word.upos, word.xpos});
      if (it == label_of.end()) continue;
      WordKeys keys;
      ComputeWordKeys(word.form, &keys);
      observations.emplace_back(keys.lower, it->second);
    }
  }
  model.word_classes =
      WordClasses::Build(observations, options.min_class_count);
  std::vector<Example> examples =
      MakeExamples(train, label_of, model.word_classes);
  std::vector<Example> dev_examples =
      MakeExamples(dev, label_of, model.word_classes);

  TrainRows rows;
  rows.reserve(1 << 20);
  int64_t now = 0;
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  Random random(options.seed);
  std::vector<int> predicted;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    auto started = std::chrono::steady_clock::now();
    for (size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[random.Next() % i]);
    }
    size_t correct = 0, total = 0;
    for (size_t index : order) {
      const Example& example = examples[index];
      int n = static_cast<int>(example.gold.size());
      int prev1 = kStartLabel, prev2 = kStartLabel;
      uint64_t keys[kMaxFeatures];
      float scores[256];
      for (int i = 0; i < n; ++i) {
        int count = ExtractFeatures(&example.padded[i + 2], prev1, prev2, keys);
        for (int l = 0; l < num_labels; ++l) scores[l] = 0;
        for (int k = 0; k < count; ++k) {
          auto it = rows.find(keys[k]);
          if (it == rows.end()) continue;
          for (const TrainWeight& w : it->second) scores[w.label] += w.weight;
        }
        int best = 0;
        for (int l = 1; l < num_labels; ++l) {
          if (scores[l] > scores[best]) best = l;
        }
        int gold = example.gold[i];
        ++now;
        if (gold >= 0) {
          ++total;
          if (best == gold) {
            ++correct;
          } else {
            for (int k = 0; k < count; ++k) {
              std::vector<TrainWeight>& row = rows[keys[k]];
              Update(Find(row, gold), 1, now);
              Update(Find(row, best), -1, now);
            }
          }
        }
        prev2 = prev1;
        prev1 = best;
      }
    }
    if (options.log != nullptr) {
      double seconds = std::chrono::duration<double>(
                           std::chrono::steady_clock::now() - started)
                           .count();
      char line[200];
      std::snprintf(line, sizeof line,
                    "epoch %d: train %.2f%%, %zu features, %.1f s", epoch,
                    total == 0 ? 0.0 : 100.0 * correct / total, rows.size(),
                    seconds);
      *options.log << line;
      if (!dev_examples.empty()) {
        std::snprintf(line, sizeof line, ", dev %.2f%%",
                      Accuracy(rows, now, num_labels, dev_examples));
        *options.log << line;
      }
      *options.log << std::endl;
    }
  }
  if (now == 0) now = 1;

  // Average, prune, quantize.
  double largest = 0;
  for (const auto& [key, row] : rows) {
    for (const TrainWeight& w : row) {
      largest = std::max(largest, std::fabs(Averaged(w, now)));
    }
  }
  if (largest == 0) largest = 1;
  double scale = largest / 32767.0;
  double threshold = largest * options.prune_fraction;
  std::vector<FeatureWeights::Row> kept;
  for (const auto& [key, row] : rows) {
    FeatureWeights::Row out;
    out.key = key;
    for (const TrainWeight& w : row) {
      double average = Averaged(w, now);
      if (std::fabs(average) < threshold) continue;
      long q = std::lround(average / scale);
      if (q == 0) continue;
      out.weights.push_back(
          LabelWeight{static_cast<int16_t>(q), static_cast<uint8_t>(w.label)});
    }
    std::sort(out.weights.begin(), out.weights.end(),
              [](const LabelWeight& a, const LabelWeight& b) {
                return a.label < b.label;
              });
    if (!out.weights.empty()) kept.push_back(std::move(out));
  }
  model.weights = FeatureWeights(std::move(kept));
  model.lemmatizer = Lemmatizer::Learn(train);

  for (const char* text : kSelfTestSentences) {
    SelfTestSentence sentence;
    std::string_view rest(text);
    while (!rest.empty()) {
      size_t space = rest.find(' ');
      sentence.words.emplace_back(rest.substr(0, space));
      if (space == std::string_view::npos) break;
      rest.remove_prefix(space + 1);
    }
    model.self_test.push_back(std::move(sentence));
  }
  for (size_t i = 0; i < std::min<size_t>(2, train.size()); ++i) {
    SelfTestSentence sentence;
    for (const ConlluWord& word : train[i].words) {
      sentence.words.push_back(word.form);
    }
    model.self_test.push_back(std::move(sentence));
  }
  model.FillSelfTest(&model.self_test);
  if (options.log != nullptr) {
    *options.log << "model: " << num_labels << " labels, "
                 << model.weights.row_count() << " features, "
                 << model.weights.weight_count() << " weights, "
                 << model.word_classes.size() << " word classes, "
                 << model.lemmatizer.exceptions().size() << " lemma exceptions"
                 << std::endl;
  }
  return model;
}

}  // namespace dyad::analyze
