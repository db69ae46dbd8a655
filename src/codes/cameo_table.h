// Parsing the compiled-in CAMEO code table.
#ifndef DYAD_CODES_CAMEO_TABLE_H_
#define DYAD_CODES_CAMEO_TABLE_H_

#include <string_view>
#include <vector>

#include "dyad/codes.h"
#include "dyad/status.h"

namespace dyad::codes {

// The bytes of data/cameo_codes.tsv, embedded at build time.
std::string_view EmbeddedCameoTsv();

// Parses a table in the layout of data/cameo_codes.tsv ('#' comment lines,
// a header line "code root quad goldstein plover name", then one
// tab-separated row per code) into `out`, sorted by code. Returns
// ParseError naming `source` and the line on a malformed or duplicate row;
// `out` is then unspecified.
Status ParseCameoTable(std::string_view tsv, std::string_view source,
                       std::vector<CameoCode>* out);

}  // namespace dyad::codes

#endif  // DYAD_CODES_CAMEO_TABLE_H_
