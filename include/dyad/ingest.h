// ingest: bytes on disk (or stdin) to Documents.
//
// Three input kinds: plain-text wire stories (section, headline, caption,
// body, byline, "Categories" footer), JSONL (one article per line) and HTML
// news pages. Every input problem is reported as a non-OK Status naming the
// file and the line or byte offset; one bad input never stops the others.
#ifndef DYAD_INGEST_H_
#define DYAD_INGEST_H_

#include <functional>
#include <string>
#include <string_view>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad {

enum class InputFormat { kAuto, kWire, kJsonl, kHtml };

struct IngestOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: by extension, then content
  std::string published;  // YYYY-MM-DD used where the input gives no date
  size_t max_document_bytes = 64u << 20;  // larger inputs are refused
};

// Parses one plain-text wire story. `name` is used for doc_id (without
// extension) and in error messages. Returns ParseError/DataLoss naming
// `name` and the byte offset on invalid UTF-8, binary or empty input.
Result<Document> ParseWireStory(std::string_view bytes, std::string_view name,
                                const IngestOptions& options);

// Parses one JSONL line (an article object). `line` is 1-based, used in
// error messages as "name:line".
Result<Document> ParseJsonlLine(std::string_view line_bytes,
                                std::string_view name, uint64_t line,
                                const IngestOptions& options);

// Parses one HTML page: title, published time from the usual meta tags, and
// the article body without navigation.
Result<Document> ParseHtmlPage(std::string_view bytes, std::string_view name,
                               const IngestOptions& options);

// Receives each document read, or the Status of each input that failed.
using DocumentSink = std::function<void(Result<Document>)>;

// Reads `path` (a file, a directory walked recursively in sorted order, or
// "-" for standard input) and hands every document or error to `sink`.
// Returns non-OK only when `path` itself cannot be opened; per-document
// problems go to the sink and reading continues.
Status IngestPath(const std::string& path, const IngestOptions& options,
                  const DocumentSink& sink);

}  // namespace dyad

#endif  // DYAD_INGEST_H_
