// Latency of the HTTP API (docs/api.md) on a store of 1,000,000 synthetic
// events, measured over HTTP with httplib::Client against `dyad serve`'s
// Server started in this process.
//
//   api_bench [REQUESTS]        (default 500 per endpoint)
//
// The store is built once and kept: $DYAD_API_BENCH_DB, default
// /tmp/dyad_api_bench.db (about 0.5 GB). Synthetic but shaped like coded
// news: ~210 actor codes (70 countries and IGOs, with GOV/MIL suffixes,
// Zipf-distributed so a few dyads dominate), dates over five years, CAMEO
// codes from the real table, 1-5 events per article, places and quotes.
// Prints p50/p95/p99 per endpoint; the target is p99 < 50 ms.
#include <httplib.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "dyad/codes.h"
#include "dyad/serve.h"
#include "dyad/store.h"
#include "util/civil_date.h"

namespace {

constexpr int64_t kTargetEvents = 1'000'000;

const std::vector<std::string> kCountries = {
    "USA", "CHN", "RUS", "UKR", "ISR", "PSE",       "IRN",   "GBR", "FRA",
    "DEU", "JPN", "IND", "PAK", "TUR", "SYR",       "IRQ",   "SAU", "EGY",
    "KOR", "PRK", "AFG", "BRA", "MEX", "CAN",       "AUS",   "IDN", "PHL",
    "VNM", "THA", "MMR", "NGA", "ETH", "SOM",       "SDN",   "KEN", "ZAF",
    "LBY", "YEM", "LBN", "JOR", "QAT", "ARE",       "ITA",   "ESP", "POL",
    "HUN", "SRB", "GEO", "ARM", "AZE", "BLR",       "KAZ",   "KGZ", "TJK",
    "UZB", "MNG", "TWN", "MYS", "SGP", "BGD",       "LKA",   "NPL", "VEN",
    "COL", "ARG", "CHL", "PER", "CUB", "IGOWSTNAT", "IGOUNO"};
const std::vector<std::string> kRoles = {"", "GOV", "MIL"};

struct City {
  const char* name;
  const char* country;
  double lat, lon;
};
const City kCities[] = {
    {"Washington", "USA", 38.9, -77.04}, {"Beijing", "CHN", 39.9, 116.4},
    {"Moscow", "RUS", 55.75, 37.62},     {"Kyiv", "UKR", 50.45, 30.52},
    {"Gaza", "PSE", 31.5, 34.47},        {"Tehran", "IRN", 35.69, 51.39},
    {"London", "GBR", 51.5, -0.13},      {"Tokyo", "JPN", 35.68, 139.69},
    {"New Delhi", "IND", 28.61, 77.21},  {"Ankara", "TUR", 39.93, 32.86},
    {"Damascus", "SYR", 33.51, 36.29},   {"Baghdad", "IRQ", 33.31, 44.36},
    {"Cairo", "EGY", 30.04, 31.24},      {"Seoul", "KOR", 37.57, 126.98},
    {"Kabul", "AFG", 34.53, 69.17},      {"Nairobi", "KEN", -1.29, 36.82}};

const std::vector<std::string> kQuoteWords = {
    "peace",  "talks",     "security", "trade",     "sanctions", "border",
    "aid",    "ceasefire", "election", "alliance",  "nuclear",   "cooperation",
    "defend", "oppose",    "support",  "agreement", "violence",  "refugees"};

class Generator {
 public:
  Generator() : rng_(20240229) {
    std::vector<double> weights;
    for (size_t i = 0; i < kCountries.size(); ++i) {
      weights.push_back(1.0 / std::pow(static_cast<double>(i + 1), 0.9));
    }
    country_ =
        std::discrete_distribution<size_t>(weights.begin(), weights.end());
    for (const dyad::CameoCode& code : dyad::AllCameoCodes()) {
      cameo_.push_back(code.code);
    }
  }

  std::string Actor() {
    std::string code = kCountries[country_(rng_)];
    if (code.rfind("IGO", 0) != 0) code += kRoles[rng_() % kRoles.size()];
    return code;
  }

