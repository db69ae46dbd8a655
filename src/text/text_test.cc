#include "dyad/text.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <thread>
#include <vector>

namespace dyad {
namespace {

std::vector<std::string> SentenceTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.Slice(s.span));
  return out;
}

TEST(AnalyzeTextTest, WholeTextIsOneBodyPartWhenThereAreNoParts) {
  Document doc;
  doc.text = "Japan protested. China replied.";
  ASSERT_TRUE(AnalyzeText(&doc).ok());
  EXPECT_EQ(SentenceTexts(doc),
            (std::vector<std::string>{"Japan protested.", "China replied."}));
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[0].part, PartKind::kBody);
  EXPECT_EQ(doc.sentences[0].first_token, 0u);
  EXPECT_EQ(doc.sentences[0].token_count, 3u);
  EXPECT_EQ(doc.sentences[1].first_token, 3u);
  EXPECT_EQ(doc.sentences[1].token_count, 3u);
  EXPECT_EQ(doc.tokens.size(), 6u);
}

TEST(AnalyzeTextTest, CodesOnlyHeadlineCaptionAndBodyParts) {
  Document doc;
  doc.text =
      "Defense\n\nNATO chief wants ties with Japan\n\nStoltenberg speaks in "
      "Tokyo\n\nStoltenberg said it. He left.\n\nJANE DOE, TOKYO, AP";
  auto find = [&](std::string_view s) {
    uint32_t b = static_cast<uint32_t>(doc.text.find(s));
    return Span{b, b + static_cast<uint32_t>(s.size())};
  };
  doc.parts = {
      {PartKind::kSection, find("Defense"), 0},
      {PartKind::kHeadline, find("NATO chief wants ties with Japan"), 0},
      {PartKind::kCaption, find("Stoltenberg speaks in Tokyo"), 0},
      {PartKind::kBody, find("Stoltenberg said it. He left."), 0},
      {PartKind::kByline, find("JANE DOE, TOKYO, AP"), 0},
  };
  ASSERT_TRUE(AnalyzeText(&doc).ok());
  EXPECT_EQ(SentenceTexts(doc),
            (std::vector<std::string>{"NATO chief wants ties with Japan",
                                      "Stoltenberg speaks in Tokyo",
                                      "Stoltenberg said it.", "He left."}));
  EXPECT_EQ(doc.sentences[0].part, PartKind::kHeadline);
  EXPECT_EQ(doc.sentences[1].part, PartKind::kCaption);
  EXPECT_EQ(doc.sentences[2].part, PartKind::kBody);
  EXPECT_EQ(doc.sentences[3].part, PartKind::kBody);
}

TEST(AnalyzeTextTest, KeepsParagraphNumbers) {
  Document doc;
  doc.text = "One. Two.\n\nThree.";
  doc.parts = {{PartKind::kBody, {0, 9}, 0}, {PartKind::kBody, {11, 17}, 1}};
  ASSERT_TRUE(AnalyzeText(&doc).ok());
  ASSERT_EQ(doc.sentences.size(), 3u);
  EXPECT_EQ(doc.sentences[1].paragraph, 0);
  EXPECT_EQ(doc.sentences[2].paragraph, 1);
}

TEST(AnalyzeTextTest, PartOutsideTheTextIsAnErrorAndLeavesNoSentences) {
  Document doc;
  doc.source = "bad.txt";
  doc.text = "Short. Text.";
  doc.parts = {{PartKind::kBody, {0, 6}, 0}, {PartKind::kBody, {7, 400}, 1}};
  Status status = AnalyzeText(&doc);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("bad.txt"), std::string::npos);
  EXPECT_TRUE(doc.sentences.empty());
  EXPECT_TRUE(doc.tokens.empty());
}

