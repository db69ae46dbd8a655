#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "dyad/eval_petrarch_ud.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

// A tiny suite in the shape of PETR_Validate_records_2_02.xml, written to
// a fresh directory with dictionaries of its own.
class PetrarchUdEvalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dyad_petrarch_ud_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    Write("actors.txt", "ARNOR [ARN]\nGONDOR [GON]\nOSGILIATH [OSG]\n");
    Write("agents.txt", "PRESIDENT [~GOV]\n");
    Write("verbs.txt",
          "--- RESTORE  [050]  ---\nRESTORE\n"
          "- * {DIPLOMATIC TIES} [064]\n\n"
          "--- ATTACK  [190]  ---\nATTACK\n");
    Write("discards.txt", "+TYPHOON\nBASEBALL\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& contents) {
    std::ofstream(dir_ / name) << contents;
  }

  // The records between the environment and the end of the file.
  void WriteSuite(const std::string& records) {
    Write("PETR_Validate_records_2_02.xml",
          "<?xml version='1.0' encoding='utf-8'?>\n<Validation>\n"
          "<!-- header -->\n<Environment>\n"
          "    <Verbfile>verbs.txt</Verbfile>\n"
          "    <Actorfile>actors.txt</Actorfile>\n"
          "    <Agentfile>agents.txt</Agentfile>\n"
          "    <Discardfile>discards.txt</Discardfile>\n"
          "    <Include>DEMO VERB</Include>\n"
          "</Environment>\n<Sentences>\n" +
              records + "</Sentences>\n</Validation>\n");
  }

  // The counting does not depend on the models: code with the sparse
  // coder so that these tests hold whatever models/ holds.
  static PetrarchUdEvalOptions Sparse() {
    PetrarchUdEvalOptions options;
    options.parse = false;
    return options;
  }

  fs::path dir_;
};

const char kRecords[] =
    "<Sentence category=\"DEMO\" date=\"19950101\" id=\"DEMO-01\" "
    "evaluate=\"true\">\n"
    "<!-- found -->\n"
    "<EventCoding eventcode=\"064\" sourcecode=\"ARN\" targetcode=\"GON\" />\n"
    "<PLEvent {\"event\": \"064\", \"source\": [{\"code\": \"ARN\"}]}>\n"
    "<Text>\nArnor will restore diplomatic ties with\nGondor next "
    "week.\n</Text>\n<Parse>\n1\tArnor\tArnor\tPROPN\n</Parse></Sentence>\n"
    "<Config option=\"comma_max\" value=\"6\" />\n"
    "<Sentence category=\"VERB\" date=\"19950102\" id=\"VERB-01\" "
    "evaluate=\"true\">\n"
    "<EventCoding eventcode=\"190\" sourcecode=\"GON\" targetcode=\"OSG\" />\n"
    "<EventCoding eventcode=\"190\" sourcecode=\"GON\" targetcode=\"ARN\" />\n"
    "<Text>\nGondor will attack Osgiliath on Sunday.\n</Text>\n"
    "</Sentence>\n"
    "<Sentence category=\"VERB\" date=\"19950102\" id=\"VERB-02\" "
    "evaluate=\"true\">\n"
    "<EventCoding noevents=\"True\"> </EventCoding>\n"
    "<Text>\nGondor will departx from Arnor.\n</Text>\n</Sentence>\n"
    "<Sentence category=\"VERB\" date=\"19950102\" id=\"VERB-03\" "
    "evaluate=\"false\">\n"
    "<EventCoding eventcode=\"190\" sourcecode=\"GON\" targetcode=\"OSG\" />\n"
    "<Text>\nGondor will attack Osgiliath.\n</Text>\n</Sentence>\n"
    "<Sentence category=\"PARSING\" date=\"19950102\" id=\"PARSE-01\" "
    "evaluate=\"true\">\n"
    "<EventCoding eventcode=\"190\" sourcecode=\"ARN\" targetcode=\"OSG\" />\n"
    "<Text>\nArnor will attack Osgiliath.\n</Text>\n</Sentence>\n"
    "<Sentence category=\"ERROR\" date=\"19950102\" id=\"DISCARD-01\" "
    "evaluate=\"true\">\n"
    "<EventCoding error=\"storydiscard\" />\n"
    "<Text>\nArnor will attack Osgiliath after the typhoon.\n</Text>\n"
    "</Sentence>\n"
    "<Sentence category=\"ERROR\" date=\"19950102\" id=\"ERROR-02\" "
    "evaluate=\"true\">\n"
    "<EventCoding error=\"bad_input_parse\" />\n"
    "<Text>\nArnor will attack Osgiliath.\n</Text>\n</Sentence>\n";

