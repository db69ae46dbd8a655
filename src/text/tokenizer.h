// Splits one sentence of a document into news tokens.
#ifndef DYAD_TEXT_TOKENIZER_H_
#define DYAD_TEXT_TOKENIZER_H_

#include <string_view>
#include <vector>

#include "dyad/document.h"

namespace dyad::text {

// Appends to `tokens` the tokens of text[sentence.begin, sentence.end), each
// with its byte span in `text`, its kind and its match form (upper case,
// quotes folded). Never fails: ill-formed bytes become one-byte kSymbol
// tokens. Requires sentence.end <= text.size().
//
// The news conventions, in short:
//   - hyphenated words are one token ("Secretary-General", "long-range"),
//     except after an abbreviation: "U.S.-led" is "U.S." "-" "led", so that
//     the actor "U.S." matches ("U.S.-China" gives "China" too);
//   - abbreviations keep their periods ("U.S.", "Gen.", "e.g."); when such a
//     word ends the sentence its period is not repeated as kSentenceEnd;
//   - web names stay whole ("voanews.com");
//   - "800,000", "3.5", "1990" are kNumber; "1990s" and "5G" are kWord;
//   - possessives split off: "Russia’s" -> "Russia" "’s"; "Ukrainians'" ->
//     "Ukrainians" "'"; clitics split off as the treebanks write them ("do"
//     "n't", "they" "'ll"); other inner apostrophes stay ("O'Brien");
//   - a straight " opens after the start, a space or an opening bracket and
//     closes otherwise (before a space, punctuation or the end); one with
//     spaces on both sides is the opposite of the sentence's last one;
//   - . ! ? are kSentenceEnd; "..." and "…" are kPunct; dashes are kPunct;
//     $ % & # @ and Unicode symbols (including emoji) are kSymbol;
//   - control characters (NUL, ^Z) are skipped like whitespace.
void Tokenize(std::string_view text, Span sentence, std::vector<Token>* tokens);

}  // namespace dyad::text

#endif  // DYAD_TEXT_TOKENIZER_H_
