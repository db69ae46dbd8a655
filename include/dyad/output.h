// output: coded Documents to the interchange formats of DESIGN.md.
#ifndef DYAD_OUTPUT_H_
#define DYAD_OUTPUT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "dyad/document.h"

namespace dyad {

// Returns the JSONL contract object for `doc` on one line, without the
// trailing newline: doc_id, published, article fields, events (with root,
// quad, goldstein and plover derived from the CAMEO code), quotes and
// entities. Never fails: unknown CAMEO codes get null derived fields.
std::string DocumentToJsonLine(const Document& doc);

// Returns the event object of the JSONL contract for `event`, keys in the
// contract's order: source and target ({code, text, span when read from
// the text}), cameo; root, quad, goldstein and plover derived from the
// CAMEO code (null when the code is unknown); date (null when ""),
// date_from_text, place (null when none; lat/lon only with coordinates),
// sentence, span, text (`evidence`, the bytes of event.span) and rule.
// Never fails. Shared by DocumentToJsonLine and `dyad events`, so that
// an event reads the same whichever command printed it.
nlohmann::ordered_json EventToJson(const Event& event,
                                   std::string_view evidence);

// Returns the header line of the TSV format (with trailing newline).
std::string TsvHeader();

// Returns one TSV row per event of `doc`, each ending in a newline; tabs and
// newlines inside fields are replaced by spaces.
std::string DocumentToTsv(const Document& doc);

}  // namespace dyad

#endif  // DYAD_OUTPUT_H_
