// What every ingest fuzzer asserts about a parsed Document: its parts slice
// inside the text, and the text stage run on it (as `dyad code` would)
// keeps every sentence and token inside its part. A violation aborts, which
// libFuzzer reports as a crash with the reproducer.
#ifndef DYAD_FUZZ_DOCUMENT_CHECKS_H_
#define DYAD_FUZZ_DOCUMENT_CHECKS_H_

#include <cstdlib>

#include "dyad/document.h"
#include "dyad/text.h"

namespace dyad::fuzz {

inline bool Inside(Span inner, Span outer) {
  return inner.begin <= inner.end && outer.begin <= inner.begin &&
         inner.end <= outer.end;
}

// Checks `doc` as described above; `doc` is analyzed in place.
inline void CheckDocumentSpans(Document* doc) {
  const Span whole{0, static_cast<uint32_t>(doc->text.size())};
  for (const Part& part : doc->parts) {
    if (!Inside(part.span, whole)) std::abort();
  }
  if (!AnalyzeText(doc).ok()) return;
  for (const Sentence& sentence : doc->sentences) {
    if (!Inside(sentence.span, whole)) std::abort();
    if (sentence.first_token > doc->tokens.size() ||
        sentence.token_count > doc->tokens.size() - sentence.first_token) {
      std::abort();
    }
    for (uint32_t i = 0; i < sentence.token_count; ++i) {
      if (!Inside(doc->tokens[sentence.first_token + i].span, sentence.span)) {
        std::abort();
      }
    }
  }
}

}  // namespace dyad::fuzz

#endif  // DYAD_FUZZ_DOCUMENT_CHECKS_H_
