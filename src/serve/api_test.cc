// Api handlers on a temporary store filled with hand-built Documents; the
// aggregations are checked against brute force over the inserted events.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "dyad/codes.h"
#include "dyad/serve.h"
#include "dyad/store.h"
#include "serve/endpoints.h"
#include "serve/query_params.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// What the test inserted, as the API must report it.
struct RefEvent {
  std::string doc_id, source, target, cameo, date, evidence;
  std::optional<int> quad;
  double goldstein = 0;
  std::string place_name, place_country;
  bool has_place = false, has_coordinates = false;
};

struct RefQuote {
  std::string doc_id, text, speaker;
};

const std::vector<std::string> kCodes = {"JPN",    "JPNGOV", "IGOWSTNAT", "USA",
                                         "USAGOV", "CHN",    "CHNMIL"};
const std::vector<std::string> kCameo = {"042", "043", "057", "0874",
                                         "112", "173", "190", "999"};
const std::vector<std::string> kQuoteTexts = {
    "we will defend the islands", "trade talks continue next week",
    "the alliance stands firm", "we defend our interests in trade"};

std::string DayString(int day_offset) {
  // Days after 2023-01-02 (a Monday), through a 365-day year.
  static constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30,
                                       31, 31, 30, 31, 30, 31};
  int day = 1 + day_offset;  // 2023-01-02 is day 2 of January
  int month = 0;
  while (day >= kMonthDays[month]) {
    day -= kMonthDays[month];
    ++month;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "2023-%02d-%02d", (month + 1) % 100,
                (day + 1) % 100);
  return buffer;
}

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string pattern = ::testing::TempDir() + "dyad_api_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = new std::string(pattern);
    db_ = new std::string(*dir_ + "/store.db");
    events_ = new std::vector<RefEvent>();
    quotes_ = new std::vector<RefQuote>();
    FillStore();
    ServeOptions options;
    options.db = *db_;
    options.threads = 2;
    auto api = Api::Open(options);
    ASSERT_TRUE(api.ok()) << api.status().ToString();
    api_ = std::move(api).value().release();
  }
  static void TearDownTestSuite() {
    delete api_;
    std::error_code ignored;
    fs::remove_all(*dir_, ignored);
    delete dir_;
    delete db_;
    delete events_;
    delete quotes_;
  }

  static void FillStore() {
    auto store = Store::Open(*db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::mt19937 rng(7);
    auto pick = [&](const auto& list) { return list[rng() % list.size()]; };
    std::vector<Document> docs;
    for (int a = 0; a < 40; ++a) {
      Document doc;
      doc.doc_id = "doc" + std::to_string(a);
      doc.source = "test";
      doc.published = DayString(a * 2);
      doc.headline = "Headline " + std::to_string(a);
      doc.text = doc.headline + "\n\n";
      const int count = 1 + static_cast<int>(rng() % 4);
      for (int k = 0; k < count; ++k) {
        std::string source = pick(kCodes);
        std::string target = pick(kCodes);
        std::string cameo = pick(kCameo);
        Event event;
        const uint32_t begin = static_cast<uint32_t>(doc.text.size());
        std::string sentence = "Actor " + source + " did " + cameo +
                               (k % 2 ? " in Tokyo" : " at sea") + " toward " +
                               target + ". ";
        doc.text += sentence;
        event.source = ActorRef{
            source, "Actor " + source,
            Span{begin, begin + 6 + static_cast<uint32_t>(source.size())}};
        const uint32_t target_at =
            begin + static_cast<uint32_t>(sentence.find(" toward ") + 8);
        event.target = ActorRef{
            target, target,
            Span{target_at, target_at + static_cast<uint32_t>(target.size())}};
        event.cameo = cameo;
        if (rng() % 3 == 0) {
          event.date = DayString(a * 2 + static_cast<int>(rng() % 9));
          event.date_from_text = true;
        }
        event.sentence = static_cast<int>(doc.sentences.size());
        event.span =
            Span{begin, begin + static_cast<uint32_t>(sentence.size() - 1)};
        event.rule = "test/" + cameo;
        if (k % 2) {
          event.has_place = true;
          event.place.name = "Tokyo";
          event.place.country = "JPN";
          event.place.has_coordinates = rng() % 2 == 0;
          event.place.lat = 35.68;
          event.place.lon = 139.69;
        }
        Sentence s;
        s.span = event.span;
        s.part = PartKind::kBody;
        doc.sentences.push_back(s);

        RefEvent ref;
        ref.doc_id = doc.doc_id;
        ref.source = source;
        ref.target = target;
        ref.cameo = cameo;
        ref.date = event.date.empty() ? doc.published : event.date;
        ref.evidence = sentence.substr(0, sentence.size() - 1);
        if (const CameoCode* code = FindCameo(cameo)) {
          ref.quad = code->quad_class;
          ref.goldstein = code->goldstein;
        }
        ref.has_place = event.has_place;
        ref.has_coordinates = event.place.has_coordinates;
        ref.place_name = event.place.name;
        ref.place_country = event.place.country;
        events_->push_back(ref);
        doc.events.push_back(std::move(event));
      }
      if (a % 3 == 0) {
        Quote quote;
        quote.text = kQuoteTexts[a % kQuoteTexts.size()];
        const uint32_t begin = static_cast<uint32_t>(doc.text.size());
        doc.text += "\"" + quote.text + "\", said the minister.";
        quote.span = Span{begin + 1,
                          begin + 1 + static_cast<uint32_t>(quote.text.size())};
        quote.speaker =
            ActorRef{a % 2 ? "JPNGOV" : "USAGOV", "the minister", Span{0, 0}};
        quotes_->push_back({doc.doc_id, quote.text, quote.speaker.code});
        doc.quotes.push_back(std::move(quote));
      }
      docs.push_back(std::move(doc));
    }
    std::vector<Status> errors;
    auto stored = (*store)->PutAll(docs, &errors);
    ASSERT_TRUE(stored.ok()) << stored.status().ToString();
    ASSERT_TRUE(errors.empty()) << errors[0].ToString();
    ASSERT_EQ(*stored, 40);
  }

  static ApiResponse Call(const std::string& path, const std::string& query,
                          const Api* api = nullptr) {
    ApiRequest request;
    request.path = path;
    request.params = serve_internal::ParseQueryString(query);
    return (api ? api : api_)->Handle(request);
  }

  // The JSON of a 200 answer (fails the test on any other status).
  static json Get(const std::string& path, const std::string& query = "") {
    ApiResponse response = Call(path, query);
    EXPECT_EQ(response.status, 200)
        << path << "?" << query << ": " << response.body;
    return json::parse(response.body);
  }

  static bool StartsWith(const std::string& code, const std::string& prefix) {
    return code.rfind(prefix, 0) == 0;
  }

  static std::string* dir_;
  static std::string* db_;
  static std::vector<RefEvent>* events_;
  static std::vector<RefQuote>* quotes_;
  static Api* api_;
};

