#include "text/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/abbreviations.h"
#include "text/code_point.h"

namespace dyad::text {
namespace {

// ICU iterators are costly to build (rule data) and not thread-safe, so
// each thread keeps one and re-targets it with setText.
icu::BreakIterator* ThreadSentenceIterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(),
                                                   status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return iterator.get();
}

// Characters that may stand before a word at the end of a sentence.
bool IsClosing(UChar32 c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x2019 ||
         c == 0x201D || c == 0x00BB;
}

bool IsLeadingOpener(UChar32 c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x2018 ||
         c == 0x201C || c == 0x00AB;
}

class Splitter {
 public:
  Splitter(std::string_view text, Span part) : text_(text), part_(part) {}

  // Span [begin, end) trimmed of whitespace at both ends.
  Span Trim(uint32_t begin, uint32_t end) const {
    while (begin < end) {
      CodePoint c = DecodeAt(text_, begin, end);
      if (!IsSpace(c.cp)) break;
      begin += c.len;
    }
    while (end > begin) {
      CodePoint c = DecodeBefore(text_, begin, end);
      if (!IsSpace(c.cp)) break;
      end -= c.len;
    }
    return Span{begin, end};
  }

  // Whether an ICU boundary at `boundary` closes the sentence that started
  // at `start`, or is an abbreviation's period.
  bool KeepBoundary(uint32_t start, uint32_t boundary) const {
    Span s = Trim(start, boundary);
    if (s.empty()) return true;
    // ICU ends a sentence at "?" or "!" even inside a quotation that the
    // sentence goes on after: “...time to use social media?” wrote a user.
    if (NextStartsLowercase(boundary)) return false;
    // ICU ends a sentence at every line break; hard-wrapped text (TABARI
    // records, plain-text mail) goes on across one.
    if (!EndsWithTerminal(s) && CountNewlines(s.end, boundary) == 1) {
      return false;
    }
    if (text_[s.end - 1] != '.') return true;
    uint32_t w = s.end;
    while (w > s.begin) {
      CodePoint c = DecodeBefore(text_, s.begin, w);
      if (IsSpace(c.cp) || IsLeadingOpener(c.cp)) break;
      w -= c.len;
    }
    std::string_view word = text_.substr(w, s.end - w);
    switch (ClassifyAbbreviation(word)) {
      case AbbreviationKind::kNone:
        return true;
      case AbbreviationKind::kNeverFinal:
        return false;
      case AbbreviationKind::kBeforeNumber:
        return !NextStartsWithDigit(boundary);
      case AbbreviationKind::kMaybeFinal:
        return NextOpensSentence(boundary);
    }
    return true;
  }

 private:
  uint32_t SkipSpace(uint32_t i) const {
    while (i < part_.end) {
      CodePoint c = DecodeAt(text_, i, part_.end);
      if (!IsSpace(c.cp)) break;
      i += c.len;
    }
    return i;
  }

  bool NextStartsWithDigit(uint32_t i) const {
    i = SkipSpace(i);
    return i < part_.end && IsDigit(DecodeAt(text_, i, part_.end).cp);
  }

  // The sentence's last visible character, under any closing quotes and
  // brackets, is . ! ? or an ellipsis.
  bool EndsWithTerminal(Span s) const {
    uint32_t e = s.end;
    while (e > s.begin) {
      CodePoint c = DecodeBefore(text_, s.begin, e);
      if (c.cp == '.' || c.cp == '!' || c.cp == '?' || c.cp == 0x2026 ||
          c.cp == 0x3002 || c.cp == 0xFF01 || c.cp == 0xFF1F) {
        return true;
      }
      if (!IsClosing(c.cp)) return false;
      e -= c.len;
    }
    return false;
  }

  // Line breaks in the whitespace from `i` to the next visible character.
  int CountNewlines(uint32_t i, uint32_t boundary) const {
    int newlines = 0;
    uint32_t end = SkipSpace(boundary);
    for (; i < end; ++i) {
      if (text_[i] == '\n') ++newlines;
      // A paragraph or line separator (U+2029, U+2028), or a lone CR.
      if (text_[i] == '\xE2' && i + 2 < end && text_[i + 1] == '\x80' &&
          (text_[i + 2] == '\xA8' || text_[i + 2] == '\xA9')) {
        newlines += 2;
      }
      if (text_[i] == '\r' && (i + 1 >= end || text_[i + 1] != '\n')) {
        ++newlines;
      }
    }
    return newlines;
  }

  bool NextStartsLowercase(uint32_t i) const {
    i = SkipSpace(i);
    if (i >= part_.end) return false;
    UChar32 c = DecodeAt(text_, i, part_.end).cp;
    return c >= 0 && u_islower(c);
  }

  bool NextOpensSentence(uint32_t i) const {
    i = SkipSpace(i);
    if (i >= part_.end) return true;
    if (IsQuoteChar(DecodeAt(text_, i, part_.end).cp)) return true;
    uint32_t e = i;
    while (e < part_.end) {
      CodePoint c = DecodeAt(text_, e, part_.end);
      if (!IsLetter(c.cp)) break;
      e += c.len;
    }
    return IsSentenceStarter(text_.substr(i, e - i));
  }

  std::string_view text_;
  Span part_;
};

}  // namespace

Status SplitSentences(std::string_view text, Span part,
                      std::vector<Span>* sentences) {
  if (part.end > text.size() || part.begin > part.end) {
    return InvalidArgument("text part [" + std::to_string(part.begin) + ", " +
                           std::to_string(part.end) +
                           ") lies outside the document of " +
                           std::to_string(text.size()) + " bytes");
  }
  if (part.empty()) return Status::Ok();
  icu::BreakIterator* it = ThreadSentenceIterator();
  if (it == nullptr) {
    return Internal("ICU could not create an English sentence iterator");
  }
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data() + part.begin,
                 static_cast<int64_t>(part.size()), &status);
  if (U_FAILURE(status)) {
    return Internal(std::string("ICU utext_openUTF8 failed: ") +
                    u_errorName(status));
  }
  it->setText(&utext, status);
  if (U_FAILURE(status)) {
    utext_close(&utext);
    return Internal(std::string("ICU BreakIterator::setText failed: ") +
                    u_errorName(status));
  }
  Splitter splitter(text, part);
  const size_t old_size = sentences->size();
  uint32_t start = part.begin;
  for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
    const uint32_t boundary = part.begin + static_cast<uint32_t>(b);
    if (boundary < part.end && !splitter.KeepBoundary(start, boundary)) {
      continue;
    }
    Span s = splitter.Trim(start, boundary);
    if (!s.empty()) sentences->push_back(s);
    start = boundary;
  }
  if (start < part.end) {
    Span s = splitter.Trim(start, part.end);
    if (!s.empty()) sentences->push_back(s);
  }
  // Drop the iterator's reference to this text before the UText dies.
  UText empty = UTEXT_INITIALIZER;
  utext_openUTF8(&empty, "", 0, &status);
  it->setText(&empty, status);
  utext_close(&empty);
  utext_close(&utext);
  if (U_FAILURE(status)) {
    sentences->resize(old_size);
    return Internal(std::string("ICU sentence iteration failed: ") +
                    u_errorName(status));
  }
  return Status::Ok();
}

}  // namespace dyad::text
