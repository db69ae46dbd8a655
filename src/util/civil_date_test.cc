#include "util/civil_date.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace dyad {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned DaysIn(int y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30,
                                   31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

TEST(CivilDateTest, KnownDays) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2023, 2, 30), DaysFromCivil(2023, 3, 2));
  EXPECT_EQ(IsoDateFromDays(0), "1970-01-01");
  EXPECT_EQ(IsoDateFromDays(19388), "2023-01-31");
  EXPECT_EQ(IsoDateFromDays(-1), "1969-12-31");
}

// Walks every day from 1600 to 2400 by counting, and checks both ways.
TEST(CivilDateTest, AgreesWithCountingDayByDay) {
  int64_t days = DaysFromCivil(1600, 1, 1);
  for (int y = 1600; y < 2400; ++y) {
    for (unsigned m = 1; m <= 12; ++m) {
      for (unsigned d = 1; d <= DaysIn(y, m); ++d, ++days) {
        ASSERT_EQ(DaysFromCivil(y, m, d), days) << y << "-" << m << "-" << d;
        char expected[16];
        std::snprintf(expected, sizeof expected, "%04d-%02u-%02u", y, m, d);
        ASSERT_EQ(IsoDateFromDays(days), expected);
      }
    }
  }
}

}  // namespace
}  // namespace dyad