std::string* ApiTest::dir_ = nullptr;
std::string* ApiTest::db_ = nullptr;
std::vector<RefEvent>* ApiTest::events_ = nullptr;
std::vector<RefQuote>* ApiTest::quotes_ = nullptr;
Api* ApiTest::api_ = nullptr;

TEST_F(ApiTest, HealthCountsTheStore) {
  json health = Get("/api/health");
  EXPECT_EQ(health["ok"], true);
  EXPECT_EQ(health["articles"], 40);
  EXPECT_EQ(health["events"], events_->size());
  EXPECT_EQ(health["quotes"], quotes_->size());
  std::set<std::string> actors;
  std::string first = "9999", last;
  for (const RefEvent& e : *events_) {
    actors.insert(e.source);
    actors.insert(e.target);
    first = std::min(first, e.date);
    last = std::max(last, e.date);
  }
  EXPECT_EQ(health["actors"], actors.size());
  EXPECT_EQ(health["first_date"], first);
  EXPECT_EQ(health["last_date"], last);
}

TEST_F(ApiTest, EventsAreNewestFirstAndPageWithoutGapsOrRepeats) {
  std::vector<json> all;
  for (int offset = 0;; offset += 7) {
    json page = Get("/api/events", "limit=7&offset=" + std::to_string(offset));
    EXPECT_EQ(page["total"], events_->size());
    EXPECT_EQ(page["total_exact"], true);
    EXPECT_EQ(page["limit"], 7);
    EXPECT_EQ(page["offset"], offset);
    if (page["events"].empty()) break;
    for (const json& event : page["events"]) all.push_back(event);
  }
  ASSERT_EQ(all.size(), events_->size());
  std::set<int64_t> ids;
  for (size_t i = 0; i < all.size(); ++i) {
    ids.insert(all[i]["id"].get<int64_t>());
    if (i > 0) {
      const json& before = all[i - 1];
      const json& now = all[i];
      EXPECT_TRUE(before["date"] > now["date"] ||
                  (before["date"] == now["date"] && before["id"] > now["id"]))
          << before["date"] << " then " << now["date"];
    }
  }
  EXPECT_EQ(ids.size(), all.size());
}

