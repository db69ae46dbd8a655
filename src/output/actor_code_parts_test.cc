#include <gtest/gtest.h>

#include "dyad/export.h"

namespace dyad {
namespace {

TEST(SplitActorCode, CountryAndType) {
  ActorCodeParts p = SplitActorCode("JPNGOV");
  EXPECT_EQ(p.country, "JPN");
  EXPECT_EQ(p.type1, "GOV");
  EXPECT_EQ(p.known_group, "");
  EXPECT_EQ(p.type2, "");
}

TEST(SplitActorCode, OrganisationAfterRegion) {
  ActorCodeParts p = SplitActorCode("IGOWSTNAT");
  EXPECT_EQ(p.type1, "IGO");
  EXPECT_EQ(p.country, "WST");
  EXPECT_EQ(p.known_group, "NAT");
}

// The splits GDELT itself made in its 2019-10-24 14:30 file.
TEST(SplitActorCode, AsGdeltSplitsThem) {
  ActorCodeParts bank = SplitActorCode("IGOUNODEVWBKMED");
  EXPECT_EQ(bank.country, "");
  EXPECT_EQ(bank.known_group, "UNO");
  EXPECT_EQ(bank.type1, "IGO");
  EXPECT_EQ(bank.type2, "DEV");
  EXPECT_EQ(bank.type3, "MED");

  ActorCodeParts catholic = SplitActorCode("CHRCTH");
  EXPECT_EQ(catholic.religion1, "CHR");
  EXPECT_EQ(catholic.religion2, "CTH");
  EXPECT_EQ(catholic.country, "");

  ActorCodeParts separatists = SplitActorCode("catSEP");
  EXPECT_EQ(separatists.ethnic, "cat");
  EXPECT_EQ(separatists.type1, "SEP");

  ActorCodeParts company = SplitActorCode("MNCUSAMED");
  EXPECT_EQ(company.country, "USA");
  EXPECT_EQ(company.type1, "MNC");
  EXPECT_EQ(company.type2, "MED");

  ActorCodeParts taliban = SplitActorCode("AFGINSTAL");
  EXPECT_EQ(taliban.country, "AFG");
  EXPECT_EQ(taliban.type1, "INS");
  EXPECT_EQ(taliban.known_group, "TAL");
}

TEST(SplitActorCode, MalformedCodesGiveNothing) {
  for (const char* code : {"", "JP", "JPNG", "JP1GOV", "JPN GOV"}) {
    ActorCodeParts p = SplitActorCode(code);
    EXPECT_EQ(p.country + p.known_group + p.ethnic + p.religion1 + p.religion2 +
                  p.type1 + p.type2 + p.type3,
              "")
        << code;
  }
}

}  // namespace
}  // namespace dyad
