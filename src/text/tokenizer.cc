#include "text/tokenizer.h"

#include <unicode/uchar.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/abbreviations.h"
#include "text/code_point.h"
#include "text/match_form.h"

namespace dyad::text {
namespace {

// Scans one sentence; `end` bounds every look-ahead so no token crosses it.
class Scanner {
 public:
  Scanner(std::string_view text, Span sentence, std::vector<Token>* tokens)
      : text_(text),
        begin_(sentence.begin),
        end_(sentence.end),
        tokens_(tokens) {}

  void Run() {
    uint32_t i = begin_;
    while (i < end_) {
      CodePoint c = At(i);
      if (IsSpace(c.cp)) {
        i += c.len;
      } else if (IsWordChar(c.cp)) {
        i = ScanWord(i);
      } else {
        i = ScanOther(i, c);
      }
    }
  }

 private:
  CodePoint At(uint32_t i) const {
    if (i >= end_) return {-1, 0};
    return DecodeAt(text_, i, end_);
  }
  UChar32 Cp(uint32_t i) const { return i < end_ ? At(i).cp : -1; }

  void Emit(uint32_t b, uint32_t e, TokenKind kind) {
    Token& t = tokens_->emplace_back();
    t.span = Span{b, e};
    t.kind = kind;
    MatchForm(text_.substr(b, e - b), &t.upper);
  }

  // True when text[i] starts "s" or "S" that is not followed by a letter.
  bool IsPossessiveS(uint32_t i) const {
    UChar32 s = Cp(i);
    if (s != 's' && s != 'S') return false;
    return !IsWordChar(Cp(i + 1));
  }

  // The clitic at the apostrophe at byte `apostrophe` (of `len` bytes) of
  // the word that began at `start`: 1 for "n't" (which takes the n before
  // the apostrophe), else the number of letters after it plus one for
  // "'ll", "'re", "'ve", "'m", "'d"; 0 when there is none.
  uint32_t CliticAt(uint32_t start, uint32_t apostrophe, uint32_t len) const {
    auto lower = [&](uint32_t k) {
      UChar32 c = Cp(k);
      return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
    };
    const uint32_t a = apostrophe + len;
    if (apostrophe >= start + 2 && lower(apostrophe - 1) == 'n' &&
        lower(a) == 't' && !IsWordChar(Cp(a + 1)))
      return 1;
    if (apostrophe == start) return 0;
    for (std::string_view clitic : {"ll", "re", "ve", "m", "d"}) {
      bool match = true;
      for (uint32_t k = 0; k < clitic.size() && match; ++k)
        match = lower(a + k) == static_cast<UChar32>(clitic[k]);
      if (match && !IsWordChar(Cp(a + clitic.size())))
        return static_cast<uint32_t>(clitic.size()) + 1;
    }
    return 0;
  }

  // Only whitespace remains after byte i in the sentence.
  bool OnlySpaceAfter(uint32_t i) const {
    while (i < end_) {
      CodePoint c = At(i);
      if (!IsSpace(c.cp)) return false;
      i += c.len;
    }
    return true;
  }

