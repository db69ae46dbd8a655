#include "analyze/iob.h"

#include <gtest/gtest.h>

#include "analyze/iob_spans.h"

namespace dyad::analyze {
namespace {

TEST(IobTest, ReadsUnerColumnsAndComments) {
  auto sentences = ParseIob(
      "# sent_id = a-1\n# text = Jo went to Paris\n"
      "1\tJo\tB-PER\t-\tx\n2\twent\tO\t-\t-\n3\tto\tO\t-\t-\n"
      "4\tParis\tB-LOC\t-\tx\n\n"
      "1\tUN\tB-ORG\t-\t-\n",
      "t.iob2");
  ASSERT_TRUE(sentences.ok()) << sentences.status().ToString();
  ASSERT_EQ(sentences->size(), 2u);
  EXPECT_EQ((*sentences)[0].words,
            (std::vector<std::string>{"Jo", "went", "to", "Paris"}));
  EXPECT_EQ((*sentences)[0].tags,
            (std::vector<std::string>{"B-PER", "O", "O", "B-LOC"}));
  EXPECT_EQ((*sentences)[0].line, 3u);
  EXPECT_EQ((*sentences)[1].tags, (std::vector<std::string>{"B-ORG"}));
}

TEST(IobTest, ReadsWikigoldAndRe3dAndMapsTypes) {
  auto wiki = ParseIob(
      "-DOCSTART- O\n\nJohn I-PER\nSmith I-PER\nof O\nIBM I-ORG\n"
      "Irish I-MISC\n",
      "w.txt");
  ASSERT_TRUE(wiki.ok()) << wiki.status().ToString();
  ASSERT_EQ(wiki->size(), 1u);
  EXPECT_EQ((*wiki)[0].tags,
            (std::vector<std::string>{"I-PER", "I-PER", "O", "I-ORG", "O"}));
  auto re3d = ParseIob(
      "The\tO\nUS\tB-Location\nArmy\tB-Organisation\n#\tO\n1998\tB-Temporal\n",
      "r.conll");
  ASSERT_TRUE(re3d.ok()) << re3d.status().ToString();
  EXPECT_EQ((*re3d)[0].words.size(), 5u);
  EXPECT_EQ((*re3d)[0].tags,
            (std::vector<std::string>{"O", "B-LOC", "B-ORG", "O", "O"}));
}

TEST(IobTest, ErrorsNameFileAndLine) {
  auto missing = ParseIob("1\tJo\tB-PER\t-\t-\n2\tx\n", "bad.iob2");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kParseError);
  EXPECT_NE(missing.status().message().find("bad.iob2:2:"), std::string::npos)
      << missing.status().message();
  auto label = ParseIob("\n\nJo\tX-PER\n", "bad2.conll");
  ASSERT_FALSE(label.ok());
  EXPECT_NE(label.status().message().find("bad2.conll:3:"), std::string::npos)
      << label.status().message();
  auto absent = ReadIobFile("/nonexistent/dir/file.iob2");
  ASSERT_FALSE(absent.ok());
  EXPECT_EQ(absent.status().code(), StatusCode::kNotFound);
}

std::vector<EntitySpan> Spans(std::vector<std::string> tags) {
  return ExtractSpans(tags);
}

TEST(IobSpansTest, Bio) {
  EXPECT_EQ(
      Spans({"B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC"}),
      (std::vector<EntitySpan>{{0, 2, "PER"}, {3, 4, "LOC"}, {4, 6, "LOC"}}));
}

TEST(IobSpansTest, MalformedInsideWithoutBegin) {
  // conlleval: an I- after O, or after another type, starts an entity.
  EXPECT_EQ(
      Spans({"O", "I-ORG", "I-ORG", "I-PER", "O", "I-LOC"}),
      (std::vector<EntitySpan>{{1, 3, "ORG"}, {3, 4, "PER"}, {5, 6, "LOC"}}));
  EXPECT_EQ(Spans({"B-ORG", "I-LOC"}),
            (std::vector<EntitySpan>{{0, 1, "ORG"}, {1, 2, "LOC"}}));
}

TEST(IobSpansTest, BilouAndBack) {
  std::vector<std::string> bilou = {"U-PER", "B-ORG", "I-ORG", "L-ORG",
                                    "O",     "B-LOC", "L-LOC", "U-LOC"};
  std::vector<EntitySpan> spans = Spans(bilou);
  EXPECT_EQ(spans,
            (std::vector<EntitySpan>{
                {0, 1, "PER"}, {1, 4, "ORG"}, {5, 7, "LOC"}, {7, 8, "LOC"}}));
  EXPECT_EQ(SpansToBilou(spans, bilou.size()), bilou);
  // A malformed L- without B- is a one-word entity; IOBES letters work too.
  EXPECT_EQ(Spans({"L-PER", "S-ORG", "B-LOC", "E-LOC", "I-PER"}),
            (std::vector<EntitySpan>{
                {0, 1, "PER"}, {1, 2, "ORG"}, {2, 4, "LOC"}, {4, 5, "PER"}}));
  // An entity still open at the end of the sentence ends there.
  EXPECT_EQ(Spans({"O", "B-PER", "I-PER"}),
            (std::vector<EntitySpan>{{1, 3, "PER"}}));
}

// A reference decoder: walks the tags keeping the open span explicitly.
TEST(IobSpansTest, AgreesWithBilouRoundTripOnRandomSpans) {
  uint64_t state = 7;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<EntitySpan> spans;
    size_t at = 0;
    const char* types[] = {"PER", "ORG", "LOC"};
    for (int k = 0; k < 6; ++k) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      size_t gap = (state >> 33) % 3, length = 1 + (state >> 40) % 4;
      at += gap;
      spans.push_back({at, at + length, types[(state >> 50) % 3]});
      at += length;
    }
    EXPECT_EQ(ExtractSpans(SpansToBilou(spans, at + 1)), spans);
  }
}

}  // namespace
}  // namespace dyad::analyze
