// Training on a handful of sentences, the model file round trip, and the
// load-time checks (checksum, self-test).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analyze/conllu.h"
#include "analyze/model_file.h"
#include "analyze/perceptron_trainer.h"
#include "dyad/analyze.h"
#include "dyad/text.h"

namespace dyad::analyze {
namespace {

constexpr char kTreebank[] =
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tminister\tminister\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
    "3\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\tKyiv\tKyiv\tPROPN\tNNP\t_\t3\tobj\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1\tTroops\ttroop\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\twent\tgo\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\thome\thome\tADV\tRB\t_\t2\tadvmod\t_\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tvisit\tvisit\tVERB\tVBP\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\tvisit\tvisit\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
    "5\tsite\tsite\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
    "6\t!\t!\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tMoscow\tMoscow\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tsays\tsay\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
    "3\tit\tit\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "4\twent\tgo\tVERB\tVBD\t_\t2\tccomp\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

std::vector<ConlluSentence> Treebank() {
  auto parsed = ParseConllu(kTreebank, "tiny.conllu");
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return parsed.ok() ? std::move(*parsed) : std::vector<ConlluSentence>();
}

TaggerModel Train(uint64_t seed = 7) {
  TrainerOptions options;
  options.epochs = 10;
  options.seed = seed;
  auto model = TrainTagger(Treebank(), {}, options);
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  return model.ok() ? std::move(*model) : TaggerModel();
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("dyad_tagger_test_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

TEST(TaggerTest, LearnsTheTrainingSentences) {
  TaggerModel model = Train();
  ASSERT_EQ(model.labels.size(), 10u);  // distinct (UPOS, XPOS) pairs
  for (const ConlluSentence& sentence : Treebank()) {
    std::vector<std::string_view> words;
    for (const ConlluWord& word : sentence.words) words.push_back(word.form);
    std::vector<int> labels;
    model.Tag(words, &labels);
    ASSERT_EQ(labels.size(), words.size());
    for (size_t i = 0; i < words.size(); ++i) {
      const TagLabel& label = model.labels[labels[i]];
      EXPECT_EQ(label.upos, sentence.words[i].upos) << words[i];
      EXPECT_EQ(label.xpos, sentence.words[i].xpos) << words[i];
      EXPECT_EQ(model.lemmatizer.Lemma(words[i], label.xpos),
                sentence.words[i].lemma);
    }
  }
}

// The fast scorer (dense and sparse rows, built by Prepare) must give the
// labels that adding FeatureWeights rows one by one gives.
TEST(TaggerTest, PreparedScorerMatchesPlainWeights) {
  TaggerModel fast = Train();
  ASSERT_FALSE(fast.scorer.empty());
  TaggerModel plain = fast;
  plain.scorer = ParserScorer();
  std::vector<std::string> vocabulary;
  for (const ConlluSentence& sentence : Treebank()) {
    for (const ConlluWord& word : sentence.words) {
      vocabulary.push_back(word.form);
    }
  }
  vocabulary.insert(vocabulary.end(), {"unseen", "Words", "2024", "-"});
  uint64_t state = 12345;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<std::string_view> words;
    int length = 1 + trial % 12;
    for (int i = 0; i < length; ++i) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      words.push_back(vocabulary[(state >> 33) % vocabulary.size()]);
    }
    std::vector<int> a, b;
    fast.Tag(words, &a);
    plain.Tag(words, &b);
    ASSERT_EQ(a, b) << "trial " << trial;
  }
}

TEST(TaggerTest, TrainingIsDeterministicForASeed) {
  EXPECT_EQ(SerializeModel(Train(7)), SerializeModel(Train(7)));
}

// Several runs, each shuffled differently, averaged into one model: still
// deterministic, still fits the training sentences, and the mean of the
// runs is not the first run alone.
TEST(TaggerTest, MeanOfSeveralRunsIsDeterministicAndLearns) {
  auto train = [](int runs) {
    TrainerOptions options;
    options.epochs = 10;
    options.seed = 7;
    options.runs = runs;
    auto model = TrainTagger(Treebank(), {}, options);
    EXPECT_TRUE(model.ok()) << model.status().ToString();
    return model.ok() ? std::move(*model) : TaggerModel();
  };
  TaggerModel mean = train(3);
  EXPECT_EQ(SerializeModel(mean), SerializeModel(train(3)));
  EXPECT_NE(SerializeModel(mean), SerializeModel(train(1)));
  for (const ConlluSentence& sentence : Treebank()) {
    std::vector<std::string_view> words;
    for (const ConlluWord& word : sentence.words) words.push_back(word.form);
    std::vector<int> labels;
    mean.Tag(words, &labels);
    for (size_t i = 0; i < words.size(); ++i) {
      EXPECT_EQ(mean.labels[labels[i]].xpos, sentence.words[i].xpos)
          << words[i];
    }
  }
}

TEST(TaggerTest, RejectsAnUntaggedTreebank) {
  auto parsed = ParseConllu("1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n\n", "x.conllu");
  ASSERT_TRUE(parsed.ok());
  auto model = TrainTagger(*parsed, {}, TrainerOptions());
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), StatusCode::kInvalidArgument);
}

