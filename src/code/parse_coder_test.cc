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
#include "dyad/petrarch_lexicon.h"

namespace dyad {
namespace {

using Triple = std::tuple<std::string, std::string, std::string>;

// One token of a hand-written tree: "Gondor 3 nsubj PROPN NNP", or
// "efforts/effort 2 obj NOUN NNS" to give a lemma other than the lower-case
// word.
struct TreeToken {
  std::string word, lemma;
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
    if (one >> t.word >> t.head >> t.deprel >> t.upos >> t.xpos) {
      size_t slash = t.word.find('/');
      if (slash != std::string::npos && slash > 0) {
        t.lemma = t.word.substr(slash + 1);
        t.word = t.word.substr(0, slash);
      }
      out.push_back(t);
    }
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
      a.lemma = tree_[i].lemma.empty() ? tree_[i].word : tree_[i].lemma;
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

// The CAMEO codes `coder` gives `words` (separated by single spaces) on
// the sparse path: the parser fails, so word order alone codes them.
std::set<std::string> CodesInWordOrder(const Coder& coder,
                                       const std::string& words) {
  std::string spec;
  for (size_t start = 0; start < words.size();) {
    size_t end = words.find(' ', start);
    if (end == std::string::npos) end = words.size();
    spec += words.substr(start, end - start) + " 0 dep X X;";
    start = end + 1;
  }
  std::vector<TreeToken> tree = ReadTree(spec);
  Document doc = MakeDoc(tree);
  TreeParser parser(tree, /*fail=*/true);
  CoderContext context;
  EXPECT_TRUE(coder.Code(&doc, &context, &parser).ok());
  std::set<std::string> codes;
  for (const Event& e : doc.events) codes.insert(e.cameo);
  return codes;
}

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
                                       "ROHAN [ROH]\nOSGILIATH [OSG]\n"
                                       "ARAGORN [ARN]\n"),
                                 lex.get())
                    .ok());
    ASSERT_TRUE(LoadTabariAgents(write("t.agents",
                                       "PRESIDENT [~GOV]\nMEDIA [~MED]\n"
                                       "GOVERNMENT [~GOV]\nMINISTER [~GOV]\n"),
                                 lex.get())
                    .ok());
    ASSERT_TRUE(LoadTabariVerbs(write("t.verbs",
                                      "CONDEMN [122]\nURGE [020]\n"
                                      "RESTOR [064]\n- * DIPLOMATIC [064]\n"
                                      "- * TRADE [065]\nVISIT [042]\n"
                                      "CLASH [110]\nSAID [010]\n"
                                      "ABANDON [120]\n- * EFFORT [080]\n"
                                      "SIGN [057]\n- * TO SUPPLY [057]\n"
                                      "- * ACCORD [056]\n"),
                                lex.get())
                    .ok());
    lex->options.minimum_words = 0;
    // As a coding ontology would say: not disapproving is cooperating.
    lex->negated_codes["110"] = "050";
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

TEST_F(ParseCoderTest, ANegatedVerbTakesTheCodeTheLexiconGivesItsNegation) {
  std::vector<std::string> rules;
  EXPECT_EQ(Code("Arnor 4 nsubj PROPN NNP; did 4 aux AUX VBD;"
                 "n't/not 4 advmod PART RB; clash 0 root VERB VB;"
                 "with 6 case ADP IN; Rohan 4 obl PROPN NNP; . 4 punct PUNCT .",
                 &rules),
            (std::set<Triple>{{"ARN", "ROH", "050"}}));
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0], "parse verbs:CLASH/110 negated");
  // "cannot clash" is a negation too, not a mere possibility.
  EXPECT_EQ(
      Code("Arnor 4 nsubj PROPN NNP; can 4 aux AUX MD;"
           "not 4 advmod PART RB; clash 0 root VERB VB;"
           "with 6 case ADP IN; Rohan 4 obl PROPN NNP; . 4 punct PUNCT ."),
      (std::set<Triple>{{"ARN", "ROH", "050"}}));
  // Negation of a governing verb ("will not try to clash") says nothing so
  // definite: no event.
  EXPECT_TRUE(Code("Arnor 4 nsubj PROPN NNP; will 4 aux AUX MD;"
                   "not 4 advmod PART RB; try 0 root VERB VB;"
                   "to 6 mark PART TO; clash 4 xcomp VERB VB;"
                   "with 8 case ADP IN; Rohan 6 obl PROPN NNP;"
                   ". 4 punct PUNCT .")
                  .empty());
  // A code the lexicon has no negation for gives nothing.
  EXPECT_TRUE(Code("Arnor 4 nsubj PROPN NNP; did 4 aux AUX VBD;"
                   "not 4 advmod PART RB; visit 0 root VERB VB;"
                   "Rohan 4 obj PROPN NNP; . 4 punct PUNCT .")
                  .empty());
}

