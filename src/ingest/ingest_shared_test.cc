// Tests on the shared evaluation material: the seed wire story against its
// hand-coded article fields, and the VOA JSONL corpus.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "dyad/ingest.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace dyad {
namespace {

const std::string kShared = DYAD_SHARED_DIR;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

#define SKIP_WITHOUT(path)                            \
  if (!std::filesystem::exists(path))                 \
  GTEST_SKIP() << "shared data not found: " << (path) \
               << " (set -DDYAD_SHARED_DIR to the ../shared folder)"

TEST(SeedStoryTest, ArticleFieldsMatchGold) {
  const std::string story = kShared + "/gold/seed/nato_japan.txt";
  const std::string gold_path = kShared + "/gold/seed/nato_japan.gold.json";
  SKIP_WITHOUT(story);
  SKIP_WITHOUT(gold_path);
  nlohmann::json gold = nlohmann::json::parse(ReadFile(gold_path))["article"];

  std::vector<Document> docs;
  IngestOptions options;
  options.published = "2023-02-01";
  Status status = IngestPath(story, options, [&](Result<Document> doc) {
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    docs.push_back(std::move(doc).value());
  });
  ASSERT_TRUE(status.ok()) << status.ToString();
  ASSERT_EQ(docs.size(), 1u);
  const Document& doc = docs[0];

  EXPECT_EQ(doc.doc_id, "nato_japan");
  EXPECT_EQ(doc.published, "2023-02-01");
  EXPECT_EQ(doc.text, ReadFile(story));
  EXPECT_EQ(doc.section, gold["section"].get<std::string>());
  EXPECT_EQ(doc.headline, gold["headline"].get<std::string>());
  EXPECT_NE(doc.caption.find(gold["caption_contains"].get<std::string>()),
            std::string::npos)
      << doc.caption;
  EXPECT_EQ(doc.authors, gold["authors"].get<std::vector<std::string>>());
  EXPECT_EQ(doc.dateline, gold["dateline"].get<std::string>());
  EXPECT_EQ(doc.agency, gold["agency"].get<std::string>());
  EXPECT_EQ(doc.categories, gold["categories"].get<std::vector<std::string>>());
}

TEST(SeedStoryTest, EveryPartSlicesBackToItsText) {
  const std::string story = kShared + "/gold/seed/nato_japan.txt";
  SKIP_WITHOUT(story);
  const std::string bytes = ReadFile(story);
  Result<Document> result = ParseWireStory(bytes, story, IngestOptions{});
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const Document& doc = *result;

  int body = 0, byline = 0;
  std::string last_body;
  for (const Part& part : doc.parts) {
    ASSERT_LE(part.span.end, doc.text.size());
    std::string_view s = doc.Slice(part.span);
    switch (part.kind) {
      case PartKind::kSection:
        EXPECT_EQ(s, "Defense");
        break;
      case PartKind::kHeadline:
        EXPECT_EQ(s, doc.headline);
        break;
      case PartKind::kCaption:
        EXPECT_EQ(s, doc.caption);
        EXPECT_TRUE(
            s.starts_with("NATO Secretary-General Jens Stoltenberg "
                          "delivers a speech"));
        break;
      case PartKind::kBody:
        EXPECT_EQ(part.paragraph, body++);
        EXPECT_EQ(s.find("YAMAGUCHI"), std::string_view::npos);
        last_body = std::string(s);
        break;
      case PartKind::kByline:
        ++byline;
        EXPECT_EQ(s, "MARI YAMAGUCHI & HARUKA NUGA, TOKYO, MDT/AP");
        break;
      case PartKind::kCategories:
        EXPECT_EQ(s, "Categories Asia-Pacific");
        break;
    }
  }
  EXPECT_EQ(body, 13);  // the seed has 13 body paragraphs
  EXPECT_EQ(byline, 1);
  EXPECT_TRUE(last_body.starts_with("In a statement released by"));
  EXPECT_TRUE(last_body.ends_with("that would raise tensions in the region."));
  // The first body paragraph is the lede, not the caption.
  for (const Part& part : doc.parts) {
    if (part.kind == PartKind::kBody) {
      EXPECT_TRUE(doc.Slice(part.span).starts_with(
          "NATO Secretary-General Jens Stoltenberg, in Japan"));
      break;
    }
  }
}

TEST(VoaJsonlTest, EveryStoryBecomesADocument) {
  const std::string path = kShared + "/data/news/voa_stories.jsonl";
  SKIP_WITHOUT(path);
  std::vector<Document> docs;
  int errors = 0;
  IngestOptions options;
  options.published = "1999-01-01";
  Status status = IngestPath(path, options, [&](Result<Document> doc) {
    if (!doc.ok()) {
      ++errors;
      ADD_FAILURE() << doc.status().ToString();
      return;
    }
    docs.push_back(std::move(doc).value());
  });
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(errors, 0);
  ASSERT_EQ(docs.size(), 77u);

  // Cross-check every document against an independent JSON parser.
  std::ifstream in(path);
  std::string line;
  for (size_t i = 0; std::getline(in, line) && i < docs.size(); ++i) {
    nlohmann::json j = nlohmann::json::parse(line);
    const Document& doc = docs[i];
    EXPECT_EQ(doc.doc_id, j["id"].get<std::string>());
    EXPECT_EQ(doc.line, i + 1);
    EXPECT_EQ(doc.text, j["text"].get<std::string>());
    EXPECT_EQ(doc.headline, j["title"].get<std::string>());
    EXPECT_EQ(doc.section, j["section"].get<std::string>());
    EXPECT_EQ(doc.url, j["url"].get<std::string>());
    EXPECT_EQ(doc.published, j["published"].get<std::string>().substr(0, 10));
    EXPECT_FALSE(doc.authors.empty());
    EXPECT_FALSE(doc.parts.empty());
    for (const Part& part : doc.parts) {
      EXPECT_EQ(part.kind, PartKind::kBody);
      EXPECT_LE(part.span.end, doc.text.size());
    }
  }
  EXPECT_EQ(docs[0].doc_id, "8011115");
  EXPECT_EQ(docs[0].published, "2025-03-14");
  EXPECT_EQ(docs[0].authors, std::vector<std::string>{"Jeff Seldin"});
  EXPECT_EQ(docs[0].categories, (std::vector<std::string>{
                                    "Middle East", "Syria", "Islamic state"}));
}

}  // namespace
}  // namespace dyad
