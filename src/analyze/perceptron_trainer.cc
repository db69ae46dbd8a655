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

// One perceptron run: its weights, its step count and its own shuffle.
class Run {
 public:
  Run(size_t example_count, uint64_t seed)
      : random_(seed), order_(example_count) {
    for (size_t i = 0; i < order_.size(); ++i) order_[i] = i;
    rows_.reserve(1 << 20);
  }

  // One epoch over `examples`, decoding greedily with the current weights
  // and updating on every wrong label. Adds to *correct and *total.
  void Epoch(const std::vector<Example>& examples, int num_labels,
             size_t* correct, size_t* total);

  const TrainRows& rows() const { return rows_; }
  // The step count the running totals divide by (at least 1).
  int64_t now() const { return now_ == 0 ? 1 : now_; }

 private:
  Random random_;
  std::vector<size_t> order_;
  TrainRows rows_;
  int64_t now_ = 0;
};

void Run::Epoch(const std::vector<Example>& examples, int num_labels,
                size_t* correct, size_t* total) {
  for (size_t i = order_.size(); i > 1; --i) {
    std::swap(order_[i - 1], order_[random_.Next() % i]);
  }
  for (size_t index : order_) {
    const Example& example = examples[index];
    int n = static_cast<int>(example.gold.size());
    int prev1 = kStartLabel, prev2 = kStartLabel;
    uint64_t keys[kMaxFeatures];
    float scores[256];
    for (int i = 0; i < n; ++i) {
      int count = ExtractFeatures(&example.padded[i + 2], prev1, prev2, keys);
      for (int l = 0; l < num_labels; ++l) scores[l] = 0;
      for (int k = 0; k < count; ++k) {
        auto it = rows_.find(keys[k]);
        if (it == rows_.end()) continue;
        for (const TrainWeight& w : it->second) scores[w.label] += w.weight;
      }
      int best = 0;
      for (int l = 1; l < num_labels; ++l) {
        if (scores[l] > scores[best]) best = l;
      }
      int gold = example.gold[i];
      ++now_;
      if (gold >= 0) {
        ++*total;
        if (best == gold) {
          ++*correct;
        } else {
          for (int k = 0; k < count; ++k) {
            std::vector<TrainWeight>& row = rows_[keys[k]];
            Update(Find(row, gold), 1, now_);
            Update(Find(row, best), -1, now_);
          }
        }
      }
      prev2 = prev1;
      prev1 = best;
    }
  }
}

// Accuracy on `examples` (all gold >= 0 words) of the mean of the runs'
// averaged weights.
double MeanAccuracy(const std::vector<Run>& runs, int num_labels,
                    const std::vector<Example>& examples) {
  size_t correct = 0, total = 0;
  std::vector<int> predicted;
  double share = 1.0 / static_cast<double>(runs.size());
  for (const Example& example : examples) {
    DecodeGreedy<double>(
        example.padded, num_labels,
        [&](const uint64_t* keys, int count, double* scores) {
          for (const Run& run : runs) {
            for (int k = 0; k < count; ++k) {
              auto it = run.rows().find(keys[k]);
              if (it == run.rows().end()) continue;
              for (const TrainWeight& w : it->second) {
                scores[w.label] += Averaged(w, run.now()) * share;
              }
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

  // Each run shuffles differently; the model is the mean of the runs'
  // averaged weights (for a linear model, the same scores as summing the
  // runs' votes), steadier than any single run. The runs are trained in
  // step so that the mean can be measured on dev after every epoch.
  int run_count = std::max(1, options.runs);
  std::vector<Run> runs;
  for (int r = 0; r < run_count; ++r) {
    runs.emplace_back(examples.size(),
                      options.seed + static_cast<uint64_t>(r) * 7919);
  }
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    for (int r = 0; r < run_count; ++r) {
      auto started = std::chrono::steady_clock::now();
      size_t correct = 0, total = 0;
      runs[r].Epoch(examples, num_labels, &correct, &total);
      if (options.log == nullptr) continue;
      double seconds = std::chrono::duration<double>(
                           std::chrono::steady_clock::now() - started)
                           .count();
      char line[200];
      std::snprintf(line, sizeof line,
                    "epoch %d run %d: train %.2f%%, %zu features, %.1f s",
                    epoch, r + 1, total == 0 ? 0.0 : 100.0 * correct / total,
                    runs[r].rows().size(), seconds);
      *options.log << line << std::endl;
    }
    if (options.log != nullptr && !dev_examples.empty()) {
      char line[200];
      std::snprintf(line, sizeof line, "epoch %d: dev %.2f%% (mean of %d)",
                    epoch, MeanAccuracy(runs, num_labels, dev_examples),
                    run_count);
      *options.log << line << std::endl;
    }
  }
  std::unordered_map<uint64_t, std::vector<std::pair<int, double>>> mean;
  mean.reserve(1 << 20);
  for (const Run& run : runs) {
    for (const auto& [key, row] : run.rows()) {
      std::vector<std::pair<int, double>>& out = mean[key];
      for (const TrainWeight& w : row) {
        double average = Averaged(w, run.now()) / run_count;
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& p) {
          return p.first == w.label;
        });
        if (it == out.end()) {
          out.emplace_back(w.label, average);
        } else {
          it->second += average;
        }
      }
    }
  }
  runs.clear();

  // Average, prune, quantize.
  double largest = 0;
  for (const auto& [key, row] : mean) {
    for (const auto& [label, average] : row) {
      largest = std::max(largest, std::fabs(average));
    }
  }
  if (largest == 0) largest = 1;
  double scale = largest / 32767.0;
  double threshold = largest * options.prune_fraction;
  std::vector<FeatureWeights::Row> kept;
  for (const auto& [key, row] : mean) {
    FeatureWeights::Row out;
    out.key = key;
    for (const auto& [label, average] : row) {
      if (std::fabs(average) < threshold) continue;
      long q = std::lround(average / scale);
      if (q == 0) continue;
      out.weights.push_back(
          LabelWeight{static_cast<int16_t>(q), static_cast<uint8_t>(label)});
    }
    std::sort(out.weights.begin(), out.weights.end(),
              [](const LabelWeight& a, const LabelWeight& b) {
                return a.label < b.label;
              });
    if (!out.weights.empty()) kept.push_back(std::move(out));
  }
  model.weights = FeatureWeights(std::move(kept));
  model.Prepare();
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
