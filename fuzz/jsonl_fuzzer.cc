// libFuzzer target: ParseJsonlLine on arbitrary bytes must not crash, and
// its parts, sentences and tokens must slice inside the document text
// (fuzz/document_checks.h).
#include <cstdint>
#include <string_view>

#include "document_checks.h"
#include "dyad/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  dyad::Result<dyad::Document> doc =
      dyad::ParseJsonlLine(line, "fuzz.jsonl", 1, dyad::IngestOptions{});
  if (doc.ok()) dyad::fuzz::CheckDocumentSpans(&doc.value());
  return 0;
}
