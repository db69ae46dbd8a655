#include "analyze/conllu.h"

#include <gtest/gtest.h>

namespace dyad::analyze {
namespace {

constexpr char kSentence[] =
    "# newdoc id = doc1\n"
    "# sent_id = doc1-1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\tCase=Nom\t3\tnsubj\t3:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "3.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t4:conj\tCopyOf=4\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n"
    "# sent_id = doc1-2\n"
    "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\t_\n"
    "\n";

// Reference check of one error: the message names the file and the line.
void ExpectError(std::string_view text, std::string_view where) {
  auto result = ParseConllu(text, "x.conllu");
  ASSERT_FALSE(result.ok()) << text;
  EXPECT_EQ(result.status().code(), StatusCode::kParseError);
  EXPECT_NE(result.status().message().find(where), std::string::npos)
      << result.status().message();
}

TEST(ConlluTest, ReadsWordsMultiwordsAndSkipsEmptyNodes) {
  auto result = ParseConllu(kSentence, "x.conllu");
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result->size(), 2u);
  const ConlluSentence& s = (*result)[0];
  EXPECT_EQ(s.sent_id, "doc1-1");
  EXPECT_EQ(s.newdoc_id, "doc1");
  EXPECT_EQ(s.line, 1);
  ASSERT_EQ(s.comments.size(), 3u);
  EXPECT_EQ(s.comments[2], "text = I don't know.");
  ASSERT_EQ(s.words.size(), 5u);
  EXPECT_EQ(s.words[2].form, "n't");
  EXPECT_EQ(s.words[2].lemma, "not");
  EXPECT_EQ(s.words[2].upos, "PART");
  EXPECT_EQ(s.words[2].xpos, "RB");
  EXPECT_EQ(s.words[2].head, 4);
  EXPECT_EQ(s.words[3].form, "know");
  EXPECT_EQ(s.words[3].id, 4);
  EXPECT_EQ(s.words[3].head, 0);
  EXPECT_EQ(s.words[3].misc, "SpaceAfter=No");
  EXPECT_EQ(s.words[1].feats, "");  // "_" reads as empty
  ASSERT_EQ(s.multiwords.size(), 1u);
  EXPECT_EQ(s.multiwords[0].first, 2);
  EXPECT_EQ(s.multiwords[0].last, 3);
  EXPECT_EQ(s.multiwords[0].form, "don't");
  const ConlluSentence& t = (*result)[1];
  EXPECT_EQ(t.newdoc_id, "doc1");  // carried over from the document start
  EXPECT_EQ(t.line, 12);
  ASSERT_EQ(t.words.size(), 1u);
  EXPECT_EQ(t.words[0].lemma, "yes");
}

TEST(ConlluTest, AcceptsCrlfAndMissingFinalBlankLine) {
  auto result = ParseConllu(
      "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\r\n"
      "2\t!\t!\tPUNCT\t.\t_\t1\tpunct\t_\t_",
      "x.conllu");
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(result->size(), 1u);
  ASSERT_EQ((*result)[0].words.size(), 2u);
  EXPECT_EQ((*result)[0].words[0].misc, "");
  EXPECT_EQ((*result)[0].words[1].form, "!");
  EXPECT_EQ((*result)[0].words[0].deps, "");
}

TEST(ConlluTest, UnderscoreWordKeepsUnderscoreLemma) {
  auto result =
      ParseConllu("1\t_\t_\tSYM\tNFP\t_\t0\troot\t_\t_\n\n", "x.conllu");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ((*result)[0].words[0].form, "_");
  EXPECT_EQ((*result)[0].words[0].lemma, "_");
}

TEST(ConlluTest, EmptyInputHasNoSentences) {
  auto result = ParseConllu("", "x.conllu");
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->empty());
}

TEST(ConlluTest, ErrorsNameFileAndLine) {
  ExpectError("1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\n", "x.conllu:1:");
  ExpectError("1\tA\ta\tX\tX\t_\t0\troot\t_\t_\t_\n", "x.conllu:1: more");
  ExpectError(
      "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n"
      "3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n",
      "x.conllu:2: word ID 3 out of order");
  ExpectError("1\tA\ta\tX\tX\t_\tzero\troot\t_\t_\n", "x.conllu:1: bad HEAD");
  ExpectError("x\tA\ta\tX\tX\t_\t0\troot\t_\t_\n", "x.conllu:1: bad word ID");
  ExpectError("1-1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n", "x.conllu:1: bad multiword");
  ExpectError(
      "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n"
      "3-4\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n",
      "x.conllu:2: multiword range '3-4' does not start");
  ExpectError(
      "1-2\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n\n",
      "x.conllu:2: multiword range 1-2 goes past");
  ExpectError("1\tA\ta\tX\tX\t_\t5\troot\t_\t_\n\n", "x.conllu:1: HEAD 5");
  ExpectError("1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n# late\n",
              "x.conllu:2: comment line inside");
  ExpectError(
      "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n1.x\tB\tb\tX\tX\t_\t_\t_\t_\t_\n",
      "x.conllu:2: bad empty-node ID");
}

TEST(ConlluTest, WriterRoundTrips) {
  auto first = ParseConllu(kSentence, "x.conllu");
  ASSERT_TRUE(first.ok());
  std::string written;
  for (const ConlluSentence& s : *first) AppendConllu(s, &written);
  // Everything but the empty node survives, byte for byte.
  std::string expected = kSentence;
  size_t empty_node = expected.find("3.1\t");
  expected.erase(empty_node, expected.find('\n', empty_node) + 1 - empty_node);
  EXPECT_EQ(written, expected);
  auto second = ParseConllu(written, "y.conllu");
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->size(), first->size());
  EXPECT_EQ((*second)[0].words.size(), (*first)[0].words.size());
}

TEST(ConlluTest, MissingFileIsNotFound) {
  auto result = ReadConlluFile("/nonexistent/dyad/x.conllu");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kNotFound);
  EXPECT_NE(result.status().message().find("/nonexistent/dyad/x.conllu"),
            std::string::npos);
}

}  // namespace
}  // namespace dyad::analyze
