// Document identifiers derived from input names.
#ifndef DYAD_INGEST_DOC_ID_H_
#define DYAD_INGEST_DOC_ID_H_

#include <string>
#include <string_view>

namespace dyad::ingest {

// The file name of `name` without directories and without its last
// extension: "../gold/seed/nato_japan.txt" -> "nato_japan". "-" (standard
// input) gives "stdin"; a name that is only an extension keeps it whole.
std::string DocIdFromName(std::string_view name);

// Lower-case extension of `name` without the dot ("txt"), or "".
std::string ExtensionOf(std::string_view name);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_DOC_ID_H_
