// Merged events: one event across articles, through the public Store API,
// checked by hand on small cases and against a plain reference of the rule
// on random corpora stored in random orders.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "dyad/codes.h"
#include "dyad/store.h"
#include "store/merge_rule.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

class MergedEventsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "dyad_merged_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  std::string PathIn(const std::string& name) const {
    return (fs::path(dir_) / name).string();
  }
  // A new, empty store (any file of that name is removed first).
  std::unique_ptr<Store> FreshStore(const std::string& name) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::error_code ignored;
      fs::remove(PathIn(name) + suffix, ignored);
    }
    Result<std::unique_ptr<Store>> store = Store::Open(PathIn(name));
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (!store.ok()) return nullptr;
    return std::move(store).value();
  }

  std::string dir_;
};

// What a test event says; the rest of the Event is filled in.
struct Said {
  std::string source;
  std::string target;
  std::string cameo;
  std::string date;  // "" : the article's publication date
  std::optional<Place> place;
};

Place Named(const std::string& name, const std::string& country = "JPN") {
  return Place{name, country, 0, 0, false};
}
Place Located(const std::string& name, double lat, double lon,
              const std::string& country = "JPN") {
  return Place{name, country, lat, lon, true};
}

const Place kTokyo = Located("Tokyo", 35.6895, 139.6917);
const Place kOsaka = Located("Osaka", 34.6937, 135.5023);
const Place kIruma = Located("Iruma Air Base", 35.842, 139.410);
const Place kSayama = Located("Sayama", 35.853, 139.412);

// An article whose events are `said`, in order; each event's rule names its
// position ("e0", "e1", ...) so tests can tell mentions apart.
Document Article(const std::string& doc_id, const std::string& published,
                 const std::vector<Said>& said,
                 const std::string& text_variant = "") {
  Document doc;
  doc.doc_id = doc_id;
  doc.source = doc_id + ".txt";
  doc.published = published;
  doc.headline = "Story " + doc_id;
  doc.text = "Story text of " + doc_id + text_variant + ".";
  doc.sentences.push_back(
      Sentence{Span{0, static_cast<uint32_t>(doc.text.size())}, 0, 0,
               PartKind::kBody, 0});
  for (size_t i = 0; i < said.size(); ++i) {
    Event event;
    event.source = ActorRef{said[i].source, "", Span{}};
    event.target = ActorRef{said[i].target, "", Span{}};
    event.cameo = said[i].cameo;
    event.date = said[i].date;
    event.date_from_text = !said[i].date.empty();
    if (said[i].place) {
      event.has_place = true;
      event.place = *said[i].place;
    }
    event.sentence = 0;
    event.span = Span{0, 5};
    event.rule = "e";
    event.rule += std::to_string(i);
    doc.events.push_back(event);
  }
  return doc;
}

std::string PlaceText(const Place& place) {
  std::string text = place.name + "/" + place.country;
  if (place.has_coordinates) {
    text += "@" + std::to_string(place.lat) + "," + std::to_string(place.lon);
  }
  return text;
}

// Everything about a merged event that must not depend on storing order
// (not its row ids).
std::string Fingerprint(const MergedEvent& merged) {
  const StoredEvent& r = merged.representative;
  std::string text = r.source.code + ">" + r.target.code + " " + r.cameo + " " +
                     merged.first_date + ".." + merged.last_date + " place=" +
                     (merged.has_place ? PlaceText(merged.place) : "-") +
                     " mentions=" + std::to_string(merged.mention_count) +
                     " articles=" + std::to_string(merged.article_count) + " [";
  for (const std::string& doc_id : merged.doc_ids) text += doc_id + " ";
  text += "] rep=" + r.doc_id + "/" + r.rule + "@" + r.date;
  return text;
}

