// Measures how fast the store takes coded documents.
//
//   store_throughput [DOCS] [DIR]
//
// Writes DOCS synthetic documents (default 10000; about 3 KB of text, 20
// sentences, 6 events and 2 quotes each) into fresh stores under DIR
// (default /tmp), three ways: one transaction per Put, PutAll in batches of
// 1000, and a second Put of every document (the unchanged, no-write path).
// The events of the first runs have six keys (source, target, root) and a
// few dates, so they merge into a few large merged events; a last run
// stores documents whose events are spread over many actors, codes, days
// and places, so that most events start a merged event of their own.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "dyad/store.h"

namespace {

// Events over 30 actors, 10 codes, two years of days and 12 places (or
// none): the keys and days of real news, where most events are new.
void SpreadEvents(int n, dyad::Document& doc) {
  static const char* const kActors[] = {
      "USA", "RUS", "CHN", "JPN", "FRA", "DEU", "GBR", "IND", "BRA", "ZAF",
      "UKR", "POL", "TUR", "IRN", "ISR", "EGY", "NGA", "KEN", "MEX", "CAN",
      "AUS", "KOR", "PRK", "PAK", "AFG", "SYR", "IRQ", "SAU", "ITA", "ESP"};
  static const char* const kCameo[] = {"010", "020", "036", "042", "043",
                                       "051", "111", "112", "173", "190"};
  static const dyad::Place kPlaces[] = {
      {"Washington", "USA", 38.9, -77.04, true},
      {"Moscow", "RUS", 55.75, 37.62, true},
      {"Beijing", "CHN", 39.9, 116.4, true},
      {"Tokyo", "JPN", 35.69, 139.69, true},
      {"Paris", "FRA", 48.85, 2.35, true},
      {"Berlin", "DEU", 52.52, 13.4, true},
      {"London", "GBR", 51.51, -0.13, true},
      {"Kyiv", "UKR", 50.45, 30.52, true},
      {"Geneva", "CHE", 46.2, 6.14, true},
      {"Brussels", "BEL", 50.85, 4.35, true},
      {"New York", "USA", 40.71, -74.01, false},
      {"Seoul", "KOR", 37.57, 126.98, true}};
  for (size_t e = 0; e < doc.events.size(); ++e) {
    dyad::Event& event = doc.events[e];
    const unsigned mix = static_cast<unsigned>(n) * 2654435761u +
                         static_cast<unsigned>(e) * 40503u;
    event.source.code = kActors[mix % 30];
    event.target.code = kActors[(mix / 30 + 1 + mix % 30) % 30];
    event.cameo = kCameo[(mix / 900) % 10];
    const unsigned day = (mix / 9000) % 730;
    const int year = 2022 + static_cast<int>(day / 365);
    const unsigned in_year = day % 365;
    char date[16];
    std::snprintf(date, sizeof date, "%d-%02u-%02u", year,
                  in_year / 31 % 12 + 1, in_year % 28 + 1);
    event.date = date;
    event.date_from_text = true;
    event.has_place = (mix / 657000) % 3 != 0;
    event.place = kPlaces[(mix / 1971000) % 12];
  }
}

dyad::Document SyntheticDocument(int n) {
  static const char* const kCodes[] = {"USA",    "RUSGOV", "JPN",
                                       "CHNMIL", "IGOUNO", "FRA"};
  static const char* const kCameo[] = {"042", "111",  "036",
                                       "190", "0431", "051"};
  dyad::Document doc;
  doc.doc_id = "synthetic-" + std::to_string(n);
  doc.source = "synthetic.jsonl";
  doc.line = static_cast<uint64_t>(n + 1);
  doc.published =
      "2023-" + std::to_string(10 + n % 3) + "-1" + std::to_string(n % 10);
  doc.headline = "Synthetic story number " + std::to_string(n);
  doc.authors = {"A. Writer"};
  doc.agency = "VOA";
  doc.categories = {"World"};
  for (int s = 0; s < 20; ++s) {
    dyad::Sentence sentence;
    sentence.span.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += "Officials from " + std::string(kCodes[(n + s) % 6]) +
                " met their counterparts on day " + std::to_string(s) +
                " of the talks, story " + std::to_string(n) +
                ", and discussed trade, security and the weather at length. ";
    sentence.span.end = static_cast<uint32_t>(doc.text.size() - 1);
    sentence.paragraph = s / 4;
    doc.sentences.push_back(sentence);
  }
  for (int e = 0; e < 6; ++e) {
    const dyad::Sentence& sentence = doc.sentences[static_cast<size_t>(e * 3)];
    dyad::Event event;
    event.source = {kCodes[(n + e) % 6],
                    "Officials",
                    {sentence.span.begin, sentence.span.begin + 9}};
    event.target = {kCodes[(n + e + 1) % 6],
                    "counterparts",
                    {sentence.span.begin + 30, sentence.span.begin + 42}};
    event.cameo = kCameo[(n + e) % 6];
    event.date = e % 2 ? doc.published : "";
    event.date_from_text = e % 2;
    event.has_place = e % 3 == 0;
    event.place = {"Geneva", "CHE", 46.2, 6.14, true};
    event.sentence = e * 3;
    event.span = sentence.span;
    event.rule = "verbs:MEET/042";
    doc.events.push_back(event);
  }
  for (int q = 0; q < 2; ++q) {
    const dyad::Sentence& sentence = doc.sentences[static_cast<size_t>(q + 10)];
    doc.quotes.push_back({"discussed trade, security and the weather",
                          sentence.span,
                          {"USAGOV", "Officials", {}}});
  }
  return doc;
}

// Wall time and this process's CPU time (user + system) since it was made:
// on a shared machine the CPU figure is the steadier of the two.
struct Timer {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  std::clock_t cpu = std::clock();

