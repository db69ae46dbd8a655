#include "ingest/date_normalize.h"

#include <array>
#include <cstdio>

#include "ingest/text_util.h"
#include "util/civil_date.h"

namespace dyad::ingest {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                31, 31, 30, 31, 30, 31};
  return (m == 2 && IsLeap(y)) ? 29 : kDays[m - 1];
}

std::optional<std::string> Format(int y, int m, int d) {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 ||
      d > DaysInMonth(y, m)) {
    return std::nullopt;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

// Reads exactly `n` digits at s[*i].
bool ReadDigits(std::string_view s, size_t* i, size_t n, int* out) {
  if (*i + n > s.size()) return false;
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    char c = s[*i + k];
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *i += n;
  *out = v;
  return true;
}

// Reads 1 to `max` digits.
bool ReadNumber(std::string_view s, size_t* i, size_t max, int* out) {
  size_t start = *i;
  int v = 0;
  while (*i < s.size() && *i - start < max && IsDigit(s[*i])) {
    v = v * 10 + (s[*i] - '0');
    ++*i;
  }
  *out = v;
  return *i > start && (*i >= s.size() || !IsDigit(s[*i]));
}

// Month number of an English month name or its 3-letter abbreviation at
// s[*i] (any case, optional trailing '.'), or 0.
int ReadMonthName(std::string_view s, size_t* i) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  size_t end = *i;
  while (end < s.size() && ((s[end] >= 'a' && s[end] <= 'z') ||
                            (s[end] >= 'A' && s[end] <= 'Z'))) {
    ++end;
  }
  std::string_view word = s.substr(*i, end - *i);
  if (word.size() < 3) return 0;
  for (size_t m = 0; m < kMonths.size(); ++m) {
    std::string_view name = kMonths[m];
    // "Sept" is the one common 4-letter abbreviation.
    bool matches = EqualsIgnoreCase(word, name) ||
                   EqualsIgnoreCase(word, name.substr(0, 3)) ||
                   (m == 8 && EqualsIgnoreCase(word, "sept"));
    if (matches) {
      *i = end;
      if (*i < s.size() && s[*i] == '.') ++*i;
      return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

void SkipSeparators(std::string_view s, size_t* i) {
  while (*i < s.size() && (s[*i] == ' ' || s[*i] == ',' || s[*i] == '\t')) {
    ++*i;
  }
}

std::optional<std::string> ParseIsoLike(std::string_view s) {
  size_t i = 0;
  int y, m, d;
  if (!ReadDigits(s, &i, 4, &y)) return std::nullopt;
  if (i < s.size() && (s[i] == '-' || s[i] == '/')) {
    char sep = s[i++];
    if (!ReadNumber(s, &i, 2, &m)) return std::nullopt;
    if (i >= s.size() || s[i] != sep) return std::nullopt;
    ++i;
    if (!ReadNumber(s, &i, 2, &d)) return std::nullopt;
  } else {
    // Basic format "20230201", optionally followed by "T103000Z".
    if (!ReadDigits(s, &i, 2, &m) || !ReadDigits(s, &i, 2, &d)) {
      return std::nullopt;
    }
  }
  // What follows must be the end or a time part, not more digits.
  if (i < s.size() && s[i] != 'T' && s[i] != 't' && s[i] != ' ' &&
      s[i] != '_') {
    return std::nullopt;
  }
  return Format(y, m, d);
}

// "Wed, 01 Feb 2023 ...", "1 February 2023", "February 1, 2023".
std::optional<std::string> ParseWithMonthName(std::string_view s) {
  size_t i = 0;
  // Optional weekday: a word followed by ','.
  size_t comma = s.find(',');
  if (comma != std::string_view::npos && comma <= 9) {
    bool letters_only = comma > 0;
    for (size_t k = 0; k < comma; ++k) {
      char c = s[k];
      letters_only &= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    if (letters_only) {
      size_t probe = 0;
      if (ReadMonthName(s, &probe) == 0) i = comma + 1;
    }
  }
  SkipSeparators(s, &i);
  int y, m, d;
  if (i < s.size() && IsDigit(s[i])) {
    if (!ReadNumber(s, &i, 2, &d)) return std::nullopt;
    SkipSeparators(s, &i);
    m = ReadMonthName(s, &i);
    if (m == 0) return std::nullopt;
  } else {
    m = ReadMonthName(s, &i);
    if (m == 0) return std::nullopt;
    SkipSeparators(s, &i);
    if (!ReadNumber(s, &i, 2, &d)) return std::nullopt;
    // Ordinal suffixes: "February 1st, 2023".
    for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
      if (StartsWithIgnoreCase(s.substr(i), suffix)) i += 2;
    }
  }
  SkipSeparators(s, &i);
  if (!ReadNumber(s, &i, 4, &y)) return std::nullopt;
  return Format(y, m, d);
}

}  // namespace

bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  std::optional<std::string> normalized = ParseIsoLike(s);
  return normalized.has_value() && *normalized == s;
}

std::optional<std::string> NormalizeDate(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return std::nullopt;
  if (IsDigit(s[0])) {
    if (auto iso = ParseIsoLike(s)) return iso;
  }
  return ParseWithMonthName(s);
}

std::string DateFromUnixSeconds(int64_t seconds) {
  // Floor division keeps dates before 1970 right.
  int64_t days = seconds / 86400;
  if (seconds % 86400 < 0) --days;
  return IsoDateFromDays(days);
}

}  // namespace dyad::ingest
