// Legacy encodings of HTML pages (windows-1252, ISO-8859-x, Shift_JIS...)
// converted to the UTF-8 every later stage expects.
#ifndef DYAD_INGEST_HTML_CHARSET_H_
#define DYAD_INGEST_HTML_CHARSET_H_

#include <optional>
#include <string>
#include <string_view>

namespace dyad::ingest {

// The charset a page declares in its first 4 kB (<meta charset=...> or
// <meta http-equiv="Content-Type" content="...; charset=...">), lower-cased,
// or nullopt when it declares none.
std::optional<std::string> DeclaredCharset(std::string_view html);

// `bytes` converted from `charset` to UTF-8 with ICU, or nullopt when ICU
// does not know the charset or the bytes are not valid in it.
std::optional<std::string> ConvertToUtf8(std::string_view bytes,
                                         const std::string& charset);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_HTML_CHARSET_H_
