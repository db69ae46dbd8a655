#include "ingest/byline.h"

#include "gtest/gtest.h"
#include "ingest/names.h"

namespace dyad::ingest {
namespace {

TEST(TitleCaseNameTest, Capitals) {
  EXPECT_EQ(TitleCaseName("MARI YAMAGUCHI"), "Mari Yamaguchi");
  EXPECT_EQ(TitleCaseName("  HARUKA   NUGA "), "Haruka Nuga");
  EXPECT_EQ(TitleCaseName("JOSÉ ÁLVAREZ"), "José Álvarez");
  EXPECT_EQ(TitleCaseName("MOHAMMED AL-SUDANI"), "Mohammed al-Sudani");
  EXPECT_EQ(TitleCaseName("JOHN MCCAIN"), "John McCain");
  EXPECT_EQ(TitleCaseName("Ralph Jennings"), "Ralph Jennings");  // kept
  EXPECT_EQ(TitleCaseName("DE GAULLE"), "De Gaulle");  // first word stays up
}

TEST(SplitPeopleTest, Separators) {
  EXPECT_EQ(SplitPeople("A B & C D"), (std::vector<std::string>{"A B", "C D"}));
  EXPECT_EQ(SplitPeople("By Ann Lee and Bo Gu; Cy Ng"),
            (std::vector<std::string>{"Ann Lee", "Bo Gu", "Cy Ng"}));
  EXPECT_EQ(SplitPeople("Alexandra Andersen"),
            std::vector<std::string>{"Alexandra Andersen"});  // "and" inside
}

TEST(ParseBylineTest, Accepts) {
  auto b = ParseByline("MARI YAMAGUCHI & HARUKA NUGA, TOKYO, MDT/AP", true);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->authors,
            (std::vector<std::string>{"Mari Yamaguchi", "Haruka Nuga"}));
  EXPECT_EQ(b->dateline, "Tokyo");
  EXPECT_EQ(b->agency, "AP");
  auto two = ParseByline("ANNA KELLER, AFP", false);
  ASSERT_TRUE(two);
  EXPECT_EQ(two->dateline, "");
  EXPECT_EQ(two->agency, "AFP");
}

TEST(ParseBylineTest, RejectsSentences) {
  EXPECT_FALSE(
      ParseByline("Officials from NATO, the EU, and the UN left.", true));
  EXPECT_FALSE(ParseByline("He said, smiling, that it was over", false));
  EXPECT_FALSE(ParseByline("By the way, he said, it is over", true));
  EXPECT_FALSE(ParseByline("NATO, EU AND UN OFFICIALS MET IN 2022, AP", true));
  EXPECT_FALSE(ParseByline("TOKYO", true));
  EXPECT_FALSE(ParseByline("\"WE WIN,\" HE SAID, AP", true));
}

}  // namespace
}  // namespace dyad::ingest
