// A tagged Document written as CoNLL-U, through the treebank writer so the
// two agree on the format.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "analyze/conllu.h"
#include "analyze/conllu_document.h"
#include "dyad/analyze.h"

namespace dyad {
namespace {

// CoNLL-U columns may not hold tabs or line breaks, and "text =" comments
// are one line.
std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

// The "NE=B-TYPE" / "NE=I-TYPE" attribute of every token inside an entity,
// "" elsewhere. An entity that overlaps one already marked is left out, so
// that every I- follows a B- of its own type.
std::vector<std::string> EntityAttributes(const Document& doc) {
  std::vector<std::string> marks(doc.tokens.size());
  const auto& tokens = doc.tokens;
  const bool in_order = std::is_sorted(tokens.begin(), tokens.end(),
                                       [](const Token& a, const Token& b) {
                                         return a.span.begin < b.span.begin;
                                       });
  for (const Entity& entity : doc.entities) {
    if (entity.span.empty() || entity.type.empty()) continue;
    size_t first = 0;
    if (in_order) {
      first = std::lower_bound(tokens.begin(), tokens.end(), entity.span.begin,
                               [](const Token& token, uint32_t begin) {
                                 return token.span.begin < begin;
                               }) -
              tokens.begin();
    }
    std::vector<size_t> covered;
    bool overlaps = false;
    for (size_t t = first; t < tokens.size(); ++t) {
      const Span span = tokens[t].span;
      if (in_order && span.begin >= entity.span.end) break;
      if (span.begin < entity.span.begin || span.end > entity.span.end ||
          span.empty()) {
        continue;
      }
      if (!marks[t].empty()) overlaps = true;
      covered.push_back(t);
    }
    if (overlaps || covered.empty()) continue;
    const std::string type = OneLine(entity.type);
    for (size_t i = 0; i < covered.size(); ++i) {
      marks[covered[i]] = (i == 0 ? "NE=B-" : "NE=I-") + type;
    }
  }
  return marks;
}

struct WriteSettings {
  bool relations = false;                              // HEAD and DEPREL
  const std::vector<std::string>* entities = nullptr;  // per token
  bool number_sentences = true;
  bool spaces_after = false;  // SpacesAfter= for gaps other than one space
};

void AppendSentences(const Document& doc,
                     const std::vector<TokenAnalysis>& analysis,
                     const WriteSettings& settings, std::string* out) {
  int number = 0;
  std::string escaped;
  for (const Sentence& sentence : doc.sentences) {
    ++number;
    uint32_t end = sentence.first_token + sentence.token_count;
    if (end > doc.tokens.size()) end = static_cast<uint32_t>(doc.tokens.size());
    if (sentence.first_token >= end) continue;
    analyze::ConlluSentence conllu;
    std::string sent_id = "sent_id = " + OneLine(doc.doc_id);
    if (settings.number_sentences) {
      sent_id += '-';
      sent_id += std::to_string(number);
    }
    conllu.comments.push_back(std::move(sent_id));
    conllu.comments.push_back("text = " + OneLine(doc.Slice(sentence.span)));
    for (uint32_t t = sentence.first_token; t < end; ++t) {
      analyze::ConlluWord word;
      word.id = static_cast<int>(t - sentence.first_token) + 1;
      word.form = OneLine(doc.Slice(doc.tokens[t].span));
      if (t < analysis.size()) {
        const TokenAnalysis& a = analysis[t];
        word.lemma = OneLine(a.lemma);
        word.upos = a.upos;
        word.xpos = a.xpos;
        if (settings.relations && !a.deprel.empty()) {
          word.deprel = OneLine(a.deprel);
          if (a.head < 0) {
            word.head = 0;
          } else if (static_cast<uint32_t>(a.head) >= sentence.first_token &&
                     static_cast<uint32_t>(a.head) < end) {
            word.head = a.head - static_cast<int>(sentence.first_token) + 1;
          }
        }
      }
      std::string misc;
      if (settings.entities != nullptr && t < settings.entities->size()) {
        misc = (*settings.entities)[t];
      }
      if (t + 1 < end) {
        const Span here = doc.tokens[t].span;
        const Span next = doc.tokens[t + 1].span;
        if (next.begin == here.end) {
          if (!misc.empty()) misc += '|';
          misc += "SpaceAfter=No";
        } else if (settings.spaces_after && next.begin > here.end &&
                   analyze::EscapeSpacesAfter(doc.Slice({here.end, next.begin}),
                                              &escaped)) {
          if (!misc.empty()) misc += '|';
          misc += "SpacesAfter=" + escaped;
        }
      }
      word.misc = std::move(misc);
      conllu.words.push_back(std::move(word));
    }
    analyze::AppendConllu(conllu, out);
  }
}

}  // namespace

void AppendDocumentConllu(const Document& doc,
                          const std::vector<TokenAnalysis>& analysis,
                          std::string* out) {
  AppendSentences(doc, analysis, WriteSettings{}, out);
}

void AppendAnalyzedConllu(const Document& doc,
                          const ConlluWriteOptions& options, std::string* out) {
  std::vector<std::string> entities;
  WriteSettings settings;
  settings.relations = true;
  settings.spaces_after = true;
  settings.number_sentences = options.number_sentences;
  if (options.entities && !doc.entities.empty()) {
    entities = EntityAttributes(doc);
    settings.entities = &entities;
  }
  AppendSentences(doc, doc.analysis, settings, out);
}

}  // namespace dyad
