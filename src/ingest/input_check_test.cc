#include "ingest/input_check.h"

#include <random>
#include <string>

#include "gtest/gtest.h"
#include "simdjson.h"

namespace dyad::ingest {
namespace {

// Reference: decode code point by code point with the textbook rules of
// RFC 3629, slowly and obviously.
bool ReferenceValidUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80         ? 1
              : (c >> 5) == 6  ? 2
              : (c >> 4) == 14 ? 3
              : (c >> 3) == 30 ? 4
                               : 0;
    if (len == 0 || i + len > s.size()) return false;
    unsigned cp = len == 1   ? c
                  : len == 2 ? c & 0x1F
                  : len == 3 ? c & 0x0F
                             : c & 0x07;
    for (int k = 1; k < len; ++k) {
      unsigned d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    static constexpr unsigned kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

TEST(InputCheckTest, ScalarScanAgreesWithReferenceAndSimdjson) {
  std::mt19937 rng(12345);
  // Bytes biased towards UTF-8 lead and continuation bytes, so random
  // strings hit every branch rather than failing at the first byte.
  const unsigned char alphabet[] = {'a',  ' ',  0x7F, 0x80, 0xBF, 0xC0,
                                    0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0,
                                    0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x90};
  for (int round = 0; round < 200000; ++round) {
    std::string s(rng() % 8, '\0');
    for (char& c : s) c = static_cast<char>(alphabet[rng() % sizeof alphabet]);
    bool reference = ReferenceValidUtf8(s);
    ASSERT_EQ(FindInvalidUtf8(s) == std::string_view::npos, reference)
        << testing::PrintToString(s);
    ASSERT_EQ(simdjson::validate_utf8(s.data(), s.size()), reference);
    if (!reference) {
      // The reported offset is the first one where a valid prefix ends.
      size_t at = FindInvalidUtf8(s);
      EXPECT_TRUE(ReferenceValidUtf8(s.substr(0, at)));
    }
  }
}

TEST(InputCheckTest, MessagesNameFileOffsetAndLine) {
  Status s = CheckTextInput("ab\ncd\xFF", "f.txt", 100);
  EXPECT_EQ(s.code(), StatusCode::kDataLoss);
  EXPECT_EQ(s.message(), "f.txt: byte 5 (line 2): invalid UTF-8 byte 0xFF");
  EXPECT_EQ(CheckTextInput(std::string("a\0b", 3), "f.txt", 100).message(),
            "f.txt: byte 1 (line 1): NUL byte: binary input");
  EXPECT_EQ(CheckTextInput("", "f.txt", 100).message(), "f.txt: empty input");
  EXPECT_EQ(CheckTextInput("\xEF\xBB\xBF \xC2\xA0\n", "f.txt", 100).code(),
            StatusCode::kParseError);
  EXPECT_EQ(CheckTextInput("abcdef", "f.txt", 5).code(),
            StatusCode::kInvalidArgument);
  EXPECT_TRUE(CheckTextInput("caf\xC3\xA9", "f.txt", 100).ok());
}

}  // namespace
}  // namespace dyad::ingest
