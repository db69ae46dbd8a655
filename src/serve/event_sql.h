// SQL pieces the endpoints share: the event filters as parameterised
// conditions, and the event and quote objects of docs/api.md read from
// result rows.
#ifndef DYAD_SERVE_EVENT_SQL_H_
#define DYAD_SERVE_EVENT_SQL_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "serve/query_params.h"
#include "store/sqlite_statement.h"

namespace dyad::serve_internal {

using Json = nlohmann::ordered_json;

// Collects the values of a statement's parameters; the SQL text only ever
// holds their numbers (?1, ?2...), never the values.
class SqlParams {
 public:
  // Returns "?N" for a new parameter holding `value`.
  std::string Add(std::string value);
  // "column starts with prefix" as an index-friendly range; "" for "".
  std::string PrefixMatch(std::string_view column, const std::string& prefix);
  // Binds every value, in order, as text.
  void BindAll(store_internal::Statement& statement) const;
  size_t size() const { return values_.size(); }

 private:
  std::vector<std::string> values_;
};

// Joins non-empty conditions with AND; "" when there are none.
std::string AllOf(const std::vector<std::string>& conditions);

// The conditions of `filter` over `events AS e`, joined with AND ("" when
// the filter is empty). The evidence-text filter reads the article text.
std::string EventConditions(const EventFilterParams& filter, SqlParams* params);

// Columns read by EventJson, over `events AS e JOIN articles AS a`.
extern const char kEventColumns[];
// The event object of docs/api.md from a row of kEventColumns.
Json EventJson(const store_internal::Statement& row);

// Columns read by QuoteJson, over `quotes AS q JOIN articles AS a`.
extern const char kQuoteColumns[];
Json QuoteJson(const store_internal::Statement& row);
// Steps `statement` (prepared over kQuoteColumns, parameters bound) to its
// end and returns its rows as an array of quote objects, or the store's
// error.
Result<Json> QuoteRows(store_internal::Statement& statement);

// Serialises `json`, replacing bytes that are not UTF-8 (evidence slices of
// damaged spans) instead of throwing.
std::string Dump(const Json& json);

}  // namespace dyad::serve_internal

#endif  // DYAD_SERVE_EVENT_SQL_H_