std::vector<std::string> Fingerprints(Store& store,
                                      const EventQuery& query = {}) {
  Result<std::vector<MergedEvent>> merged = store.FindMergedEvents(query);
  EXPECT_TRUE(merged.ok()) << merged.status().ToString();
  std::vector<std::string> prints;
  if (!merged.ok()) return prints;
  for (const MergedEvent& event : *merged) {
    prints.push_back(Fingerprint(event));
  }
  std::sort(prints.begin(), prints.end());
  return prints;
}

std::vector<int64_t> MentionCounts(Store& store) {
  std::vector<int64_t> counts;
  Result<std::vector<MergedEvent>> found = store.FindMergedEvents({});
  EXPECT_TRUE(found.ok()) << found.status().ToString();
  if (!found.ok()) return counts;
  for (const MergedEvent& merged : *found) {
    counts.push_back(merged.mention_count);
  }
  std::sort(counts.begin(), counts.end());
  return counts;
}

// Three syndicated versions of one story (a NATO visit to Japan and
// China's criticism) and one different story. The versions differ as
// versions do: another date for the visit (a day apart), a place with or
// without coordinates or no place at all, a more specific CAMEO code of
// the same root, the events in another order.
std::vector<Document> FourArticles() {
  return {
      Article("ap-nato-japan", "2023-02-01",
              {{"IGOWSTNAT", "JPN", "042", "2023-01-31", kTokyo},
               {"CHN", "IGOWSTNAT", "111", "", std::nullopt}}),
      Article("reuters-nato-japan", "2023-02-01",
              {{"CHN", "IGOWSTNAT", "112", "", std::nullopt},
               {"IGOWSTNAT", "JPN", "042", "2023-02-01", Named("Tokyo")}}),
      Article("voa-nato-japan", "2023-02-02",
              {{"IGOWSTNAT", "JPN", "043", "2023-01-31", std::nullopt},
               {"CHN", "IGOWSTNAT", "111", "2023-02-01", Named("Beijing")}}),
      Article("voa-kyiv-strike", "2023-02-01",
              {{"RUS", "UKR", "190", "2023-01-31",
                Located("Kyiv", 50.45, 30.52, "UKR")}}),
  };
}

TEST_F(MergedEventsTest, SyndicatedVersionsAreOneStoryWithTheirMentions) {
  auto store = FreshStore("four.db");
  ASSERT_NE(store, nullptr);
  ASSERT_EQ(*store->PutAll(FourArticles()), 4);

  Result<StoreCounts> counts = store->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->events, 7);  // every mention is kept
  EXPECT_EQ(counts->merged_events, 3);

  Result<std::vector<MergedEvent>> merged = store->FindMergedEvents({});
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  ASSERT_EQ(merged->size(), 3u);
  std::map<std::string, const MergedEvent*> by_dyad;
  for (const MergedEvent& event : *merged) {
    by_dyad[event.representative.source.code + ">" +
            event.representative.target.code] = &event;
  }
  const std::vector<std::string> syndicated = {
      "ap-nato-japan", "reuters-nato-japan", "voa-nato-japan"};

  const MergedEvent& visit = *by_dyad.at("IGOWSTNAT>JPN");
  EXPECT_EQ(visit.mention_count, 3);
  EXPECT_EQ(visit.article_count, 3);
  EXPECT_EQ(visit.doc_ids, syndicated);
  EXPECT_EQ(visit.first_date, "2023-01-31");
  EXPECT_EQ(visit.last_date, "2023-02-01");
  // Earliest date, then smallest doc_id: AP's mention stands for it.
  EXPECT_EQ(visit.representative.doc_id, "ap-nato-japan");
  EXPECT_EQ(visit.representative.cameo, "042");
  ASSERT_TRUE(visit.has_place);
  EXPECT_EQ(visit.place.name, "Tokyo");
  EXPECT_TRUE(visit.place.has_coordinates);

  const MergedEvent& criticism = *by_dyad.at("CHN>IGOWSTNAT");
  EXPECT_EQ(criticism.mention_count, 3);
  EXPECT_EQ(criticism.doc_ids, syndicated);
  EXPECT_EQ(criticism.first_date, "2023-02-01");
  EXPECT_EQ(criticism.last_date, "2023-02-01");
  // All on the same date: the smallest doc_id; the place is the first
  // mention that has one.
  EXPECT_EQ(criticism.representative.doc_id, "ap-nato-japan");
  EXPECT_EQ(criticism.representative.rule, "e1");
  EXPECT_FALSE(criticism.representative.has_place);
  ASSERT_TRUE(criticism.has_place);
  EXPECT_EQ(criticism.place.name, "Beijing");

  const MergedEvent& strike = *by_dyad.at("RUS>UKR");
  EXPECT_EQ(strike.mention_count, 1);
  EXPECT_EQ(strike.article_count, 1);
  EXPECT_EQ(strike.doc_ids, std::vector<std::string>{"voa-kyiv-strike"});

  // The mentions behind a merged event, and each mention's merged event.
  Result<std::vector<StoredEvent>> mentions = store->FindMentions(visit.id);
  ASSERT_TRUE(mentions.ok()) << mentions.status().ToString();
  ASSERT_EQ(mentions->size(), 3u);
  std::set<std::string> mention_docs;
  for (const StoredEvent& mention : *mentions) {
    EXPECT_EQ(mention.merged_event, visit.id);
    mention_docs.insert(mention.doc_id);
  }
  EXPECT_EQ(mention_docs.size(), 3u);
  Result<std::vector<StoredEvent>> events = store->FindEvents({});
  ASSERT_TRUE(events.ok());
  for (const StoredEvent& event : *events) {
    EXPECT_NE(event.merged_event, 0) << event.doc_id << " " << event.rule;
  }
  EXPECT_TRUE(store->FindMentions(987654)->empty());
}

