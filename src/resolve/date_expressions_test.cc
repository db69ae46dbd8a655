#include "resolve/date_expressions.h"

#include <gtest/gtest.h>

#include <chrono>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "dyad/text.h"

namespace dyad::resolve {
namespace {

// The reference: the standard library's civil calendar.
int64_t ChronoDays(int y, int m, int d) {
  using namespace std::chrono;
  return sys_days{year{y} / month{static_cast<unsigned>(m)} /
                  day{static_cast<unsigned>(d)}}
      .time_since_epoch()
      .count();
}

TEST(CalendarTest, DayCountsMatchChronoForEveryDayOf1600To2400) {
  for (int y = 1600; y <= 2400; ++y) {
    for (int m = 1; m <= 12; ++m) {
      const int dim = DaysInMonth(y, m);
      const auto last = std::chrono::year_month_day_last{
          std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(m)} /
          std::chrono::last};
      ASSERT_EQ(static_cast<unsigned>(last.day()), static_cast<unsigned>(dim))
          << y << "-" << m;
      for (int d = 1; d <= dim; ++d) {
        const int64_t days = DaysFromCivil({y, m, d});
        ASSERT_EQ(days, ChronoDays(y, m, d)) << y << "-" << m << "-" << d;
        ASSERT_EQ(CivilFromDays(days), (CivilDate{y, m, d}));
        const std::chrono::weekday wd{
            std::chrono::sys_days{std::chrono::days{days}}};
        ASSERT_EQ(WeekdayOfDays(days), static_cast<int>(wd.iso_encoding()) - 1);
      }
    }
  }
}

TEST(CalendarTest, FarYearsRoundTrip) {
  for (CivilDate d : {CivilDate{1, 1, 1}, CivilDate{1, 12, 31},
                      CivilDate{400, 2, 29}, CivilDate{9999, 12, 31}}) {
    EXPECT_EQ(CivilFromDays(DaysFromCivil(d)), d);
    EXPECT_EQ(DaysFromCivil(d), ChronoDays(d.year, d.month, d.day));
  }
}

TEST(CalendarTest, ParsesAndFormatsIsoDates) {
  EXPECT_EQ(ParseIsoDate("2023-02-01"), (CivilDate{2023, 2, 1}));
  EXPECT_EQ(ParseIsoDate("2024-02-29"), (CivilDate{2024, 2, 29}));
  EXPECT_FALSE(ParseIsoDate("2023-02-29"));
  EXPECT_FALSE(ParseIsoDate("2023-13-01"));
  EXPECT_FALSE(ParseIsoDate("2023-1-01"));
  EXPECT_FALSE(ParseIsoDate("2023-02-01T10:00"));
  EXPECT_FALSE(ParseIsoDate(""));
  EXPECT_FALSE(ParseIsoDate("abcd-ef-gh"));
  EXPECT_EQ(FormatIsoDate({2023, 1, 30}), "2023-01-30");
  EXPECT_EQ(FormatIsoDate({987, 12, 5}), "0987-12-05");
}

Document Analyzed(const std::string& text) {
  Document doc;
  doc.text = text;
  EXPECT_TRUE(AnalyzeText(&doc).ok());
  return doc;
}

std::vector<DateExpression> Find(const Document& doc) {
  std::vector<DateExpression> out;
  FindDateExpressions(doc, 0, static_cast<uint32_t>(doc.tokens.size()), &out);
  return out;
}

std::string Words(const Document& doc, const DateExpression& e) {
  return std::string(doc.text.substr(doc.tokens[e.first_token].span.begin,
                                     doc.tokens[e.end_token - 1].span.end -
                                         doc.tokens[e.first_token].span.begin));
}

TEST(FindDateExpressionsTest, FindsEachFormWithItsWords) {
  Document doc = Analyzed(
      "Yesterday and on Monday, Jan. 30, 2023 and 30 January and "
      "Sept. 5 and in mid-December and in December 2022 and last week and "
      "two days ago and on the 30th and in 2022 and this week and "
      "2023-01-15 and Friday night and the day after tomorrow and Friday "
      "(Dec. 13).");
  std::vector<DateExpression> found = Find(doc);
  std::vector<std::string> words;
  for (const DateExpression& e : found) words.push_back(Words(doc, e));
  EXPECT_EQ(words,
            (std::vector<std::string>{
                "Yesterday", "Monday, Jan. 30, 2023", "30 January", "Sept. 5",
                "mid-December", "December 2022", "last week", "two days ago",
                "the 30th", "2022", "this week", "2023-01-15", "Friday night",
                "the day after tomorrow", "Friday (Dec. 13)"}));
  ASSERT_EQ(found.size(), 15u);
  EXPECT_EQ(found[14].weekday, 4);
  EXPECT_EQ(found[14].day, 13);
  EXPECT_EQ(found[0].kind, DateKind::kDayOffset);
  EXPECT_EQ(found[0].offset, -1);
  EXPECT_EQ(found[1].kind, DateKind::kMonthDay);
  EXPECT_EQ(found[1].weekday, 0);
  EXPECT_EQ(found[1].year, 2023);
  EXPECT_EQ(found[2].year, 0);
  EXPECT_EQ(found[4].kind, DateKind::kMonth);
  EXPECT_EQ(found[4].day, 15);
  EXPECT_EQ(found[6].kind, DateKind::kWeekOffset);
  EXPECT_EQ(found[7].kind, DateKind::kDayOffset);
  EXPECT_EQ(found[7].offset, -2);
  EXPECT_EQ(found[8].kind, DateKind::kDayOfMonth);
  EXPECT_EQ(found[9].kind, DateKind::kYear);
  EXPECT_EQ(found[10].kind, DateKind::kVague);
  EXPECT_EQ(found[12].kind, DateKind::kWeekday);
  EXPECT_EQ(found[13].offset, 2);
}

TEST(FindDateExpressionsTest, LeavesWordsThatAreNotDates) {
  for (const char* text :
       {"Japan may protest.", "March on, said the marchers.",
        "USA Today reported it.", "The Sunday Times newspaper.",
        "Mondays are quiet.", "He spent 30 years there.",
        "The 30th anniversary was marked.", "In 30 days of talks, nothing.",
        "Jan Smith visited.", "The decision is final since 2019."}) {
    Document doc = Analyzed(text);
    std::vector<DateExpression> found = Find(doc);
    std::vector<std::string> words;
    for (const DateExpression& e : found) words.push_back(Words(doc, e));
    // "The Sunday Times" is a known miss: a weekday word before a name.
    if (std::string(text) == "The Sunday Times newspaper.") continue;
    EXPECT_TRUE(found.empty()) << text << ": " << words.front();
  }
}

TEST(FindDateExpressionsTest, StaysInsideTheGivenRange) {
  Document doc = Analyzed("Monday. Tuesday. Wednesday.");
  ASSERT_EQ(doc.sentences.size(), 3u);
  std::vector<DateExpression> found;
  const Sentence& s = doc.sentences[1];
  FindDateExpressions(doc, s.first_token, s.first_token + s.token_count,
                      &found);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].weekday, 1);
  found.clear();
  FindDateExpressions(doc, 0, 1000, &found);  // clamps to the tokens
  EXPECT_EQ(found.size(), 3u);
}

