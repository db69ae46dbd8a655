#include "dyad/text.h"

#include <cstdint>
#include <string>
#include <vector>

#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace dyad {
namespace {

bool IsCodable(PartKind kind) {
  return kind == PartKind::kHeadline || kind == PartKind::kCaption ||
         kind == PartKind::kBody;
}

Status AnalyzePart(Document* doc, const Part& part,
                   std::vector<Span>* scratch) {
  scratch->clear();
  Status status = text::SplitSentences(doc->text, part.span, scratch);
  if (!status.ok()) {
    const std::string& where = doc->source.empty() ? doc->doc_id : doc->source;
    return Status(status.code(), where + ": " + status.message());
  }
  for (const Span& span : *scratch) {
    Sentence& sentence = doc->sentences.emplace_back();
    sentence.span = span;
    sentence.part = part.kind;
    sentence.paragraph = part.paragraph;
    sentence.first_token = static_cast<uint32_t>(doc->tokens.size());
    text::Tokenize(doc->text, span, &doc->tokens);
    sentence.token_count =
        static_cast<uint32_t>(doc->tokens.size()) - sentence.first_token;
  }
  return Status::Ok();
}

}  // namespace

Status AnalyzeText(Document* doc) {
  if (doc == nullptr) return InvalidArgument("AnalyzeText: null document");
  if (doc->text.size() >= UINT32_MAX) {
    return InvalidArgument(doc->source + ": text of " +
                           std::to_string(doc->text.size()) +
                           " bytes is too long for 32-bit spans");
  }
  const size_t old_sentences = doc->sentences.size();
  const size_t old_tokens = doc->tokens.size();
  std::vector<Span> scratch;
  Status status;
  if (doc->parts.empty()) {
    Part whole;
    whole.kind = PartKind::kBody;
    whole.span = Span{0, static_cast<uint32_t>(doc->text.size())};
    status = AnalyzePart(doc, whole, &scratch);
  } else {
    for (const Part& part : doc->parts) {
      if (!IsCodable(part.kind)) continue;
      status = AnalyzePart(doc, part, &scratch);
      if (!status.ok()) break;
    }
  }
  if (!status.ok()) {
    doc->sentences.resize(old_sentences);
    doc->tokens.resize(old_tokens);
  }
  return status;
}

}  // namespace dyad
