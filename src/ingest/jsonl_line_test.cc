#include <string>

#include "dyad/ingest.h"
#include "gtest/gtest.h"
#include "ingest/date_normalize.h"

namespace dyad {
namespace {

Document MustParse(std::string_view line, IngestOptions options = {}) {
  Result<Document> doc = ParseJsonlLine(line, "feed.jsonl", 7, options);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? std::move(doc).value() : Document{};
}

TEST(JsonlLineTest, ReadsEveryField) {
  Document doc = MustParse(
      R"({"id": "a1", "url": "https://example.org/a1", "title": "EU imposes sanctions",)"
      R"( "section": "Europe", "published": "2025-03-14 20:30:26Z",)"
      R"( "authors": ["ANNA KELLER", "Tom O'Brien"], "keywords": ["Europe", "Sanctions"],)"
      R"( "text": "The EU imposed sanctions.\n\nRussia condemned them."})");
  EXPECT_EQ(doc.doc_id, "a1");
  EXPECT_EQ(doc.source, "feed.jsonl");
  EXPECT_EQ(doc.line, 7u);
  EXPECT_EQ(doc.url, "https://example.org/a1");
  EXPECT_EQ(doc.headline, "EU imposes sanctions");
  EXPECT_EQ(doc.section, "Europe");
  EXPECT_EQ(doc.published, "2025-03-14");
  EXPECT_EQ(doc.authors,
            (std::vector<std::string>{"Anna Keller", "Tom O'Brien"}));
  EXPECT_EQ(doc.categories, (std::vector<std::string>{"Europe", "Sanctions"}));
  EXPECT_EQ(doc.text, "The EU imposed sanctions.\n\nRussia condemned them.");
  ASSERT_EQ(doc.parts.size(), 2u);
  EXPECT_EQ(doc.Slice(doc.parts[0].span), "The EU imposed sanctions.");
  EXPECT_EQ(doc.Slice(doc.parts[1].span), "Russia condemned them.");
  EXPECT_EQ(doc.parts[1].paragraph, 1);
}

TEST(JsonlLineTest, NumericIdAuthorStringAndKeywordString) {
  Document doc =
      MustParse(R"({"id": 8011115, "author": "Ayesha Tanzeem, Jeff Seldin",)"
                R"( "keywords": "Middle East, Syria", "text": "One.\nTwo."})");
  EXPECT_EQ(doc.doc_id, "8011115");
  EXPECT_EQ(doc.authors,
            (std::vector<std::string>{"Ayesha Tanzeem", "Jeff Seldin"}));
  EXPECT_EQ(doc.categories, (std::vector<std::string>{"Middle East", "Syria"}));
  EXPECT_EQ(doc.parts.size(), 2u);  // single newlines split paragraphs
}

TEST(JsonlLineTest, MissingIdFallsBackToFileAndLine) {
  EXPECT_EQ(MustParse(R"({"text": "One."})").doc_id, "feed-7");
}

TEST(JsonlLineTest, PublishedForms) {
  IngestOptions options;
  options.published = "2000-01-01";
  auto published = [&](std::string_view value) {
    std::string line = R"({"id": "x", "text": "One.", "published": )";
    line += value;
    line += "}";
    return MustParse(line, options).published;
  };
  EXPECT_EQ(published(R"("2025-03-14 20:30:26Z")"), "2025-03-14");
  EXPECT_EQ(published(R"("2023-02-01T10:00:00+09:00")"), "2023-02-01");
  // The publisher's calendar date, not the UTC one (which is Jan 31).
  EXPECT_EQ(published(R"("2023-02-01T01:00:00+09:00")"), "2023-02-01");
  EXPECT_EQ(published(R"("2023-02-01")"), "2023-02-01");
  EXPECT_EQ(published(R"("Wed, 01 Feb 2023 10:00:00 +0900")"), "2023-02-01");
  EXPECT_EQ(published(R"("February 1, 2023")"), "2023-02-01");
  EXPECT_EQ(published("1675209600"), "2023-02-01");      // Unix seconds
  EXPECT_EQ(published("1675209600000"), "2023-02-01");   // milliseconds
  EXPECT_EQ(published(R"("last week")"), "2000-01-01");  // unreadable
  EXPECT_EQ(published(R"("2023-02-30")"), "2000-01-01");
  EXPECT_EQ(published("null"), "2000-01-01");
  EXPECT_EQ(MustParse(R"({"text": "One."})", options).published, "2000-01-01");
}

TEST(JsonlLineTest, ErrorsNameFileAndLine) {
  IngestOptions options;
  auto error = [&](std::string_view line) {
    Result<Document> doc = ParseJsonlLine(line, "feed.jsonl", 7, options);
    EXPECT_FALSE(doc.ok());
    return doc.ok() ? std::string() : doc.status().message();
  };
  EXPECT_EQ(
      error(R"({"id": "x", "text": )").rfind("feed.jsonl:7: malformed JSON", 0),
      0u);
  EXPECT_EQ(error(R"({"id": "x"})"), "feed.jsonl:7: no \"text\" field");
  EXPECT_EQ(error(R"({"text": 3})"), "feed.jsonl:7: \"text\" is not a string");
  EXPECT_EQ(error(R"({"text": "  "})"), "feed.jsonl:7: \"text\" is empty");
  EXPECT_EQ(error(R"({"text": "a\u0000b"})"),
            "feed.jsonl:7: \"text\" contains a NUL character");
  EXPECT_EQ(error("   "), "feed.jsonl:7: empty line");
  EXPECT_EQ(error("{\"text\": \"\xFF\"}"),
            "feed.jsonl:7: byte 10 of the line: invalid UTF-8 byte 0xFF");
  options.max_document_bytes = 10;
  EXPECT_EQ(error(R"({"text": "long enough"})")
                .rfind("feed.jsonl:7: line is 23 bytes", 0),
            0u);
}

TEST(NormalizeDateTest, AcceptsAndRejects) {
  using ingest::NormalizeDate;
  EXPECT_EQ(NormalizeDate("20230201").value_or(""), "2023-02-01");
  EXPECT_EQ(NormalizeDate("2023/2/1").value_or(""), "2023-02-01");
  EXPECT_EQ(NormalizeDate("1 February 2023").value_or(""), "2023-02-01");
  EXPECT_EQ(NormalizeDate("Sept. 3rd, 2024").value_or(""), "2024-09-03");
  EXPECT_EQ(NormalizeDate("2024-02-29").value_or(""), "2024-02-29");
  EXPECT_FALSE(NormalizeDate("2023-02-29"));
  EXPECT_FALSE(NormalizeDate("2023-13-01"));
  EXPECT_FALSE(NormalizeDate("2023"));
  EXPECT_FALSE(NormalizeDate("202302011"));
  EXPECT_FALSE(NormalizeDate(""));
  EXPECT_TRUE(ingest::IsIsoDate("2023-02-01"));
  EXPECT_FALSE(ingest::IsIsoDate("2023-2-1"));
  EXPECT_EQ(ingest::DateFromUnixSeconds(0), "1970-01-01");
  EXPECT_EQ(ingest::DateFromUnixSeconds(-1), "1969-12-31");
  EXPECT_EQ(ingest::DateFromUnixSeconds(951782400), "2000-02-29");
}

}  // namespace
}  // namespace dyad
