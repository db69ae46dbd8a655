// DependencyParser: loading, saving, training (with the tags of our own
// tagger) and evaluating through the model of parser_model.h.
#include <chrono>
#include <fstream>
#include <iterator>

#include "analyze/conllu.h"
#include "analyze/parser_model.h"
#include "analyze/parser_model_file.h"
#include "analyze/parser_trainer.h"
#include "analyze/perceptron_trainer.h"
#include "dyad/analyze.h"

namespace dyad {
namespace {

void MakeWords(const std::vector<std::string_view>& words,
               const std::vector<TokenAnalysis>& tags,
               std::vector<analyze::ParserWord>* out) {
  out->resize(words.size() + 1);
  (*out)[0] = analyze::RootParserWord();
  for (size_t i = 0; i < words.size(); ++i) {
    (*out)[i + 1] =
        analyze::MakeParserWord(words[i], tags[i].upos, tags[i].xpos);
  }
}

// Replaces the UPOS and XPOS of every word with the tagger's.
void Retag(const PosTagger& tagger,
           std::vector<analyze::ConlluSentence>* sentences) {
  std::vector<std::string_view> words;
  std::vector<int> labels;
  for (analyze::ConlluSentence& sentence : *sentences) {
    words.clear();
    for (const analyze::ConlluWord& word : sentence.words) {
      words.push_back(word.form);
    }
    tagger.TagLabels(words, &labels);
    for (size_t i = 0; i < words.size(); ++i) {
      sentence.words[i].upos = tagger.LabelUpos(labels[i]);
      sentence.words[i].xpos = tagger.LabelXpos(labels[i]);
    }
  }
}

// Tags each of `folds` parts of `train` with a tagger trained on the
// other parts (sentence i belongs to part i % folds).
Status Jackknife(int folds, uint64_t seed, std::ostream* log,
                 std::vector<analyze::ConlluSentence>* train) {
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<analyze::ConlluSentence> rest;
    std::vector<size_t> held;
    for (size_t i = 0; i < train->size(); ++i) {
      if (static_cast<int>(i % folds) == fold) {
        held.push_back(i);
      } else {
        rest.push_back((*train)[i]);
      }
    }
    analyze::TrainerOptions options;
    options.seed = seed;
    auto model = analyze::TrainTagger(rest, {}, options);
    if (!model.ok()) return model.status();
    PosTagger tagger(
        std::make_shared<const analyze::TaggerModel>(std::move(*model)));
    size_t words = 0, correct = 0;
    std::vector<analyze::ConlluSentence> part;
    for (size_t i : held) part.push_back((*train)[i]);
    Retag(tagger, &part);
    for (size_t k = 0; k < held.size(); ++k) {
      analyze::ConlluSentence& sentence = (*train)[held[k]];
      for (size_t w = 0; w < sentence.words.size(); ++w) {
        ++words;
        correct += part[k].words[w].upos == sentence.words[w].upos;
      }
      sentence = std::move(part[k]);
    }
    if (log != nullptr) {
      *log << "jackknife part " << fold + 1 << "/" << folds << ": UPOS "
           << (words ? 100.0 * correct / words : 0.0) << "%" << std::endl;
    }
  }
  return Status::Ok();
}

const char* const kSelfTestSentences[] = {
    "NATO Secretary-General Jens Stoltenberg visited Kyiv on Tuesday .",
    "The ministers did not condemn the attacks , officials said .",
    "The embassy was attacked by protesters who called for sanctions .",
};

}  // namespace

DependencyParser::DependencyParser(
    std::shared_ptr<const analyze::ParserModel> model)
    : model_(std::move(model)) {}

Result<DependencyParser> DependencyParser::Load(const std::string& path) {
  auto model = analyze::LoadParserModelFile(path);
  if (!model.ok()) return model.status();
  return DependencyParser(
      std::make_shared<const analyze::ParserModel>(std::move(*model)));
}

Status DependencyParser::Save(const std::string& path) const {
  return analyze::SaveParserModelFile(*model_, path);
}

void DependencyParser::ParseIndices(const std::vector<std::string_view>& words,
                                    const std::vector<TokenAnalysis>& tags,
                                    std::vector<int>* heads,
                                    std::vector<int>* relations) const {
  if (tags.size() != words.size()) {
    heads->clear();
    relations->clear();
    return;
  }
  thread_local std::vector<analyze::ParserWord> parser_words;
  MakeWords(words, tags, &parser_words);
  model_->Parse(parser_words, heads, relations);
}

std::vector<DependencyArc> DependencyParser::Parse(
    const std::vector<std::string_view>& words,
    const std::vector<TokenAnalysis>& tags) const {
  std::vector<int> heads, relations;
  ParseIndices(words, tags, &heads, &relations);
  std::vector<DependencyArc> arcs(heads.size());
  for (size_t i = 0; i < heads.size(); ++i) {
    arcs[i].head = heads[i];
    arcs[i].deprel = model_->labels[relations[i]];
  }
  return arcs;
}

const std::string& DependencyParser::RelationName(int relation) const {
  return model_->labels[relation];
}

