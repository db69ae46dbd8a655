#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "analyze/features.h"
#include "analyze/iob_spans.h"
#include "analyze/ner_features.h"
#include "analyze/ner_gazetteer.h"
#include "analyze/ner_model.h"
#include "analyze/ner_model_file.h"
#include "analyze/ner_name_lists.h"
#include "analyze/ner_places.h"
#include "analyze/ner_trainer.h"
#include "dyad/analyze.h"
#include "dyad/lexicon.h"

namespace dyad::analyze {
namespace {

NerTrainingSentence Sentence(std::vector<std::string> words,
                             std::vector<std::string> pos,
                             std::vector<std::string> tags) {
  NerTrainingSentence s;
  s.words = std::move(words);
  s.pos = std::move(pos);
  for (const std::string& tag : tags) s.labels.push_back(NerLabelOf(tag));
  return s;
}

std::vector<NerTrainingSentence> TinyCorpus() {
  return {
      Sentence({"Maria", "Lopez", "visited", "Paris", "."},
               {"NNP", "NNP", "VBD", "NNP", "."},
               {"B-PER", "L-PER", "O", "U-LOC", "O"}),
      Sentence({"The", "Red", "Cross", "helped", "Kenya", "."},
               {"DT", "NNP", "NNP", "VBD", "NNP", "."},
               {"O", "B-ORG", "L-ORG", "O", "U-LOC", "O"}),
      Sentence({"John", "Smith", "works", "for", "Acme", "Corp", "."},
               {"NNP", "NNP", "VBZ", "IN", "NNP", "NNP", "."},
               {"B-PER", "L-PER", "O", "O", "B-ORG", "L-ORG", "O"}),
      Sentence({"we", "flew", "to", "Rome", "yesterday"},
               {"PRP", "VBD", "IN", "NNP", "NN"},
               {"O", "O", "O", "U-LOC", "O"}),
  };
}

NerModel TrainTiny() {
  NerTrainerOptions options;
  options.epochs = 20;
  options.actor_names.AddName({"RED", "CROSS"}, kGazOrg);
  options.place_names.Add({"rome"}, kPlaceCapital | 3);
  options.name_lists.Add({"red", "cross"}, kNameOperator);
  NerGazetteer gazetteer;
  gazetteer.Add({"Kenya"}, kGazPlace);
  auto model = TrainNerModel(TinyCorpus(), TinyCorpus(), gazetteer, options);
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  return std::move(*model);
}

std::vector<int> TagOf(const NerModel& model, const NerTrainingSentence& s) {
  std::vector<std::string_view> w(s.words.begin(), s.words.end());
  std::vector<std::string_view> p(s.pos.begin(), s.pos.end());
  return model.Tag(w, p);
}

TEST(NerLabelsTest, NamesAndTransitions) {
  for (int label = 0; label < kNerLabelCount; ++label) {
    EXPECT_EQ(NerLabelOf(NerLabelName(label)), label);
  }
  EXPECT_EQ(NerLabelOf("E-ORG"), NerLabelOf("L-ORG"));
  EXPECT_EQ(NerLabelOf("B-MISC"), -1);
  EXPECT_TRUE(NerTransitionAllowed(kNerStartLabel, NerLabelOf("B-PER")));
  EXPECT_FALSE(NerTransitionAllowed(kNerStartLabel, NerLabelOf("I-PER")));
  EXPECT_FALSE(NerTransitionAllowed(NerLabelOf("B-PER"), NerLabelOf("L-ORG")));
  EXPECT_FALSE(NerTransitionAllowed(NerLabelOf("B-PER"), 0));
  EXPECT_TRUE(NerTransitionAllowed(NerLabelOf("L-PER"), NerLabelOf("U-ORG")));
}

TEST(NerViterbiTest, ProducesOnlyValidSequences) {
  // Emissions that greedily prefer I- everywhere: Viterbi must still give a
  // valid BILOU sequence.
  const size_t n = 4;
  std::vector<float> emission(n * kNerLabelCount, 0);
  for (size_t i = 0; i < n; ++i) {
    emission[i * kNerLabelCount + NerLabelOf("I-ORG")] = 5;
  }
  std::vector<float> transition((kNerStartLabel + 1) * kNerLabelCount, 0);
  std::vector<int> labels = NerViterbi(emission, transition, n);
  int previous = kNerStartLabel;
  for (int label : labels) {
    EXPECT_TRUE(NerTransitionAllowed(previous, label));
    previous = label;
  }
  EXPECT_TRUE(NerCanEnd(previous));
  EXPECT_EQ(labels[1], NerLabelOf("I-ORG"));
}

TEST(NerGazetteerTest, LongestMatchAndDefaultLexicon) {
  NerGazetteer gazetteer;
  gazetteer.Add({"United", "Nations"}, kGazOrg);
  gazetteer.Add({"United"}, kGazPlace);
  std::vector<uint32_t> marks =
      gazetteer.Match({"the", "united", "nations", "and", "united"});
  EXPECT_EQ(marks, (std::vector<uint32_t>{0, kGazOrg << 2 | 1, kGazOrg << 2 | 3,
                                          0, kGazPlace << 2 | 0}));
  NerGazetteer lexicon = NerGazetteer::FromDefaultLexicon();
  EXPECT_GT(lexicon.size(), 500u);
  std::vector<uint32_t> found = lexicon.Match(
      {"talks", "in", "france", "with", "the", "united", "nations"});
  EXPECT_TRUE(found[2] >> 2 & kGazPlace);
  EXPECT_TRUE(found[6] >> 2 & kGazOrg);
}

TEST(NerTrainerTest, LearnsTinyCorpusDeterministically) {
  NerModel model = TrainTiny();
  for (const NerTrainingSentence& s : TinyCorpus()) {
    EXPECT_EQ(TagOf(model, s), s.labels) << s.words[0];
  }
  EXPECT_FALSE(model.self_tests.empty());
  EXPECT_EQ(SerializeNerModel(model), SerializeNerModel(TrainTiny()));
}

TEST(NerTrainerTest, OneRunAndSeveralRunsBothLearnTheTinyCorpus) {
  for (int runs : {1, 3}) {
    NerTrainerOptions options;
    options.epochs = 20;
    options.runs = runs;
    auto model = TrainNerModel(TinyCorpus(), {}, NerGazetteer(), options);
    ASSERT_TRUE(model.ok()) << model.status().ToString();
    for (const NerTrainingSentence& s : TinyCorpus()) {
      EXPECT_EQ(TagOf(*model, s), s.labels) << runs << " " << s.words[0];
    }
  }
}

TEST(NerTrainerTest, WordProfilesRecordEntityTypesAndCapitals) {
  NerModel model = TrainTiny();
  std::vector<uint32_t> marks =
      model.word_profiles.Match({"rome", "acme", "we", "visited", "unseen"});
  auto mask = [&](size_t i) { return marks[i] >> 2; };
  EXPECT_EQ(mask(0), kProfileInPlace | kProfileCapital);
  EXPECT_EQ(mask(1), kProfileInOrg | kProfileCapital);
  // "we" opens its sentence: no capitalization evidence either way.
  EXPECT_EQ(mask(2), kProfileOutside);
  EXPECT_EQ(mask(3), kProfileOutside | kProfileLowerCase);
  EXPECT_EQ(mask(4), 0u);
}

Actor MakeActor(std::vector<std::vector<std::string>> phrases,
                std::vector<DatedCode> codes) {
  Actor actor;
  for (const auto& words : phrases) {
    Phrase& phrase = actor.phrases.emplace_back();
    for (const std::string& w : words) phrase.words.push_back({w});
  }
  actor.codes = std::move(codes);
  return actor;
}

TEST(NerGazetteerTest, NamesAlsoMatchWithHyphensSplitTheUdWay) {
  NerGazetteer names;
  names.AddName({"COCA-COLA", "COMPANY"}, kGazOrg);
  names.AddName({"KABUL"}, kGazPlace);
  EXPECT_EQ(names.size(), 3u);
  std::vector<uint32_t> marks =
      names.Match({"coca", "-", "cola", "company", "in", "kabul"});
  EXPECT_EQ(marks, (std::vector<uint32_t>{kGazOrg << 2 | 1, kGazOrg << 2 | 2,
                                          kGazOrg << 2 | 2, kGazOrg << 2 | 3, 0,
                                          kGazPlace << 2 | 0}));
  EXPECT_EQ(names.Match({"coca-cola", "company"})[0], kGazOrg << 2 | 1);
  // A hyphen at either end of a word is not split off.
  NerGazetteer edge;
  edge.AddName({"-X-"}, kGazOrg);
  EXPECT_EQ(edge.size(), 1u);
}

TEST(NerFeaturesTest, ActorNamesAndNameCuesChangeTheFeatures) {
  std::vector<std::string_view> words = {"He", "joined", "Acme", "Bank", "."};
  std::vector<std::string_view> pos = {"PRP", "VBD", "NNP", "NNP", "."};
  NerGazetteer none, actors;
  actors.Add({"acme", "bank"}, kGazOrg);
  NerSentenceFeatures plain, with_actors;
  ExtractNerFeatures(words, pos, none, none, none, none, none, &plain);
  ExtractNerFeatures(words, pos, none, none, actors, none, none, &with_actors);
  ASSERT_EQ(plain.offsets, with_actors.offsets);
  // Only the words the name covers and their neighbours differ.
  auto same = [&](size_t i) {
    return std::equal(plain.keys.begin() + plain.offsets[i],
                      plain.keys.begin() + plain.offsets[i + 1],
                      with_actors.keys.begin() + plain.offsets[i]);
  };
  EXPECT_TRUE(same(0));
  EXPECT_FALSE(same(2));
  EXPECT_FALSE(same(3));
  // "Bank" heads an organization name, "Lake" a place name: the first word
  // of the name, beyond the reach of the context window, is told which.
  std::vector<std::string_view> org = {"He",  "joined", "Acme", "Foo",
                                       "Bar", "Bank",   "."};
  std::vector<std::string_view> place = {"He",  "joined", "Acme", "Foo",
                                         "Bar", "Lake",   "."};
  std::vector<std::string_view> tags = {"PRP", "VBD", "NNP", "NNP",
                                        "NNP", "NNP", "."};
  NerSentenceFeatures org_features, place_features;
  ExtractNerFeatures(org, tags, none, none, none, none, none, &org_features);
  ExtractNerFeatures(place, tags, none, none, none, none, none,
                     &place_features);
  size_t differing = 0;
  for (uint32_t f = org_features.offsets[2]; f < org_features.offsets[3]; ++f) {
    differing += org_features.keys[f] != place_features.keys[f];
  }
  EXPECT_EQ(differing, 2u);  // the run's cues, alone and with the shape
}

TEST(NerFeaturesTest, PlaceNamesChangeTheFeatures) {
  std::vector<std::string_view> words = {"we", "flew", "to", "kollam", "."};
  std::vector<std::string_view> pos = {"PRP", "VBD", "IN", "NNP", "."};
  NerGazetteer none, places;
  places.Add({"kollam"}, 2);
  NerSentenceFeatures plain, with_places;
  ExtractNerFeatures(words, pos, none, none, none, none, none, &plain);
  ExtractNerFeatures(words, pos, none, none, none, places, none, &with_places);
  ASSERT_EQ(plain.offsets, with_places.offsets);
  auto same = [&](size_t i) {
    return std::equal(plain.keys.begin() + plain.offsets[i],
                      plain.keys.begin() + plain.offsets[i + 1],
                      with_places.keys.begin() + plain.offsets[i]);
  };
  EXPECT_TRUE(same(0));
  EXPECT_TRUE(same(1));
  EXPECT_FALSE(same(2));  // the next word is a place
  EXPECT_FALSE(same(3));
  EXPECT_FALSE(same(4));
}

TEST(NerFeaturesTest, NameListsChangeTheFeatures) {
  std::vector<std::string_view> words = {"I", "love", "Firefox", "now", "."};
  std::vector<std::string_view> pos = {"PRP", "VBP", "NNP", "RB", "."};
  NerGazetteer none, lists;
  lists.Add({"firefox"}, kNameTech);
  NerSentenceFeatures plain, with_lists;
  ExtractNerFeatures(words, pos, none, none, none, none, none, &plain);
  ExtractNerFeatures(words, pos, none, none, none, none, lists, &with_lists);
  // With name lists every word gets their templates, matched or not.
  ASSERT_EQ(plain.offsets.size(), with_lists.offsets.size());
  const size_t per_word = plain.offsets[1];
  EXPECT_GT(with_lists.offsets[1], per_word);
  auto prefix_same = [&](size_t i) {
    return std::equal(plain.keys.begin() + plain.offsets[i],
                      plain.keys.begin() + plain.offsets[i + 1],
                      with_lists.keys.begin() + with_lists.offsets[i]);
  };
  for (size_t i = 0; i < words.size(); ++i) EXPECT_TRUE(prefix_same(i)) << i;
  NerGazetteer other;
  other.Add({"firefox"}, kNameShop);
  NerSentenceFeatures with_other;
  ExtractNerFeatures(words, pos, none, none, none, none, other, &with_other);
  auto same_as_other = [&](size_t i) {
    return std::equal(with_lists.keys.begin() + with_lists.offsets[i],
                      with_lists.keys.begin() + with_lists.offsets[i + 1],
                      with_other.keys.begin() + with_other.offsets[i]);
  };
  EXPECT_TRUE(same_as_other(0));
  EXPECT_FALSE(same_as_other(1));  // the next word is listed
  EXPECT_FALSE(same_as_other(2));
  EXPECT_FALSE(same_as_other(3));
}

std::string WriteTempFile(const std::string& name, const std::string& text) {
  std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// The mask the place gazetteer gives a single-word phrase, 0 for none.
uint32_t PlaceMask(const NerGazetteer& places, std::vector<std::string> words) {
  std::vector<uint32_t> marks = places.Match(words);
  return marks.empty() ? 0 : marks[0] >> 2;
}

TEST(NerPlaceNamesTest, ReadsGeoNamesAndCountries) {
  // geonameid, name, asciiname, alternatenames, lat, lon, feature class,
  // feature code, country, cc2, admin1-4, population, ...
  const std::string geonames =
      "1\tSpringfield\tSpringfield\tSpringfeld,SPF\t0\t0\tP\tPPLA\tUS"
      "\t\t\t\t\t\t116250\t\t\tAmerica/Chicago\t2020-01-01\n"
      "2\tSpringfield\tSpringfield\t\t0\t0\tP\tPPL\tUS\t\t\t\t\t\t"
      "1200\t\t\tAmerica/New_York\t2020-01-01\n"
      "3\tWinston-Salem\tWinston-Salem\tTwin City\t0\t0\tP\tPPL\tUS\t"
      "\t\t\t\t\t249545\t\t\tAmerica/New_York\t2020-01-01\n"
      "4\tTinyville\tTinyville\tTinytown\t0\t0\tP\tPPL\tUS\t\t\t\t"
      "\t\t600\t\t\tAmerica/New_York\t2020-01-01\n";
  const std::string countries = R"([
    {"name": {"common": "Freedonia", "official": "Republic of Freedonia"},
     "altSpellings": ["FD", "Fredonia"], "capital": ["Springfield"],
     "region": "Europe", "subregion": "Western Europe",
     "demonyms": {"eng": {"f": "Freedonian", "m": "Freedonian"}}}
  ])";
  NerPlaceNames names;
  ASSERT_TRUE(
      names.ReadGeoNames(WriteTempFile("places.txt", geonames), 10000).ok());
  ASSERT_TRUE(
      names.ReadWorldCountries(WriteTempFile("countries.json", countries))
          .ok());
  NerGazetteer places = names.ToGazetteer();
  constexpr uint32_t kListed = kPlaceListed;
  // The larger Springfield's population class (2: 100,000 to a million)
  // and its admin-seat flag win.
  EXPECT_EQ(PlaceMask(places, {"springfield"}), kListed | 2 | kPlaceCapital);
  EXPECT_EQ(PlaceMask(places, {"springfeld"}),
            kListed | 2 | kPlaceCapital | kPlaceAlternateOnly);
  EXPECT_EQ(PlaceMask(places, {"spf"}), 0u);  // a code, left out
  // Alternate names of small places are left out, their names are not.
  EXPECT_EQ(PlaceMask(places, {"tinytown"}), 0u);
  EXPECT_EQ(PlaceMask(places, {"tinyville"}), kListed);
  EXPECT_EQ(
      places.Match({"winston", "-", "salem"}),
      (std::vector<uint32_t>{(kListed | 2) << 2 | 1, (kListed | 2) << 2 | 2,
                             (kListed | 2) << 2 | 3}));
  EXPECT_EQ(PlaceMask(places, {"freedonia"}), kListed | 3 | kPlaceCountry);
  EXPECT_EQ(places.Match({"republic", "of", "freedonia"})[0] >> 2,
            kListed | 3 | kPlaceCountry);
  EXPECT_EQ(PlaceMask(places, {"fredonia"}),
            kListed | 3 | kPlaceCountry | kPlaceAlternateOnly);
  EXPECT_EQ(PlaceMask(places, {"fd"}), 0u);
  EXPECT_EQ(PlaceMask(places, {"freedonian"}), kListed | kPlaceDemonym);
  EXPECT_EQ(places.Match({"western", "europe"})[0] >> 2,
            kListed | 3 | kPlaceCountry);
}

TEST(NerPlaceNamesTest, ReportsBadFiles) {
  NerPlaceNames names;
  std::string path = WriteTempFile("short.txt", "1\tX\tX\n");
  Status status = names.ReadGeoNames(path, 0);
  EXPECT_EQ(status.code(), StatusCode::kParseError);
  EXPECT_NE(status.message().find(path + ":1:"), std::string::npos);
  EXPECT_EQ(names.ReadGeoNames(path + ".absent", 0).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(
      names.ReadWorldCountries(WriteTempFile("bad.json", "{\"a\": 1}")).code(),
      StatusCode::kParseError);
}

TEST(NerActorNamesTest, TypesFollowTheCodes) {
  Lexicon lexicon;
  lexicon.actors.push_back(
      MakeActor({{"AFGHANISTAN"}, {"KABUL"}}, {{"AFG", kDateMin, kDateMax}}));
  lexicon.actors.push_back(MakeActor({{"AFGHAN", "NATIONAL", "ARMY"}},
                                     {{"AFGMIL", kDateMin, kDateMax}}));
  lexicon.actors.push_back(MakeActor(
      {{"BABRAK", "KARMAL"}},
      {{"AFGGOV", 19791227, 19861124}, {"AFGELI", kDateMin, kDateMax}}));
  lexicon.actors.push_back(
      MakeActor({{"NOBODY"}}, {{"---", kDateMin, kDateMax}}));
  // Three-letter sector codes alone name kinds of actors, not countries.
  lexicon.actors.push_back(
      MakeActor({{"XINHUA"}}, {{"MED", kDateMin, kDateMax}}));
  lexicon.actors.push_back(
      MakeActor({{"CHEVRON"}}, {{"MNC", kDateMin, kDateMax}}));
  lexicon.actors.push_back(
      MakeActor({{"SOME", "ELDER"}}, {{"ELI", kDateMin, kDateMax}}));
  std::vector<NerActorName> names = NerActorNamesFromLexicon(lexicon);
  ASSERT_EQ(names.size(), 7u);
  EXPECT_EQ(names[0].words, std::vector<std::string>{"AFGHANISTAN"});
  EXPECT_EQ(names[0].type, "PLACE");
  EXPECT_EQ(names[1].words, std::vector<std::string>{"KABUL"});
  EXPECT_EQ(names[1].type, "PLACE");
  EXPECT_EQ(names[2].type, "ORG");
  EXPECT_EQ(names[3].words, (std::vector<std::string>{"BABRAK", "KARMAL"}));
  EXPECT_EQ(names[3].type, "PERSON");
  EXPECT_EQ(names[4].type, "ORG");
  EXPECT_EQ(names[5].type, "ORG");
  EXPECT_EQ(names[6].type, "PERSON");
}

TEST(NerTrainerTest, RejectsEmptyTraining) {
  auto model = TrainNerModel({}, {}, NerGazetteer(), NerTrainerOptions());
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), StatusCode::kInvalidArgument);
}

