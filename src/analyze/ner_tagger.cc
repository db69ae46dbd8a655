// NerTagger: loading, saving, training and evaluating through the model of
// ner_model.h, with part-of-speech tags from a PosTagger.
#include <algorithm>
#include <chrono>
#include <unordered_map>

#include "analyze/conllu.h"
#include "analyze/iob.h"
#include "analyze/iob_spans.h"
#include "analyze/ner_features.h"
#include "analyze/ner_model.h"
#include "analyze/ner_model_file.h"
#include "analyze/ner_name_lists.h"
#include "analyze/ner_places.h"
#include "analyze/ner_score.h"
#include "analyze/ner_trainer.h"
#include "analyze/perceptron_trainer.h"
#include "analyze/tagger_model.h"
#include "dyad/analyze.h"
#include "dyad/lexicon.h"

namespace dyad {
namespace {

std::vector<std::string> PennTags(const PosTagger& pos,
                                  const std::vector<std::string_view>& words) {
  std::vector<int> labels;
  pos.TagLabels(words, &labels);
  std::vector<std::string> tags;
  tags.reserve(labels.size());
  for (int label : labels) tags.push_back(pos.LabelXpos(label));
  return tags;
}

std::string PublicType(std::string_view type) {
  if (type == "PER") return "PERSON";
  if (type == "LOC") return "PLACE";
  return std::string(type);
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& w : words) {
    if (!joined.empty()) joined.push_back(' ');
    joined.append(w);
  }
  return joined;
}

// Part-of-speech taggers that each missed half of the tagger's treebank,
// and which half every treebank sentence (by its words) is in.
struct JackknifeTaggers {
  std::vector<PosTagger> taggers;
  std::unordered_map<std::string, int> half_of;

  // The tagger that did not see `words`, or `fallback`.
  const PosTagger& For(const std::vector<std::string>& words,
                       const PosTagger& fallback) const {
    auto it = half_of.find(JoinWords(words));
    return it == half_of.end() ? fallback : taggers[1 - it->second];
  }
};

Result<JackknifeTaggers> TrainJackknifeTaggers(const NerTrainOptions& options) {
  std::vector<analyze::ConlluSentence> treebank;
  for (const std::string& path : options.pos_treebank_paths) {
    auto sentences = analyze::ReadConlluFile(path);
    if (!sentences.ok()) return sentences.status();
    for (auto& s : *sentences) treebank.push_back(std::move(s));
  }
  JackknifeTaggers jackknife;
  // Contiguous halves keep documents together.
  const size_t half = treebank.size() / 2;
  for (size_t k = 0; k < treebank.size(); ++k) {
    std::vector<std::string> words;
    for (const analyze::ConlluWord& w : treebank[k].words) {
      words.push_back(w.form);
    }
    jackknife.half_of.emplace(JoinWords(words), k < half ? 0 : 1);
  }
  for (int h = 0; h < 2; ++h) {
    std::vector<analyze::ConlluSentence> part(
        treebank.begin() + (h == 0 ? 0 : half),
        h == 0 ? treebank.begin() + half : treebank.end());
    analyze::TrainerOptions trainer;
    trainer.seed = options.seed;
    auto model = analyze::TrainTagger(part, {}, trainer);
    if (!model.ok()) return model.status();
    if (options.log) {
      *options.log << "part-of-speech tagger for jackknifing " << h + 1
                   << " of 2 trained\n";
    }
    jackknife.taggers.emplace_back(
        std::make_shared<const analyze::TaggerModel>(std::move(*model)));
  }
  return jackknife;
}

Result<std::vector<analyze::NerTrainingSentence>> ReadTrainingFile(
    const std::string& path, const PosTagger& main_pos,
    const JackknifeTaggers* jackknife) {
  auto sentences = analyze::ReadIobFile(path);
  if (!sentences.ok()) return sentences.status();
  std::vector<analyze::NerTrainingSentence> out;
  out.reserve(sentences->size());
  for (const analyze::IobSentence& s : *sentences) {
    analyze::NerTrainingSentence t;
    t.words = s.words;
    std::vector<std::string_view> words(s.words.begin(), s.words.end());
    const PosTagger& pos =
        jackknife ? jackknife->For(s.words, main_pos) : main_pos;
    t.pos = PennTags(pos, words);
    // Through spans, so IOB1 and malformed BIO become valid BILOU.
    for (const std::string& tag :
         analyze::SpansToBilou(analyze::ExtractSpans(s.tags), s.words.size())) {
      t.labels.push_back(analyze::NerLabelOf(tag));
    }
    out.push_back(std::move(t));
  }
  return out;
}

// Whether a three-letter actor code names a kind of actor rather than a
// country or region: companies ("[MNC]"), NGOs, IGOs, media, elites and the
// other CAMEO sector codes an actor may have alone.
bool IsAgentCode(std::string_view code) {
  static constexpr std::string_view kAgents[] = {
      "AGR", "BUS", "COP", "CRM", "CVL", "EDU", "ELI", "ENV", "GOV", "HLT",
      "HRI", "IGO", "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "NGM",
      "NGO", "OPP", "PTY", "REB", "REF", "REL", "SPY", "UAF", "UIS"};
  return std::find(std::begin(kAgents), std::end(kAgents), code) !=
         std::end(kAgents);
}

// The kGaz* mask of a public type name, 0 for an unknown one.
uint8_t GazetteerMaskOf(std::string_view type) {
  if (type == "PERSON") return analyze::kGazPerson;
  if (type == "ORG") return analyze::kGazOrg;
  if (type == "PLACE") return analyze::kGazPlace;
  return 0;
}

}  // namespace

