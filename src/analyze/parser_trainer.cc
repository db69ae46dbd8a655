#include "analyze/parser_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <span>
#include <string>
#include <unordered_map>

#include "analyze/transition_system.h"

namespace dyad::analyze {
namespace {

// A fixed generator (splitmix64), so shuffles and exploration do not
// depend on the standard library's distributions.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t state_;
};

struct TrainWeight {
  int cls = 0;
  float weight = 0;
  double total = 0;  // sum of the weight over all steps up to `stamp`
  int64_t stamp = 0;
};

using TrainRows = std::unordered_map<uint64_t, std::vector<TrainWeight>>;

void Update(std::vector<TrainWeight>& row, int cls, float delta, int64_t now) {
  TrainWeight* w = nullptr;
  for (TrainWeight& x : row) {
    if (x.cls == cls) {
      w = &x;
      break;
    }
  }
  if (w == nullptr) {
    row.push_back(TrainWeight{cls, 0, 0, now});
    w = &row.back();
  }
  w->total += static_cast<double>(now - w->stamp) * w->weight;
  w->stamp = now;
  w->weight += delta;
}

double Averaged(const TrainWeight& w, int64_t now) {
  double total = w.total + static_cast<double>(now - w.stamp) * w.weight;
  return total / static_cast<double>(now);
}

struct Example {
  std::vector<ParserWord> words;
  GoldTree gold;
};

void Tokens(const ConlluSentence& sentence, std::vector<std::string>* forms,
            std::vector<std::string>* upos, std::vector<std::string>* xpos) {
  forms->clear();
  upos->clear();
  xpos->clear();
  for (const ConlluWord& word : sentence.words) {
    forms->push_back(word.form);
    upos->push_back(word.upos);
    xpos->push_back(word.xpos);
  }
}

// One training run: its own weights, shuffle and exploration choices.
struct Run {
  explicit Run(uint64_t seed) : random(seed) {}
  TrainRows rows;
  int64_t now = 0;  // transitions seen (the averaging clock)
  Random random;
  std::vector<size_t> order;
};

using MeanWeights =
    std::unordered_map<uint64_t, std::vector<std::pair<int, double>>>;

// Averages each run's weights over its steps, then the runs' averages
// (parameter averaging).
MeanWeights MeanOfRuns(const Run* runs, size_t run_count) {
  MeanWeights mean;
  const double share = 1.0 / static_cast<double>(run_count);
  for (const Run& run : std::span(runs, run_count)) {
    int64_t now = run.now == 0 ? 1 : run.now;
    for (const auto& [key, row] : run.rows) {
      std::vector<std::pair<int, double>>& out = mean[key];
      for (const TrainWeight& w : row) {
        double value = Averaged(w, now) * share;
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const auto& x) { return x.first == w.cls; });
        if (it == out.end()) {
          out.emplace_back(w.cls, value);
        } else {
          it->second += value;
        }
      }
    }
  }
  return mean;
}

// Prunes and quantizes `mean` into model->weights.
void PruneAndQuantize(const MeanWeights& mean, double prune_fraction,
                      ParserModel* model) {
  double largest = 0;
  for (const auto& [key, row] : mean) {
    for (const auto& [cls, value] : row) {
      largest = std::max(largest, std::fabs(value));
    }
  }
  if (largest == 0) largest = 1;
  double scale = largest / 32767.0;
  double threshold = largest * prune_fraction;
  std::vector<FeatureWeights::Row> kept;
  for (const auto& [key, row] : mean) {
    FeatureWeights::Row out;
    out.key = key;
    for (const auto& [cls, value] : row) {
      if (std::fabs(value) < threshold) continue;
      long q = std::lround(value / scale);
      if (q == 0) continue;
      out.weights.push_back(
          LabelWeight{static_cast<int16_t>(q), static_cast<uint8_t>(cls)});
    }
    std::sort(out.weights.begin(), out.weights.end(),
              [](const LabelWeight& a, const LabelWeight& b) {
                return a.label < b.label;
              });
    if (!out.weights.empty()) kept.push_back(std::move(out));
  }
  model->weights = FeatureWeights(std::move(kept));
}

