// Loads the PETRARCH-2 dictionaries shipped in ../shared (Phoenix, CAMEO 2.0
// and the validation suites) in strict mode and checks what they hold.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "dyad/petrarch_lexicon.h"

namespace dyad {
namespace {

std::string Shared(const std::string& relative) {
  return std::string(DYAD_SHARED_DIR) + "/" + relative;
}

#define SKIP_WITHOUT(path)                                              \
  do {                                                                  \
    if (!std::filesystem::exists(path))                                 \
      GTEST_SKIP() << "shared data absent: " << (path)                  \
                   << " (set DYAD_SHARED_DIR to the ../shared folder)"; \
  } while (0)

size_t CountPatterns(const Lexicon& lex) {
  size_t n = 0;
  for (const Verb& v : lex.verbs) n += v.patterns.size();
  return n;
}

struct Counts {
  size_t actors = 0, dated = 0, agents = 0, verbs = 0, patterns = 0,
         synsets = 0, discards = 0;
};

Counts Load(const std::string& path, PetrarchFileKind kind) {
  Lexicon lex;
  Status s;
  switch (kind) {
    case PetrarchFileKind::kActors:
      s = LoadPetrarchActors(path, &lex);
      break;
    case PetrarchFileKind::kAgents:
      s = LoadPetrarchAgents(path, &lex);
      break;
    case PetrarchFileKind::kVerbs:
      s = LoadPetrarchVerbs(path, &lex);
      break;
    case PetrarchFileKind::kDiscards:
      s = LoadPetrarchDiscards(path, &lex);
      break;
    case PetrarchFileKind::kNone:
      break;
  }
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(PetrarchKindOf(path), kind) << path;
  // Lenient mode finds nothing more than strict mode did.
  std::vector<std::string> errors;
  Lexicon again;
  EXPECT_TRUE(LoadPetrarchFile(path, &again, &errors).ok());
  EXPECT_TRUE(errors.empty()) << errors.front();
  Counts c;
  c.actors = lex.actors.size();
  for (const Actor& a : lex.actors)
    for (const DatedCode& d : a.codes)
      if (d.first != kDateMin || d.last != kDateMax) ++c.dated;
  c.agents = lex.agents.size();
  c.verbs = lex.verbs.size();
  c.patterns = CountPatterns(lex);
  c.synsets = lex.synsets.size();
  c.discards = lex.discards.size();
  std::printf(
      "%s: %zu actors (%zu dated codes), %zu agents, %zu verbs, %zu "
      "patterns, %zu synsets, %zu discards\n",
      path.c_str(), c.actors, c.dated, c.agents, c.verbs, c.patterns, c.synsets,
      c.discards);
  return c;
}

TEST(PetrarchShared, PhoenixActors) {
  std::string countries =
      Shared("data/dictionaries/phoenix/Phoenix.Countries.actors.txt");
  SKIP_WITHOUT(countries);
  Counts c = Load(countries, PetrarchFileKind::kActors);
  EXPECT_GT(c.actors, 10000u);
  EXPECT_GT(c.dated, 10000u);
  Counts intl =
      Load(Shared("data/dictionaries/phoenix/Phoenix.International.actors.txt"),
           PetrarchFileKind::kActors);
  EXPECT_GT(intl.actors, 1000u);
  Counts mil =
      Load(Shared("data/dictionaries/phoenix/Phoenix.MilNonState.actors.txt"),
           PetrarchFileKind::kActors);
  EXPECT_GT(mil.actors, 100u);
}

TEST(PetrarchShared, PhoenixInternationalCodes) {
  std::string path =
      Shared("data/dictionaries/phoenix/Phoenix.International.actors.txt");
  SKIP_WITHOUT(path);
  Lexicon lex;
  ASSERT_TRUE(LoadPetrarchActors(path, &lex).ok());
  auto code_of = [&](const std::string& word) -> std::string {
    for (const Actor& a : lex.actors)
      for (const Phrase& p : a.phrases)
        if (p.words.size() == 1 && p.words[0].text == word)
          return a.codes.empty() ? "" : a.codes.back().code;
    return "?";
  };
  EXPECT_EQ(code_of("NATO"), "IGOWSTNAT");
}

TEST(PetrarchShared, PhoenixAgentsVerbsDiscards) {
  std::string agents = Shared("data/dictionaries/phoenix/Phoenix.agents.txt");
  SKIP_WITHOUT(agents);
  EXPECT_GT(Load(agents, PetrarchFileKind::kAgents).agents, 1000u);
  Counts verbs = Load(Shared("data/dictionaries/phoenix/CAMEO.2.0.txt"),
                      PetrarchFileKind::kVerbs);
  EXPECT_GT(verbs.verbs, 400u);
  EXPECT_GT(verbs.patterns, 4000u);
  EXPECT_GE(verbs.synsets, 30u);
  EXPECT_GT(Load(Shared("data/dictionaries/phoenix/Phoenix.discards.txt"),
                 PetrarchFileKind::kDiscards)
                .discards,
            500u);
}

TEST(PetrarchShared, Petrarch2ValidationSuite) {
  std::string dir = Shared("data/suites/petrarch2");
  SKIP_WITHOUT(dir);
  Counts actors =
      Load(dir + "/PETR.Validate.actors.txt", PetrarchFileKind::kActors);
  EXPECT_GT(actors.actors, 100u);
  EXPECT_GE(actors.dated, 10u);
  EXPECT_GT(
      Load(dir + "/PETR.Validate.agents.txt", PetrarchFileKind::kAgents).agents,
      60u);
  Counts verbs =
      Load(dir + "/PETR.Validate.verbs.txt", PetrarchFileKind::kVerbs);
  EXPECT_GT(verbs.verbs, 150u);
  EXPECT_GT(verbs.patterns, 300u);
  EXPECT_EQ(
      Load(dir + "/PETR.Validate.discards.txt", PetrarchFileKind::kDiscards)
          .discards,
      9u);
  Result<Lexicon> all = LoadPetrarchDictionaries(dir);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(all->actors.size(), actors.actors);
}

TEST(PetrarchShared, UniversalPetrarchSuite) {
  std::string dir = Shared("data/suites/universalpetrarch");
  SKIP_WITHOUT(dir);
  EXPECT_GT(
      Load(dir + "/PETR_Validate_actors_2_02.txt", PetrarchFileKind::kActors)
          .actors,
      100u);
  EXPECT_GT(
      Load(dir + "/PETR_Validate_agents_2_02.txt", PetrarchFileKind::kAgents)
          .agents,
      60u);
  Counts verbs =
      Load(dir + "/PETR_Validate_verbs_2_02.txt", PetrarchFileKind::kVerbs);
  EXPECT_GT(verbs.patterns, 300u);
  EXPECT_EQ(Load(dir + "/PETR_Validate_discards_2_02.txt",
                 PetrarchFileKind::kDiscards)
                .discards,
            9u);
}

TEST(PetrarchShared, PhoenixDirectory) {
  std::string dir = Shared("data/dictionaries/phoenix");
  SKIP_WITHOUT(dir);
  Result<Lexicon> lex = LoadPetrarchDictionaries(dir);
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_GT(lex->actors.size(), 10000u);
  EXPECT_GT(lex->agents.size(), 1000u);
  EXPECT_GT(CountPatterns(*lex), 4000u);
  EXPECT_GT(lex->discards.size(), 500u);
}

}  // namespace
}  // namespace dyad
