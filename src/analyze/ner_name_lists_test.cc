#include "analyze/ner_name_lists.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "analyze/ner_gazetteer.h"
#include "analyze/ner_places.h"

namespace dyad::analyze {
namespace {

std::string WriteTempFile(const std::string& name, const std::string& text) {
  std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// The mask the gazetteer gives the phrase `words` when matched whole, 0 when
// it is not listed as such.
uint32_t MaskOf(const NerGazetteer& gazetteer, std::vector<std::string> words) {
  std::vector<uint32_t> marks = gazetteer.Match(words);
  if (marks.empty()) return 0;
  const uint32_t position = words.size() == 1 ? 0 : 1;
  if ((marks[0] & 3) != position) return 0;
  if (words.size() > 1 && (marks.back() & 3) != 3) return 0;
  return marks[0] >> 2;
}

TEST(NerNameListsTest, NamesAreLowerCasedAndCutAtSpaces) {
  std::string lower;
  std::vector<std::string_view> words;
  ASSERT_TRUE(LowerCaseNameWords("  Bank of  AMERICA ", &lower, &words));
  EXPECT_EQ(words, (std::vector<std::string_view>{"bank", "of", "america"}));
  // List markup and non-ASCII names are not names here.
  for (std::string_view bad : {"Foo (bar)", "a, b", "Caf\xc3\xa9", "x\ty"}) {
    EXPECT_FALSE(LowerCaseNameWords(bad, &lower, &words)) << bad;
    EXPECT_TRUE(words.empty());
  }
}

TEST(NerNameListsTest, AddSplitsPossessivesAndHyphensTheUdWay) {
  NerNameLists lists;
  lists.Add("McDonald's", kNameBrand);
  lists.Add("Coca-Cola Bottling", kNameOperator);
  lists.Add("Caf\xc3\xa9 Rouge", kNameBrand);  // not ASCII: skipped
  lists.Add("Aldi (Nord)", kNameShop);         // brackets: skipped
  lists.Add("A B C D E F G H", kNameShop);     // more than seven words
  NerGazetteer g = lists.ToGazetteer();
  EXPECT_EQ(MaskOf(g, {"mcdonald", "'s"}), kNameBrand);
  EXPECT_EQ(MaskOf(g, {"coca-cola", "bottling"}), kNameOperator);
  EXPECT_EQ(MaskOf(g, {"coca", "-", "cola", "bottling"}), kNameOperator);
  EXPECT_EQ(g.size(), 3u);
}

TEST(NerNameListsTest, ReadsTheListsWithTheirBits) {
  const std::string nsi = WriteTempFile("nsi.json", R"({"nsi": {
    "brands/shop/craft": {"items": [{"displayName": "Hobby Lobby",
                                     "tags": {"brand": "Hobby Lobby"}}]},
    "brands/amenity/fast_food": {"items": [{"displayName": "Taco Bell",
        "tags": {"name": "Taco Bell", "name:en": "Taco Bell"}}]},
    "operators/amenity/post_office": {"items": [{"displayName": "4-72",
        "tags": {"operator": "Servicios Postales Nacionales"}}]}
  }})");
  const std::string icons = WriteTempFile(
      "simple-icons.json",
      R"([{"title": "Firefox", "aliases": {"aka": ["Mozilla Firefox"]}},
          {"title": "Taco Bell"}])");
  const std::string dir = ::testing::TempDir() + "/wordnet";
  std::filesystem::create_directories(dir);
  WriteTempFile("wordnet/data.noun",
                "  1 This software and database is being provided\n"
                "08000001 14 n 02 Red_Cross 0 Shell 0 001 @i 0 0 n 0000 | x\n"
                "08000002 18 n 01 Picasso 0 000 | a painter\n"
                "08000003 06 n 02 shell 0 taco 0 000 | things\n");
  WriteTempFile("wordnet/data.verb", "02000001 30 v 01 lobby 0 000 | x\n");
  WriteTempFile("wordnet/data.adj", "03000001 00 a 01 red(p) 0 000 | x\n");
  WriteTempFile("wordnet/data.adv", "");
  const std::string people = WriteTempFile(
      "people-names.txt", "# cspell-tools: keep-case\n\nAaron\nVangie\n");
  NerNameLists lists;
  ASSERT_TRUE(lists.ReadNameSuggestionIndex(nsi).ok());
  ASSERT_TRUE(lists.ReadSimpleIcons(icons).ok());
  ASSERT_TRUE(lists.ReadWordNet(dir).ok());
  ASSERT_TRUE(lists.ReadPeopleNames(people).ok());
  NerGazetteer g = lists.ToGazetteer();
  EXPECT_EQ(MaskOf(g, {"hobby", "lobby"}), kNameShop);
  EXPECT_EQ(MaskOf(g, {"taco", "bell"}), kNameBrand | kNameTech);
  EXPECT_EQ(MaskOf(g, {"4", "-", "72"}), kNameOperator);
  EXPECT_EQ(MaskOf(g, {"servicios", "postales", "nacionales"}), kNameOperator);
  EXPECT_EQ(MaskOf(g, {"firefox"}), kNameTech);
  EXPECT_EQ(MaskOf(g, {"mozilla", "firefox"}), kNameTech);
  EXPECT_EQ(MaskOf(g, {"red", "cross"}), kNameWnGroup);
  // "Shell" is also the common noun "shell".
  EXPECT_EQ(MaskOf(g, {"shell"}), kNameWnGroup | kNameCommonWord);
  EXPECT_EQ(MaskOf(g, {"picasso"}), kNamePerson);
  EXPECT_EQ(MaskOf(g, {"vangie"}), kNamePerson);
  // Common words are only marks, not names.
  EXPECT_EQ(MaskOf(g, {"taco"}), 0u);
  EXPECT_TRUE(lists.common_words().count(NerGazetteer::PhraseKey({"red"})));
  EXPECT_TRUE(lists.common_words().count(NerGazetteer::PhraseKey({"lobby"})));

