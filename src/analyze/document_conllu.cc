// A tagged Document written as CoNLL-U, through the treebank writer so the
// two agree on the format.
#include <string>

#include "analyze/conllu.h"
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

}  // namespace

void AppendDocumentConllu(const Document& doc,
                          const std::vector<TokenAnalysis>& analysis,
                          std::string* out) {
  int number = 0;
  for (const Sentence& sentence : doc.sentences) {
    analyze::ConlluSentence conllu;
    conllu.comments.push_back("sent_id = " + doc.doc_id + "-" +
                              std::to_string(++number));
    conllu.comments.push_back("text = " + OneLine(doc.Slice(sentence.span)));
    uint32_t end = sentence.first_token + sentence.token_count;
    if (end > doc.tokens.size()) end = static_cast<uint32_t>(doc.tokens.size());
    for (uint32_t t = sentence.first_token; t < end; ++t) {
      analyze::ConlluWord word;
      word.id = static_cast<int>(t - sentence.first_token) + 1;
      word.form = OneLine(doc.Slice(doc.tokens[t].span));
      if (t < analysis.size()) {
        word.lemma = OneLine(analysis[t].lemma);
        word.upos = analysis[t].upos;
        word.xpos = analysis[t].xpos;
      }
      if (t + 1 < end &&
          doc.tokens[t + 1].span.begin == doc.tokens[t].span.end) {
        word.misc = "SpaceAfter=No";
      }
      conllu.words.push_back(std::move(word));
    }
    if (!conllu.words.empty()) analyze::AppendConllu(conllu, out);
  }
}

}  // namespace dyad
