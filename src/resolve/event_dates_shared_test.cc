// End to end on ../shared: the seed story's dated events, and dates found
// over the VOA stories.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "dyad/resolve_dates.h"
#include "dyad/text.h"
#include "resolve/date_expressions.h"

namespace dyad {
namespace {

const std::string kShared = DYAD_SHARED_DIR;

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in),
              std::istreambuf_iterator<char>());
  return true;
}

struct SeedEvent {
  const char* evidence;  // the event's words; its sentence holds them
  const char* date;
  bool from_text;
};

TEST(EventDatesSharedTest, SeedStoryDatesItsEvents) {
  const std::string path = kShared + "/gold/seed/nato_japan.txt";
  if (!std::filesystem::exists(path))
    GTEST_SKIP() << path << " is absent (../shared not installed)";
  Document doc;
  ASSERT_TRUE(ReadFile(path, &doc.text));
  doc.published = "2023-02-01";  // the gold file's "published"
  ASSERT_TRUE(AnalyzeText(&doc).ok());

  const SeedEvent kEvents[] = {
      // The three dated events of the gold file.
      {"Stoltenberg also met with South Korean President Yoon Suk Yeol",
       "2023-01-30", true},
      {"he started his Japan visit", "2023-01-31", true},
      {"Stoltenberg on Sunday mentioned U.S. intelligence reports",
       "2023-01-29", true},
      // More of the story.
      {"Stoltenberg called for South Korea to provide direct military support",
       "2023-01-30", true},
      {"Japan issued a new national security strategy", "2022-12-01", true},
      {"delivers a speech to personnel of Japan Self-Defense Forces",
       "2023-01-31", true},
      {"Japan has been quick to join the U.S.-led economic sanctions",
       "2023-02-01", false},
      {"North Korea condemned his visits", "2023-02-01", false},
      {"Japan also has significantly stepped up ties with NATO", "2023-02-01",
       false},
  };
  for (const SeedEvent& want : kEvents) {
    const size_t at = doc.text.find(want.evidence);
    ASSERT_NE(at, std::string::npos) << want.evidence;
    Event e;
    e.span =
        Span{static_cast<uint32_t>(at),
             static_cast<uint32_t>(at + std::string(want.evidence).size())};
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      const Span& sp = doc.sentences[s].span;
      if (sp.begin <= e.span.begin && e.span.end <= sp.end) {
        e.sentence = static_cast<int>(s);
      }
    }
    ASSERT_GE(e.sentence, 0) << "no sentence holds: " << want.evidence;
    doc.events.push_back(e);
  }
  ASSERT_TRUE(AssignEventDates(&doc).ok());
  for (size_t k = 0; k < doc.events.size(); ++k) {
    EXPECT_EQ(doc.events[k].date, kEvents[k].date) << kEvents[k].evidence;
    EXPECT_EQ(doc.events[k].date_from_text, kEvents[k].from_text)
        << kEvents[k].evidence;
  }
}

// Reads the "published" and "text" string fields of one JSON line; enough
// for the VOA file (no JSON library needed for two flat fields).
std::string JsonField(const std::string& line, const std::string& name) {
  const std::string key = "\"" + name + "\": \"";
  size_t at = line.find(key);
  if (at == std::string::npos) return {};
  std::string out;
  for (size_t i = at + key.size(); i < line.size(); ++i) {
    char c = line[i];
    if (c == '"') break;
    if (c == '\\' && i + 1 < line.size()) {
      char n = line[++i];
      if (n == 'n') {
        out += '\n';
      } else if (n == 'u') {
        out += '?';  // code point escapes are rare and irrelevant here
        i += 4;
      } else {
        out += n;
      }
      continue;
    }
    out += c;
  }
  return out;
}

// Every sentence of the VOA stories treated as an event sentence (the
// coder finds events in about one sentence in twenty): each gets a valid
// day near its story's publication, many of them read from the text. (The
// cost is measured by `dyad bench`, which dates the events it codes.)
TEST(EventDatesSharedTest, DatesEveryVoaSentence) {
  const std::string path = kShared + "/data/news/voa_stories.jsonl";
  if (!std::filesystem::exists(path))
    GTEST_SKIP() << path << " is absent (../shared not installed)";
  std::ifstream in(path);
  size_t stories = 0, sentences = 0, from_text = 0;
  for (std::string line; std::getline(in, line);) {
    Document doc;
    doc.text = JsonField(line, "text");
    doc.published = JsonField(line, "published").substr(0, 10);
    if (doc.text.empty()) continue;
    ++stories;
    ASSERT_TRUE(AnalyzeText(&doc).ok());
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      Event e;
      e.sentence = static_cast<int>(s);
      e.span = doc.sentences[s].span;
      doc.events.push_back(e);
    }
    ASSERT_TRUE(AssignEventDates(&doc).ok());
    const int published_year = std::stoi(doc.published.substr(0, 4));
    for (const Event& e : doc.events) {
      ++sentences;
      from_text += e.date_from_text;
      ASSERT_EQ(e.date.size(), 10u) << doc.published;
      const int year = std::stoi(e.date.substr(0, 4));
      // Histories ("in 1994") go back, plans ("by 2029") ahead.
      EXPECT_GE(year, 1000) << e.date << " in " << doc.published;
      EXPECT_LE(year, published_year + 10) << e.date << " in " << doc.published;
      EXPECT_EQ(e.date[4], '-');
      EXPECT_EQ(e.date[7], '-');
    }
  }
  ASSERT_GT(stories, 50u);
  EXPECT_GT(from_text, sentences / 20);  // news is full of dates
}

}  // namespace
}  // namespace dyad
