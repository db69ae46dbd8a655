#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dyad/lexicon.h"

namespace dyad {
namespace {

class TabariLoaderTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& text) {
    auto dir = std::filesystem::temp_directory_path() /
               ("dyad_loader_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::string path = (dir / name).string();
    std::ofstream(path) << text;
    return path;
  }
};

TEST_F(TabariLoaderTest, ActorsWithSynonymsAndDatedCodes) {
  std::string path =
      Write("a.actors",
            "<NOUN>\nBEES\n</NOUN>\n"
            "ARNOR  [ARN]\n"
            "GOLLUM ; comment\n+SMEAGOL\n"
            "\t[HOB < 950601]\n\t[HOBGOV 950601 - 990815]\n"
            "THE_SHIRE  [FRO/BIL/SAM]\n"
            "MOUSE= [MUS]\nLIBYA_ [LBY]\n~~FINISH\nIGNORED [X]\n");
  Lexicon lex;
  ASSERT_TRUE(LoadTabariActors(path, &lex).ok());
  ASSERT_EQ(lex.actors.size(), 5u);
  EXPECT_EQ(lex.actors[4].phrases[0].words[0].match, WordMatch::kWord);
  ASSERT_EQ(lex.nouns.size(), 1u);
  const Actor& gollum = lex.actors[1];
  ASSERT_EQ(gollum.phrases.size(), 2u);
  EXPECT_EQ(gollum.phrases[1].words[0].text, "SMEAGOL");
  ASSERT_EQ(gollum.codes.size(), 2u);
  EXPECT_EQ(gollum.codes[0].code, "HOB");
  EXPECT_GE(gollum.codes[0].last, 19950531);  // "<" is strictly before
  EXPECT_LT(gollum.codes[0].last, 19950601);
  EXPECT_EQ(gollum.codes[1].first, 19950601);
  EXPECT_EQ(gollum.codes[1].last, 19990815);
  EXPECT_EQ(lex.actors[2].codes.size(), 3u);
  EXPECT_EQ(lex.actors[2].phrases[0].words.size(), 2u);
  EXPECT_TRUE(lex.actors[2].phrases[0].words[0].connected);
  EXPECT_EQ(lex.actors[2].phrases[0].words[0].match, WordMatch::kExact);
  EXPECT_EQ(lex.actors[2].phrases[0].words[1].match, WordMatch::kStem);
  EXPECT_EQ(lex.actors[3].phrases[0].words[0].match, WordMatch::kExact);
}

TEST_F(TabariLoaderTest, ActorErrorNamesFileAndLine) {
  std::string path = Write("bad.actors", "ARNOR [ARN]\nGONDOR [GON\n");
  Lexicon lex;
  Status s = LoadTabariActors(path, &lex);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kParseError);
  EXPECT_NE(s.message().find("bad.actors:2: missing right-bracket"),
            std::string::npos)
      << s.message();
}

TEST_F(TabariLoaderTest, CodeBlockWithoutCodeIsAnError) {
  std::string path = Write("nocode.actors", "ALBRIGHZ [991201-010114]\n");
  Lexicon lex;
  Status s = LoadTabariActors(path, &lex);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("nocode.actors:1:"), std::string::npos);
}

TEST_F(TabariLoaderTest, LenientModeCollectsEveryError) {
  std::string path = Write("many.verbs",
                           "- * ORPHAN [010]\nARREST [212]\n- NO STAR [1]\n"
                           "CUT\nBAN [191]\n");
  Lexicon lex;
  std::vector<std::string> errors;
  ASSERT_TRUE(LoadTabariVerbs(path, &lex, &errors).ok());
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_NE(errors[0].find("many.verbs:1: pattern before any verb"),
            std::string::npos);
  EXPECT_NE(errors[1].find("many.verbs:3: missing verb marker"),
            std::string::npos);
  EXPECT_NE(errors[2].find("many.verbs:4: missing [code]"), std::string::npos);
  EXPECT_EQ(lex.verbs.size(), 2u);
}

