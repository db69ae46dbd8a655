// The seed story of ../shared: the Iruma Air Base sentences are placed
// within 25 km of the base.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "dyad/ingest.h"
#include "dyad/pipeline.h"
#include "dyad/resolve_places.h"
#include "dyad/text.h"
#include "gtest/gtest.h"

namespace dyad {
namespace {

double Km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double r = 3.14159265358979323846 / 180;
  const double a = std::pow(std::sin((lat2 - lat1) * r / 2), 2) +
                   std::cos(lat1 * r) * std::cos(lat2 * r) *
                       std::pow(std::sin((lon2 - lon1) * r / 2), 2);
  return 6371 * 2 * std::asin(std::sqrt(a));
}

TEST(EventPlacesSharedTest, IrumaAirBaseIsPlacedNearSayama) {
  const std::string path =
      std::string(DYAD_SHARED_DIR) + "/gold/seed/nato_japan.txt";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << path << " absent (../shared not installed)";
  }
  Result<PlaceIndex> index = PlaceIndex::Load(DefaultPlaceIndexPath());
  if (!index.ok()) {
    GTEST_SKIP() << "place index not built: " << index.status().ToString();
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  Result<Document> doc = ParseWireStory(bytes.str(), path, IngestOptions{});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_TRUE(AnalyzeText(&*doc).ok());
  EXPECT_EQ(doc->dateline, "Tokyo");
  // One event over the words of every sentence that names the base, the
  // way the coder would report a visit there, and one over a sentence
  // with no place (the dateline's).
  int with_base = 0;
  for (size_t s = 0; s < doc->sentences.size(); ++s) {
    const Sentence& sentence = doc->sentences[s];
    const std::string_view text = doc->Slice(sentence.span);
    const bool base = text.find("Iruma Air Base") != std::string_view::npos;
    if (!base && text.find("Japan has been quick") == std::string_view::npos) {
      continue;
    }
    Event e;
    e.source.code = "IGOWSTNAT";
    e.sentence = static_cast<int>(s);
    e.span = sentence.span;
    if (base) {
      // The event's own words: from "Stoltenberg" / "his visit" to the
      // base's name.
      const size_t visit = text.find("his visit");
      const size_t from = visit != std::string_view::npos
                              ? visit
                              : text.find("Jens Stoltenberg");
      const size_t to = text.find("Iruma Air Base") + 14;
      e.span = Span{sentence.span.begin + static_cast<uint32_t>(from),
                    sentence.span.begin + static_cast<uint32_t>(to)};
      ++with_base;
    } else {
      e.source.code = "JPN";
    }
    doc->events.push_back(e);
  }
  ASSERT_EQ(with_base, 2);  // the caption and the body sentence
  ASSERT_TRUE(AssignEventPlaces(*index, &*doc).ok());
  for (const Event& e : doc->events) {
    const std::string_view text = doc->Slice(doc->sentences[e.sentence].span);
    ASSERT_TRUE(e.has_place) << text;
    ASSERT_TRUE(e.place.has_coordinates) << text;
    EXPECT_EQ(e.place.country, "JPN") << text;
    if (text.find("Iruma Air Base") != std::string_view::npos) {
      EXPECT_EQ(e.place.name, "Iruma Air Base");
      EXPECT_LT(Km(e.place.lat, e.place.lon, 35.84, 139.41), 25) << text;
    } else {
      EXPECT_EQ(e.place.name, "Tokyo");  // the dateline
    }
  }
}

// The same story through the real coder: every event it codes in a
// sentence naming the base is placed there.
TEST(EventPlacesSharedTest, CodedEventsAtTheBaseArePlacedNearSayama) {
  const std::string path =
      std::string(DYAD_SHARED_DIR) + "/gold/seed/nato_japan.txt";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << path << " absent (../shared not installed)";
  }
  Result<PlaceIndex> index = PlaceIndex::Load(DefaultPlaceIndexPath());
  if (!index.ok()) {
    GTEST_SKIP() << "place index not built: " << index.status().ToString();
  }
  Result<std::unique_ptr<Pipeline>> pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  Result<Document> doc = ParseWireStory(bytes.str(), path, IngestOptions{});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_TRUE((*pipeline)->Process(&*doc).ok());
  ASSERT_TRUE(AssignEventPlaces(*index, &*doc).ok());
  int at_base = 0;
  for (const Event& e : doc->events) {
    const std::string_view text = doc->Slice(doc->sentences[e.sentence].span);
    ASSERT_TRUE(e.has_place) << text;  // the dateline at least
    if (text.find("Iruma Air Base") == std::string_view::npos) continue;
    ++at_base;
    EXPECT_EQ(e.place.name, "Iruma Air Base") << text;
    EXPECT_LT(Km(e.place.lat, e.place.lon, 35.84, 139.41), 25) << text;
  }
  EXPECT_GE(at_base, 1) << "no event coded in the sentences naming the base";
}

}  // namespace
}  // namespace dyad