size_t DependencyParser::relation_count() const {
  return model_->labels.size();
}
size_t DependencyParser::feature_count() const {
  return model_->weights.row_count();
}
size_t DependencyParser::weight_count() const {
  return model_->weights.weight_count();
}

Result<DependencyParser> TrainDependencyParser(
    const ParserTrainOptions& options) {
  if (options.train_paths.empty()) {
    return InvalidArgument("no training treebank given");
  }
  auto tagger = PosTagger::Load(options.tagger_path);
  if (!tagger.ok()) return tagger.status();
  std::vector<analyze::ConlluSentence> train;
  for (const std::string& path : options.train_paths) {
    auto read = analyze::ReadConlluFile(path);
    if (!read.ok()) return read.status();
    train.insert(train.end(), std::make_move_iterator(read->begin()),
                 std::make_move_iterator(read->end()));
  }
  if (options.keep_train_tags) {
    // The files carry predicted tags already.
  } else if (options.jackknife_folds > 1) {
    DYAD_RETURN_IF_ERROR(
        Jackknife(options.jackknife_folds, options.seed, options.log, &train));
  } else {
    Retag(*tagger, &train);
  }
  if (!options.write_tagged_train.empty()) {
    std::string text;
    for (const analyze::ConlluSentence& sentence : train) {
      analyze::AppendConllu(sentence, &text);
    }
    std::ofstream out(options.write_tagged_train, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
      return IoError("cannot write " + options.write_tagged_train);
    }
  }
  std::vector<analyze::ConlluSentence> dev;
  if (!options.dev_path.empty()) {
    auto read = analyze::ReadConlluFile(options.dev_path);
    if (!read.ok()) return read.status();
    dev = std::move(*read);
    Retag(*tagger, &dev);
  }
  analyze::ParserTrainerOptions trainer;
  trainer.epochs = options.epochs;
  trainer.seed = options.seed;
  trainer.runs = options.runs;
  trainer.explore_probability = options.explore_probability;
  trainer.prune_fraction = options.prune_fraction;
  trainer.dev_grid_runs = options.dev_grid_runs;
  trainer.dev_grid_prunes = options.dev_grid_prunes;
  trainer.dev_grid_from_epoch = options.dev_grid_from_epoch;
  trainer.log = options.log;
  auto add_self_test = [&](const std::vector<std::string>& words) {
    analyze::ParserSelfTest sentence;
    sentence.words = words;
    std::vector<std::string_view> views(words.begin(), words.end());
    for (const TokenAnalysis& t : tagger->TagWords(views)) {
      sentence.upos.push_back(t.upos);
      sentence.xpos.push_back(t.xpos);
    }
    trainer.self_test.push_back(std::move(sentence));
  };
  for (const char* text : kSelfTestSentences) {
    std::vector<std::string> words;
    std::string_view rest(text);
    while (!rest.empty()) {
      size_t space = rest.find(' ');
      words.emplace_back(rest.substr(0, space));
      if (space == std::string_view::npos) break;
      rest.remove_prefix(space + 1);
    }
    add_self_test(words);
  }
  for (size_t i = 0; i < std::min<size_t>(2, train.size()); ++i) {
    std::vector<std::string> words;
    for (const analyze::ConlluWord& word : train[i].words) {
      words.push_back(word.form);
    }
    add_self_test(words);
  }
  auto model = analyze::TrainParser(train, dev, trainer);
  if (!model.ok()) return model.status();
  return DependencyParser(
      std::make_shared<const analyze::ParserModel>(std::move(*model)));
}

Result<ParseAccuracy> EvaluateParser(const DependencyParser& parser,
                                     const PosTagger& tagger,
                                     const std::string& path,
                                     std::string_view sent_id_filter) {
  auto sentences = analyze::ReadConlluFile(path);
  if (!sentences.ok()) return sentences.status();
  ParseAccuracy accuracy;
  std::vector<std::string_view> words;
  std::vector<int> heads, relations;
  std::chrono::steady_clock::duration parsing{};
  for (const analyze::ConlluSentence& sentence : *sentences) {
    if (!sent_id_filter.empty() &&
        sentence.sent_id.find(sent_id_filter) == std::string::npos) {
      continue;
    }
    words.clear();
    for (const analyze::ConlluWord& word : sentence.words) {
      words.push_back(word.form);
    }
    std::vector<TokenAnalysis> tags = tagger.TagWords(words);
    auto started = std::chrono::steady_clock::now();
    parser.ParseIndices(words, tags, &heads, &relations);
    parsing += std::chrono::steady_clock::now() - started;
    ++accuracy.sentences;
    for (size_t i = 0; i < words.size(); ++i) {
      const analyze::ConlluWord& gold = sentence.words[i];
      ++accuracy.words;
      if (heads[i] != gold.head) continue;
      ++accuracy.head_correct;
      accuracy.labelled_correct +=
          parser.RelationName(relations[i]) == gold.deprel;
    }
  }
  accuracy.seconds = std::chrono::duration<double>(parsing).count();
  return accuracy;
}

}  // namespace dyad
