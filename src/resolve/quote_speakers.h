// Who speaks each quote: the speech verb beside it, the verb's subject, and
// that subject resolved to a name and an actor code. FindQuotes
// (dyad/resolve_quotes.h) is QuoteLayout + AttributeQuotes.
#ifndef DYAD_RESOLVE_QUOTE_SPEAKERS_H_
#define DYAD_RESOLVE_QUOTE_SPEAKERS_H_

#include <vector>

#include "dyad/document.h"
#include "dyad/resolve_quotes.h"
#include "resolve/quote_finder.h"

namespace dyad::resolve {

// True when the document's sentences and tokens can be walked safely: every
// sentence's tokens inside doc.tokens, every token span inside doc.text and
// tokens in text order.
bool WellFormed(const Document& doc);

// The quotes of `layout` (found in `doc`, which must be WellFormed) with
// their speakers, in text order. `lookup` may be empty.
std::vector<Quote> AttributeQuotes(const Document& doc,
                                   const QuoteLayout& layout,
                                   const SpeakerCodeLookup& lookup);

}  // namespace dyad::resolve

#endif  // DYAD_RESOLVE_QUOTE_SPEAKERS_H_