TEST_F(TabariLoaderTest, VerbsPatternsSynsetsForms) {
  std::string path = Write(
      "v.verbs",
      "<SYNSETS>\n&TIE\n+MILITARY\n+ECONOMIC\n</SYNSETS>\n"
      "<TIME>\nYESTERDAY [-1]\n</TIME>\n"
      "ACT_ [100]\n{ ACTING_ ACTXD_ ACTUALITY  }\n"
      "- SAID WOULD * NOW  [101]\n"
      "- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS [111]\n"
      "- * &TIE TIES [902]\n- WOULD_*_TALKS [102]\n"
      "MEET [031:031]\nSAID [023?]\nATTEND [031!]\n");
  Lexicon lex;
  Status s = LoadTabariVerbs(path, &lex);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(lex.synsets.size(), 1u);
  EXPECT_EQ(lex.synsets[0].members.size(), 2u);
  EXPECT_TRUE(lex.has_time_block);
  ASSERT_EQ(lex.verbs.size(), 4u);
  const Verb& act = lex.verbs[0];
  EXPECT_EQ(act.forms.size(), 3u);
  EXPECT_EQ(act.root.words[0].match, WordMatch::kWord);
  ASSERT_EQ(act.patterns.size(), 4u);
  EXPECT_EQ(act.patterns[0].upper.size(), 2u);
  EXPECT_EQ(act.patterns[0].lower.size(), 1u);
  const VerbPattern& p1 = act.patterns[1];
  ASSERT_EQ(p1.upper.size(), 2u);
  EXPECT_TRUE(p1.upper[0].connected);
  EXPECT_EQ(p1.upper[1].kind, PatternToken::Kind::kTarget);
  ASSERT_EQ(p1.lower.size(), 3u);
  EXPECT_EQ(p1.lower[1].kind, PatternToken::Kind::kAlternatives);
  EXPECT_EQ(p1.lower[1].alternatives.size(), 2u);
  EXPECT_TRUE(p1.lower[0].connected);
  EXPECT_TRUE(p1.lower[1].connected);
  EXPECT_EQ(act.patterns[2].lower[0].kind, PatternToken::Kind::kSynset);
  EXPECT_TRUE(act.patterns[3].lower_connected);
  EXPECT_TRUE(act.patterns[3].upper[0].connected);
  EXPECT_EQ(lex.verbs[1].code.paired, "031");
  EXPECT_TRUE(lex.verbs[2].code.subordinate);
  EXPECT_TRUE(lex.verbs[3].code.dominant);
}

TEST_F(TabariLoaderTest, UndeclaredSynsetIsAnError) {
  std::string path = Write("syn.verbs", "ABANDON [345]\n- * &NOPE [1]\n");
  Lexicon lex;
  Status s = LoadTabariVerbs(path, &lex);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("syn.verbs:2: undeclared synset &NOPE"),
            std::string::npos)
      << s.message();
}

TEST_F(TabariLoaderTest, AgentsSuffixAndPrefix) {
  std::string path = Write("x.agents",
                           "PRESIDENT_  [ ~GOVPRS] ;ns\n"
                           "HUMAN_RIGHTS_ACTIVISTS_   [  NGM~] ;ns\n"
                           "BAD_ [GOV]\n");
  Lexicon lex;
  std::vector<std::string> errors;
  ASSERT_TRUE(LoadTabariAgents(path, &lex, &errors).ok());
  ASSERT_EQ(lex.agents.size(), 2u);
  EXPECT_EQ(lex.agents[0].code, "GOVPRS");
  EXPECT_FALSE(lex.agents[0].prefix);
  EXPECT_EQ(lex.agents[1].code, "NGM");
  EXPECT_TRUE(lex.agents[1].prefix);
  ASSERT_GE(errors.size(), 1u);
  EXPECT_NE(errors[0].find("x.agents:3: agent code 'GOV' needs '~'"),
            std::string::npos)
      << errors[0];
}

