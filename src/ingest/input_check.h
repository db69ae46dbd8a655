// Checks every ingest path runs on raw bytes before parsing them, so that
// binary files, wrong encodings and runaway inputs fail early with an error
// that names the file and the byte offset instead of confusing a parser.
#ifndef DYAD_INGEST_INPUT_CHECK_H_
#define DYAD_INGEST_INPUT_CHECK_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "dyad/status.h"

namespace dyad::ingest {

// Byte offset of the first byte that is not part of well-formed UTF-8
// (overlong forms, surrogates and code points above U+10FFFF count as
// malformed), or std::string_view::npos when all of `bytes` is valid.
size_t FindInvalidUtf8(std::string_view bytes);

// 1-based line number of byte `offset` in `bytes` (counting '\n').
size_t LineOfOffset(std::string_view bytes, size_t offset);

// Length of a UTF-8 byte order mark at the start of `bytes` (3 or 0).
size_t Utf8BomLength(std::string_view bytes);

// OK when `bytes` is a plausible text document: not larger than `max_bytes`,
// not empty or blank, free of NUL bytes, valid UTF-8. Otherwise a Status
// whose message starts with `name` and gives the byte offset (and line) of
// the first offending byte: InvalidArgument for an oversized input,
// ParseError for an empty one, DataLoss for binary or malformed bytes.
Status CheckTextInput(std::string_view bytes, std::string_view name,
                      size_t max_bytes);

// "name: byte 12 (line 3): what" — the one format of byte-offset errors.
std::string DescribeAt(std::string_view name, std::string_view bytes,
                       size_t offset, std::string_view what);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_INPUT_CHECK_H_
