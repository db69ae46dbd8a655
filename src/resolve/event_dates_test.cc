#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dyad/resolve_dates.h"
#include "dyad/text.h"

namespace dyad {
namespace {

struct DateCase {
  const char* published;  // "" = unknown
  const char* text;
  const char* evidence;  // the event's span; nullptr = the whole sentence
  const char* date;      // expected Event::date
  bool from_text;
};

// Published 2023-02-01 is a Wednesday, like the seed story.
const DateCase kCases[] = {
    // Days relative to publication.
    {"2023-02-01", "Stoltenberg met Yoon yesterday.", nullptr, "2023-01-31",
     true},
    {"2023-02-01", "Kishida speaks to reporters today.", nullptr, "2023-02-01",
     true},
    {"2023-02-01", "Kishida will visit Seoul tomorrow.", nullptr, "2023-02-02",
     true},
    {"2023-02-01", "Biden will address the nation tonight.", nullptr,
     "2023-02-01", true},
    {"2023-02-01", "Stoltenberg called for talks last night.", nullptr,
     "2023-01-31", true},
    {"2023-02-01", "Japan criticized China two days ago.", nullptr,
     "2023-01-30", true},
    {"2023-02-01", "Japan criticized China a week ago.", nullptr, "2023-01-25",
     true},
    // Weekdays: past by default, future in a future clause, the same
    // weekday is the publication day.
    {"2023-02-01", "Stoltenberg met Yoon on Monday.", nullptr, "2023-01-30",
     true},
    {"2023-02-01", "Stoltenberg on Sunday mentioned the reports.", nullptr,
     "2023-01-29", true},
    {"2023-02-01", "Kishida met Biden on Thursday.", nullptr, "2023-01-26",
     true},
    {"2023-02-01", "Kishida met Biden on Wednesday.", nullptr, "2023-02-01",
     true},
    {"2023-02-01", "Kishida met Biden last Wednesday.", nullptr, "2023-01-25",
     true},
    {"2023-02-01", "Kishida will meet Biden on Friday.", nullptr, "2023-02-03",
     true},
    {"2023-02-01", "Kishida will meet Biden on Monday.", nullptr, "2023-02-06",
     true},
    {"2023-02-01", "Kishida will meet Biden next Wednesday.", nullptr,
     "2023-02-08", true},
    {"2023-02-01", "He'll meet Biden on Friday.", nullptr, "2023-02-03", true},
    {"2023-02-01", "On Monday, Stoltenberg met Yoon.", nullptr, "2023-01-30",
     true},
    {"2023-02-01", "On Friday, Kishida will meet Biden.", nullptr, "2023-02-03",
     true},
    {"2023-02-01", "Kishida is to visit Kyiv on Friday.", nullptr, "2023-02-03",
     true},
    {"2023-02-01", "Kishida plans to visit Kyiv on Monday.", nullptr,
     "2023-02-06", true},
    {"2023-02-01", "Talks begin Monday in Geneva.", nullptr, "2023-02-06",
     true},
    {"2023-02-01", "The meeting is scheduled for Thursday.", nullptr,
     "2023-02-02", true},
    {"2023-02-01", "Seoul sent aid over the weekend.", nullptr, "2023-01-28",
     true},
    {"2023-02-01", "Japan said it would hold talks on Thursday.", nullptr,
     "2023-02-02", true},
    {"2024-06-30", "Fraud in Pakistan's February elections would hurt talks.",
     nullptr, "2024-02-01", true},
    {"2025-03-14", "The ship was due with an expected arrival of March 26.",
     nullptr, "2025-03-26", true},
    {"2023-02-01", "Kishida said on Monday he will visit Kyiv.",
     "he will visit Kyiv", "2023-01-30", true},
    // Which expression: the one nearest the event, not one in a relative
    // clause inside its span.
    {"2023-02-01", "Kishida, who arrived on Sunday, met Biden on Tuesday.",
     "Kishida, who arrived on Sunday, met Biden", "2023-01-31", true},
    {"2023-02-01",
     "Stoltenberg started his visit yesterday after arriving late Monday.",
     "Stoltenberg started his visit", "2023-01-31", true},
    {"2023-02-01",
     "Stoltenberg started his visit yesterday after arriving late Monday.",
     "arriving late Monday", "2023-01-30", true},
    // Months, across the year boundary.
    {"2023-02-01", "Japan issued a new strategy in December.", nullptr,
     "2022-12-01", true},
    {"2023-02-01", "Japan will issue a new strategy in December.", nullptr,
     "2023-12-01", true},
    {"2023-10-15", "Kishida will visit Kyiv in January.", nullptr, "2024-01-01",
     true},
    {"2025-03-12", "Trump announced plans to use the base in late January.",
     nullptr, "2025-01-21", true},
    {"2021-03-02", "It is the fourth such attack since December.", nullptr,
     "2020-12-01", true},
    {"2023-02-01", "Japan issued a strategy in January.", nullptr, "2023-01-01",
     true},
    {"2023-02-01", "Japan issued a strategy in February.", nullptr,
     "2023-02-01", true},
    {"2023-02-01", "Kishida met Biden in mid-December.", nullptr, "2022-12-15",
     true},
    {"2023-02-01", "Stoltenberg met Yoon in May.", nullptr, "2022-05-01", true},
    {"2023-02-01", "Kishida met Biden in December last year.", nullptr,
     "2022-12-01", true},
    {"2023-02-01", "Japan joined the sanctions in 2022.", nullptr, "2022-01-01",
     true},
    // Explicit dates, with and without a year.
    {"2023-02-01", "Japan issued a strategy on Jan. 30.", nullptr, "2023-01-30",
     true},
    {"2023-02-01", "Kishida met Biden on Sept. 5.", nullptr, "2022-09-05",
     true},
    {"2023-02-01", "Japan will hold elections on Nov. 5.", nullptr,
     "2023-11-05", true},
    {"2023-02-01", "Russia invaded Ukraine on Feb. 24, 2022.", nullptr,
     "2022-02-24", true},
    {"2023-02-01", "Japan signed the pact on 30 January 2023.", nullptr,
     "2023-01-30", true},
    {"2023-02-01", "Japan signed the pact on the 30th of January.", nullptr,
     "2023-01-30", true},
    {"2023-02-01", "Stoltenberg arrived on Monday, Jan. 30.", nullptr,
     "2023-01-30", true},
    {"2023-02-01", "The deal was signed 2023-01-15 in Tokyo.", nullptr,
     "2023-01-15", true},
    {"2023-02-01", "Kishida met Biden on 1/30/2023.", nullptr, "2023-01-30",
     true},
    {"2023-02-01", "Japan protested on the 30th.", nullptr, "2023-01-30", true},
    {"2023-01-05", "Japan issued a strategy on Dec. 16.", nullptr, "2022-12-16",
     true},
    {"2023-12-28", "Kishida will visit Washington on Jan. 13.", nullptr,
     "2024-01-13", true},
    {"2024-03-01", "The vote was held on Feb. 29.", nullptr, "2024-02-29",
     true},
    {"2023-02-01", "Kishida met Biden on Feb. 30.", nullptr, "2023-02-01",
     false},
    // Spans of time.
    {"2023-02-01", "NATO expanded ties last week.", nullptr, "2023-01-23",
     true},
    {"2023-02-01", "NATO will meet next week.", nullptr, "2023-02-06", true},
    {"2023-02-01", "Japan criticized China last month.", nullptr, "2023-01-01",
     true},
    {"2023-02-01", "Japan criticized China last year.", nullptr, "2022-01-01",
     true},
    {"2023-02-01", "Japan criticized China three months ago.", nullptr,
     "2022-11-01", true},
    {"2023-02-01", "Japan criticized China earlier this week.", nullptr,
     "2023-02-01", false},
    // No date in the text.
    {"2023-02-01", "Japan criticized China.", nullptr, "2023-02-01", false},
    {"2023-02-01", "Japan may protest.", nullptr, "2023-02-01", false},
    {"2023-02-01", "USA Today reported the clash.", nullptr, "2023-02-01",
     false},
    // Unknown publication date: years stay, relative days are unknown.
    {"", "Japan criticized China on Monday.", nullptr, "", false},
    {"", "Russia invaded Ukraine on Feb. 24, 2022.", nullptr, "2022-02-24",
     true},
    {"", "Japan criticized China.", nullptr, "", false},
    {"not a date", "Japan criticized China yesterday.", nullptr, "", false},
};

Event EventAt(const Document& doc, const char* evidence) {
  Event e;
  e.sentence = 0;
  if (evidence == nullptr) {
    e.span = doc.sentences[0].span;
    return e;
  }
  size_t at = doc.text.find(evidence);
  EXPECT_NE(at, std::string::npos) << evidence;
  e.span = Span{static_cast<uint32_t>(at),
                static_cast<uint32_t>(at + std::string(evidence).size())};
  return e;
}

TEST(EventDatesTest, ResolvesEachCaseOfTheTable) {
  int checked = 0;
  for (const DateCase& c : kCases) {
    Document doc;
    doc.text = c.text;
    doc.published = c.published;
    ASSERT_TRUE(AnalyzeText(&doc).ok());
    ASSERT_EQ(doc.sentences.size(), 1u) << c.text;
    EventDate d = DateOfEvent(doc, EventAt(doc, c.evidence));
    EXPECT_EQ(d.date, c.date) << c.text << " (published " << c.published << ")";
    EXPECT_EQ(d.from_text, c.from_text) << c.text;
    ++checked;
  }
  EXPECT_GE(checked, 60);
}

TEST(EventDatesTest, AssignsEveryEventOfADocument) {
  Document doc;
  doc.text =
      "Japan protested on Monday. China replied. Kishida will visit Kyiv on "
      "Friday.";
  doc.published = "2023-02-01";
  ASSERT_TRUE(AnalyzeText(&doc).ok());
  ASSERT_EQ(doc.sentences.size(), 3u);
  for (int s : {0, 1, 2, 0, -1, 7}) {
    Event e;
    e.sentence = s;
    if (s >= 0 && s < 3) e.span = doc.sentences[s].span;
    e.date = "stale";
    e.date_from_text = true;
    doc.events.push_back(e);
  }
  ASSERT_TRUE(AssignEventDates(&doc).ok());
  std::vector<std::string> dates;
  std::vector<bool> from_text;
  for (const Event& e : doc.events) {
    dates.push_back(e.date);
    from_text.push_back(e.date_from_text);
  }
  EXPECT_EQ(dates, (std::vector<std::string>{"2023-01-30", "2023-02-01",
                                             "2023-02-03", "2023-01-30",
                                             "2023-02-01", "2023-02-01"}));
  EXPECT_EQ(from_text,
            (std::vector<bool>{true, false, true, true, false, false}));
}

TEST(EventDatesTest, RejectsANullDocument) {
  Status s = AssignEventDates(nullptr);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
}

TEST(EventDatesTest, DocumentWithoutSentencesKeepsThePublicationDate) {
  Document doc;
  doc.published = "2023-02-01";
  Event e;
  e.sentence = 0;
  doc.events.push_back(e);
  ASSERT_TRUE(AssignEventDates(&doc).ok());
  EXPECT_EQ(doc.events[0].date, "2023-02-01");
  EXPECT_FALSE(doc.events[0].date_from_text);
}

// A parse overrides word distance: "Monday" is nearer the event's words
// but hangs on "protested"; "Tuesday" hangs on the event's verb "met".
TEST(EventDatesTest, ParseAttachmentBeatsWordDistance) {
  Document doc;
  doc.text =
      "Korea protested Monday as Japan met China in Beijing for the first "
      "time since 2019 on Tuesday.";
  doc.published = "2023-02-01";
  ASSERT_TRUE(AnalyzeText(&doc).ok());
  ASSERT_EQ(doc.tokens.size(), 18u);
  Event e;
  e.sentence = 0;
  size_t at = doc.text.find("Japan met China");
  e.span = Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + 15)};
  at = doc.text.find("China");
  e.target.span =
      Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + 5)};
  EXPECT_EQ(DateOfEvent(doc, e).date, "2023-01-30");  // words only

  // Korea(0) protested(1) Monday(2) as(3) Japan(4) met(5) China(6) in(7)
  // Beijing(8) for(9) the(10) first(11) time(12) since(13) 2019(14) on(15)
  // Tuesday(16) .(17)
  const int heads[] = {1,  -1, 1,  5, 5,  1, 5,  8, 5,
                       12, 12, 12, 5, 14, 5, 16, 5, 1};
  doc.analysis.resize(doc.tokens.size());
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    doc.analysis[i].head = heads[i];
    doc.analysis[i].upos = (i == 1 || i == 5) ? "VERB" : "NOUN";
  }
  doc.sentences[0].parsed = true;
  EXPECT_EQ(DateOfEvent(doc, e).date, "2023-01-31");
}

}  // namespace
}  // namespace dyad