TEST_F(TabariLoaderTest, Options) {
  CoderOptions o;
  SourceLine where{"o.options", 3};
  ASSERT_TRUE(ApplyTabariOption("COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN",
                                where, &o)
                  .ok());
  EXPECT_EQ(o.complex_verbs, 5);
  EXPECT_EQ(o.complex_conjunctions, 4);
  EXPECT_TRUE(o.complex_no_actor_prior);
  ASSERT_TRUE(
      ApplyTabariOption("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER",
                        where, &o)
          .ok());
  EXPECT_EQ(o.default_source, "DEFSRC");
  EXPECT_TRUE(o.default_source_prior);
  EXPECT_EQ(o.default_target, "DEFTAR");
  EXPECT_TRUE(o.default_target_after);
  ASSERT_TRUE(ApplyTabariOption("COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 "
                                "BMIN = 3 BMAX = 8",
                                where, &o)
                  .ok());
  EXPECT_EQ(o.comma_min, 4);
  EXPECT_EQ(o.comma_max, 6);
  EXPECT_EQ(o.comma_end_min, 3);
  EXPECT_EQ(o.comma_begin_max, 8);
  ASSERT_TRUE(ApplyTabariOption("SET: CODE ALL", where, &o).ok());
  EXPECT_EQ(o.code_by, CoderOptions::CodeBy::kAll);
  ASSERT_TRUE(ApplyTabariOption("SET: MINIMUM WORDS = 4", where, &o).ok());
  EXPECT_EQ(o.minimum_words, 4);
  Status bad = ApplyTabariOption("COMPLEX VERBS", where, &o);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.message().find("o.options:3:"), std::string::npos);
}

TEST(TabariDateTest, Windows) {
  EXPECT_EQ(ParseTabariDate("950601"), 19950601);
  EXPECT_EQ(ParseTabariDate("010114"), 20010114);
  EXPECT_EQ(ParseTabariDate("19140724", true), 19140724);
  EXPECT_EQ(ParseTabariDate("951301"), -1);
  EXPECT_EQ(ParseTabariDate("abc"), -1);
}

TEST(TabariProjectTest, SharedSuiteLoads) {
  std::string project =
      std::string(DYAD_SHARED_DIR) + "/data/suites/tabari/Validate.project";
  if (!std::filesystem::exists(project)) GTEST_SKIP() << "no " << project;
  auto lex = LoadTabariProject(project);
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_GT(lex->actors.size(), 100u);
  EXPECT_GT(lex->verbs.size(), 200u);
  EXPECT_GT(lex->agents.size(), 50u);
  EXPECT_EQ(lex->options.complex_verbs, 5);
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(CheckDictionaryFileTest, ReportsEveryErrorWithFileAndLine) {
  auto path = std::filesystem::temp_directory_path() /
              ("dyad_check_" + std::to_string(::getpid()) + ".actors");
  std::ofstream(path) << "ARNOR [ARN]\nGONDOR [GON\nROHAN\nBREE [BRE <9913]\n";
  std::vector<std::string> errors;
  ASSERT_TRUE(CheckDictionaryFile(path.string(), &errors).ok());
  ASSERT_EQ(errors.size(), 3u);
  std::string name = path.string();
  EXPECT_EQ(errors[0].rfind(name + ":2: missing right-bracket", 0), 0u)
      << errors[0];
  EXPECT_EQ(errors[1].rfind(name + ":3: actor has no code", 0), 0u)
      << errors[1];
  EXPECT_EQ(errors[2].rfind(name + ":4: bad date restriction", 0), 0u)
      << errors[2];
  std::filesystem::remove(path);
}

TEST(CheckDictionaryFileTest, UnknownKindAndMissingFile) {
  std::vector<std::string> errors;
  EXPECT_EQ(CheckDictionaryFile("/tmp/x.unknownkind", &errors).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(CheckDictionaryFile("/nonexistent/a.actors", &errors).code(),
            StatusCode::kNotFound);
}

TEST(CheckDictionaryFileTest, SharedTabariFilesAreClean) {
  std::string dir = std::string(DYAD_SHARED_DIR) + "/data/suites/tabari/";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no " << dir;
  for (const char* f :
       {"TABARI.Demo.actors", "TABARI.Demo.verbs", "Validate.agents",
        "Validate.options", "Validate.project"}) {
    std::vector<std::string> errors;
    ASSERT_TRUE(CheckDictionaryFile(dir + f, &errors).ok()) << f;
    EXPECT_TRUE(errors.empty()) << f << ": " << errors.front();
  }
}

}  // namespace
}  // namespace dyad
