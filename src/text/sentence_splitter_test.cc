#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "text/abbreviations.h"

namespace dyad::text {
namespace {

using Strings = std::vector<std::string>;

Strings Split(const std::string& text) {
  std::vector<Span> spans;
  Status status =
      SplitSentences(text, Span{0, static_cast<uint32_t>(text.size())}, &spans);
  EXPECT_TRUE(status.ok()) << status.ToString();
  Strings out;
  for (const Span& s : spans) out.push_back(text.substr(s.begin, s.size()));
  return out;
}

TEST(SentenceSplitterTest, SplitsPlainSentencesAndTrimsSpace) {
  EXPECT_EQ(Split("  Japan protested.  China replied!\nWhy? "),
            (Strings{"Japan protested.", "China replied!", "Why?"}));
}

TEST(SentenceSplitterTest, TitlesAndMonthsNeverEndASentence) {
  EXPECT_EQ(Split("Gen. Mark Milley met Lt. Col. Vindman and Mr. Smith on "
                  "Jan. 31. They talked."),
            (Strings{"Gen. Mark Milley met Lt. Col. Vindman and Mr. Smith on "
                     "Jan. 31.",
                     "They talked."}));
  EXPECT_EQ(Split("Sen. Warren and Rep. Pelosi wrote to Gov. Newsom and "
                  "Dr. Fauci. Prof. Li and Sgt. Ortiz, e.g. Ortiz, agreed."),
            (Strings{"Sen. Warren and Rep. Pelosi wrote to Gov. Newsom and "
                     "Dr. Fauci.",
                     "Prof. Li and Sgt. Ortiz, e.g. Ortiz, agreed."}));
  EXPECT_EQ(Split("It was No. 2 on the list. Then Sept. 11 came."),
            (Strings{"It was No. 2 on the list.", "Then Sept. 11 came."}));
}

TEST(SentenceSplitterTest, CountryAbbreviationsBeforeNamesDoNotSplit) {
  EXPECT_EQ(Split("U.S. President Donald Trump met U.N. Secretary-General "
                  "Antonio Guterres and U.K. Prime Minister Keir Starmer."),
            (Strings{"U.S. President Donald Trump met U.N. Secretary-General "
                     "Antonio Guterres and U.K. Prime Minister Keir "
                     "Starmer."}));
  EXPECT_EQ(Split("Stoltenberg mentioned U.S. intelligence reports."),
            (Strings{"Stoltenberg mentioned U.S. intelligence reports."}));
}

TEST(SentenceSplitterTest, CountryAbbreviationEndsASentenceBeforeAStarter) {
  EXPECT_EQ(
      Split("China is two years behind the U.S. The gap is closing."),
      (Strings{"China is two years behind the U.S.", "The gap is closing."}));
  EXPECT_EQ(Split("He was deported from the U.S. \"We will appeal,\" he said."),
            (Strings{"He was deported from the U.S.",
                     "\"We will appeal,\" he said."}));
  EXPECT_EQ(
      Split("The deal was signed by Acme Inc. Its rivals objected."),
      (Strings{"The deal was signed by Acme Inc.", "Its rivals objected."}));
}

TEST(SentenceSplitterTest, InitialsDoNotSplit) {
  EXPECT_EQ(Split("George W. Bush and Daniel K. Inouye spoke."),
            (Strings{"George W. Bush and Daniel K. Inouye spoke."}));
}

TEST(SentenceSplitterTest, ClosingQuoteStaysWithItsSentence) {
  EXPECT_EQ(Split("He said, “So the war matters.” Then he left."),
            (Strings{"He said, “So the war matters.”", "Then he left."}));
  EXPECT_EQ(Split("\"We will win.\" Zelenskyy spoke."),
            (Strings{"\"We will win.\"", "Zelenskyy spoke."}));
  EXPECT_EQ(Split("“Is it over?” asked a user. Yes."),
            (Strings{"“Is it over?” asked a user.", "Yes."}));
}

TEST(SentenceSplitterTest, JoinsHardWrappedLines) {
  EXPECT_EQ(Split("Arnor is about to restore ties with\nGondor, a senior "
                  "official\nsaid on Saturday.\nThe talks\r\nbegan."),
            (Strings{"Arnor is about to restore ties with\nGondor, a senior "
                     "official\nsaid on Saturday.",
                     "The talks\r\nbegan."}));
  EXPECT_EQ(Split("Headline without period\n\nBody starts here."),
            (Strings{"Headline without period", "Body starts here."}));
}

TEST(SentenceSplitterTest, PartEndEndsASentenceWithoutAPeriod) {
  std::string text = "NATO chief wants firmer ties with Japan\n\nBody.";
  std::vector<Span> spans;
  ASSERT_TRUE(SplitSentences(text, Span{0, 39}, &spans).ok());
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0], (Span{0, 39}));
}

TEST(SentenceSplitterTest, SpansAreRelativeToTheWholeText) {
  std::string text = "xxx One. Two. yyy";
  std::vector<Span> spans;
  ASSERT_TRUE(SplitSentences(text, Span{4, 13}, &spans).ok());
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (Span{4, 8}));
  EXPECT_EQ(spans[1], (Span{9, 13}));
}

TEST(SentenceSplitterTest, RejectsAPartOutsideTheText) {
  std::vector<Span> spans;
  Status status = SplitSentences("abc", Span{1, 10}, &spans);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(spans.empty());
}

TEST(SentenceSplitterTest, EmptyAndBlankPartsGiveNoSentence) {
  EXPECT_TRUE(Split("").empty());
  EXPECT_TRUE(Split(" \n\t ").empty());
}

TEST(AbbreviationsTest, Classifies) {
  EXPECT_EQ(ClassifyAbbreviation("Gen."), AbbreviationKind::kNeverFinal);
  EXPECT_EQ(ClassifyAbbreviation("e.g."), AbbreviationKind::kNeverFinal);
  EXPECT_EQ(ClassifyAbbreviation("No."), AbbreviationKind::kBeforeNumber);
  EXPECT_EQ(ClassifyAbbreviation("U.S."), AbbreviationKind::kMaybeFinal);
  EXPECT_EQ(ClassifyAbbreviation("U.A.E."), AbbreviationKind::kMaybeFinal);
  EXPECT_EQ(ClassifyAbbreviation("Inc."), AbbreviationKind::kMaybeFinal);
  EXPECT_EQ(ClassifyAbbreviation("W."), AbbreviationKind::kMaybeFinal);
  EXPECT_EQ(ClassifyAbbreviation("war."), AbbreviationKind::kNone);
  EXPECT_EQ(ClassifyAbbreviation("U.S"), AbbreviationKind::kNone);
  EXPECT_EQ(ClassifyAbbreviation("."), AbbreviationKind::kNone);
  EXPECT_TRUE(IsSentenceStarter("The"));
  EXPECT_FALSE(IsSentenceStarter("President"));
}

}  // namespace
}  // namespace dyad::text
