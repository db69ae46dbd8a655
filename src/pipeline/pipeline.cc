#include "dyad/pipeline.h"

#include <utility>

#include "dyad/coder.h"
#include "dyad/lexicon.h"
#include "dyad/text.h"

namespace dyad {

Result<std::unique_ptr<Pipeline>> Pipeline::Create(
    const PipelineOptions& opts) {
  std::shared_ptr<const Lexicon> lexicon;
  if (opts.dictionaries.empty()) {
    auto loaded = LoadDefaultLexicon();
    if (!loaded.ok()) return loaded.status();
    lexicon = std::move(loaded).value();
  } else {
    auto loaded = LoadDictionaryDir(opts.dictionaries);
    if (!loaded.ok()) return loaded.status();
    lexicon = std::make_shared<const Lexicon>(std::move(loaded).value());
  }
  auto coder = std::make_unique<const Coder>(lexicon);
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(coder)));
}

Pipeline::Pipeline(std::unique_ptr<const Coder> coder)
    : coder_(std::move(coder)) {}

Pipeline::~Pipeline() = default;

Status Pipeline::Process(Document* doc) const {
  DYAD_RETURN_IF_ERROR(AnalyzeText(doc));
  return coder_->Code(doc);
}

}  // namespace dyad
