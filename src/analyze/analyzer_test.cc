// The Analyzer with the committed models (models/): structure of its
// output, agreement with the models called directly, and its errors.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/analyze.h"
#include "dyad/text.h"

namespace dyad {
namespace {

// The committed models, or those of $DYAD_MODELS.
const std::string kModels = DefaultModelsDir();

const Analyzer& Full() {
  static const Analyzer* analyzer = [] {
    auto loaded = Analyzer::Load({.models_dir = kModels});
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return loaded.ok() ? new Analyzer(*loaded) : nullptr;
  }();
  return *analyzer;
}

Document Analyzed(std::string text) {
  Document doc;
  doc.doc_id = "t";
  doc.text = std::move(text);
  EXPECT_TRUE(AnalyzeText(&doc).ok());
  Status status = Full().AnalyzeDocument(&doc);
  EXPECT_TRUE(status.ok()) << status.ToString();
  return doc;
}

// Every parsed sentence is a tree: one root, heads inside the sentence,
// and every word reaches the root without a cycle.
void ExpectTrees(const Document& doc) {
  ASSERT_EQ(doc.analysis.size(), doc.tokens.size());
  for (const Sentence& s : doc.sentences) {
    EXPECT_TRUE(s.parsed);
    const int first = static_cast<int>(s.first_token);
    const int end = first + static_cast<int>(s.token_count);
    int roots = 0;
    for (int t = first; t < end; ++t) {
      const TokenAnalysis& a = doc.analysis[t];
      EXPECT_FALSE(a.upos.empty());
      EXPECT_FALSE(a.deprel.empty());
      if (a.head == -1) {
        ++roots;
        EXPECT_EQ(a.deprel, "root");
        continue;
      }
      EXPECT_GE(a.head, first);
      EXPECT_LT(a.head, end);
      EXPECT_NE(a.head, t);
      int steps = 0;
      for (int h = t; h != -1 && steps <= end - first; ++steps) {
        h = doc.analysis[h].head;
      }
      EXPECT_LE(steps, end - first) << "cycle through token " << t;
    }
    EXPECT_EQ(roots, 1);
  }
}

TEST(AnalyzerTest, TagsParsesAndFindsEntitiesInNews) {
  Document doc = Analyzed(
      "NATO Secretary-General Jens Stoltenberg visited Japan on Tuesday. "
      "He said China’s army was a threat to the region.");
  ASSERT_EQ(doc.sentences.size(), 2u);
  ExpectTrees(doc);
  // "visited" is the root verb of the first sentence.
  const size_t visited = 4;
  ASSERT_EQ(doc.Slice(doc.tokens[visited].span), "visited");
  EXPECT_EQ(doc.analysis[visited].upos, "VERB");
  EXPECT_EQ(doc.analysis[visited].lemma, "visit");
  EXPECT_EQ(doc.analysis[visited].head, -1);
  // The curly possessive is read as the straight one the models know.
  size_t possessive = 0;
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    if (doc.tokens[t].kind == TokenKind::kPossessive) possessive = t;
  }
  ASSERT_GT(possessive, 0u);
  EXPECT_EQ(doc.analysis[possessive].xpos, "POS");
  EXPECT_EQ(doc.analysis[possessive].deprel, "case");

  const std::set<std::string> types = {"PERSON", "ORG", "PLACE"};
  std::set<std::string> texts;
  for (const Entity& e : doc.entities) {
    EXPECT_EQ(e.text, doc.Slice(e.span));
    EXPECT_TRUE(types.count(e.type)) << e.type;
    texts.insert(e.text);
  }
  EXPECT_TRUE(texts.count("Jens Stoltenberg") || texts.count("Japan"))
      << "no entity among " << doc.entities.size();

