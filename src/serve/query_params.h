// The query parameters of every API endpoint: reading them from a query
// string, checking them, and the parsed forms the endpoints run on. Every
// error is an InvalidArgument whose message starts with the parameter's
// name, so that a 400 answer says which parameter was wrong.
#ifndef DYAD_SERVE_QUERY_PARAMS_H_
#define DYAD_SERVE_QUERY_PARAMS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/status.h"

namespace dyad::serve_internal {

using ParamList = std::vector<std::pair<std::string, std::string>>;

// Splits "a=JPN&b=IGO%20x" into percent-decoded (name, value) pairs, '+'
// read as a space. Malformed escapes are kept literally; never fails.
ParamList ParseQueryString(std::string_view query);

class QueryParams {
 public:
  explicit QueryParams(const ParamList& params) : params_(params) {}
  // The first value of `name`, "" when absent.
  std::string_view Get(std::string_view name) const;
  bool Has(std::string_view name) const;

 private:
  const ParamList& params_;
};

// The filters shared by events, dyads, network, places and actors. Codes
// are upper-cased; empty means "any".
struct EventFilterParams {
  std::string actor, source, target;
  bool both_directions = false;  // set by a + b
  std::string cameo, root;
  std::string from, to;  // YYYY[-MM[-DD]]
  std::vector<int> quads;
  std::string place;  // a place name (any case) or a country code
  std::string text;   // lower-cased word or phrase in the evidence
};

struct EventsParams {
  EventFilterParams filter;
  int64_t limit = 50;
  int64_t offset = 0;
};

enum class Bucket { kDay, kWeek, kMonth };

struct DyadsParams {
  std::string a, b;
  Bucket bucket = Bucket::kMonth;
  std::string from, to;
};

struct NetworkParams {
  std::string from, to, actor;
  int64_t min_events = 1;
  int64_t limit = 150;
};

struct PlacesParams {
  std::string from, to, actor;
};

struct QuotesParams {
  std::string query;  // FTS5 syntax
  std::string speaker;
  int64_t limit = 50;
  int64_t offset = 0;
};

Result<EventsParams> ParseEventsParams(const QueryParams& params);
Result<DyadsParams> ParseDyadsParams(const QueryParams& params);
Result<NetworkParams> ParseNetworkParams(const QueryParams& params);
Result<PlacesParams> ParsePlacesParams(const QueryParams& params);
Result<QuotesParams> ParseQuotesParams(const QueryParams& params);

// An actor code from a path ("/api/actors/jpn"): upper-cased, checked as
// the query parameters are; the error names `name`.
Result<std::string> ParseCode(std::string_view name, std::string_view value);

// Reads `query` as a query string and parses it for every endpoint in turn;
// returns the first error, OK when every endpoint accepts it. For the
// fuzzer: no input may crash or hang a parser.
Status ParseForEveryEndpoint(std::string_view query);

// True for YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day.
bool IsPartialDate(std::string_view date);

}  // namespace dyad::serve_internal

#endif  // DYAD_SERVE_QUERY_PARAMS_H_
