// The coder's news-prose rules (SET: NEWS PROSE = TRUE), each shown on a
// sentence of the general kind it is for, and shown to leave the TABARI
// behaviour unchanged when the option is off.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <tuple>

#include "dyad/coder.h"

namespace dyad {
namespace {

// Tokens built by hand: words split on blanks; a leading “ and a trailing
// ” become quote tokens, a trailing comma or period is split off, "'s"
// becomes a possessive. One sentence per document.
Document MakeDoc(const std::string& text) {
  Document doc;
  doc.text = text;
  doc.published = "2020-01-01";
  auto emit = [&](size_t b, size_t e, TokenKind kind) {
    Token t;
    t.span = Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    t.kind = kind;
    for (size_t k = b; k < e; ++k)
      t.upper +=
          static_cast<char>(std::toupper(static_cast<unsigned char>(text[k])));
    doc.tokens.push_back(t);
  };
  const std::string open = "\xE2\x80\x9C", close = "\xE2\x80\x9D";
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < text.size() && text[e] != ' ') ++e;
    size_t b = i, end = e;
    if (text.compare(b, open.size(), open) == 0) {
      emit(b, b + open.size(), TokenKind::kOpenQuote);
      b += open.size();
    }
    // Trailing marks, outermost last: word , ” . in any order.
    std::vector<std::pair<size_t, TokenKind>> tail;
    while (end > b) {
      if (end - b >= close.size() &&
          text.compare(end - close.size(), close.size(), close) == 0) {
        end -= close.size();
        tail.push_back({end, TokenKind::kCloseQuote});
      } else if (text[end - 1] == ',') {
        tail.push_back({--end, TokenKind::kPunct});
      } else if (text[end - 1] == '.') {
        tail.push_back({--end, TokenKind::kSentenceEnd});
      } else {
        break;
      }
    }
    size_t poss =
        end >= b + 2 && text.compare(end - 2, 2, "'s") == 0 ? end - 2 : end;
    if (poss > b) emit(b, poss, TokenKind::kWord);
    if (poss != end) emit(poss, end, TokenKind::kPossessive);
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) {
      size_t len = it->second == TokenKind::kCloseQuote ? close.size() : 1;
      emit(it->first, it->first + len, it->second);
    }
    i = e;
  }
  Sentence s;
  s.span = Span{0, static_cast<uint32_t>(text.size())};
  s.token_count = static_cast<uint32_t>(doc.tokens.size());
  doc.sentences.push_back(s);
  return doc;
}

using Triple = std::tuple<std::string, std::string, std::string>;
using Triples = std::set<Triple>;

class NewsProseTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto dir = std::filesystem::temp_directory_path() /
               ("dyad_news_prose_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto write = [&](const char* name, const char* text) {
      std::string p = (dir / name).string();
      std::ofstream(p) << text;
      return p;
    };
    auto lex = std::make_shared<Lexicon>();
    ASSERT_TRUE(
        LoadTabariActors(write("n.actors",
                               "ARNOR_ [ARN]\nGONDOR_ [GON]\n"
                               "ROHAN_ [ROH]\nMORDOR_ [MOR]\n"
                               "ROHIRRIM_ [ROH]\nMINAS_TIRITH_ [GON]\n"),
                         lex.get())
            .ok());
    ASSERT_TRUE(LoadTabariAgents(write("n.agents",
                                       "KING_ [~GOV]\nENVOY_ [~GOV]\n"
                                       "OFFICIALS_ [~GOV]\n"),
                                 lex.get())
                    .ok());
    ASSERT_TRUE(LoadTabariVerbs(write("n.verbs",
                                      "PROVIDE_ [---]\n"
                                      "{ PROVIDES_ PROVIDED_ PROVIDING_ }\n"
                                      "- * GRAIN [073]\n- * SWORDS [072]\n"
                                      "CALL_ [---]\n{ CALLED_ CALLS_ }\n"
                                      "- * FOR_ [020]\n"
                                      "CONDEMN_ [122]\n"
                                      "{ CONDEMNED_ CONDEMNS_ }\n"
                                      "IMPOSE_ [163]\n{ IMPOSED_ }\n"
                                      "MEET= [040]\n{ MET_ }\n"
                                      "CLASH_ [190]\n{ CLASHES_ }\n"
                                      "TRAVEL_ [042]\n"
                                      "VISIT_ [042]\n{ VISITED_ }\n"
                                      "ATTACK_ [190]\n{ ATTACKED_ }\n"
                                      "PRESSURE_ [---]\n{ PRESSURED_ }\n"
                                      "- $ * + TO_ [100]\n"),
                                lex.get())
                    .ok());
    lex->options.minimum_words = 0;
    CoderOptions news = lex->options;
    news.news_prose = true;
    lexicon_ = lex;
    tabari_ = new Coder(lexicon_);
    news_ = tabari_->WithOptions(news).release();
  }
  static void TearDownTestSuite() {
    delete news_;
    delete tabari_;
  }

  static Triples Code(const Coder& coder, const std::string& text) {
    Document doc = MakeDoc(text);
    EXPECT_TRUE(coder.Code(&doc).ok());
    Triples got;
    for (const Event& e : doc.events)
      got.insert({e.source.code, e.target.code, e.cameo});
    return got;
  }
  static Triples News(const std::string& text) { return Code(*news_, text); }
  static Triples Tabari(const std::string& text) {
    return Code(*tabari_, text);
  }

  static std::shared_ptr<const Lexicon> lexicon_;
  static Coder* tabari_;
  static Coder* news_;
};
std::shared_ptr<const Lexicon> NewsProseTest::lexicon_;
Coder* NewsProseTest::tabari_ = nullptr;
Coder* NewsProseTest::news_ = nullptr;

