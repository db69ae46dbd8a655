#include <gtest/gtest.h>

#include "dyad/resolve_quotes.h"

namespace dyad {
namespace {

Entity MakeEntity(uint32_t begin, uint32_t end, const std::string& code) {
  Entity e;
  e.span = Span{begin, end};
  e.code = code;
  e.type = "PERSON";
  return e;
}

TEST(EntityCodeLookupTest, TheEntityHoldingTheMentionGivesItsCode) {
  Document doc;
  doc.text = "NATO Secretary-General Jens Stoltenberg said so.";
  doc.entities = {MakeEntity(0, 4, "IGOWSTNAT"),
                  MakeEntity(23, 39, "IGOWSTNAT"), MakeEntity(40, 44, "")};
  SpeakerCodeLookup lookup = EntityCodeLookup(doc);
  EXPECT_EQ(lookup(Span{28, 39}), "IGOWSTNAT");  // "Stoltenberg"
  EXPECT_EQ(lookup(Span{23, 39}), "IGOWSTNAT");
}

TEST(EntityCodeLookupTest, AnOverlapWillDoAndNothingGivesNothing) {
  Document doc;
  doc.text = "the state-run Korean Central News Agency said";
  doc.entities = {MakeEntity(14, 40, "PRKMED")};
  SpeakerCodeLookup lookup = EntityCodeLookup(doc);
  EXPECT_EQ(lookup(Span{0, 40}), "PRKMED");  // the mention says more
  EXPECT_EQ(lookup(Span{41, 45}), "");
  Document empty;
  EXPECT_EQ(EntityCodeLookup(empty)(Span{0, 3}), "");
}

TEST(EntityCodeLookupTest, EntitiesWithoutACodeAreLookedPast) {
  Document doc;
  doc.text = "Kim Yo Jong said";
  doc.entities = {MakeEntity(0, 11, ""), MakeEntity(0, 11, "PRKGOV")};
  EXPECT_EQ(EntityCodeLookup(doc)(Span{0, 11}), "PRKGOV");
}

}  // namespace
}  // namespace dyad
