// Builds small Documents for the quote tests: the text split into body
// paragraphs at blank lines, then sentences and tokens from AnalyzeText.
#ifndef DYAD_RESOLVE_QUOTE_TEST_UTIL_H_
#define DYAD_RESOLVE_QUOTE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "dyad/document.h"
#include "dyad/text.h"

namespace dyad::resolve {

inline Document QuoteTestDocument(std::string_view text) {
  Document doc;
  doc.doc_id = "quote_test";
  doc.text = std::string(text);
  uint32_t begin = 0;
  int paragraph = 0;
  while (begin < doc.text.size()) {
    size_t end = doc.text.find("\n\n", begin);
    if (end == std::string::npos) end = doc.text.size();
    if (end > begin) {
      doc.parts.push_back({PartKind::kBody,
                           Span{begin, static_cast<uint32_t>(end)},
                           paragraph++});
    }
    begin = static_cast<uint32_t>(end) + 2;
  }
  Status status = AnalyzeText(&doc);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return doc;
}

}  // namespace dyad::resolve

#endif  // DYAD_RESOLVE_QUOTE_TEST_UTIL_H_
