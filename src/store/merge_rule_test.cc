#include "store/merge_rule.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace dyad::store_internal {
namespace {

TEST(DayNumberTest, CountsDaysFromTheEpoch) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(DayNumber("1970-01-02"), 1);
  EXPECT_EQ(DayNumber("1969-12-31"), -1);
  EXPECT_EQ(DayNumber("2000-03-01").value() - DayNumber("2000-02-28").value(),
            2);  // 2000 is a leap year
  EXPECT_EQ(DayNumber("1900-03-01").value() - DayNumber("1900-02-28").value(),
            1);  // 1900 is not
  EXPECT_EQ(DayNumber("2023-03-01").value() - DayNumber("2023-02-28").value(),
            1);
  EXPECT_EQ(DayNumber("2024-01-01").value() - DayNumber("2023-01-01").value(),
            365);
  EXPECT_EQ(DayNumber("2023-02-01"), 19389);
}

TEST(DayNumberTest, ConsecutiveDatesOverFourCenturiesDifferByOne) {
  // Walks every date from 1800 to 2200 by hand-made calendar rules.
  int64_t expected = DayNumber("1800-01-01").value();
  for (int year = 1800; year < 2200; ++year) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
                        31};
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; day <= days[month - 1]; ++day) {
        char text[32];
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
        ASSERT_EQ(DayNumber(text), expected) << text;
        ++expected;
      }
    }
  }
}

TEST(DayNumberTest, RejectsWhatIsNotACalendarDate) {
  for (const char* text :
       {"", "2023", "2023-01", "2023-1-05", "2023-02-29", "2023-13-01",
        "2023-00-10", "2023-01-00", "2023-01-32", "2023/01/05", "2023-01-05T10",
        "20a3-01-05", " 2023-01-0"}) {
    EXPECT_FALSE(DayNumber(text).has_value()) << text;
  }
  EXPECT_TRUE(DayNumber("2024-02-29").has_value());
}

TEST(DistanceTest, KnownDistances) {
  // Tokyo to Osaka is about 400 km; Iruma Air Base to Sayama about 3 km.
  EXPECT_NEAR(DistanceKm(35.68, 139.69, 34.69, 135.50), 397, 5);
  EXPECT_LT(DistanceKm(35.842, 139.410, 35.853, 139.412), 3);
  EXPECT_EQ(DistanceKm(10, 20, 10, 20), 0);
  // Across the antimeridian.
  EXPECT_NEAR(DistanceKm(0, 179.9, 0, -179.9), 22.2, 0.2);
}

GroupingBucket Placeless(int64_t day) {
  GroupingBucket bucket;
  bucket.day = day;
  return bucket;
}

GroupingBucket At(int64_t day, std::string_view name, double lat = 0,
                  double lon = 0, bool coordinates = false) {
  return GroupingBucket{day, true, name, "XXX", coordinates, lat, lon};
}

// Puts the group numbers in a canonical form: the partition as sorted
// lists of bucket indexes.
std::vector<std::vector<size_t>> Partition(const std::vector<int>& groups) {
  std::map<int, std::vector<size_t>> by_group;
  for (size_t i = 0; i < groups.size(); ++i) by_group[groups[i]].push_back(i);
  std::vector<std::vector<size_t>> partition;
  for (auto& [unused, members] : by_group) partition.push_back(members);
  std::sort(partition.begin(), partition.end());
  return partition;
}

using P = std::vector<std::vector<size_t>>;

TEST(GroupBucketsTest, SamePlaceWithinADayMerges) {
  EXPECT_EQ(Partition(GroupBuckets({At(10, "Tokyo"), At(11, "tokyo")})),
            (P{{0, 1}}));
  EXPECT_EQ(Partition(GroupBuckets({At(10, "Tokyo"), At(12, "Tokyo")})),
            (P{{0}, {1}}));
}

TEST(GroupBucketsTest, ChainsAcrossDaysAreSingleLinkage) {
  // a-b-c: a and c are two days apart, but each is a day from b.
  EXPECT_EQ(Partition(GroupBuckets(
                {At(10, "Tokyo"), At(11, "Tokyo"), At(12, "Tokyo")})),
            (P{{0, 1, 2}}));
  EXPECT_EQ(Partition(GroupBuckets(
                {Placeless(1), Placeless(2), Placeless(3), Placeless(5)})),
            (P{{0, 1, 2}, {3}}));
}

