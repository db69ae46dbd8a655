#include "resolve/date_expressions.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <initializer_list>

#include "util/civil_date.h"

namespace dyad::resolve {

// ---------------------------------------------------------------------------
// Calendar arithmetic.

bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsValidDate(const CivilDate& date) {
  return date.year >= 1 && date.year <= 9999 && date.day >= 1 &&
         date.day <= DaysInMonth(date.year, date.month);
}

// The day arithmetic is the project's (util/civil_date.h); these adapt it
// to CivilDate.
int64_t DaysFromCivil(const CivilDate& date) {
  return ::dyad::DaysFromCivil(date.year, static_cast<unsigned>(date.month),
                               static_cast<unsigned>(date.day));
}

CivilDate CivilFromDays(int64_t days) {
  const std::chrono::year_month_day ymd{
      std::chrono::sys_days{std::chrono::days{days}}};
  return CivilDate{static_cast<int>(ymd.year()),
                   static_cast<int>(static_cast<unsigned>(ymd.month())),
                   static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

int WeekdayOfDays(int64_t days) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  int64_t w = (days + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

namespace {

// The value of a string of at most nine ASCII digits, -1 otherwise.
int DigitsValue(std::string_view s) {
  if (s.empty() || s.size() > 9) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return {};
  CivilDate date{DigitsValue(text.substr(0, 4)), DigitsValue(text.substr(5, 2)),
                 DigitsValue(text.substr(8, 2))};
  if (!IsValidDate(date)) return {};
  return date;
}

std::string FormatIsoDate(const CivilDate& date) {
  char buf[16];
  buf[0] = static_cast<char>('0' + date.year / 1000 % 10);
  buf[1] = static_cast<char>('0' + date.year / 100 % 10);
  buf[2] = static_cast<char>('0' + date.year / 10 % 10);
  buf[3] = static_cast<char>('0' + date.year % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + date.month / 10);
  buf[6] = static_cast<char>('0' + date.month % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + date.day / 10);
  buf[9] = static_cast<char>('0' + date.day % 10);
  return std::string(buf, 10);
}

// ---------------------------------------------------------------------------
// Finding expressions.

namespace {

bool In(std::string_view word, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set) {
    if (word == s) return true;
  }
  return false;
}

struct MonthName {
  std::string_view upper;
  int month;
  bool needs_day;  // bare abbreviations ("Jan", "Sept") only before a day
};

constexpr MonthName kMonthNames[] = {
    {"JANUARY", 1, false},   {"JAN.", 1, false},      {"JAN", 1, true},
    {"FEBRUARY", 2, false},  {"FEB.", 2, false},      {"FEB", 2, true},
    {"MARCH", 3, false},     {"MAR.", 3, false},      {"MAR", 3, true},
    {"APRIL", 4, false},     {"APR.", 4, false},      {"APR", 4, true},
    {"MAY", 5, false},       {"JUNE", 6, false},      {"JUN.", 6, false},
    {"JUN", 6, true},        {"JULY", 7, false},      {"JUL.", 7, false},
    {"JUL", 7, true},        {"AUGUST", 8, false},    {"AUG.", 8, false},
    {"AUG", 8, true},        {"SEPTEMBER", 9, false}, {"SEPT.", 9, false},
    {"SEPT", 9, true},       {"SEP.", 9, false},      {"SEP", 9, true},
    {"OCTOBER", 10, false},  {"OCT.", 10, false},     {"OCT", 10, true},
    {"NOVEMBER", 11, false}, {"NOV.", 11, false},     {"NOV", 11, true},
    {"DECEMBER", 12, false}, {"DEC.", 12, false},     {"DEC", 12, true},
};

constexpr std::string_view kWeekdays[] = {"MONDAY",   "TUESDAY", "WEDNESDAY",
                                          "THURSDAY", "FRIDAY",  "SATURDAY",
                                          "SUNDAY"};

// Small numbers as words, for "two days ago".
int NumberWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "ZERO",  "ONE",   "TWO",  "THREE", "FOUR",   "FIVE",  "SIX",
      "SEVEN", "EIGHT", "NINE", "TEN",   "ELEVEN", "TWELVE"};
  if (w == "A" || w == "AN") return 1;
  for (int i = 1; i < 13; ++i) {
    if (w == kWords[i]) return i;
  }
  return -1;
}

class Scanner {
 public:
  Scanner(const Document& doc, uint32_t first, uint32_t end)
      : doc_(doc),
        first_(first),
        end_(std::min<uint32_t>(end, doc.tokens.size())) {}

  void FindAll(std::vector<DateExpression>* out) {
    for (uint32_t i = first_; i < end_;) {
      DateExpression e;
      if (MatchAt(i, &e) && e.end_token > i) {
        out->push_back(e);
        i = e.end_token;
      } else {
        ++i;
      }
    }
  }

 private:
  bool Valid(uint32_t i) const { return i >= first_ && i < end_; }
  std::string_view Up(uint32_t i) const {
    return Valid(i) ? std::string_view(doc_.tokens[i].upper)
                    : std::string_view();
  }
  TokenKind Kind(uint32_t i) const { return doc_.tokens[i].kind; }
  bool IsWord(uint32_t i) const {
    return Valid(i) && Kind(i) == TokenKind::kWord;
  }
  bool Capitalized(uint32_t i) const {
    if (!Valid(i)) return false;
    std::string_view s = doc_.Slice(doc_.tokens[i].span);
    return !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
  }
  bool IsComma(uint32_t i) const {
    return Valid(i) && Kind(i) == TokenKind::kPunct && Up(i) == ",";
  }

  // 1..31 from "30" or "30th"; 0 otherwise.
  int DayAt(uint32_t i) const {
    if (!Valid(i)) return 0;
    std::string_view u = Up(i);
    if (Kind(i) == TokenKind::kWord && u.size() >= 3) {
      std::string_view suffix = u.substr(u.size() - 2);
      if (!In(suffix, {"ST", "ND", "RD", "TH"})) return 0;
      u.remove_suffix(2);
    } else if (Kind(i) != TokenKind::kNumber) {
      return 0;
    }
    if (u.size() > 2) return 0;
    int v = DigitsValue(u);
    return v >= 1 && v <= 31 ? v : 0;
  }
  bool IsOrdinal(uint32_t i) const {
    return DayAt(i) > 0 && Kind(i) == TokenKind::kWord;
  }

  // A four-digit year 1000..2999; 0 otherwise.
  int YearAt(uint32_t i) const {
    if (!Valid(i) || Kind(i) != TokenKind::kNumber || Up(i).size() != 4)
      return 0;
    int v = DigitsValue(Up(i));
    return v >= 1000 && v <= 2999 ? v : 0;
  }

  int WeekdayAt(uint32_t i) const {
    if (!IsWord(i) || !Capitalized(i)) return -1;
    std::string_view u = Up(i);
    for (int d = 0; d < 7; ++d) {
      if (u == kWeekdays[d]) return d;
    }
    return -1;
  }

  // The month a capitalized month name at i names, 0 otherwise;
  // *needs_day for bare abbreviations.
  int MonthNameAt(uint32_t i, bool* needs_day) const {
    if (!IsWord(i) || !Capitalized(i)) return 0;
    std::string_view u = Up(i);
    for (const MonthName& m : kMonthNames) {
      if (u == m.upper) {
        *needs_day = m.needs_day;
        return m.month;
      }
    }
    return 0;
  }

  // "May" and a sentence-initial "March" are months only where a date
  // context says so (a preposition or modifier before, a day or year after).
  bool MonthContext(uint32_t i) const {
    if (DayAt(i + 1) > 0 || YearAt(i + 1) > 0) return true;
    return i > first_ &&
           In(Up(i - 1),
              {"IN",    "SINCE",  "UNTIL",    "BY",      "LAST", "NEXT",
               "THIS",  "EARLY",  "LATE",     "MID",     "OF",   "BEFORE",
               "AFTER", "DURING", "FROM",     "THROUGH", "TILL", "THROUGHOUT",
               "END",   "START",  "BEGINNING"});
  }

  // Optional ", 2023" / " 2023" after a month-day or month; returns the
  // year and moves *j past it.
  int OptionalYear(uint32_t* j) const {
    if (int y = YearAt(*j)) {
      ++*j;
      return y;
    }
    if (IsComma(*j)) {
      if (int y = YearAt(*j + 1)) {
        *j += 2;
        return y;
      }
    }
    return 0;
  }

  // "last year" / "this year" / "next year" after a month or month-day:
  // sets e->year relative to publication through `offset`.
  bool RelativeYear(uint32_t* j, DateExpression* e) const {
    if (Up(*j + 1) != "YEAR") return false;
    std::string_view m = Up(*j);
    int off = m == "LAST" ? -1 : m == "THIS" ? 0 : m == "NEXT" ? 1 : 99;
    if (off == 99) return false;
    e->direction = off < 0   ? DateDirection::kPast
                   : off > 0 ? DateDirection::kFuture
                             : DateDirection::kByTense;
    e->offset = off;
    e->exact = true;  // marks a year relative to publication
    *j += 2;
    return true;
  }

  // Month-first explicit forms at i: "Jan. 30", "January 30th, 2023",
  // "December 2022", "December of 2022", "December last year", and the
  // bare month ("in December") where the context allows it.
  bool MonthFirstAt(uint32_t i, DateExpression* e) const {
    bool needs_day = false;
    int month = MonthNameAt(i, &needs_day);
    if (month == 0) return false;
    uint32_t j = i + 1;
    int day = DayAt(j);
    // "Jan. 30-31" is one token "30-31" for the tokenizer: take its start.
    if (day == 0 && IsWord(j)) {
      std::string_view u = Up(j);
      size_t dash = u.find('-');
      if (dash != std::string_view::npos && dash > 0 && dash <= 2 &&
          DigitsValue(u.substr(dash + 1)) > 0) {
        int v = DigitsValue(u.substr(0, dash));
        if (v >= 1 && v <= 31) day = v;
      }
    }
    if (day > 0) {
      ++j;
      e->kind = DateKind::kMonthDay;
      e->month = month;
      e->day = day;
      e->year = OptionalYear(&j);
      if (e->year == 0) RelativeYear(&j, e);
      e->first_token = i;
      e->end_token = j;
      return true;
    }
    if (needs_day) return false;
    if ((month == 5 || (month == 3 && i == first_)) && !MonthContext(i))
      return false;
    e->kind = DateKind::kMonth;
    e->month = month;
    e->day = 1;
    if (Up(j) == "OF" && YearAt(j + 1)) {
      e->year = YearAt(j + 1);
      j += 2;
    } else {
      e->year = OptionalYear(&j);
      if (e->year == 0) RelativeYear(&j, e);
    }
    e->first_token = i;
    e->end_token = j;
    return true;
  }

  // Day-first forms at i: "30 January 2023", "30th of January".
  bool DayFirstAt(uint32_t i, DateExpression* e) const {
    int day = DayAt(i);
    if (day == 0) return false;
    uint32_t j = i + 1;
    if (Up(j) == "OF") ++j;
    bool needs_day = false;
    int month = MonthNameAt(j, &needs_day);
    if (month == 0) return false;
    if (j == i + 2 && !IsOrdinal(i)) return false;  // "30 of January"
    ++j;
    e->kind = DateKind::kMonthDay;
    e->month = month;
    e->day = day;
    e->year = OptionalYear(&j);
    if (e->year == 0) RelativeYear(&j, e);
    e->first_token = i;
    e->end_token = j;
    return true;
  }

  // "2023-01-30" (one token) and "1/30/2023".
  bool NumericAt(uint32_t i, DateExpression* e) const {
    if (auto iso = ParseIsoDate(Up(i))) {
      e->kind = DateKind::kMonthDay;
      e->year = iso->year;
      e->month = iso->month;
      e->day = iso->day;
      e->first_token = i;
      e->end_token = i + 1;
      return true;
    }
    if (Kind(i) != TokenKind::kNumber || Up(i + 1) != "/" || Up(i + 3) != "/")
      return false;
    int m = DigitsValue(Up(i)), d = DigitsValue(Up(i + 2));
    int y = YearAt(i + 4);
    if (y == 0 || m < 1 || m > 12 || d < 1 || d > 31) return false;
    e->kind = DateKind::kMonthDay;
    e->year = y;
    e->month = m;
    e->day = d;
    e->first_token = i;
    e->end_token = i + 5;
    return true;
  }

  // A weekday at j (already past any modifier starting at i), with an
  // explicit date after it ("Monday, Jan. 30") or a part of the day
  // ("Monday night").
  bool WeekdayAt(uint32_t i, uint32_t j, DateExpression* e) const {
    int wd = WeekdayAt(j);
    if (wd < 0) return false;
    uint32_t k = j + 1;
    const bool parenthesis = Up(k) == "(";  // "Friday (Dec. 13)"
    if (IsComma(k) || parenthesis) ++k;
    DateExpression date;
    if (e->direction == DateDirection::kByTense &&
        (MonthFirstAt(k, &date) || DayFirstAt(k, &date)) &&
        date.kind == DateKind::kMonthDay) {
      date.weekday = wd;
      date.first_token = i;
      if (parenthesis && Up(date.end_token) == ")") ++date.end_token;
      *e = date;
      return true;
    }
    *e = DateExpression{i, j + 1, DateKind::kWeekday, e->direction};
    e->weekday = wd;
    if (In(Up(j + 1), {"NIGHT", "MORNING", "AFTERNOON", "EVENING"}))
      ++e->end_token;
    return true;
  }

  bool MatchAt(uint32_t i, DateExpression* e) const {
    std::string_view u = Up(i);
    if (u.empty()) return false;
    if (Kind(i) == TokenKind::kNumber || Kind(i) == TokenKind::kWord) {
      if (NumericAt(i, e)) return true;
    }
    if (Kind(i) != TokenKind::kWord && Kind(i) != TokenKind::kNumber)
      return false;

    // Single words relative to the publication day.
    if (u == "YESTERDAY" || u == "TODAY" || u == "TOMORROW" || u == "TONIGHT") {
      // "USA Today", "Russia Today": names, not days.
      if (u == "TODAY" && Capitalized(i) && i > first_ && Capitalized(i - 1) &&
          IsWord(i - 1))
        return false;
      *e = DateExpression{i, i + 1, DateKind::kDayOffset};
      e->offset = u == "YESTERDAY" ? -1 : u == "TOMORROW" ? 1 : 0;
      return true;
    }
    // "the day before yesterday", "the day after tomorrow".
    if (u == "THE" && Up(i + 1) == "DAY") {
      if (Up(i + 2) == "BEFORE" && Up(i + 3) == "YESTERDAY") {
        *e = DateExpression{i, i + 4, DateKind::kDayOffset};
        e->offset = -2;
        return true;
      }
      if (Up(i + 2) == "AFTER" && Up(i + 3) == "TOMORROW") {
        *e = DateExpression{i, i + 4, DateKind::kDayOffset};
        e->offset = 2;
        return true;
      }
    }
    // "the past week", "the last few days": a stretch, not a day.
    if (u == "THE" && In(Up(i + 1), {"PAST", "LAST"})) {
      uint32_t j = i + 2;
      if (In(Up(j), {"FEW", "SEVERAL", "COUPLE"})) ++j;
      if (In(Up(j), {"WEEK", "WEEKS", "DAYS", "MONTH", "MONTHS", "YEAR"})) {
        *e = DateExpression{i, j + 1, DateKind::kVague};
        return true;
      }
      return false;
    }
    // "earlier this week", "later this month".
    if ((u == "EARLIER" || u == "LATER") && Up(i + 1) == "THIS" &&
        In(Up(i + 2), {"WEEK", "MONTH", "YEAR"})) {
      *e = DateExpression{i, i + 3, DateKind::kVague};
      return true;
    }

    // Modifiers: last/past/this past, next/coming/this coming, this.
    DateDirection dir = DateDirection::kByTense;
    uint32_t j = i;
    bool has_this = false, has_modifier = false;
    if (u == "THIS" && In(Up(i + 1), {"PAST", "COMING"})) {
      dir = Up(i + 1) == "PAST" ? DateDirection::kPast : DateDirection::kFuture;
      j = i + 2;
      has_modifier = true;
    } else if (In(u, {"LAST", "PAST"})) {
      dir = DateDirection::kPast;
      j = i + 1;
      has_modifier = true;
    } else if (In(u, {"NEXT", "COMING"})) {
      dir = DateDirection::kFuture;
      j = i + 1;
      has_modifier = true;
    } else if (u == "THIS") {
      j = i + 1;
      has_this = true;
      has_modifier = true;
    }
    if (has_modifier) {
      std::string_view unit = Up(j);
      if (In(unit, {"MORNING", "AFTERNOON", "EVENING", "NIGHT"})) {
        if (dir == DateDirection::kFuture) return false;
        *e = DateExpression{i, j + 1, DateKind::kDayOffset};
        // "last night"; "this morning" is the publication day.
        e->offset = dir == DateDirection::kPast ? -1 : 0;
        return true;
      }
      if (unit == "WEEKEND") {
        *e = DateExpression{i, j + 1, DateKind::kWeekday, dir};
        e->weekday = 5;
        return true;
      }
      if (In(unit, {"WEEK", "MONTH", "YEAR"})) {
        if (has_this) {
          *e = DateExpression{i, j + 1, DateKind::kVague};
          return true;
        }
        DateKind kind = unit == "WEEK"    ? DateKind::kWeekOffset
                        : unit == "MONTH" ? DateKind::kMonthOffset
                                          : DateKind::kYearOffset;
        *e = DateExpression{i, j + 1, kind, dir};
        e->offset = dir == DateDirection::kPast ? -1 : 1;
        return true;
      }
      DateExpression w;
      w.direction = dir;
      if (WeekdayAt(i, j, &w)) {
        *e = w;
        return true;
      }
      bool needs_day = false;
      if (!has_this && MonthNameAt(j, &needs_day) && !needs_day) {
        // "last December": a month relative to the publication month.
        DateExpression m;
        if (MonthFirstAt(j, &m) && m.kind == DateKind::kMonth && m.year == 0) {
          m.first_token = i;
          m.direction = dir;
          *e = m;
          return true;
        }
      }
      if (has_this) {
        bool nd = false;
        if (MonthNameAt(j, &nd) && !nd) {
          DateExpression m;
          if (MonthFirstAt(j, &m) && m.kind == DateKind::kMonth) {
            m.first_token = i;
            *e = m;
            return true;
          }
        }
      }
      return false;
    }

    // "the weekend", "over the weekend".
    if (u == "THE" && Up(i + 1) == "WEEKEND") {
      *e = DateExpression{i, i + 2, DateKind::kWeekday};
      e->weekday = 5;
      return true;
    }

    // early/mid/late + month or year: "in late December", "mid-2022".
    int period_day = 0;
    uint32_t k = i;
    if (In(u, {"EARLY", "MID", "LATE"}) && Valid(i + 1)) {
      period_day = u == "EARLY" ? 1 : u == "MID" ? 15 : 21;
      k = i + 1;
    } else if (u.size() > 4 && Kind(i) == TokenKind::kWord) {
      // One token: "MID-DECEMBER", "LATE-2022".
      for (std::string_view p : {"MID-", "EARLY-", "LATE-"}) {
        if (u.substr(0, p.size()) != p) continue;
        std::string_view rest = u.substr(p.size());
        int pd = p == "EARLY-" ? 1 : p == "MID-" ? 15 : 21;
        for (const MonthName& m : kMonthNames) {
          if (!m.needs_day && rest == m.upper) {
            *e = DateExpression{i, i + 1, DateKind::kMonth};
            e->month = m.month;
            e->day = pd;
            uint32_t n = i + 1;
            e->year = OptionalYear(&n);
            if (e->year == 0) RelativeYear(&n, e);
            e->end_token = n;
            return true;
          }
        }
        int y = DigitsValue(rest);
        if (rest.size() == 4 && y >= 1000 && y <= 2999) {
          *e = DateExpression{i, i + 1, DateKind::kYear};
          e->year = y;
          return true;
        }
      }
    }
    if (period_day > 0) {
      DateExpression m;
      if (MonthFirstAt(k, &m) && m.kind == DateKind::kMonth) {
        m.first_token = i;
        m.day = period_day;
        *e = m;
        return true;
      }
      if (YearAt(k) && i > first_ && In(Up(i - 1), {"IN", "DURING", "BY"})) {
        *e = DateExpression{i, k + 1, DateKind::kYear};
        e->year = YearAt(k);
        return true;
      }
      return false;
    }

    // Weekdays, possibly with an explicit date after them.
    {
      DateExpression w;
      if (WeekdayAt(i, i, &w)) {
        *e = w;
        return true;
      }
    }
    if (MonthFirstAt(i, e)) return true;
    if (DayFirstAt(i, e)) return true;

    // "on the 30th".
    if (u == "THE" && i > first_ &&
        In(Up(i - 1), {"ON", "BY", "UNTIL", "TILL", "SINCE", "BEFORE", "AFTER",
                       "FROM", "TO"}) &&
        IsOrdinal(i + 1)) {
      DateExpression d;
      if (DayFirstAt(i + 1, &d)) {  // "on the 30th of January"
        d.first_token = i;
        *e = d;
        return true;
      }
      uint32_t n = i + 2;
      if (!IsWord(n) || In(Up(n), {"AND", "OR"})) {
        *e = DateExpression{i, i + 2, DateKind::kDayOfMonth};
        e->day = DayAt(i + 1);
        return true;
      }
      return false;
    }

    // "in 2022", "during 2022".
    if (int y = YearAt(i)) {
      if (i > first_ && In(Up(i - 1), {"IN", "DURING"})) {
        *e = DateExpression{i, i + 1, DateKind::kYear};
        e->year = y;
        return true;
      }
      return false;
    }

    // "two days ago", "a week ago", "three months ago", "in two days",
    // "days ago" (vague).
    {
      uint32_t n = i;
      int count = NumberWord(u);
      if (count < 0 && Kind(i) == TokenKind::kNumber) {
        count = u.size() <= 3 ? DigitsValue(u) : -1;
      }
      bool vague = false;
      if (count < 0 && In(u, {"FEW", "SEVERAL"})) vague = true;
      if (count < 0 && u == "A" && In(Up(i + 1), {"FEW", "COUPLE"})) {
        vague = true;
        ++n;
        if (Up(n + 1) == "OF") ++n;
      }
      if (count >= 0 || vague) {
        std::string_view unit = Up(n + 1);
        bool plural = unit.size() > 1 && unit.back() == 'S';
        std::string_view base = plural ? unit.substr(0, unit.size() - 1) : unit;
        if (In(base, {"DAY", "WEEK", "MONTH", "YEAR"})) {
          bool ago = Up(n + 2) == "AGO";
          bool from_now = Up(n + 2) == "FROM" && Up(n + 3) == "NOW";
          bool in_future = i > first_ && Up(i - 1) == "IN" &&
                           In(base, {"DAY", "WEEK"}) &&
                           !In(Up(n + 2), {"OF", "'S", "'"});
          if (ago || from_now || in_future) {
            uint32_t stop = n + (ago ? 3 : from_now ? 4 : 2);
            if (vague) {
              *e = DateExpression{i, stop, DateKind::kVague};
              return true;
            }
            int sign = ago ? -1 : 1;
            DateKind kind = base == "DAY"     ? DateKind::kDayOffset
                            : base == "WEEK"  ? DateKind::kWeekOffset
                            : base == "MONTH" ? DateKind::kMonthOffset
                                              : DateKind::kYearOffset;
            *e = DateExpression{
                in_future ? i - 1 : i, stop, kind,
                sign < 0 ? DateDirection::kPast : DateDirection::kFuture};
            e->offset = sign * count;
            e->exact = true;
            return true;
          }
        }
      }
      if ((u == "DAYS" || u == "WEEKS") && Up(i + 1) == "AGO") {
        *e = DateExpression{i, i + 2, DateKind::kVague};
        return true;
      }
    }
    return false;
  }

  const Document& doc_;
  uint32_t first_;
  uint32_t end_;
};

}  // namespace

void FindDateExpressions(const Document& doc, uint32_t first, uint32_t end,
                         std::vector<DateExpression>* out) {
  Scanner(doc, first, end).FindAll(out);
}

// ---------------------------------------------------------------------------
// Tense.

namespace {

bool IsBeForm(std::string_view u) {
  return In(u, {"IS", "ARE", "AM", "WAS", "WERE", "BE", "BEEN", "BEING", "'S",
                "'RE", "'M"});
}

bool IsClauseBoundary(const Token& t) {
  switch (t.kind) {
    case TokenKind::kOpenQuote:
    case TokenKind::kCloseQuote:
    case TokenKind::kSentenceEnd:
      return true;
    case TokenKind::kPunct:
      return In(t.upper, {",", ";", ":", "(", ")", "—", "–", "--"});
    case TokenKind::kWord:
      return In(t.upper, {"THAT", "WHO", "WHOM", "WHOSE", "WHICH", "WHERE",
                          "WHEN", "WHILE", "AFTER", "BEFORE", "BECAUSE", "BUT",
                          "ALTHOUGH", "THOUGH", "AND", "OR"});
    default:
      return false;
  }
}

// A present "is"/"are": a tense cue only inside the date's own clause.
constexpr Tense kCopula = static_cast<Tense>(100);

class TenseCues {
 public:
  TenseCues(const Document& doc, uint32_t first, uint32_t end)
      : doc_(doc),
        first_(first),
        end_(std::min<uint32_t>(end, doc.tokens.size())),
        tagged_(doc.analysis.size() == doc.tokens.size()) {}

  // The tense token i signals on its own, kUnknown for none.
  Tense CueAt(uint32_t i) const {
    std::string_view u = Up(i);
    if (doc_.tokens[i].kind == TokenKind::kPossessive && u == "'S" &&
        i > first_ && In(Up(i - 1), {"THERE", "HERE", "IT", "THAT", "WHAT"}))
      return kCopula;  // "there's a vote Friday"
    if (doc_.tokens[i].kind != TokenKind::kWord) return Tense::kUnknown;
    if (In(u, {"WILL", "'LL", "SHALL", "GONNA", "UPCOMING"}))
      return Tense::kFuture;
    if (u == "WOULD" || (u == "'D" && Infinitive(i + 1)))
      return Tense::kNearest;
    // "is scheduled for Friday"; "migrants slated for deportation" is not.
    if (In(u, {"SCHEDULED", "SLATED"}) && i > first_ && IsBeForm(Up(i - 1)))
      return Tense::kFuture;
    if (u == "WO" && Up(i + 1) == "N'T") return Tense::kFuture;
    if (u == "TO" && i > first_ &&
        In(Up(i - 1),
           {"IS",    "ARE",       "AM",       "'RE",      "WAS",      "WERE",
            "PLAN",  "PLANS",     "PLANNED",  "PLANNING", "EXPECTED", "SET",
            "DUE",   "GOING",     "INTEND",   "INTENDS",  "INTENDED", "AIMS",
            "HOPES", "PREPARING", "PREPARES", "READY",    "LIKELY"}) &&
        Infinitive(i + 1))
      return Tense::kFuture;
    // Scheduled present: "is meeting Friday", "talks begin Monday".
    if (In(u, {"IS", "ARE", "AM", "'RE"}) && IsGerund(i + 1))
      return Tense::kFuture;
    if (In(u, {"IS", "ARE"}) && !Participle(i + 1)) return kCopula;
    if (In(u,
           {"BEGINS", "BEGIN", "STARTS", "OPENS", "ENDS", "CLOSES", "ARRIVES",
            "LEAVES", "DEPARTS", "MEETS", "VISITS", "TRAVELS", "HEADS", "HOLDS",
            "RETURNS", "RESUMES", "CONVENES", "EXPIRES", "KICKS"}))
      return Tense::kFuture;
    if (AfterHyphen(i)) return Tense::kUnknown;  // "U.S.-led"
    if (tagged_) {
      const std::string& x = doc_.analysis[i].xpos;
      if (x == "VBD") return Tense::kPast;
      // A present verb other than one of saying: a timetable ("the court
      // rules Wednesday").
      if ((x == "VBZ" || x == "VBP") &&
          !In(doc_.analysis[i].lemma,
              {"be", "have", "do", "say", "tell", "add", "note", "write"}))
        return Tense::kFuture;
      if (x == "VBN" && i > first_ && !IsBeForm(Up(i - 1))) {
        return In(Up(i - 1), {"HAS", "HAVE", "HAD", "'VE", "'D"})
                   ? Tense::kPast
                   : Tense::kUnknown;
      }
      return Tense::kUnknown;
    }
    if (In(u, {"WAS", "WERE", "HAD", "DID"})) return Tense::kPast;
    // A passive ("was held": the auxiliary tells) or "as scheduled".
    if (i > first_ && (IsBeForm(Up(i - 1)) || Up(i - 1) == "AS"))
      return Tense::kUnknown;
    if (In(u, {"SCHEDULED", "SLATED", "EXPECTED", "PLANNED"}))
      return Tense::kUnknown;
    if (In(u, {"SAID",   "TOLD",    "MET",      "HELD",       "MADE",
               "TOOK",   "GAVE",    "SENT",     "WENT",       "CAME",
               "LEFT",   "BEGAN",   "SPOKE",    "SAW",        "LED",
               "WON",    "LOST",    "FOUGHT",   "BROUGHT",    "SOUGHT",
               "STRUCK", "THOUGHT", "FLEW",     "DREW",       "GREW",
               "KNEW",   "BECAME",  "ROSE",     "FELL",       "BROKE",
               "CHOSE",  "WROTE",   "SPENT",    "BUILT",      "SOLD",
               "PAID",   "SHOT",    "STOOD",    "UNDERSTOOD", "UNDERTOOK",
               "WORE",   "SHOOK",   "FOUND",    "BOUGHT",     "CAUGHT",
               "TAUGHT", "FLED",    "HUNG",     "KEPT",       "FELT",
               "MEANT",  "DEALT",   "WITHDREW", "OVERSAW",    "FORBADE",
               "SWORE",  "SLID",    "SPUN"}))
      return Tense::kPast;
    if (u.size() >= 5 && u.substr(u.size() - 2) == "ED" &&
        u.find('-') == std::string_view::npos &&
        !In(u, {"UNITED",     "HUNDRED",   "INDEED",  "SPEED",    "NEED",
                "FEED",       "SEED",      "BREED",   "ARMED",    "BASED",
                "RELATED",    "SO-CALLED", "LIMITED", "ADVANCED", "DETAILED",
                "INTERESTED", "CONCERNED", "WOUNDED", "SKILLED",  "TALENTED",
                "EMBED",      "SHRED",     "PROCEED", "SUCCEED",  "EXCEED",
                "PROCEED"}) &&
        Capitalized(i) == false)
      return Tense::kPast;
    return Tense::kUnknown;
  }

  Tense Around(uint32_t first, uint32_t end) const {
    if (first_ >= end_ || first < first_ || first >= end_) {
      return Tense::kUnknown;
    }
    end = std::min(std::max(end, first + 1), end_);
    // Clause number of each token; boundary tokens get -1.
    const uint32_t n = end_ - first_;
    std::vector<int> clause(n, -1);
    int c = 0;
    for (uint32_t i = first_; i < end_; ++i) {
      // The expression itself never splits its clause ("Monday, Jan. 30").
      if (i >= first && i < end) {
        clause[i - first_] = c;
        continue;
      }
      if (IsClauseBoundary(doc_.tokens[i])) {
        ++c;
      } else {
        clause[i - first_] = c;
      }
    }
    // "since December" looks back whatever the verb.
    if (first > first_ && Up(first - 1) == "SINCE") return Tense::kPast;
    const int home = clause[first - first_];
    // Nearest clause with a cue: home, then one to the right, one to the
    // left, two to the right... ("On Monday, X met Y": the date's own
    // clause has no verb, the next one has).
    for (int step = 0; step <= c; ++step) {
      for (int side : {+1, -1}) {
        if (step == 0 && side < 0) continue;
        int want = home + side * step;
        if (want < 0 || want > c) continue;
        Tense best = Tense::kUnknown;
        uint32_t best_distance = UINT32_MAX;
        for (uint32_t i = first_; i < end_; ++i) {
          if (clause[i - first_] != want || (i >= first && i < end)) continue;
          Tense t = CueAt(i);
          if (t == kCopula)
            t = CopulaBefore(i, first) ? Tense::kFuture : Tense::kUnknown;
          if (t == Tense::kUnknown) continue;
          // Ties go to the cue before the date ("will meet X on Friday").
          uint32_t d = i < first ? 2 * (first - i) : 2 * (i - end + 1) + 1;
          if (d < best_distance) {
            best_distance = d;
            best = t;
          }
        }
        if (best != Tense::kUnknown) return best;
      }
    }
    return Tense::kUnknown;
  }

 private:
  std::string_view Up(uint32_t i) const {
    return i >= first_ && i < end_ ? std::string_view(doc_.tokens[i].upper)
                                   : std::string_view();
  }
  bool Capitalized(uint32_t i) const {
    std::string_view s = doc_.Slice(doc_.tokens[i].span);
    return i > first_ && !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
  }
  bool AfterHyphen(uint32_t i) const {
    if (i <= first_) return false;
    const Token& prev = doc_.tokens[i - 1];
    return prev.upper == "-" && prev.span.end == doc_.tokens[i].span.begin;
  }
  bool Infinitive(uint32_t i) const {
    if (i >= end_ || doc_.tokens[i].kind != TokenKind::kWord) return false;
    if (tagged_) return doc_.analysis[i].xpos == "VB";
    std::string_view s = doc_.Slice(doc_.tokens[i].span);
    if (s.empty() || (s[0] >= 'A' && s[0] <= 'Z')) return false;
    return !In(Up(i), {"THE", "A", "AN", "THIS", "THAT", "THESE", "THOSE",
                       "HIS", "HER", "ITS", "THEIR", "OUR", "MY", "YOUR"});
  }
  // A present "is" shortly before the date in its clause ("the vote is on
  // Friday", "there's another in Paris Wednesday"), not one of a noun
  // phrase's ("an achievement of the December revolution").
  bool CopulaBefore(uint32_t copula, uint32_t date) const {
    if (copula >= date || date - copula > 5) return false;
    for (uint32_t i = copula + 1; i < date; ++i) {
      if (IsClauseBoundary(doc_.tokens[i]) || Up(i) == "OF") return false;
    }
    return true;
  }
  // "accused", "held", "known": a passive after "is" says nothing of time.
  bool Participle(uint32_t i) const {
    if (i >= end_ || doc_.tokens[i].kind != TokenKind::kWord) return false;
    if (tagged_) return doc_.analysis[i].xpos == "VBN";
    std::string_view u = Up(i);
    return (u.size() > 4 && u.substr(u.size() - 2) == "ED") ||
           In(u,
              {"HELD",  "KNOWN", "SEEN", "GIVEN",   "SAID",   "TOLD",  "MADE",
               "TAKEN", "SENT",  "LED",  "BUILT",   "FOUND",  "KEPT",  "SHOT",
               "HIT",   "SET",   "PUT",  "BROUGHT", "CAUGHT", "STRUCK"});
  }
  bool IsGerund(uint32_t i) const {
    if (i >= end_ || doc_.tokens[i].kind != TokenKind::kWord) return false;
    if (tagged_) return doc_.analysis[i].xpos == "VBG";
    std::string_view u = Up(i);
    return u.size() > 4 && u.substr(u.size() - 3) == "ING";
  }

  const Document& doc_;
  uint32_t first_;
  uint32_t end_;
  bool tagged_;
};

}  // namespace

Tense TenseAround(const Document& doc, uint32_t sentence_first,
                  uint32_t sentence_end, uint32_t first, uint32_t end) {
  return TenseCues(doc, sentence_first, sentence_end).Around(first, end);
}

// ---------------------------------------------------------------------------
// Resolution.

namespace {

std::optional<CivilDate> Checked(const CivilDate& d) {
  if (!IsValidDate(d)) return {};
  return d;
}

std::optional<CivilDate> FromDays(int64_t days) {
  // Keep to the years 1..9999 that FormatIsoDate writes.
  if (days < DaysFromCivil({1, 1, 1}) || days > DaysFromCivil({9999, 12, 31}))
    return {};
  return CivilFromDays(days);
}

// `months` months after (before, when negative) year/month, day clamped to
// the month's length.
std::optional<CivilDate> AddMonths(const CivilDate& d, int months, int day) {
  int index = d.year * 12 + (d.month - 1) + months;
  CivilDate out{index / 12, index % 12 + 1, 0};
  if (out.year < 1 || out.year > 9999) return {};
  out.day = std::min(day, DaysInMonth(out.year, out.month));
  return out;
}

}  // namespace

std::optional<CivilDate> ResolveDateExpression(const DateExpression& expr,
                                               const CivilDate* published,
                                               Tense tense) {
  const bool by_tense = expr.direction == DateDirection::kByTense;
  const bool nearest = by_tense && tense == Tense::kNearest;
  const bool past = expr.direction == DateDirection::kPast ||
                    (by_tense && tense != Tense::kFuture);
  // Explicit years need no publication date.
  switch (expr.kind) {
    case DateKind::kYear:
      return Checked({expr.year, 1, 1});
    case DateKind::kMonthDay:
    case DateKind::kMonth:
      if (expr.year != 0) return Checked({expr.year, expr.month, expr.day});
      break;
    case DateKind::kVague:
      return {};
    default:
      break;
  }
  if (published == nullptr || !IsValidDate(*published)) return {};
  const CivilDate& pub = *published;
  const int64_t p = DaysFromCivil(pub);
  switch (expr.kind) {
    case DateKind::kDayOffset:
      return FromDays(p + expr.offset);
    case DateKind::kWeekday: {
      const int pw = WeekdayOfDays(p);
      // News style names the current day by its weekday too ("said
      // Wednesday" in a Wednesday story); "last Wednesday" is a week ago.
      if (expr.direction == DateDirection::kByTense && expr.weekday == pw)
        return pub;
      int back = (pw - expr.weekday + 7) % 7;
      int ahead = (expr.weekday - pw + 7) % 7;
      if (back == 0) back = 7;
      if (ahead == 0) ahead = 7;
      if (nearest) return FromDays(back <= ahead ? p - back : p + ahead);
      return FromDays(past ? p - back : p + ahead);
    }
    case DateKind::kDayOfMonth: {
      // The nearest month, back (past) or forward (future), that has
      // that day on the right side of the publication day.
      auto occurrence = [&](bool back) -> std::optional<CivilDate> {
        for (int k = 0; k < 14; ++k) {
          auto m = AddMonths({pub.year, pub.month, 1}, back ? -k : k, 1);
          if (!m) return {};
          if (expr.day > DaysInMonth(m->year, m->month)) continue;
          CivilDate d{m->year, m->month, expr.day};
          int64_t dd = DaysFromCivil(d);
          if (back ? dd <= p : dd >= p) return d;
        }
        return {};
      };
      if (!nearest) return occurrence(past);
      auto before = occurrence(true), after = occurrence(false);
      if (!before || !after) return before ? before : after;
      return p - DaysFromCivil(*before) <= DaysFromCivil(*after) - p ? before
                                                                     : after;
    }
    case DateKind::kMonthDay:
    case DateKind::kMonth: {
      if (expr.exact) {  // "December last year", "Jan. 30 this year"
        return Checked({pub.year + expr.offset, expr.month, expr.day});
      }
      if (expr.kind == DateKind::kMonth) {
        int year = pub.year;
        if (expr.direction == DateDirection::kPast) {
          if (expr.month >= pub.month) --year;
        } else if (expr.direction == DateDirection::kFuture) {
          if (expr.month <= pub.month) ++year;
        } else if (nearest) {
          // Of last year's, this year's and next year's month, the one
          // nearest the publication month.
          int gap = expr.month - pub.month;  // -11..11
          if (gap > 6) --year;
          if (gap < -6) ++year;
        } else if (expr.month != pub.month) {
          // "In July" in a March story is last July, but a future "in
          // January" is next January only from the autumn on: a writer
          // says "next January" or gives the year before that.
          if (past && expr.month > pub.month) --year;
          if (!past && expr.month < pub.month &&
              expr.month + 12 - pub.month <= 4)
            ++year;
        }
        return Checked({year, expr.month, expr.day});
      }
      // A month and day without a year: the occurrence around the
      // publication date that the weekday, direction or tense picks.
      std::optional<CivilDate> best;
      int64_t best_gap = INT64_MAX;
      auto consider = [&](bool (*fits)(int64_t, int64_t, int, int),
                          int weekday) {
        for (int y = pub.year - 1; y <= pub.year + 1; ++y) {
          CivilDate d{y, expr.month, expr.day};
          if (!IsValidDate(d)) continue;
          int64_t dd = DaysFromCivil(d);
          if (!fits(dd, p, WeekdayOfDays(dd), weekday)) continue;
          // Ties (never at a distance of days) go to the past.
          int64_t gap = 2 * std::llabs(dd - p) + (dd > p ? 1 : 0);
          if (gap < best_gap) {
            best_gap = gap;
            best = d;
          }
        }
      };
      if (expr.weekday >= 0) {
        consider([](int64_t, int64_t, int w, int want) { return w == want; },
                 expr.weekday);
        if (best) return best;
      }
      if (by_tense && (tense == Tense::kUnknown || nearest)) {
        consider([](int64_t, int64_t, int, int) { return true; }, -1);
        return best;
      }
      // News style gives the year of any date outside the current one, so
      // a bare "Sept. 5" crosses New Year only to a date near publication
      // ("Dec. 16" in a January story, "Jan. 13" in a December one);
      // otherwise it is this year's, even against the tense (which the
      // words may have misread). Stories look back further than ahead.
      const int64_t kNearYearEnd = past ? 300 : 120;
      const CivilDate here{pub.year, expr.month, expr.day};
      if (IsValidDate(here)) {
        const int64_t h = DaysFromCivil(here);
        if (past ? h <= p : h >= p) return here;
      }
      if (past)
        consider([](int64_t d, int64_t q, int, int) { return d <= q; }, -1);
      else
        consider([](int64_t d, int64_t q, int, int) { return d >= q; }, -1);
      if (best && std::llabs(DaysFromCivil(*best) - p) <= kNearYearEnd)
        return best;
      if (IsValidDate(here)) return here;
      return best;
    }
    case DateKind::kWeekOffset: {
      if (expr.exact) return FromDays(p + 7 * int64_t{expr.offset});
      int64_t monday = p - WeekdayOfDays(p);
      return FromDays(monday + 7 * int64_t{expr.offset});
    }
    case DateKind::kMonthOffset:
      return AddMonths(pub, expr.offset, expr.exact ? pub.day : 1);
    case DateKind::kYearOffset: {
      if (!expr.exact) return Checked({pub.year + expr.offset, 1, 1});
      CivilDate d{pub.year + expr.offset, pub.month, 0};
      if (d.year < 1 || d.year > 9999) return {};
      d.day = std::min(pub.day, DaysInMonth(d.year, d.month));
      return d;
    }
    default:
      return {};
  }
}

}  // namespace dyad::resolve
