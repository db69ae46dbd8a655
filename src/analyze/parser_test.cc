#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "analyze/conllu.h"
#include "analyze/features.h"
#include "analyze/parser_model.h"
#include "analyze/parser_model_file.h"
#include "analyze/parser_trainer.h"
#include "dyad/analyze.h"

namespace dyad::analyze {
namespace {

// Six small trees in CoNLL-U (HEAD, DEPREL and tags filled in).
const char kTreebank[] =
    "1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tcity\tcity\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tcity\tcity\tNOUN\tNN\t_\t4\tnsubj:pass\t_\t_\n"
    "3\twas\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_\n"
    "4\tattacked\tattack\tVERB\tVBN\t_\t0\troot\t_\t_\n"
    "5\tby\tby\tADP\tIN\t_\t6\tcase\t_\t_\n"
    "6\tRussia\tRussia\tPROPN\tNNP\t_\t4\tobl:agent\t_\t_\n"
    "7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "1\tNATO\tNATO\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tcondemned\tcondemn\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tattack\tattack\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
    "5\ton\ton\tADP\tIN\t_\t7\tcase\t_\t_\n"
    "6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_\n"
    "7\tcity\tcity\tNOUN\tNN\t_\t4\tnmod\t_\t_\n"
    "8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tOfficials\tofficial\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tRussia\tRussia\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
    "4\tattacked\tattack\tVERB\tVBD\t_\t2\tccomp\t_\t_\n"
    "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_\n"
    "6\tcity\tcity\tNOUN\tNN\t_\t4\tobj\t_\t_\n"
    "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tministers\tminister\tNOUN\tNNS\t_\t5\tnsubj\t_\t_\n"
    "3\tdid\tdo\tAUX\tVBD\t_\t5\taux\t_\t_\n"
    "4\tnot\tnot\tPART\tRB\t_\t5\tadvmod\t_\t_\n"
    "5\tmeet\tmeet\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n"
    "\n"
    "1\tNATO\tNATO\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tand\tand\tCCONJ\tCC\t_\t4\tcc\t_\t_\n"
    "4\tcondemned\tcondemn\tVERB\tVBD\t_\t2\tconj\t_\t_\n"
    "5\tRussia\tRussia\tPROPN\tNNP\t_\t4\tobj\t_\t_\n"
    "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

std::vector<ConlluSentence> Treebank() {
  auto parsed = ParseConllu(kTreebank, "tiny.conllu");
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return parsed.ok() ? *parsed : std::vector<ConlluSentence>{};
}

ParserSelfTest SelfTestOf(const ConlluSentence& sentence) {
  ParserSelfTest test;
  for (const ConlluWord& word : sentence.words) {
    test.words.push_back(word.form);
    test.upos.push_back(word.upos);
    test.xpos.push_back(word.xpos);
  }
  return test;
}

ParserModel TrainTiny() {
  std::vector<ConlluSentence> train = Treebank();
  ParserTrainerOptions options;
  options.epochs = 20;
  options.seed = 3;
  options.self_test = {SelfTestOf(train[1]), SelfTestOf(train[3])};
  auto model = TrainParser(train, {}, options);
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  return model.ok() ? std::move(*model) : ParserModel{};
}

TEST(ParserTest, WordKeysFoldCaseAndCurlyQuotes) {
  EXPECT_EQ(MakeParserWord("Russia", "PROPN", "NNP").word,
            MakeParserWord("RUSSIA", "PROPN", "NNP").word);
  EXPECT_EQ(MakeParserWord("don\xE2\x80\x99t", "PART", "RB").word,
            MakeParserWord("don't", "PART", "RB").word);
  EXPECT_NE(MakeParserWord("Russia", "PROPN", "NNP").tag,
            MakeParserWord("Russia", "PROPN", "NNPS").tag);
  EXPECT_NE(MakeParserWord("a", "DET", "DT").word, RootParserWord().word);
}

TEST(ParserTest, LearnsATinyTreebank) {
  ParserModel model = TrainTiny();
  ASSERT_FALSE(model.labels.empty());
  EXPECT_EQ(model.labels[model.root_label], "root");
  AttachmentCounts counts = CountAttachments(model, Treebank());
  EXPECT_EQ(counts.words, 39u);
  EXPECT_EQ(counts.head_correct, counts.words);
  EXPECT_EQ(counts.labelled_correct, counts.words);
}

TEST(ParserTest, TrainingIsDeterministic) {
  EXPECT_EQ(SerializeParserModel(TrainTiny()),
            SerializeParserModel(TrainTiny()));
}

TEST(ParserTest, AveragesSeveralRunsDeterministically) {
  // Three runs in step: the model is the mean of their averaged weights,
  // which differs from the first run alone, learns the treebank as well
  // and comes out the same every time.
  std::vector<ConlluSentence> train = Treebank();
  ParserTrainerOptions options;
  options.epochs = 20;
  options.seed = 3;
  options.self_test = {SelfTestOf(train[1]), SelfTestOf(train[3])};
  options.runs = 3;
  auto a = TrainParser(train, {}, options);
  auto b = TrainParser(train, {}, options);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  EXPECT_TRUE(SerializeParserModel(*a) == SerializeParserModel(*b));
  EXPECT_FALSE(SerializeParserModel(*a) == SerializeParserModel(TrainTiny()));
  AttachmentCounts counts = CountAttachments(*a, train);
  EXPECT_EQ(counts.labelled_correct, counts.words);
  // The first of several runs is the single run of the same seed.
  options.runs = 1;
  auto single = TrainParser(train, {}, options);
  ASSERT_TRUE(single.ok());
  EXPECT_TRUE(SerializeParserModel(*single) ==
              SerializeParserModel(TrainTiny()));
}

TEST(ParserTest, ParsesThroughThePublicInterface) {
  auto model = std::make_shared<const ParserModel>(TrainTiny());
  DependencyParser parser(model);
  std::vector<std::string_view> words = {"Russia", "attacked", "the", "city",
                                         "."};
  std::vector<TokenAnalysis> tags = {{"PROPN", "NNP", "", -1, ""},
                                     {"VERB", "VBD", "", -1, ""},
                                     {"DET", "DT", "", -1, ""},
                                     {"NOUN", "NN", "", -1, ""},
                                     {"PUNCT", ".", "", -1, ""}};
  std::vector<DependencyArc> arcs = parser.Parse(words, tags);
  ASSERT_EQ(arcs.size(), 5u);
  EXPECT_EQ(arcs[0].head, 2);
  EXPECT_EQ(arcs[0].deprel, "nsubj");
  EXPECT_EQ(arcs[1].head, 0);
  EXPECT_EQ(arcs[1].deprel, "root");
  EXPECT_EQ(arcs[3].head, 2);
  EXPECT_EQ(arcs[3].deprel, "obj");
  // Mismatched sizes give no parse rather than reading past the end.
  tags.pop_back();
  EXPECT_TRUE(parser.Parse(words, tags).empty());
}

TEST(ParserTest, AlwaysReturnsATreeOnUnseenInput) {
  DependencyParser parser(std::make_shared<const ParserModel>(TrainTiny()));
  std::vector<std::string_view> words = {"zz", "qq", "ww", "xx", "yy", "vv"};
  std::vector<TokenAnalysis> tags(words.size(), {"X", "FW", "", -1, ""});
  std::vector<DependencyArc> arcs = parser.Parse(words, tags);
  ASSERT_EQ(arcs.size(), words.size());
  int roots = 0;
  for (size_t i = 0; i < arcs.size(); ++i) {
    roots += arcs[i].head == 0;
    EXPECT_NE(arcs[i].head, static_cast<int>(i + 1));
    // Following heads from any word reaches the root.
    int at = static_cast<int>(i + 1), steps = 0;
    while (at != 0 && steps++ <= 6) at = arcs[at - 1].head;
    EXPECT_EQ(at, 0);
  }
  EXPECT_EQ(roots, 1);
  EXPECT_TRUE(parser.Parse({}, {}).empty());
}

TEST(ParserTest, SaveAndLoadRoundTrip) {
  ParserModel model = TrainTiny();
  std::string path =
      (std::filesystem::temp_directory_path() / "dyad_parser_test.dyad")
          .string();
  ASSERT_TRUE(SaveParserModelFile(model, path).ok());
  auto loaded = LoadParserModelFile(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->labels, model.labels);
  EXPECT_EQ(loaded->root_label, model.root_label);
  EXPECT_EQ(loaded->weights.weight_count(), model.weights.weight_count());
  ASSERT_EQ(loaded->self_test.size(), 2u);
  EXPECT_EQ(loaded->self_test[1].heads, model.self_test[1].heads);
  EXPECT_EQ(SerializeParserModel(*loaded), SerializeParserModel(model));
  auto through_public = DependencyParser::Load(path);
  EXPECT_TRUE(through_public.ok());
  std::filesystem::remove(path);
  EXPECT_EQ(DependencyParser::Load(path).status().code(),
            StatusCode::kNotFound);
}

TEST(ParserTest, RejectsDamagedFiles) {
  std::string bytes = SerializeParserModel(TrainTiny());
  // A flipped bit anywhere: checksum.
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x10;
  auto result = DeserializeParserModel(flipped, "m.dyad");
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(result.status().message().find("m.dyad"), std::string::npos);
  // Truncated.
  EXPECT_EQ(DeserializeParserModel(bytes.substr(0, bytes.size() - 20), "m")
                .status()
                .code(),
            StatusCode::kDataLoss);
  // Not a parser model at all.
  EXPECT_EQ(
      DeserializeParserModel("DYADPOS\nxxxxxxxxxxxx", "m").status().code(),
      StatusCode::kDataLoss);
}

TEST(ParserTest, RejectsAModelWhoseSelfTestFails) {
  ParserModel model = TrainTiny();
  ASSERT_FALSE(model.self_test.empty());
  // A recorded parse the weights do not give: the file is consistent
  // (checksum) but the model is not what was saved.
  model.self_test[0].heads[0] = model.self_test[0].heads[0] == 4 ? 2 : 4;
  auto result =
      DeserializeParserModel(SerializeParserModel(model), "mismatch.dyad");
  EXPECT_EQ(result.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(result.status().message().find("self-test"), std::string::npos);
}

TEST(ParserTest, RejectsAnotherFormatVersion) {
  std::string bytes = SerializeParserModel(TrainTiny());
  bytes[8] = 9;  // version u32 right after the magic
  // Fix the checksum so the version check is what fails.
  std::string body = bytes.substr(0, bytes.size() - 8);
  uint64_t sum = HashBytes(body);
  for (int i = 0; i < 8; ++i) body.push_back(static_cast<char>(sum >> (8 * i)));
  EXPECT_EQ(DeserializeParserModel(body, "m").status().code(),
            StatusCode::kParseError);
}

TEST(ParserTest, ScorerAddsWhatTheSparseRowsHold) {
  // Rows long enough to be stored dense and short ones, over 103 classes;
  // the scores must equal a plain sum over the rows' (class, weight) pairs.
  const int classes = 103;
  std::vector<FeatureWeights::Row> rows;
  uint64_t state = 12345;
  auto next = [&state]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  for (int r = 0; r < 200; ++r) {
    FeatureWeights::Row row;
    row.key = next() << 20 | static_cast<uint64_t>(r);
    int count = r % 3 == 0 ? 30 + static_cast<int>(next() % 70)
                           : 1 + static_cast<int>(next() % 10);
    for (int c = 0; c < classes && static_cast<int>(row.weights.size()) < count;
         c += 1 + static_cast<int>(next() % 3)) {
      int16_t weight =
          static_cast<int16_t>(static_cast<int>(next() % 2001) - 1000);
      row.weights.push_back(LabelWeight{weight, static_cast<uint8_t>(c), 0});
    }
    rows.push_back(row);
  }
  FeatureWeights weights(rows);
  ParserScorer scorer(weights, classes);
  ASSERT_FALSE(scorer.empty());
  ASSERT_GE(scorer.dense_stride(), classes);
  // Sets of keys, some of them absent from the table.
  for (int trial = 0; trial < 50; ++trial) {
    uint64_t keys[kMaxParserFeatures];
    int count = 1 + static_cast<int>(next() % kMaxParserFeatures);
    std::vector<int64_t> expected(classes, 0);
    for (int k = 0; k < count; ++k) {
      size_t r = next() % (rows.size() + 20);
      keys[k] = r < rows.size() ? rows[r].key : next() << 1 | 1;
      if (r >= rows.size()) continue;
      for (const LabelWeight& w : rows[r].weights) {
        expected[w.label] += w.weight;
      }
    }
    int32_t scores[256] = {};
    scorer.AddScores(keys, count, scores);
    for (int c = 0; c < classes; ++c) {
      ASSERT_EQ(scores[c], expected[c]) << "trial " << trial << " class " << c;
    }
  }
}

TEST(ParserTest, ParsesTheSameWithAndWithoutTheScorer) {
  ParserModel fast = TrainTiny();
  ASSERT_FALSE(fast.scorer.empty());
  ParserModel slow = fast;
  slow.scorer = ParserScorer();
  std::vector<ParserSelfTest> a = fast.self_test, b = fast.self_test;
  for (const ConlluSentence& sentence : Treebank()) {
    a.push_back(SelfTestOf(sentence));
    b.push_back(SelfTestOf(sentence));
  }
  fast.FillSelfTest(&a);
  slow.FillSelfTest(&b);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].heads, b[i].heads) << i;
    EXPECT_EQ(a[i].labels, b[i].labels) << i;
  }
}

