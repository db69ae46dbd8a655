// The rule that decides which mentions of an event, from one or many
// articles, are one event (the store's merged_events).
//
// Mentions are first pooled into buckets: one bucket holds every mention
// with the same key (source code, target code, CAMEO root), the same day and
// exactly the same place (or no place). Mentions of one bucket are
// interchangeable for linking, so grouping works on buckets, of which there
// are far fewer than mentions. Within one key:
//
//  1. Placed buckets link when their days are at most one day apart and
//     their places are the same (SamePlace). Linking is transitive (single
//     linkage): Tokyo on the 1st, 2nd and 3rd form one group, although the
//     1st and the 3rd are two days apart.
//  2. Placeless buckets link to each other when at most one day apart,
//     forming placeless chains.
//  3. A placeless chain joins at most one placed group, so a mention without
//     a place never bridges two different places: of the placed buckets
//     within one day of any bucket of the chain, the one nearest in days,
//     then earliest, then first in place order, chooses the group. A chain
//     with no placed bucket within a day is a group of its own.
//
// The groups depend only on which buckets exist, never on the order in
// which mentions arrived, and every link spans at most one day, so a group
// never crosses a gap of two days or more between the key's buckets.
#ifndef DYAD_STORE_MERGE_RULE_H_
#define DYAD_STORE_MERGE_RULE_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace dyad::store_internal {

// Places within this distance (great-circle, kilometres) are the same.
inline constexpr double kSamePlaceKm = 25.0;

// Days since 1970-01-01 of a "YYYY-MM-DD" calendar date (proleptic
// Gregorian); nullopt for anything else, including partial dates.
std::optional<int64_t> DayNumber(std::string_view date);

// Great-circle distance in kilometres between two points in degrees.
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

// One bucket of one key, as the grouping rule sees it. The views borrow
// from the caller.
struct GroupingBucket {
  int64_t day = 0;
  bool has_place = false;
  std::string_view place_name;
  std::string_view place_country;
  bool has_coordinates = false;
  double lat = 0;
  double lon = 0;
};

// Two placed buckets are at the same place when their names (not empty)
// and countries are equal ignoring ASCII case, or both have coordinates
// within kSamePlaceKm of each other.
bool SamePlace(const GroupingBucket& a, const GroupingBucket& b);

// Groups the buckets of one key by the rule above. Returns, for each
// bucket, the number of its group (0, 1, ...; numbers carry no meaning
// beyond equality). The buckets must be distinct (no two with the same day
// and place) for the result not to depend on their order.
std::vector<int> GroupBuckets(const std::vector<GroupingBucket>& buckets);

}  // namespace dyad::store_internal

#endif  // DYAD_STORE_MERGE_RULE_H_