TEST(NewsProseOptionTest, DefaultOptionsFileSwitchesItOn) {
  auto dir = std::filesystem::temp_directory_path() /
             ("dyad_news_prose_opt_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string path = (dir / "n.options").string();
  std::ofstream(path) << "SET: NEWS PROSE = TRUE\n";
  Lexicon lex;
  ASSERT_TRUE(LoadTabariOptions(path, &lex).ok());
  EXPECT_TRUE(lex.options.news_prose);
  EXPECT_FALSE(CoderOptions{}.news_prose);
}

TEST_F(NewsProseTest, ObjectsJoinedByAndStayInTheVerbsClause) {
  // TABARI cuts at "and": the objects' clause has no verb, the verb's
  // clause no target.
  const std::string s =
      "Arnor has provided grain and new swords for the Rohirrim.";
  EXPECT_TRUE(Tabari(s).empty());
  // Each object matches its own pattern: food aid and military aid.
  EXPECT_EQ(News(s), (Triples{{"ARN", "ROH", "073"}, {"ARN", "ROH", "072"}}));
}

TEST_F(NewsProseTest, AndBeforeAVerbStillStartsAClause) {
  // "and condemned" opens a clause with the carried-over subject.
  EXPECT_EQ(News("Arnor provided grain to Rohan and condemned Mordor."),
            (Triples{{"ARN", "ROH", "073"}, {"ARN", "MOR", "122"}}));
}

TEST_F(NewsProseTest, SubjectCarriesOverAClauseWithoutAKnownVerb) {
  // "spoke" is not in the dictionary; Gondor's king still calls.
  const std::string s =
      "The king of Gondor spoke at length and called for closer ties with "
      "Arnor as Mordor threatens the west.";
  EXPECT_EQ(News(s), (Triples{{"GONGOV", "ARN", "020"}}));
  // TABARI hands on only a subject whose clause had a verb.
  EXPECT_EQ(Tabari(s), (Triples{{"ARN", "MOR", "020"}}));
}

TEST_F(NewsProseTest, QuotedSpeechGivesNoActors) {
  const std::string s =
      "\xE2\x80\x9CThe siege of Rohan shows how exposed we are,\xE2\x80\x9D "
      "the envoy of Gondor said after his visit to Arnor.";
  // Rohan inside the quote is neither source nor target; "his" is the
  // speaker.
  EXPECT_EQ(News(s), (Triples{{"GONGOV", "ARN", "042"}}));
  EXPECT_EQ(Tabari(s), (Triples{{"ROH", "ARN", "042"}}));
  // Two quoted words are a name or a scare quote and stay.
  EXPECT_EQ(News("Arnor condemned the \xE2\x80\x9C"
                 "friendly Gondor\xE2\x80\x9D "
                 "at once."),
            (Triples{{"ARN", "GON", "122"}}));
}

TEST_F(NewsProseTest, CompoundSubjectsActOnEachOtherOnlyWhenReciprocal) {
  // Imposing is not done to each other...
  EXPECT_TRUE(News("Arnor and Rohan imposed new tolls yesterday.").empty());
  EXPECT_EQ(Tabari("Arnor and Rohan imposed new tolls yesterday."),
            (Triples{{"ARN", "ROH", "163"}}));
  // ...meeting is, in both directions.
  EXPECT_EQ(News("Arnor and Rohan met on Monday."),
            (Triples{{"ARN", "ROH", "040"}, {"ROH", "ARN", "040"}}));
  // ...and so is any verb the sentence says they did to each other.
  EXPECT_EQ(News("Arnor and Rohan imposed tolls on each other."),
            (Triples{{"ARN", "ROH", "163"}, {"ROH", "ARN", "163"}}));
}

TEST_F(NewsProseTest, CompoundAfterBetweenIsWhoDidIt) {
  EXPECT_EQ(News("Border clashes between Arnor and Rohan draw Gondor's "
                 "condemnation."),
            (Triples{{"ARN", "ROH", "190"}, {"ROH", "ARN", "190"}}));
}

TEST_F(NewsProseTest, GerundAfterPrepositionIsNotAnEvent) {
  EXPECT_TRUE(
      News("Gondor will push Rohan into providing swords to Arnor.").empty());
  EXPECT_EQ(Tabari("Gondor will push Rohan into providing swords to "
                   "Arnor."),
            (Triples{{"GON", "ARN", "072"}}));
}

TEST_F(NewsProseTest, PlainVerbFormAfterPrepositionIsANoun) {
  const std::string s = "Rohan came under attack from Mordor.";
  EXPECT_TRUE(News(s).empty());
  EXPECT_EQ(Tabari(s), (Triples{{"ROH", "MOR", "190"}}));
}

TEST_F(NewsProseTest, SameMeetingToldTwiceIsOneEvent) {
  // The king and his country in one sentence with the same code: the
  // more precise one stays.
  EXPECT_EQ(News("Arnor met the king of Rohan and met Rohan's envoys."),
            (Triples{{"ARN", "ROHGOV", "040"}}));
}

TEST_F(NewsProseTest, ActorNamedTwiceDoesNotActOnItself) {
  EXPECT_TRUE(
      News("Gondor officials condemned the charge against Gondor.").empty());
}

TEST_F(NewsProseTest, ActorAfterPrepositionIsNotTheSubject) {
  // The subject (Aragorn) is unknown to the lexicon: no event, rather than
  // Minas Tirith visiting Arnor.
  EXPECT_TRUE(
      News("Aragorn will travel to Minas Tirith to visit Arnor.").empty());
  EXPECT_TRUE(News("Aragorn will travel to Minas Tirith.").empty());
  EXPECT_EQ(Tabari("Aragorn will travel to Minas Tirith to visit Arnor."),
            (Triples{{"GON", "ARN", "042"}}));
}

TEST_F(NewsProseTest, PassiveWithoutAgentSaysNotWhoActed) {
  EXPECT_TRUE(News("Rohan was attacked near Gondor on Monday.").empty());
  EXPECT_EQ(News("Rohan was attacked by Mordor on Monday."),
            (Triples{{"MOR", "ROH", "190"}}));
  // A participle after a comma is a passive as well.
  EXPECT_TRUE(
      News("The king of Rohan is dead, attacked in Gondor last week.").empty());
  EXPECT_EQ(News("The king of Rohan, attacked by Mordor last week in the hills "
                 "high above the river, is dead."),
            (Triples{{"MOR", "ROHGOV", "190"}}));
}

TEST_F(NewsProseTest, TheirAfterACompoundSubjectIsReflexive) {
  const std::string s =
      "Arnor and Rohan condemned claims that their riders burned farms.";
  EXPECT_TRUE(News(s).empty());
  // TABARI lets "their" stand for the compound, whose members then act on
  // each other.
  EXPECT_EQ(Tabari(s), (Triples{{"ARN", "ROH", "122"}, {"ROH", "ARN", "122"}}));
}

TEST_F(NewsProseTest, SubjectOfASubordinateClause) {
  const std::string s =
      "Gondor grain prices are higher than before Rohan attacked Arnor.";
  EXPECT_EQ(News(s), (Triples{{"ROH", "ARN", "190"}}));
  EXPECT_EQ(Tabari(s), (Triples{{"GON", "ARN", "190"}}));
}

TEST_F(NewsProseTest, ActorRightBeforeTheVerbAfterAPreposition) {
  // "$" takes the actor right before the verb; a preposition governs it.
  const std::string s =
      "Gondor kept its tolls on Arnor to pressure Rohan to yield.";
  EXPECT_EQ(News(s), (Triples{{"GON", "ROH", "100"}}));
  EXPECT_EQ(Tabari(s), (Triples{{"ARN", "ROH", "100"}}));
}

TEST_F(NewsProseTest, UnknownNamedObjectIsNotReplacedByALaterActor) {
  const std::string s = "Rohan's envoy met with Aragorn in Arnor on Monday.";
  EXPECT_TRUE(News(s).empty());
  EXPECT_EQ(Tabari(s), (Triples{{"ROHGOV", "ARN", "040"}}));
  // Days and months are not names of actors.
  EXPECT_EQ(News("Rohan's envoy visited on Monday the king of Arnor."),
            (Triples{{"ROHGOV", "ARNGOV", "042"}}));
}

TEST_F(NewsProseTest, TheyIsNotTheLastSentencesSubject) {
  for (const Coder* coder : {tabari_, news_}) {
    Document doc = MakeDoc("Gondor condemned Mordor.");
    Document next = MakeDoc("He condemned Rohan.");
    Document plural = MakeDoc("They condemned Rohan.");
    CoderContext context;
    ASSERT_TRUE(coder->Code(&doc, &context).ok());
    CoderContext copy = context;
    ASSERT_TRUE(coder->Code(&next, &context).ok());
    ASSERT_TRUE(coder->Code(&plural, &copy).ok());
    ASSERT_EQ(next.events.size(), 1u);
    EXPECT_EQ(next.events[0].source.code, "GON");
    // TABARI hands the subject to "they" as well; news prose does not.
    EXPECT_EQ(plural.events.size(), coder == news_ ? 0u : 1u);
  }
}

TEST_F(NewsProseTest, OpeningPhraseCommaDoesNotDropTheMainClause) {
  // TABARI drops ", Rohan condemned Mordor" as a closing comma clause.
  const std::string s = "So far, Rohan has condemned Mordor.";
  EXPECT_TRUE(Tabari(s).empty());
  EXPECT_EQ(News(s), (Triples{{"ROH", "MOR", "122"}}));
}

TEST_F(NewsProseTest, RepeatedVerbKeepsTheObjectOfTheSentenceBefore) {
  Document first = MakeDoc("Gondor asked Arnor to provide grain to Rohan.");
  Document second = MakeDoc("Arnor has provided grain.");
  Document third = MakeDoc("Arnor has provided swords.");
  CoderContext context;
  ASSERT_TRUE(news_->Code(&first, &context).ok());
  ASSERT_TRUE(news_->Code(&second, &context).ok());
  ASSERT_EQ(second.events.size(), 1u);
  EXPECT_EQ(second.events[0].target.code, "ROH");
  EXPECT_TRUE(second.events[0].target.span.empty());  // inferred, not read
  // Only from the sentence right before, which named no object here.
  ASSERT_TRUE(news_->Code(&third, &context).ok());
  EXPECT_TRUE(third.events.empty());
}

}  // namespace
}  // namespace dyad
