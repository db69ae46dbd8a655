#include "util/civil_date.h"

#include <chrono>
#include <cstdio>

namespace dyad {

int64_t DaysFromCivil(int year, unsigned month, unsigned day) {
  using std::chrono::sys_days;
  // Day 1 of the month plus the days, so that out-of-range days roll over
  // instead of being unspecified.
  sys_days first =
      std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{1};
  return first.time_since_epoch().count() + static_cast<int64_t>(day) - 1;
}

std::string IsoDateFromDays(int64_t days) {
  std::chrono::year_month_day date{
      std::chrono::sys_days{std::chrono::days{days}}};
  char buffer[16];
  std::snprintf(
      buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

}  // namespace dyad
