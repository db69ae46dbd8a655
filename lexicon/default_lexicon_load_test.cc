// Loads the embedded default lexicon with the real TABARI loaders: every
// line must parse (LoadDefaultLexicon fails on the first bad one), and the
// result must hold what the files promise.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "dyad/lexicon.h"

namespace dyad {
namespace {

std::string Joined(const Phrase& p) {
  std::string s;
  for (const PhraseWord& w : p.words) s += (s.empty() ? "" : " ") + w.text;
  return s;
}

TEST(DefaultLexiconLoadTest, EveryFileParses) {
  auto loaded = LoadDefaultLexicon();
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const Lexicon& lex = *loaded.value();
  EXPECT_GT(lex.actors.size(), 1500u);
  EXPECT_GT(lex.agents.size(), 200u);
  EXPECT_GT(lex.verbs.size(), 200u);
  EXPECT_EQ(lex.options.minimum_words, 4);
}

TEST(DefaultLexiconLoadTest, KeyActorsAgentsAndVerbsAreThere) {
  auto loaded = LoadDefaultLexicon();
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const Lexicon& lex = *loaded.value();
  std::set<std::string> actor_codes;
  for (const Actor& a : lex.actors) {
    for (const Phrase& p : a.phrases) {
      if (Joined(p) == "NATO" || Joined(p) == "SOUTH KOREA" ||
          Joined(p) == "U.S.") {
        ASSERT_FALSE(a.codes.empty());
        actor_codes.insert(a.codes.front().code);
      }
    }
  }
  EXPECT_TRUE(actor_codes.count("IGOWSTNAT"));
  EXPECT_TRUE(actor_codes.count("KOR"));
  EXPECT_TRUE(actor_codes.count("USA"));
  bool president = false;
  for (const Agent& a : lex.agents) {
    for (const Phrase& p : a.phrases) {
      if (Joined(p) == "PRESIDENT") president = a.code == "GOV" && !a.prefix;
    }
  }
  EXPECT_TRUE(president);
  std::set<std::string> verbs;
  for (const Verb& v : lex.verbs) verbs.insert(Joined(v.root));
  for (const char* v : {"MEET", "VISIT", "ACCUSE", "CONDEMN", "ATTACK"}) {
    EXPECT_TRUE(verbs.count(v)) << v;
  }
}

TEST(DefaultLexiconLoadTest, EachActorKnowsWhatKindOfThingItNames) {
  auto loaded = LoadDefaultLexicon();
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const Lexicon& lex = *loaded.value();
  const std::map<std::string, ActorKind> expected = {
      {"JAPAN", ActorKind::kPlace},
      {"EUROPE", ActorKind::kPlace},
      {"SEOUL", ActorKind::kCapital},
      {"KYIV", ActorKind::kCapital},
      {"JAPANESE", ActorKind::kNationality},
      {"NATO", ActorKind::kOrganisation},
      {"KCNA", ActorKind::kOrganisation},
      {"HAMAS", ActorKind::kOrganisation},
      {"KISHIDA", ActorKind::kPerson}};
  std::map<std::string, ActorKind> found;
  for (const Actor& a : lex.actors)
    for (const Phrase& p : a.phrases)
      if (expected.count(Joined(p))) found[Joined(p)] = a.kind;
  for (const auto& [phrase, kind] : expected) {
    ASSERT_TRUE(found.count(phrase)) << phrase;
    EXPECT_EQ(found[phrase], kind) << phrase;
  }
  for (const Actor& a : lex.actors)
    EXPECT_NE(a.kind, ActorKind::kUnknown) << a.origin.file;
}

}  // namespace
}  // namespace dyad