TEST_F(ApiTest, EventObjectsCarryTheContractFields) {
  json page = Get("/api/events", "limit=500");
  ASSERT_EQ(page["events"].size(), events_->size());
  for (const json& event : page["events"]) {
    // The evidence is the article's bytes at the span.
    json article = Get("/api/articles/" + event["doc_id"].get<std::string>());
    const std::string text = article["text"];
    const size_t begin = event["span"][0], end = event["span"][1];
    EXPECT_EQ(event["text"], text.substr(begin, end - begin));
    const size_t source_begin = event["source"]["span"][0];
    const size_t source_end = event["source"]["span"][1];
    EXPECT_EQ(event["source"]["text"],
              text.substr(source_begin, source_end - source_begin));
    EXPECT_EQ(event["headline"], article["headline"]);
    if (event["cameo"] == "999") {
      EXPECT_TRUE(event["root"].is_null());
      EXPECT_TRUE(event["quad"].is_null());
      EXPECT_TRUE(event["goldstein"].is_null());
      EXPECT_TRUE(event["plover"].is_null());
    } else {
      EXPECT_EQ(event["root"], event["cameo"].get<std::string>().substr(0, 2));
      EXPECT_TRUE(event["quad"].is_number_integer());
    }
    if (!event["place"].is_null()) {
      EXPECT_EQ(event["place"]["name"], "Tokyo");
      EXPECT_TRUE(event["place"]["lat"].is_null() ||
                  event["place"]["lat"] == 35.68);
    }
    EXPECT_TRUE(event["rule"].get<std::string>().rfind("test/", 0) == 0);
  }
}

// Each filter against brute force over the inserted events.
TEST_F(ApiTest, EventFiltersMatchTheReference) {
  struct Case {
    std::string query;
    std::function<bool(const RefEvent&)> keep;
  };
  const std::vector<Case> cases = {
      {"actor=jpn",
       [](const RefEvent& e) {
         return StartsWith(e.source, "JPN") || StartsWith(e.target, "JPN");
       }},
      {"source=USA",
       [](const RefEvent& e) { return StartsWith(e.source, "USA"); }},
      {"target=CHNMIL", [](const RefEvent& e) { return e.target == "CHNMIL"; }},
      {"a=JPN&b=IGOWSTNAT",
       [](const RefEvent& e) {
         return (StartsWith(e.source, "JPN") && e.target == "IGOWSTNAT") ||
                (e.source == "IGOWSTNAT" && StartsWith(e.target, "JPN"));
       }},
      {"cameo=04", [](const RefEvent& e) { return StartsWith(e.cameo, "04"); }},
      {"cameo=0874", [](const RefEvent& e) { return e.cameo == "0874"; }},
      {"root=08", [](const RefEvent& e) { return StartsWith(e.cameo, "08"); }},
      {"quad=3,4", [](const RefEvent& e) { return e.quad && *e.quad >= 3; }},
      {"quad=1", [](const RefEvent& e) { return e.quad == 1; }},
      {"from=2023-02&to=2023-02",
       [](const RefEvent& e) { return StartsWith(e.date, "2023-02"); }},
      {"from=2023-01-15&to=2023-02-03",
       [](const RefEvent& e) {
         return e.date >= "2023-01-15" && e.date <= "2023-02-03";
       }},
      {"place=tokyo", [](const RefEvent& e) { return e.has_place; }},
      {"place=JPN", [](const RefEvent& e) { return e.place_country == "JPN"; }},
      {"q=IN%20TOKYO",
       [](const RefEvent& e) {
         return e.evidence.find("in Tokyo") != std::string::npos;
       }},
      {"actor=USA&quad=1&from=2023-02",
       [](const RefEvent& e) {
         return (StartsWith(e.source, "USA") || StartsWith(e.target, "USA")) &&
                e.quad == 1 && e.date >= "2023-02";
       }},
  };
  for (const Case& c : cases) {
    std::multiset<std::string> expected;
    for (const RefEvent& e : *events_) {
      if (c.keep(e)) {
        expected.insert(e.doc_id + "|" + e.source + "|" + e.target + "|" +
                        e.cameo + "|" + e.date);
      }
    }
    json page = Get("/api/events", c.query + "&limit=500");
    std::multiset<std::string> got;
    for (const json& e : page["events"]) {
      got.insert(e["doc_id"].get<std::string>() + "|" +
                 e["source"]["code"].get<std::string>() + "|" +
                 e["target"]["code"].get<std::string>() + "|" +
                 e["cameo"].get<std::string>() + "|" +
                 e["date"].get<std::string>());
    }
    EXPECT_EQ(got, expected) << c.query;
    EXPECT_EQ(page["total"], expected.size()) << c.query;
    EXPECT_GT(expected.size(), 0u) << c.query << " tests nothing";
  }
}

