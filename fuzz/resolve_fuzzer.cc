// libFuzzer target: dating an event in every sentence and finding quotes
// and their speakers in a wire story of arbitrary bytes must not crash, and
// every quote and speaker must slice inside the text.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "document_checks.h"
#include "dyad/ingest.h"
#include "dyad/resolve_dates.h"
#include "dyad/resolve_quotes.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  dyad::IngestOptions options;
  options.published = "2023-02-01";
  auto doc = dyad::ParseWireStory(bytes, "fuzz.txt", options);
  if (!doc.ok() || !dyad::AnalyzeText(&doc.value()).ok()) return 0;
  for (size_t s = 0; s < doc->sentences.size(); ++s) {
    dyad::Event event;
    event.sentence = static_cast<int>(s);
    event.span = doc->sentences[s].span;
    doc->events.push_back(event);
  }
  if (!dyad::AssignEventDates(&doc.value()).ok()) std::abort();
  if (!dyad::FindQuotes(&doc.value()).ok()) std::abort();
  const dyad::Span whole{0, static_cast<uint32_t>(doc->text.size())};
  for (const dyad::Quote& q : doc->quotes)
    if (!dyad::fuzz::Inside(q.span, whole) ||
        !dyad::fuzz::Inside(q.speaker.span, whole))
      std::abort();
  return 0;
}
