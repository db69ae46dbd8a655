// Decoding and classifying one UTF-8 code point for the text scanners.
#ifndef DYAD_TEXT_CODE_POINT_H_
#define DYAD_TEXT_CODE_POINT_H_

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <string_view>

namespace dyad::text {

// One decoded code point. Ill-formed bytes decode to cp = -1 with len >= 1
// so a scanner always advances and never splits inside a sequence.
struct CodePoint {
  UChar32 cp = -1;
  uint32_t len = 0;
};

// Decodes the code point starting at byte `i` of `s` (i < end <= s.size()).
inline CodePoint DecodeAt(std::string_view s, uint32_t i, uint32_t end) {
  const auto byte = static_cast<unsigned char>(s[i]);
  if (byte < 0x80) return {byte, 1};
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), j,
          static_cast<int32_t>(end), c);
  return {c, static_cast<uint32_t>(j) - i};
}

// Decodes the code point that ends just before byte `i` (begin < i).
inline CodePoint DecodeBefore(std::string_view s, uint32_t begin, uint32_t i) {
  const auto byte = static_cast<unsigned char>(s[i - 1]);
  if (byte < 0x80) return {byte, 1};
  int32_t j = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()),
          static_cast<int32_t>(begin), j, c);
  return {c, i - static_cast<uint32_t>(j)};
}

// Whitespace, and control characters (NUL, the ^Z that ends old DOS
// files...), which carry no text: scanners skip both.
inline bool IsSpace(UChar32 c) {
  if (c < 0x80) return c >= 0 && (c <= ' ' || c == 0x7F);
  return (c >= 0x80 && c <= 0x9F) || c == 0x200B || c == 0xFEFF ||
         u_isUWhiteSpace(c);
}

inline bool IsDigit(UChar32 c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return c > 0 && u_isdigit(c);
}

// Letters, combining marks and digits: what a word is made of.
inline bool IsWordChar(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  }
  if (c < 0) return false;
  return (U_GET_GC_MASK(c) &
          (U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK | U_GC_NL_MASK)) != 0;
}

inline bool IsLetter(UChar32 c) { return IsWordChar(c) && !IsDigit(c); }

// Hyphens that join the parts of a compound word (not dashes).
inline bool IsJoiningHyphen(UChar32 c) {
  return c == '-' || c == 0x2010 || c == 0x2011;
}

// ' and the right single quotation mark, which news uses as apostrophe.
inline bool IsApostrophe(UChar32 c) {
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

// Characters that can open a quotation: " and the curly/low openers.
inline bool IsQuoteChar(UChar32 c) {
  return c == '"' || c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201C ||
         c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB;
}

}  // namespace dyad::text

#endif  // DYAD_TEXT_CODE_POINT_H_
