// Sentence boundaries for news text: ICU's rules plus news abbreviations.
#ifndef DYAD_TEXT_SENTENCE_SPLITTER_H_
#define DYAD_TEXT_SENTENCE_SPLITTER_H_

#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::text {

// Appends to `sentences` the sentence spans of text[part.begin, part.end),
// trimmed of surrounding whitespace; stretches holding only whitespace give
// no sentence. The part end always ends a sentence, so a headline without a
// period is one sentence. Returns Internal when ICU fails (nothing is
// appended then). Requires part.end <= text.size().
//
// A period after a title, a month or "e.g." never ends a sentence ("Gen.
// Mark Milley", "Jan. 31"). After "U.S.", "U.N.", "Inc.", "Jr." or an
// initial, the sentence ends only when the next word is one that usually
// opens a sentence ("The", "He", "But", "In"...) or a quotation mark:
// "...sanctions by the U.S. The move..." splits, "the U.S. President" and
// "U.S. Central Command" do not. A closing quote after the final period
// stays in the sentence (ICU's rule), and a sentence never starts with a
// lower-case letter (“...social media?” wrote a user. is one sentence).
// A blank line always ends a sentence; a single line break ends one only
// after . ! ? (so hard-wrapped lines are joined).
Status SplitSentences(std::string_view text, Span part,
                      std::vector<Span>* sentences);

}  // namespace dyad::text

#endif  // DYAD_TEXT_SENTENCE_SPLITTER_H_