  dyad::Document Article(int64_t n, int* events_out) {
    dyad::Document doc;
    doc.doc_id = "bench-" + std::to_string(n);
    doc.source = "synthetic";
    const int64_t day0 = 17897;  // 2019-01-01
    const int64_t day = day0 + static_cast<int64_t>(rng_() % 1826);
    doc.published = dyad::IsoDateFromDays(day);
    doc.headline = "Synthetic report " + std::to_string(n);
    doc.text = doc.headline + "\n\n";
    const int events = 1 + static_cast<int>(rng_() % 5);
    for (int e = 0; e < events; ++e) {
      dyad::Event event;
      event.source.code = Actor();
      do {
        event.target.code = Actor();
      } while (event.target.code == event.source.code);
      event.cameo = cameo_[rng_() % cameo_.size()];
      const uint32_t begin = static_cast<uint32_t>(doc.text.size());
      event.source.text = "Officials of " + event.source.code;
      event.target.text = event.target.code;
      std::string sentence = event.source.text + " acted (" + event.cameo +
                             ") toward " + event.target.text + ".";
      event.source.span = {
          begin, begin + static_cast<uint32_t>(event.source.text.size())};
      const uint32_t target_begin =
          begin +
          static_cast<uint32_t>(sentence.size() - 1 - event.target.text.size());
      event.target.span = {
          target_begin,
          target_begin + static_cast<uint32_t>(event.target.text.size())};
      event.span = {begin, begin + static_cast<uint32_t>(sentence.size())};
      doc.text += sentence + " ";
      dyad::Sentence s;
      s.span = event.span;
      event.sentence = static_cast<int>(doc.sentences.size());
      doc.sentences.push_back(s);
      if (rng_() % 2 == 0) {
        event.date =
            dyad::IsoDateFromDays(day - static_cast<int64_t>(rng_() % 4));
        event.date_from_text = true;
      }
      if (rng_() % 5 < 2) {
        const City& city = kCities[rng_() % std::size(kCities)];
        event.has_place = true;
        event.place.name = city.name;
        event.place.country = city.country;
        event.place.has_coordinates = true;
        event.place.lat = city.lat;
        event.place.lon = city.lon;
      }
      event.rule = "synthetic/" + event.cameo;
      doc.events.push_back(std::move(event));
    }
    if (rng_() % 10 < 3) {
      dyad::Quote quote;
      for (int w = 0; w < 6; ++w) {
        if (w) quote.text += ' ';
        quote.text += kQuoteWords[rng_() % kQuoteWords.size()];
      }
      const uint32_t begin = static_cast<uint32_t>(doc.text.size()) + 1;
      doc.text += "\"" + quote.text + "\", an official said.";
      quote.span = {begin, begin + static_cast<uint32_t>(quote.text.size())};
      quote.speaker.code = doc.events[0].source.code;
      quote.speaker.text = "an official";
      doc.quotes.push_back(std::move(quote));
    }
    *events_out = events;
    return doc;
  }

 private:
  std::mt19937_64 rng_;
  std::discrete_distribution<size_t> country_;
  std::vector<std::string> cameo_;
};

bool Exists(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0;
}

// Builds the store at `path` unless it already holds enough events.
bool EnsureStore(const std::string& path) {
  if (Exists(path)) {
    auto store = dyad::Store::Open(path, dyad::StoreMode::kReadOnly);
    if (store.ok()) {
      auto counts = (*store)->Counts();
      if (counts.ok() && counts->events >= kTargetEvents) {
        std::printf("store %s: %lld events (cached)\n", path.c_str(),
                    static_cast<long long>(counts->events));
        return true;
      }
    }
  }
  // Built under another name and renamed, so that an interrupted build is
  // never taken for a finished one.
  const std::string building = path + ".building";
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::remove((building + suffix).c_str());
  }
  auto start = std::chrono::steady_clock::now();
  auto store = dyad::Store::Open(building);
  if (!store.ok()) {
    std::fprintf(stderr, "api_bench: %s\n", store.status().ToString().c_str());
    return false;
  }
  Generator generator;
  int64_t events = 0, articles = 0;
  while (events < kTargetEvents) {
    std::vector<dyad::Document> batch;
    for (int i = 0; i < 5000 && events < kTargetEvents; ++i) {
      int count = 0;
      batch.push_back(generator.Article(articles++, &count));
      events += count;
    }
    std::vector<dyad::Status> errors;
    auto stored = (*store)->PutAll(batch, &errors);
    if (!stored.ok() || !errors.empty()) {
      std::fprintf(
          stderr, "api_bench: %s\n",
          (stored.ok() ? errors[0] : stored.status()).ToString().c_str());
      return false;
    }
  }
  store->reset();
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::rename((building + suffix).c_str(), (path + suffix).c_str());
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::printf("store %s: built %lld articles, %lld events in %.1f s\n",
              path.c_str(), static_cast<long long>(articles),
              static_cast<long long>(events), seconds);
  return true;
}

struct Scenario {
  std::string name;
  std::vector<std::string> paths;  // requests rotate through these
};

