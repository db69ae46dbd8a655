#include "dyad/codes.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "codes/cameo_table.h"

namespace dyad {
namespace {

TEST(CodesTest, HasAll311CameoCodesSorted) {
  const std::vector<CameoCode>& all = AllCameoCodes();
  EXPECT_EQ(all.size(), 311u);
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_LT(all[i - 1].code, all[i].code);
  }
}

TEST(CodesTest, EveryRootIsPresentWithItsQuadClass) {
  for (int r = 1; r <= 20; ++r) {
    char root[3] = {static_cast<char>('0' + r / 10),
                    static_cast<char>('0' + r % 10), '\0'};
    const CameoCode* code = FindCameo(root);
    ASSERT_NE(code, nullptr) << root;
    int quad = r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
    EXPECT_EQ(code->quad_class, quad) << root;
    EXPECT_EQ(code->root, root);
    EXPECT_FALSE(code->name.empty());
  }
  EXPECT_EQ(FindCameo("14")->name, "PROTEST");
}

TEST(CodesTest, EverySubCodeSharesItsRootsQuadAndParentExists) {
  for (const CameoCode& code : AllCameoCodes()) {
    const CameoCode* root = FindCameo(code.root);
    ASSERT_NE(root, nullptr) << code.code;
    EXPECT_EQ(code.quad_class, root->quad_class) << code.code;
    EXPECT_EQ(code.code.substr(0, 2), code.root);
    if (code.code.size() == 4) {
      EXPECT_NE(FindCameo(code.code.substr(0, 3)), nullptr) << code.code;
    }
    EXPECT_GE(code.goldstein, -10.0);
    EXPECT_LE(code.goldstein, 10.0);
    bool plover_expected = code.root != "01" && code.root != "02";
    EXPECT_EQ(!code.plover.empty(), plover_expected) << code.code;
  }
}

TEST(CodesTest, KnownCodes) {
  const CameoCode* visit = FindCameo("042");
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(visit->name, "Make a visit");
  EXPECT_EQ(visit->root, "04");
  EXPECT_DOUBLE_EQ(visit->goldstein, 1.9);
  EXPECT_EQ(visit->quad_class, 1);
  EXPECT_EQ(visit->plover, "CONSULT");

  const CameoCode* arrest = FindCameo("173");
  ASSERT_NE(arrest, nullptr);
  EXPECT_EQ(arrest->name, "Arrest, detain, or charge with legal action");
  EXPECT_DOUBLE_EQ(arrest->goldstein, -5.0);
  EXPECT_EQ(arrest->quad_class, 4);
  EXPECT_EQ(arrest->plover, "COERCE");

  const CameoCode* criticize = FindCameo("111");
  ASSERT_NE(criticize, nullptr);
  EXPECT_DOUBLE_EQ(criticize->goldstein, -2.0);
  EXPECT_EQ(criticize->quad_class, 3);
  EXPECT_EQ(criticize->plover, "ACCUSE");

  const CameoCode* airstrike = FindCameo("195");
  ASSERT_NE(airstrike, nullptr);
  EXPECT_DOUBLE_EQ(airstrike->goldstein, -10.0);
  EXPECT_EQ(airstrike->plover, "ASSAULT");

  // No PLOVER line of its own: 0341 takes 034's category.
  EXPECT_EQ(FindCameo("0341")->plover, "AGREE");
  // Repaired rows of the GDELT name file.
  EXPECT_EQ(FindCameo("106")->name, "Demand withdrawal");
  EXPECT_EQ(FindCameo("1056")->name,
            "Demand de-escalation of military engagement");
  EXPECT_EQ(FindCameo("044")->name, "Meet at a 'third' location");
  EXPECT_EQ(FindCameo("01")->plover, "");
}

TEST(CodesTest, UnknownCodes) {
  for (std::string_view bad :
       {"", "0", "00", "21", "042 ", "0420", "99", "abc", "04a", "1000"}) {
    EXPECT_EQ(FindCameo(bad), nullptr) << bad;
    EXPECT_FALSE(IsCameoCode(bad)) << bad;
  }
  EXPECT_TRUE(IsCameoCode("042"));
  EXPECT_TRUE(IsCameoCode("2042"));
}

// The header line followed by `rows`. (Built with append: gcc 12 reports a
// false -Wrestrict on chains of operator+ here.)
std::string WithHeader(std::string_view rows) {
  std::string table = "code\troot\tquad\tgoldstein\tplover\tname\n";
  table.append(rows);
  return table;
}

TEST(CameoTableTest, RejectsMalformedRowsWithTheLine) {
  std::vector<CameoCode> out;
  Status s = codes::ParseCameoTable(WithHeader("042\t04\t1\t1.9\tCONSULT\n"),
                                    "t.tsv", &out);
  EXPECT_EQ(s.code(), StatusCode::kParseError);
  EXPECT_NE(s.message().find("t.tsv:2"), std::string::npos) << s.message();

  std::string commented = "# comment\n";
  commented.append(WithHeader("042\t04\t1\tx\tCONSULT\tVisit\n"));
  s = codes::ParseCameoTable(commented, "t.tsv", &out);
  EXPECT_NE(s.message().find("t.tsv:3"), std::string::npos) << s.message();

  for (std::string_view bad_row :
       {"042\t05\t1\t1.9\tCONSULT\tVisit\n",     // wrong root
        "042\t04\t7\t1.9\tCONSULT\tVisit\n",     // quad out of range
        "042\t04\t1\t11\tCONSULT\tVisit\n",      // score out of range
        "42x\t42\t1\t1.0\tCONSULT\tVisit\n"}) {  // not digits
    s = codes::ParseCameoTable(WithHeader(bad_row), "t.tsv", &out);
    EXPECT_EQ(s.code(), StatusCode::kParseError) << bad_row;
  }
  s = codes::ParseCameoTable(WithHeader("042\t04\t1\t1.9\tCONSULT\tVisit\n"
                                        "042\t04\t1\t1.9\tCONSULT\tVisit\n"),
                             "t.tsv", &out);
  EXPECT_NE(s.message().find("twice"), std::string::npos);
  s = codes::ParseCameoTable("042\t04\t1\t1.9\tCONSULT\tVisit\n", "t.tsv",
                             &out);
  EXPECT_FALSE(s.ok());
  s = codes::ParseCameoTable("", "t.tsv", &out);
  EXPECT_FALSE(s.ok());
}

TEST(CameoTableTest, ParsesAWellFormedTable) {
  std::vector<CameoCode> out;
  Status s = codes::ParseCameoTable(
      "code\troot\tquad\tgoldstein\tplover\tname\r\n"
      "173\t17\t4\t-5.0\tCOERCE\tArrest\r\n"
      "04\t04\t1\t1.0\tCONSULT\tCONSULT\r\n",
      "t.tsv", &out);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].code, "04");
  EXPECT_EQ(out[1].name, "Arrest");
  EXPECT_DOUBLE_EQ(out[1].goldstein, -5.0);
}

}  // namespace
}  // namespace dyad