TEST_F(ApiTest, DyadSeriesMatchBruteForceInEveryBucket) {
  for (auto [bucket_name, bucket] :
       {std::pair{"day", serve_internal::Bucket::kDay},
        std::pair{"week", serve_internal::Bucket::kWeek},
        std::pair{"month", serve_internal::Bucket::kMonth}}) {
    // period -> direction -> (events, quads, goldstein)
    std::map<std::string,
             std::array<std::tuple<int, std::array<int, 4>, double>, 2>>
        expected;
    for (const RefEvent& e : *events_) {
      const bool ab =
          StartsWith(e.source, "JPN") && StartsWith(e.target, "USA");
      const bool ba =
          StartsWith(e.source, "USA") && StartsWith(e.target, "JPN");
      if (!ab && !ba) continue;
      std::string period = e.date.substr(0, 7);
      if (bucket == serve_internal::Bucket::kDay) period = e.date;
      if (bucket == serve_internal::Bucket::kWeek) {
        // Brute force: step back a day at a time to a Monday, counting
        // weekdays from 2023-01-02, a Monday.
        int offset = 0;
        while (DayString(offset) != e.date) ++offset;
        period = DayString(offset - offset % 7);
      }
      auto& slot = expected[period][ab ? 0 : 1];
      std::get<0>(slot) += 1;
      if (e.quad) std::get<1>(slot)[*e.quad - 1] += 1;
      std::get<2>(slot) += e.goldstein;
    }
    json answer =
        Get("/api/dyads", std::string("a=JPN&b=USA&bucket=") + bucket_name);
    EXPECT_EQ(answer["a"], "JPN");
    EXPECT_EQ(answer["b"], "USA");
    EXPECT_EQ(answer["bucket"], bucket_name);
    ASSERT_EQ(answer["series"].size(), expected.size()) << bucket_name;
    std::string previous;
    for (const json& period : answer["series"]) {
      const std::string name = period["period"];
      EXPECT_LT(previous, name);
      previous = name;
      ASSERT_TRUE(expected.count(name)) << bucket_name << " " << name;
      const char* keys[] = {"a_to_b", "b_to_a"};
      for (int d = 0; d < 2; ++d) {
        const auto& [events, quads, goldstein] = expected[name][d];
        EXPECT_EQ(period[keys[d]]["events"], events) << name;
        for (int q = 0; q < 4; ++q) {
          EXPECT_EQ(period[keys[d]]["quad"][q], quads[q]) << name;
        }
        EXPECT_NEAR(period[keys[d]]["goldstein"].get<double>(), goldstein,
                    1e-9);
      }
    }
  }
}

