#include "resolve/speech_words.h"

#include <gtest/gtest.h>

namespace dyad::resolve {
namespace {

TEST(SpeechWordsTest, SpeechVerbFormsGiveTheirLemma) {
  EXPECT_EQ(SpeechVerbLemmaOfForm("SAID"), "say");
  EXPECT_EQ(SpeechVerbLemmaOfForm("SAYS"), "say");
  EXPECT_EQ(SpeechVerbLemmaOfForm("TOLD"), "tell");
  EXPECT_EQ(SpeechVerbLemmaOfForm("WROTE"), "write");
  EXPECT_EQ(SpeechVerbLemmaOfForm("WRITTEN"), "write");
  EXPECT_EQ(SpeechVerbLemmaOfForm("REPLIED"), "reply");
  EXPECT_EQ(SpeechVerbLemmaOfForm("ADMITTED"), "admit");
  EXPECT_EQ(SpeechVerbLemmaOfForm("SAYING"), "say");
  EXPECT_EQ(SpeechVerbLemmaOfForm("WENT"), "");
}

TEST(SpeechWordsTest, FormsThatAreNounsNeedATagger) {
  // "the states", "a note", "calls for": only past and -ing forms count.
  EXPECT_EQ(SpeechVerbLemmaOfForm("STATES"), "");
  EXPECT_EQ(SpeechVerbLemmaOfForm("NOTE"), "");
  EXPECT_EQ(SpeechVerbLemmaOfForm("CALLS"), "");
  EXPECT_EQ(SpeechVerbLemmaOfForm("NOTED"), "note");
  EXPECT_EQ(SpeechVerbLemmaOfForm("CALLED"), "call");
  EXPECT_TRUE(IsSpeechLemma("state"));
  EXPECT_FALSE(IsSpeechLemma("go"));
}

TEST(SpeechWordsTest, OnlySomeVerbsComeBeforeTheirSubject) {
  EXPECT_TRUE(AllowsInversion("say"));
  EXPECT_TRUE(AllowsInversion("add"));
  EXPECT_FALSE(AllowsInversion("deny"));  // "denies the charges"
  EXPECT_FALSE(AllowsInversion("tell"));  // "told reporters"
}

TEST(SpeechWordsTest, WordClasses) {
  EXPECT_TRUE(IsParticipleForm("SAYING"));
  EXPECT_FALSE(IsParticipleForm("KING"));
  EXPECT_TRUE(IsSpeakerPronoun("SHE"));
  EXPECT_FALSE(IsSpeakerPronoun("HIM"));
  EXPECT_TRUE(IsTitleWord("SECRETARY-GENERAL"));
  EXPECT_TRUE(IsOrganisationWord("AGENCY"));
  EXPECT_TRUE(IsCapitalisedNonName("MONDAY"));
  EXPECT_FALSE(IsCapitalisedNonName("STOLTENBERG"));
  EXPECT_TRUE(IsUtteranceNoun("STATEMENT"));
}

TEST(SpeechWordsTest, Capitalisation) {
  EXPECT_TRUE(IsCapitalised("Stoltenberg", "STOLTENBERG"));
  EXPECT_FALSE(IsCapitalised("said", "SAID"));
  EXPECT_TRUE(IsCapitalised("\xC3\x89mile", "\xC3\x89MILE"));  // Émile
  EXPECT_FALSE(IsCapitalised("\xC3\xA9t\xC3\xA9", "\xC3\x89T\xC3\x89"));  // été
  EXPECT_FALSE(IsCapitalised("", ""));
  EXPECT_FALSE(IsCapitalised("\xC3", "\xC3"));  // a cut code point
}

}  // namespace
}  // namespace dyad::resolve