TEST(TaggerTest, ModelFileRoundTrips) {
  TaggerModel model = Train();
  std::string bytes = SerializeModel(model);
  EXPECT_EQ(bytes.substr(0, 8), std::string("DYADPOS\n"));
  auto loaded = DeserializeModel(bytes, "m.dyad");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->labels, model.labels);
  EXPECT_EQ(loaded->weights.row_count(), model.weights.row_count());
  EXPECT_EQ(loaded->weights.weight_count(), model.weights.weight_count());
  EXPECT_EQ(loaded->lemmatizer.exceptions().size(),
            model.lemmatizer.exceptions().size());
  EXPECT_EQ(SerializeModel(*loaded), bytes);

  std::string path = TempPath("roundtrip.dyad");
  ASSERT_TRUE(SaveModelFile(model, path).ok());
  auto from_file = LoadModelFile(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(from_file.ok()) << from_file.status().ToString();
  EXPECT_EQ(SerializeModel(*from_file), bytes);
}

TEST(TaggerTest, DamagedFilesDoNotLoad) {
  std::string bytes = SerializeModel(Train());
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x10;
  auto damaged = DeserializeModel(flipped, "bad.dyad");
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(damaged.status().message().find("bad.dyad: checksum"),
            std::string::npos);

  auto truncated = DeserializeModel(bytes.substr(0, 20), "short.dyad");
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("short.dyad"), std::string::npos);

  auto not_model = DeserializeModel("hello world, not a model", "x.txt");
  ASSERT_FALSE(not_model.ok());
  EXPECT_NE(not_model.status().message().find("bad magic"), std::string::npos);

  auto missing = LoadModelFile("/nonexistent/dyad/model.dyad");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(TaggerTest, SelfTestCatchesWrongWeights) {
  TaggerModel model = Train();
  ASSERT_FALSE(model.self_test.empty());
  // Weights gone but the recorded tags kept: the checksum is right (it is
  // recomputed), so only re-tagging the self-test sentences can notice.
  TaggerModel broken;
  broken.labels = model.labels;
  broken.lemmatizer = model.lemmatizer;
  broken.self_test = model.self_test;
  auto loaded = DeserializeModel(SerializeModel(broken), "broken.dyad");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(loaded.status().message().find("broken.dyad: self-test sentence"),
            std::string::npos)
      << loaded.status().message();

  // A recorded tag that the weights do not give.
  TaggerModel relabeled = model;
  int& label = relabeled.self_test[0].labels[0];
  label = (label + 1) % static_cast<int>(model.labels.size());
  auto mismatch = DeserializeModel(SerializeModel(relabeled), "m.dyad");
  ASSERT_FALSE(mismatch.ok());
  EXPECT_NE(mismatch.status().message().find("word 1"), std::string::npos);
}

// A file damaged in any byte, with a checksum that matches the damage,
// loads or fails with a Status; it never crashes or allocates wildly.
TEST(TaggerTest, DamagedBodiesWithValidChecksumFailCleanly) {
  std::string bytes = SerializeModel(Train());
  std::string body = bytes.substr(0, bytes.size() - 8);
  int failures = 0;
  for (size_t at = 8; at < body.size(); at += 7) {
    for (unsigned char flip : {0x01, 0x80, 0xFF}) {
      std::string damaged = body;
      damaged[at] = static_cast<char>(damaged[at] ^ flip);
      uint64_t checksum = HashBytes(damaged);
      for (int i = 0; i < 8; ++i) {
        damaged.push_back(static_cast<char>((checksum >> (8 * i)) & 0xFF));
      }
      auto loaded = DeserializeModel(damaged, "d.dyad");
      if (!loaded.ok()) {
        ++failures;
        EXPECT_EQ(loaded.status().message().rfind("d.dyad", 0), 0u);
      }
    }
  }
  EXPECT_GT(failures, 0);
}