  double WallSeconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         wall)
        .count();
  }
  double CpuSeconds() const {
    return static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC;
  }
};

std::unique_ptr<dyad::Store> FreshStore(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    unlink((path + suffix).c_str());
  }
  auto store = dyad::Store::Open(path);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    std::exit(3);
  }
  return std::move(store).value();
}

void Report(const char* what, size_t docs, size_t events, const Timer& timer) {
  double wall = timer.WallSeconds();
  double cpu = timer.CpuSeconds();
  std::printf(
      "%-34s %6zu docs: wall %5.2f s = %6.0f docs/s, %7.0f events/s; "
      "cpu %5.2f s = %6.0f docs/s\n",
      what, docs, wall, docs / wall, events / wall, cpu, docs / cpu);
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::atoi(argv[1]) : 10000;
  const std::string dir = argc > 2 ? argv[2] : "/tmp";
  const std::string path =
      dir + "/dyad_store_throughput_" + std::to_string(getpid()) + ".db";
  std::vector<dyad::Document> docs;
  docs.reserve(static_cast<size_t>(count));
  size_t events = 0;
  for (int i = 0; i < count; ++i) {
    docs.push_back(SyntheticDocument(i));
    events += docs.back().events.size();
  }

  {
    auto store = FreshStore(path);
    Timer timer;
    for (const dyad::Document& doc : docs) {
      auto put = store->Put(doc);
      if (!put.ok()) {
        std::fprintf(stderr, "%s\n", put.status().ToString().c_str());
        return 3;
      }
    }
    Report("Put, one transaction each", docs.size(), events, timer);

    timer = Timer();
    for (const dyad::Document& doc : docs) {
      auto put = store->Put(doc);
      if (!put.ok() || *put) {
        std::fprintf(stderr, "re-put of %s wrote\n", doc.doc_id.c_str());
        return 3;
      }
    }
    Report("Put again, unchanged (no writes)", docs.size(), events, timer);
  }
  {
    const size_t batch = 1000;
    std::vector<std::vector<dyad::Document>> slices;
    for (size_t at = 0; at < docs.size(); at += batch) {
      slices.emplace_back(
          docs.begin() + static_cast<long>(at),
          docs.begin() + static_cast<long>(std::min(docs.size(), at + batch)));
    }
    auto store = FreshStore(path);
    Timer timer;
    for (const std::vector<dyad::Document>& slice : slices) {
      auto put = store->PutAll(slice);
      if (!put.ok()) {
        std::fprintf(stderr, "%s\n", put.status().ToString().c_str());
        return 3;
      }
    }
    Report("PutAll, batches of 1000", docs.size(), events, timer);
  }
  {
    auto store = FreshStore(path);
    Timer timer;
    if (!store->BeginBatch().ok()) return 3;
    for (const dyad::Document& doc : docs) {
      if (!store->Put(doc).ok()) return 3;
    }
    if (!store->CommitBatch().ok()) return 3;
    Report("BeginBatch, Put each, CommitBatch", docs.size(), events, timer);
  }
  for (int i = 0; i < count; ++i) {
    SpreadEvents(i, docs[static_cast<size_t>(i)]);
  }
  {
    auto store = FreshStore(path);
    Timer timer;
    if (!store->BeginBatch().ok()) return 3;
    for (const dyad::Document& doc : docs) {
      if (!store->Put(doc).ok()) return 3;
    }
    if (!store->CommitBatch().ok()) return 3;
    Report("Same, events of many keys and days", docs.size(), events, timer);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) {
    unlink((path + suffix).c_str());
  }
  return 0;
}
