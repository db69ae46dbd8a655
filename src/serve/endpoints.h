// The read endpoints of docs/api.md, each a function of a read connection
// and parsed parameters to the answer's JSON. Errors: kNotFound for an
// unknown article or actor (404), kInvalidArgument naming a parameter
// (400); any other Status is a store failure (500, or 503 when the
// connection timed_out()).
#ifndef DYAD_SERVE_ENDPOINTS_H_
#define DYAD_SERVE_ENDPOINTS_H_

#include <string>

#include "serve/event_sql.h"
#include "serve/query_params.h"
#include "serve/read_connection.h"

namespace dyad::serve_internal {

// At most this many matches are counted for /api/events' total.
inline constexpr int64_t kMaxExactTotal = 10000;

Result<Json> Health(ReadConnection& db);
Result<Json> Events(ReadConnection& db, const EventsParams& params);
Result<Json> Dyads(ReadConnection& db, const DyadsParams& params);
Result<Json> Network(ReadConnection& db, const NetworkParams& params);
Result<Json> Actor(ReadConnection& db, const std::string& code);
Result<Json> Quotes(ReadConnection& db, const QuotesParams& params);
Result<Json> Article(ReadConnection& db, const std::string& doc_id);
Result<Json> Places(ReadConnection& db, const PlacesParams& params);

// The name of the period `date` (YYYY-MM-DD) falls in: the date itself, its
// week's Monday, or YYYY-MM. A date that is not YYYY-MM-DD names itself
// (its first 7 bytes for months).
std::string PeriodOf(const std::string& date, Bucket bucket);

}  // namespace dyad::serve_internal

#endif  // DYAD_SERVE_ENDPOINTS_H_
