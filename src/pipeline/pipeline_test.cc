#include "dyad/pipeline.h"

#include <gtest/gtest.h>

#include <memory>

#include "dyad/ingest.h"

namespace dyad {
namespace {

std::unique_ptr<Pipeline> DefaultPipeline() {
  auto pipeline = Pipeline::Create({});
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  return pipeline.ok() ? std::move(pipeline).value() : nullptr;
}

TEST(PipelineTest, CodesAnArticleWithSpansInsideItsText) {
  auto pipeline = DefaultPipeline();
  ASSERT_NE(pipeline, nullptr);
  IngestOptions options;
  options.published = "2023-02-01";
  auto doc = ParseJsonlLine(
      R"({"id": "d", "text": "North Korea condemned Japan on Monday. )"
      R"(Japan criticized North Korea."})",
      "t.jsonl", 1, options);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_TRUE(pipeline->Process(&doc.value()).ok());
  EXPECT_EQ(doc->sentences.size(), 2u);
  ASSERT_FALSE(doc->events.empty());
  for (const Event& e : doc->events) {
    EXPECT_LE(e.span.end, doc->text.size());
    EXPECT_FALSE(doc->Slice(e.span).empty());
    EXPECT_GE(e.sentence, 0);
    EXPECT_LT(static_cast<size_t>(e.sentence), doc->sentences.size());
  }
  EXPECT_EQ(doc->events[0].source.code.substr(0, 3), "PRK");
  EXPECT_EQ(doc->events[0].target.code.substr(0, 3), "JPN");
  // Dated by its sentence: the Monday before publication.
  EXPECT_EQ(doc->events[0].date, "2023-01-30");
  EXPECT_TRUE(doc->events[0].date_from_text);
  const Event& undated = doc->events.back();
  EXPECT_EQ(undated.source.code.substr(0, 3), "JPN");
  EXPECT_EQ(undated.date, "2023-02-01");
  EXPECT_FALSE(undated.date_from_text);
}

TEST(PipelineTest, ListsTheActorsItReadAsEntitiesWithTypesAndCodes) {
  auto pipeline = DefaultPipeline();
  ASSERT_NE(pipeline, nullptr);
  IngestOptions options;
  options.published = "2023-02-01";
  auto doc = ParseJsonlLine(
      R"({"id": "d", "text": "NATO Secretary-General Jens Stoltenberg met )"
      R"(Japanese Prime Minister Fumio Kishida in Tokyo."})",
      "t.jsonl", 1, options);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_TRUE(pipeline->Process(&doc.value()).ok());
  auto find = [&](const std::string& text) -> const Entity* {
    for (const Entity& e : doc->entities)
      if (e.text == text) return &e;
    return nullptr;
  };
  for (const Entity& e : doc->entities) EXPECT_EQ(doc->Slice(e.span), e.text);
  const Entity* nato = find("NATO");
  ASSERT_NE(nato, nullptr);
  EXPECT_EQ(nato->type, "ORG");
  EXPECT_EQ(nato->code, "IGOWSTNAT");
  const Entity* stoltenberg = find("Jens Stoltenberg");
  ASSERT_NE(stoltenberg, nullptr);
  EXPECT_EQ(stoltenberg->type, "PERSON");
  EXPECT_EQ(stoltenberg->code, "IGOWSTNAT");  // by the article's date
  const Entity* kishida = find("Fumio Kishida");
  ASSERT_NE(kishida, nullptr);
  EXPECT_EQ(kishida->type, "PERSON");
  EXPECT_EQ(kishida->code.substr(0, 3), "JPN");
  const Entity* tokyo = find("Tokyo");
  ASSERT_NE(tokyo, nullptr);
  EXPECT_EQ(tokyo->type, "PLACE");
}

TEST(PipelineTest, NullDocumentIsAnErrorNotACrash) {
  auto pipeline = DefaultPipeline();
  ASSERT_NE(pipeline, nullptr);
  Status status = pipeline->Process(nullptr);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
}

TEST(PipelineTest, PartOutsideTheTextIsAnError) {
  auto pipeline = DefaultPipeline();
  ASSERT_NE(pipeline, nullptr);
  Document doc;
  doc.source = "broken.txt";
  doc.text = "Japan condemned Russia.";
  doc.parts.push_back({PartKind::kBody, Span{0, 400}, 0});
  Status status = pipeline->Process(&doc);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("broken.txt"), std::string::npos)
      << status.message();
  EXPECT_TRUE(doc.events.empty());
}

TEST(PipelineTest, MissingDictionaryDirectoryFailsCreate) {
  PipelineOptions options;
  options.dictionaries = "/nonexistent/dyad";
  auto pipeline = Pipeline::Create(options);
  EXPECT_FALSE(pipeline.ok());
  EXPECT_NE(pipeline.status().message().find("/nonexistent/dyad"),
            std::string::npos)
      << pipeline.status().ToString();
}

}  // namespace
}  // namespace dyad