  // Analyzing again changes nothing (sentences are marked parsed).
  const size_t entities = doc.entities.size();
  ASSERT_TRUE(Full().AnalyzeDocument(&doc).ok());
  EXPECT_EQ(doc.entities.size(), entities);
}

TEST(AnalyzerTest, AgreesWithTheModelsCalledDirectly) {
  // Gold-tokenized words, as `dyad analyze --pretokenized` reads them.
  const char conllu[] =
      "# sent_id = s1\n"
      "1\tThe\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tminister\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "3\tdid\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "4\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "5\tcondemn\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "6\tthe\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "7\tattack\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
      "8\t.\t_\t_\t_\t_\t_\t_\t_\t_\n";
  std::vector<Document> docs;
  ReadConlluDocuments(conllu, "s.conllu", [&](Result<Document> doc) {
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    docs.push_back(std::move(doc).value());
  });
  ASSERT_EQ(docs.size(), 1u);
  Document& doc = docs[0];
  ASSERT_TRUE(Full().AnalyzeDocument(&doc).ok());
  ExpectTrees(doc);

  auto tagger = PosTagger::Load(kModels + "/en_pos.dyad");
  auto parser = DependencyParser::Load(kModels + "/en_parse.dyad");
  ASSERT_TRUE(tagger.ok() && parser.ok());
  std::vector<std::string_view> words;
  for (const Token& t : doc.tokens) words.push_back(doc.Slice(t.span));
  std::vector<TokenAnalysis> tags = tagger->TagWords(words);
  std::vector<DependencyArc> arcs = parser->Parse(words, tags);
  ASSERT_EQ(arcs.size(), words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    EXPECT_EQ(doc.analysis[i].upos, tags[i].upos) << words[i];
    EXPECT_EQ(doc.analysis[i].lemma, tags[i].lemma) << words[i];
    EXPECT_EQ(doc.analysis[i].head + 1, arcs[i].head) << words[i];
    EXPECT_EQ(doc.analysis[i].deprel, arcs[i].deprel) << words[i];
  }
}

TEST(AnalyzerTest, TaggerAloneLeavesRelationsEmpty) {
  auto tagger_only = Analyzer::Load(
      {.models_dir = kModels, .parse = false, .entities = false});
  ASSERT_TRUE(tagger_only.ok()) << tagger_only.status().ToString();
  EXPECT_FALSE(tagger_only->has_parser());
  EXPECT_FALSE(tagger_only->has_entities());
  EXPECT_TRUE(Full().has_parser() && Full().has_entities());
  Document doc;
  doc.text = "Russia attacked Ukraine.";
  ASSERT_TRUE(AnalyzeText(&doc).ok());
  ASSERT_TRUE(tagger_only->AnalyzeSentence(&doc, 0).ok());
  ASSERT_EQ(doc.analysis.size(), 4u);
  for (const TokenAnalysis& a : doc.analysis) {
    EXPECT_FALSE(a.upos.empty());
    EXPECT_EQ(a.head, -1);
    EXPECT_TRUE(a.deprel.empty());
  }
  EXPECT_TRUE(doc.entities.empty());
  EXPECT_TRUE(doc.sentences[0].parsed);
}

TEST(AnalyzerTest, ReportsItsErrors) {
  auto missing = Analyzer::Load({.models_dir = "/no/such/models"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("/no/such/models/en_pos.dyad"),
            std::string::npos)
      << missing.status().message();

  EXPECT_EQ(Full().AnalyzeDocument(nullptr).code(),
            StatusCode::kInvalidArgument);
  Document doc;
  doc.text = "Short.";
  ASSERT_TRUE(AnalyzeText(&doc).ok());
  EXPECT_EQ(Full().AnalyzeSentence(&doc, 1).code(),
            StatusCode::kInvalidArgument);
  doc.tokens[0].span = {0, 99};  // damaged: runs past the text
  EXPECT_EQ(Full().AnalyzeSentence(&doc, 0).code(),
            StatusCode::kInvalidArgument);
  // An Analyzer not made by Load has no models: an error, not a crash.
  Document fresh;
  fresh.text = "Short.";
  ASSERT_TRUE(AnalyzeText(&fresh).ok());
  EXPECT_EQ(Analyzer().AnalyzeSentence(&fresh, 0).code(),
            StatusCode::kInvalidArgument);
  // A document without sentences is fine and gets no analysis.
  Document empty;
  EXPECT_TRUE(Full().AnalyzeDocument(&empty).ok());
  EXPECT_TRUE(empty.analysis.empty());
}

}  // namespace
}  // namespace dyad