TEST(ParserTest, FeatureKeysDependOnTheConfiguration) {
  // The extractor writes at most kMaxParserFeatures distinct-template
  // keys, and a word's identity reaches them: two sentences differing in
  // the first buffer word give different keys, the same sentence the same.
  std::vector<ParserWord> one = {RootParserWord(),
                                 MakeParserWord("Russia", "PROPN", "NNP"),
                                 MakeParserWord("attacked", "VERB", "VBD")};
  std::vector<ParserWord> two = one;
  two[1] = MakeParserWord("NATO", "PROPN", "NNP");
  Configuration config(2);
  uint64_t a[kMaxParserFeatures], b[kMaxParserFeatures], c[kMaxParserFeatures];
  int na = ExtractParserFeatures(config, one.data(), a);
  int nb = ExtractParserFeatures(config, two.data(), b);
  int nc = ExtractParserFeatures(config, one.data(), c);
  ASSERT_GT(na, 50);
  ASSERT_LE(na, kMaxParserFeatures);
  ASSERT_EQ(na, nb);
  ASSERT_EQ(na, nc);
  EXPECT_TRUE(std::equal(a, a + na, c));
  EXPECT_FALSE(std::equal(a, a + na, b));
  // The extractor's inlined key combination is features.h's CombineKeys:
  // the bias key (template 1) and the stack top's word (template 2, the
  // root here).
  const uint64_t kTemplateStep = 0xd6e8feb86659fd93ULL;
  EXPECT_EQ(a[0], CombineKeys(kTemplateStep, 0));
  EXPECT_EQ(a[1], CombineKeys(2 * kTemplateStep, RootParserWord().word));
  std::vector<uint64_t> sorted(a, a + na);
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
}

