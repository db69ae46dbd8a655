#include "ingest/input_check.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "simdjson.h"

namespace dyad::ingest {
namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

bool IsBlank(std::string_view bytes) {
  size_t i = Utf8BomLength(bytes);
  for (; i < bytes.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v') {
      continue;
    }
    // U+00A0 no-break space is blank too: editors leave it in empty files.
    if (c == 0xC2 && i + 1 < bytes.size() &&
        static_cast<unsigned char>(bytes[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    return false;
  }
  return true;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;  // stray continuation byte, C0/C1 overlong lead, or F5..FF
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if (!IsContinuation(s[i + k])) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

size_t LineOfOffset(std::string_view bytes, size_t offset) {
  offset = std::min(offset, bytes.size());
  return 1 + static_cast<size_t>(
                 std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

size_t Utf8BomLength(std::string_view bytes) {
  return bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

std::string DescribeAt(std::string_view name, std::string_view bytes,
                       size_t offset, std::string_view what) {
  std::string out(name);
  out += ": byte " + std::to_string(offset) + " (line " +
         std::to_string(LineOfOffset(bytes, offset)) + "): ";
  out += what;
  return out;
}

Status CheckTextInput(std::string_view bytes, std::string_view name,
                      size_t max_bytes) {
  if (bytes.size() > max_bytes) {
    return InvalidArgument(
        std::string(name) + ": input is " + std::to_string(bytes.size()) +
        " bytes, above the limit of " + std::to_string(max_bytes) +
        " bytes per document; refused");
  }
  if (bytes.empty()) return ParseError(std::string(name) + ": empty input");
  // UTF-16 text is full of NUL bytes; say what it is rather than "binary".
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    return DataLoss(DescribeAt(
        name, bytes, 0, "UTF-16 byte order mark; dyad reads UTF-8 only"));
  }
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
    size_t at = static_cast<const char*>(nul) - bytes.data();
    return DataLoss(DescribeAt(name, bytes, at, "NUL byte: binary input"));
  }
  // simdjson's validator is vectorised; the scalar scan runs only to locate
  // the first bad byte once we know there is one.
  if (!simdjson::validate_utf8(bytes.data(), bytes.size())) {
    size_t at = FindInvalidUtf8(bytes);
    if (at == std::string_view::npos) at = 0;  // validators disagree: blame 0
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X",
                  static_cast<unsigned char>(bytes[at]));
    return DataLoss(
        DescribeAt(name, bytes, at, std::string("invalid UTF-8 byte ") + hex));
  }
  if (IsBlank(bytes)) {
    return ParseError(std::string(name) + ": empty input (only whitespace)");
  }
  return Status::Ok();
}

}  // namespace dyad::ingest
