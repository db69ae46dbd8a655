#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "dyad/output.h"

namespace dyad {
namespace {

Document VisitDocument() {
  Document doc;
  doc.doc_id = "visit";
  doc.published = "2023-02-01";
  doc.headline = "NATO chief visits Japan";
  doc.authors = {"Mari Yamaguchi"};
  doc.text = "NATO chief visits Japan";
  Event e;
  e.source = {"IGOWSTNAT", "NATO chief", {0, 10}};
  e.target = {"JPN", "Japan", {18, 23}};
  e.cameo = "042";
  e.date = "2023-01-31";
  e.date_from_text = true;
  e.sentence = 0;
  e.span = {0, 23};
  e.rule = "verbs:VISIT/042";
  doc.events.push_back(e);
  Quote q;
  q.text = "our security is closely interconnected";
  q.speaker = {"IGOWSTNAT", "Jens Stoltenberg", {}};
  doc.quotes.push_back(q);
  return doc;
}

TEST(JsonlWriterTest, WritesTheContractFields) {
  std::string line = DocumentToJsonLine(VisitDocument());
  EXPECT_EQ(line.find('\n'), std::string::npos);
  auto j = nlohmann::json::parse(line);
  EXPECT_EQ(j["doc_id"], "visit");
  EXPECT_EQ(j["published"], "2023-02-01");
  EXPECT_EQ(j["authors"][0], "Mari Yamaguchi");
  EXPECT_TRUE(j["dateline"].is_null());
  const auto& e = j["events"][0];
  EXPECT_EQ(e["source"]["code"], "IGOWSTNAT");
  EXPECT_EQ(e["target"]["text"], "Japan");
  EXPECT_EQ(e["cameo"], "042");
  EXPECT_EQ(e["root"], "04");
  EXPECT_EQ(e["quad"], 1);
  EXPECT_DOUBLE_EQ(e["goldstein"].get<double>(), 1.9);
  EXPECT_EQ(e["plover"], "CONSULT");
  EXPECT_EQ(e["span"][1], 23);
  EXPECT_EQ(e["text"], "NATO chief visits Japan");
  EXPECT_EQ(j["quotes"][0]["speaker"]["code"], "IGOWSTNAT");
}

TEST(JsonlWriterTest, UnknownCodeGetsNullDerivedFields) {
  Document doc = VisitDocument();
  doc.events[0].cameo = "999";
  auto j = nlohmann::json::parse(DocumentToJsonLine(doc));
  EXPECT_TRUE(j["events"][0]["goldstein"].is_null());
  EXPECT_TRUE(j["events"][0]["root"].is_null());
}

TEST(TsvWriterTest, OneRowPerEventWithHeaderColumns) {
  Document doc = VisitDocument();
  doc.events.push_back(doc.events[0]);
  doc.events[1].rule = "has\ttab";
  std::string tsv = DocumentToTsv(doc);
  size_t header_tabs = 0;
  for (char c : TsvHeader()) header_tabs += c == '\t';
  size_t rows = 0, tabs = 0;
  for (char c : tsv) {
    rows += c == '\n';
    tabs += c == '\t';
  }
  EXPECT_EQ(rows, 2u);
  EXPECT_EQ(tabs, 2 * header_tabs);
  EXPECT_NE(tsv.find("\t1.9\t"), std::string::npos);
}

}  // namespace
}  // namespace dyad
