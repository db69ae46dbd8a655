// Turns an EventQuery into a SQL WHERE clause over `events AS e` whose
// values are all parameters: the SQL text depends only on which filters are
// set, never on what the user typed.
#ifndef DYAD_STORE_EVENT_FILTER_H_
#define DYAD_STORE_EVENT_FILTER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/store.h"

namespace dyad::store_internal {

struct EventFilter {
  std::string where;  // "" or "WHERE ..." using ?1, ?2, ...
  // Text values for ?1, ?2, ... in order.
  std::vector<std::string> params;
};

EventFilter BuildEventFilter(const EventQuery& query);

// The smallest string greater than every string that starts with `prefix`
// (byte order), or nullopt when there is none ("" or all 0xFF bytes). Lets
// a prefix match use an index: prefix <= x < bound.
std::optional<std::string> PrefixUpperBound(std::string_view prefix);

}  // namespace dyad::store_internal

#endif  // DYAD_STORE_EVENT_FILTER_H_
