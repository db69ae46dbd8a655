#include "code/entity_type.h"

#include <gtest/gtest.h>

namespace dyad::coder_internal {
namespace {

Actor MakeActor(const std::string& file, std::vector<DatedCode> codes,
                ActorKind kind = ActorKind::kUnknown) {
  Actor a;
  a.origin.file = file;
  a.codes = std::move(codes);
  a.kind = kind;
  return a;
}

TEST(EntityTypeTest, TheKindTheDictionaryGivesDecides) {
  EXPECT_EQ(EntityTypeOf(MakeActor("x", {{"JPN"}}, ActorKind::kPerson), "JPN"),
            "PERSON");
  EXPECT_EQ(
      EntityTypeOf(MakeActor("x", {{"JPN"}}, ActorKind::kOrganisation), "JPN"),
      "ORG");
  EXPECT_EQ(
      EntityTypeOf(MakeActor("x", {{"JPNGOV"}}, ActorKind::kPlace), "JPNGOV"),
      "PLACE");
  EXPECT_EQ(EntityTypeOf(MakeActor("x", {{"KOR"}}, ActorKind::kCapital), "KOR"),
            "PLACE");
  EXPECT_EQ(
      EntityTypeOf(MakeActor("x", {{"JPN"}}, ActorKind::kNationality), "JPN"),
      "NORP");
}

TEST(EntityTypeTest, OtherDictionariesByTheEntrysShape) {
  // An office held for a while: a person.
  EXPECT_EQ(EntityTypeOf(MakeActor("Phoenix.actors",
                                   {{"USAELI", 20080603, 20081104}, {"USA"}}),
                         "USA"),
            "PERSON");
  EXPECT_EQ(EntityTypeOf(MakeActor("Phoenix.actors", {{"GON"}}), "GON"),
            "PLACE");
  EXPECT_EQ(EntityTypeOf(MakeActor("Phoenix.actors", {{"GONMIL"}}), "GONMIL"),
            "ORG");
  EXPECT_EQ(EntityTypeOf(MakeActor("Phoenix.actors", {{"IGO"}}), "IGO"), "ORG");
  EXPECT_EQ(EntityTypeOf(MakeActor("Phoenix.actors", {{"NGO"}}), "NGO"), "ORG");
}

TEST(EntityTypeTest, CodesThatNameNothingGiveNoType) {
  for (const char* code : {"", "---", "###", "+++"})
    EXPECT_EQ(EntityTypeOf(MakeActor("x", {{code}}, ActorKind::kPlace), code),
              "")
        << code;
}

}  // namespace
}  // namespace dyad::coder_internal