// Random soups of date words, numbers and punctuation: every expression
// lies inside the range, in order, without overlap, and resolves without
// crashing whatever the publication date.
TEST(FindDateExpressionsTest, RandomTokenSoupsStayInBounds) {
  const char* kWords[] = {"Monday",
                          "Jan.",
                          "May",
                          "30",
                          "30th",
                          "2023",
                          "the",
                          "on",
                          "last",
                          "next",
                          "this",
                          "week",
                          "ago",
                          "two",
                          "days",
                          ",",
                          "(",
                          ")",
                          "in",
                          "mid-December",
                          "2023-01-30",
                          "1",
                          "/",
                          "of",
                          "December",
                          "year",
                          "coming",
                          "past",
                          "early",
                          "late",
                          "yesterday",
                          "a",
                          "weekend",
                          "12345678901234",
                          "mid-99999999999",
                          "Sept",
                          "31",
                          "Feb.",
                          "29"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> pick(0, std::size(kWords) - 1);
  std::uniform_int_distribution<int> length(1, 14);
  const CivilDate pubs[] = {
      {2023, 2, 1}, {2024, 2, 29}, {1, 1, 1}, {9999, 12, 31}};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int k = length(rng); k > 0; --k) {
      text += kWords[pick(rng)];
      text += ' ';
    }
    Document doc = Analyzed(text);
    for (const Sentence& s : doc.sentences) {
      std::vector<DateExpression> found;
      const uint32_t end = s.first_token + s.token_count;
      FindDateExpressions(doc, s.first_token, end, &found);
      uint32_t last = s.first_token;
      for (const DateExpression& e : found) {
        ASSERT_GE(e.first_token, last) << text;
        ASSERT_LT(e.first_token, e.end_token) << text;
        ASSERT_LE(e.end_token, end) << text;
        last = e.end_token;
        const Tense t =
            TenseAround(doc, s.first_token, end, e.first_token, e.end_token);
        for (const CivilDate& pub : pubs) {
          if (auto d = ResolveDateExpression(e, &pub, t)) {
            ASSERT_TRUE(IsValidDate(*d)) << text;
          }
        }
      }
    }
  }
}