TEST_F(ParseCoderTest, TheTitleInTheTextWinsOverTheNamesCode) {
  // "Arnor President Aragorn condemned Rohan": the dictionary has Aragorn
  // as ARN; the text says he speaks for Arnor's government.
  EXPECT_EQ(Code("Arnor 2 compound PROPN NNP; President 3 compound PROPN NNP;"
                 "Aragorn 4 nsubj PROPN NNP; condemned 0 root VERB VBD;"
                 "Rohan 4 obj PROPN NNP; . 4 punct PUNCT ."),
            (std::set<Triple>{{"ARNGOV", "ROH", "122"}}));
}

TEST_F(ParseCoderTest, AnotherActorsTitleWinsToo) {
  // "Rohan's minister Aragorn condemned Arnor": the dictionary's ARN for
  // Aragorn gives way to what the text says he is.
  EXPECT_EQ(Code("Rohan 3 nmod:poss PROPN NNP; 's 1 case PART POS;"
                 "minister 4 nmod NOUN NN; Aragorn 5 nsubj PROPN NNP;"
                 "condemned 0 root VERB VBD; Arnor 5 obj PROPN NNP;"
                 ". 5 punct PUNCT ."),
            (std::set<Triple>{{"ROHGOV", "ARN", "122"}}));
  // With a word between, the dictionary hangs the role on the name; the
  // tree gives it back to the title's possessor.
  EXPECT_EQ(Code("Rohan 4 nmod:poss PROPN NNP; 's 1 case PART POS;"
                 "loyal 4 amod ADJ JJ; minister 5 nmod NOUN NN;"
                 "Aragorn 6 nsubj PROPN NNP; condemned 0 root VERB VBD;"
                 "Gondor 6 obj PROPN NNP; . 6 punct PUNCT ."),
            (std::set<Triple>{{"ROHGOV", "GON", "122"}}));
}

TEST_F(ParseCoderTest, APatternOnTheObjectBeatsALongerOneFurtherOn) {
  // "Arnor signed an accord on Thursday to supply Rohan": the accord (056),
  // though "TO SUPPLY" (057) is longer and TABARI's order tries it first.
  std::vector<std::string> rules;
  EXPECT_EQ(Code("Arnor 2 nsubj PROPN NNP; signed 0 root VERB VBD;"
                 "an 4 det DET DT; accord 2 obj NOUN NN; on 6 case ADP IN;"
                 "Thursday 2 obl PROPN NNP; to 8 mark PART TO;"
                 "supply 2 advcl VERB VB; Rohan 8 obj PROPN NNP;"
                 ". 2 punct PUNCT .",
                 &rules),
            (std::set<Triple>{{"ARN", "ROH", "056"}}));
  // Without the object's own pattern, the longer one still decides.
  EXPECT_EQ(Code("Arnor 2 nsubj PROPN NNP; signed 0 root VERB VBD;"
                 "a 4 det DET DT; deal 2 obj NOUN NN; to 6 mark PART TO;"
                 "supply 2 advcl VERB VB; Rohan 6 obj PROPN NNP;"
                 ". 2 punct PUNCT ."),
            (std::set<Triple>{{"ARN", "ROH", "057"}}));
}

TEST_F(ParseCoderTest, RolesJoinedByAndBothTakeTheActor) {
  // "Arnor media and government condemned Rohan".
  EXPECT_EQ(
      Code("Arnor 2 compound PROPN NNP; media 5 nsubj NOUN NNS;"
           "and 4 cc CCONJ CC; government 2 conj NOUN NN;"
           "condemned 0 root VERB VBD; Rohan 5 obj PROPN NNP;"
           ". 5 punct PUNCT ."),
      (std::set<Triple>{{"ARNMED", "ROH", "122"}, {"ARNGOV", "ROH", "122"}}));
}

