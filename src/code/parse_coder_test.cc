// The coder's parse path, on sentences whose dependency trees are written
// out by hand (so the tests do not depend on a trained parser): who did
// what to whom comes from the tree, and a sentence without a usable parse
// goes to the sparse path.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "dyad/coder.h"

namespace dyad {
namespace {

using Triple = std::tuple<std::string, std::string, std::string>;

// One token of a hand-written tree: "Gondor 3 nsubj PROPN NNP".
struct TreeToken {
  std::string word;
  int head;  // 1-based, 0 for the root
  std::string deprel, upos, xpos;
};

// Parses "word head deprel upos xpos; word head ..." into TreeTokens.
std::vector<TreeToken> ReadTree(const std::string& spec) {
  std::vector<TreeToken> out;
  std::stringstream all(spec);
  std::string item;
  while (std::getline(all, item, ';')) {
    std::stringstream one(item);
    TreeToken t;
    if (one >> t.word >> t.head >> t.deprel >> t.upos >> t.xpos)
      out.push_back(t);
  }
  return out;
}

// A document of one sentence whose tokens are the tree's words.
Document MakeDoc(const std::vector<TreeToken>& tree) {
  Document doc;
  doc.published = "1995-01-01";
  for (const TreeToken& t : tree) {
    if (!doc.text.empty()) doc.text += ' ';
    Token token;
    token.span.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += t.word;
    token.span.end = static_cast<uint32_t>(doc.text.size());
    token.kind = t.word == "."   ? TokenKind::kSentenceEnd
                 : t.word == "," ? TokenKind::kPunct
                                 : TokenKind::kWord;
    for (char c : t.word)
      token.upper +=
          static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    doc.tokens.push_back(token);
  }
  Sentence s;
  s.span = Span{0, static_cast<uint32_t>(doc.text.size())};
  s.token_count = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(s);
  return doc;
}

// Gives the coder the hand-written tree when it asks, and counts the asks.
class TreeParser : public SentenceParser {
 public:
  explicit TreeParser(std::vector<TreeToken> tree, bool fail = false)
      : tree_(std::move(tree)), fail_(fail) {}
  Status ParseSentence(Document* doc, size_t index) const override {
    ++asked_;
    if (fail_) return Internal("parser unavailable");
    doc->analysis.resize(doc->tokens.size());
    for (size_t i = 0; i < tree_.size(); ++i) {
      TokenAnalysis& a = doc->analysis[i];
      a.upos = tree_[i].upos;
      a.xpos = tree_[i].xpos;
      a.lemma = tree_[i].word;
      for (char& c : a.lemma)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      a.head = tree_[i].head - 1;
      a.deprel = tree_[i].deprel;
    }
    doc->sentences[index].parsed = true;
    return Status::Ok();
  }
  int asked() const { return asked_; }

 private:
  std::vector<TreeToken> tree_;
  bool fail_;
  mutable int asked_ = 0;
};

class ParseCoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto dir = std::filesystem::temp_directory_path() /
               ("dyad_parse_coder_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto write = [&](const char* name, const char* text) {
      std::string p = (dir / name).string();
      std::ofstream(p) << text;
      return p;
    };
    auto lex = std::make_shared<Lexicon>();
    ASSERT_TRUE(LoadTabariActors(write("t.actors",
                                       "ARNOR [ARN]\nGONDOR [GON]\n"
                                       "ROHAN [ROH]\nOSGILIATH [OSG]\n"),
                                 lex.get())
                    .ok());
    ASSERT_TRUE(LoadTabariVerbs(write("t.verbs",
                                      "CONDEMN [122]\nURGE [020]\n"
                                      "RESTOR [064]\n- * DIPLOMATIC [064]\n"
                                      "- * TRADE [065]\nVISIT [042]\n"),
                                lex.get())
                    .ok());
    lex->options.minimum_words = 0;
    std::filesystem::remove_all(dir);
    coder_ = new Coder(lex);
  }
  static void TearDownTestSuite() { delete coder_; }