TEST_F(PetrarchUdEvalTest, ReadsRecordsEnvironmentAndConfig) {
  WriteSuite(kRecords);
  auto suite =
      ReadPetrarchUdSuite((dir_ / "PETR_Validate_records_2_02.xml").string());
  ASSERT_TRUE(suite.ok()) << suite.status().ToString();
  EXPECT_EQ(suite->verbs, (dir_ / "verbs.txt").string());
  ASSERT_EQ(suite->actors.size(), 1u);
  EXPECT_EQ(suite->include, (std::vector<std::string>{"DEMO", "VERB"}));
  ASSERT_EQ(suite->records.size(), 7u);
  const PetrarchUdRecord& demo = suite->records[0];
  EXPECT_EQ(demo.id, "DEMO-01");
  EXPECT_EQ(demo.category, "DEMO");
  EXPECT_EQ(demo.date, "19950101");
  EXPECT_EQ(demo.line, 12);
  EXPECT_TRUE(demo.evaluate);
  EXPECT_EQ(demo.text,
            "Arnor will restore diplomatic ties with Gondor next "
            "week.");
  EXPECT_EQ(demo.expected,
            (std::vector<PetrarchUdTriple>{{"ARN", "GON", "064"}}));
  EXPECT_EQ(demo.settings.comma_max, 8);
  const PetrarchUdRecord& verb = suite->records[1];
  EXPECT_EQ(verb.settings.comma_max, 6);  // the <Config> before it
  ASSERT_EQ(verb.expected.size(), 2u);
  EXPECT_EQ(verb.expected[0], (PetrarchUdTriple{"GON", "ARN", "190"}));
  EXPECT_TRUE(suite->records[2].no_events);
  EXPECT_TRUE(suite->records[2].expected.empty());
  EXPECT_FALSE(suite->records[3].evaluate);
  EXPECT_EQ(suite->records[5].error, "storydiscard");
}

