// Speed of the part-of-speech tagger (models/en_pos.dyad) on one core:
// tokens/s on the EWT test sentences (gold tokenization), labels only and
// with strings and lemmas, and on the VOA stories after the text stage.
// The environment variable DYAD_POS_MODEL names another tagger model.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dyad/analyze.h"
#include "dyad/text.h"

namespace {

const dyad::PosTagger* Tagger() {
  static const dyad::PosTagger* tagger = []() -> const dyad::PosTagger* {
    // DYAD_POS_MODEL measures another model file (a candidate).
    const char* path = std::getenv("DYAD_POS_MODEL");
    auto loaded = dyad::PosTagger::Load(
        path != nullptr ? std::string(path)
                        : std::string(DYAD_SOURCE_DIR) + "/models/en_pos.dyad");
    if (!loaded.ok()) return nullptr;
    return new dyad::PosTagger(std::move(*loaded));
  }();
  return tagger;
}

// The EWT test sentences as word lists (FORM column).
const std::vector<std::vector<std::string>>& EwtSentences() {
  static const std::vector<std::vector<std::string>> sentences = [] {
    std::vector<std::vector<std::string>> out;
    std::ifstream in(std::filesystem::path(DYAD_SHARED_DIR) /
                     "data/ud/UD_English-EWT/en_ewt-ud-test.conllu");
    std::string line;
    std::vector<std::string> words;
    while (std::getline(in, line)) {
      if (line.empty()) {
        if (!words.empty()) out.push_back(std::move(words));
        words.clear();
        continue;
      }
      if (line[0] == '#') continue;
      size_t tab = line.find('\t');
      std::string id = line.substr(0, tab);
      if (id.find_first_of("-.") != std::string::npos) continue;
      size_t tab2 = line.find('\t', tab + 1);
      words.push_back(line.substr(tab + 1, tab2 - tab - 1));
    }
    if (!words.empty()) out.push_back(std::move(words));
    return out;
  }();
  return sentences;
}

bool Ready(benchmark::State& state) {
  if (Tagger() == nullptr) {
    state.SkipWithError("models/en_pos.dyad did not load");
    return false;
  }
  if (EwtSentences().empty()) {
    state.SkipWithError("EWT test treebank not found under DYAD_SHARED_DIR");
    return false;
  }
  return true;
}

void BM_TagLabelsEwt(benchmark::State& state) {
  if (!Ready(state)) return;
  const dyad::PosTagger& tagger = *Tagger();
  std::vector<std::vector<std::string_view>> sentences;
  for (const auto& s : EwtSentences()) {
    sentences.emplace_back(s.begin(), s.end());
  }
  std::vector<int> labels;
  int64_t tokens = 0;
  for (auto _ : state) {
    for (const auto& words : sentences) {
      tagger.TagLabels(words, &labels);
      benchmark::DoNotOptimize(labels.data());
      tokens += static_cast<int64_t>(words.size());
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagLabelsEwt)->Unit(benchmark::kMillisecond);

void BM_TagWordsWithLemmasEwt(benchmark::State& state) {
  if (!Ready(state)) return;
  const dyad::PosTagger& tagger = *Tagger();
  std::vector<std::vector<std::string_view>> sentences;
  for (const auto& s : EwtSentences()) {
    sentences.emplace_back(s.begin(), s.end());
  }
  int64_t tokens = 0;
  for (auto _ : state) {
    for (const auto& words : sentences) {
      std::vector<dyad::TokenAnalysis> tagged = tagger.TagWords(words);
      benchmark::DoNotOptimize(tagged.data());
      tokens += static_cast<int64_t>(words.size());
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagWordsWithLemmasEwt)->Unit(benchmark::kMillisecond);

void BM_TagDocumentVoa(benchmark::State& state) {
  if (!Ready(state)) return;
  const dyad::PosTagger& tagger = *Tagger();
  std::vector<dyad::Document> docs;
  std::ifstream in(std::filesystem::path(DYAD_SHARED_DIR) /
                   "data/news/voa_stories.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) {
      continue;
    }
    dyad::Document doc;
    doc.text = j["text"].get<std::string>();
    if (dyad::AnalyzeText(&doc).ok()) docs.push_back(std::move(doc));
  }
  if (docs.empty()) {
    state.SkipWithError("VOA stories not found under DYAD_SHARED_DIR");
    return;
  }
  int64_t tokens = 0;
  for (auto _ : state) {
    for (const dyad::Document& doc : docs) {
      std::vector<dyad::TokenAnalysis> tagged = tagger.TagDocument(doc);
      benchmark::DoNotOptimize(tagged.data());
      tokens += static_cast<int64_t>(doc.tokens.size());
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagDocumentVoa)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
