// text: sentences and tokens with byte offsets.
#ifndef DYAD_TEXT_H_
#define DYAD_TEXT_H_

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad {

// Splits every codable part of `doc` (headline, caption, body, in the order
// of doc->parts; all of doc->text as one body part when doc->parts is empty)
// into sentences and tokens, appending to doc->sentences and doc->tokens.
// Each sentence lies inside one part (a headline or caption is a sentence
// even without a period) and each token inside one sentence; every span
// slices back to the exact bytes in doc->text.
//
// Sentences: ICU's English sentence rules, plus news abbreviations that do
// not end a sentence ("Gen.", "Jan.", "Mr.", "e.g."); after "U.S.", "U.N.",
// "Inc." or an initial a sentence ends only when a typical sentence opener
// ("The", "He", "But"...) or a quotation mark follows. A closing quote
// after the final period stays in its sentence; a single line break inside
// a sentence does not end it (hard-wrapped text), a blank line does.
//
// Tokens (TokenKind in document.h): "Secretary-General" and "long-range"
// are one word, "U.S.-led" is "U.S." "-" "led"; "U.S." and "Gen." keep
// their periods, and a sentence-final period is its own kSentenceEnd token
// except when it is an abbreviation's ("...sanctions by the U.S.");
// "Russia’s" is "Russia" + "’s" (kPossessive), "Ukrainians'" is
// "Ukrainians" + "'"; English clitics are tokens of their own as in the
// treebanks ("didn't" is "did" + "n't", "can't" "ca" + "n't", "they'll"
// "they" + "'ll"), while names keep their apostrophe ("O'Brien");
// straight double quotes open after a space, the start
// or an opening bracket and close otherwise. Token::upper is the full
// Unicode upper case with ‘ ’ folded to ' and “ ” to ".
//
// Returns InvalidArgument when a part's span lies outside doc->text or the
// text is 4 GiB or longer, Internal if ICU fails; in both cases the
// document is left without the sentences and tokens of this call. Never
// fails on ill-formed UTF-8 (bad bytes become one-byte kSymbol tokens);
// control characters (NUL, ^Z) are skipped like whitespace.
// Thread-safe for distinct documents (each thread keeps its own ICU
// iterator).
Status AnalyzeText(Document* doc);

}  // namespace dyad

#endif  // DYAD_TEXT_H_
