// Where the direct quotes of a Document are: the quotation marks that open
// and close each one, found on the tokens of the text stage.
#ifndef DYAD_RESOLVE_QUOTE_FINDER_H_
#define DYAD_RESOLVE_QUOTE_FINDER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/document.h"

namespace dyad::resolve {

inline constexpr uint32_t kNoToken = UINT32_MAX;

// One direct quote. Token and sentence numbers index Document::tokens and
// Document::sentences.
struct QuoteMarks {
  uint32_t open_token = kNoToken;
  // kNoToken when the quote is still open at the end of its last paragraph
  // (a missing closing mark).
  uint32_t close_token = kNoToken;
  // The marks that re-open the quote at the start of each continuation
  // paragraph (a paragraph that ends inside a quote goes on in the next one).
  std::vector<uint32_t> reopen_tokens;
  // The quoted bytes: marks, the spaces inside them and a final comma
  // ("...interconnected,” Stoltenberg said") left out. Never empty.
  Span inner;
  uint32_t first_sentence = 0;  // holds the opening mark
  uint32_t last_sentence = 0;   // holds the closing mark (or the last words)
};

// The quotes of a document in text order, with the paragraph number of
// every sentence (counting headline, caption and body paragraphs in order;
// a blank line inside a part also starts a paragraph).
struct QuoteLayout {
  std::vector<QuoteMarks> quotes;
  std::vector<int> paragraph_of_sentence;
};

// True for the double quotation marks a quote is delimited by: " “ ” „ « ».
bool IsDoubleQuoteMark(std::string_view bytes);

// Finds the quotes of `doc`, whose sentences and tokens must be well formed
// (each sentence's tokens inside Document::tokens, each token's span inside
// Document::text; FindQuotes checks this before calling). Double marks
// delimit quotes everywhere; single marks (‘ ’ ') only in headlines and
// captions, where news style uses them. Nested double marks are counted so
// that the outer quote closes at its own mark; a mark that closes nothing is
// ignored; a quote still open when its paragraph ends continues when the
// next paragraph opens with a mark, and otherwise ends with the paragraph.
// Linear in the number of tokens.
QuoteLayout FindQuoteMarks(const Document& doc);

// The words of `quote`: its inner bytes with the re-opening marks of
// continuation paragraphs taken out.
std::string QuoteText(const Document& doc, const QuoteMarks& quote);

}  // namespace dyad::resolve

#endif  // DYAD_RESOLVE_QUOTE_FINDER_H_