  // The place names learn the common words too.
  NerPlaceNames places;
  places.Add("Shell", 0, 0, false);
  places.Add("Kollam", 2, 0, false);
  NerGazetteer place_gazetteer = places.ToGazetteer(&lists.common_words());
  EXPECT_TRUE(MaskOf(place_gazetteer, {"shell"}) & kPlaceCommonWord);
  EXPECT_FALSE(MaskOf(place_gazetteer, {"kollam"}) & kPlaceCommonWord);
}

TEST(NerNameListsTest, ReportsBadFiles) {
  NerNameLists lists;
  const std::string absent = ::testing::TempDir() + "/absent.json";
  EXPECT_EQ(lists.ReadNameSuggestionIndex(absent).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(lists.ReadSimpleIcons(absent).code(), StatusCode::kNotFound);
  EXPECT_EQ(lists.ReadPeopleNames(absent).code(), StatusCode::kNotFound);
  EXPECT_EQ(lists.ReadWordNet(::testing::TempDir() + "/no-wordnet").code(),
            StatusCode::kNotFound);
  EXPECT_EQ(lists.ReadNameSuggestionIndex(WriteTempFile("bad1.json", "[1, 2]"))
                .code(),
            StatusCode::kParseError);
  EXPECT_EQ(
      lists.ReadSimpleIcons(WriteTempFile("bad2.json", "{\"a\": 1}")).code(),
      StatusCode::kParseError);
  EXPECT_EQ(lists.ReadSimpleIcons(WriteTempFile("bad3.json", "[1,")).code(),
            StatusCode::kParseError);
  const std::string dir = ::testing::TempDir() + "/bad-wordnet";
  std::filesystem::create_directories(dir);
  WriteTempFile("bad-wordnet/data.noun",
                "08000001 14 n 09 Red_Cross 0 000 | x\n");
  Status status = lists.ReadWordNet(dir);
  EXPECT_EQ(status.code(), StatusCode::kParseError);
  EXPECT_NE(status.message().find("data.noun:1:"), std::string::npos);
}

}  // namespace
}  // namespace dyad::analyze