  uint32_t ScanWord(uint32_t start) {
    uint32_t i = start;
    bool numeric = IsDigit(Cp(i));  // only digits and inner , . so far
    bool dotted = false;            // has an inner period: U.S, e.g, Ph.D
    uint32_t segment_start = start;
    while (true) {
      // A run of letters and digits.
      while (i < end_) {
        CodePoint c = At(i);
        if (!IsWordChar(c.cp)) break;
        if (!IsDigit(c.cp)) numeric = false;
        i += c.len;
      }
      if (i >= end_) break;
      const UChar32 c = Cp(i);
      const UChar32 next = Cp(i + 1);
      const bool prev_digit = IsDigit(Cp(i - 1));
      if (numeric && c == '.' && prev_digit && IsDigit(next)) {
        i += 1;  // 3.5
        continue;
      }
      if (numeric && c == ',' && prev_digit && IsThousandsGroup(i + 1)) {
        i += 1;  // 800,000
        continue;
      }
      if (c == '.' && IsLetter(next) && !numeric && i - segment_start <= 2) {
        // U.S, e.g, Ph.D: short letter groups joined by periods.
        dotted = true;
        i += 1;
        segment_start = i;
        continue;
      }
      if (c == '.' && !numeric && next >= 'a' && next <= 'z' &&
          IsLetter(Cp(i - 1))) {
        // voanews.com, state.gov: a lower-case letter right after the
        // period. Not `dotted`: a period after it can still end a sentence.
        i += 1;
        segment_start = i;
        continue;
      }
      CodePoint cc = At(i);
      if (IsJoiningHyphen(c) && IsWordChar(Cp(i + cc.len))) {
        numeric = false;
        i += cc.len;  // Secretary-General, long-range
        continue;
      }
      if (IsApostrophe(c)) {
        // English clitics are tokens of their own, as treebanks write them
        // ("did n't", "ca n't", "I 'm", "they 've"): the parser and the
        // negation check need the verb and the "n't" apart.
        const uint32_t clitic = CliticAt(start, i, cc.len);
        if (clitic != 0) {
          const uint32_t split = clitic == 1 ? i - 1 : i;
          const uint32_t clitic_end =
              clitic == 1 ? i + cc.len + 1 : i + cc.len + clitic - 1;
          Emit(start, split, TokenKind::kWord);
          Emit(split, clitic_end, TokenKind::kWord);
          return clitic_end;
        }
      }
      if (IsApostrophe(c) && IsLetter(Cp(i + cc.len)) &&
          !IsPossessiveS(i + cc.len)) {
        numeric = false;
        i += cc.len;  // O'Brien, al-Rufay’i, don't
        continue;
      }
      break;
    }
    // A final period belongs to an abbreviation.
    if (i < end_ && text_[i] == '.' && !numeric) {
      std::string_view with_period = text_.substr(start, i + 1 - start);
      AbbreviationKind kind = ClassifyAbbreviation(with_period);
      bool take = false;
      if (dotted) {
        take = true;  // U.S.
      } else if (kind == AbbreviationKind::kNeverFinal ||
                 kind == AbbreviationKind::kMaybeFinal) {
        // A lone capital ("W.") is an initial unless it ends the sentence.
        take = with_period.size() > 2 || !OnlySpaceAfter(i + 1);
      } else if (kind == AbbreviationKind::kBeforeNumber) {
        uint32_t j = i + 1;
        while (j < end_ && IsSpace(Cp(j))) j += At(j).len;
        take = IsDigit(Cp(j));
      }
      if (take) i += 1;
    }
    Emit(start, i, numeric ? TokenKind::kNumber : TokenKind::kWord);
    return i;
  }

  // Exactly three digits at i, then no further digit.
  bool IsThousandsGroup(uint32_t i) const {
    return IsDigit(Cp(i)) && IsDigit(Cp(i + 1)) && IsDigit(Cp(i + 2)) &&
           !IsDigit(Cp(i + 3)) && !IsLetter(Cp(i + 3));
  }

  // The last token ends exactly at i and is a word or number.
  bool GluedToWord(uint32_t i) const {
    if (tokens_->empty()) return false;
    const Token& last = tokens_->back();
    return last.span.end == i && last.span.begin >= begin_ &&
           (last.kind == TokenKind::kWord || last.kind == TokenKind::kNumber);
  }

  bool StartsQuoteContext(uint32_t i) const {
    if (i == begin_) return true;
    UChar32 p = DecodeBefore(text_, begin_, i).cp;
    return IsSpace(p) || p == '(' || p == '[' || p == '{' || p == 0x2014 ||
           p == 0x2013 || p == '-' || p == 0x201C || p == 0x2018;
  }

