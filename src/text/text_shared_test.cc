// Round trip on real news: every sentence and token span slices back out of
// the original bytes, and nothing but whitespace falls between them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "dyad/text.h"
#include "text/code_point.h"

namespace dyad {
namespace {

const std::filesystem::path kShared = DYAD_SHARED_DIR;

// Whether text[begin, end) holds only whitespace code points.
bool OnlySpace(const std::string& text, uint32_t begin, uint32_t end) {
  while (begin < end) {
    text::CodePoint c = text::DecodeAt(text, begin, end);
    if (!text::IsSpace(c.cp)) return false;
    begin += c.len;
  }
  return true;
}

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Checks `doc` after AnalyzeText; returns the number of sentences.
size_t CheckRoundTrip(const Document& doc) {
  uint32_t pos = 0;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    EXPECT_FALSE(s.span.empty()) << doc.doc_id << " sentence " << i;
    EXPECT_LE(s.span.end, doc.text.size());
    EXPECT_GE(s.span.begin, pos) << doc.doc_id << " sentence " << i;
    EXPECT_TRUE(OnlySpace(doc.text, pos, s.span.begin))
        << doc.doc_id << ": non-space bytes in [" << pos << ", " << s.span.begin
        << ") outside sentences";
    EXPECT_FALSE(IsAsciiSpace(doc.text[s.span.begin]));
    EXPECT_FALSE(IsAsciiSpace(doc.text[s.span.end - 1]));
    uint32_t tpos = s.span.begin;
    EXPECT_GT(s.token_count, 0u) << doc.Slice(s.span);
    for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
      const Token& token = doc.tokens.at(t);
      EXPECT_GE(token.span.begin, tpos);
      EXPECT_LT(token.span.begin, token.span.end);
      EXPECT_LE(token.span.end, s.span.end);
      EXPECT_TRUE(OnlySpace(doc.text, tpos, token.span.begin))
          << doc.doc_id << ": bytes [" << tpos << ", " << token.span.begin
          << ") lost in \"" << doc.Slice(s.span) << "\"";
      EXPECT_FALSE(token.upper.empty());
      tpos = token.span.end;
    }
    if (s.token_count > 0) {
      EXPECT_EQ(doc.tokens[s.first_token].span.begin, s.span.begin);
      EXPECT_EQ(doc.tokens[s.first_token + s.token_count - 1].span.end,
                s.span.end);
    }
    pos = s.span.end;
  }
  EXPECT_TRUE(OnlySpace(doc.text, pos, static_cast<uint32_t>(doc.text.size())))
      << doc.doc_id << ": text after the last sentence";
  return doc.sentences.size();
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(TextSharedTest, SeedStoryRoundTrips) {
  const auto path = kShared / "gold/seed/nato_japan.txt";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "shared data absent: " << path;
  }
  Document doc;
  doc.doc_id = "nato_japan";
  doc.text = ReadFile(path);
  ASSERT_TRUE(AnalyzeText(&doc).ok());
  EXPECT_GE(CheckRoundTrip(doc), 20u);
  // "the U.S.-led economic sanctions" gives U.S. as its own token.
  bool found = false;
  for (size_t t = 0; t + 2 < doc.tokens.size(); ++t) {
    if (doc.tokens[t].upper == "U.S." && doc.tokens[t + 1].upper == "-" &&
        doc.tokens[t + 2].upper == "LED") {
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST(TextSharedTest, VoaStoriesRoundTrip) {
  const auto path = kShared / "data/news/voa_stories.jsonl";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "shared data absent: " << path;
  }
  std::ifstream in(path);
  std::string line;
  size_t stories = 0;
  size_t sentences = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line);
    Document doc;
    doc.doc_id = j.value("id", "");
    doc.text = j.value("text", "");
    ASSERT_TRUE(AnalyzeText(&doc).ok()) << doc.doc_id;
    sentences += CheckRoundTrip(doc);
    ++stories;
  }
  EXPECT_GT(stories, 50u);
  EXPECT_GT(sentences, 1000u);
}

}  // namespace
}  // namespace dyad