TEST_F(ApiTest, WeeksAreNamedByTheirMonday) {
  using serve_internal::Bucket;
  using serve_internal::PeriodOf;
  EXPECT_EQ(PeriodOf("2023-01-30", Bucket::kWeek), "2023-01-30");  // Monday
  EXPECT_EQ(PeriodOf("2023-02-01", Bucket::kWeek), "2023-01-30");
  EXPECT_EQ(PeriodOf("2023-02-05", Bucket::kWeek), "2023-01-30");  // Sunday
  EXPECT_EQ(PeriodOf("2023-02-06", Bucket::kWeek), "2023-02-06");
  EXPECT_EQ(PeriodOf("2021-01-01", Bucket::kWeek), "2020-12-28");
  EXPECT_EQ(PeriodOf("2024-03-01", Bucket::kWeek), "2024-02-26");
  EXPECT_EQ(PeriodOf("2023-02-01", Bucket::kMonth), "2023-02");
  EXPECT_EQ(PeriodOf("2023-02-01", Bucket::kDay), "2023-02-01");
}

TEST_F(ApiTest, NetworkSplitsCooperationAndConflict) {
  std::map<std::pair<std::string, std::string>, std::array<int, 3>> expected;
  for (const RefEvent& e : *events_) {
    auto& edge = expected[{e.source, e.target}];
    edge[0] += 1;
    if (e.quad && *e.quad <= 2) edge[1] += 1;
    if (e.quad && *e.quad >= 3) edge[2] += 1;
  }
  json network = Get("/api/network", "min=1&limit=500");
  ASSERT_EQ(network["edges"].size(), expected.size());
  for (const json& edge : network["edges"]) {
    const auto& counts = expected[{edge["source"], edge["target"]}];
    EXPECT_EQ(edge["events"], counts[0]);
    EXPECT_EQ(edge["cooperation"], counts[1]);
    EXPECT_EQ(edge["conflict"], counts[2]);
  }
  EXPECT_EQ(network["nodes"].size(), kCodes.size());

  // min drops thin edges; limit keeps the most active nodes.
  json thick = Get("/api/network", "min=3");
  for (const json& edge : thick["edges"]) EXPECT_GE(edge["events"], 3);
  json two = Get("/api/network", "limit=2");
  ASSERT_EQ(two["nodes"].size(), 2u);
  EXPECT_GE(two["nodes"][0]["events"], two["nodes"][1]["events"]);
  std::set<std::string> kept = {two["nodes"][0]["id"], two["nodes"][1]["id"]};
  for (const json& edge : two["edges"]) {
    EXPECT_TRUE(kept.count(edge["source"]) && kept.count(edge["target"]));
  }
  json jpn = Get("/api/network", "actor=JPN");
  ASSERT_FALSE(jpn["edges"].empty());
  for (const json& edge : jpn["edges"]) {
    EXPECT_TRUE(StartsWith(edge["source"], "JPN") ||
                StartsWith(edge["target"], "JPN"));
  }
}

TEST_F(ApiTest, ActorProfileMatchesByPrefix) {
  int as_source = 0, as_target = 0;
  std::map<std::string, int> partners, roots;
  for (const RefEvent& e : *events_) {
    const bool s = StartsWith(e.source, "JPN"), t = StartsWith(e.target, "JPN");
    as_source += s;
    as_target += t;
    if (s) partners[e.target] += 1;
    if (t) partners[e.source] += 1;
    if (s || t) roots[FindCameo(e.cameo) ? e.cameo.substr(0, 2) : ""] += 1;
  }
  json actor = Get("/api/actors/jpn");
  EXPECT_EQ(actor["code"], "JPN");
  EXPECT_EQ(actor["as_source"], as_source);
  EXPECT_EQ(actor["as_target"], as_target);
  ASSERT_EQ(actor["partners"].size(), partners.size());
  for (const json& partner : actor["partners"]) {
    EXPECT_EQ(partner["events"], partners[partner["code"]]) << partner;
  }
  std::map<std::string, int> got_roots;
  for (const json& mix : actor["event_mix"]) {
    got_roots[mix["root"].is_null() ? "" : mix["root"].get<std::string>()] =
        mix["events"];
  }
  EXPECT_EQ(got_roots, roots);
  int jpn_quotes = 0;
  for (const RefQuote& q : *quotes_) jpn_quotes += StartsWith(q.speaker, "JPN");
  EXPECT_EQ(actor["quotes"].size(), jpn_quotes);

  ApiResponse missing = Call("/api/actors/RUS", "");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("RUS"), std::string::npos);
  EXPECT_EQ(Call("/api/actors/J%27X", "").status, 400);
}