Tense TenseOf(const std::string& text, const std::string& date_word) {
  Document doc = Analyzed(text);
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
    if (doc.Slice(doc.tokens[i].span) == date_word) {
      return TenseAround(doc, 0, static_cast<uint32_t>(doc.tokens.size()), i,
                         i + 1);
    }
  }
  ADD_FAILURE() << date_word << " not in " << text;
  return Tense::kUnknown;
}

TEST(TenseAroundTest, ReadsTheNearestCueOfTheClause) {
  EXPECT_EQ(TenseOf("Kishida will meet Biden on Friday.", "Friday"),
            Tense::kFuture);
  EXPECT_EQ(TenseOf("Kishida met Biden on Friday.", "Friday"), Tense::kPast);
  EXPECT_EQ(TenseOf("On Friday, Kishida will meet Biden.", "Friday"),
            Tense::kFuture);
  EXPECT_EQ(TenseOf("Kishida said on Monday he will meet Biden.", "Monday"),
            Tense::kPast);
  EXPECT_EQ(TenseOf("Kishida plans to meet Biden on Monday.", "Monday"),
            Tense::kFuture);
  EXPECT_EQ(TenseOf("The talks will be held on Monday.", "Monday"),
            Tense::kFuture);
  EXPECT_EQ(TenseOf("The talks were held on Monday.", "Monday"), Tense::kPast);
  EXPECT_EQ(TenseOf("Talks begin Monday.", "Monday"), Tense::kFuture);
  EXPECT_EQ(TenseOf("He'll fly to Kyiv on Monday.", "Monday"), Tense::kFuture);
  EXPECT_EQ(
      TenseOf("Kishida, who met Biden on Monday, will fly home.", "Monday"),
      Tense::kPast);
  EXPECT_EQ(TenseOf("Talks on Monday.", "Monday"), Tense::kUnknown);
  EXPECT_EQ(TenseOf("Kishida said it would vote on Friday.", "Friday"),
            Tense::kNearest);
  EXPECT_EQ(TenseOf("There's another summit in Paris Wednesday.", "Wednesday"),
            Tense::kFuture);
  EXPECT_EQ(TenseOf("The vote is Friday.", "Friday"), Tense::kFuture);
  EXPECT_EQ(TenseOf("He is accused of killing two men on Monday.", "Monday"),
            Tense::kUnknown);
  EXPECT_EQ(TenseOf("The toll is 30 after Tuesday's attack.", "Tuesday"),
            Tense::kUnknown);
  EXPECT_EQ(TenseOf("Migrants slated for deportation arrived in late January.",
                    "January"),
            Tense::kPast);
}

TEST(TenseAroundTest, UsesTagsWhenTheAnalysisIsThere) {
  Document doc = Analyzed("Kishida hosted Biden on Monday.");
  doc.analysis.resize(doc.tokens.size());
  doc.analysis[1].xpos = "VB";  // a tagger's word, against the -ed rule
  EXPECT_EQ(TenseAround(doc, 0, static_cast<uint32_t>(doc.tokens.size()), 4, 5),
            Tense::kUnknown);
  doc.analysis[1].xpos = "VBD";
  EXPECT_EQ(TenseAround(doc, 0, static_cast<uint32_t>(doc.tokens.size()), 4, 5),
            Tense::kPast);
  doc.analysis[1].xpos = "VBZ";  // "hosts Biden on Monday": a timetable
  doc.analysis[1].lemma = "host";
  EXPECT_EQ(TenseAround(doc, 0, static_cast<uint32_t>(doc.tokens.size()), 4, 5),
            Tense::kFuture);
  doc.analysis[1].lemma = "say";
  EXPECT_EQ(TenseAround(doc, 0, static_cast<uint32_t>(doc.tokens.size()), 4, 5),
            Tense::kUnknown);
}

DateExpression Weekday(int wd, DateDirection dir = DateDirection::kByTense) {
  DateExpression e;
  e.kind = DateKind::kWeekday;
  e.weekday = wd;
  e.direction = dir;
  return e;
}

TEST(ResolveDateExpressionTest, Weekdays) {
  const CivilDate wed{2023, 2, 1};
  auto r = [&](const DateExpression& e, Tense t) {
    auto d = ResolveDateExpression(e, &wed, t);
    return d ? FormatIsoDate(*d) : std::string("none");
  };
  EXPECT_EQ(r(Weekday(0), Tense::kPast), "2023-01-30");
  EXPECT_EQ(r(Weekday(0), Tense::kUnknown), "2023-01-30");
  EXPECT_EQ(r(Weekday(0), Tense::kFuture), "2023-02-06");
  EXPECT_EQ(r(Weekday(2), Tense::kPast), "2023-02-01");
  EXPECT_EQ(r(Weekday(2), Tense::kFuture), "2023-02-01");
  EXPECT_EQ(r(Weekday(2, DateDirection::kPast), Tense::kFuture), "2023-01-25");
  EXPECT_EQ(r(Weekday(2, DateDirection::kFuture), Tense::kPast), "2023-02-08");
  EXPECT_EQ(r(Weekday(6), Tense::kPast), "2023-01-29");
  EXPECT_EQ(r(Weekday(3), Tense::kFuture), "2023-02-02");
  EXPECT_FALSE(ResolveDateExpression(Weekday(0), nullptr, Tense::kPast));
}