TEST(ParserTest, TrainsOnALiftedNonProjectiveTree) {
  // The tiny treebank plus a non-projective tree: the arc 2 -> 5 spans
  // the root word 4, which does not descend from 2. The trainer lifts it
  // instead of skipping it, unless told not to.
  std::string text = kTreebank;
  text +=
      "1\tWhat\twhat\tPRON\tWP\t_\t3\tobj\t_\t_\n"
      "2\tdid\tdo\tAUX\tVBD\t_\t3\taux\t_\t_\n"
      "3\tNATO\tNATO\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
      "4\tsay\tsay\tVERB\tVB\t_\t0\troot\t_\t_\n"
      "5\t?\t?\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
      "\n";
  auto parsed = ParseConllu(text, "tiny.conllu");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ParserTrainerOptions options;
  options.epochs = 2;
  std::ostringstream log;
  options.log = &log;
  ASSERT_TRUE(TrainParser(*parsed, {}, options).ok());
  EXPECT_NE(log.str().find("training on 7 trees (1 made projective"),
            std::string::npos)
      << log.str();
  options.projectivize = false;
  std::ostringstream log2;
  options.log = &log2;
  ASSERT_TRUE(TrainParser(*parsed, {}, options).ok());
  EXPECT_NE(log2.str().find("training on 6 trees (0 made projective by "
                            "lifting, 1 skipped)"),
            std::string::npos)
      << log2.str();
}

}  // namespace
}  // namespace dyad::analyze
