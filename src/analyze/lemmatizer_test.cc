#include "analyze/lemmatizer.h"

#include <gtest/gtest.h>

namespace dyad::analyze {
namespace {

TEST(LemmatizerTest, RulesUndoRegularInflection) {
  struct Case {
    const char* form;
    const char* xpos;
    const char* lemma;
  } cases[] = {
      {"ministers", "NNS", "minister"}, {"countries", "NNS", "country"},
      {"churches", "NNS", "church"},    {"boxes", "NNS", "box"},
      {"classes", "NNS", "class"},      {"says", "VBZ", "say"},
      {"watches", "VBZ", "watch"},      {"visited", "VBD", "visit"},
      {"stopped", "VBD", "stop"},       {"called", "VBN", "call"},
      {"tried", "VBD", "try"},          {"agreed", "VBN", "agree"},
      {"loved", "VBD", "love"},         {"produced", "VBN", "produce"},
      {"settled", "VBD", "settle"},     {"continued", "VBD", "continue"},
      {"realized", "VBD", "realize"},   {"running", "VBG", "run"},
      {"meeting", "VBG", "meet"},       {"bigger", "JJR", "big"},
      {"easier", "JJR", "easy"},        {"largest", "JJS", "large"},
      {"happiest", "JJS", "happy"},     {"The", "DT", "the"},
      {"NATO", "NNP", "NATO"},          {"Americans", "NNPS", "American"},
      {"United", "NNP", "United"},      {"1990", "CD", "1990"},
      {"\xE2\x80\x99s", "POS", "'s"},   {"is", "VBZ", "is"},
      {"merged", "VBD", "merge"},       {"greatest", "JJS", "great"},
      {"nominated", "VBN", "nominate"}, {"provoking", "VBG", "provoke"},
      {"making", "VBG", "make"},        {"closer", "JJR", "close"},
      {"judged", "VBD", "judge"},       {"licensed", "VBN", "license"},
      {"treated", "VBN", "treat"},      {"looking", "VBG", "look"},
      {"visited", "VBD", "visit"},      {"developed", "VBD", "develop"},
      {"abandoned", "VBN", "abandon"},  {"joining", "VBG", "join"},
      {"evacuated", "VBN", "evacuate"}, {"women", "NNS", "woman"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(RuleLemma(c.form, c.xpos), c.lemma) << c.form << "/" << c.xpos;
  }
}

ConlluSentence Sentence(
    std::vector<std::tuple<std::string, std::string, std::string>> words) {
  ConlluSentence sentence;
  int id = 0;
  for (auto& [form, xpos, lemma] : words) {
    ConlluWord word;
    word.id = ++id;
    word.form = form;
    word.xpos = xpos;
    word.lemma = lemma;
    sentence.words.push_back(word);
  }
  return sentence;
}

TEST(LemmatizerTest, LearnsOnlyWhatTheRulesGetWrong) {
  std::vector<ConlluSentence> treebank = {
      Sentence({{"He", "PRP", "he"},
                {"went", "VBD", "go"},
                {"and", "CC", "and"},
                {"visited", "VBD", "visit"},
                {"children", "NNS", "child"}}),
      Sentence({{"It", "PRP", "it"}, {"'s", "VBZ", "be"}, {"is", "VBZ", "be"}}),
      Sentence({{"'s", "VBZ", "be"}, {"'s", "VBZ", "have"}}),
  };
  Lemmatizer lemmatizer = Lemmatizer::Learn(treebank);
  // went, children, 's, is; the rest follow the rules.
  ASSERT_EQ(lemmatizer.exceptions().size(), 4u);
  EXPECT_EQ(lemmatizer.Lemma("went", "VBD"), "go");
  EXPECT_EQ(lemmatizer.Lemma("Went", "VBD"), "go");    // lower-case fallback
  EXPECT_EQ(lemmatizer.Lemma("went", "VBN"), "went");  // other tag: rules
  EXPECT_EQ(lemmatizer.Lemma("children", "NNS"), "child");
  EXPECT_EQ(lemmatizer.Lemma("'s", "VBZ"), "be");  // majority lemma
  EXPECT_EQ(lemmatizer.Lemma("\xE2\x80\x99s", "VBZ"), "be");
  EXPECT_EQ(lemmatizer.Lemma("visited", "VBD"), "visit");
  EXPECT_EQ(lemmatizer.Lemma("walked", "VBD"), "walk");

  Lemmatizer copy = Lemmatizer::FromExceptions(lemmatizer.exceptions());
  EXPECT_EQ(copy.Lemma("went", "VBD"), "go");
  EXPECT_EQ(copy.exceptions().size(), 4u);
}

}  // namespace
}  // namespace dyad::analyze
