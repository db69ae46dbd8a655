// End to end on the seed wire story: the six quotes of
// ../shared/gold/seed/nato_japan.gold.json found with the right speaker, as
// tools/score_events.py scores them (normalised words; the gold speaker's
// words inside the speaker's text).
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "dyad/analyze.h"
#include "dyad/ingest.h"
#include "dyad/pipeline.h"
#include "dyad/resolve_quotes.h"
#include "dyad/text.h"

namespace dyad {
namespace {

const std::filesystem::path kSeedDir =
    std::filesystem::path(DYAD_SHARED_DIR) / "gold" / "seed";

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// score_events.py's norm(): lower case, curly quotes folded, every other
// non-word character a space, spaces collapsed.
std::string Norm(const std::string& s) {
  std::string folded;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\xE2\x80\x99") == 0 ||
        s.compare(i, 3, "\xE2\x80\x98") == 0) {
      folded += '\'';
      i += 2;
    } else if (s.compare(i, 3, "\xE2\x80\x9C") == 0 ||
               s.compare(i, 3, "\xE2\x80\x9D") == 0) {
      folded += ' ';
      i += 2;
    } else {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      const bool word = std::isalnum(c) || c == '_' || c == '\'' || c >= 0x80;
      folded += word ? static_cast<char>(std::tolower(c)) : ' ';
    }
  }
  std::string out;
  for (char c : folded) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

enum class Mode { kTextOnly, kPipeline, kFullyParsed };

class SeedQuotesTest : public testing::TestWithParam<Mode> {};

TEST_P(SeedQuotesTest, AllSixQuotesWithTheirSpeakers) {
  const auto story = kSeedDir / "nato_japan.txt";
  const auto gold_path = kSeedDir / "nato_japan.gold.json";
  if (!std::filesystem::exists(story) || !std::filesystem::exists(gold_path)) {
    GTEST_SKIP() << "no seed story under " << kSeedDir
                 << " (the shared folder is absent)";
  }
  IngestOptions options;
  options.published = "2023-02-01";
  auto parsed = ParseWireStory(ReadFile(story), story.string(), options);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  Document doc = std::move(parsed).value();
  switch (GetParam()) {
    case Mode::kTextOnly:
      ASSERT_TRUE(AnalyzeText(&doc).ok());
      break;
    case Mode::kPipeline:
    case Mode::kFullyParsed: {
      auto pipeline = Pipeline::Create({});
      ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
      ASSERT_TRUE((*pipeline)->Process(&doc).ok());
      if (GetParam() == Mode::kFullyParsed) {
        AnalyzerOptions analyzer_options;
        auto analyzer = Analyzer::Load(analyzer_options);
        if (!analyzer.ok()) GTEST_SKIP() << analyzer.status().ToString();
        ASSERT_TRUE(analyzer->AnalyzeDocument(&doc).ok());
      }
      break;
    }
  }
  ASSERT_TRUE(FindQuotes(&doc).ok());

  const auto gold = nlohmann::json::parse(ReadFile(gold_path));
  int found = 0;
  int speaker_right = 0;
  for (const auto& want : gold.at("quotes")) {
    const std::string words = Norm(want.at("contains").get<std::string>());
    const std::string speaker = Norm(want.at("speaker").get<std::string>());
    bool hit = false;
    bool right = false;
    for (const Quote& q : doc.quotes) {
      if (Norm(q.text).find(words) == std::string::npos) continue;
      hit = true;
      right |= Norm(q.speaker.text).find(speaker) != std::string::npos;
    }
    found += hit;
    speaker_right += right;
    EXPECT_TRUE(hit) << "not found: " << words;
    EXPECT_TRUE(right) << "wrong speaker for: " << words;
  }
  EXPECT_EQ(found, 6);
  EXPECT_EQ(speaker_right, 6);
  for (const Quote& q : doc.quotes) {
    EXPECT_EQ(doc.Slice(q.span), q.text);
    std::cout << "[" << q.speaker.text << " | " << q.speaker.code << "] "
              << q.text << "\n";
  }
}

INSTANTIATE_TEST_SUITE_P(Modes, SeedQuotesTest,
                         testing::Values(Mode::kTextOnly, Mode::kPipeline,
                                         Mode::kFullyParsed));

// The VOA stories: every quote slices back to its words and most have a
// speaker. (What quotes cost the pipeline is measured by `dyad bench`.)
// DYAD_QUOTES_DUMP=1 prints them for reading, =2 with their context.
TEST(VoaQuotesTest, MostQuotesHaveASpeaker) {
  const auto stories = std::filesystem::path(DYAD_SHARED_DIR) / "data" /
                       "news" / "voa_stories.jsonl";
  if (!std::filesystem::exists(stories)) {
    GTEST_SKIP() << "no " << stories << " (the shared folder is absent)";
  }
  auto pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  std::vector<Document> docs;
  IngestOptions options;
  options.published = "2025-01-01";
  ASSERT_TRUE(IngestPath(stories.string(), options, [&](Result<Document> doc) {
                ASSERT_TRUE(doc.ok()) << doc.status().ToString();
                docs.push_back(std::move(doc).value());
              }).ok());
  for (Document& doc : docs) {
    ASSERT_TRUE((*pipeline)->Process(&doc).ok());
    ASSERT_TRUE(FindQuotes(&doc).ok());
  }
  const char* dump = std::getenv("DYAD_QUOTES_DUMP");
  size_t quotes = 0;
  size_t with_speaker = 0;
  for (const Document& doc : docs) {
    for (const Quote& q : doc.quotes) {
      ++quotes;
      with_speaker += !q.speaker.text.empty();
      EXPECT_EQ(doc.Slice(q.span), q.text) << doc.doc_id;
      if (dump != nullptr) {
        std::cout << doc.doc_id << " [" << q.speaker.text << " | "
                  << q.speaker.code << "] " << q.text.substr(0, 70) << "\n";
      }
      if (dump != nullptr && std::string(dump) == "2") {
        const uint32_t from = q.span.begin > 150 ? q.span.begin - 150 : 0;
        std::cout << "    ... "
                  << doc.Slice({from, std::min<uint32_t>(q.span.end + 100,
                                                         static_cast<uint32_t>(
                                                             doc.text.size()))})
                  << "\n";
      }
    }
  }
  std::cout << docs.size() << " stories, " << quotes << " quotes, "
            << with_speaker << " with a speaker\n";
  EXPECT_GT(quotes, 100u);
  EXPECT_GE(with_speaker * 10, quotes * 9);
}

}  // namespace
}  // namespace dyad
