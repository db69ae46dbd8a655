// codes: the CAMEO event code table (names, Goldstein scores, quad classes,
// PLOVER categories) for all 311 CAMEO codes.
//
// The table is dyad's own data/cameo_codes.tsv (written by
// tools/make_code_table.py), compiled into the library, so lookups need no
// files at run time. All returned pointers and references point into one
// immutable table that lives for the whole program; callers never free them.
#ifndef DYAD_CODES_H_
#define DYAD_CODES_H_

#include <string>
#include <string_view>
#include <vector>

namespace dyad {

struct CameoCode {
  std::string code;      // "042": 2 digits for a root, 3 or 4 for a sub-code
  std::string name;      // "Make a visit"
  std::string root;      // "04"
  double goldstein = 0;  // -10 (most conflictual) .. +10 (most cooperative)
  // GDELT convention: 1 verbal cooperation (roots 01-05), 2 material
  // cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict
  // (14-20).
  int quad_class = 0;
  // PLOVER category ("CONSULT"); "" for roots 01 and 02 (statements and
  // appeals), which PLOVER does not code.
  std::string plover;
};

// Returns the entry for `code` ("042", "04", "1056"), or nullptr when it is
// not a CAMEO code.
const CameoCode* FindCameo(std::string_view code);

// Returns every CAMEO code, sorted by code (so each root precedes its
// sub-codes): 311 entries.
const std::vector<CameoCode>& AllCameoCodes();

// True when FindCameo(code) is not nullptr.
bool IsCameoCode(std::string_view code);

}  // namespace dyad

#endif  // DYAD_CODES_H_
