// The upper-case form of a token that dictionaries are matched against.
#ifndef DYAD_TEXT_MATCH_FORM_H_
#define DYAD_TEXT_MATCH_FORM_H_

#include <string>
#include <string_view>

namespace dyad::text {

// Writes into `out` (replacing its contents) the full Unicode upper case of
// `word` (ICU, so "ß" -> "SS" and "é" -> "É"), with the curly single quotes
// ‘ ’ folded to ' and the double quotes “ ” „ folded to ". Ill-formed UTF-8
// is copied through unchanged (ASCII bytes still upper-cased).
void MatchForm(std::string_view word, std::string* out);

}  // namespace dyad::text

#endif  // DYAD_TEXT_MATCH_FORM_H_
