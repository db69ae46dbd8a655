// The byline of a wire story: "NAMES, CITY, OUTLET/AGENCY", e.g.
// "MARI YAMAGUCHI & HARUKA NUGA, TOKYO, MDT/AP".
#ifndef DYAD_INGEST_BYLINE_H_
#define DYAD_INGEST_BYLINE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::ingest {

struct Byline {
  std::vector<std::string> authors;  // title-cased: "Mari Yamaguchi"
  std::string dateline;              // title-cased city: "Tokyo"
  std::string agency;                // after the last '/': "AP"
};

// Parses `text` as a byline, or returns nullopt when it does not look like
// one. Comma-separated fields: the last is the outlet (its part after the
// last '/' is the agency), the one before it the city when there are three
// or more, the rest the people ("&", "and", ";" separate them).
//
// A byline is easy to confuse with a short sentence, so the test is strict:
// at most 200 bytes on one line, no sentence punctuation (! ? quotes), a
// short outlet field, at most five words per name, and, unless the text
// starts with "By ", the names written in capitals as wire desks print them.
// `require_capitals` forces the capitals test even after "By " (used for
// bylines glued to a paragraph, where a false match would eat body text).
std::optional<Byline> ParseByline(std::string_view text, bool require_capitals);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_BYLINE_H_