TEST(AnalyzeTextTest, OddInputsNeverCrashAndSpansStayInside) {
  const std::vector<std::string> inputs = {
      "",
      " ",
      "\n\n\n",
      ".",
      "...!?",
      "\"\"''“”",
      "—",
      "😀😀 🇯🇵 👩‍👩‍👧",
      "日本は北大西洋条約機構と協力する。中国は反対した。",
      "Москва заявила. Київ відповів!",
      std::string("bad \xff\xfe bytes \xe2\x80 cut"),
      std::string("nul\0inside. Next.", 18),
      "U.S.",
      "U.S.-",
      "-led",
      "Mr.",
      "No.",
      "'s",
      "’",
      "a'",
      "1,000,000,0000.5.5",
  };
  for (const std::string& input : inputs) {
    Document doc;
    doc.text = input;
    ASSERT_TRUE(AnalyzeText(&doc).ok()) << input;
    for (const Sentence& s : doc.sentences) {
      EXPECT_LE(s.span.end, doc.text.size());
      EXPECT_LT(s.span.begin, s.span.end);
      ASSERT_LE(s.first_token + s.token_count, doc.tokens.size());
      for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
        EXPECT_GE(doc.tokens[t].span.begin, s.span.begin) << input;
        EXPECT_LE(doc.tokens[t].span.end, s.span.end) << input;
        EXPECT_FALSE(doc.tokens[t].span.empty()) << input;
      }
    }
  }
}

TEST(AnalyzeTextTest, RandomBytesKeepEveryInvariant) {
  const std::vector<std::string> pieces = {
      "U.S.", "Gen.", " ",   "\n", "\n\n", ".",        "?",
      "!",    "\"",   "'",   "’",  "“",    "”",        "s",
      "The",  "x",    "-",   "—",  "\xff", "\xe2\x80", "é",
      "日",   "😀",    "No.", "2",  ",",    "\r\n",     "\xc2\xa0"};
  std::mt19937 rng(11);
  for (int trial = 0; trial < 3000; ++trial) {
    Document doc;
    int n = static_cast<int>(rng() % 24);
    for (int k = 0; k < n; ++k) doc.text += pieces[rng() % pieces.size()];
    ASSERT_TRUE(AnalyzeText(&doc).ok()) << doc.text;
    uint32_t last_sentence_end = 0;
    uint32_t expected_first = 0;
    for (const Sentence& s : doc.sentences) {
      ASSERT_GE(s.span.begin, last_sentence_end) << doc.text;
      ASSERT_LT(s.span.begin, s.span.end) << doc.text;
      ASSERT_LE(s.span.end, doc.text.size());
      ASSERT_EQ(s.first_token, expected_first);
      expected_first += s.token_count;
      uint32_t last_token_end = s.span.begin;
      for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
        const Token& token = doc.tokens[t];
        ASSERT_GE(token.span.begin, last_token_end) << doc.text;
        ASSERT_LT(token.span.begin, token.span.end) << doc.text;
        ASSERT_LE(token.span.end, s.span.end) << doc.text;
        last_token_end = token.span.end;
      }
      last_sentence_end = s.span.end;
    }
    ASSERT_EQ(expected_first, doc.tokens.size());
  }
}

TEST(AnalyzeTextTest, ThreadsGetTheSameAnswer) {
  const std::string text =
      "U.S. President Donald Trump met Gen. Milley. “We agreed,” he said. "
      "Russia’s war on Ukraine goes on. Москва заявила.";
  Document reference;
  reference.text = text;
  ASSERT_TRUE(AnalyzeText(&reference).ok());
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      for (int round = 0; round < 200; ++round) {
        Document doc;
        doc.text = text;
        if (!AnalyzeText(&doc).ok() ||
            doc.tokens.size() != reference.tokens.size() ||
            doc.sentences.size() != reference.sentences.size()) {
          ++mismatches[k];
          continue;
        }
        for (size_t t = 0; t < doc.tokens.size(); ++t) {
          if (doc.tokens[t].span != reference.tokens[t].span ||
              doc.tokens[t].upper != reference.tokens[t].upper) {
            ++mismatches[k];
          }
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

}  // namespace
}  // namespace dyad
