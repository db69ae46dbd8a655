// dyad train ner: trains the named-entity tagger from IOB2/CoNLL corpora.
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "dyad/analyze.h"
#include "dyad/lexicon.h"
#include "dyad/petrarch_lexicon.h"

namespace dyad::cli {

void AddTrainNerSubcommand(CLI::App* train, int* exit_code) {
  struct Options {
    NerTrainOptions train;
    std::string pos_model = "models/en_pos.dyad";
    std::vector<std::string> actor_dictionaries;
    std::string out;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = train->add_subcommand(
      "ner",
      "Train the named-entity tagger (PERSON, ORG, PLACE; BILOU averaged "
      "perceptron with Viterbi decoding, deterministic for a seed) on "
      "IOB2/CoNLL corpora and write the model file. Logs one line per epoch "
      "to stderr. Exit 0 on success, 3 when a corpus or the POS model cannot "
      "be read or the model cannot be written.");
  cmd->add_option("--train", options->train.train_paths,
                  "Training corpora (UNER IOB2, re3d, wikigold); several are "
                  "read as one")
      ->required();
  cmd->add_option("--dev", options->train.dev_path,
                  "Development corpus: entity F1 logged after each epoch");
  cmd->add_option("--pos-model", options->pos_model,
                  "Part-of-speech model whose tags are features")
      ->capture_default_str();
  cmd->add_option("--pos-treebank", options->train.pos_treebank_paths,
                  "CoNLL-U treebank(s) the POS model was trained on: corpus "
                  "sentences from it are tagged by taggers trained on the "
                  "half that did not contain them (jackknifing)");
  cmd->add_option("--actor-dictionaries", options->actor_dictionaries,
                  "PETRARCH actor dictionaries (e.g. the Phoenix *.actors.txt "
                  "files) whose names become a gazetteer of their own, typed "
                  "by their codes (see NerActorNamesFromLexicon)");
  cmd->add_option("--places", options->train.places_path,
                  "GeoNames dump of populated places (cities500.txt), read "
                  "at training time: names become a place gazetteer stored "
                  "in the model");
  cmd->add_option("--countries", options->train.countries_path,
                  "world-countries countries.json: country names, capitals "
                  "and demonyms join the place gazetteer");
  cmd->add_option("--name-suggestion-index",
                  options->train.name_suggestion_index_path,
                  "name-suggestion-index dist/json/nsi.json: brand and "
                  "operator names join a name-list gazetteer stored in the "
                  "model");
  cmd->add_option("--simple-icons", options->train.simple_icons_path,
                  "Simple Icons data/simple-icons.json: brand titles join the "
                  "name-list gazetteer");
  cmd->add_option("--wordnet", options->train.wordnet_dir,
                  "WordNet dict directory (data.noun, data.verb, ...): "
                  "capitalized nouns, by lexicographer file, join the "
                  "name-list gazetteer; lower-case lemmas mark listed single "
                  "words as common words");
  cmd->add_option("--people-names", options->train.people_names_path,
                  "List of people's names, one a line (cspell's "
                  "people-names.txt): they join the name-list gazetteer");
  cmd->add_option("--out", options->out, "Model file to write")->required();
  cmd->add_option("--epochs", options->train.epochs, "Training epochs")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  cmd->add_option("--seed", options->train.seed,
                  "Seed of the shuffle of the training sentences")
      ->capture_default_str();
  cmd->callback([options, exit_code]() {
    auto pos = PosTagger::Load(options->pos_model);
    if (!pos.ok()) {
      std::cerr << "dyad train ner: " << pos.status().ToString() << "\n";
      *exit_code = kExitFatal;
      return;
    }
    if (!options->actor_dictionaries.empty()) {
      Lexicon actors;
      std::vector<std::string> errors;
      for (const std::string& path : options->actor_dictionaries) {
        Status loaded = LoadPetrarchActors(path, &actors, &errors);
        if (!loaded.ok()) {
          std::cerr << "dyad train ner: " << loaded.ToString() << "\n";
          *exit_code = kExitFatal;
          return;
        }
      }
      options->train.actor_names = NerActorNamesFromLexicon(actors);
      size_t by_type[3] = {0, 0, 0};
      for (const NerActorName& name : options->train.actor_names) {
        ++by_type[name.type == "PERSON" ? 0 : name.type == "ORG" ? 1 : 2];
      }
      std::cerr << "actor dictionaries: " << actors.actors.size() << " actors, "
                << options->train.actor_names.size() << " names (" << by_type[0]
                << " PERSON, " << by_type[1] << " ORG, " << by_type[2]
                << " PLACE), " << errors.size() << " lines skipped\n";
    }
    options->train.log = &std::cerr;
    auto tagger = TrainNerTagger(options->train, *pos);
    if (!tagger.ok()) {
      std::cerr << "dyad train ner: " << tagger.status().ToString() << "\n";
      *exit_code = kExitFatal;
      return;
    }
    Status saved = tagger->Save(options->out);
    if (!saved.ok()) {
      std::cerr << "dyad train ner: " << saved.ToString() << "\n";
      *exit_code = kExitFatal;
      return;
    }
    std::cerr << "wrote " << options->out << " (" << tagger->feature_count()
              << " features, " << tagger->weight_count() << " weights, "
              << tagger->gazetteer_size() << " gazetteer phrases)\n";
    *exit_code = kExitOk;
  });
}

}  // namespace dyad::cli