TEST_F(MergedEventsTest, AnyStoringOrderGivesTheSameMergedEvents) {
  std::vector<Document> docs = FourArticles();
  std::vector<size_t> order(docs.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::vector<std::string> expected;
  int permutations = 0;
  do {
    auto store = FreshStore("order.db");
    ASSERT_NE(store, nullptr);
    // One transaction per article, so that each Put regroups on its own.
    for (size_t i : order) ASSERT_TRUE(store->Put(docs[i]).ok());
    std::vector<std::string> prints = Fingerprints(*store);
    if (expected.empty()) {
      expected = prints;
      ASSERT_EQ(expected.size(), 3u);
    }
    EXPECT_EQ(prints, expected) << "permutation " << permutations;
    ++permutations;
  } while (std::next_permutation(order.begin(), order.end()));
  EXPECT_EQ(permutations, 24);
}

TEST_F(MergedEventsTest, StoringAnArticleAgainChangesNothing) {
  auto store = FreshStore("again.db");
  ASSERT_NE(store, nullptr);
  std::vector<Document> docs = FourArticles();
  ASSERT_EQ(*store->PutAll(docs), 4);
  const std::vector<std::string> before = Fingerprints(*store);
  const std::vector<MergedEvent> rows = *store->FindMergedEvents({});

  for (Document doc : docs) {
    doc.source = "elsewhere/" + doc.doc_id + ".jsonl";  // provenance only
    doc.line = 7;
    Result<bool> put = store->Put(doc);
    ASSERT_TRUE(put.ok());
    EXPECT_FALSE(*put) << doc.doc_id;
  }
  EXPECT_EQ(*store->PutAll(docs), 0);
  EXPECT_EQ(Fingerprints(*store), before);
  EXPECT_EQ(MentionCounts(*store), (std::vector<int64_t>{1, 3, 3}));
  // Even the row ids stay.
  const std::vector<MergedEvent> after = *store->FindMergedEvents({});
  ASSERT_EQ(after.size(), rows.size());
  for (size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(after[i].id, rows[i].id);
}

TEST_F(MergedEventsTest, ReplacingAnArticleMovesItsMentions) {
  auto store = FreshStore("replace.db");
  ASSERT_NE(store, nullptr);
  std::vector<Document> docs = FourArticles();
  ASSERT_EQ(*store->PutAll(docs), 4);
  const std::vector<std::string> all_four = Fingerprints(*store);

  // Reuters recoded with no events: two mentions each for the story.
  Document empty = Article("reuters-nato-japan", "2023-02-01", {});
  ASSERT_TRUE(*store->Put(empty));
  EXPECT_EQ(MentionCounts(*store), (std::vector<int64_t>{1, 2, 2}));
  // AP recoded with the visit on another day, far from the others.
  Document moved = docs[0];
  moved.events[0].date = "2023-01-20";
  ASSERT_TRUE(*store->Put(moved));
  EXPECT_EQ(MentionCounts(*store), (std::vector<int64_t>{1, 1, 1, 2}));
  // Back as they were: the same merged events as storing them first.
  ASSERT_TRUE(*store->Put(docs[0]));
  ASSERT_TRUE(*store->Put(docs[1]));
  EXPECT_EQ(Fingerprints(*store), all_four);
}

TEST_F(MergedEventsTest, DatesWithinADayMergeTwoDaysApartDoNot) {
  auto store = FreshStore("dates.db");
  ASSERT_NE(store, nullptr);
  const auto on = [](const std::string& doc_id, const std::string& date) {
    return Article(doc_id, "2023-03-10", {{"USA", "IRN", "111", date, {}}});
  };
  ASSERT_TRUE(store->Put(on("a", "2023-03-01")).ok());
  ASSERT_TRUE(store->Put(on("c", "2023-03-03")).ok());
  EXPECT_EQ(MentionCounts(*store), (std::vector<int64_t>{1, 1}));
  // b, a day from each, chains a and c into one event (single linkage).
  ASSERT_TRUE(store->Put(on("b", "2023-03-02")).ok());
  EXPECT_EQ(MentionCounts(*store), (std::vector<int64_t>{3}));
  const MergedEvent chained = store->FindMergedEvents({})->at(0);
  EXPECT_EQ(chained.first_date, "2023-03-01");
  EXPECT_EQ(chained.last_date, "2023-03-03");
  EXPECT_EQ(chained.representative.doc_id, "a");
  // Across a month end, a day apart.
  ASSERT_TRUE(store->Put(on("d", "2023-03-31")).ok());
  ASSERT_TRUE(store->Put(on("e", "2023-04-01")).ok());
  EXPECT_EQ(MentionCounts(*store), (std::vector<int64_t>{2, 3}));
  // Taking b out splits the chain again.
  ASSERT_TRUE(store->Put(Article("b", "2023-03-10", {})).ok());
  EXPECT_EQ(MentionCounts(*store), (std::vector<int64_t>{1, 1, 2}));
}

TEST_F(MergedEventsTest, DifferentPlacesDoNotMergeAMissingPlaceDoes) {
  auto store = FreshStore("places.db");
  ASSERT_NE(store, nullptr);
  const auto at = [](const std::string& doc_id, std::optional<Place> place) {
    return Article(doc_id, "2023-01-31",
                   {{"IGOWSTNAT", "JPN", "042", "", std::move(place)}});
  };
  ASSERT_TRUE(store->Put(at("tokyo", kTokyo)).ok());
  ASSERT_TRUE(store->Put(at("osaka", kOsaka)).ok());
  EXPECT_EQ(MentionCounts(*store), (std::vector<int64_t>{1, 1}));
  // Sayama is 2 km from Iruma Air Base: the same place under another
  // name. Iruma is 30 km from Tokyo's point: not Tokyo.
  ASSERT_TRUE(store->Put(at("iruma", kIruma)).ok());
  ASSERT_TRUE(store->Put(at("sayama", kSayama)).ok());
  EXPECT_EQ(MentionCounts(*store), (std::vector<int64_t>{1, 1, 2}));
  // Named alike without coordinates: the same place.
  ASSERT_TRUE(store->Put(at("osaka-named", Named("OSAKA"))).ok());
  EXPECT_EQ(MentionCounts(*store), (std::vector<int64_t>{1, 2, 2}));
  // A mention with no place joins one of them (all on its day: the first
  // by place name, Iruma Air Base), never two.
  ASSERT_TRUE(store->Put(at("nowhere", std::nullopt)).ok());
  EXPECT_EQ(MentionCounts(*store), (std::vector<int64_t>{1, 2, 3}));
  Result<std::vector<MergedEvent>> found = store->FindMergedEvents({});
  ASSERT_TRUE(found.ok());
  for (const MergedEvent& merged : *found) {
    if (merged.mention_count == 3) {
      EXPECT_EQ(merged.doc_ids,
                (std::vector<std::string>{"iruma", "nowhere", "sayama"}));
    }
  }
  // With only placeless mentions, they are one event.
  auto other = FreshStore("placeless.db");
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(other->Put(at("x", std::nullopt)).ok());
  ASSERT_TRUE(other->Put(at("y", std::nullopt)).ok());
  EXPECT_EQ(MentionCounts(*other), (std::vector<int64_t>{2}));
}

TEST_F(MergedEventsTest, DifferentSourceTargetOrRootDoNotMerge) {
  auto store = FreshStore("keys.db");
  ASSERT_NE(store, nullptr);
  std::vector<Said> base = {{"USA", "CHN", "042", "2023-05-01", {}}};
  std::vector<Document> docs = {
      Article("base", "2023-05-01", base),
      Article("same-root", "2023-05-01",
              {{"USA", "CHN", "043", "2023-05-01", {}}}),  // merges
      Article("other-source", "2023-05-01",
              {{"USAGOV", "CHN", "042", "2023-05-01", {}}}),
      Article("other-target", "2023-05-01",
              {{"USA", "RUS", "042", "2023-05-01", {}}}),
      Article("reversed", "2023-05-01",
              {{"CHN", "USA", "042", "2023-05-01", {}}}),
      Article("other-root", "2023-05-01",
              {{"USA", "CHN", "051", "2023-05-01", {}}}),
  };
  ASSERT_EQ(*store->PutAll(docs), 6);
  EXPECT_EQ(MentionCounts(*store), (std::vector<int64_t>{1, 1, 1, 1, 2}));
  // The filters of EventQuery apply to the representative.
  EventQuery usa_chn;
  usa_chn.source = "USA";
  usa_chn.target = "CHN";
  EXPECT_EQ(*store->CountMergedEvents(usa_chn), 3);  // USA, USAGOV: prefix
  EventQuery consult;
  consult.root = "04";
  EXPECT_EQ(*store->CountMergedEvents(consult), 4);
  consult.limit = 2;
  consult.offset = 1;
  EXPECT_EQ(store->FindMergedEvents(consult)->size(), 2u);
  EventQuery later;
  later.date_from = "2023-05-02";
  EXPECT_EQ(*store->CountMergedEvents(later), 0);
}

TEST_F(MergedEventsTest, UndatedOrActorlessMentionsMergeWithNothing) {
  auto store = FreshStore("lonely.db");
  ASSERT_NE(store, nullptr);
  // No date at all (no publication date either), and empty actor codes.
  ASSERT_TRUE(
      store->Put(Article("u1", "", {{"USA", "CHN", "042", "", {}}})).ok());
  ASSERT_TRUE(
      store->Put(Article("u2", "", {{"USA", "CHN", "042", "", {}}})).ok());
  ASSERT_TRUE(store
                  ->Put(Article(
                      "n1", "2023-05-01",
                      {{"", "CHN", "042", "", {}}, {"", "CHN", "042", "", {}}}))
                  .ok());
  ASSERT_TRUE(
      store->Put(Article("n2", "2023-05-01", {{"", "CHN", "042", "", {}}}))
          .ok());
  EXPECT_EQ(MentionCounts(*store), (std::vector<int64_t>{1, 1, 1, 1, 1}));
  // Replacing them leaves no merged event behind.
  for (const char* doc_id : {"u1", "u2", "n1", "n2"}) {
    ASSERT_TRUE(store->Put(Article(doc_id, "2023-05-01", {})).ok());
  }
  EXPECT_EQ(store->Counts()->merged_events, 0);
}

TEST_F(MergedEventsTest, RepeatsWithinOneArticleAreOneEvent) {
  auto store = FreshStore("repeat.db");
  ASSERT_NE(store, nullptr);
  // A headline and a body sentence coding the same event.
  ASSERT_TRUE(store
                  ->Put(Article("one", "2023-05-01",
                                {{"USA", "CHN", "042", "", {}},
                                 {"USA", "CHN", "042", "", {}}}))
                  .ok());
  ASSERT_TRUE(
      store->Put(Article("two", "2023-05-01", {{"USA", "CHN", "042", "", {}}}))
          .ok());
  const MergedEvent merged = store->FindMergedEvents({})->at(0);
  EXPECT_EQ(merged.mention_count, 3);
  EXPECT_EQ(merged.article_count, 2);
  EXPECT_EQ(merged.doc_ids, (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(merged.representative.rule, "e0");
}

// ---- The rule written out plainly, over mentions, for random corpora ----

struct Mention {
  std::string doc_id;
  int idx;
  std::string source, target, root, date;
  std::optional<int64_t> day;
  std::optional<Place> place;
};

bool ReferenceSamePlace(const Place& a, const Place& b) {
  const auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(c));
    return s;
  };
  if (!a.name.empty() && lower(a.name) == lower(b.name) &&
      lower(a.country) == lower(b.country)) {
    return true;
  }
  return a.has_coordinates && b.has_coordinates &&
         store_internal::DistanceKm(a.lat, a.lon, b.lat, b.lon) <= 25.0;
}

// Fingerprints of the merged events the rule gives for `docs`, by brute
// force over pairs of mentions.
std::vector<std::string> ReferenceFingerprints(
    const std::vector<Document>& docs) {
  std::vector<Mention> mentions;
  for (const Document& doc : docs) {
    for (size_t i = 0; i < doc.events.size(); ++i) {
      const Event& e = doc.events[i];
      const CameoCode* code = FindCameo(e.cameo);
      Mention m{doc.doc_id,
                static_cast<int>(i),
                e.source.code,
                e.target.code,
                code ? std::string(code->root) : e.cameo,
                e.date.empty() ? doc.published : e.date,
                std::nullopt,
                e.has_place ? std::optional<Place>(e.place) : std::nullopt};
      if (!m.source.empty() && !m.target.empty()) {
        m.day = store_internal::DayNumber(m.date);
      }
      mentions.push_back(m);
    }
  }
  const size_t n = mentions.size();
  std::vector<size_t> group(n);
  std::iota(group.begin(), group.end(), size_t{0});
  const auto find = [&](size_t x) {
    while (group[x] != x) x = group[x];
    return x;
  };
  const auto join = [&](size_t a, size_t b) { group[find(a)] = find(b); };
  const auto near = [&](const Mention& a, const Mention& b) {
    return a.day && b.day && a.source == b.source && a.target == b.target &&
           a.root == b.root && std::abs(*a.day - *b.day) <= 1;
  };
  // Placed with placed; placeless with placeless.
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      const Mention& a = mentions[i];
      const Mention& b = mentions[j];
      if (!near(a, b) || a.place.has_value() != b.place.has_value()) continue;
      if (!a.place || ReferenceSamePlace(*a.place, *b.place)) join(i, j);
    }
  }
  // Each placeless chain joins the placed mention nearest in days, then
  // earliest, then first by place.
  std::map<size_t, std::vector<size_t>> chains;
  for (size_t i = 0; i < n; ++i) {
    if (!mentions[i].place && mentions[i].day) {
      chains[find(i)].push_back(i);
    }
  }
  std::vector<std::pair<size_t, size_t>> joins;
  for (const auto& [root, members] : chains) {
    std::optional<size_t> best;
    auto order = [&](size_t member, size_t placed) {
      const Mention& p = mentions[placed];
      return std::make_tuple(std::abs(*p.day - *mentions[member].day), *p.day,
                             p.place->name, p.place->country,
                             p.place->has_coordinates, p.place->lat,
                             p.place->lon);
    };
    std::optional<decltype(order(0, 0))> best_order;
    for (size_t member : members) {
      for (size_t j = 0; j < n; ++j) {
        if (!mentions[j].place || !near(mentions[member], mentions[j])) {
          continue;
        }
        if (!best_order || order(member, j) < *best_order) {
          best_order = order(member, j);
          best = j;
        }
      }
    }
    if (best) joins.emplace_back(root, *best);
  }
  for (const auto& [a, b] : joins) join(a, b);

  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < n; ++i) groups[find(i)].push_back(i);
  std::vector<std::string> prints;
  for (const auto& [unused, members] : groups) {
    const auto rank = [&](size_t i) {
      const Mention& m = mentions[i];
      return std::make_tuple(m.date.empty(), m.date, m.doc_id, m.idx);
    };
    size_t rep = members[0];
    std::optional<size_t> placed;
    std::string first, last;
    std::set<std::string> doc_ids;
    for (size_t i : members) {
      if (rank(i) < rank(rep)) rep = i;
      if (mentions[i].place && (!placed || rank(i) < rank(*placed))) {
        placed = i;
      }
      const std::string& date = mentions[i].date;
      if (!date.empty() && (first.empty() || date < first)) first = date;
      if (!date.empty() && (last.empty() || date > last)) last = date;
      doc_ids.insert(mentions[i].doc_id);
    }
    const Mention& r = mentions[rep];
    const Document& doc =
        *std::find_if(docs.begin(), docs.end(),
                      [&](const Document& d) { return d.doc_id == r.doc_id; });
    std::string text =
        r.source + ">" + r.target + " " + doc.events[r.idx].cameo + " " +
        first + ".." + last +
        " place=" + (placed ? PlaceText(*mentions[*placed].place) : "-") +
        " mentions=" + std::to_string(members.size()) +
        " articles=" + std::to_string(doc_ids.size()) + " [";
    for (const std::string& doc_id : doc_ids) text += doc_id + " ";
    text += "] rep=" + r.doc_id + "/e" + std::to_string(r.idx) + "@" + r.date;
    prints.push_back(text);
  }
  std::sort(prints.begin(), prints.end());
  return prints;
}

