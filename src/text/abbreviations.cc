#include "text/abbreviations.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <type_traits>

namespace dyad::text {
namespace {

using namespace std::string_view_literals;

// Words that, with a period, are almost never the last word of a sentence
// in news copy: titles come before a name, months before a day.
constexpr std::array kNeverFinal = {
    "Adm."sv,  "Amb."sv,  "Apr."sv, "Aug."sv,  "Brig."sv, "Capt."sv, "Cmdr."sv,
    "Col."sv,  "Cpl."sv,  "Dec."sv, "Dr."sv,   "Feb."sv,  "Ft."sv,   "Gen."sv,
    "Gov."sv,  "Jan."sv,  "Lt."sv,  "Maj."sv,  "Mr."sv,   "Mrs."sv,  "Ms."sv,
    "Mt."sv,   "Nov."sv,  "Oct."sv, "Pres."sv, "Prof."sv, "Pvt."sv,  "Rep."sv,
    "Reps."sv, "Rev."sv,  "Sen."sv, "Sens."sv, "Sep."sv,  "Sept."sv, "Sgt."sv,
    "St."sv,   "Supt."sv, "e.g."sv, "i.e."sv,  "vs."sv,
};

// Words that usually do not end a sentence but can ("the deal with Acme
// Inc. The company said...").
constexpr std::array kMaybeFinal = {
    "Bros."sv, "Co."sv, "Corp."sv, "Inc."sv, "Jr."sv,
    "Ltd."sv,  "Sr."sv, "a.m."sv,  "p.m."sv,
};

constexpr std::array kBeforeNumber = {"No."sv, "Nos."sv, "Art."sv};

// Sorted for binary search.
constexpr std::array kStarters = {
    "A"sv,        "About"sv,   "According"sv, "After"sv,     "Also"sv,
    "Although"sv, "An"sv,      "And"sv,       "Another"sv,   "As"sv,
    "At"sv,       "Because"sv, "Before"sv,    "Both"sv,      "But"sv,
    "By"sv,       "During"sv,  "Each"sv,      "Earlier"sv,   "For"sv,
    "From"sv,     "He"sv,      "Her"sv,       "His"sv,       "However"sv,
    "I"sv,        "If"sv,      "In"sv,        "It"sv,        "Its"sv,
    "Last"sv,     "Later"sv,   "Many"sv,      "Meanwhile"sv, "More"sv,
    "Most"sv,     "No"sv,      "Now"sv,       "On"sv,        "One"sv,
    "Our"sv,      "She"sv,     "Since"sv,     "So"sv,        "Some"sv,
    "That"sv,     "The"sv,     "Their"sv,     "There"sv,     "These"sv,
    "They"sv,     "This"sv,    "Those"sv,     "Thus"sv,      "To"sv,
    "Under"sv,    "We"sv,      "What"sv,      "When"sv,      "While"sv,
    "Yet"sv,      "You"sv,
};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& table,
              std::string_view word) {
  return std::find(table.begin(), table.end(), word) != table.end();
}

bool IsAsciiLetter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// "U.S.", "D.C.", "U.A.E.": single letters each followed by a period.
bool IsDottedLetters(std::string_view word) {
  if (word.size() < 4 || word.size() % 2 != 0) return false;
  for (size_t i = 0; i < word.size(); i += 2) {
    if (!IsAsciiLetter(word[i]) || word[i + 1] != '.') return false;
  }
  return true;
}

}  // namespace

AbbreviationKind ClassifyAbbreviation(std::string_view word) {
  if (word.size() < 2 || word.back() != '.') return AbbreviationKind::kNone;
  if (Contains(kNeverFinal, word)) return AbbreviationKind::kNeverFinal;
  if (Contains(kBeforeNumber, word)) return AbbreviationKind::kBeforeNumber;
  if (Contains(kMaybeFinal, word)) return AbbreviationKind::kMaybeFinal;
  if (IsDottedLetters(word)) return AbbreviationKind::kMaybeFinal;
  if (word.size() == 2 && word[0] >= 'A' && word[0] <= 'Z') {
    return AbbreviationKind::kMaybeFinal;
  }
  return AbbreviationKind::kNone;
}

bool IsSentenceStarter(std::string_view word) {
  static_assert(std::is_sorted(kStarters.begin(), kStarters.end()));
  return std::binary_search(kStarters.begin(), kStarters.end(), word);
}

}  // namespace dyad::text
