#include "resolve/quote_finder.h"

#include <string_view>

namespace dyad::resolve {
namespace {

bool IsSpaceByte(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// A blank line between two sentences of one part: a paragraph break in a
// text whose parts were not split into paragraphs.
bool HasBlankLine(std::string_view gap) {
  int newlines = 0;
  for (char c : gap) {
    if (c == '\n') {
      if (++newlines == 2) return true;
    } else if (!IsSpaceByte(c)) {
      newlines = 0;
    }
  }
  return false;
}

std::vector<int> ParagraphOfSentence(const Document& doc) {
  std::vector<int> paragraph(doc.sentences.size(), 0);
  int number = 0;
  for (size_t s = 1; s < doc.sentences.size(); ++s) {
    const Sentence& prev = doc.sentences[s - 1];
    const Sentence& cur = doc.sentences[s];
    const bool new_part =
        prev.part != cur.part || prev.paragraph != cur.paragraph;
    if (new_part ||
        (prev.span.end <= cur.span.begin &&
         HasBlankLine(doc.Slice({prev.span.end, cur.span.begin})))) {
      ++number;
    }
    paragraph[s] = number;
  }
  return paragraph;
}

bool IsSingleQuoteMark(std::string_view bytes) {
  return bytes == "'" || bytes == "\xE2\x80\x98" || bytes == "\xE2\x80\x99";
}

// Narrows [begin, end) to the quoted words: no edge spaces, no final comma.
Span TrimInner(const Document& doc, uint32_t begin, uint32_t end) {
  const std::string& text = doc.text;
  while (begin < end && IsSpaceByte(text[begin])) ++begin;
  while (end > begin && IsSpaceByte(text[end - 1])) --end;
  if (end > begin && text[end - 1] == ',') --end;
  while (end > begin && IsSpaceByte(text[end - 1])) --end;
  return Span{begin, end};
}

class MarkScanner {
 public:
  MarkScanner(const Document& doc, QuoteLayout* layout)
      : doc_(doc), layout_(layout) {}

  void Run() {
    const auto& paragraphs = layout_->paragraph_of_sentence;
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
      const Sentence& sentence = doc_.sentences[s];
      const bool starts_paragraph =
          s == 0 || paragraphs[s] != paragraphs[s - 1];
      if (starts_paragraph) {
        single_open_ = kNoToken;
        if (depth_ > 0 && !OpensWithMark(sentence)) FinishUnclosed();
      }
      const bool headline = sentence.part == PartKind::kHeadline ||
                            sentence.part == PartKind::kCaption;
      const uint32_t end = sentence.first_token + sentence.token_count;
      for (uint32_t t = sentence.first_token; t < end; ++t) {
        const Token& token = doc_.tokens[t];
        if (token.kind != TokenKind::kOpenQuote &&
            token.kind != TokenKind::kCloseQuote) {
          continue;
        }
        const std::string_view bytes = doc_.Slice(token.span);
        if (IsDoubleQuoteMark(bytes)) {
          DoubleMark(s, t, token.kind == TokenKind::kOpenQuote,
                     starts_paragraph && t == sentence.first_token);
        } else if (headline && depth_ == 0 && IsSingleQuoteMark(bytes)) {
          SingleMark(s, t, token.kind == TokenKind::kOpenQuote);
        }
      }
      if (depth_ > 0) last_sentence_ = s;
    }
    if (depth_ > 0) FinishUnclosed();
  }

 private:
  bool OpensWithMark(const Sentence& sentence) const {
    if (sentence.token_count == 0) return false;
    const Token& first = doc_.tokens[sentence.first_token];
    return first.kind == TokenKind::kOpenQuote &&
           IsDoubleQuoteMark(doc_.Slice(first.span));
  }

  void DoubleMark(uint32_t s, uint32_t t, bool opens, bool continues) {
    if (opens) {
      if (depth_ > 0 && continues) {
        // The quote of the previous paragraph goes on here.
        current_.reopen_tokens.push_back(t);
        depth_ = 1;
        return;
      }
      if (depth_++ == 0) {
        current_ = QuoteMarks();
        current_.open_token = t;
        current_.first_sentence = s;
      }
      return;
    }
    if (depth_ == 0) return;  // closes nothing: a stray mark
    if (--depth_ > 0) return;
    current_.close_token = t;
    current_.last_sentence = s;
    Emit(doc_.tokens[t].span.begin);
  }

  void SingleMark(uint32_t s, uint32_t t, bool opens) {
    if (opens) {
      single_open_ = t;
      single_sentence_ = s;
      return;
    }
    if (single_open_ == kNoToken) return;
    current_ = QuoteMarks();
    current_.open_token = single_open_;
    current_.first_sentence = single_sentence_;
    current_.close_token = t;
    current_.last_sentence = s;
    single_open_ = kNoToken;
    Emit(doc_.tokens[t].span.begin);
  }

  // The quote runs to the end of the last paragraph it reached.
  void FinishUnclosed() {
    depth_ = 0;
    current_.close_token = kNoToken;
    current_.last_sentence = last_sentence_;
    const Sentence& last = doc_.sentences[last_sentence_];
    uint32_t end = last.span.end;
    if (last.token_count > 0) {
      end = doc_.tokens[last.first_token + last.token_count - 1].span.end;
    }
    Emit(end);
  }

  void Emit(uint32_t inner_end) {
    const uint32_t inner_begin = doc_.tokens[current_.open_token].span.end;
    if (inner_end <= inner_begin) return;
    current_.inner = TrimInner(doc_, inner_begin, inner_end);
    if (current_.inner.empty()) return;
    if (!current_.reopen_tokens.empty()) {
      // Nothing but re-opening marks: no words.
      const std::string words = QuoteText(doc_, current_);
      if (words.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
        return;
      }
    }
    layout_->quotes.push_back(std::move(current_));
    current_ = QuoteMarks();
  }

  const Document& doc_;
  QuoteLayout* layout_;
  QuoteMarks current_;
  int depth_ = 0;
  uint32_t last_sentence_ = 0;
  uint32_t single_open_ = kNoToken;
  uint32_t single_sentence_ = 0;
};

}  // namespace

bool IsDoubleQuoteMark(std::string_view bytes) {
  return bytes == "\"" || bytes == "\xE2\x80\x9C" || bytes == "\xE2\x80\x9D" ||
         bytes == "\xE2\x80\x9E" || bytes == "\xC2\xAB" || bytes == "\xC2\xBB";
}

QuoteLayout FindQuoteMarks(const Document& doc) {
  QuoteLayout layout;
  layout.paragraph_of_sentence = ParagraphOfSentence(doc);
  MarkScanner(doc, &layout).Run();
  return layout;
}

std::string QuoteText(const Document& doc, const QuoteMarks& quote) {
  std::string text;
  uint32_t from = quote.inner.begin;
  for (uint32_t mark : quote.reopen_tokens) {
    const Span span = doc.tokens[mark].span;
    if (span.begin < from || span.end > quote.inner.end) continue;
    text.append(doc.Slice({from, span.begin}));
    from = span.end;
  }
  text.append(doc.Slice({from, quote.inner.end}));
  return text;
}

}  // namespace dyad::resolve