// Runs `count` requests (after a warm-up) and prints their percentiles.
// Returns the p99 in milliseconds, or -1 when a request failed.
double Measure(httplib::Client& client, const Scenario& scenario, int count) {
  for (int i = 0; i < 20; ++i) {
    (void)client.Get(
        scenario.paths[static_cast<size_t>(i) % scenario.paths.size()]);
  }
  std::vector<double> millis;
  for (int i = 0; i < count; ++i) {
    const std::string& path =
        scenario.paths[static_cast<size_t>(i) % scenario.paths.size()];
    auto start = std::chrono::steady_clock::now();
    auto response = client.Get(path);
    auto end = std::chrono::steady_clock::now();
    if (!response || response->status != 200) {
      std::fprintf(stderr, "api_bench: %s answered %d\n", path.c_str(),
                   response ? response->status : -1);
      return -1;
    }
    millis.push_back(
        std::chrono::duration<double, std::milli>(end - start).count());
  }
  std::sort(millis.begin(), millis.end());
  auto at = [&](double q) {
    return millis[std::min(millis.size() - 1,
                           static_cast<size_t>(q * millis.size()))];
  };
  std::printf(
      "%-34s n=%d  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max "
      "%7.2f ms\n",
      scenario.name.c_str(), count, at(0.50), at(0.95), at(0.99),
      millis.back());
  return at(0.99);
}

}  // namespace

int main(int argc, char** argv) {
  const int requests = argc > 1 ? std::max(1, std::atoi(argv[1])) : 500;
  const char* env = std::getenv("DYAD_API_BENCH_DB");
  const std::string path = env && *env ? env : "/tmp/dyad_api_bench.db";
  if (!EnsureStore(path)) return 1;

  dyad::ServeOptions options;
  options.db = path;
  options.port = 0;
  options.web_dir = "/nonexistent";
  auto server = dyad::Server::Start(options);
  if (!server.ok()) {
    std::fprintf(stderr, "api_bench: %s\n", server.status().ToString().c_str());
    return 1;
  }
  httplib::Client client("127.0.0.1", (*server)->port());
  client.set_keep_alive(true);
  client.set_tcp_nodelay(true);
  client.set_read_timeout(std::chrono::seconds(30));

  // The busiest countries, so that the dyads and actors measured are the
  // heavy ones.
  std::vector<std::string> dyads, actors;
  for (size_t i = 0; i < 6; ++i) {
    for (size_t j = i + 1; j < 6; ++j) {
      dyads.push_back("/api/dyads?a=" + kCountries[i] + "&b=" + kCountries[j] +
                      "&bucket=month");
    }
  }
  for (size_t i = 0; i < 20; ++i) {
    actors.push_back("/api/events?actor=" + kCountries[i] + "&limit=50");
  }
  const std::vector<Scenario> targets = {
      {"/api/dyads (month, top pairs)", dyads},
      {"/api/events first page", {"/api/events?limit=50"}},
      {"/api/events first page, actor", actors},
  };
  bool ok = true;
  double worst = 0;
  for (const Scenario& scenario : targets) {
    double p99 = Measure(client, scenario, requests);
    ok = ok && p99 >= 0;
    worst = std::max(worst, p99);
  }
  // For information (no target): other endpoints the dashboard calls.
  std::vector<std::string> weeks, pages, dyad_events;
  for (const std::string& d : dyads) {
    weeks.push_back(d.substr(0, d.size() - 5) + "week");
  }
  for (int i = 0; i < 10; ++i) {
    pages.push_back("/api/events?limit=50&offset=" + std::to_string(i * 50));
  }
  for (size_t i = 0; i + 1 < 6; ++i) {
    dyad_events.push_back("/api/events?a=" + kCountries[i] +
                          "&b=" + kCountries[i + 1] + "&limit=50");
  }
  const std::vector<Scenario> others = {
      {"/api/dyads (week)", weeks},
      {"/api/events pages 1-10", pages},
      {"/api/events a+b dyad", dyad_events},
      {"/api/quotes?q=", {"/api/quotes?q=ceasefire%20talks"}},
      {"/api/actors/{code}", {"/api/actors/JPN", "/api/actors/KEN"}},
      {"/api/network (one month)", {"/api/network?from=2022-03&to=2022-03"}},
      {"/api/places (one month)", {"/api/places?from=2022-03&to=2022-03"}},
  };
  for (const Scenario& scenario : others) {
    ok = Measure(client, scenario, std::max(1, requests / 10)) >= 0 && ok;
  }
  std::printf(
      "target p99 < 50 ms on dyads and first pages: %s (worst %.2f "
      "ms)\n",
      worst < 50 ? "met" : "MISSED", worst);
  (*server)->Stop();
  return ok ? 0 : 1;
}
