#include "serve/query_params.h"

#include <gtest/gtest.h>

namespace dyad::serve_internal {
namespace {

TEST(QueryParamsTest, ParsesAndDecodesQueryStrings) {
  ParamList params = ParseQueryString("a=jpn&b=IGO%20WST+NAT&&empty=&flag&a=x");
  ASSERT_EQ(params.size(), 5u);
  QueryParams query(params);
  EXPECT_EQ(query.Get("a"), "jpn");  // the first of repeated names
  EXPECT_EQ(query.Get("b"), "IGO WST NAT");
  EXPECT_TRUE(query.Has("flag"));
  EXPECT_EQ(query.Get("flag"), "");
  EXPECT_FALSE(query.Has("missing"));
  // Bad escapes stay literal.
  EXPECT_EQ(ParseQueryString("q=100%&r=%zz%4")[0].second, "100%");
  EXPECT_EQ(ParseQueryString("q=100%&r=%zz%4")[1].second, "%zz%4");
}

TEST(QueryParamsTest, PartialDates) {
  for (const char* good : {"2023", "2023-01", "2023-01-31", "2024-02-29"}) {
    EXPECT_TRUE(IsPartialDate(good)) << good;
  }
  for (const char* bad : {"23", "2023-13", "2023-02-29", "2023-1-01",
                          "2023-01-32", "2023/01", "2023-01-01x", ""}) {
    EXPECT_FALSE(IsPartialDate(bad)) << bad;
  }
}

Result<EventsParams> Events(const char* query) {
  static ParamList params;
  params = ParseQueryString(query);
  return ParseEventsParams(QueryParams(params));
}

TEST(QueryParamsTest, EventsParamsAreCheckedAndNormalised) {
  Result<EventsParams> ok = Events(
      "actor=jpn&cameo=042&root=04&quad=1,4&from=2023&to=2023-02&limit=10&"
      "offset=20&q=Visit&place=Tokyo");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->filter.actor, "JPN");
  EXPECT_EQ(ok->filter.quads, (std::vector<int>{1, 4}));
  EXPECT_EQ(ok->filter.text, "visit");
  EXPECT_EQ(ok->limit, 10);
  EXPECT_EQ(ok->offset, 20);

  Result<EventsParams> dyad = Events("a=JPN&b=IGOWSTNAT");
  ASSERT_TRUE(dyad.ok());
  EXPECT_EQ(dyad->filter.source, "JPN");
  EXPECT_EQ(dyad->filter.target, "IGOWSTNAT");
  EXPECT_TRUE(dyad->filter.both_directions);

  // Each error names its parameter first.
  const std::pair<const char*, const char*> bad[] = {
      {"limit=501", "limit:"},
      {"limit=ten", "limit:"},
      {"offset=-1", "offset:"},
      {"quad=5", "quad:"},
      {"quad=1,,2", "quad:"},
      {"from=2023-13", "from:"},
      {"to=yesterday", "to:"},
      {"actor=JPN'--", "actor:"},
      {"a=JPN", "b:"},
      {"b=JPN", "a:"},
      {"cameo=04a", "cameo:"},
      {"root=042", "root:"},
      {"a=JPN&b=USA&source=X", "a:"}};
  for (const auto& [query, prefix] : bad) {
    Result<EventsParams> parsed = Events(query);
    ASSERT_FALSE(parsed.ok()) << query;
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(parsed.status().message().rfind(prefix, 0), 0u)
        << query << " -> " << parsed.status().message();
  }
}

TEST(QueryParamsTest, DyadsNetworkQuotesParams) {
  ParamList params = ParseQueryString("a=jpn&b=usa&bucket=week");
  Result<DyadsParams> dyads = ParseDyadsParams(QueryParams(params));
  ASSERT_TRUE(dyads.ok());
  EXPECT_EQ(dyads->bucket, Bucket::kWeek);
  EXPECT_EQ(dyads->a, "JPN");
  params = ParseQueryString("a=jpn&b=usa&bucket=year");
  dyads = ParseDyadsParams(QueryParams(params));
  ASSERT_FALSE(dyads.ok());
  EXPECT_EQ(dyads.status().message().rfind("bucket:", 0), 0u);
  params = ParseQueryString("b=usa");
  EXPECT_EQ(
      ParseDyadsParams(QueryParams(params)).status().message().rfind("a:", 0),
      0u);

  params = ParseQueryString("min=0");
  EXPECT_EQ(ParseNetworkParams(QueryParams(params))
                .status()
                .message()
                .rfind("min:", 0),
            0u);
  params = ParseQueryString("");
  Result<NetworkParams> network = ParseNetworkParams(QueryParams(params));
  ASSERT_TRUE(network.ok());
  EXPECT_EQ(network->min_events, 1);
  EXPECT_EQ(network->limit, 150);

  params = ParseQueryString("q=" + std::string(600, 'x'));
  EXPECT_EQ(
      ParseQuotesParams(QueryParams(params)).status().message().rfind("q:", 0),
      0u);
}

TEST(QueryParamsTest, EveryEndpointParsesHostileInputWithoutCrashing) {
  EXPECT_TRUE(ParseForEveryEndpoint("a=JPN&b=USA").ok());
  const std::string hostile[] = {std::string("a=\0\xff&b=%00%ff", 13),
                                 "%",
                                 "&&&==&=",
                                 "limit=" + std::string(100, '9'),
                                 "a=" + std::string(100000, 'A') + "&b=B",
                                 "quad=1,2,3,4,1,2,3,4,",
                                 "from=9999-12-31&to=0000-01-01"};
  for (const std::string& query : hostile) {
    Status status = ParseForEveryEndpoint(query);
    if (!status.ok()) {
      EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << query;
      EXPECT_NE(status.message().find(':'), std::string::npos) << query;
    }
  }
}

}  // namespace
}  // namespace dyad::serve_internal
