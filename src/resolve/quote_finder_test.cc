#include "resolve/quote_finder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "resolve/quote_test_util.h"

namespace dyad::resolve {
namespace {

std::vector<std::string> QuoteTexts(const Document& doc) {
  std::vector<std::string> texts;
  for (const QuoteMarks& q : FindQuoteMarks(doc).quotes) {
    texts.push_back(QuoteText(doc, q));
  }
  return texts;
}

TEST(QuoteFinderTest, CurlyAndStraightMarks) {
  Document doc = QuoteTestDocument(
      "\xE2\x80\x9CWe will win,\xE2\x80\x9D he said. "
      "She said \"we will not.\"");
  EXPECT_EQ(QuoteTexts(doc),
            (std::vector<std::string>{"We will win", "we will not."}));
}

TEST(QuoteFinderTest, SpansSliceBackToTheWords) {
  Document doc = QuoteTestDocument(
      "Stoltenberg said \xE2\x80\x9Cour security is closely "
      "interconnected\xE2\x80\x9D and left.");
  QuoteLayout layout = FindQuoteMarks(doc);
  ASSERT_EQ(layout.quotes.size(), 1u);
  EXPECT_EQ(doc.Slice(layout.quotes[0].inner),
            "our security is closely interconnected");
  EXPECT_NE(layout.quotes[0].close_token, kNoToken);
}

TEST(QuoteFinderTest, QuoteOverSentencesIsOneQuote) {
  Document doc = QuoteTestDocument(
      "\"The war matters. It matters for all of us,\" he said.");
  EXPECT_EQ(
      QuoteTexts(doc),
      (std::vector<std::string>{"The war matters. It matters for all of us"}));
}

TEST(QuoteFinderTest, QuoteContinuesIntoTheNextParagraph) {
  Document doc = QuoteTestDocument(
      "\xE2\x80\x9CWe will never surrender.\n\n"
      "\xE2\x80\x9CWe shall defend our island.\xE2\x80\x9D\n\n"
      "Later he left.");
  QuoteLayout layout = FindQuoteMarks(doc);
  ASSERT_EQ(layout.quotes.size(), 1u);
  EXPECT_EQ(layout.quotes[0].reopen_tokens.size(), 1u);
  EXPECT_EQ(QuoteText(doc, layout.quotes[0]),
            "We will never surrender.\n\nWe shall defend our island.");
  EXPECT_EQ(layout.paragraph_of_sentence[layout.quotes[0].last_sentence], 1);
}

TEST(QuoteFinderTest, UnclosedQuoteEndsWithItsParagraph) {
  Document doc = QuoteTestDocument(
      "He said \xE2\x80\x9Cthis never ends.\n\nThe next paragraph is plain.");
  QuoteLayout layout = FindQuoteMarks(doc);
  ASSERT_EQ(layout.quotes.size(), 1u);
  EXPECT_EQ(layout.quotes[0].close_token, kNoToken);
  EXPECT_EQ(QuoteText(doc, layout.quotes[0]), "this never ends.");
}

TEST(QuoteFinderTest, NestedMarksCloseTheOuterQuote) {
  Document doc = QuoteTestDocument(
      "\xE2\x80\x9CThey called it \xE2\x80\x9Cpeace\xE2\x80\x9D again,"
      "\xE2\x80\x9D she said.");
  EXPECT_EQ(QuoteTexts(doc),
            (std::vector<std::string>{
                "They called it \xE2\x80\x9Cpeace\xE2\x80\x9D again"}));
}

TEST(QuoteFinderTest, StrayClosingMarkIsIgnored) {
  Document doc = QuoteTestDocument(
      "It ended\xE2\x80\x9D there. Then \xE2\x80\x9Cit began\xE2\x80\x9D.");
  EXPECT_EQ(QuoteTexts(doc), (std::vector<std::string>{"it began"}));
}

TEST(QuoteFinderTest, SingleMarksOnlyInHeadlines) {
  Document doc;
  doc.text =
      "NATO chief: \xE2\x80\x98We need Japan\xE2\x80\x99\n\n"
      "The \xE2\x80\x98rock\xE2\x80\x99 band played.";
  const uint32_t headline_end = static_cast<uint32_t>(doc.text.find("\n\n"));
  doc.parts.push_back({PartKind::kHeadline, Span{0, headline_end}, 0});
  doc.parts.push_back(
      {PartKind::kBody,
       Span{headline_end + 2, static_cast<uint32_t>(doc.text.size())}, 0});
  ASSERT_TRUE(AnalyzeText(&doc).ok());
  EXPECT_EQ(QuoteTexts(doc), (std::vector<std::string>{"We need Japan"}));
}

TEST(QuoteFinderTest, EmptyQuotesAreDropped) {
  Document doc =
      QuoteTestDocument("He said \"\" and \xE2\x80\x9C \xE2\x80\x9D.");
  EXPECT_TRUE(QuoteTexts(doc).empty());
}

TEST(QuoteFinderTest, BlankLineInsideOnePartStartsAParagraph) {
  Document doc;
  doc.text = "First.\n\nSecond.";
  ASSERT_TRUE(AnalyzeText(&doc).ok());
  QuoteLayout layout = FindQuoteMarks(doc);
  ASSERT_EQ(layout.paragraph_of_sentence.size(), 2u);
  EXPECT_EQ(layout.paragraph_of_sentence[0], 0);
  EXPECT_EQ(layout.paragraph_of_sentence[1], 1);
}

}  // namespace
}  // namespace dyad::resolve
