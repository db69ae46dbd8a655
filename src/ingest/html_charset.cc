#include "ingest/html_charset.h"

#include <unicode/ucnv.h>

#include <memory>

namespace dyad::ingest {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsCharsetChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':' || c == '.';
}

}  // namespace

std::optional<std::string> DeclaredCharset(std::string_view html) {
  // A byte scan is enough: the declaration must sit in the first 1024
  // bytes by the HTML standard (we allow 4 kB for sloppy pages), and the
  // page cannot be parsed as text before its encoding is known.
  std::string head = Lower(html.substr(0, 4096));
  size_t at = 0;
  while ((at = head.find("charset", at)) != std::string::npos) {
    size_t i = at + 7;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t')) ++i;
    if (i >= head.size() || head[i] != '=') {
      at = i;
      continue;
    }
    ++i;
    while (i < head.size() &&
           (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) {
      ++i;
    }
    size_t end = i;
    while (end < head.size() && IsCharsetChar(head[end])) ++end;
    if (end > i) return head.substr(i, end - i);
    at = end;
  }
  return std::nullopt;
}

std::optional<std::string> ConvertToUtf8(std::string_view bytes,
                                         const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> from(
      ucnv_open(charset.c_str(), &status), &ucnv_close);
  if (U_FAILURE(status) || !from) return std::nullopt;
  // Stop at the first unmappable byte rather than inventing U+FFFD text.
  ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr,
                      nullptr, &status);
  std::unique_ptr<UConverter, void (*)(UConverter*)> to(
      ucnv_open("UTF-8", &status), &ucnv_close);
  if (U_FAILURE(status) || !to) return std::nullopt;
  // Every source byte becomes at most one BMP character: 3 UTF-8 bytes
  // (4 for a supplementary pair of two source bytes or more).
  std::string out(bytes.size() * 3 + 16, '\0');
  char* target = out.data();
  const char* source = bytes.data();
  ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(),
                 &source, bytes.data() + bytes.size(), nullptr, nullptr,
                 nullptr, nullptr, true, true, &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<size_t>(target - out.data()));
  return out;
}

}  // namespace dyad::ingest