// A random article over a small world, so that keys, days and places
// collide often.
Document RandomArticle(std::mt19937& random, const std::string& doc_id) {
  static const char* const kActors[] = {"USA", "CHN", "RUS", ""};
  static const char* const kCodes[] = {"042", "043", "111", "190", "999"};
  const std::vector<std::optional<Place>> places = {
      std::nullopt,
      std::nullopt,
      kTokyo,
      kOsaka,
      kIruma,
      kSayama,
      Named("Tokyo"),
      Named("Paris", "FRA"),
      Located("", 35.70, 139.70),
      Located("", 48.85, 2.35, "")};
  const auto pick = [&](size_t size) {
    return std::uniform_int_distribution<size_t>(0, size - 1)(random);
  };
  const auto date = [&]() -> std::string {
    const size_t day = pick(9);
    if (day == 8) return "";  // the publication date
    return "2023-02-0" + std::to_string(day + 1);
  };
  std::vector<Said> said;
  const size_t events = pick(4);
  for (size_t i = 0; i < events; ++i) {
    said.push_back(Said{kActors[pick(3) + (pick(10) == 0 ? 1 : 0)],
                        kActors[pick(3)], kCodes[pick(5)], date(),
                        places[pick(places.size())]});
  }
  std::string published = pick(10) == 0 ? "" : date();
  if (published.empty()) published = "2023-02-05";
  if (pick(15) == 0) published = "";
  return Article(doc_id, published, said, std::to_string(pick(1000)));
}

