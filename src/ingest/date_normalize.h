// Publication dates as feeds and pages write them, reduced to YYYY-MM-DD.
#ifndef DYAD_INGEST_DATE_NORMALIZE_H_
#define DYAD_INGEST_DATE_NORMALIZE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dyad::ingest {

// True when `s` is exactly a valid calendar date "YYYY-MM-DD".
bool IsIsoDate(std::string_view s);

// Returns the calendar date of `s` as "YYYY-MM-DD", or nullopt when `s` is
// not a date dyad understands. Accepted: ISO 8601 dates and timestamps
// ("2023-02-01", "2025-03-14 20:30:26Z", "2023-02-01T10:00:00+09:00",
// "20230201"), "2023/02/01", RFC 2822 as in RSS ("Wed, 01 Feb 2023
// 10:00:00 +0900"), "February 1, 2023", "Feb. 1, 2023", "1 February 2023".
//
// A timestamp keeps the date its publisher wrote, in the publisher's own
// offset: "2023-02-01T01:00:00+09:00" is 2023-02-01, not the UTC date
// 2023-01-31, because relative dates in the story ("yesterday") are
// relative to the newsroom's calendar, not to UTC.
std::optional<std::string> NormalizeDate(std::string_view s);

// The UTC calendar date of Unix time `seconds` (for numeric timestamps).
std::string DateFromUnixSeconds(int64_t seconds);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_DATE_NORMALIZE_H_
