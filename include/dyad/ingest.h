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
  // kAuto: by extension (.txt/.text wire story, .jsonl/.ndjson JSON Lines,
  // .json array or lines, .html/.htm/.xhtml page), else by content sniffing.
  InputFormat format = InputFormat::kAuto;
  // YYYY-MM-DD used where the input gives no date (IngestPath rejects any
  // other form with InvalidArgument).
  std::string published;
  // A larger single document (a wire-story or HTML file, one JSONL line) is
  // refused with InvalidArgument before it is parsed. News articles are
  // rarely above 100 kB and HTML pages a few MB; 8 MiB keeps a runaway input
  // (a 50 MB single line) from reaching the later stages.
  size_t max_document_bytes = 8u << 20;
};

// Parses one plain-text wire story. `name` is used for doc_id (file name
// without directories and extension; "-" gives "stdin"), Document::source
// and error messages. Document::text is `bytes` unchanged (BOM and CRLF
// included); parts are section, headline, caption, body paragraphs,
// byline and categories in text order, each span trimmed, a glued byline
// cut off the last body paragraph. Zones the story lacks are left empty
// (a story of bare paragraphs is all body). published is
// options.published. Errors, each naming `name` and, for bad bytes, the byte
// offset and line: InvalidArgument above options.max_document_bytes,
// ParseError for empty or blank input, DataLoss for NUL bytes (binary),
// UTF-16 or invalid UTF-8.
Result<Document> ParseWireStory(std::string_view bytes, std::string_view name,
                                const IngestOptions& options);

// Parses one JSONL line (an article object). `line` is 1-based, used in
// error messages as "name:line: ..." and stored in Document::line. Fields:
// "id" (string or number; doc_id, "<file stem>-<line>" when absent),
// "text" (required; Document::text byte for byte, parts are its
// paragraphs), "url", "title" (headline), "section", "published" (a date
// or ISO timestamp, reduced to YYYY-MM-DD; options.published when absent or
// unreadable), "authors" (array) or "author" (string), "keywords"
// (categories). Errors: InvalidArgument for an overlong line, DataLoss for
// invalid UTF-8 (with the byte offset in the line), ParseError for
// malformed JSON, a non-object, or a missing or empty "text".
Result<Document> ParseJsonlLine(std::string_view line_bytes,
                                std::string_view name, uint64_t line,
                                const IngestOptions& options);

// Parses one HTML page (UTF-8): headline from og:title, <h1> or <title>;
// published from article:published_time, og:published_time, meta
// name=date/pubdate, itemprop=datePublished or <time datetime>; the body
// paragraphs of <article> or, failing that, of the densest container of
// <p> elements, skipping nav, header, footer, aside, script, style and
// forms. Document::text is the extracted text (headline, caption and
// paragraphs joined by blank lines); parts index into it. Errors as for
// ParseWireStory, plus ParseError when no text can be extracted.
Result<Document> ParseHtmlPage(std::string_view bytes, std::string_view name,
                               const IngestOptions& options);

// Returns true when `date` is exactly "YYYY-MM-DD" and names a real
// calendar date (years 1000-9999; 2023-02-29 is false, 2024-02-29 true).
// The form IngestOptions::published must have; front ends check it before
// reading anything, so that a typo is a usage error and not one error per
// input.
bool IsPublishedDate(std::string_view date);

// Receives each document read, or the Status of each input that failed.
using DocumentSink = std::function<void(Result<Document>)>;

// Reads `path` (a file, a directory walked recursively in sorted order, or
// "-" for standard input) and hands every document or error to `sink`, in
// input order, on the calling thread. In directories only files with a
// known extension (see IngestOptions::format) are read, hidden files and
// directories are skipped. Returns NotFound when `path` does not exist,
// IoError when it cannot be opened, InvalidArgument when
// options.published is not YYYY-MM-DD; per-document problems (bad bytes,
// oversized inputs, malformed JSONL lines) go to the sink as non-OK Results
// and reading continues with the next line or file.
Status IngestPath(const std::string& path, const IngestOptions& options,
                  const DocumentSink& sink);

}  // namespace dyad

#endif  // DYAD_INGEST_H_
