#include "text/match_form.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad::text {
namespace {

std::string Form(std::string_view word) {
  std::string out = "stale";
  MatchForm(word, &out);
  return out;
}

TEST(MatchFormTest, UpperCasesAscii) {
  EXPECT_EQ(Form("Russia"), "RUSSIA");
  EXPECT_EQ(Form("U.S.-led"), "U.S.-LED");
  EXPECT_EQ(Form(""), "");
}

TEST(MatchFormTest, UpperCasesUnicode) {
  EXPECT_EQ(Form("Erdoğan"), "ERDOĞAN");
  EXPECT_EQ(Form("Zürich"), "ZÜRICH");
  EXPECT_EQ(Form("straße"), "STRASSE");
  EXPECT_EQ(Form("Київ"), "КИЇВ");
}

TEST(MatchFormTest, FoldsCurlyQuotes) {
  EXPECT_EQ(Form("’s"), "'S");
  EXPECT_EQ(Form("‘"), "'");
  EXPECT_EQ(Form("“"), "\"");
  EXPECT_EQ(Form("”"), "\"");
  EXPECT_EQ(Form("al-Rufay’i"), "AL-RUFAY'I");
}

TEST(MatchFormTest, CopiesIllFormedBytes) {
  std::string bad = "a\xff";
  std::string out = Form(bad);
  EXPECT_FALSE(out.empty());
  EXPECT_EQ(out[0], 'A');
  EXPECT_EQ(Form("\xe2\x80"), Form("\xe2\x80"));  // no crash, stable
}

}  // namespace
}  // namespace dyad::text
