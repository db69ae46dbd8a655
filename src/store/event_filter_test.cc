#include "store/event_filter.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad::store_internal {
namespace {

TEST(PrefixUpperBoundTest, IncrementsTheLastByte) {
  EXPECT_EQ(PrefixUpperBound("JPN"), "JPO");
  EXPECT_EQ(PrefixUpperBound("04"), "05");
  EXPECT_EQ(PrefixUpperBound("2023-01"), "2023-02");
  EXPECT_EQ(PrefixUpperBound("2023-01-31"), "2023-01-32");
}

TEST(PrefixUpperBoundTest, DropsTrailingFfBytes) {
  EXPECT_EQ(PrefixUpperBound(std::string("A\xff\xff")), "B");
  EXPECT_EQ(PrefixUpperBound(std::string("\xff")), std::nullopt);
  EXPECT_EQ(PrefixUpperBound(""), std::nullopt);
}

TEST(PrefixUpperBoundTest, EveryStringWithThePrefixIsBelowTheBound) {
  for (std::string prefix : {"USA", "IGO", "0", "z"}) {
    std::string bound = *PrefixUpperBound(prefix);
    for (std::string tail : {"", "GOV", "\xff\xff\xff", "~~~"}) {
      std::string value = prefix + tail;
      EXPECT_LT(value, bound) << value;
      EXPECT_GE(value, prefix) << value;
    }
  }
}

TEST(BuildEventFilterTest, EmptyQueryHasNoWhere) {
  EventFilter filter = BuildEventFilter(EventQuery{});
  EXPECT_EQ(filter.where, "");
  EXPECT_TRUE(filter.params.empty());
}

TEST(BuildEventFilterTest, ValuesOnlyAppearAsParameters) {
  EventQuery query;
  query.actor = "'; DROP TABLE events; --";
  query.source = "USA\" OR 1=1";
  query.target = "RUS";
  query.both_directions = true;
  query.cameo = "04%";
  query.root = "0_";
  query.date_from = "2023-01-01";
  query.date_to = "2023-12";
  EventFilter filter = BuildEventFilter(query);
  for (const char* fragment : {"DROP", "1=1", "%", "0_", "2023", "RUS"}) {
    EXPECT_EQ(filter.where.find(fragment), std::string::npos)
        << fragment << " in " << filter.where;
  }
  EXPECT_NE(filter.where.find("?1"), std::string::npos);
  EXPECT_EQ(filter.params.front(), query.actor);
  // The same query shape always gives the same SQL text.
  EventQuery other = query;
  other.actor = "JPN";
  other.source = "CHN";
  EXPECT_EQ(BuildEventFilter(other).where, filter.where);
}

TEST(BuildEventFilterTest, ParametersAreNumberedInOrder) {
  EventQuery query;
  query.root = "04";
  query.date_from = "2023";
  EventFilter filter = BuildEventFilter(query);
  EXPECT_EQ(filter.where,
            "WHERE ((e.cameo >= ?1 AND e.cameo < ?2) AND e.root = ?3) AND "
            "e.date >= ?4");
  EXPECT_EQ(filter.params,
            (std::vector<std::string>{"04", "05", "04", "2023"}));
}

}  // namespace
}  // namespace dyad::store_internal
