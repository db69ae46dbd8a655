#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dyad/export.h"
#include "output/export_test_record.h"

namespace dyad {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields(1);
  for (char c : line) {
    if (c == '\t') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

// The row's field named `column` (GDELT's column names).
std::string Field(const std::vector<std::string>& fields,
                  const std::string& column) {
  const auto& names = GdeltColumnNames();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == column) return fields.at(i);
  }
  ADD_FAILURE() << "no column " << column;
  return "";
}

TEST(GdeltExport, SixtyOneNamedColumnsInFileOrder) {
  const auto& names = GdeltColumnNames();
  ASSERT_EQ(names.size(), 61u);
  EXPECT_EQ(names[0], "GLOBALEVENTID");
  EXPECT_EQ(names[5], "Actor1Code");
  EXPECT_EQ(names[15], "Actor2Code");
  EXPECT_EQ(names[25], "IsRootEvent");
  EXPECT_EQ(names[34], "AvgTone");
  EXPECT_EQ(names[35], "Actor1Geo_Type");
  EXPECT_EQ(names[51], "ActionGeo_Type");
  EXPECT_EQ(names[59], "DATEADDED");
  EXPECT_EQ(names[60], "SOURCEURL");
}

TEST(GdeltExport, SeedEventRow) {
  std::string row = GdeltRow(SeedRecord(), {});
  ASSERT_EQ(row.back(), '\n');
  row.pop_back();
  std::vector<std::string> f = SplitTabs(row);
  ASSERT_EQ(f.size(), 61u);
  EXPECT_EQ(Field(f, "GLOBALEVENTID"), "42");
  EXPECT_EQ(Field(f, "SQLDATE"), "20230201");
  EXPECT_EQ(Field(f, "MonthYear"), "202302");
  EXPECT_EQ(Field(f, "Year"), "2023");
  // (1 * 30 + 1) / 365 = 0.08493...
  EXPECT_EQ(Field(f, "FractionDate"), "2023.0849");
  EXPECT_EQ(Field(f, "Actor1Code"), "IGOWSTNAT");
  EXPECT_EQ(Field(f, "Actor1Name"), "NATO");
  EXPECT_EQ(Field(f, "Actor1CountryCode"), "WST");
  EXPECT_EQ(Field(f, "Actor1KnownGroupCode"), "NAT");
  EXPECT_EQ(Field(f, "Actor1Type1Code"), "IGO");
  EXPECT_EQ(Field(f, "Actor2Code"), "JPNGOV");
  EXPECT_EQ(Field(f, "Actor2Name"), "JAPAN");
  EXPECT_EQ(Field(f, "Actor2CountryCode"), "JPN");
  EXPECT_EQ(Field(f, "Actor2Type1Code"), "GOV");
  EXPECT_EQ(Field(f, "IsRootEvent"), "1");
  EXPECT_EQ(Field(f, "EventCode"), "030");
  EXPECT_EQ(Field(f, "EventBaseCode"), "030");
  EXPECT_EQ(Field(f, "EventRootCode"), "03");
  EXPECT_EQ(Field(f, "QuadClass"), "1");
  EXPECT_EQ(Field(f, "GoldsteinScale"), "4.0");
  EXPECT_EQ(Field(f, "NumMentions"), "1");
  EXPECT_EQ(Field(f, "NumSources"), "1");
  EXPECT_EQ(Field(f, "NumArticles"), "1");
  EXPECT_EQ(Field(f, "AvgTone"), "0");
  for (const char* geo : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
    EXPECT_EQ(Field(f, std::string(geo) + "Type"), "0");
    EXPECT_EQ(Field(f, std::string(geo) + "FullName"), "");
    EXPECT_EQ(Field(f, std::string(geo) + "Lat"), "");
  }
  EXPECT_EQ(Field(f, "DATEADDED"), "20230201000000");
  EXPECT_EQ(Field(f, "SOURCEURL"), "https://example.org/nato-japan");
}