TEST_F(PetrarchUdEvalTest, CountsLikeValidationPy) {
  WriteSuite(kRecords);
  auto result = RunPetrarchUdSuite(dir_.string(), Sparse());
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  // DEMO-01, VERB-01, VERB-02 counted; PARSE-01 and the two ERROR records
  // are outside <Include>; VERB-03 is not evaluated.
  EXPECT_EQ(result->evaluate_true, 6);
  EXPECT_EQ(result->total.records, 3);
  EXPECT_EQ(result->skipped.size(), 3u);
  ASSERT_EQ(result->records.size(), 3u);
  const PetrarchUdRecordResult& demo = result->records[0];
  EXPECT_EQ(demo.got, demo.expected);
  EXPECT_TRUE(demo.passed);
  const PetrarchUdRecordResult& attack = result->records[1];
  EXPECT_EQ(attack.got, (std::vector<PetrarchUdTriple>{{"GON", "OSG", "190"}}));
  EXPECT_EQ(attack.counts.found, 1);
  EXPECT_EQ(attack.counts.missing, 1);
  EXPECT_EQ(attack.counts.extra, 0);
  EXPECT_FALSE(attack.passed);
  // A noevents record that codes nothing counts one found event.
  const PetrarchUdRecordResult& none = result->records[2];
  EXPECT_TRUE(none.got.empty());
  EXPECT_EQ(none.counts.found, 1);
  EXPECT_TRUE(none.passed);
  EXPECT_EQ(result->total.found, 3);
  EXPECT_EQ(result->total.missing, 1);
  EXPECT_EQ(result->total.extra, 0);
  EXPECT_EQ(result->passed, 2);
  EXPECT_EQ(result->failed, 1);
  ASSERT_EQ(result->categories.size(), 2u);
  EXPECT_EQ(result->categories[1].first, "VERB");
  EXPECT_EQ(result->categories[1].second.records, 2);

  std::ostringstream report;
  PrintPetrarchUdReport(*result, report);
  const std::string text = report.str();
  EXPECT_NE(text.find("VERB-01: expected {GON/ARN/190, GON/OSG/190} got "
                      "{GON/OSG/190}"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("expected events found:   3 of 4 (75.00%)"),
            std::string::npos)
      << text;
  const std::string last = "\n2 passed, 1 failed\n";
  ASSERT_GE(text.size(), last.size());
  EXPECT_EQ(text.substr(text.size() - last.size()), last);
}

TEST_F(PetrarchUdEvalTest, AllCategoriesCountsParsingAndDiscardRecords) {
  WriteSuite(kRecords);
  PetrarchUdEvalOptions options = Sparse();
  options.all_categories = true;
  auto result = RunPetrarchUdSuite(dir_.string(), options);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->total.records, 5);  // bad_input_parse stays skipped
  ASSERT_EQ(result->skipped.size(), 1u);
  EXPECT_EQ(result->skipped[0].rfind("ERROR-02:", 0), 0u);
  const PetrarchUdRecordResult& discard = result->records[4];
  EXPECT_EQ(discard.id, "DISCARD-01");
  EXPECT_TRUE(discard.no_events);
  EXPECT_TRUE(discard.got.empty()) << "TYPHOON discards the story";
  EXPECT_TRUE(discard.passed);
}

TEST_F(PetrarchUdEvalTest, ErrorsNameFileAndLine) {
  WriteSuite(
      "<Sentence category=\"DEMO\" date=\"19950101\" id=\"D-1\" "
      "evaluate=\"true\">\n<Text>x</Text>\n</Sentenc>\n");
  auto result = RunPetrarchUdSuite(dir_.string(), Sparse());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kParseError);
  EXPECT_NE(result.status().message().find(
                "PETR_Validate_records_2_02.xml:14: closing tag </Sentenc>"),
            std::string::npos)
      << result.status().message();

  WriteSuite("<Config option=\"comma_max\" value=\"six\" />\n");
  result = RunPetrarchUdSuite(dir_.string(), Sparse());
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find(
                "PETR_Validate_records_2_02.xml:12: <Config "
                "option=\"comma_max\"> needs an integer value"),
            std::string::npos)
      << result.status().message();

  Write("verbs.txt", "--- RESTORE  [050]  ---\nRESTORE\n- * {BAD [064]\n");
  WriteSuite("");
  result = RunPetrarchUdSuite(dir_.string(), Sparse());
  // A refused dictionary line is skipped and reported, not fatal.
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_FALSE(result->dictionary_errors.empty());
  EXPECT_EQ(result->dictionary_errors[0].rfind(
                (dir_ / "verbs.txt").string() + ":3:", 0),
            0u)
      << result->dictionary_errors[0];
}

TEST_F(PetrarchUdEvalTest, MissingModelsAreAnErrorWhenParsing) {
  WriteSuite(kRecords);
  PetrarchUdEvalOptions options;
  options.models_dir = (dir_ / "no_models").string();
  auto result = RunPetrarchUdSuite(dir_.string(), options);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("no_models"), std::string::npos)
      << result.status().message();
}

TEST_F(PetrarchUdEvalTest, MissingSuiteIsNotFound) {
  auto result = RunPetrarchUdSuite((dir_ / "nothing").string(), Sparse());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace dyad