void Finalize(const Run* runs, size_t run_count, double prune_fraction,
              ParserModel* model) {
  PruneAndQuantize(MeanOfRuns(runs, run_count), prune_fraction, model);
}

// One epoch of one run: shuffles the examples and parses each with the
// dynamic oracle, updating the weights wherever the best-scoring
// transition is not one of the cheapest; follows its own prediction with
// probability `explore` and the best cheapest transition otherwise.
struct EpochTrainer {
  const std::vector<Example>& examples;
  int num_labels;
  int root_label;
  int classes;

  void Epoch(double explore, Run* run, size_t* correct, size_t* total) const {
    std::vector<size_t>& order = run->order;
    for (size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[run->random.Next() % i]);
    }
    Configuration config(0);
    std::vector<int> costs;
    uint64_t keys[kMaxParserFeatures];
    float scores[256];
    TrainRows& rows = run->rows;
    for (size_t index : order) {
      const Example& example = examples[index];
      config.Reset(example.gold.n());
      while (!config.Terminal()) {
        int count = ExtractParserFeatures(config, example.words.data(), keys);
        for (int c = 0; c < classes; ++c) scores[c] = 0;
        for (int k = 0; k < count; ++k) {
          auto it = rows.find(keys[k]);
          if (it == rows.end()) continue;
          for (const TrainWeight& w : it->second) scores[w.cls] += w.weight;
        }
        TransitionCosts(config, example.gold, num_labels, root_label, &costs);
        int min_cost = -1;
        for (int c = 0; c < classes; ++c) {
          if (costs[c] >= 0 && (min_cost < 0 || costs[c] < min_cost)) {
            min_cost = costs[c];
          }
        }
        int predicted = BestLegalClass(config, scores, num_labels, root_label);
        int best_zero = -1;
        for (int c = 0; c < classes; ++c) {
          if (costs[c] == min_cost &&
              (best_zero < 0 || scores[c] > scores[best_zero])) {
            best_zero = c;
          }
        }
        int64_t now = ++run->now;
        ++*total;
        if (costs[predicted] == min_cost) {
          ++*correct;
        } else {
          for (int k = 0; k < count; ++k) {
            std::vector<TrainWeight>& row = rows[keys[k]];
            Update(row, best_zero, 1, now);
            Update(row, predicted, -1, now);
          }
        }
        int next = best_zero;
        if (explore > 0 && run->random.Uniform() < explore) next = predicted;
        config.Apply(next);
      }
    }
  }
};

// Logs dev UAS/LAS and the model size of the mean of the first k runs
// pruned at p, for each k of options.dev_grid_runs and p of
// options.dev_grid_prunes: one training compares recipes.
void LogDevGrid(const std::vector<Run>& runs,
                const std::vector<ConlluSentence>& dev,
                const ParserModel& labels_of,
                const ParserTrainerOptions& options) {
  for (int k : options.dev_grid_runs) {
    if (k < 1 || static_cast<size_t>(k) > runs.size()) continue;
    MeanWeights mean = MeanOfRuns(runs.data(), static_cast<size_t>(k));
    for (double prune : options.dev_grid_prunes) {
      ParserModel snapshot;
      snapshot.labels = labels_of.labels;
      snapshot.root_label = labels_of.root_label;
      PruneAndQuantize(mean, prune, &snapshot);
      snapshot.Prepare();
      AttachmentCounts counts = CountAttachments(snapshot, dev);
      size_t rows = snapshot.weights.row_count();
      size_t weights = snapshot.weights.weight_count();
      char line[240];
      std::snprintf(
          line, sizeof line,
          "  grid: mean of %d runs, pruned at %.4g: dev UAS %.2f%% LAS %.2f%%, "
          "%zu features, %zu weights (~%.1f MB)",
          k, prune, 100.0 * counts.head_correct / counts.words,
          100.0 * counts.labelled_correct / counts.words, rows, weights,
          (9.0 * rows + 3.0 * weights) / 1e6);
      *options.log << line << std::endl;
    }
  }
}

}  // namespace

