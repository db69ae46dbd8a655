// Small byte-level helpers shared by the ingest parsers: whitespace that
// includes the no-break space news systems paste in, trimming with offsets.
#ifndef DYAD_INGEST_TEXT_UTIL_H_
#define DYAD_INGEST_TEXT_UTIL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::ingest {

// Length of the whitespace character at bytes[i]: 1 for ASCII space, tab,
// CR, LF, FF, VT; 2 for U+00A0 (C2 A0); 3 for U+2002..U+200A, U+202F,
// U+3000 and U+2009; 0 when bytes[i] starts no whitespace.
size_t SpaceLengthAt(std::string_view bytes, size_t i);

// Length of the whitespace character that ends just before bytes[end], or 0.
size_t SpaceLengthBefore(std::string_view bytes, size_t end);

// Shrinks [*begin, *end) of `bytes` past leading and trailing whitespace.
void TrimRange(std::string_view bytes, size_t* begin, size_t* end);

// Number of whitespace-separated words in `s`.
size_t CountWords(std::string_view s);

// `s` without leading and trailing whitespace.
std::string_view Trim(std::string_view s);

// `s` with every run of whitespace (any SpaceLengthAt kind) turned into one
// ASCII space, and trimmed.
std::string CollapseSpaces(std::string_view s);

// Splits `s` on any of the single-byte `separators`, trims the pieces and
// drops empty ones.
std::vector<std::string> SplitAndTrim(std::string_view s,
                                      std::string_view separators);

// ASCII case-insensitive equality and prefix test.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_TEXT_UTIL_H_
