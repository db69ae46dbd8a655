// Robustness: random bytes, random quote marks and random parses must
// neither crash FindQuotes (run it under the ASan build) nor give spans
// outside the text.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "dyad/resolve_quotes.h"
#include "dyad/text.h"
#include "resolve/quote_test_util.h"

namespace dyad::resolve {
namespace {

void CheckQuotes(const Document& doc) {
  for (const Quote& q : doc.quotes) {
    EXPECT_LE(q.span.begin, q.span.end);
    EXPECT_LE(q.span.end, doc.text.size());
    EXPECT_FALSE(q.text.empty());
    EXPECT_LE(q.speaker.span.end, doc.text.size());
    EXPECT_LE(q.speaker.span.begin, q.speaker.span.end);
  }
}

// Random parses: heads anywhere (also outside the sentence and negative),
// relations from the ones the attribution reads.
void RandomAnalysis(std::mt19937* rng, Document* doc) {
  static const char* kRelations[] = {"nsubj", "nsubj:outer", "advcl",
                                     "xcomp", "conj",        "root",
                                     "obj",   "punct",       ""};
  static const char* kTags[] = {"VERB", "NOUN", "PROPN", "PRON", ""};
  static const char* kLemmas[] = {"say", "tell", "add", "he", "Stoltenberg"};
  doc->analysis.resize(doc->tokens.size());
  std::uniform_int_distribution<int> head(
      -3, static_cast<int>(doc->tokens.size()) + 3);
  for (TokenAnalysis& a : doc->analysis) {
    a.head = head(*rng);
    a.deprel = kRelations[(*rng)() % std::size(kRelations)];
    a.upos = kTags[(*rng)() % std::size(kTags)];
    a.lemma = kLemmas[(*rng)() % std::size(kLemmas)];
  }
  for (Sentence& s : doc->sentences) s.parsed = (*rng)() % 2 == 0;
}

TEST(QuoteFuzzTest, RandomBytes) {
  std::mt19937 rng(20261129);
  for (int round = 0; round < 300; ++round) {
    std::string text(rng() % 400, '\0');
    for (char& c : text) c = static_cast<char>(rng() % 256);
    Document doc;
    doc.text = text;
    ASSERT_TRUE(AnalyzeText(&doc).ok());
    if (round % 2 == 1) RandomAnalysis(&rng, &doc);
    ASSERT_TRUE(FindQuotes(&doc).ok());
    CheckQuotes(doc);
  }
}

TEST(QuoteFuzzTest, RandomWordsAndMarks) {
  static const char* kPieces[] = {"“",
                                  "”",
                                  "\"",
                                  "‘",
                                  "’",
                                  "'",
                                  "«",
                                  "»",
                                  "„",
                                  ", ",
                                  ". ",
                                  ": ",
                                  "\n\n",
                                  "\n",
                                  " ",
                                  "(",
                                  ")",
                                  "said ",
                                  "says ",
                                  "told ",
                                  "according to ",
                                  "saying ",
                                  "he ",
                                  "she ",
                                  "it ",
                                  "they ",
                                  "Stoltenberg ",
                                  "Jens Stoltenberg ",
                                  "NATO Secretary-General ",
                                  "North Korea ",
                                  "the ministry ",
                                  "spokesman ",
                                  "on Sunday ",
                                  "also ",
                                  "has ",
                                  "We will win ",
                                  "of ",
                                  "Bank ",
                                  "’s ",
                                  "Yoon Suk Yeol ",
                                  "In Tokyo, "};
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int pieces = static_cast<int>(rng() % 60);
    for (int i = 0; i < pieces; ++i)
      text += kPieces[rng() % std::size(kPieces)];
    Document doc = QuoteTestDocument(text);
    if (round % 3 == 2) RandomAnalysis(&rng, &doc);
    ASSERT_TRUE(FindQuotes(&doc).ok()) << text;
    CheckQuotes(doc);
    // Deterministic.
    std::vector<Quote> first = doc.quotes;
    ASSERT_TRUE(FindQuotes(&doc).ok());
    ASSERT_EQ(first.size(), doc.quotes.size());
    for (size_t i = 0; i < first.size(); ++i) {
      EXPECT_EQ(first[i].speaker.text, doc.quotes[i].speaker.text);
      EXPECT_EQ(first[i].span, doc.quotes[i].span);
    }
  }
}

TEST(QuoteFuzzTest, ManyOpeningMarksStayLinear) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "“a ";
  text += "\n\n";
  for (int i = 0; i < 20000; ++i) text += "b” he said. ";
  Document doc = QuoteTestDocument(text);
  ASSERT_TRUE(FindQuotes(&doc).ok());
  CheckQuotes(doc);
}

}  // namespace
}  // namespace dyad::resolve