TEST(TaggerTest, FormatVersionIsChecked) {
  std::string bytes = SerializeModel(Train());
  bytes[8] = 9;  // version field, then fix the checksum
  std::string body = bytes.substr(0, bytes.size() - 8);
  uint64_t checksum = HashBytes(body);
  for (int i = 0; i < 8; ++i) {
    body.push_back(static_cast<char>((checksum >> (8 * i)) & 0xFF));
  }
  auto loaded = DeserializeModel(body, "v9.dyad");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kParseError);
  EXPECT_NE(loaded.status().message().find("format version 9"),
            std::string::npos);
}

TEST(TaggerTest, PublicApiTrainsSavesLoadsAndTagsDocuments) {
  std::string treebank = TempPath("tiny.conllu");
  std::string model_path = TempPath("tiny.dyad");
  {
    std::ofstream out(treebank);
    out << kTreebank;
  }
  PosTrainOptions options;
  options.train_paths = {treebank, treebank};
  options.dev_path = treebank;
  options.epochs = 10;
  std::ostringstream log;
  options.log = &log;
  auto trained = TrainPosTagger(options);
  ASSERT_TRUE(trained.ok()) << trained.status().ToString();
  EXPECT_NE(log.str().find("epoch 10: "), std::string::npos);
  EXPECT_NE(log.str().find("dev 100.00%"), std::string::npos) << log.str();
  ASSERT_TRUE(trained->Save(model_path).ok());
  auto tagger = PosTagger::Load(model_path);
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();

  auto accuracy = EvaluatePosTagger(*tagger, treebank);
  ASSERT_TRUE(accuracy.ok());
  EXPECT_EQ(accuracy->sentences, 4u);
  EXPECT_EQ(trained->label_count(), 10u);
  EXPECT_EQ(accuracy->words, 20u);
  EXPECT_EQ(accuracy->upos_correct, 20u);
  EXPECT_EQ(accuracy->lemma_correct, 20u);
  auto none = EvaluatePosTagger(*tagger, treebank, "no-such-id");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->words, 0u);

  Document doc;
  doc.text = "The minister visited Kyiv. Troops went home.";
  ASSERT_TRUE(AnalyzeText(&doc).ok());
  std::vector<TokenAnalysis> tagged = tagger->TagDocument(doc);
  ASSERT_EQ(tagged.size(), doc.tokens.size());
  ASSERT_EQ(tagged.size(), 9u);
  EXPECT_EQ(tagged[2].upos, "VERB");
  EXPECT_EQ(tagged[2].xpos, "VBD");
  EXPECT_EQ(tagged[2].lemma, "visit");
  EXPECT_EQ(tagged[3].upos, "PROPN");
  EXPECT_EQ(tagged[6].lemma, "go");

  doc.doc_id = "story";
  std::string conllu;
  AppendDocumentConllu(doc, tagged, &conllu);
  auto reread = ParseConllu(conllu, "written.conllu");
  ASSERT_TRUE(reread.ok()) << reread.status().ToString() << "\n" << conllu;
  ASSERT_EQ(reread->size(), 2u);
  const ConlluSentence& first = (*reread)[0];
  EXPECT_EQ(first.sent_id, "story-1");
  EXPECT_EQ(first.comments[1], "text = The minister visited Kyiv.");
  ASSERT_EQ(first.words.size(), 5u);
  EXPECT_EQ(first.words[2].form, "visited");
  EXPECT_EQ(first.words[2].lemma, "visit");
  EXPECT_EQ(first.words[2].upos, "VERB");
  EXPECT_EQ(first.words[2].xpos, "VBD");
  EXPECT_EQ(first.words[2].misc, "");
  EXPECT_EQ(first.words[3].misc, "SpaceAfter=No");  // "Kyiv" before "."
  EXPECT_EQ(first.words[3].head, -1);
  EXPECT_EQ((*reread)[1].words[1].lemma, "go");

  std::filesystem::remove(treebank);
  std::filesystem::remove(model_path);
  PosTrainOptions no_files;
  EXPECT_EQ(TrainPosTagger(no_files).status().code(),
            StatusCode::kInvalidArgument);
  auto missing = PosTagger::Load(model_path);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find(model_path), std::string::npos);
}

}  // namespace
}  // namespace dyad::analyze
