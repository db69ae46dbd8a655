// The committed model, models/en_pos.dyad, against the held-out EWT test
// split: its accuracy must not fall below what models/README.md reports
// (minus 0.2 points of slack for a retrained model).
#include <gtest/gtest.h>

#include <filesystem>

#include "dyad/analyze.h"
#include "dyad/text.h"

namespace dyad {
namespace {

const std::filesystem::path kShared(DYAD_SHARED_DIR);
const std::filesystem::path kModel =
    std::filesystem::path(DYAD_SOURCE_DIR) / "models/en_pos.dyad";

// Measured with the committed model (models/README.md).
constexpr double kEwtTestUpos = 95.57;
constexpr double kEwtTestXpos = 95.05;
constexpr double kEwtTestLemma = 96.88;

class AnalyzeSharedTest : public testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::is_directory(kShared / "data/ud")) {
      GTEST_SKIP() << "shared data not found at " << kShared
                   << " (set DYAD_SHARED_DIR)";
    }
  }
};

TEST_F(AnalyzeSharedTest, EwtTestAccuracyHolds) {
  auto tagger = PosTagger::Load(kModel.string());
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  auto accuracy = EvaluatePosTagger(
      *tagger,
      (kShared / "data/ud/UD_English-EWT/en_ewt-ud-test.conllu").string());
  ASSERT_TRUE(accuracy.ok()) << accuracy.status().ToString();
  EXPECT_EQ(accuracy->words, 25094u);
  EXPECT_GE(accuracy->upos(), kEwtTestUpos - 0.2);
  EXPECT_GE(accuracy->xpos(), kEwtTestXpos - 0.2);
  EXPECT_GE(accuracy->lemma(), kEwtTestLemma - 0.2);
}

TEST_F(AnalyzeSharedTest, TagsANewsSentence) {
  auto tagger = PosTagger::Load(kModel.string());
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  Document doc;
  doc.text =
      "NATO Secretary-General Jens Stoltenberg visited Kyiv on Tuesday, "
      "and Russia\xE2\x80\x99s forces did not attack.";
  ASSERT_TRUE(AnalyzeText(&doc).ok());
  std::vector<TokenAnalysis> tagged = tagger->TagDocument(doc);
  ASSERT_EQ(tagged.size(), doc.tokens.size());
  std::vector<std::string> upos, lemmas;
  for (const TokenAnalysis& t : tagged) {
    upos.push_back(t.upos);
    lemmas.push_back(t.lemma);
  }
  // NATO Secretary-General Jens Stoltenberg visited Kyiv on Tuesday ,
  EXPECT_EQ(upos[0], "PROPN");
  EXPECT_EQ(upos[3], "PROPN");
  EXPECT_EQ(upos[4], "VERB");
  EXPECT_EQ(lemmas[4], "visit");
  EXPECT_EQ(upos[5], "PROPN");
  EXPECT_EQ(upos[6], "ADP");
  // and Russia 's forces did not attack .
  EXPECT_EQ(upos[9], "CCONJ");
  EXPECT_EQ(upos[11], "PART");  // possessive 's
  EXPECT_EQ(lemmas[12], "force");
  EXPECT_EQ(upos[13], "AUX");
  EXPECT_EQ(lemmas[13], "do");
  EXPECT_EQ(lemmas[14], "not");
  EXPECT_EQ(upos[15], "VERB");
  EXPECT_EQ(upos.back(), "PUNCT");
}

}  // namespace
}  // namespace dyad