TEST_F(ParseCoderTest, WhatWasSaidIsNotToWhomItWasSaid) {
  // "Gondor condemned Rohan, Arnor said": the condemnation, and no
  // statement by Arnor to Gondor.
  EXPECT_EQ(Code("Gondor 2 nsubj PROPN NNP; condemned 6 ccomp VERB VBD;"
                 "Rohan 2 obj PROPN NNP; , 6 punct PUNCT ,;"
                 "Arnor 6 nsubj PROPN NNP; said 0 root VERB VBD;"
                 ". 6 punct PUNCT ."),
            (std::set<Triple>{{"GON", "ROH", "122"}}));
}

TEST_F(ParseCoderTest, PatternWordsMatchTheLemma) {
  // "Arnor abandoned efforts with Rohan": the pattern says EFFORT.
  EXPECT_EQ(Code("Arnor 2 nsubj PROPN NNP; abandoned 0 root VERB VBD;"
                 "efforts/effort 2 obj NOUN NNS; with 5 case ADP IN;"
                 "Rohan 2 obl PROPN NNP; . 2 punct PUNCT ."),
            (std::set<Triple>{{"ARN", "ROH", "080"}}));
}

TEST_F(ParseCoderTest, AVerbReadAsANounsModifierActsOnTheNoun) {
  // "Arnor has restored diplomatic ties with Rohan", the tree reading
  // "restored" as an adjective of "ties".
  EXPECT_EQ(Code("Arnor 2 nsubj PROPN NNP; has 0 root VERB VBZ;"
                 "restored 5 amod VERB VBN; diplomatic 5 amod ADJ JJ;"
                 "ties 2 obj NOUN NNS; with 7 case ADP IN;"
                 "Rohan 5 nmod PROPN NNP; . 2 punct PUNCT ."),
            (std::set<Triple>{{"ARN", "ROH", "064"}}));
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

// A dictionary verb the tagger read as a noun, in a tree that gives the
// noun no parties: a mistagged verb, so word order codes the sentence.
TEST_F(ParseCoderTest, NounReadingThatCodesNothingGoesToWordOrder) {
  std::vector<std::string> rules;
  EXPECT_EQ(Code("Arnor 3 compound PROPN NNP; visited 3 compound NOUN NN;"
                 "yesterday 0 root NOUN NN; Rohan 3 nmod PROPN NNP;"
                 ". 3 punct PUNCT .",
                 &rules),
            (std::set<Triple>{{"ARN", "ROH", "042"}}));
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0], "sparse verbs:VISIT/042");
  // A noun that does code stays with the tree.
  rules.clear();
  EXPECT_EQ(Code("Arnor 3 nmod:poss PROPN NNP; 's 1 case PART POS;"
                 "visit 0 root NOUN NN; to 5 case ADP IN;"
                 "Rohan 3 nmod PROPN NNP; . 3 punct PUNCT .",
                 &rules),
            (std::set<Triple>{{"ARN", "ROH", "042"}}));
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0], "parse verbs:VISIT/042");
}

// "restored Rohan trade" parsed with "trade" the subject of a clause of
// its own: the tree hides the pattern's word, word order up to the next
// punctuation still shows it.
TEST_F(ParseCoderTest, PatternWordsTheTreeCutsOffAreReadInWordOrder) {
  EXPECT_EQ(Code("Arnor 2 nsubj PROPN NNP; restored 0 root VERB VBD;"
                 "Rohan 2 obj PROPN NNP; trade 5 nsubj NOUN NN;"
                 "grew 2 parataxis VERB VBD; . 2 punct PUNCT ."),
            (std::set<Triple>{{"ARN", "ROH", "065"}}));
  // Not past a comma.
  EXPECT_EQ(Code("Arnor 2 nsubj PROPN NNP; restored 0 root VERB VBD;"
                 "Rohan 2 obj PROPN NNP; , 6 punct PUNCT ,;"
                 "trade 6 nsubj NOUN NN; grew 2 parataxis VERB VBD;"
                 ". 2 punct PUNCT ."),
            (std::set<Triple>{{"ARN", "ROH", "064"}}));
}

