// libFuzzer target: ParseHtmlPage on arbitrary bytes must not crash, and
// every part it returns must slice inside the extracted text.
#include <cstdint>
#include <cstdlib>

#include "dyad/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  dyad::Result<dyad::Document> doc =
      dyad::ParseHtmlPage(bytes, "fuzz.html", dyad::IngestOptions{});
  if (doc.ok()) {
    for (const dyad::Part& part : doc->parts) {
      if (part.span.begin > part.span.end || part.span.end > doc->text.size()) {
        std::abort();
      }
    }
  }
  return 0;
}