TEST(GdeltExport, DatesFollowGdeltFiles) {
  ExportRecord r = SeedRecord();
  r.event.date = "2019-10-24";  // GDELT's own file says 2019.8055
  EXPECT_EQ(GdeltFields(r, {})[4], "2019.8055");
  r.event.date = "2019-09-24";  // and 2019.7233
  EXPECT_EQ(GdeltFields(r, {})[4], "2019.7233");
  r.event.date = "2019-12-31";
  EXPECT_EQ(GdeltFields(r, {})[1], "20191231");
  EXPECT_EQ(GdeltFields(r, {})[4], "2019.9890");
}

TEST(GdeltExport, UnknownDatesAreEmptyAndDateAddedFallsBack) {
  ExportRecord r = SeedRecord();
  r.event.date = "";
  r.published = "";
  GdeltOptions options;
  options.now = "20261129075500";
  std::vector<std::string> f = GdeltFields(r, options);
  for (int i = 1; i <= 4; ++i) EXPECT_EQ(f[i], "") << i;
  EXPECT_EQ(f[59], "20261129075500");
  r.event.date = "2023-01-30";
  EXPECT_EQ(GdeltFields(r, options)[59], "20230130000000");
}

TEST(GdeltExport, TabsAndNewlinesInTextNeverSplitTheRow) {
  ExportRecord r = SeedRecord();
  r.event.source.text = "NATO\tchief\nJens\r\nStoltenberg";
  r.url = "";
  r.doc_id = "doc\twith\ttabs";
  std::string row = GdeltRow(r, {});
  ASSERT_EQ(row.back(), '\n');
  row.pop_back();
  EXPECT_EQ(row.find('\n'), std::string::npos);
  EXPECT_EQ(row.find('\r'), std::string::npos);
  std::vector<std::string> f = SplitTabs(row);
  ASSERT_EQ(f.size(), 61u);
  EXPECT_EQ(f[6], "NATO CHIEF JENS  STOLTENBERG");
  EXPECT_EQ(f[60], "doc with tabs");
}

TEST(GdeltExport, PlaceFillsActionGeo) {
  ExportRecord r = SeedRecord();
  r.event.has_place = true;
  r.event.place.name = "Tokyo";
  r.event.place.country = "JPN";
  r.event.place.lat = 35.6895;
  r.event.place.lon = 139.75;
  r.event.place.has_coordinates = true;
  std::vector<std::string> f = GdeltFields(r, {});
  EXPECT_EQ(Field(f, "ActionGeo_Type"), "4");
  EXPECT_EQ(Field(f, "ActionGeo_FullName"), "Tokyo");
  EXPECT_EQ(Field(f, "ActionGeo_Lat"), "35.6895");
  EXPECT_EQ(Field(f, "ActionGeo_Long"), "139.75");
  EXPECT_EQ(Field(f, "Actor1Geo_Type"), "0");
  r.event.place = {"", "JPN", 36, 138, true};
  EXPECT_EQ(Field(GdeltFields(r, {}), "ActionGeo_Type"), "1");
  EXPECT_EQ(Field(GdeltFields(r, {}), "ActionGeo_Lat"), "36");
}

TEST(GdeltExport, SubCodesAndUnknownCodes) {
  ExportRecord r = SeedRecord();
  r.event.cameo = "0251";
  std::vector<std::string> f = GdeltFields(r, {});
  EXPECT_EQ(Field(f, "EventCode"), "0251");
  EXPECT_EQ(Field(f, "EventBaseCode"), "025");
  EXPECT_EQ(Field(f, "EventRootCode"), "02");
  r.event.cameo = "999";
  f = GdeltFields(r, {});
  EXPECT_EQ(Field(f, "QuadClass"), "");
  EXPECT_EQ(Field(f, "GoldsteinScale"), "");
  r.event.source = {};
  f = GdeltFields(r, {});
  EXPECT_EQ(Field(f, "Actor1Code"), "");
  EXPECT_EQ(Field(f, "Actor1Name"), "");
}

}  // namespace
}  // namespace dyad
