#include "analyze/conllu_document.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "analyze/conllu.h"
#include "dyad/analyze.h"

namespace dyad::analyze {
namespace {

// Three sentences: a multiword token with SpaceAfter=No on the range, a
// word-level SpaceAfter=No, a sentence without sent_id, and CRLF ends on
// the last one.
const char kTreebank[] =
    "# newdoc id = doc1\n"
    "# sent_id = doc1-0001\n"
    "# text = I don't know, Kim said.\n"
    "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t7\tccomp\t_\tSpaceAfter=No\n"
    "5\t,\t,\tPUNCT\t,\t_\t7\tpunct\t_\t_\n"
    "6\tKim\tKim\tPROPN\tNNP\t_\t7\tnsubj\t_\t_\n"
    "7\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "8\t.\t.\tPUNCT\t.\t_\t7\tpunct\t_\t_\n"
    "\n"
    "# sent_id = doc1-0002\n"
    "1\tLook\tlook\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "2-3\tKim's\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
    "2\tKim\tKim\tPROPN\tNNP\t_\t1\tobj\t_\t_\n"
    "3\t's\t's\tPART\tPOS\t_\t2\tcase\t_\t_\n"
    "4\t!\t!\tPUNCT\t.\t_\t1\tpunct\t_\t_\n"
    "\n"
    "1\t\"\t\"\tPUNCT\t``\t_\t2\tpunct\t_\tSpaceAfter=No\r\n"
    "2\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\r\n"
    "3\t\"\t\"\tPUNCT\t''\t_\t2\tpunct\t_\t_\r\n"
    "\r\n";

std::vector<Result<Document>> ReadAll(std::string_view text,
                                      std::string_view name) {
  std::vector<Result<Document>> out;
  size_t handed = ReadConlluDocuments(
      text, name, [&](Result<Document> doc) { out.push_back(std::move(doc)); });
  EXPECT_EQ(handed, out.size());
  return out;
}

// The reference: the words of a sentence and whether a space follows each,
// straight from the columns.
std::string ReferenceText(const ConlluSentence& sentence) {
  std::string text;
  for (size_t i = 0; i < sentence.words.size(); ++i) {
    const ConlluWord& word = sentence.words[i];
    text += word.form;
    bool space = word.misc.find("SpaceAfter=No") == std::string::npos;
    for (const ConlluMultiword& range : sentence.multiwords) {
      if (word.id >= range.first && word.id < range.last) space = false;
      if (word.id == range.last) {
        space = range.misc.find("SpaceAfter=No") == std::string::npos;
      }
    }
    if (space && i + 1 < sentence.words.size()) text += ' ';
  }
  return text;
}

TEST(ConlluDocumentTest, SentencesBecomeDocumentsWithTheirWords) {
  auto docs = ReadAll(kTreebank, "dir/tiny.conllu");
  ASSERT_EQ(docs.size(), 3u);
  for (const auto& doc : docs) ASSERT_TRUE(doc.ok()) << doc.status().ToString();

  const Document& first = *docs[0];
  EXPECT_EQ(first.doc_id, "doc1-0001");
  EXPECT_EQ(first.source, "dir/tiny.conllu");
  EXPECT_EQ(first.line, 1u);
  EXPECT_EQ(first.text, "I don't know, Kim said.");
  ASSERT_EQ(first.tokens.size(), 8u);
  ASSERT_EQ(first.sentences.size(), 1u);
  EXPECT_EQ(first.sentences[0].token_count, 8u);
  EXPECT_EQ(first.Slice(first.sentences[0].span), first.text);
  ASSERT_EQ(first.parts.size(), 1u);
  EXPECT_EQ(first.parts[0].kind, PartKind::kBody);
  EXPECT_TRUE(first.analysis.empty());
  EXPECT_EQ(first.Slice(first.tokens[1].span), "do");
  EXPECT_EQ(first.Slice(first.tokens[2].span), "n't");
  EXPECT_EQ(first.tokens[1].span.end, first.tokens[2].span.begin);
  EXPECT_EQ(first.tokens[5].upper, "KIM");
  EXPECT_EQ(first.tokens[7].kind, TokenKind::kSentenceEnd);
  EXPECT_EQ(first.tokens[4].kind, TokenKind::kPunct);

  EXPECT_EQ(docs[1]->doc_id, "doc1-0002");
  EXPECT_EQ(docs[1]->text, "Look Kim's!");
  EXPECT_EQ(docs[1]->tokens[2].kind, TokenKind::kPossessive);
  EXPECT_EQ(docs[1]->line, 14u);

  EXPECT_EQ(docs[2]->doc_id, "tiny-3");  // no sent_id: file stem and number
  EXPECT_EQ(docs[2]->text, "\"Yes\"");
  EXPECT_EQ(docs[2]->tokens[0].kind, TokenKind::kOpenQuote);
  EXPECT_EQ(docs[2]->tokens[2].kind, TokenKind::kCloseQuote);
  EXPECT_EQ(docs[2]->line, 21u);
}

TEST(ConlluDocumentTest, TextAndSpansAgreeWithAReferenceJoin) {
  auto sentences = ParseConllu(kTreebank, "tiny.conllu");
  ASSERT_TRUE(sentences.ok());
  auto docs = ReadAll(kTreebank, "tiny.conllu");
  ASSERT_EQ(docs.size(), sentences->size());
  for (size_t s = 0; s < docs.size(); ++s) {
    ASSERT_TRUE(docs[s].ok());
    const ConlluSentence& sentence = (*sentences)[s];
    EXPECT_EQ(docs[s]->text, ReferenceText(sentence));
    ASSERT_EQ(docs[s]->tokens.size(), sentence.words.size());
    for (size_t w = 0; w < sentence.words.size(); ++w) {
      EXPECT_EQ(docs[s]->Slice(docs[s]->tokens[w].span),
                sentence.words[w].form);
    }
  }
}

TEST(ConlluDocumentTest, RoundTripKeepsWordsSpacingAndIds) {
  auto gold = ParseConllu(kTreebank, "tiny.conllu");
  ASSERT_TRUE(gold.ok());
  std::string written;
  size_t index = 0;
  ReadConlluDocuments(kTreebank, "tiny.conllu", [&](Result<Document> doc) {
    ASSERT_TRUE(doc.ok());
    // Stand in for the Analyzer with the gold columns.
    const ConlluSentence& sentence = (*gold)[index++];
    for (const ConlluWord& word : sentence.words) {
      TokenAnalysis a;
      a.upos = word.upos;
      a.xpos = word.xpos;
      a.lemma = word.lemma;
      a.deprel = word.deprel;
      a.head = word.head == 0 ? -1 : word.head - 1;
      doc->analysis.push_back(a);
    }
    doc->sentences[0].parsed = true;
    AppendAnalyzedConllu(*doc, {.number_sentences = false}, &written);
  });
  auto reread = ParseConllu(written, "written.conllu");
  ASSERT_TRUE(reread.ok()) << reread.status().ToString() << "\n" << written;
  ASSERT_EQ(reread->size(), gold->size());
  auto again = ReadAll(written, "written.conllu");
  ASSERT_EQ(again.size(), gold->size());
  for (size_t s = 0; s < gold->size(); ++s) {
    const ConlluSentence& in = (*gold)[s];
    const ConlluSentence& out = (*reread)[s];
    EXPECT_EQ(out.sent_id, in.sent_id.empty() ? "tiny-3" : in.sent_id);
    EXPECT_TRUE(out.multiwords.empty());
    ASSERT_EQ(out.words.size(), in.words.size());
    for (size_t w = 0; w < in.words.size(); ++w) {
      EXPECT_EQ(out.words[w].form, in.words[w].form);
      EXPECT_EQ(out.words[w].head, in.words[w].head);
      EXPECT_EQ(out.words[w].deprel, in.words[w].deprel);
      EXPECT_EQ(out.words[w].upos, in.words[w].upos);
      EXPECT_EQ(out.words[w].lemma, in.words[w].lemma);
    }
    // Re-reading what was written gives back the same text.
    ASSERT_TRUE(again[s].ok());
    EXPECT_EQ(again[s]->text, ReferenceText(in));
  }
  EXPECT_NE(written.find("# text = I don't know, Kim said.\n"),
            std::string::npos);
  EXPECT_NE(written.find("2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\tSpaceAfter=No\n"),
            std::string::npos)
      << written;
}

TEST(ConlluDocumentTest, ABadSentenceIsReportedAndTheRestAreKept) {
  const std::string text =
      "# sent_id = a\n"
      "1\tOne\tone\tNUM\tCD\t_\t0\troot\t_\t_\n"
      "\n"
      "# sent_id = b\n"
      "1\tTwo\ttwo\tNUM\tCD\t_\t0\troot\t_\t_\n"
      "3\tthree\tthree\tNUM\tCD\t_\t1\tdep\t_\t_\n"  // line 6: ID out of order
      "\n"
      "# sent_id = c\n"
      "1\tbad\tbad\tADJ\tJJ\t_\t0\n"  // line 9: 7 columns
      "\n"
      "# sent_id = d\n"
      "1\t\tx\tX\tX\t_\t0\troot\t_\t_\n"  // line 12: empty FORM
      "\n"
      "# sent_id = e\n"
      "1\tFive\tfive\tNUM\tCD\t_\t0\troot\t_\t_\n";  // no final blank line
  auto docs = ReadAll(text, "batch.conllu");
  ASSERT_EQ(docs.size(), 5u);
  ASSERT_TRUE(docs[0].ok());
  EXPECT_EQ(docs[0]->doc_id, "a");
  ASSERT_FALSE(docs[1].ok());
  EXPECT_EQ(docs[1].status().code(), StatusCode::kParseError);
  EXPECT_EQ(docs[1].status().message().rfind("batch.conllu:6: ", 0), 0u)
      << docs[1].status().message();
  ASSERT_FALSE(docs[2].ok());
  EXPECT_EQ(docs[2].status().message().rfind("batch.conllu:9: ", 0), 0u)
      << docs[2].status().message();
  ASSERT_FALSE(docs[3].ok());
  EXPECT_EQ(docs[3].status().message().rfind("batch.conllu:11: ", 0), 0u)
      << docs[3].status().message();
  EXPECT_NE(docs[3].status().message().find("empty FORM"), std::string::npos);
  ASSERT_TRUE(docs[4].ok());
  EXPECT_EQ(docs[4]->doc_id, "e");
  EXPECT_EQ(docs[4]->text, "Five");
  EXPECT_EQ(docs[4]->line, 14u);
}

TEST(ConlluDocumentTest, CommentOnlyBlocksAndBlankRunsAreNotSentences) {
  auto docs = ReadAll(
      "\n\n# newdoc id = x\n\n\n# sent_id = s\n"
      "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n\n",
      "-");
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_TRUE(docs[0].ok());
  EXPECT_EQ(docs[0]->doc_id, "s");
  EXPECT_EQ(docs[0]->line, 6u);
  EXPECT_EQ(docs[0]->source, "-");
  EXPECT_TRUE(ReadAll("", "empty.conllu").empty());
  auto unnamed = ReadAll("1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n", "-");
  ASSERT_EQ(unnamed.size(), 1u);
  EXPECT_EQ(unnamed[0]->doc_id, "stdin-1");
}

TEST(ConlluDocumentTest, MissingFilesAndDirectoriesAreRefused) {
  int calls = 0;
  auto sink = [&](Result<Document>) { ++calls; };
  Status missing = ReadConlluDocumentsFile("/no/such/file.conllu", sink);
  EXPECT_EQ(missing.code(), StatusCode::kNotFound);
  EXPECT_NE(missing.message().find("/no/such/file.conllu"), std::string::npos);
  std::string dir = std::filesystem::temp_directory_path().string();
  EXPECT_EQ(ReadConlluDocumentsFile(dir, sink).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(calls, 0);
}

TEST(ConlluDocumentTest, SpacesAfterGivesBackTheWhitespace) {
  auto docs = ReadAll(
      "1\tnot\t_\t_\t_\t_\t_\t_\t_\tSpacesAfter=\\u00A0\n"
      "2\tyet\t_\t_\t_\t_\t_\t_\t_\tFoo=1|SpacesAfter=\\s\\s|Bar=2\n"
      "3\tdone\t_\t_\t_\t_\t_\t_\t_\tSpacesAfter=\\n\n"
      "4\t!\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=Yes\n",
      "spaces.conllu");
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_TRUE(docs[0].ok()) << docs[0].status().ToString();
  EXPECT_EQ(docs[0]->text, "not\xC2\xA0yet  done\n!");
  EXPECT_EQ(docs[0]->Slice(docs[0]->tokens[3].span), "!");

  // Written back, the same attributes come out.
  Document& doc = *docs[0];
  std::string out;
  AppendAnalyzedConllu(doc, {.number_sentences = false}, &out);
  EXPECT_NE(out.find("\tSpacesAfter=\\u00A0\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\tSpacesAfter=\\s\\s\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\tSpacesAfter=\\n\n"), std::string::npos) << out;
  auto again = ReadAll(out, "out.conllu");
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0]->text, doc.text);
}

TEST(ConlluDocumentTest, SpacesAfterEscapesRoundTrip) {
  std::string escaped;
  EXPECT_FALSE(EscapeSpacesAfter("", &escaped));
  EXPECT_FALSE(EscapeSpacesAfter(" ", &escaped));
  EXPECT_TRUE(escaped.empty());
  ASSERT_TRUE(EscapeSpacesAfter(" \t\r\n|\\", &escaped));
  EXPECT_EQ(escaped, "\\s\\t\\r\\n\\p\\\\");
  ASSERT_TRUE(EscapeSpacesAfter("\xE2\x80\x83\x01", &escaped));  // em space
  EXPECT_EQ(escaped, "\\u2003\\u0001");
  for (std::string gap : {"  ", "\n\n", "\xC2\xA0", " \t|\\x", "\r\n "}) {
    ASSERT_TRUE(EscapeSpacesAfter(gap, &escaped));
    EXPECT_EQ(escaped.find_first_of("\t\n\r| "), std::string::npos) << gap;
    EXPECT_EQ(UnescapeSpacesAfter(escaped), gap) << escaped;
  }
  EXPECT_EQ(UnescapeSpacesAfter("\\q\\u12"), "\\q\\u12");  // kept as written
}

TEST(ConlluDocumentTest, GuessesTokenKindsFromCharacters) {
  EXPECT_EQ(GuessTokenKind(".", true), TokenKind::kSentenceEnd);
  EXPECT_EQ(GuessTokenKind("?!", true), TokenKind::kSentenceEnd);
  EXPECT_EQ(GuessTokenKind("...", true), TokenKind::kPunct);
  EXPECT_EQ(GuessTokenKind("800,000", true), TokenKind::kNumber);
  EXPECT_EQ(GuessTokenKind("3.5", true), TokenKind::kNumber);
  EXPECT_EQ(GuessTokenKind("1990s", true), TokenKind::kWord);
  EXPECT_EQ(GuessTokenKind("3.", true), TokenKind::kWord);
  EXPECT_EQ(GuessTokenKind("U.S.", true), TokenKind::kWord);
  EXPECT_EQ(GuessTokenKind("Zürich", true), TokenKind::kWord);
  EXPECT_EQ(GuessTokenKind("\xE2\x80\x99s", false), TokenKind::kPossessive);
  EXPECT_EQ(GuessTokenKind("\xE2\x80\x9C", false), TokenKind::kOpenQuote);
  EXPECT_EQ(GuessTokenKind("\xE2\x80\x9D", true), TokenKind::kCloseQuote);
  EXPECT_EQ(GuessTokenKind("\"", true), TokenKind::kOpenQuote);
  EXPECT_EQ(GuessTokenKind("\"", false), TokenKind::kCloseQuote);
  EXPECT_EQ(GuessTokenKind("\xE2\x80\x94", true), TokenKind::kPunct);  // —
  EXPECT_EQ(GuessTokenKind("$", true), TokenKind::kSymbol);
  EXPECT_EQ(GuessTokenKind("\xE2\x82\xAC", true), TokenKind::kSymbol);  // €
}

}  // namespace
}  // namespace dyad::analyze
