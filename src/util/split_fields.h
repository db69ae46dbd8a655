// Splitting one line of a delimited file (TSV, CoNLL, GeoNames) into its
// fields, without copying.
#ifndef DYAD_UTIL_SPLIT_FIELDS_H_
#define DYAD_UTIL_SPLIT_FIELDS_H_

#include <string_view>
#include <vector>

namespace dyad {

// The fields of `line` between `separator`s: n separators give n + 1
// fields, empty ones included ("a\t\tb" gives "a", "", "b"; "" gives one
// empty field). The views point into `line`, which must outlive them.
std::vector<std::string_view> SplitFields(std::string_view line,
                                          char separator = '\t');

}  // namespace dyad

#endif  // DYAD_UTIL_SPLIT_FIELDS_H_
