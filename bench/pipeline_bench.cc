// Speed of the whole coding path, Pipeline::Process (text stage and coder
// with the default lexicon), over the VOA stories of the shared data.
// items_per_second counts sentences, the unit of the target
// (10,000 sentences/s on one core). Ingest and lexicon loading happen once,
// outside the timed loop, because `dyad code` pays them once per run too.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "dyad/ingest.h"
#include "dyad/pipeline.h"

namespace {

std::filesystem::path VoaPath() {
  return std::filesystem::path(DYAD_SHARED_DIR) / "data/news/voa_stories.jsonl";
}

// The VOA articles as ingest reads them (parts, headline and all), not yet
// analyzed. Empty when the file is absent or unreadable.
const std::vector<dyad::Document>& VoaDocuments() {
  static const std::vector<dyad::Document> docs = [] {
    std::vector<dyad::Document> out;
    std::error_code ec;
    if (!std::filesystem::exists(VoaPath(), ec)) return out;
    dyad::IngestOptions options;
    options.format = dyad::InputFormat::kJsonl;
    dyad::Status status = dyad::IngestPath(
        VoaPath().string(), options, [&](dyad::Result<dyad::Document> doc) {
          if (doc.ok()) out.push_back(std::move(doc).value());
        });
    if (!status.ok()) out.clear();
    return out;
  }();
  return docs;
}

void BM_PipelineProcessVoa(benchmark::State& state) {
  const std::vector<dyad::Document>& docs = VoaDocuments();
  if (docs.empty()) {
    state.SkipWithError(
        ("skipped: " + VoaPath().string() + " not found (set DYAD_SHARED_DIR)")
            .c_str());
    return;
  }
  auto pipeline = dyad::Pipeline::Create({});
  if (!pipeline.ok()) {
    state.SkipWithError(pipeline.status().ToString().c_str());
    return;
  }
  int64_t sentences = 0;
  int64_t events = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    // Process fills documents in place; a fresh copy per pass keeps every
    // pass the same work.
    state.PauseTiming();
    std::vector<dyad::Document> batch = docs;
    state.ResumeTiming();
    for (dyad::Document& doc : batch) {
      dyad::Status status = (*pipeline)->Process(&doc);
      if (!status.ok()) {
        state.SkipWithError(status.ToString().c_str());
        return;
      }
      sentences += static_cast<int64_t>(doc.sentences.size());
      events += static_cast<int64_t>(doc.events.size());
      bytes += static_cast<int64_t>(doc.text.size());
      benchmark::DoNotOptimize(doc.events.data());
    }
  }
  state.SetItemsProcessed(sentences);
  state.SetBytesProcessed(bytes);
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events),
                                                  benchmark::Counter::kIsRate);
  state.counters["articles"] = static_cast<double>(docs.size());
}
BENCHMARK(BM_PipelineProcessVoa)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
