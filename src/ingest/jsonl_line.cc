// ParseJsonlLine: one line of a JSONL feed to a Document.
#include <cstdio>
#include <string>

#include "dyad/ingest.h"
#include "ingest/input_check.h"
#include "ingest/json_article.h"
#include "ingest/text_util.h"
#include "simdjson.h"

namespace dyad {

Result<Document> ParseJsonlLine(std::string_view line_bytes,
                                std::string_view name, uint64_t line,
                                const IngestOptions& options) {
  const std::string where = std::string(name) + ":" + std::to_string(line);
  if (line_bytes.size() > options.max_document_bytes) {
    return InvalidArgument(where + ": line is " +
                           std::to_string(line_bytes.size()) +
                           " bytes, above the limit of " +
                           std::to_string(options.max_document_bytes) +
                           " bytes per document; refused");
  }
  if (line == 1) line_bytes.remove_prefix(ingest::Utf8BomLength(line_bytes));
  if (!line_bytes.empty() && line_bytes.back() == '\r') {
    line_bytes.remove_suffix(1);
  }
  if (ingest::Trim(line_bytes).empty()) {
    return ParseError(where + ": empty line");
  }
  // simdjson rejects bad UTF-8 without saying where; find the byte first.
  if (!simdjson::validate_utf8(line_bytes.data(), line_bytes.size())) {
    size_t at = ingest::FindInvalidUtf8(line_bytes);
    if (at == std::string_view::npos) at = 0;
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X",
                  static_cast<unsigned char>(line_bytes[at]));
    return DataLoss(where + ": byte " + std::to_string(at) +
                    " of the line: invalid UTF-8 byte " + hex);
  }
  // One parser per thread: it keeps its buffers between lines, which is
  // most of the cost of parsing short documents.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element article;
  simdjson::error_code error =
      parser.parse(line_bytes.data(), line_bytes.size()).get(article);
  if (error != simdjson::SUCCESS) {
    return ParseError(where +
                      ": malformed JSON: " + simdjson::error_message(error));
  }
  return ingest::ArticleFromJson(article, where, name, line, options);
}

}  // namespace dyad
