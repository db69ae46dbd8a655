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
#include "dyad/export.h"
#include "dyad/store.h"

namespace dyad::cli {
namespace {

namespace fs = std::filesystem;

// Runs `dyad export ARGS...` in-process, capturing stdout and stderr.
RunResult RunExport(std::vector<std::string> args) {
  return RunCommand(&AddExportCommand, "export", std::move(args));
}

// Appends `text` to the article as one sentence of `part` and returns its
// index.
int AddSentence(Document* doc, const std::string& text, PartKind part,
                int paragraph) {
  Sentence s;
  s.span.begin = static_cast<uint32_t>(doc->text.size());
  doc->text += text;
  s.span.end = static_cast<uint32_t>(doc->text.size());
  doc->text += "\n\n";
  s.part = part;
  s.paragraph = paragraph;
  doc->sentences.push_back(s);
  return static_cast<int>(doc->sentences.size()) - 1;
}

// An event from `source` to `target` whose evidence is the whole sentence.
Event MakeEvent(const Document& doc, int sentence, const std::string& source,
                const std::string& target, const std::string& cameo) {
  Event e;
  e.sentence = sentence;
  e.span = doc.sentences[sentence].span;
  e.source.code = source;
  e.source.text = source;
  e.target.code = target;
  e.target.text = target;
  e.cameo = cameo;
  e.rule = "test";
  return e;
}

class ExportCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "dyad_export_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    db_ = dir_ + "/export.db";
    Document doc;
    doc.doc_id = "story";
    doc.source = "story.txt";
    doc.url = "https://example.org/story";
    doc.published = "2023-02-01";
    int headline =
        AddSentence(&doc, "NATO chief visits Japan", PartKind::kHeadline, 0);
    int lead = AddSentence(&doc, "Stoltenberg met\tKishida in Tokyo.",
                           PartKind::kBody, 0);
    int later = AddSentence(&doc, "He met Kishida again, aides said.",
                            PartKind::kBody, 3);
    doc.events = {MakeEvent(doc, headline, "IGOWSTNAT", "JPN", "042"),
                  MakeEvent(doc, lead, "IGOWSTNAT", "JPNGOV", "040"),
                  MakeEvent(doc, later, "IGOWSTNAT", "JPNGOV", "040"),
                  MakeEvent(doc, later, "JPNGOV", "IGOWSTNAT", "010")};
    auto store = Store::Open(db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto put = (*store)->Put(doc);
    ASSERT_TRUE(put.ok()) << put.status().ToString();
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  std::string dir_;
  std::string db_;
};

std::vector<std::vector<std::string>> GdeltRows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> fields(1);
    for (char c : line) {
      if (c == '\t') {
        fields.emplace_back();
      } else {
        fields.back() += c;
      }
    }
    rows.push_back(fields);
  }
  return rows;
}

TEST_F(ExportCommandTest, GdeltRowsCarryArticleAndSentenceFacts) {
  RunResult r = RunExport({"--db", db_, "--format", "gdelt"});
  ASSERT_EQ(r.exit_code, kExitOk) << r.err;
  auto rows = GdeltRows(r.out);
  ASSERT_EQ(rows.size(), 4u) << r.out;
  for (const auto& row : rows) ASSERT_EQ(row.size(), 61u);
  // Column 25 IsRootEvent: headline and first paragraph only.
  EXPECT_EQ(rows[0][25], "1");
  EXPECT_EQ(rows[1][25], "1");
  EXPECT_EQ(rows[2][25], "0");
  // Column 31 NumMentions: the article codes IGOWSTNAT 040 JPNGOV twice.
  EXPECT_EQ(rows[0][31], "1");
  EXPECT_EQ(rows[1][31], "2");
  EXPECT_EQ(rows[2][31], "2");
  EXPECT_EQ(rows[3][31], "1");
  // GLOBALEVENTID: distinct store ids; SOURCEURL the article's URL.
  EXPECT_NE(rows[0][0], rows[1][0]);
  EXPECT_EQ(rows[0][60], "https://example.org/story");
  EXPECT_EQ(rows[0][59], "20230201000000");
  EXPECT_NE(r.err.find("exported 4 events as gdelt"), std::string::npos)
      << r.err;
}

TEST_F(ExportCommandTest, PloverLeavesOutStatementsAndCarriesSentences) {
  RunResult r = RunExport({"--db", db_, "--format", "plover"});
  ASSERT_EQ(r.exit_code, kExitOk) << r.err;
  std::istringstream in(r.out);
  std::vector<nlohmann::json> records;
  for (std::string line; std::getline(in, line);) {
    records.push_back(nlohmann::json::parse(line));
  }
  ASSERT_EQ(records.size(), 3u);  // the 010 statement has no PLOVER event
  EXPECT_EQ(records[0]["event"], "CONSULT");
  EXPECT_EQ(records[1]["text"], "Stoltenberg met\tKishida in Tokyo.");
  EXPECT_EQ(records[1]["publication"], "https://example.org/story");
  EXPECT_NE(r.err.find("1 statements and appeals left out"), std::string::npos)
      << r.err;
}

TEST_F(ExportCommandTest, FiltersLimitAndOutFile) {
  RunResult r = RunExport(
      {"--db", db_, "--format", "csv", "--source", "jpn", "--limit", "5"});
  ASSERT_EQ(r.exit_code, kExitOk) << r.err;
  EXPECT_EQ(r.out, CsvHeader() + r.out.substr(CsvHeader().size()));
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);  // header, 1
  EXPECT_NE(r.out.find(",JPNGOV,"), std::string::npos);

  std::string out = dir_ + "/events.csv";
  r = RunExport({"--db", db_, "--format", "csv", "--limit", "2", "--out", out});
  ASSERT_EQ(r.exit_code, kExitOk) << r.err;
  EXPECT_EQ(r.out, "");
  std::ifstream file(out);
  std::string line;
  int lines = 0;
  while (std::getline(file, line)) ++lines;
  EXPECT_EQ(lines, 3);
}

TEST_F(ExportCommandTest, UsageAndStoreErrors) {
  EXPECT_EQ(RunExport({"--db", db_}).exit_code, kExitUsage);
  EXPECT_EQ(RunExport({"--db", db_, "--format", "xml"}).exit_code, kExitUsage);
  EXPECT_EQ(RunExport({"--db", db_, "--format", "csv", "--to", "2023-02-30x"})
                .exit_code,
            kExitUsage);
  EXPECT_EQ(
      RunExport({"--db", db_, "--format", "csv", "--limit", "-1"}).exit_code,
      kExitUsage);
  RunResult missing =
      RunExport({"--db", dir_ + "/none.db", "--format", "gdelt"});
  EXPECT_EQ(missing.exit_code, kExitFatal);
  EXPECT_NE(missing.err.find("none.db"), std::string::npos);
  RunResult unwritable = RunExport(
      {"--db", db_, "--format", "gdelt", "--out", dir_ + "/no/such/dir.tsv"});
  EXPECT_EQ(unwritable.exit_code, kExitFatal);
}

}  // namespace
}  // namespace dyad::cli
