#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyze/features.h"
#include "dyad/analyze.h"

namespace dyad {
namespace {

// The treebanks write quotes and apostrophes mostly straight; news text
// mostly curly. Folding them (analyze::NormalizeWord) lets "Russia’s" look
// like the "'s" the models learned from.
bool NeedsFolding(std::string_view word) {
  return word.find("\xE2\x80") != std::string_view::npos;
}

}  // namespace

std::string DefaultModelsDir() {
  if (const char* env = std::getenv("DYAD_MODELS"); env && *env) return env;
#ifdef DYAD_DEFAULT_MODELS_DIR
  return DYAD_DEFAULT_MODELS_DIR;
#else
  return "models";
#endif
}

Result<Analyzer> Analyzer::Load(const AnalyzerOptions& options) {
  std::string dir =
      options.models_dir.empty() ? DefaultModelsDir() : options.models_dir;
  if (!dir.empty() && dir.back() != '/') dir += '/';
  Analyzer analyzer;
  auto tagger = PosTagger::Load(dir + "en_pos.dyad");
  if (!tagger.ok()) return tagger.status();
  analyzer.tagger_ =
      std::make_shared<const PosTagger>(std::move(tagger).value());
  if (options.parse) {
    auto parser = DependencyParser::Load(dir + "en_parse.dyad");
    if (!parser.ok()) return parser.status();
    analyzer.parser_ =
        std::make_shared<const DependencyParser>(std::move(parser).value());
  }
  if (options.entities) {
    auto ner = NerTagger::Load(dir + "en_ner.dyad", *analyzer.tagger_);
    if (!ner.ok()) return ner.status();
    analyzer.ner_ = std::make_shared<const NerTagger>(std::move(ner).value());
  }
  return analyzer;
}

Status Analyzer::AnalyzeSentence(Document* doc, size_t index) const {
  if (doc == nullptr) return InvalidArgument("null document");
  // A default-constructed Analyzer has no models; only Load makes one.
  if (tagger_ == nullptr) {
    return InvalidArgument("Analyzer without models: make it with Load");
  }
  if (index >= doc->sentences.size()) {
    return InvalidArgument("sentence " + std::to_string(index) +
                           " out of range");
  }
  Sentence& sentence = doc->sentences[index];
  if (sentence.parsed) return Status::Ok();
  const size_t first = sentence.first_token;
  const size_t end = first + sentence.token_count;
  if (end > doc->tokens.size() || first > end) {
    return InvalidArgument("sentence " + std::to_string(index) +
                           " has tokens outside the document");
  }
  if (doc->analysis.size() != doc->tokens.size()) {
    doc->analysis.resize(doc->tokens.size());
  }
  std::vector<std::string> folded;
  std::vector<std::string_view> words;
  words.reserve(end - first);
  folded.reserve(end - first);
  for (size_t t = first; t < end; ++t) {
    const Span span = doc->tokens[t].span;
    if (span.end > doc->text.size() || span.begin > span.end) {
      return InvalidArgument("token " + std::to_string(t) +
                             " lies outside the text");
    }
    std::string_view word = doc->Slice(span);
    if (NeedsFolding(word)) {
      folded.push_back(analyze::NormalizeWord(word));
      word = folded.back();
    }
    words.push_back(word);
  }
  std::vector<TokenAnalysis> tags = tagger_->TagWords(words);
  if (parser_ != nullptr && !words.empty()) {
    std::vector<DependencyArc> arcs = parser_->Parse(words, tags);
    for (size_t i = 0; i < arcs.size() && i < tags.size(); ++i) {
      tags[i].head = arcs[i].head == 0
                         ? -1
                         : static_cast<int32_t>(first + arcs[i].head - 1);
      tags[i].deprel = std::move(arcs[i].deprel);
    }
  }
  for (size_t i = 0; i < tags.size(); ++i) {
    doc->analysis[first + i] = std::move(tags[i]);
  }
  if (ner_ != nullptr && !words.empty()) {
    for (const NamedEntity& entity : ner_->FindEntities(words)) {
      if (entity.end <= entity.begin || entity.end > words.size()) continue;
      Entity out;
      out.type = entity.type;
      out.span = {doc->tokens[first + entity.begin].span.begin,
                  doc->tokens[first + entity.end - 1].span.end};
      out.text = std::string(doc->Slice(out.span));
      doc->entities.push_back(std::move(out));
    }
  }
  sentence.parsed = true;
  return Status::Ok();
}

Status Analyzer::AnalyzeDocument(Document* doc) const {
  if (doc == nullptr) return InvalidArgument("null document");
  for (size_t i = 0; i < doc->sentences.size(); ++i) {
    DYAD_RETURN_IF_ERROR(AnalyzeSentence(doc, i));
  }
  return Status::Ok();
}

}  // namespace dyad
