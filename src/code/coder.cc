// Coder: the public face of the sparse pattern coder; the work per
// sentence is in sentence_coder.cc.
#include "dyad/coder.h"

#include <cctype>

#include "code/compiled_lexicon.h"
#include "code/sentence_coder.h"
#include "code/sentence_words.h"

namespace dyad {

using coder_internal::CompiledLexicon;
using coder_internal::SentenceCoder;
using coder_internal::WordsOf;

namespace {

int32_t DateOf(const std::string& published) {
  // YYYY-MM-DD
  if (published.size() < 10) return 99991231;
  int32_t v = 0;
  for (char c : published.substr(0, 10)) {
    if (c == '-') continue;
    if (!std::isdigit(static_cast<unsigned char>(c))) return 99991231;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

Coder::Coder(std::shared_ptr<const Lexicon> lexicon)
    : Coder(lexicon, lexicon->options) {}

Coder::Coder(std::shared_ptr<const Lexicon> lexicon,
             const CoderOptions& options)
    : compiled_(CompiledLexicon::Compile(std::move(lexicon))),
      options_(options) {}

Coder::Coder(std::shared_ptr<const CompiledLexicon> compiled,
             const CoderOptions& options)
    : compiled_(std::move(compiled)), options_(options) {}

Coder::~Coder() = default;

std::unique_ptr<Coder> Coder::WithOptions(const CoderOptions& options) const {
  return std::unique_ptr<Coder>(new Coder(compiled_, options));
}

Status Coder::Code(Document* doc) const {
  CoderContext context;
  return Code(doc, &context);
}

Status Coder::Code(Document* doc, CoderContext* context) const {
  return Code(doc, context, nullptr);
}

Status Coder::Code(Document* doc, CoderContext* context,
                   const SentenceParser* parser) const {
  if (doc == nullptr) return InvalidArgument("null document");
  int32_t date = DateOf(doc->published);
  for (size_t si = 0; si < doc->sentences.size(); ++si) {
    const Sentence& s = doc->sentences[si];
    if (s.first_token + s.token_count > doc->tokens.size())
      return InvalidArgument(doc->source + ": sentence " + std::to_string(si) +
                             " has tokens outside the document");
    for (uint32_t i = s.first_token; i < s.first_token + s.token_count; ++i) {
      if (doc->tokens[i].span.end > doc->text.size())
        return InvalidArgument(doc->source + ": token at byte " +
                               std::to_string(doc->tokens[i].span.begin) +
                               " lies outside the text");
    }
    if (s.part != PartKind::kHeadline && s.part != PartKind::kCaption &&
        s.part != PartKind::kBody)
      continue;
    SentenceCoder sc(*compiled_, options_, date, *doc, static_cast<int>(si),
                     context);
    sc.UseParser(doc, parser);
    sc.Run(WordsOf(*doc, s), &doc->events);
    doc->entities.insert(doc->entities.end(), sc.entities().begin(),
                         sc.entities().end());
  }
  return Status::Ok();
}

}  // namespace dyad