  // Codes the tree's sentence through the parse path; `rules` collects the
  // events' rules.
  std::set<Triple> Code(const std::string& spec,
                        std::vector<std::string>* rules = nullptr,
                        bool parser_fails = false) {
    std::vector<TreeToken> tree = ReadTree(spec);
    Document doc = MakeDoc(tree);
    TreeParser parser(tree, parser_fails);
    CoderContext context;
    EXPECT_TRUE(coder_->Code(&doc, &context, &parser).ok());
    std::set<Triple> got;
    for (const Event& e : doc.events) {
      got.insert({e.source.code, e.target.code, e.cameo});
      if (rules) rules->push_back(e.rule);
    }
    return got;
  }

  static Coder* coder_;
};
Coder* ParseCoderTest::coder_ = nullptr;

TEST_F(ParseCoderTest, SubjectAndObjectFromTheTree) {
  std::vector<std::string> rules;
  EXPECT_EQ(Code("Arnor 2 nsubj PROPN NNP; condemned 0 root VERB VBD;"
                 "Rohan 2 obj PROPN NNP; . 2 punct PUNCT .",
                 &rules),
            (std::set<Triple>{{"ARN", "ROH", "122"}}));
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0], "parse verbs:CONDEMN/122");
}

TEST_F(ParseCoderTest, ConjoinedSubjectsGiveOneEventEach) {
  EXPECT_EQ(Code("Arnor 4 nsubj PROPN NNP; and 3 cc CCONJ CC;"
                 "Gondor 1 conj PROPN NNP; condemned 0 root VERB VBD;"
                 "Rohan 4 obj PROPN NNP; . 4 punct PUNCT ."),
            (std::set<Triple>{{"ARN", "ROH", "122"}, {"GON", "ROH", "122"}}));
}

TEST_F(ParseCoderTest, PassiveAgentIsTheSource) {
  EXPECT_EQ(Code("Rohan 3 nsubj:pass PROPN NNP; was 3 aux:pass AUX VBD;"
                 "condemned 0 root VERB VBN; by 5 case ADP IN;"
                 "Arnor 3 obl:agent PROPN NNP; . 3 punct PUNCT ."),
            (std::set<Triple>{{"ARN", "ROH", "122"}}));
}

TEST_F(ParseCoderTest, NegatedAndModalVerbsAreNotTheEvent) {
  EXPECT_TRUE(Code("Arnor 4 nsubj PROPN NNP; did 4 aux AUX VBD;"
                   "not 4 advmod PART RB; condemn 0 root VERB VB;"
                   "Rohan 4 obj PROPN NNP; . 4 punct PUNCT .")
                  .empty());
  EXPECT_TRUE(Code("Arnor 3 nsubj PROPN NNP; could 3 aux AUX MD;"
                   "condemn 0 root VERB VB; Rohan 3 obj PROPN NNP;"
                   ". 3 punct PUNCT .")
                  .empty());
}

TEST_F(ParseCoderTest, RelativeClauseActsThroughItsNoun) {
  // "Osgiliath welcomed Gondor, which condemned Rohan."
  EXPECT_EQ(Code("Osgiliath 2 nsubj PROPN NNP; welcomed 0 root VERB VBD;"
                 "Gondor 2 obj PROPN NNP; , 3 punct PUNCT ,;"
                 "which 6 nsubj PRON WDT; condemned 3 acl:relcl VERB VBD;"
                 "Rohan 6 obj PROPN NNP; . 2 punct PUNCT ."),
            (std::set<Triple>{{"GON", "ROH", "122"}}));
}

TEST_F(ParseCoderTest, AnAppealIsToTheOneAskedNotItsContent) {
  // "Arnor urged Gondor to condemn Rohan": an appeal by Arnor to Gondor;
  // the condemnation has not happened.
  EXPECT_EQ(Code("Arnor 2 nsubj PROPN NNP; urged 0 root VERB VBD;"
                 "Gondor 2 obj PROPN NNP; to 5 mark PART TO;"
                 "condemn 2 xcomp VERB VB; Rohan 5 obj PROPN NNP;"
                 ". 2 punct PUNCT ."),
            (std::set<Triple>{{"ARN", "GON", "020"}}));
}

