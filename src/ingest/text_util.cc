#include "ingest/text_util.h"

namespace dyad::ingest {
namespace {

char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

size_t SpaceLengthAt(std::string_view b, size_t i) {
  if (i >= b.size()) return 0;
  unsigned char c = static_cast<unsigned char>(b[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
      c == '\v') {
    return 1;
  }
  if (c == 0xC2 && i + 1 < b.size() &&
      static_cast<unsigned char>(b[i + 1]) == 0xA0) {
    return 2;
  }
  if (i + 2 < b.size()) {
    unsigned char c1 = static_cast<unsigned char>(b[i + 1]);
    unsigned char c2 = static_cast<unsigned char>(b[i + 2]);
    if (c == 0xE2 && c1 == 0x80 && ((c2 >= 0x82 && c2 <= 0x8A) || c2 == 0xAF)) {
      return 3;  // en/em/thin/hair spaces, narrow no-break space
    }
    if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;  // ideographic space
  }
  return 0;
}

size_t SpaceLengthBefore(std::string_view b, size_t end) {
  for (size_t len = 1; len <= 3 && len <= end; ++len) {
    if (SpaceLengthAt(b, end - len) == len) return len;
  }
  return 0;
}

void TrimRange(std::string_view b, size_t* begin, size_t* end) {
  while (*begin < *end) {
    size_t n = SpaceLengthAt(b, *begin);
    if (n == 0 || *begin + n > *end) break;
    *begin += n;
  }
  while (*end > *begin) {
    size_t n = SpaceLengthBefore(b, *end);
    if (n == 0 || *end - n < *begin) break;
    *end -= n;
  }
}

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size();) {
    size_t n = SpaceLengthAt(s, i);
    if (n > 0) {
      in_word = false;
      i += n;
      continue;
    }
    if (!in_word) ++words;
    in_word = true;
    ++i;
  }
  return words;
}

std::string_view Trim(std::string_view s) {
  size_t begin = 0, end = s.size();
  TrimRange(s, &begin, &end);
  return s.substr(begin, end - begin);
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    size_t n = SpaceLengthAt(s, i);
    if (n > 0) {
      pending_space = true;
      i += n;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += s[i++];
  }
  return out;
}

std::vector<std::string> SplitAndTrim(std::string_view s,
                                      std::string_view separators) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || separators.find(s[i]) != std::string_view::npos) {
      std::string_view piece = Trim(s.substr(start, i - start));
      if (!piece.empty()) out.emplace_back(piece);
      start = i + 1;
    }
  }
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

}  // namespace dyad::ingest