std::vector<NerActorName> NerActorNamesFromLexicon(const Lexicon& lexicon) {
  std::vector<NerActorName> names;
  for (const Actor& actor : lexicon.actors) {
    bool dated = false;
    std::string undated;
    for (const DatedCode& code : actor.codes) {
      if (code.first != kDateMin || code.last != kDateMax) {
        dated = true;
      } else if (undated.empty()) {
        undated = code.code;
      }
    }
    std::string type;
    if (dated) {
      type = "PERSON";
    } else if (undated.empty() || undated == "---" || undated == "###" ||
               undated == "+++") {
      continue;
    } else if (undated.size() == 3 && !IsAgentCode(undated)) {
      type = "PLACE";
    } else {
      type = undated == "ELI" ? "PERSON" : "ORG";
    }
    for (const Phrase& phrase : actor.phrases) {
      if (phrase.words.empty() || phrase.words.size() > 7) continue;
      NerActorName name;
      for (const PhraseWord& word : phrase.words) {
        name.words.push_back(word.text);
      }
      name.type = type;
      names.push_back(std::move(name));
    }
  }
  return names;
}

NerTagger::NerTagger(std::shared_ptr<const analyze::NerModel> model,
                     PosTagger pos)
    : model_(std::move(model)), pos_(std::move(pos)) {}

Result<NerTagger> NerTagger::Load(const std::string& path,
                                  const PosTagger& pos) {
  auto model = analyze::LoadNerModelFile(path);
  if (!model.ok()) return model.status();
  return NerTagger(std::make_shared<const analyze::NerModel>(std::move(*model)),
                   pos);
}

Status NerTagger::Save(const std::string& path) const {
  return analyze::SaveNerModelFile(*model_, path);
}

std::vector<std::string> NerTagger::TagWords(
    const std::vector<std::string_view>& words) const {
  std::vector<std::string> penn = PennTags(pos_, words);
  std::vector<std::string_view> pos(penn.begin(), penn.end());
  std::vector<std::string> tags;
  for (int label : model_->Tag(words, pos)) {
    tags.push_back(analyze::NerLabelName(label));
  }
  return tags;
}

std::vector<NamedEntity> NerTagger::FindEntities(
    const std::vector<std::string_view>& words) const {
  std::vector<NamedEntity> entities;
  for (const analyze::EntitySpan& span :
       analyze::ExtractSpans(TagWords(words))) {
    entities.push_back({span.begin, span.end, PublicType(span.type)});
  }
  return entities;
}

size_t NerTagger::feature_count() const { return model_->weights.row_count(); }
size_t NerTagger::weight_count() const {
  return model_->weights.weight_count();
}
size_t NerTagger::gazetteer_size() const { return model_->gazetteer.size(); }

