#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "command_test_runner.h"
#include "commands.h"
#include "dyad/store.h"

namespace dyad::cli {
namespace {

namespace fs = std::filesystem;

// Runs `dyad events ARGS...` in-process, capturing stdout and stderr.
RunResult RunEvents(std::vector<std::string> args) {
  return RunCommand(&AddEventsCommand, "events", std::move(args));
}

Document MakeDocument(const std::string& id, const std::string& date,
                      std::vector<std::vector<std::string>> events) {
  Document doc;
  doc.doc_id = id;
  doc.source = id + ".txt";
  doc.published = date;
  for (const auto& e : events) {
    Event event;
    event.span.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += e[3] + "\n";
    event.span.end = static_cast<uint32_t>(doc.text.size() - 1);
    event.source.code = e[0];
    event.target.code = e[1];
    event.cameo = e[2];
    event.sentence = 0;
    event.rule = "test";
    doc.events.push_back(event);
  }
  return doc;
}

class EventsCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "dyad_events_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    db_ = dir_ + "/events.db";
    auto store = Store::Open(db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::vector<Document> docs = {
        MakeDocument("a", "2023-01-10",
                     {{"USA", "RUSGOV", "042", "Blinken visited Moscow."},
                      {"RUSGOV", "USA", "111",
                       "Moscow criticized\tWashington over its \xe2\x80\x9c"
                       "reckless\xe2\x80\x9d policy in a long statement that "
                       "ran to many, many words."}}),
        MakeDocument("b", "2023-02-20",
                     {{"JPNGOV", "IGOWSTNAT", "036", "Tokyo sought talks."},
                      {"CHN", "JPNMIL", "190", "Shots were fired."}}),
    };
    Document& placed = docs[1];
    placed.events[0].has_place = true;
    placed.events[0].place = Place{"Tokyo", "JPN", 35.68, 139.69, true};
    auto put = (*store)->PutAll(docs);
    ASSERT_TRUE(put.ok()) << put.status().ToString();
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  std::string dir_;
  std::string db_;
};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST_F(EventsCommandTest, TableListsEventsByDateThenASummary) {
  RunResult r = RunEvents({"--db", db_});
  ASSERT_EQ(r.exit_code, kExitOk) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 7u) << r.out;  // header, 4 rows, blank, summary
  EXPECT_EQ(lines[0].rfind("DATE", 0), 0u);
  EXPECT_NE(lines[0].find("EVIDENCE"), std::string::npos);
  EXPECT_EQ(lines[1].rfind("2023-01-10  USA", 0), 0u) << lines[1];
  EXPECT_NE(lines[1].find("Blinken visited Moscow."), std::string::npos);
  EXPECT_NE(lines[1].find("1.9"), std::string::npos);  // Goldstein of 042
  EXPECT_NE(lines[3].find("Tokyo (JPN)"), std::string::npos);
  // The long evidence is cut, flattened (no tab) and still valid UTF-8.
  EXPECT_EQ(lines[2].find('\t'), std::string::npos);
  EXPECT_NE(lines[2].find("..."), std::string::npos);
  EXPECT_EQ(lines[5], "");
  EXPECT_EQ(lines[6], "4 of 4 matching events; " + db_ +
                          " holds 2 articles, 4 events, 0 quotes, 6 actors, 4 "
                          "events once merged across articles");
  // Columns line up: every row has the target column at the same place.
  size_t target = lines[0].find("TARGET");
  EXPECT_EQ(lines[1].substr(target, 6), "RUSGOV");
  EXPECT_EQ(lines[4].substr(target, 6), "JPNMIL");
}

TEST_F(EventsCommandTest, MergedListsEachEventOnceWithItsArticles) {
  {
    auto store = Store::Open(db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    // A syndicated copy of article a's visit, reported a day later.
    Document copy = MakeDocument(
        "c", "2023-01-11",
        {{"USA", "RUSGOV", "042", "Blinken was in Moscow, officials said."}});
    copy.events[0].date = "2023-01-10";
    ASSERT_TRUE((*store)->Put(copy).ok());
  }
  RunResult r = RunEvents({"--db", db_, "--merged"});
  ASSERT_EQ(r.exit_code, kExitOk) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 7u) << r.out;  // header, 4 rows, blank, summary
  EXPECT_NE(lines[0].find("MENTIONS"), std::string::npos);
  EXPECT_EQ(lines[1].rfind("2023-01-10  USA", 0), 0u) << lines[1];
  const size_t mentions = lines[0].find("MENTIONS");
  EXPECT_NE(lines[1].substr(mentions, 20).find('2'), std::string::npos)
      << lines[1];
  EXPECT_EQ(lines[6], "4 of 4 matching merged events");

  r = RunEvents(
      {"--db", db_, "--merged", "--format", "jsonl", "--dyad", "USA,RUS"});
  ASSERT_EQ(r.exit_code, kExitOk) << r.err;
  std::vector<std::string> rows = Lines(r.out);
  ASSERT_EQ(rows.size(), 1u) << r.out;
  auto j = nlohmann::json::parse(rows[0]);
  EXPECT_EQ(j["mentions"], 2);
  EXPECT_EQ(j["articles"], nlohmann::json::array({"a", "c"}));
  EXPECT_EQ(j["first_date"], "2023-01-10");
  EXPECT_EQ(j["source"]["code"], "USA");
}

TEST_F(EventsCommandTest, FiltersNarrowTheRows) {
  RunResult r = RunEvents({"--db", db_, "--actor", "jpn"});
  ASSERT_EQ(r.exit_code, kExitOk);
  EXPECT_NE(r.out.find("2 of 2 matching events"), std::string::npos) << r.out;

  r = RunEvents({"--db", db_, "--dyad", "USA,RUS"});
  EXPECT_NE(r.out.find("1 of 1 matching"), std::string::npos) << r.out;
  r = RunEvents({"--db", db_, "--dyad", "USA,RUS", "--both-directions"});
  EXPECT_NE(r.out.find("2 of 2 matching"), std::string::npos) << r.out;
  r = RunEvents({"--db", db_, "--root", "19"});
  EXPECT_NE(r.out.find("1 of 1 matching"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Shots were fired."), std::string::npos);
  r = RunEvents({"--db", db_, "--cameo", "0", "--from", "2023-02"});
  EXPECT_NE(r.out.find("1 of 1 matching"), std::string::npos) << r.out;
  r = RunEvents({"--db", db_, "--to", "2023-01"});
  EXPECT_NE(r.out.find("2 of 2 matching"), std::string::npos) << r.out;
  r = RunEvents({"--db", db_, "--limit", "1"});
  EXPECT_NE(r.out.find("1 of 4 matching events (--limit 0 shows all)"),
            std::string::npos)
      << r.out;
}

TEST_F(EventsCommandTest, EmptyResultIsNotAnError) {
  RunResult r = RunEvents({"--db", db_, "--actor", "' OR 1=1 --"});
  EXPECT_EQ(r.exit_code, kExitOk);
  EXPECT_EQ(Lines(r.out).size(), 1u) << r.out;
  EXPECT_NE(r.out.find("0 of 0 matching"), std::string::npos);
}

TEST_F(EventsCommandTest, JsonlRowsOnStdoutSummaryOnStderr) {
  RunResult r =
      RunEvents({"--db", db_, "--format", "jsonl", "--source", "JPN"});
  ASSERT_EQ(r.exit_code, kExitOk) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  nlohmann::json event = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(event["doc_id"], "b");
  EXPECT_EQ(event["source"]["code"], "JPNGOV");
  EXPECT_EQ(event["cameo"], "036");
  EXPECT_EQ(event["root"], "03");
  EXPECT_EQ(event["date"], "2023-02-20");
  EXPECT_EQ(event["place"]["name"], "Tokyo");
  EXPECT_DOUBLE_EQ(event["place"]["lat"].get<double>(), 35.68);
  EXPECT_EQ(event["text"], "Tokyo sought talks.");
  EXPECT_NE(r.err.find("1 of 1 matching"), std::string::npos);
}

TEST_F(EventsCommandTest, TsvHasAHeaderAndOneRowPerEvent) {
  RunResult r = RunEvents({"--db", db_, "--format", "tsv"});
  ASSERT_EQ(r.exit_code, kExitOk) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 5u);
  const size_t columns = std::count(lines[0].begin(), lines[0].end(), '\t');
  for (const std::string& line : lines) {
    EXPECT_EQ(static_cast<size_t>(std::count(line.begin(), line.end(), '\t')),
              columns)
        << line;
  }
}

TEST_F(EventsCommandTest, MissingOrBrokenStoreIsFatal) {
  RunResult r = RunEvents({"--db", dir_ + "/absent.db"});
  EXPECT_EQ(r.exit_code, kExitFatal);
  EXPECT_NE(r.err.find("absent.db"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ + "/absent.db"));

  std::ofstream(dir_ + "/garbage.db") << std::string(4096, '\x17');
  r = RunEvents({"--db", dir_ + "/garbage.db"});
  EXPECT_EQ(r.exit_code, kExitFatal);
  EXPECT_NE(r.err.find("not a database"), std::string::npos) << r.err;
}

TEST_F(EventsCommandTest, BadArgumentsAreUsageErrors) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"--dyad", "USA"},
        {"--dyad", "USA,"},
        {"--root", "4"},
        {"--cameo", "04a"},
        {"--from", "Jan 2023"},
        {"--to", "2023-1"},
        {"--from", "2023-13"},
        {"--from", "2023-00-10"},
        {"--to", "2023-02-29"},
        {"--to", "2023-04-31"},
        {"--limit", "-1"},
        {"--format", "xml"},
        {"--cameo", "04", "--root", "04"},
        {"--dyad", "USA,RUS", "--source", "USA"}}) {
    args.insert(args.begin(), {"--db", db_});
    RunResult r = RunEvents(args);
    EXPECT_EQ(r.exit_code, kExitUsage) << args[2] << " " << args[3];
    EXPECT_EQ(r.out.find("matching"), std::string::npos);
  }
}

TEST_F(EventsCommandTest, LeapDayAndMonthBoundsAreDates) {
  for (const char* date : {"2024-02-29", "2023-12", "2023-12-31", "2000"}) {
    RunResult r = RunEvents({"--db", db_, "--from", date});
    EXPECT_EQ(r.exit_code, kExitOk) << date << ": " << r.err;
  }
}

}  // namespace
}  // namespace dyad::cli
