#include "code/sentence_words.h"

#include <cctype>

namespace dyad::coder_internal {

std::vector<Word> WordsOf(const Document& doc, const Sentence& s) {
  std::vector<Word> words;
  bool in_quote = false;
  for (uint32_t i = s.first_token; i < s.first_token + s.token_count; ++i) {
    const Token& t = doc.tokens[i];
    switch (t.kind) {
      case TokenKind::kOpenQuote:
        in_quote = true;
        continue;
      case TokenKind::kCloseQuote:
        if (!in_quote)
          for (Word& w : words) w.quoted = true;
        in_quote = false;
        continue;
      case TokenKind::kPossessive:
        if (!words.empty() && !words.back().comma)
          words.back().possessive = true;
        continue;
      case TokenKind::kPunct:
        if (t.upper == ",") {
          Word w;
          w.text = ",";
          w.comma = true;
          w.quoted = in_quote;
          w.span = t.span;
          words.push_back(w);
        } else if (t.upper == "-" && !words.empty() && !words.back().comma &&
                   words.back().span.end == t.span.begin) {
          words.back().text += "-";
          words.back().span.end = t.span.end;
        }
        continue;
      case TokenKind::kWord:
      case TokenKind::kNumber:
        break;
      default:
        continue;
    }
    // A clitic the tokenizer split off ("did" "n't", "they" "'ll"): the
    // dictionaries write the contraction as one word ("DIDN'T").
    if (t.kind == TokenKind::kWord && !words.empty() && !words.back().comma &&
        words.back().span.end == t.span.begin && !t.upper.empty() &&
        (t.upper[0] == '\'' || t.upper.compare(0, 3, "N'T") == 0)) {
      words.back().text += t.upper;
      words.back().span.end = t.span.end;
      continue;
    }
    std::string_view raw = doc.Slice(t.span);
    bool cap = !raw.empty() && std::isupper(static_cast<unsigned char>(raw[0]));
    const std::string& up = t.upper;
    // Split inner hyphens: "AL-GORE" -> AL GORE (joined).
    size_t start = 0;
    while (true) {
      size_t dash = up.find('-', start);
      bool inner = dash != std::string::npos && dash > start &&
                   dash + 1 < up.size() && t.kind == TokenKind::kWord;
      Word w;
      w.capitalized = cap && start == 0;
      w.quoted = in_quote;
      if (!inner) {
        w.text = up.substr(start);
        w.span = Span{t.span.begin + static_cast<uint32_t>(start), t.span.end};
        words.push_back(std::move(w));
        break;
      }
      w.text = up.substr(start, dash - start);
      w.span = Span{t.span.begin + static_cast<uint32_t>(start),
                    t.span.begin + static_cast<uint32_t>(dash)};
      w.joined_next = true;
      words.push_back(std::move(w));
      start = dash + 1;
    }
  }
  return words;
}

}  // namespace dyad::coder_internal