TEST(NerModelFileTest, RoundTrip) {
  NerModel model = TrainTiny();
  std::string bytes = SerializeNerModel(model);
  auto loaded = DeserializeNerModel(bytes, "tiny.dyad");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(SerializeNerModel(*loaded), bytes);
  EXPECT_EQ(loaded->actor_names.entries(), model.actor_names.entries());
  EXPECT_EQ(loaded->actor_names.size(), 1u);
  EXPECT_EQ(loaded->place_names.entries(), model.place_names.entries());
  EXPECT_EQ(loaded->place_names.size(), 1u);
  EXPECT_EQ(loaded->name_lists.entries(), model.name_lists.entries());
  EXPECT_EQ(loaded->name_lists.size(), 1u);
  for (const NerTrainingSentence& s : TinyCorpus()) {
    EXPECT_EQ(TagOf(*loaded, s), TagOf(model, s));
  }
  std::string path = ::testing::TempDir() + "/ner_round_trip.dyad";
  ASSERT_TRUE(SaveNerModelFile(model, path).ok());
  auto from_file = LoadNerModelFile(path);
  ASSERT_TRUE(from_file.ok()) << from_file.status().ToString();
  EXPECT_EQ(SerializeNerModel(*from_file), bytes);
  auto missing = LoadNerModelFile(path + ".absent");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(NerModelFileTest, RejectsCorruptedFiles) {
  std::string bytes = SerializeNerModel(TrainTiny());
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x20;
  auto damaged = DeserializeNerModel(flipped, "m.dyad");
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(damaged.status().message().rfind("m.dyad: ", 0), 0u);

  auto truncated =
      DeserializeNerModel(bytes.substr(0, bytes.size() - 20), "m.dyad");
  EXPECT_EQ(truncated.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(
      DeserializeNerModel("DYADPOS\n0123456789", "m.dyad").status().code(),
      StatusCode::kDataLoss);

  std::string version = bytes;
  version[8] = 9;
  EXPECT_EQ(DeserializeNerModel(version, "m.dyad").status().code(),
            StatusCode::kParseError);
  // A model of another feature set is refused (before the checksum).
  std::string features = bytes;
  features[12] = static_cast<char>(kNerFeatureSetId - 1);
  auto other_set = DeserializeNerModel(features, "m.dyad");
  EXPECT_EQ(other_set.status().code(), StatusCode::kParseError);
  EXPECT_NE(other_set.status().message().find("feature set"),
            std::string::npos);

  // Weights changed with a valid checksum: only the self-test notices.
  // Zero every weight (the transitions included) so the tags change.
  NerModel model = TrainTiny();
  std::vector<FeatureWeights::Row> rows = model.weights.SortedRows();
  for (FeatureWeights::Row& row : rows) {
    for (LabelWeight& w : row.weights) w.weight = w.label == 0 ? 100 : -100;
  }
  model.weights = FeatureWeights(std::move(rows));
  auto mismatched = DeserializeNerModel(SerializeNerModel(model), "m.dyad");
  ASSERT_FALSE(mismatched.ok());
  EXPECT_EQ(mismatched.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(mismatched.status().message().find("self-test"), std::string::npos);
}

}  // namespace
}  // namespace dyad::analyze