  uint32_t ScanOther(uint32_t i, CodePoint c) {
    const uint32_t after = i + c.len;
    const UChar32 cp = c.cp;
    if (IsApostrophe(cp) || cp == 0x2018) {
      if (IsApostrophe(cp) && GluedToWord(i)) {
        if (IsPossessiveS(after)) {
          Emit(i, after + 1, TokenKind::kPossessive);  // ’s
          return after + 1;
        }
        std::string_view last = text_.substr(tokens_->back().span.begin,
                                             tokens_->back().span.size());
        if ((last.back() == 's' || last.back() == 'S') &&
            !IsWordChar(Cp(after))) {
          Emit(i, after, TokenKind::kPossessive);  // Ukrainians'
          return after;
        }
      }
      // "the Jairan ’s data": a possessive typed after a stray space.
      if (IsApostrophe(cp) && IsPossessiveS(after) && !tokens_->empty() &&
          tokens_->back().span.begin >= begin_ &&
          tokens_->back().kind == TokenKind::kWord) {
        Emit(i, after + 1, TokenKind::kPossessive);
        return after + 1;
      }
      bool open = cp == 0x2018 || (StartsQuoteContext(i) &&
                                   (cp == '\'' || IsWordChar(Cp(after))));
      Emit(i, after, open ? TokenKind::kOpenQuote : TokenKind::kCloseQuote);
      return after;
    }
    if (cp == 0x201C || cp == 0x201E || cp == 0x00AB) {
      Emit(i, after, TokenKind::kOpenQuote);
      return after;
    }
    if (cp == 0x201D || cp == 0x00BB) {
      Emit(i, after, TokenKind::kCloseQuote);
      return after;
    }
    if (cp == '"') {
      // Opens after a space or bracket; closes before a space, punctuation
      // or the end; glued between two words it is taken as closing.
      bool open = StartsQuoteContext(i);
      if (!open && IsWordChar(Cp(after))) {
        open = !IsWordChar(DecodeBefore(text_, begin_, i).cp);
      }
      // Free-standing between spaces (“another " very important test "”):
      // whichever the last straight quote of the sentence was not.
      const bool space_after = after >= end_ || IsSpace(Cp(after));
      if (StartsQuoteContext(i) && space_after) open = !straight_open_;
      straight_open_ = open;
      Emit(i, after, open ? TokenKind::kOpenQuote : TokenKind::kCloseQuote);
      return after;
    }
    if (cp == '.') {
      uint32_t j = after;
      while (j < end_ && text_[j] == '.') ++j;
      Emit(i, j, j - i > 1 ? TokenKind::kPunct : TokenKind::kSentenceEnd);
      return j;
    }
    if (cp == '!' || cp == '?') {
      Emit(i, after, TokenKind::kSentenceEnd);
      return after;
    }
    if (cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2015 ||
        cp == 0x2010 || cp == 0x2011 || cp == 0x2012) {
      uint32_t j = after;
      while (j < end_) {
        CodePoint d = At(j);
        if (d.cp != cp) break;
        j += d.len;
      }
      Emit(i, j, TokenKind::kPunct);  // -, --, —
      return j;
    }
    if (cp == '%' || cp == '&' || cp == '#' || cp == '@' || cp == 0x2030) {
      Emit(i, after, TokenKind::kSymbol);
      return after;
    }
    if (cp >= 0 && u_ispunct(cp)) {
      Emit(i, after, TokenKind::kPunct);
      return after;
    }
    Emit(i, after, TokenKind::kSymbol);  // $ € + emoji, controls, bad bytes
    return after;
  }

  std::string_view text_;
  uint32_t begin_;
  uint32_t end_;
  std::vector<Token>* tokens_;
  bool straight_open_ = false;  // the last straight " opened a quotation
};

}  // namespace

void Tokenize(std::string_view text, Span sentence,
              std::vector<Token>* tokens) {
  if (sentence.end > text.size() || sentence.begin >= sentence.end) return;
  Scanner(text, sentence, tokens).Run();
}

}  // namespace dyad::text