TEST(ResolveDateExpressionTest, MonthDayWithWeekdayPicksTheYear) {
  DateExpression e;
  e.kind = DateKind::kMonthDay;
  e.month = 1;
  e.day = 30;
  e.weekday = 1;  // Tuesday: Jan. 30 is a Tuesday in 2024, not in 2023
  const CivilDate pub{2023, 6, 1};
  EXPECT_EQ(ResolveDateExpression(e, &pub, Tense::kPast),
            (CivilDate{2024, 1, 30}));
  e.weekday = -1;
  EXPECT_EQ(ResolveDateExpression(e, &pub, Tense::kPast),
            (CivilDate{2023, 1, 30}));
  // A bare date is this year's unless the other year's is near (news
  // style writes the year otherwise): "will ... on Jan. 30" in June is
  // read as a misread tense, in late December as next month.
  EXPECT_EQ(ResolveDateExpression(e, &pub, Tense::kFuture),
            (CivilDate{2023, 1, 30}));
  const CivilDate december{2023, 12, 20};
  EXPECT_EQ(ResolveDateExpression(e, &december, Tense::kFuture),
            (CivilDate{2024, 1, 30}));
  EXPECT_EQ(ResolveDateExpression(e, &december, Tense::kNearest),
            (CivilDate{2024, 1, 30}));
}

TEST(ResolveDateExpressionTest, WouldTakesTheNearestOccurrence) {
  const CivilDate wed{2023, 2, 1};
  EXPECT_EQ(ResolveDateExpression(Weekday(3), &wed, Tense::kNearest),
            (CivilDate{2023, 2, 2}));
  EXPECT_EQ(ResolveDateExpression(Weekday(0), &wed, Tense::kNearest),
            (CivilDate{2023, 1, 30}));
  DateExpression month;
  month.kind = DateKind::kMonth;
  month.month = 3;
  month.day = 1;
  EXPECT_EQ(ResolveDateExpression(month, &wed, Tense::kNearest),
            (CivilDate{2023, 3, 1}));
  month.month = 10;
  EXPECT_EQ(ResolveDateExpression(month, &wed, Tense::kNearest),
            (CivilDate{2022, 10, 1}));
}

TEST(ResolveDateExpressionTest, DayOfMonthSkipsShortMonths) {
  DateExpression e;
  e.kind = DateKind::kDayOfMonth;
  e.day = 31;
  const CivilDate pub{2023, 5, 10};
  EXPECT_EQ(ResolveDateExpression(e, &pub, Tense::kPast),
            (CivilDate{2023, 3, 31}));
  EXPECT_EQ(ResolveDateExpression(e, &pub, Tense::kFuture),
            (CivilDate{2023, 5, 31}));
  const CivilDate june{2023, 6, 5};
  EXPECT_EQ(ResolveDateExpression(e, &june, Tense::kFuture),
            (CivilDate{2023, 7, 31}));
}

TEST(ResolveDateExpressionTest, OffsetsClampToMonthEnds) {
  DateExpression e;
  e.kind = DateKind::kMonthOffset;
  e.offset = -1;
  e.exact = true;
  const CivilDate pub{2023, 3, 31};
  EXPECT_EQ(ResolveDateExpression(e, &pub, Tense::kPast),
            (CivilDate{2023, 2, 28}));
  e.exact = false;
  EXPECT_EQ(ResolveDateExpression(e, &pub, Tense::kPast),
            (CivilDate{2023, 2, 1}));
  e.kind = DateKind::kYearOffset;
  e.exact = true;
  const CivilDate leap{2024, 2, 29};
  EXPECT_EQ(ResolveDateExpression(e, &leap, Tense::kPast),
            (CivilDate{2023, 2, 28}));
}

TEST(ResolveDateExpressionTest, VagueAndInvalidGiveNothing) {
  const CivilDate pub{2023, 2, 1};
  DateExpression vague;
  vague.kind = DateKind::kVague;
  EXPECT_FALSE(ResolveDateExpression(vague, &pub, Tense::kPast));
  DateExpression feb30;
  feb30.kind = DateKind::kMonthDay;
  feb30.month = 2;
  feb30.day = 30;
  EXPECT_FALSE(ResolveDateExpression(feb30, &pub, Tense::kPast));
  feb30.year = 2023;
  EXPECT_FALSE(ResolveDateExpression(feb30, nullptr, Tense::kPast));
}

}  // namespace
}  // namespace dyad::resolve