TEST_F(ParseCoderTest, ConjoinedObjectsMatchTheirOwnPatterns) {
  EXPECT_EQ(Code("Arnor 2 nsubj PROPN NNP; restored 0 root VERB VBD;"
                 "diplomatic 4 amod ADJ JJ; ties 2 obj NOUN NNS;"
                 "and 6 cc CCONJ CC; trade 4 conj NOUN NN;"
                 "with 8 case ADP IN; Gondor 2 obl PROPN NNP;"
                 ". 2 punct PUNCT ."),
            (std::set<Triple>{{"ARN", "GON", "064"}, {"ARN", "GON", "065"}}));
}

TEST_F(ParseCoderTest, NominalEventTakesThePossessorAsSource) {
  // "Arnor welcomed Rohan's visit to Gondor": Rohan visited Gondor.
  std::set<Triple> got = Code(
      "Arnor 2 nsubj PROPN NNP; welcomed 0 root VERB VBD;"
      "Rohan 5 nmod:poss PROPN NNP; 's 3 case PART POS;"
      "visit 2 obj NOUN NN; to 7 case ADP IN; Gondor 5 nmod PROPN NNP;"
      ". 2 punct PUNCT .");
  EXPECT_TRUE(got.count({"ROH", "GON", "042"})) << got.size();
}

TEST_F(ParseCoderTest, APronounBackToTheGoverningSubjectIsNotTheActor) {
  // "Rohan condemned his visit to Gondor": "his" is not Rohan (read back to
  // the nearest actor, it would be), so no visit by Rohan is coded; the
  // condemnation reaches Gondor past the pronoun.
  std::set<Triple> got = Code(
      "Rohan 2 nsubj PROPN NNP; condemned 0 root VERB VBD;"
      "his 4 nmod:poss PRON PRP$; visit 2 obj NOUN NN; to 6 case ADP IN;"
      "Gondor 4 nmod PROPN NNP; . 2 punct PUNCT .");
  EXPECT_EQ(got.count({"ROH", "GON", "042"}), 0u);
  EXPECT_EQ(got.count({"ROH", "GON", "122"}), 1u);
}

TEST_F(ParseCoderTest, WithoutAParseTheSparsePathCodes) {
  std::vector<std::string> rules;
  EXPECT_EQ(Code("Arnor 2 nsubj PROPN NNP; condemned 0 root VERB VBD;"
                 "Rohan 2 obj PROPN NNP; . 2 punct PUNCT .",
                 &rules, /*parser_fails=*/true),
            (std::set<Triple>{{"ARN", "ROH", "122"}}));
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0], "sparse verbs:CONDEMN/122");
  // A tree that reads the dictionary verb as neither verb nor noun is a
  // sentence that did not parse.
  rules.clear();
  EXPECT_EQ(Code("Arnor 2 nsubj PROPN NNP; condemned 0 root ADJ JJ;"
                 "Rohan 2 obj PROPN NNP; . 2 punct PUNCT .",
                 &rules),
            (std::set<Triple>{{"ARN", "ROH", "122"}}));
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0], "sparse verbs:CONDEMN/122");
}

TEST_F(ParseCoderTest, OnlySentencesWithTwoPartiesAreParsed) {
  std::vector<TreeToken> tree = ReadTree(
      "Arnor 2 nsubj PROPN NNP; condemned 0 root VERB VBD;"
      "the 4 det DET DT; plan 2 obj NOUN NN; . 2 punct PUNCT .");
  Document doc = MakeDoc(tree);
  TreeParser parser(tree);
  CoderContext context;
  ASSERT_TRUE(coder_->Code(&doc, &context, &parser).ok());
  EXPECT_EQ(parser.asked(), 0);
  EXPECT_FALSE(doc.sentences[0].parsed);
}

}  // namespace
}  // namespace dyad
