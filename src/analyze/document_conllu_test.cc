#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyze/conllu.h"
#include "dyad/analyze.h"
#include "dyad/text.h"

namespace dyad {
namespace {

TokenAnalysis Tagged(std::string upos, std::string xpos, std::string lemma,
                     int32_t head, std::string deprel) {
  TokenAnalysis a;
  a.upos = std::move(upos);
  a.xpos = std::move(xpos);
  a.lemma = std::move(lemma);
  a.head = head;
  a.deprel = std::move(deprel);
  return a;
}

Entity EntityAt(const Document& doc, uint32_t begin, uint32_t end,
                std::string type) {
  Entity e;
  e.span = {begin, end};
  e.text = std::string(doc.Slice(e.span));
  e.type = std::move(type);
  return e;
}

// Two sentences as AnalyzeText splits them, with a hand-made analysis (heads
// are document token indices, -1 for the roots) and entities.
Document Story() {
  Document doc;
  doc.doc_id = "story";
  doc.text = "NATO chief Jens Stoltenberg visited Japan. He left.";
  EXPECT_TRUE(AnalyzeText(&doc).ok());
  EXPECT_EQ(doc.tokens.size(), 10u);
  EXPECT_EQ(doc.sentences.size(), 2u);
  doc.analysis = {
      Tagged("PROPN", "NNP", "NATO", 1, "compound"),
      Tagged("NOUN", "NN", "chief", 4, "nsubj"),
      Tagged("PROPN", "NNP", "Jens", 1, "appos"),
      Tagged("PROPN", "NNP", "Stoltenberg", 2, "flat"),
      Tagged("VERB", "VBD", "visit", -1, "root"),
      Tagged("PROPN", "NNP", "Japan", 4, "obj"),
      Tagged("PUNCT", ".", ".", 4, "punct"),
      Tagged("PRON", "PRP", "he", 8, "nsubj"),
      Tagged("VERB", "VBD", "leave", -1, "root"),
      Tagged("PUNCT", ".", ".", 8, "punct"),
  };
  for (Sentence& s : doc.sentences) s.parsed = true;
  doc.entities = {EntityAt(doc, 0, 4, "ORG"), EntityAt(doc, 11, 27, "PERSON"),
                  EntityAt(doc, 36, 41, "PLACE"),
                  // Overlaps PERSON: left out rather than half-marked.
                  EntityAt(doc, 16, 35, "ORG")};
  EXPECT_EQ(doc.entities[1].text, "Jens Stoltenberg");
  EXPECT_EQ(doc.entities[2].text, "Japan");
  return doc;
}

TEST(DocumentConlluTest, WritesHeadsRelationsAndEntities) {
  Document doc = Story();
  std::string out;
  AppendAnalyzedConllu(doc, {}, &out);
  EXPECT_EQ(out,
            "# sent_id = story-1\n"
            "# text = NATO chief Jens Stoltenberg visited Japan.\n"
            "1\tNATO\tNATO\tPROPN\tNNP\t_\t2\tcompound\t_\tNE=B-ORG\n"
            "2\tchief\tchief\tNOUN\tNN\t_\t5\tnsubj\t_\t_\n"
            "3\tJens\tJens\tPROPN\tNNP\t_\t2\tappos\t_\tNE=B-PERSON\n"
            "4\tStoltenberg\tStoltenberg\tPROPN\tNNP\t_\t3\tflat\t_\t"
            "NE=I-PERSON\n"
            "5\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
            "6\tJapan\tJapan\tPROPN\tNNP\t_\t5\tobj\t_\t"
            "NE=B-PLACE|SpaceAfter=No\n"
            "7\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n"
            "\n"
            "# sent_id = story-2\n"
            "# text = He left.\n"
            "1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
            "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
            "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
            "\n");
  auto reread = analyze::ParseConllu(out, "out.conllu");
  ASSERT_TRUE(reread.ok()) << reread.status().ToString();
  EXPECT_EQ(reread->size(), 2u);
}

TEST(DocumentConlluTest, OptionsAndUnparsedTokens) {
  Document doc = Story();
  // A token the parser did not reach has no relation: HEAD and DEPREL "_".
  doc.analysis[9].deprel.clear();
  doc.analysis[9].head = -1;
  doc.analysis.resize(9 + 1);
  std::string out;
  AppendAnalyzedConllu(doc, {.number_sentences = false, .entities = false},
                       &out);
  EXPECT_NE(out.find("# sent_id = story\n# text = NATO"), std::string::npos);
  EXPECT_EQ(out.find("NE="), std::string::npos);
  EXPECT_NE(out.find("3\t.\t.\tPUNCT\t.\t_\t_\t_\t_\t_\n"), std::string::npos)
      << out;
  // Without analysis every tag column is "_"; spacing is still written.
  doc.analysis.clear();
  out.clear();
  AppendAnalyzedConllu(doc, {}, &out);
  EXPECT_NE(out.find("6\tJapan\t_\t_\t_\t_\t_\t_\t_\t"
                     "NE=B-PLACE|SpaceAfter=No\n"),
            std::string::npos)
      << out;
}

TEST(DocumentConlluTest, OtherWhitespaceThanOneSpaceIsSpelledOut) {
  Document doc;
  doc.doc_id = "wrapped";
  doc.text = "Troops  crossed\nthe border.";
  ASSERT_TRUE(AnalyzeText(&doc).ok());
  ASSERT_EQ(doc.sentences.size(), 1u);
  std::string out;
  AppendAnalyzedConllu(doc, {}, &out);
  EXPECT_NE(out.find("# text = Troops  crossed the border.\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("1\tTroops\t_\t_\t_\t_\t_\t_\t_\tSpacesAfter=\\s\\s\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("2\tcrossed\t_\t_\t_\t_\t_\t_\t_\tSpacesAfter=\\n\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("3\tthe\t_\t_\t_\t_\t_\t_\t_\t_\n"), std::string::npos);
}

TEST(DocumentConlluTest, TaggerOnlyWriterKeepsHeadsEmpty) {
  Document doc = Story();
  std::string out;
  AppendDocumentConllu(doc, doc.analysis, &out);
  EXPECT_NE(out.find("1\tNATO\tNATO\tPROPN\tNNP\t_\t_\t_\t_\t_\n"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("NE="), std::string::npos);
  EXPECT_NE(out.find("# sent_id = story-2\n"), std::string::npos);
}

}  // namespace
}  // namespace dyad
