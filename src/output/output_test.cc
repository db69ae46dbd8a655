#include "dyad/output.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

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

std::vector<std::string> Keys(const nlohmann::ordered_json& object) {
  std::vector<std::string> keys;
  for (const auto& item : object.items()) keys.push_back(item.key());
  return keys;
}

// Keys and types of the "Output contract" of DESIGN.md, in its order; the
// extra keys dyad adds (url, date_from_text, text, actor spans) come
// between or after them and are allowed.
TEST(JsonlWriterTest, FollowsTheContractKeysTypesAndOrder) {
  Document doc = VisitDocument();
  doc.events[0].has_place = true;
  doc.events[0].place.name = "Iruma Air Base";
  doc.events[0].place.country = "JPN";
  doc.events[0].place.has_coordinates = true;
  doc.events[0].place.lat = 35.84;
  doc.events[0].place.lon = 139.41;
  doc.entities.push_back({"Japan", "PLACE", {18, 23}, "JPN"});
  auto j = nlohmann::ordered_json::parse(DocumentToJsonLine(doc));

  const std::vector<std::string> top = {
      "doc_id",   "published", "section",    "headline", "caption", "authors",
      "dateline", "agency",    "categories", "events",   "quotes",  "entities"};
  std::vector<std::string> got;
  for (const std::string& key : Keys(j)) {
    if (std::find(top.begin(), top.end(), key) != top.end()) {
      got.push_back(key);
    }
  }
  EXPECT_EQ(got, top);
  EXPECT_TRUE(j["authors"].is_array());
  EXPECT_TRUE(j["categories"].is_array());

  const auto& e = j["events"][0];
  const std::vector<std::string> event_keys = {
      "source", "target", "cameo", "root",     "quad", "goldstein",
      "plover", "date",   "place", "sentence", "span", "rule"};
  got.clear();
  for (const std::string& key : Keys(e)) {
    if (std::find(event_keys.begin(), event_keys.end(), key) !=
        event_keys.end()) {
      got.push_back(key);
    }
  }
  EXPECT_EQ(got, event_keys);
  EXPECT_TRUE(e["cameo"].is_string());
  EXPECT_TRUE(e["root"].is_string());
  EXPECT_TRUE(e["quad"].is_number_integer());
  EXPECT_TRUE(e["goldstein"].is_number());
  EXPECT_TRUE(e["plover"].is_string());
  EXPECT_EQ(e["date"], "2023-01-31");
  EXPECT_EQ(e["place"]["name"], "Iruma Air Base");
  EXPECT_EQ(e["place"]["country"], "JPN");
  EXPECT_DOUBLE_EQ(e["place"]["lat"].get<double>(), 35.84);
  EXPECT_DOUBLE_EQ(e["place"]["lon"].get<double>(), 139.41);
  EXPECT_TRUE(e["sentence"].is_number_integer());
  EXPECT_EQ(e["span"].size(), 2u);
  EXPECT_EQ(Keys(e["source"])[0], "code");
  EXPECT_EQ(Keys(e["source"])[1], "text");

  const auto& q = j["quotes"][0];
  EXPECT_TRUE(q["text"].is_string());
  EXPECT_EQ(q["speaker"]["text"], "Jens Stoltenberg");
  EXPECT_EQ(q["span"].size(), 2u);

  const auto& en = j["entities"][0];
  EXPECT_EQ(Keys(en),
            (std::vector<std::string>{"text", "type", "span", "code"}));
  EXPECT_EQ(en["code"], "JPN");
}

// A span past the text (a damaged store, a coder bug) must not read out of
// bounds: the evidence text is then empty.
TEST(JsonlWriterTest, OutOfRangeSpanGivesEmptyText) {
  Document doc = VisitDocument();
  doc.events[0].span = {5, 4000000000u};
  auto j = nlohmann::json::parse(DocumentToJsonLine(doc));
  EXPECT_EQ(j["events"][0]["text"], "");
  doc.events[0].span = {20, 3};
  j = nlohmann::json::parse(DocumentToJsonLine(doc));
  EXPECT_EQ(j["events"][0]["text"], "");
}

TEST(JsonlWriterTest, NoPlaceIsNull) {
  auto j = nlohmann::json::parse(DocumentToJsonLine(VisitDocument()));
  EXPECT_TRUE(j["events"][0]["place"].is_null());
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
