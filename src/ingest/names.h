// Names as wire bylines print them ("MARI YAMAGUCHI & HARUKA NUGA") turned
// into the forms analysts store ("Mari Yamaguchi", "Haruka Nuga").
#ifndef DYAD_INGEST_NAMES_H_
#define DYAD_INGEST_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

namespace dyad::ingest {

// Counts of upper- and lower-case letters in UTF-8 `s` (Unicode categories
// Lu and Ll; other letters and non-letters are not counted).
struct LetterCase {
  int upper = 0;
  int lower = 0;
};
LetterCase CountLetterCase(std::string_view s);

// True when `s` has at least two cased letters and no lower-case ones
// beyond a sprinkle (at most 1 in 10), as in "MARI YAMAGUCHI" or "McCOY".
bool IsMostlyUpper(std::string_view s);

// Title-cases an all-capitals name or place: "HARUKA NUGA" -> "Haruka Nuga",
// "JEAN-PIERRE O'NEIL" -> "Jean-Pierre O'Neil", "NEW YORK" -> "New York",
// "LUDWIG VON MISES" -> "Ludwig von Mises". Text that already has
// lower-case letters is returned with its case untouched (whitespace
// collapsed), because its author chose that case.
std::string TitleCaseName(std::string_view s);

// Splits a list of people ("A & B", "A and B", "A, B; C") into names with
// a leading "By " removed; each is title-cased with TitleCaseName.
std::vector<std::string> SplitPeople(std::string_view s);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_NAMES_H_