AttachmentCounts CountAttachments(
    const ParserModel& model, const std::vector<ConlluSentence>& sentences) {
  AttachmentCounts counts;
  std::vector<std::string> forms, upos, xpos;
  std::vector<ParserWord> words;
  std::vector<int> heads, labels;
  for (const ConlluSentence& sentence : sentences) {
    Tokens(sentence, &forms, &upos, &xpos);
    MakeParserWords(forms, upos, xpos, &words);
    model.Parse(words, &heads, &labels);
    for (size_t i = 0; i < sentence.words.size(); ++i) {
      const ConlluWord& gold = sentence.words[i];
      ++counts.words;
      if (heads[i] != gold.head) continue;
      ++counts.head_correct;
      counts.labelled_correct += model.labels[labels[i]] == gold.deprel;
    }
  }
  return counts;
}

Result<ParserModel> TrainParser(const std::vector<ConlluSentence>& train,
                                const std::vector<ConlluSentence>& dev,
                                const ParserTrainerOptions& options) {
  std::map<std::string, int> label_of;
  for (const ConlluSentence& sentence : train) {
    for (const ConlluWord& word : sentence.words) {
      if (word.head >= 0 && !word.deprel.empty()) {
        label_of.emplace(word.deprel, 0);
      }
    }
  }
  if (label_of.empty()) return InvalidArgument("no training dependency arcs");
  if (ClassCount(static_cast<int>(label_of.size())) > 255) {
    return InvalidArgument("too many dependency relations: " +
                           std::to_string(label_of.size()));
  }
  if (!label_of.contains("root")) {
    return InvalidArgument("no \"root\" relation in the training trees");
  }
  ParserModel model;
  for (auto& [name, label] : label_of) {
    label = static_cast<int>(model.labels.size());
    model.labels.push_back(name);
  }
  model.root_label = label_of["root"];
  int num_labels = static_cast<int>(model.labels.size());
  int classes = ClassCount(num_labels);

  std::vector<Example> examples;
  size_t skipped = 0, lifted = 0;
  std::vector<std::string> forms, upos, xpos;
  for (const ConlluSentence& sentence : train) {
    Example example;
    int n = static_cast<int>(sentence.words.size());
    example.gold.heads.assign(n + 1, 0);
    example.gold.labels.assign(n + 1, 0);
    bool usable = n > 0;
    for (int i = 0; i < n && usable; ++i) {
      const ConlluWord& word = sentence.words[i];
      auto it = label_of.find(word.deprel);
      if (word.head < 0 || word.head > n || it == label_of.end()) {
        usable = false;
        break;
      }
      example.gold.heads[i + 1] = word.head;
      example.gold.labels[i + 1] = it->second;
      // The root relation only on the arc from the root, and back.
      if ((word.head == 0) != (it->second == model.root_label)) usable = false;
    }
    if (!usable) {
      ++skipped;
      continue;
    }
    if (!IsProjective(example.gold)) {
      if (!options.projectivize || Projectivize(&example.gold) < 0) {
        ++skipped;
        continue;
      }
      ++lifted;
    }
    Tokens(sentence, &forms, &upos, &xpos);
    MakeParserWords(forms, upos, xpos, &example.words);
    examples.push_back(std::move(example));
  }
  if (examples.empty()) {
    return InvalidArgument("no projective training trees");
  }
  if (options.log != nullptr) {
    *options.log << "training on " << examples.size() << " trees (" << lifted
                 << " made projective by lifting, " << skipped << " skipped), "
                 << num_labels << " relations" << std::endl;
  }

  const int run_count = std::max(1, options.runs);
  std::vector<Run> runs;
  for (int r = 0; r < run_count; ++r) {
    runs.emplace_back(options.seed + 7919 * static_cast<uint64_t>(r));
    runs.back().rows.reserve(1 << 22);
    runs.back().order.resize(examples.size());
    for (size_t i = 0; i < examples.size(); ++i) runs.back().order[i] = i;
  }
  EpochTrainer trainer{examples, num_labels, model.root_label, classes};
  int best_epoch = 0;
  size_t best_las = 0;
  FeatureWeights best_weights;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    auto started = std::chrono::steady_clock::now();
    bool explore = epoch >= options.explore_from_epoch;
    size_t correct = 0, total = 0;
    // The runs advance in step, so the mean of their weights can be
    // measured on dev after every epoch.
    for (Run& run : runs) {
      trainer.Epoch(explore ? options.explore_probability : 0.0, &run, &correct,
                    &total);
    }
    AttachmentCounts counts, first_counts;
    if (!dev.empty()) {
      ParserModel snapshot;
      snapshot.labels = model.labels;
      snapshot.root_label = model.root_label;
      Finalize(runs.data(), runs.size(), options.prune_fraction, &snapshot);
      snapshot.Prepare();
      counts = CountAttachments(snapshot, dev);
      // Ties keep the earlier, smaller model.
      if (options.keep_best_dev_epoch &&
          (best_epoch == 0 || counts.labelled_correct > best_las)) {
        best_epoch = epoch;
        best_las = counts.labelled_correct;
        best_weights = std::move(snapshot.weights);
      }
      if (runs.size() > 1) {
        ParserModel first;
        first.labels = model.labels;
        first.root_label = model.root_label;
        Finalize(runs.data(), 1, options.prune_fraction, &first);
        first.Prepare();
        first_counts = CountAttachments(first, dev);
      }
    }
    if (options.log != nullptr) {
      double seconds = std::chrono::duration<double>(
                           std::chrono::steady_clock::now() - started)
                           .count();
      size_t features = 0;
      for (const Run& run : runs) features += run.rows.size();
      char line[240];
      std::snprintf(line, sizeof line,
                    "epoch %d: train transitions %.2f%%, %zu features, %.1f s",
                    epoch, total == 0 ? 0.0 : 100.0 * correct / total, features,
                    seconds);
      *options.log << line;
      auto percent = [](size_t part, size_t whole) {
        return whole ? 100.0 * static_cast<double>(part) / whole : 0.0;
      };
      if (!dev.empty()) {
        std::snprintf(line, sizeof line, ", dev UAS %.2f%% LAS %.2f%%",
                      percent(counts.head_correct, counts.words),
                      percent(counts.labelled_correct, counts.words));
        *options.log << line;
      }
      if (!dev.empty() && runs.size() > 1) {
        std::snprintf(
            line, sizeof line,
            " (mean of %zu runs; run 1 alone: UAS %.2f%% LAS %.2f%%)",
            runs.size(), percent(first_counts.head_correct, first_counts.words),
            percent(first_counts.labelled_correct, first_counts.words));
        *options.log << line;
      }
      *options.log << std::endl;
    }
    if (!dev.empty() && options.log != nullptr &&
        epoch >= options.dev_grid_from_epoch) {
      LogDevGrid(runs, dev, model, options);
    }
  }
  if (best_epoch > 0) {
    model.weights = std::move(best_weights);
    if (options.log != nullptr) {
      *options.log << "keeping the weights of epoch " << best_epoch
                   << " (best dev LAS)" << std::endl;
    }
  } else {
    Finalize(runs.data(), runs.size(), options.prune_fraction, &model);
  }
  model.Prepare();
  model.self_test = options.self_test;
  model.FillSelfTest(&model.self_test);
  if (options.log != nullptr) {
    *options.log << "model: " << num_labels << " relations, "
                 << model.weights.row_count() << " features, "
                 << model.weights.weight_count() << " weights" << std::endl;
  }
  return model;
}

}  // namespace dyad::analyze
