// Speed of the dependency parser (models/en_parse.dyad) on one core:
// tokens/s on the EWT test sentences (gold tokenization), parsing
// sentences already tagged by models/en_pos.dyad, and tagging plus parsing.
// The environment variable DYAD_PARSER_MODEL names another parser model.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "dyad/analyze.h"

namespace {

const dyad::PosTagger* Tagger() {
  static const dyad::PosTagger* tagger = []() -> const dyad::PosTagger* {
    auto loaded = dyad::PosTagger::Load(std::string(DYAD_SOURCE_DIR) +
                                        "/models/en_pos.dyad");
    if (!loaded.ok()) return nullptr;
    return new dyad::PosTagger(std::move(*loaded));
  }();
  return tagger;
}

const dyad::DependencyParser* Parser() {
  static const dyad::DependencyParser* parser =
      []() -> const dyad::DependencyParser* {
    // DYAD_PARSER_MODEL measures another model file (a candidate).
    const char* path = std::getenv("DYAD_PARSER_MODEL");
    auto loaded = dyad::DependencyParser::Load(
        path != nullptr
            ? std::string(path)
            : std::string(DYAD_SOURCE_DIR) + "/models/en_parse.dyad");
    if (!loaded.ok()) return nullptr;
    return new dyad::DependencyParser(std::move(*loaded));
  }();
  return parser;
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
  if (Tagger() == nullptr || Parser() == nullptr) {
    state.SkipWithError(
        "models/en_pos.dyad or models/en_parse.dyad did not "
        "load");
    return false;
  }
  if (EwtSentences().empty()) {
    state.SkipWithError("EWT test treebank not found under DYAD_SHARED_DIR");
    return false;
  }
  return true;
}

// Parsing alone: the sentences are tagged before the timed loop.
void BM_ParseTaggedEwt(benchmark::State& state) {
  if (!Ready(state)) return;
  const dyad::DependencyParser& parser = *Parser();
  std::vector<std::vector<std::string_view>> sentences;
  std::vector<std::vector<dyad::TokenAnalysis>> tags;
  for (const auto& s : EwtSentences()) {
    sentences.emplace_back(s.begin(), s.end());
    tags.push_back(Tagger()->TagWords(sentences.back()));
  }
  std::vector<int> heads, relations;
  int64_t tokens = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < sentences.size(); ++i) {
      parser.ParseIndices(sentences[i], tags[i], &heads, &relations);
      benchmark::DoNotOptimize(heads.data());
      tokens += static_cast<int64_t>(sentences[i].size());
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseTaggedEwt)->Unit(benchmark::kMillisecond);

// Tagging (with lemmas) and parsing, as `dyad analyze` does.
void BM_TagAndParseEwt(benchmark::State& state) {
  if (!Ready(state)) return;
  const dyad::DependencyParser& parser = *Parser();
  std::vector<std::vector<std::string_view>> sentences;
  for (const auto& s : EwtSentences()) {
    sentences.emplace_back(s.begin(), s.end());
  }
  int64_t tokens = 0;
  for (auto _ : state) {
    for (const auto& words : sentences) {
      std::vector<dyad::TokenAnalysis> tags = Tagger()->TagWords(words);
      std::vector<dyad::DependencyArc> arcs = parser.Parse(words, tags);
      benchmark::DoNotOptimize(arcs.data());
      tokens += static_cast<int64_t>(words.size());
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagAndParseEwt)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