TEST_F(ApiTest, QuotesAreSearchedInFullText) {
  auto count = [&](const std::vector<std::string>& words,
                   const std::string& speaker) {
    int n = 0;
    for (const RefQuote& q : *quotes_) {
      bool all = StartsWith(q.speaker, speaker);
      for (const std::string& w : words) {
        all = all &&
              (" " + q.text + " ").find(" " + w + " ") != std::string::npos;
      }
      n += all;
    }
    return n;
  };
  json defend = Get("/api/quotes", "q=defend");
  EXPECT_EQ(defend["total"], count({"defend"}, ""));
  ASSERT_GT(defend["total"], 0);
  for (const json& q : defend["quotes"]) {
    EXPECT_NE(q["text"].get<std::string>().find("defend"), std::string::npos);
    EXPECT_FALSE(q["headline"].get<std::string>().empty());
  }
  EXPECT_EQ(Get("/api/quotes", "q=defend%20trade")["total"],
            count({"defend", "trade"}, ""));
  EXPECT_EQ(Get("/api/quotes", "q=trade&speaker=usa")["total"],
            count({"trade"}, "USA"));
  EXPECT_EQ(Get("/api/quotes", "")["total"], quotes_->size());
  json page = Get("/api/quotes", "limit=2&offset=1");
  EXPECT_EQ(page["quotes"].size(), 2u);

  ApiResponse bad = Call("/api/quotes", "q=%22unbalanced");
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_NE(bad.body.find("q:"), std::string::npos) << bad.body;
}

TEST_F(ApiTest, ArticleSpansSliceItsText) {
  json article = Get("/api/articles/doc3");
  EXPECT_EQ(article["doc_id"], "doc3");
  EXPECT_EQ(article["headline"], "Headline 3");
  EXPECT_EQ(article["published"], DayString(6));
  const std::string text = article["text"];
  ASSERT_FALSE(article["events"].empty());
  ASSERT_EQ(article["sentences"].size(), article["events"].size());
  for (const json& event : article["events"]) {
    const size_t b = event["span"][0], e = event["span"][1];
    EXPECT_EQ(event["text"], text.substr(b, e - b));
    const json& sentence = article["sentences"][event["sentence"].get<int>()];
    EXPECT_EQ(sentence["span"], event["span"]);
    EXPECT_EQ(sentence["part"], "body");
  }
  ASSERT_EQ(article["quotes"].size(), 1u);
  const json& quote = article["quotes"][0];
  const size_t b = quote["span"][0], e = quote["span"][1];
  EXPECT_EQ(quote["text"], text.substr(b, e - b));
  EXPECT_EQ(quote["speaker"]["code"], "JPNGOV");

  ApiResponse missing = Call("/api/articles/nope", "");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("nope"), std::string::npos);
}

TEST_F(ApiTest, PlacesCountPointsAndCountries) {
  int with_coordinates = 0;
  std::map<std::string, int> countries;
  for (const RefEvent& e : *events_) {
    with_coordinates += e.has_coordinates;
    std::set<std::string> mine = {e.source.substr(0, 3), e.target.substr(0, 3)};
    for (const std::string& c : mine) {
      if (c != "IGO") countries[c] += 1;
    }
  }
  json places = Get("/api/places");
  ASSERT_EQ(places["points"].size(), 1u);
  EXPECT_EQ(places["points"][0]["name"], "Tokyo");
  EXPECT_EQ(places["points"][0]["events"], with_coordinates);
  EXPECT_EQ(places["points"][0]["lat"], 35.68);
  std::map<std::string, int> got;
  for (const json& c : places["countries"]) got[c["country"]] = c["events"];
  EXPECT_EQ(got, countries);
}

TEST_F(ApiTest, BadRequestsNameTheirParameter) {
  const std::pair<std::string, std::string> cases[] = {
      {"/api/events", "limit=9999"},
      {"/api/events", "from=2023-02-30"},
      {"/api/events", "quad=0"},
      {"/api/dyads", "a=JPN"},
      {"/api/dyads", "a=JPN&b=USA&bucket=hour"},
      {"/api/network", "min=x"},
      {"/api/quotes", "limit=-1"},
  };
  for (const auto& [path, query] : cases) {
    ApiResponse response = Call(path, query);
    EXPECT_EQ(response.status, 400) << path << "?" << query;
    json error = json::parse(response.body);
    const std::string name = query.substr(
        query.rfind('&') + 1,
        query.find('=', query.rfind('&') + 1) - query.rfind('&') - 1);
    const std::string message = error["error"];
    // The message starts with the parameter's name (the last one here,
    // or the missing b).
    EXPECT_TRUE(message.rfind(name + ":", 0) == 0 ||
                message.rfind("b:", 0) == 0)
        << query << " -> " << message;
  }
}

