#include "dyad/coder.h"

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

namespace dyad {
namespace {

// Tokens built by hand: words split on blanks, a trailing comma or period
// split off, "'s" split off as a possessive. One sentence per document.
Document MakeDoc(const std::string& text, const std::string& published) {
  Document doc;
  doc.text = text;
  doc.published = published;
  size_t i = 0;
  auto emit = [&](size_t b, size_t e, TokenKind kind) {
    Token t;
    t.span = Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    t.kind = kind;
    for (size_t k = b; k < e; ++k)
      t.upper +=
          static_cast<char>(std::toupper(static_cast<unsigned char>(text[k])));
    doc.tokens.push_back(t);
  };
  while (i < text.size()) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < text.size() && text[e] != ' ') ++e;
    size_t word_end = e;
    bool comma = false, period = false;
    if (word_end > i && text[word_end - 1] == ',') {
      comma = true;
      --word_end;
    } else if (word_end > i && text[word_end - 1] == '.') {
      period = true;
      --word_end;
    }
    size_t poss = word_end >= i + 2 && text.compare(word_end - 2, 2, "'s") == 0
                      ? word_end - 2
                      : word_end;
    emit(i, poss, TokenKind::kWord);
    if (poss != word_end) emit(poss, word_end, TokenKind::kPossessive);
    if (comma) emit(word_end, word_end + 1, TokenKind::kPunct);
    if (period) emit(word_end, word_end + 1, TokenKind::kSentenceEnd);
    i = e;
  }
  Sentence s;
  s.span = Span{0, static_cast<uint32_t>(text.size())};
  s.first_token = 0;
  s.token_count = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(s);
  return doc;
}

using Triple = std::tuple<std::string, std::string, std::string>;

class CoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto dir = std::filesystem::temp_directory_path() /
               ("dyad_coder_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto write = [&](const char* name, const char* text) {
      std::string p = (dir / name).string();
      std::ofstream(p) << text;
      return p;
    };
    auto lex = std::make_shared<Lexicon>();
    ASSERT_TRUE(LoadTabariActors(write("t.actors",
                                       "ARNOR [ARN]\nGONDOR [GON]\n"
                                       "OSGILIATH [OSG]\nROHAN [ROH]\n"
                                       "THE_SHIRE [FRO/SAM]\n"
                                       "BOROMIR [---]\nNASGUL [###]\n"
                                       "GOLLUM [HOB < 950601] [HOBGOV]\n"),
                                 lex.get())
                    .ok());
    ASSERT_TRUE(LoadTabariAgents(write("t.agents",
                                       "PRIME_MINISTER_ [~GOV]\n"
                                       "SOLDIERS_ [~MIL]\n"),
                                 lex.get())
                    .ok());
    ASSERT_TRUE(LoadTabariVerbs(write("t.verbs",
                                      "RESTOR [064]\n- * DIPLOMATIC [064]\n"
                                      "- * TRADE [065]\n"
                                      "OPPOS [112]\nARRIVE [032:033]\n"
                                      "CONDEMN [122]\nSAID [023?]\n"
                                      "REGRET [111]\n- SAID $ * [113]\n"),
                                lex.get())
                    .ok());
    lex->options.minimum_words = 0;
    lexicon_ = lex;
    coder_ = new Coder(lexicon_);
  }
  static void TearDownTestSuite() { delete coder_; }

  std::set<Triple> CodeText(const std::string& text,
                            const std::string& date = "1995-01-01",
                            Document* out = nullptr) {
    Document doc = MakeDoc(text, date);
    EXPECT_TRUE(coder_->Code(&doc).ok());
    std::set<Triple> got;
    for (const Event& e : doc.events)
      got.insert({e.source.code, e.target.code, e.cameo});
    if (out) *out = doc;
    return got;
  }

  static std::shared_ptr<const Lexicon> lexicon_;
  static Coder* coder_;
};
std::shared_ptr<const Lexicon> CoderTest::lexicon_;
Coder* CoderTest::coder_ = nullptr;

TEST_F(CoderTest, SourceVerbPatternTarget) {
  EXPECT_EQ(CodeText("Arnor will restore diplomatic ties with Gondor."),
            (std::set<Triple>{{"ARN", "GON", "064"}}));
  EXPECT_EQ(CodeText("Arnor will restore trade with Gondor."),
            (std::set<Triple>{{"ARN", "GON", "065"}}));
}

TEST_F(CoderTest, EventSpansAndRuleTraceBackToText) {
  Document doc;
  CodeText("Arnor will restore diplomatic ties with Gondor.", "1995-01-01",
           &doc);
  ASSERT_EQ(doc.events.size(), 1u);
  const Event& e = doc.events[0];
  EXPECT_EQ(doc.Slice(e.source.span), "Arnor");
  EXPECT_EQ(doc.Slice(e.target.span), "Gondor");
  EXPECT_EQ(doc.Slice(e.span),
            "Arnor will restore diplomatic ties with Gondor");
  EXPECT_EQ(e.rule, "sparse verbs:RESTOR/064");
  EXPECT_EQ(e.sentence, 0);
}

TEST_F(CoderTest, AgentAttachesToNearestActor) {
  EXPECT_EQ(CodeText("Gondor's Prime Minister condemned Osgiliath soldiers."),
            (std::set<Triple>{{"GONGOV", "OSGMIL", "122"}}));
}

TEST_F(CoderTest, CompoundActorsGiveOneEventEach) {
  EXPECT_EQ(CodeText("Arnor and Rohan condemned Gondor."),
            (std::set<Triple>{{"ARN", "GON", "122"}, {"ROH", "GON", "122"}}));
}

