// Speed of the text stage (sentence splitting + tokenization) on the VOA
// stories of the shared data: sentences/s and tokens/s on one core.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dyad/text.h"

namespace {

const std::vector<std::string>& VoaTexts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    std::ifstream in(std::filesystem::path(DYAD_SHARED_DIR) /
                     "data/news/voa_stories.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("text") && j["text"].is_string()) {
        out.push_back(j["text"].get<std::string>());
      }
    }
    return out;
  }();
  return texts;
}

void BM_AnalyzeTextVoa(benchmark::State& state) {
  const std::vector<std::string>& texts = VoaTexts();
  if (texts.empty()) {
    state.SkipWithError("VOA stories not found under DYAD_SHARED_DIR");
    return;
  }
  int64_t sentences = 0;
  int64_t tokens = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& text : texts) {
      dyad::Document doc;
      doc.text = text;
      if (!dyad::AnalyzeText(&doc).ok()) {
        state.SkipWithError("AnalyzeText failed");
        return;
      }
      sentences += static_cast<int64_t>(doc.sentences.size());
      tokens += static_cast<int64_t>(doc.tokens.size());
      bytes += static_cast<int64_t>(text.size());
      benchmark::DoNotOptimize(doc.tokens.data());
    }
  }
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens),
                                                  benchmark::Counter::kIsRate);
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_AnalyzeTextVoa)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
