// The news abbreviations that decide whether a period ends a sentence.
#ifndef DYAD_TEXT_ABBREVIATIONS_H_
#define DYAD_TEXT_ABBREVIATIONS_H_

#include <string_view>

namespace dyad::text {

// How a word ending in a period behaves at a candidate sentence boundary.
enum class AbbreviationKind {
  kNone,          // not an abbreviation: the period may end the sentence
  kNeverFinal,    // titles, months, e.g.: "Gen.", "Jan.", "Mr.", "e.g."
  kBeforeNumber,  // "No." only when a number follows ("No. 2")
  kMaybeFinal,    // "U.S.", "Inc.", "Jr.", "p.m.", initials: can end one
};

// Classifies `word`, which includes its final period ("Gen.", "U.S.").
// Dotted letter groups not in the table ("D.C.", "U.A.E.") are kMaybeFinal;
// a single capital letter with a period ("W.") is an initial, kMaybeFinal.
AbbreviationKind ClassifyAbbreviation(std::string_view word);

// True when `word` (a capitalized word after a possible boundary) usually
// starts a new sentence in news prose: "The", "He", "But", "In"...
bool IsSentenceStarter(std::string_view word);

}  // namespace dyad::text

#endif  // DYAD_TEXT_ABBREVIATIONS_H_