// "condemned Osgiliath on Thursday and visited Rohan" parsed with "visited"
// a conjunct of "Thursday" and "Rohan" a second object of "condemned".
TEST_F(ParseCoderTest, VerbJoinedToANounIsRejoinedToTheVerbAbove) {
  EXPECT_EQ(Code("Arnor 2 nsubj PROPN NNP; condemned 0 root VERB VBD;"
                 "Osgiliath 2 obj PROPN NNP; on 5 case ADP IN;"
                 "Thursday 3 nmod PROPN NNP; and 7 cc CCONJ CC;"
                 "visited 5 conj VERB VBD; Rohan 2 obj PROPN NNP;"
                 ". 2 punct PUNCT ."),
            (std::set<Triple>{{"ARN", "OSG", "122"}, {"ARN", "ROH", "042"}}));
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

// PETRARCH's noun phrases: a synset inside "{...}" may come a few words
// into the phrase; the words after it must follow it directly.
TEST(PetrarchNounPhraseTest, ASynsetMayComeAfterOtherWordsOfThePhrase) {
  auto lex = std::make_shared<Lexicon>();
  ASSERT_TRUE(LoadPetrarchActorsFromString("ARNOR [ARN]\nROHAN [ROH]\n",
                                           "a.txt", lex.get())
                  .ok());
  ASSERT_TRUE(LoadPetrarchVerbsFromString(
                  "&TIETYPES\n+ECONOMIC\n+MILITARY\n\n"
                  "--- ABANDON [1121] ---\nABANDON {ABANDONED}\n"
                  "- * {NEW &TIETYPES RELATIONS} [1951]\n",
                  "v.txt", lex.get())
                  .ok());
  lex->options.minimum_words = 0;
  Coder coder(lex);
  auto code = [&](const std::string& words) {
    return CodesInWordOrder(coder, words);
  };
  EXPECT_EQ(code("Arnor abandoned new economic relations with Rohan"),
            (std::set<std::string>{"1951"}));
  EXPECT_EQ(code("Arnor abandoned new global economic relations with Rohan"),
            (std::set<std::string>{"1951"}));
  EXPECT_EQ(code("Arnor abandoned new economic trade relations with Rohan"),
            (std::set<std::string>{"1121"}));
  EXPECT_EQ(code("Arnor abandoned new , economic relations with Rohan"),
            (std::set<std::string>{"1121"}));
}

// Two patterns of equal length both match: the one whose words cover more
// of the text is the more specific ("a million austrian gold florin" is
// the three-word member of &HYPERCURR, not the "florin" of &CURRENCY).
TEST(PetrarchNounPhraseTest, TheLongerSynsetMemberWinsBetweenEqualPatterns) {
  auto lex = std::make_shared<Lexicon>();
  ASSERT_TRUE(LoadPetrarchActorsFromString("ARNOR [ARN]\nROHAN [ROH]\n",
                                           "a.txt", lex.get())
                  .ok());
  ASSERT_TRUE(LoadPetrarchVerbsFromString(
                  "&CURRENCY\n+FLORIN\n+AUSTRIAN FLORIN\n\n"
                  "&HYPERCURR\n+BITCOIN\n+AUSTRIAN GOLD FLORIN\n\n"
                  "--- CONTRIBUTE [070] ---\nCONTRIBUTE\n"
                  "- * &CURRENCY [071]\n- * &HYPERCURR [190]\n",
                  "v.txt", lex.get())
                  .ok());
  lex->options.minimum_words = 0;
  Coder coder(lex);
  auto code = [&](const std::string& words) {
    return CodesInWordOrder(coder, words);
  };
  EXPECT_EQ(code("Arnor contributed a million austrian gold florin to Rohan"),
            (std::set<std::string>{"190"}));
  EXPECT_EQ(code("Arnor contributed a million austrian florin to Rohan"),
            (std::set<std::string>{"071"}));
  EXPECT_EQ(code("Arnor contributed a million florin to Rohan"),
            (std::set<std::string>{"071"}));
}

}  // namespace
}  // namespace dyad
