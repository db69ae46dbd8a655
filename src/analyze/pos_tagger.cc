// PosTagger: loading, saving, training and tagging through the model of
// tagger_model.h.
#include <algorithm>
#include <iterator>

#include "analyze/conllu.h"
#include "analyze/model_file.h"
#include "analyze/perceptron_trainer.h"
#include "analyze/tagger_model.h"
#include "dyad/analyze.h"

namespace dyad {

PosTagger::PosTagger(std::shared_ptr<const analyze::TaggerModel> model)
    : model_(std::move(model)) {}

Result<PosTagger> PosTagger::Load(const std::string& path) {
  Result<analyze::TaggerModel> model = analyze::LoadModelFile(path);
  if (!model.ok()) return model.status();
  return PosTagger(
      std::make_shared<const analyze::TaggerModel>(std::move(*model)));
}

Status PosTagger::Save(const std::string& path) const {
  return analyze::SaveModelFile(*model_, path);
}

void PosTagger::TagLabels(const std::vector<std::string_view>& words,
                          std::vector<int>* labels) const {
  model_->Tag(words, labels);
}

const std::string& PosTagger::LabelUpos(int label) const {
  return model_->labels[label].upos;
}

const std::string& PosTagger::LabelXpos(int label) const {
  return model_->labels[label].xpos;
}

std::string PosTagger::Lemma(std::string_view word, int label) const {
  return model_->lemmatizer.Lemma(word, model_->labels[label].xpos);
}

std::vector<TokenAnalysis> PosTagger::TagWords(
    const std::vector<std::string_view>& words) const {
  std::vector<int> labels;
  model_->Tag(words, &labels);
  std::vector<TokenAnalysis> out(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const analyze::TagLabel& label = model_->labels[labels[i]];
    out[i].upos = label.upos;
    out[i].xpos = label.xpos;
    out[i].lemma = model_->lemmatizer.Lemma(words[i], label.xpos);
  }
  return out;
}

std::vector<TokenAnalysis> PosTagger::TagDocument(const Document& doc) const {
  std::vector<TokenAnalysis> out(doc.tokens.size());
  std::vector<std::string_view> words;
  for (const Sentence& sentence : doc.sentences) {
    if (sentence.first_token >= doc.tokens.size()) continue;
    uint32_t end =
        std::min<uint32_t>(sentence.first_token + sentence.token_count,
                           static_cast<uint32_t>(doc.tokens.size()));
    words.clear();
    for (uint32_t t = sentence.first_token; t < end; ++t) {
      words.push_back(doc.Slice(doc.tokens[t].span));
    }
    std::vector<TokenAnalysis> tagged = TagWords(words);
    for (size_t i = 0; i < tagged.size(); ++i) {
      out[sentence.first_token + i] = std::move(tagged[i]);
    }
  }
  return out;
}

size_t PosTagger::label_count() const { return model_->labels.size(); }
size_t PosTagger::feature_count() const { return model_->weights.row_count(); }
size_t PosTagger::weight_count() const {
  return model_->weights.weight_count();
}
size_t PosTagger::lemma_exception_count() const {
  return model_->lemmatizer.exceptions().size();
}

Result<PosTagger> TrainPosTagger(const PosTrainOptions& options) {
  if (options.train_paths.empty()) {
    return InvalidArgument("no training treebank given");
  }
  std::vector<analyze::ConlluSentence> train;
  for (const std::string& path : options.train_paths) {
    auto read = analyze::ReadConlluFile(path);
    if (!read.ok()) return read.status();
    train.insert(train.end(), std::make_move_iterator(read->begin()),
                 std::make_move_iterator(read->end()));
  }
  std::vector<analyze::ConlluSentence> dev;
  if (!options.dev_path.empty()) {
    auto read = analyze::ReadConlluFile(options.dev_path);
    if (!read.ok()) return read.status();
    dev = std::move(*read);
  }
  analyze::TrainerOptions trainer;
  trainer.epochs = options.epochs;
  trainer.seed = options.seed;
  trainer.runs = options.runs;
  trainer.min_class_count = options.min_class_count;
  trainer.prune_fraction = options.prune_fraction;
  trainer.log = options.log;
  auto model = analyze::TrainTagger(train, dev, trainer);
  if (!model.ok()) return model.status();
  return PosTagger(
      std::make_shared<const analyze::TaggerModel>(std::move(*model)));
}

}  // namespace dyad
