// Days since 1970-01-01 and back, for the proleptic Gregorian calendar, by
// the C++20 calendar of <chrono>.
#ifndef DYAD_UTIL_CIVIL_DATE_H_
#define DYAD_UTIL_CIVIL_DATE_H_

#include <cstdint>
#include <string>

namespace dyad {

// The day number of year-month-day (1970-01-01 is 0, earlier days are
// negative). The date is not checked: 2023-02-30 counts as 2023-03-02.
int64_t DaysFromCivil(int year, unsigned month, unsigned day);

// "YYYY-MM-DD" of a day number, for years 0 to 9999.
std::string IsoDateFromDays(int64_t days);

}  // namespace dyad

#endif  // DYAD_UTIL_CIVIL_DATE_H_