TEST_F(MergedEventsTest, RandomCorporaAgreeWithTheReferenceInAnyOrder) {
  std::mt19937 random(20231129);
  for (int round = 0; round < 12; ++round) {
    std::vector<Document> docs;
    for (int i = 0; i < 60; ++i) {
      docs.push_back(RandomArticle(random, "doc" + std::to_string(i)));
    }
    const std::vector<std::string> expected = ReferenceFingerprints(docs);
    for (int order = 0; order < 3; ++order) {
      auto store = FreshStore("random.db");
      ASSERT_NE(store, nullptr);
      std::vector<Document> shuffled = docs;
      std::shuffle(shuffled.begin(), shuffled.end(), random);
      // Some articles go in first in another version, and are replaced.
      for (size_t i = 0; i < shuffled.size(); ++i) {
        if (i % 4 == 0) {
          Document draft = RandomArticle(random, shuffled[i].doc_id);
          ASSERT_TRUE(store->Put(draft).ok());
        }
      }
      if (order == 2) {
        ASSERT_TRUE(store->PutAll(shuffled).ok());
      } else {
        for (const Document& doc : shuffled) {
          ASSERT_TRUE(store->Put(doc).ok());
        }
      }
      EXPECT_EQ(Fingerprints(*store), expected)
          << "round " << round << ", order " << order;
      Result<StoreCounts> counts = store->Counts();
      EXPECT_EQ(counts->merged_events, static_cast<int64_t>(expected.size()));
    }
  }
}

