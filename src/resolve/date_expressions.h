// Date expressions in news sentences ("yesterday", "on Monday", "Jan. 30",
// "in December", "last week") and their resolution against a publication
// date. Used by event_dates.cc; plain token scans, no regular expressions,
// so it stays cheap enough to run on every event sentence.
#ifndef DYAD_RESOLVE_DATE_EXPRESSIONS_H_
#define DYAD_RESOLVE_DATE_EXPRESSIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"

namespace dyad::resolve {

// A day of the proleptic Gregorian calendar.
struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

bool IsLeapYear(int year);
// Days in `month` (1..12) of `year`; 0 for a month outside 1..12.
int DaysInMonth(int year, int month);
// True when year is in 1..9999 and month/day name a real day.
bool IsValidDate(const CivilDate& date);
// Days since 1970-01-01 (negative before it). `date` must be valid.
int64_t DaysFromCivil(const CivilDate& date);
// The inverse of DaysFromCivil, for days of the years 1..9999.
CivilDate CivilFromDays(int64_t days);
// 0 = Monday ... 6 = Sunday (ISO order).
int WeekdayOfDays(int64_t days);
// Parses exactly "YYYY-MM-DD" naming a valid day; nullopt otherwise.
std::optional<CivilDate> ParseIsoDate(std::string_view text);
// "YYYY-MM-DD" (years below 1000 zero-padded).
std::string FormatIsoDate(const CivilDate& date);

// The time a clause speaks of, as far as the words tell.
enum class Tense : uint8_t {
  kUnknown,  // no cue: weekdays read as past, month days as the nearest
  kPast,
  kFuture,  // will, 'll, is to, plans to, scheduled present ("begins Monday")
  // "would": the future of a past moment ("said it would vote Friday"),
  // before or after publication; the occurrence nearest publication wins.
  kNearest,
};

enum class DateKind : uint8_t {
  kDayOffset,    // yesterday, today, tomorrow, tonight, N days ago: `offset`
  kWeekday,      // Monday..Sunday and "the weekend" (Saturday): `weekday`
  kDayOfMonth,   // "on the 30th": `day`
  kMonthDay,     // "Jan. 30", "30 January 2023", "2023-01-30": month, day,
                 // year (0 = not given), weekday (-1 = not given)
  kMonth,        // "in December", "December 2022": month, day (1 or 15),
                 // year (0 = not given)
  kYear,         // "in 2022": year
  kWeekOffset,   // last/next week: `offset` weeks; N weeks ago: 7N days
  kMonthOffset,  // last/next month, N months ago
  kYearOffset,   // last/next year, N years ago
  kVague,        // this week, earlier this month, recently: no day given
};

// Which way a relative expression points when its words say so.
enum class DateDirection : uint8_t {
  kByTense,  // "on Monday", "in December": the clause's tense decides
  kPast,     // "last Monday", "this past Friday", "December last year"
  kFuture,   // "next Monday", "this coming Friday"
};

struct DateExpression {
  uint32_t first_token = 0;  // [first_token, end_token) in Document::tokens
  uint32_t end_token = 0;
  DateKind kind = DateKind::kVague;
  DateDirection direction = DateDirection::kByTense;
  // kDayOffset: days; kWeekOffset/kMonthOffset/kYearOffset: units, with
  // `exact` true for "N weeks ago" (the same weekday/day N units back) and
  // false for "last week" (the first day of that week, month or year).
  int offset = 0;
  bool exact = false;
  int weekday = -1;  // 0 = Monday
  int year = 0;
  int month = 0;
  int day = 0;
};

// Appends to *out the date expressions among doc.tokens[first, end) (one
// sentence), left to right, not overlapping. Never reads outside `tokens`.
void FindDateExpressions(const Document& doc, uint32_t first, uint32_t end,
                         std::vector<DateExpression>* out);

// The tense of the clause around tokens [first, end) of the sentence
// doc.tokens[sentence_first, sentence_end): the nearest tense cue in the
// same clause (clauses split at commas, semicolons, quotes and
// subordinators), else in the nearest clause that has one; a present
// "is"/"are" counts (as future) only in the date's own clause ("the vote is
// Friday"). Uses XPOS from
// doc.analysis when it is parallel to doc.tokens, the words otherwise.
Tense TenseAround(const Document& doc, uint32_t sentence_first,
                  uint32_t sentence_end, uint32_t first, uint32_t end);

// Resolves `expr` against `published` (nullptr when unknown) in a clause of
// tense `tense`. Returns nullopt when it cannot: a relative expression with
// no publication date, a kVague expression, or a day that does not exist
// ("Feb. 30"). Directions: past (and no cue) looks back, future ahead,
// kNearest takes the nearest occurrence; a bare month-day stays in the
// publication year unless the year across New Year is near (300 days back,
// 120 ahead), as news style gives the year otherwise; a future bare month
// crosses New Year only within four months. Representative days (one date
// per event): "last week" is the
// Monday of the previous ISO week, "last month"/"in December" the month's
// first day ("mid-December" its 15th), "last year"/"in 2022" January 1.
std::optional<CivilDate> ResolveDateExpression(const DateExpression& expr,
                                               const CivilDate* published,
                                               Tense tense);

}  // namespace dyad::resolve

#endif  // DYAD_RESOLVE_DATE_EXPRESSIONS_H_
