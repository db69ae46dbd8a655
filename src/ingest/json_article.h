// One article object of a JSONL line or a JSON array, to a Document.
#ifndef DYAD_INGEST_JSON_ARTICLE_H_
#define DYAD_INGEST_JSON_ARTICLE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "dyad/document.h"
#include "dyad/ingest.h"
#include "dyad/status.h"
#include "simdjson.h"

namespace dyad::ingest {

// Builds a Document from an article object. `where` prefixes every error
// ("feed.jsonl:12"); `name` is the source, `line` goes to Document::line.
//
// Fields: "text" (required, non-blank string; "body" is accepted as an
// alias), "id" (string or number; when absent, "<file stem>-<line>"), "url",
// "title" or "headline", "section", "published" or "date" (see
// NormalizeDate; a number is Unix seconds, or milliseconds above 1e11;
// an unreadable date falls back to options.published rather than losing
// the article), "authors" (array) or "author" (string, split on "and",
// "&", ","), "keywords", "categories" or "tags" (array, or string split on
// commas). Fields of an unexpected type are ignored, except "text".
// Document::text is the "text" value; parts are its paragraphs.
Result<Document> ArticleFromJson(simdjson::dom::element article,
                                 std::string_view where, std::string_view name,
                                 uint64_t line, const IngestOptions& options);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_JSON_ARTICLE_H_