TEST_F(MergedEventsTest, UpgradingAVersionTwoStoreBuildsItsMergedEvents) {
  const std::string path = PathIn("v2.db");
  std::mt19937 random(5);
  std::vector<Document> docs = FourArticles();
  for (int i = 0; i < 40; ++i) {
    docs.push_back(RandomArticle(random, "r" + std::to_string(i)));
  }
  {
    auto store = FreshStore("v2.db");
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->PutAll(docs).ok());
  }
  {
    // Back to what version 2 wrote.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "DROP VIEW merged_event_articles; DROP TABLE "
                           "merged_events; DROP TABLE event_buckets; DROP "
                           "INDEX events_bucket; ALTER TABLE events DROP "
                           "COLUMN bucket; PRAGMA user_version = 2",
                           nullptr, nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  {
    // Read-only: events as before, merged events refused with a reason.
    auto store = Store::Open(path, StoreMode::kReadOnly);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    Result<std::vector<StoredEvent>> events = (*store)->FindEvents({});
    ASSERT_TRUE(events.ok()) << events.status().ToString();
    EXPECT_FALSE(events->empty());
    EXPECT_EQ(events->front().merged_event, 0);
    EXPECT_EQ((*store)->Counts()->merged_events, 0);
    Result<std::vector<MergedEvent>> merged = (*store)->FindMergedEvents({});
    ASSERT_FALSE(merged.ok());
    EXPECT_EQ(merged.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(merged.status().message().find("writable"), std::string::npos);
  }
  auto store = Store::Open(path, StoreMode::kReadWrite);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(Fingerprints(**store), ReferenceFingerprints(docs));
  // And it goes on merging what is stored next.
  Document more = Article("zz-late-copy", "2023-02-01",
                          {{"IGOWSTNAT", "JPN", "042", "2023-01-31", {}}});
  ASSERT_TRUE((*store)->Put(more).ok());
  docs.push_back(more);
  EXPECT_EQ(Fingerprints(**store), ReferenceFingerprints(docs));
}

}  // namespace
}  // namespace dyad
