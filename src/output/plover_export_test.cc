#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "dyad/export.h"
#include "output/export_test_record.h"

namespace dyad {
namespace {

TEST(PloverExport, RecordHasTheGoldRecordKeys) {
  std::string line = PloverJson(SeedRecord());
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(line.find('\n'), std::string::npos);
  nlohmann::json j = nlohmann::json::parse(line);
  EXPECT_EQ(j["id"], "dyad-42");
  EXPECT_EQ(j["date"], "2023-02-01");
  EXPECT_EQ(j["event"], "AGREE");
  EXPECT_EQ(j["cameo"], "030");
  ASSERT_EQ(j["source"].size(), 1u);
  EXPECT_EQ(j["source"][0]["actorText"], "NATO");
  EXPECT_EQ(j["source"][0]["code"], "IGO");
  EXPECT_EQ(j["source"][0]["sector"], "WSTNAT");
  EXPECT_EQ(j["target"][0]["code"], "JPN");
  EXPECT_EQ(j["target"][0]["sector"], "GOV");
  EXPECT_EQ(j["eventText"], "NATO chief wants firmer ties with Japan");
  EXPECT_EQ(j["text"], "NATO chief wants firmer ties with Japan");
  EXPECT_EQ(j["textInfo"]["markup"],
            "(SRC: NATO) chief wants firmer ties with (TAR: Japan)");
  EXPECT_EQ(j["language"], "en");
  EXPECT_EQ(j["publication"], "https://example.org/nato-japan");
  EXPECT_EQ(j["coder"], "dyad");
  EXPECT_FALSE(j.contains("eventLoc"));
}

TEST(PloverExport, ActorWithoutSectorAndInferredActor) {
  ExportRecord r = SeedRecord();
  r.event.target = {"JPN", "Japan", {134, 139}};
  r.event.source.span = {};  // inferred: not marked
  nlohmann::json j = nlohmann::json::parse(PloverJson(r));
  EXPECT_FALSE(j["target"][0].contains("sector"));
  EXPECT_EQ(j["textInfo"]["markup"],
            "NATO chief wants firmer ties with (TAR: Japan)");
  r.event.target = {};
  j = nlohmann::json::parse(PloverJson(r));
  EXPECT_FALSE(j.contains("target"));
}

TEST(PloverExport, StatementsAndAppealsAreNotPlover) {
  ExportRecord r = SeedRecord();
  for (const char* code : {"010", "020", "0251", "999", ""}) {
    r.event.cameo = code;
    EXPECT_EQ(PloverJson(r), "") << code;
  }
  r.event.cameo = "042";
  EXPECT_NE(PloverJson(r).find("\"CONSULT\""), std::string::npos);
}

TEST(PloverExport, PlaceAndBadUtf8) {
  ExportRecord r = SeedRecord();
  r.event.has_place = true;
  r.event.place.name = "Tokyo";
  r.event.place.country = "JPN";
  r.evidence = "bad \xff byte";
  nlohmann::json j = nlohmann::json::parse(PloverJson(r));
  EXPECT_EQ(j["eventLoc"]["name"], "Tokyo");
  EXPECT_EQ(j["eventLoc"]["country code"], "JPN");
  EXPECT_EQ(j["eventText"], "bad \xEF\xBF\xBD byte");
}

}  // namespace
}  // namespace dyad
