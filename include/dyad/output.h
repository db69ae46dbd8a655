// output: coded Documents to the interchange formats of DESIGN.md.
#ifndef DYAD_OUTPUT_H_
#define DYAD_OUTPUT_H_

#include <string>

#include "dyad/document.h"

namespace dyad {

// Returns the JSONL contract object for `doc` on one line, without the
// trailing newline: doc_id, published, article fields, events (with root,
// quad, goldstein and plover derived from the CAMEO code), quotes and
// entities. Never fails: unknown CAMEO codes get null derived fields.
std::string DocumentToJsonLine(const Document& doc);

// Returns the header line of the TSV format (with trailing newline).
std::string TsvHeader();

// Returns one TSV row per event of `doc`, each ending in a newline; tabs and
// newlines inside fields are replaced by spaces.
std::string DocumentToTsv(const Document& doc);

}  // namespace dyad

#endif  // DYAD_OUTPUT_H_
