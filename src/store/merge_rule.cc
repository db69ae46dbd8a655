#include "store/merge_rule.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>

#include "util/civil_date.h"

namespace dyad::store_internal {
namespace {

bool ParseDigits(std::string_view text, int* value) {
  *value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    *value = *value * 10 + (c - '0');
  }
  return !text.empty();
}

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

bool EqualIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

// A total order on a key's buckets (day, then place), for tie-breaks that
// must not depend on the order the buckets were given in.
auto OrderKey(const GroupingBucket& b) {
  return std::make_tuple(b.day, b.place_name, b.place_country,
                         b.has_coordinates, b.lat, b.lon);
}

class DisjointSets {
 public:
  explicit DisjointSets(size_t size) : parent_(size) {
    std::iota(parent_.begin(), parent_.end(), size_t{0});
  }
  size_t Find(size_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void Join(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

}  // namespace

std::optional<int64_t> DayNumber(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') {
    return std::nullopt;
  }
  int year = 0, month = 0, day = 0;
  if (!ParseDigits(date.substr(0, 4), &year) ||
      !ParseDigits(date.substr(5, 2), &month) ||
      !ParseDigits(date.substr(8, 2), &day)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day civil{
      std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
      std::chrono::day{static_cast<unsigned>(day)}};
  if (!civil.ok()) return std::nullopt;
  return DaysFromCivil(year, static_cast<unsigned>(month),
                       static_cast<unsigned>(day));
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthRadiusKm = 6371.0;
  constexpr double kRadians = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRadians;
  const double dlon = (lon2 - lon1) * kRadians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRadians) * std::cos(lat2 * kRadians) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

bool SamePlace(const GroupingBucket& a, const GroupingBucket& b) {
  // An empty name says nothing: such places compare by coordinates alone.
  if (!a.place_name.empty() &&
      EqualIgnoringAsciiCase(a.place_name, b.place_name) &&
      EqualIgnoringAsciiCase(a.place_country, b.place_country)) {
    return true;
  }
  return a.has_coordinates && b.has_coordinates &&
         DistanceKm(a.lat, a.lon, b.lat, b.lon) <= kSamePlaceKm;
}

std::vector<int> GroupBuckets(const std::vector<GroupingBucket>& buckets) {
  const size_t n = buckets.size();
  DisjointSets sets(n);
  std::map<int64_t, std::vector<size_t>> placed_by_day;
  std::vector<size_t> placeless;
  for (size_t i = 0; i < n; ++i) {
    if (buckets[i].has_place) {
      placed_by_day[buckets[i].day].push_back(i);
    } else {
      placeless.push_back(i);
    }
  }
  const auto placed_on = [&](int64_t day) -> const std::vector<size_t>* {
    auto found = placed_by_day.find(day);
    return found == placed_by_day.end() ? nullptr : &found->second;
  };

  // 1. Placed buckets: same place, at most a day apart.
  for (const auto& [day, today] : placed_by_day) {
    const std::vector<size_t>* tomorrow = placed_on(day + 1);
    for (size_t x = 0; x < today.size(); ++x) {
      for (size_t y = x + 1; y < today.size(); ++y) {
        if (SamePlace(buckets[today[x]], buckets[today[y]])) {
          sets.Join(today[x], today[y]);
        }
      }
      if (tomorrow == nullptr) continue;
      for (size_t next : *tomorrow) {
        if (SamePlace(buckets[today[x]], buckets[next])) {
          sets.Join(today[x], next);
        }
      }
    }
  }

  // 2. Placeless chains: consecutive days at most one apart.
  std::sort(placeless.begin(), placeless.end(), [&](size_t a, size_t b) {
    return buckets[a].day < buckets[b].day;
  });
  std::vector<std::vector<size_t>> chains;
  for (size_t k = 0; k < placeless.size(); ++k) {
    if (k == 0 ||
        buckets[placeless[k]].day - buckets[placeless[k - 1]].day > 1) {
      chains.emplace_back();
    }
    chains.back().push_back(placeless[k]);
  }

  // 3. Each chain joins the group of its nearest placed bucket, if any. The
  // choice looks at placed buckets only, so the joins of one chain cannot
  // change the choice of another.
  for (const std::vector<size_t>& chain : chains) {
    for (size_t k = 1; k < chain.size(); ++k) sets.Join(chain[0], chain[k]);
    std::optional<size_t> best;
    int64_t best_distance = 0;
    for (size_t member : chain) {
      const int64_t day = buckets[member].day;
      for (int64_t other_day = day - 1; other_day <= day + 1; ++other_day) {
        const std::vector<size_t>* candidates = placed_on(other_day);
        if (candidates == nullptr) continue;
        const int64_t distance =
            other_day > day ? other_day - day : day - other_day;
        for (size_t candidate : *candidates) {
          if (!best || distance < best_distance ||
              (distance == best_distance &&
               OrderKey(buckets[candidate]) < OrderKey(buckets[*best]))) {
            best = candidate;
            best_distance = distance;
          }
        }
      }
    }
    if (best) sets.Join(chain[0], *best);
  }

  std::vector<int> group(n, -1);
  std::map<size_t, int> numbers;
  for (size_t i = 0; i < n; ++i) {
    auto [at, added] =
        numbers.emplace(sets.Find(i), static_cast<int>(numbers.size()));
    group[i] = at->second;
  }
  return group;
}

}  // namespace dyad::store_internal