TEST_F(ApiTest, UnknownPathsMethodsAndIngestWhenOff) {
  EXPECT_EQ(Call("/api/nothing", "").status, 404);
  EXPECT_EQ(Call("/elsewhere", "").status, 404);
  ApiRequest post;
  post.method = "POST";
  post.path = "/api/events";
  EXPECT_EQ(api_->Handle(post).status, 405);
  post.path = "/api/articles";
  post.body = R"({"id": "x", "text": "Japan met China."})";
  post.authorization = "Bearer anything";
  ApiResponse refused = api_->Handle(post);
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("--allow-ingest"), std::string::npos);
  ApiRequest get;
  get.path = "/api/articles";
  EXPECT_EQ(api_->Handle(get).status, 405);
}

TEST_F(ApiTest, QueriesOverTheTimeLimitAnswer503) {
  ServeOptions options;
  options.db = *db_;
  options.threads = 1;
  options.query_time_limit_ms = 0;
  auto api = Api::Open(options);
  ASSERT_TRUE(api.ok()) << api.status().ToString();
  ApiResponse response = Call("/api/network", "", api->get());
  EXPECT_EQ(response.status, 503) << response.body;
  EXPECT_NE(response.body.find("time limit"), std::string::npos);
}

TEST(ApiIngestTest, PostedArticlesAreCodedStoredAndReadable) {
  std::string pattern = ::testing::TempDir() + "dyad_ingest_XXXXXX";
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  const std::string db = pattern + "/ingest.db";
  { ASSERT_TRUE(Store::Open(db).ok()); }
  ServeOptions options;
  options.db = db;
  options.allow_ingest = true;
  options.ingest_token = "s3cret";
  options.pipeline.parse = false;
  auto api = Api::Open(options);
  ASSERT_TRUE(api.ok()) << api.status().ToString();

  ApiRequest post;
  post.method = "POST";
  post.path = "/api/articles";
  post.body = R"([{"id": "visit", "published": "2023-02-01",
                   "headline": "Japan and NATO",
                   "text": "Japanese Prime Minister Fumio Kishida met NATO Secretary-General Jens Stoltenberg in Tokyo on Tuesday."},
                  {"id": "broken"}, 7])";
  EXPECT_EQ((*api)->Handle(post).status, 401);
  post.authorization = "Bearer wrong";
  EXPECT_EQ((*api)->Handle(post).status, 401);
  post.authorization = "Bearer s3cret";
  ApiResponse response = (*api)->Handle(post);
  ASSERT_EQ(response.status, 200) << response.body;
  json answer = json::parse(response.body);
  EXPECT_EQ(answer["stored"], 1);
  EXPECT_EQ(answer["doc_ids"], json::array({"visit"}));
  ASSERT_EQ(answer["errors"].size(), 2u);
  EXPECT_EQ(answer["errors"][0]["index"], 1);
  EXPECT_EQ(answer["errors"][1]["index"], 2);

  ApiRequest get;
  get.path = "/api/articles/visit";
  ApiResponse article = (*api)->Handle(get);
  ASSERT_EQ(article.status, 200) << article.body;
  json stored = json::parse(article.body);
  EXPECT_EQ(stored["headline"], "Japan and NATO");
  EXPECT_EQ(stored["published"], "2023-02-01");
  EXPECT_EQ(stored["events"].size(), answer["events"]);

  post.body = "not json";
  EXPECT_EQ((*api)->Handle(post).status, 400);
  std::error_code ignored;
  fs::remove_all(pattern, ignored);
}

TEST(ApiOpenTest, MissingStoreIsAnError) {
  ServeOptions options;
  options.db = ::testing::TempDir() + "no_such_dyad_store.db";
  auto api = Api::Open(options);
  ASSERT_FALSE(api.ok());
  EXPECT_NE(api.status().message().find(options.db), std::string::npos);
  options.allow_ingest = true;
  EXPECT_EQ(Api::Open(options).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace dyad