TEST_F(CoderTest, ListWithCommasAndCodedCompound) {
  EXPECT_EQ(CodeText("Arnor, the Shire, and Rohan condemned Gondor."),
            (std::set<Triple>{{"ARN", "GON", "122"},
                              {"FRO", "GON", "122"},
                              {"SAM", "GON", "122"},
                              {"ROH", "GON", "122"}}));
}

TEST_F(CoderTest, RelativePronounStartsAClauseWithItsActor) {
  // "which" is Gondor; without it Arnor would be the source. (A closing
  // clause of ten words or fewer would be dropped, as TABARI does.)
  EXPECT_EQ(
      CodeText("Arnor troops entered Rohan on Friday near Gondor, which "
               "condemned Osgiliath soldiers in the north of the country on "
               "Sunday morning."),
      (std::set<Triple>{{"GON", "OSGMIL", "122"}}));
}

TEST_F(CoderTest, PairedCodeAddsTheReverseEvent) {
  EXPECT_EQ(CodeText("Arnor arrived in Gondor on Monday."),
            (std::set<Triple>{{"ARN", "GON", "032"}, {"GON", "ARN", "033"}}));
}

TEST_F(CoderTest, PassiveVoiceSwapsSourceAndTarget) {
  EXPECT_EQ(CodeText("Rohan was opposed by Gondor on Monday."),
            (std::set<Triple>{{"GON", "ROH", "112"}}));
}

TEST_F(CoderTest, DiscardAndNullCodes) {
  EXPECT_TRUE(CodeText("Nasgul condemned Gondor on Monday.").empty());
  // A null-coded actor is a plain noun: the target is the next actor.
  EXPECT_EQ(CodeText("Arnor condemned Boromir in Gondor."),
            (std::set<Triple>{{"ARN", "GON", "122"}}));
}

TEST_F(CoderTest, PronounAndSubordinateSaid) {
  EXPECT_EQ(CodeText("Arnor said he regretted Rohan's refusal."),
            (std::set<Triple>{{"ARN", "ROH", "113"}}));
}

TEST_F(CoderTest, DateRestrictedActorCodes) {
  EXPECT_EQ(CodeText("Gollum condemned Gondor on Monday.", "1995-01-01"),
            (std::set<Triple>{{"HOB", "GON", "122"}}));
  EXPECT_EQ(CodeText("Gollum condemned Gondor on Monday.", "1999-01-01"),
            (std::set<Triple>{{"HOBGOV", "GON", "122"}}));
}

TEST_F(CoderTest, CapitalisedVerbIsANounExceptInTitleCase) {
  // TABARI: a capitalised verb inside mixed case is a name, not a verb.
  EXPECT_TRUE(CodeText("Arnor and the Condemned Gondor players met.").empty());
  // A Title Case headline keeps its verbs.
  EXPECT_EQ(CodeText("Arnor Condemns Gondor Over Border Raid"),
            (std::set<Triple>{{"ARN", "GON", "122"}}));
}

TEST_F(CoderTest, CommaClauseIsDropped) {
  // The internal clause holds the only later actor; dropping it leaves
  // Rohan as the target.
  EXPECT_EQ(CodeText("Arnor condemned, as Gondor noted on Monday, Rohan."),
            (std::set<Triple>{{"ARN", "ROH", "122"}}));
}

TEST_F(CoderTest, MinimumWordsOption) {
  CoderOptions o = lexicon_->options;
  o.minimum_words = 8;
  auto strict = coder_->WithOptions(o);
  Document doc = MakeDoc("Arnor condemned Gondor.", "1995-01-01");
  ASSERT_TRUE(strict->Code(&doc).ok());
  EXPECT_TRUE(doc.events.empty());
}

TEST_F(CoderTest, OverlongSentenceIsNotCoded) {
  std::string text = "Arnor condemned Gondor";
  for (int i = 0; i < 200; ++i) text += " and more";
  EXPECT_TRUE(CodeText(text + ".").empty());
}

TEST_F(CoderTest, BadSpansAreRejected) {
  Document doc = MakeDoc("Arnor condemned Gondor.", "1995-01-01");
  doc.tokens[0].span.end = 1000;
  Status s = coder_->Code(&doc);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(CoderDiscardTest, DiscardPhraseDropsTheSentence) {
  auto lex = std::make_shared<Lexicon>();
  Actor arnor, gondor;
  arnor.phrases.push_back(*ParseTabariPhrase("ARNOR", {"t", 1}));
  arnor.codes.push_back({"ARN"});
  gondor.phrases.push_back(*ParseTabariPhrase("GONDOR", {"t", 2}));
  gondor.codes.push_back({"GON"});
  lex->actors = {arnor, gondor};
  Verb attack;
  attack.root = *ParseTabariPhrase("ATTACK", {"t", 3});
  attack.code.code = "190";
  lex->verbs.push_back(attack);
  lex->options.minimum_words = 0;
  Coder plain(lex);
  Document doc = MakeDoc("Arnor attacked Gondor in the football final.", "");
  ASSERT_TRUE(plain.Code(&doc).ok());
  EXPECT_EQ(doc.events.size(), 1u);
  auto with_discard = std::make_shared<Lexicon>(*lex);
  with_discard->discards.push_back(*ParseTabariPhrase("FOOTBALL", {"t", 4}));
  Coder discarding(with_discard);
  Document doc2 = MakeDoc("Arnor attacked Gondor in the football final.", "");
  ASSERT_TRUE(discarding.Code(&doc2).ok());
  EXPECT_TRUE(doc2.events.empty());
}

}  // namespace
}  // namespace dyad