Result<NerTagger> TrainNerTagger(const NerTrainOptions& options,
                                 const PosTagger& pos) {
  if (options.train_paths.empty()) {
    return InvalidArgument("no training file given");
  }
  std::unique_ptr<JackknifeTaggers> jackknife;
  if (!options.pos_treebank_paths.empty()) {
    auto taggers = TrainJackknifeTaggers(options);
    if (!taggers.ok()) return taggers.status();
    jackknife = std::make_unique<JackknifeTaggers>(std::move(*taggers));
  }
  std::vector<analyze::NerTrainingSentence> train;
  for (const std::string& path : options.train_paths) {
    auto sentences = ReadTrainingFile(path, pos, jackknife.get());
    if (!sentences.ok()) return sentences.status();
    for (auto& s : *sentences) train.push_back(std::move(s));
  }
  std::vector<analyze::NerTrainingSentence> dev;
  if (!options.dev_path.empty()) {
    auto sentences = ReadTrainingFile(options.dev_path, pos, jackknife.get());
    if (!sentences.ok()) return sentences.status();
    dev = std::move(*sentences);
  }
  analyze::NerTrainerOptions trainer;
  trainer.epochs = options.epochs;
  trainer.seed = options.seed;
  trainer.log = options.log;
  for (const NerActorName& name : options.actor_names) {
    uint8_t mask = GazetteerMaskOf(name.type);
    if (mask == 0 || name.words.empty()) continue;
    std::vector<std::string_view> words(name.words.begin(), name.words.end());
    trainer.actor_names.AddName(words, mask);
  }
  // The words of people's names on their own, so that a name the
  // dictionaries do not list whole still shows its parts.
  for (const NerActorName& name : options.actor_names) {
    if (name.type != "PERSON" || name.words.size() < 2) continue;
    for (const std::string& word : name.words) {
      if (word.size() < 2) continue;
      trainer.actor_names.Add({word}, analyze::kGazNamePart);
    }
  }
  // Read first: its common words are marked in the place names too.
  analyze::NerNameLists lists;
  if (!options.name_suggestion_index_path.empty() ||
      !options.simple_icons_path.empty() || !options.wordnet_dir.empty() ||
      !options.people_names_path.empty()) {
    if (!options.name_suggestion_index_path.empty()) {
      Status read =
          lists.ReadNameSuggestionIndex(options.name_suggestion_index_path);
      if (!read.ok()) return read;
    }
    if (!options.simple_icons_path.empty()) {
      Status read = lists.ReadSimpleIcons(options.simple_icons_path);
      if (!read.ok()) return read;
    }
    if (!options.wordnet_dir.empty()) {
      Status read = lists.ReadWordNet(options.wordnet_dir);
      if (!read.ok()) return read;
    }
    if (!options.people_names_path.empty()) {
      Status read = lists.ReadPeopleNames(options.people_names_path);
      if (!read.ok()) return read;
    }
    trainer.name_lists = lists.ToGazetteer();
    if (options.log) {
      *options.log << "name lists: " << trainer.name_lists.size()
                   << " phrases\n";
    }
  }
  if (!options.places_path.empty() || !options.countries_path.empty()) {
    analyze::NerPlaceNames places;
    if (!options.places_path.empty()) {
      // Alternate names (other spellings and languages) only for places of
      // 10,000 people or more: a threshold of 1,000 or 100,000 gave the
      // same dev F1, and this one keeps the model at 6 MB.
      Status read = places.ReadGeoNames(options.places_path, 10000);
      if (!read.ok()) return read;
    }
    if (!options.countries_path.empty()) {
      Status read = places.ReadWorldCountries(options.countries_path);
      if (!read.ok()) return read;
    }
    trainer.place_names = places.ToGazetteer(&lists.common_words());
    if (options.log) {
      *options.log << "place names: " << trainer.place_names.size()
                   << " phrases\n";
    }
  }
  auto model = analyze::TrainNerModel(
      train, dev, analyze::NerGazetteer::FromDefaultLexicon(), trainer);
  if (!model.ok()) return model.status();
  return NerTagger(std::make_shared<const analyze::NerModel>(std::move(*model)),
                   pos);
}

Result<NerAccuracy> EvaluateNerTagger(const NerTagger& tagger,
                                      const std::string& path) {
  auto sentences = analyze::ReadIobFile(path);
  if (!sentences.ok()) return sentences.status();
  NerAccuracy accuracy;
  analyze::EntityScorer scorer;
  double seconds = 0;
  for (const analyze::IobSentence& s : *sentences) {
    std::vector<std::string_view> words(s.words.begin(), s.words.end());
    auto started = std::chrono::steady_clock::now();
    std::vector<std::string> predicted = tagger.TagWords(words);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                             started)
                   .count();
    scorer.Add(analyze::ExtractSpans(s.tags), analyze::ExtractSpans(predicted));
    ++accuracy.sentences;
    accuracy.words += s.words.size();
  }
  accuracy.seconds = seconds;
  auto convert = [](std::string type, const analyze::EntityCounts& c) {
    NerTypeAccuracy a;
    a.type = std::move(type);
    a.gold = c.gold;
    a.predicted = c.predicted;
    a.correct = c.correct;
    return a;
  };
  accuracy.overall = convert("overall", scorer.overall());
  for (const char* type : {"PER", "ORG", "LOC"}) {
    auto it = scorer.by_type().find(type);
    accuracy.by_type.push_back(convert(
        PublicType(type),
        it == scorer.by_type().end() ? analyze::EntityCounts() : it->second));
  }
  return accuracy;
}

}  // namespace dyad
