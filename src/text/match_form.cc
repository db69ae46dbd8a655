#include "text/match_form.h"

#include <unicode/ucasemap.h>
#include <unicode/utypes.h>

#include <memory>
#include <string>
#include <string_view>

namespace dyad::text {
namespace {

struct CaseMapCloser {
  void operator()(UCaseMap* map) const { ucasemap_close(map); }
};

// One case map per thread: ucasemap_open is costly and a map is not
// thread-safe to share.
UCaseMap* ThreadCaseMap() {
  thread_local std::unique_ptr<UCaseMap, CaseMapCloser> map = [] {
    UErrorCode status = U_ZERO_ERROR;
    UCaseMap* m = ucasemap_open("en", 0, &status);
    if (U_FAILURE(status)) m = nullptr;
    return std::unique_ptr<UCaseMap, CaseMapCloser>(m);
  }();
  return map.get();
}

void AsciiUpper(std::string_view word, std::string* out) {
  out->resize(word.size());
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    (*out)[i] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  }
}

// Folds the three-byte sequences E2 80 98/99 (‘ ’) to ' and E2 80 9C/9D/9E
// (“ ” „) to ", in place.
void FoldQuotes(std::string* s) {
  if (s->find('\xE2') == std::string::npos) return;
  size_t w = 0;
  for (size_t r = 0; r < s->size();) {
    if (r + 2 < s->size() && (*s)[r] == '\xE2' && (*s)[r + 1] == '\x80') {
      char third = (*s)[r + 2];
      if (third == '\x98' || third == '\x99') {
        (*s)[w++] = '\'';
        r += 3;
        continue;
      }
      if (third == '\x9C' || third == '\x9D' || third == '\x9E') {
        (*s)[w++] = '"';
        r += 3;
        continue;
      }
    }
    (*s)[w++] = (*s)[r++];
  }
  s->resize(w);
}

}  // namespace

void MatchForm(std::string_view word, std::string* out) {
  bool ascii = true;
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    AsciiUpper(word, out);
    return;
  }
  UCaseMap* map = ThreadCaseMap();
  bool mapped = false;
  if (map != nullptr) {
    // Upper-casing grows UTF-8 by at most a factor of 3 (ICU's bound for
    // full case mappings); one retry covers any miscount.
    out->resize(word.size() * 3 + 8);
    for (int attempt = 0; attempt < 2 && !mapped; ++attempt) {
      UErrorCode status = U_ZERO_ERROR;
      int32_t n = ucasemap_utf8ToUpper(
          map, out->data(), static_cast<int32_t>(out->size()), word.data(),
          static_cast<int32_t>(word.size()), &status);
      if (status == U_BUFFER_OVERFLOW_ERROR) {
        out->resize(static_cast<size_t>(n));
        continue;
      }
      if (U_SUCCESS(status)) {
        out->resize(static_cast<size_t>(n));
        mapped = true;
      }
    }
  }
  if (!mapped) AsciiUpper(word, out);
  FoldQuotes(out);
}

}  // namespace dyad::text