TEST(GroupBucketsTest, DifferentPlacesDoNotMergeNearOnesDo) {
  EXPECT_EQ(Partition(GroupBuckets({At(10, "Tokyo"), At(10, "Osaka")})),
            (P{{0}, {1}}));
  // Iruma Air Base and Sayama: different names, 2 km apart.
  EXPECT_EQ(
      Partition(GroupBuckets({At(10, "Iruma Air Base", 35.842, 139.41, true),
                              At(10, "Sayama", 35.853, 139.412, true)})),
      (P{{0, 1}}));
  // Tokyo and Yokohama: about 28 km.
  EXPECT_EQ(
      Partition(GroupBuckets({At(10, "Tokyo", 35.6895, 139.6917, true),
                              At(10, "Yokohama", 35.4437, 139.6380, true)})),
      (P{{0}, {1}}));
  // Places without names compare by coordinates only.
  EXPECT_EQ(Partition(GroupBuckets({At(10, "", 35.68, 139.69, true),
                                    At(10, "", 48.85, 2.35, true)})),
            (P{{0}, {1}}));
  // Same name, one without coordinates: the name decides.
  EXPECT_EQ(Partition(GroupBuckets(
                {At(10, "Tokyo", 35.68, 139.69, true), At(10, "Tokyo")})),
            (P{{0, 1}}));
}

TEST(GroupBucketsTest, PlacelessJoinsOnePlacedGroupNeverBridgesTwo) {
  // Placeless on the same day as Tokyo and Osaka: it joins one of them
  // (Osaka, first by name), and Tokyo stays apart.
  EXPECT_EQ(Partition(GroupBuckets(
                {At(10, "Tokyo"), Placeless(10), At(10, "Osaka")})),
            (P{{0}, {1, 2}}));
  // Equally near: the earlier day wins.
  EXPECT_EQ(Partition(GroupBuckets(
                {At(10, "Tokyo"), Placeless(11), At(12, "Osaka")})),
            (P{{0, 1}, {2}}));
  // The nearest in days wins over the earlier.
  EXPECT_EQ(Partition(GroupBuckets(
                {At(11, "Tokyo"), Placeless(11), At(10, "Osaka")})),
            (P{{0, 1}, {2}}));
  // A placeless chain joins as a whole.
  EXPECT_EQ(Partition(GroupBuckets({At(10, "Tokyo"), Placeless(11),
                                    Placeless(12), Placeless(13)})),
            (P{{0, 1, 2, 3}}));
  // Alone, placeless mentions are their own event.
  EXPECT_EQ(Partition(GroupBuckets({At(10, "Tokyo"), Placeless(12)})),
            (P{{0}, {1}}));
}

TEST(GroupBucketsTest, TheResultDoesNotDependOnTheOrderOfTheBuckets) {
  const std::vector<GroupingBucket> buckets = {
      At(10, "Tokyo"), Placeless(10),  At(10, "Osaka"), At(11, "Osaka"),
      Placeless(12),   Placeless(13),  At(14, "Kyoto"), At(14, "Tokyo"),
      Placeless(16),   At(20, "Nara"), Placeless(21),   At(21, "Kobe")};
  std::vector<size_t> order(buckets.size());
  std::iota(order.begin(), order.end(), size_t{0});
  const P expected = Partition(GroupBuckets(buckets));
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    std::shuffle(order.begin(), order.end(), random);
    std::vector<GroupingBucket> shuffled;
    for (size_t i : order) shuffled.push_back(buckets[i]);
    std::vector<int> groups = GroupBuckets(shuffled);
    std::vector<int> back(buckets.size());
    for (size_t k = 0; k < order.size(); ++k) back[order[k]] = groups[k];
    EXPECT_EQ(Partition(back), expected);
  }
  // Reversed too.
  std::vector<GroupingBucket> reversed(buckets.rbegin(), buckets.rend());
  std::vector<int> groups = GroupBuckets(reversed);
  std::vector<int> back(buckets.size());
  for (size_t k = 0; k < buckets.size(); ++k) {
    back[buckets.size() - 1 - k] = groups[k];
  }
  EXPECT_EQ(Partition(back), expected);
}

}  // namespace
}  // namespace dyad::store_internal
