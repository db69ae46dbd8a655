#include "dyad/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "dyad/codes.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

// A fresh directory per test, removed afterwards.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "dyad_store_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ignored;
    fs::permissions(dir_, fs::perms::owner_all, ignored);
    fs::remove_all(dir_, ignored);
  }
  std::string PathIn(const std::string& name) const {
    return (fs::path(dir_) / name).string();
  }
  std::unique_ptr<Store> OpenOrDie(
      const std::string& name, StoreMode mode = StoreMode::kReadWriteCreate) {
    Result<std::unique_ptr<Store>> store = Store::Open(PathIn(name), mode);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (!store.ok()) return nullptr;
    return std::move(store).value();
  }

  std::string dir_;
};

Span Find(const std::string& text, std::string_view needle) {
  size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return Span{static_cast<uint32_t>(at),
              static_cast<uint32_t>(at + needle.size())};
}

ActorRef Actor(const std::string& text, const std::string& code,
               std::string_view words) {
  return ActorRef{code, std::string(words), Find(text, words)};
}

// A small coded wire story: two sentences with events, one quote.
Document SampleDocument(const std::string& doc_id = "nato_japan") {
  Document doc;
  doc.doc_id = doc_id;
  doc.source = "examples/" + doc_id + ".txt";
  doc.published = "2023-02-01";
  doc.url = "https://example.org/" + doc_id;
  doc.section = "Defense";
  doc.headline = "NATO chief visits Japan";
  doc.caption = "Stoltenberg arrives in Tokyo";
  doc.authors = {"Mari Yamaguchi", "Haruka Nuga"};
  doc.dateline = "Tokyo";
  doc.agency = "AP";
  doc.categories = {"Asia-Pacific", "World"};
  doc.text =
      "NATO chief visits Japan\n"
      "Stoltenberg met Kishida in Tokyo on Tuesday. "
      "China criticized the alliance. "
      "\xe2\x80\x9cWe stand together,\xe2\x80\x9d Stoltenberg said.\n";
  const std::string& t = doc.text;
  Sentence headline{Find(t, "NATO chief visits Japan"), 0, 0,
                    PartKind::kHeadline, 0};
  Sentence first{Find(t, "Stoltenberg met Kishida in Tokyo on Tuesday."), 0, 0,
                 PartKind::kBody, 0};
  Sentence second{Find(t, "China criticized the alliance."), 0, 0,
                  PartKind::kBody, 0};
  doc.sentences = {headline, first, second};

  Event visit;
  visit.source = Actor(t, "IGOWSTNAT", "Stoltenberg");
  visit.target = Actor(t, "JPNGOV", "Kishida");
  visit.cameo = "042";
  visit.date = "2023-01-31";
  visit.date_from_text = true;
  visit.has_place = true;
  visit.place = Place{"Tokyo", "JPN", 35.68, 139.69, true};
  visit.sentence = 1;
  visit.span = Find(t, "Stoltenberg met Kishida");
  visit.rule = "verbs:MEET/042";

  Event criticize;
  criticize.source = Actor(t, "CHN", "China");
  criticize.target = Actor(t, "IGOWSTNAT", "the alliance");
  criticize.cameo = "111";
  criticize.sentence = 2;  // no date: stored with the publication date
  criticize.has_place = true;
  criticize.place = Place{"Japan", "JPN", 0, 0, false};
  criticize.span = Find(t, "China criticized the alliance");
  criticize.rule = "verbs:CRITICIZE/111";
  doc.events = {visit, criticize};

  Quote quote;
  quote.text = "We stand together,";
  quote.span = Find(t, "We stand together,");
  quote.speaker =
      ActorRef{"IGOWSTNAT", "Stoltenberg",
               Span{static_cast<uint32_t>(t.rfind("Stoltenberg")),
                    static_cast<uint32_t>(t.rfind("Stoltenberg") + 11)}};
  doc.quotes = {quote};
  return doc;
}

void ExpectSameActor(const ActorRef& a, const ActorRef& b) {
  EXPECT_EQ(a.code, b.code);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.span, b.span);
}

void ExpectSameDocument(const Document& got, const Document& want) {
  EXPECT_EQ(got.doc_id, want.doc_id);
  EXPECT_EQ(got.source, want.source);
  EXPECT_EQ(got.line, want.line);
  EXPECT_EQ(got.text, want.text);
  EXPECT_EQ(got.published, want.published);
  EXPECT_EQ(got.url, want.url);
  EXPECT_EQ(got.section, want.section);
  EXPECT_EQ(got.headline, want.headline);
  EXPECT_EQ(got.caption, want.caption);
  EXPECT_EQ(got.authors, want.authors);
  EXPECT_EQ(got.dateline, want.dateline);
  EXPECT_EQ(got.agency, want.agency);
  EXPECT_EQ(got.categories, want.categories);
  ASSERT_EQ(got.sentences.size(), want.sentences.size());
  for (size_t i = 0; i < got.sentences.size(); ++i) {
    EXPECT_EQ(got.sentences[i].span, want.sentences[i].span);
    EXPECT_EQ(got.sentences[i].part, want.sentences[i].part);
    EXPECT_EQ(got.sentences[i].paragraph, want.sentences[i].paragraph);
  }
  ASSERT_EQ(got.events.size(), want.events.size());
  for (size_t i = 0; i < got.events.size(); ++i) {
    const Event& g = got.events[i];
    const Event& w = want.events[i];
    ExpectSameActor(g.source, w.source);
    ExpectSameActor(g.target, w.target);
    EXPECT_EQ(g.cameo, w.cameo);
    EXPECT_EQ(g.date, w.date.empty() ? want.published : w.date);
    EXPECT_EQ(g.date_from_text, w.date_from_text);
    EXPECT_EQ(g.has_place, w.has_place);
    EXPECT_EQ(g.place.name, w.place.name);
    EXPECT_EQ(g.place.country, w.place.country);
    EXPECT_EQ(g.place.has_coordinates, w.place.has_coordinates);
    EXPECT_EQ(g.place.lat, w.place.lat);
    EXPECT_EQ(g.place.lon, w.place.lon);
    EXPECT_EQ(g.sentence, w.sentence);
    EXPECT_EQ(g.span, w.span);
    EXPECT_EQ(g.rule, w.rule);
  }
  ASSERT_EQ(got.quotes.size(), want.quotes.size());
  for (size_t i = 0; i < got.quotes.size(); ++i) {
    EXPECT_EQ(got.quotes[i].text, want.quotes[i].text);
    EXPECT_EQ(got.quotes[i].span, want.quotes[i].span);
    ExpectSameActor(got.quotes[i].speaker, want.quotes[i].speaker);
  }
}

// Runs `sql` returning one integer, straight through SQLite.
int64_t QueryInt(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  int64_t value = -1;
  if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

TEST_F(StoreTest, CreatesAVersionedWalStore) {
  {
    auto store = OpenOrDie("new.db");
    ASSERT_NE(store, nullptr);
    Result<StoreCounts> counts = store->Counts();
    ASSERT_TRUE(counts.ok()) << counts.status().ToString();
    EXPECT_EQ(counts->articles, 0);
    EXPECT_EQ(counts->events, 0);
  }
  EXPECT_EQ(QueryInt(PathIn("new.db"), "PRAGMA user_version"),
            Store::kSchemaVersion);
  EXPECT_EQ(QueryInt(PathIn("new.db"),
                     "SELECT journal_mode = 'wal' FROM pragma_journal_mode"),
            1);
  EXPECT_EQ(QueryInt(PathIn("new.db"),
                     "SELECT count(*) FROM sqlite_schema WHERE name IN "
                     "('articles', 'sentences', 'events', 'quotes', "
                     "'actors')"),
            5);
  // Reopening an existing store works and keeps it.
  auto again = OpenOrDie("new.db", StoreMode::kReadWrite);
  EXPECT_NE(again, nullptr);
}

TEST_F(StoreTest, RoundTripKeepsEveryField) {
  auto store = OpenOrDie("round.db");
  ASSERT_NE(store, nullptr);
  Document doc = SampleDocument();
  Result<bool> put = store->Put(doc);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_TRUE(*put);

  Result<std::vector<StoredEvent>> events = store->FindEvents(EventQuery{});
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  ASSERT_EQ(events->size(), 2u);
  // Ordered by date: the visit (2023-01-31) before the criticism, which
  // falls back to the publication date.
  const StoredEvent& visit = (*events)[0];
  EXPECT_EQ(visit.doc_id, "nato_japan");
  EXPECT_EQ(visit.published, "2023-02-01");
  EXPECT_EQ(visit.sentence, 1);
  ExpectSameActor(visit.source, doc.events[0].source);
  ExpectSameActor(visit.target, doc.events[0].target);
  EXPECT_EQ(visit.cameo, "042");
  EXPECT_EQ(visit.root, "04");
  const CameoCode* code = FindCameo("042");
  ASSERT_NE(code, nullptr);
  EXPECT_EQ(visit.quad, static_cast<int>(code->quad_class));
  EXPECT_EQ(visit.goldstein, static_cast<double>(code->goldstein));
  EXPECT_EQ(visit.plover, std::string_view(code->plover));
  EXPECT_EQ(visit.date, "2023-01-31");
  EXPECT_TRUE(visit.date_from_text);
  EXPECT_TRUE(visit.has_place);
  EXPECT_EQ(visit.place.name, "Tokyo");
  EXPECT_EQ(visit.place.country, "JPN");
  EXPECT_TRUE(visit.place.has_coordinates);
  EXPECT_DOUBLE_EQ(visit.place.lat, 35.68);
  EXPECT_DOUBLE_EQ(visit.place.lon, 139.69);
  EXPECT_EQ(visit.span, doc.events[0].span);
  EXPECT_EQ(visit.evidence, "Stoltenberg met Kishida");
  EXPECT_EQ(visit.rule, "verbs:MEET/042");

  const StoredEvent& criticize = (*events)[1];
  EXPECT_EQ(criticize.cameo, "111");
  EXPECT_EQ(criticize.root, "11");
  EXPECT_EQ(criticize.date, "2023-02-01");
  EXPECT_FALSE(criticize.date_from_text);
  EXPECT_TRUE(criticize.has_place);
  EXPECT_FALSE(criticize.place.has_coordinates);
  EXPECT_EQ(criticize.evidence, "China criticized the alliance");

  Result<std::optional<Document>> article = store->GetArticle("nato_japan");
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  ASSERT_TRUE(article->has_value());
  ExpectSameDocument(**article, doc);

  Result<std::optional<Document>> missing = store->GetArticle("nope");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());

  Result<StoreCounts> counts = store->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->articles, 1);
  EXPECT_EQ(counts->sentences, 3);
  EXPECT_EQ(counts->events, 2);
  EXPECT_EQ(counts->quotes, 1);
  EXPECT_EQ(counts->actors, 3);  // IGOWSTNAT, JPNGOV, CHN
}

TEST_F(StoreTest, EvidenceSlicesBytesNotCharacters) {
  auto store = OpenOrDie("utf8.db");
  ASSERT_NE(store, nullptr);
  Document doc = SampleDocument();
  // Multi-byte characters before the span shift characters, not bytes.
  std::string prefix = "\xc3\x89lys\xc3\xa9\x65 \xe2\x80\x94 ";
  doc.text = prefix + doc.text;
  auto shift = [&](Span& s) {
    if (s.empty() && s.begin == 0) return;
    s.begin += prefix.size();
    s.end += prefix.size();
  };
  for (Sentence& s : doc.sentences) shift(s.span);
  for (Event& e : doc.events) {
    shift(e.span);
    shift(e.source.span);
    shift(e.target.span);
  }
  for (Quote& q : doc.quotes) {
    shift(q.span);
    shift(q.speaker.span);
  }
  ASSERT_TRUE(store->Put(doc).ok());
  Result<std::vector<StoredEvent>> events = store->FindEvents(EventQuery{});
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].evidence, "Stoltenberg met Kishida");
  EXPECT_EQ((*events)[0].evidence, doc.Slice((*events)[0].span));
}

TEST_F(StoreTest, ReingestingTheSameArticleChangesNothing) {
  auto store = OpenOrDie("same.db");
  ASSERT_NE(store, nullptr);
  Document doc = SampleDocument();
  ASSERT_TRUE(*store->Put(doc));
  Result<std::vector<StoredEvent>> before = store->FindEvents(EventQuery{});
  ASSERT_TRUE(before.ok());
  const int64_t changes_before =
      QueryInt(PathIn("same.db"), "SELECT max(id) FROM events");

  Result<bool> again = store->Put(doc);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(*again);

  Result<std::vector<StoredEvent>> after = store->FindEvents(EventQuery{});
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), before->size());
  for (size_t i = 0; i < after->size(); ++i) {
    EXPECT_EQ((*after)[i].id, (*before)[i].id);  // rows were not rewritten
  }
  EXPECT_EQ(QueryInt(PathIn("same.db"), "SELECT max(id) FROM events"),
            changes_before);
  Result<StoreCounts> counts = store->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->articles, 1);
  EXPECT_EQ(counts->sentences, 3);
  EXPECT_EQ(counts->events, 2);
  EXPECT_EQ(counts->quotes, 1);

  // The hash is in the file: a new Store sees the same content too.
  store.reset();
  auto reopened = OpenOrDie("same.db");
  ASSERT_NE(reopened, nullptr);
  Result<bool> third = reopened->Put(doc);
  ASSERT_TRUE(third.ok());
  EXPECT_FALSE(*third);
}

TEST_F(StoreTest, ChangedContentReplacesTheArticleRows) {
  auto store = OpenOrDie("replace.db");
  ASSERT_NE(store, nullptr);
  Document doc = SampleDocument();
  ASSERT_TRUE(*store->Put(doc));
  const int64_t article_id =
      QueryInt(PathIn("replace.db"), "SELECT id FROM articles");

  // A recoded version: one event, a different code, no quotes.
  Document recoded = doc;
  recoded.events.resize(1);
  recoded.events[0].cameo = "043";
  recoded.quotes.clear();
  recoded.headline = "NATO chief meets Kishida";
  Result<bool> put = store->Put(recoded);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_TRUE(*put);

  Result<StoreCounts> counts = store->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->articles, 1);
  EXPECT_EQ(counts->sentences, 3);
  EXPECT_EQ(counts->events, 1);
  EXPECT_EQ(counts->quotes, 0);
  EXPECT_EQ(counts->actors, 2);  // CHN went away with its event
  Result<std::vector<StoredEvent>> events = store->FindEvents(EventQuery{});
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].cameo, "043");
  Result<std::optional<Document>> article = store->GetArticle("nato_japan");
  ASSERT_TRUE(article.ok() && article->has_value());
  ExpectSameDocument(**article, recoded);
  EXPECT_EQ(QueryInt(PathIn("replace.db"), "SELECT id FROM articles"),
            article_id);

  // Putting the first version back restores it.
  EXPECT_TRUE(*store->Put(doc));
  article = store->GetArticle("nato_japan");
  ASSERT_TRUE(article.ok() && article->has_value());
  ExpectSameDocument(**article, doc);
}

TEST_F(StoreTest, AnyStoredFieldChangeCountsAsNewContent) {
  auto store = OpenOrDie("fields.db");
  ASSERT_NE(store, nullptr);
  Document base = SampleDocument();
  ASSERT_TRUE(*store->Put(base));
  std::vector<std::function<void(Document&)>> edits = {
      [](Document& d) { d.text += " "; },
      [](Document& d) { d.authors.push_back("X"); },
      [](Document& d) { d.categories.clear(); },
      [](Document& d) { d.sentences[0].part = PartKind::kBody; },
      [](Document& d) { d.events[0].source.code = "IGOUNO"; },
      [](Document& d) { d.events[0].place.lat += 0.01; },
      [](Document& d) { d.events[1].date_from_text = true; },
      [](Document& d) { d.quotes[0].speaker.code = ""; },
      [](Document& d) { d.url.clear(); },
  };
  for (size_t i = 0; i < edits.size(); ++i) {
    Document changed = base;
    edits[i](changed);
    Result<bool> put = store->Put(changed);
    ASSERT_TRUE(put.ok()) << put.status().ToString();
    EXPECT_TRUE(*put) << "edit " << i;
    EXPECT_TRUE(*store->Put(base)) << "edit " << i;
  }
}

TEST_F(StoreTest, ProvenanceAloneIsNotNewContent) {
  auto store = OpenOrDie("provenance.db");
  ASSERT_NE(store, nullptr);
  Document doc = SampleDocument();
  ASSERT_TRUE(*store->Put(doc));
  Document moved = doc;
  moved.source = "./elsewhere/" + doc.doc_id + ".txt";
  moved.line = 12;
  Result<bool> put = store->Put(moved);
  ASSERT_TRUE(put.ok());
  EXPECT_FALSE(*put);
  Result<std::optional<Document>> article = store->GetArticle(doc.doc_id);
  ASSERT_TRUE(article.ok() && article->has_value());
  EXPECT_EQ((**article).source, doc.source);  // the first provenance stays
}

// All events from a corpus of documents with varied actors, codes, dates.
std::vector<Document> FilterCorpus() {
  struct Row {
    const char* source;
    const char* target;
    const char* cameo;
    const char* date;
  };
  const std::vector<std::vector<Row>> articles = {
      {{"USA", "RUS", "042", "2023-01-05"}, {"RUSGOV", "USA", "111", ""}},
      {{"JPNGOV", "IGOWSTNAT", "036", "2023-01-31"},
       {"IGOWSTNAT", "JPN", "042", "2023-02-01"},
       {"CHN", "JPNMIL", "190", "2022-12-31"}},
      {{"USAMIL", "RUSMIL", "190", "2023-03-10"},
       {"RUS", "USAGOV", "0431", "2023-03-11"},
       {"", "UKR", "020", "2023-03-12"},
       {"UKRGOV", "", "999", "2023-03-12"}},
      {{"USA' OR '1'='1", "RUS%", "042", "2023-04-01"}},
  };
  std::vector<Document> docs;
  for (size_t a = 0; a < articles.size(); ++a) {
    Document doc;
    doc.doc_id = "doc" + std::to_string(a);
    doc.source = doc.doc_id + ".txt";
    doc.published = "2023-02-15";
    for (const Row& row : articles[a]) {
      Event event;
      event.source.code = row.source;
      event.target.code = row.target;
      event.cameo = row.cameo;
      event.date = row.date;
      event.sentence = 0;
      event.rule = "test";
      doc.events.push_back(event);
    }
    docs.push_back(doc);
  }
  return docs;
}

bool StartsWith(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// The obviously-correct filter the SQL must agree with.
bool ReferenceMatch(const StoredEvent& e, const EventQuery& q) {
  auto prefix = [](const std::string& code, const std::string& p) {
    return p.empty() || StartsWith(code, p);
  };
  if (!q.actor.empty() && !StartsWith(e.source.code, q.actor) &&
      !StartsWith(e.target.code, q.actor)) {
    return false;
  }
  bool forward =
      prefix(e.source.code, q.source) && prefix(e.target.code, q.target);
  bool backward =
      q.both_directions && (!q.source.empty() || !q.target.empty()) &&
      prefix(e.source.code, q.target) && prefix(e.target.code, q.source);
  if (!forward && !backward) return false;
  if (!prefix(e.cameo, q.cameo)) return false;
  if (!q.root.empty() && e.root != q.root) return false;
  if (!q.date_from.empty() && (e.date.empty() || e.date < q.date_from)) {
    return false;
  }
  if (!q.date_to.empty() &&
      (e.date.empty() ||
       (e.date > q.date_to && !StartsWith(e.date, q.date_to)))) {
    return false;
  }
  return true;
}

std::vector<int64_t> Ids(const std::vector<StoredEvent>& events) {
  std::vector<int64_t> ids;
  for (const StoredEvent& e : events) ids.push_back(e.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

class StoreFilterTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    store_ = OpenOrDie("filters.db");
    ASSERT_NE(store_, nullptr);
    Result<int64_t> put = store_->PutAll(FilterCorpus());
    ASSERT_TRUE(put.ok()) << put.status().ToString();
    ASSERT_EQ(*put, 4);
    Result<std::vector<StoredEvent>> all = store_->FindEvents(EventQuery{});
    ASSERT_TRUE(all.ok());
    all_ = *all;
    ASSERT_EQ(all_.size(), 10u);
  }

  std::vector<std::string> Matches(const EventQuery& query) {
    Result<std::vector<StoredEvent>> events = store_->FindEvents(query);
    EXPECT_TRUE(events.ok()) << events.status().ToString();
    std::vector<std::string> codes;
    if (!events.ok()) return codes;
    for (const StoredEvent& e : *events) {
      codes.push_back(e.source.code + ">" + e.target.code + ":" + e.cameo);
    }
    return codes;
  }

  std::unique_ptr<Store> store_;
  std::vector<StoredEvent> all_;
};

using Codes = std::vector<std::string>;

TEST_F(StoreFilterTest, ActorMatchesEitherSideByPrefix) {
  EventQuery query;
  query.actor = "JPN";
  EXPECT_EQ(Matches(query), (Codes{"CHN>JPNMIL:190", "JPNGOV>IGOWSTNAT:036",
                                   "IGOWSTNAT>JPN:042"}));
}

TEST_F(StoreFilterTest, DyadIsDirectedUnlessBothDirections) {
  EventQuery query;
  query.source = "USA";
  query.target = "RUS";
  EXPECT_EQ(Matches(query), (Codes{"USA>RUS:042", "USAMIL>RUSMIL:190",
                                   "USA' OR '1'='1>RUS%:042"}));
  query.both_directions = true;
  EXPECT_EQ(Matches(query),
            (Codes{"USA>RUS:042", "RUSGOV>USA:111", "USAMIL>RUSMIL:190",
                   "RUS>USAGOV:0431", "USA' OR '1'='1>RUS%:042"}));
  query.source = "USAMIL";
  EXPECT_EQ(Matches(query), (Codes{"USAMIL>RUSMIL:190"}));
}

TEST_F(StoreFilterTest, SourceOrTargetAlone) {
  EventQuery query;
  query.target = "UKR";
  EXPECT_EQ(Matches(query), (Codes{">UKR:020"}));
  query = EventQuery{};
  query.source = "UKRGOV";
  EXPECT_EQ(Matches(query), (Codes{"UKRGOV>:999"}));
}

TEST_F(StoreFilterTest, CameoPrefixAndRoot) {
  EventQuery query;
  query.cameo = "04";
  EXPECT_EQ(Matches(query),
            (Codes{"USA>RUS:042", "IGOWSTNAT>JPN:042", "RUS>USAGOV:0431",
                   "USA' OR '1'='1>RUS%:042"}));
  query.cameo = "043";
  EXPECT_EQ(Matches(query), (Codes{"RUS>USAGOV:0431"}));
  query = EventQuery{};
  query.root = "19";
  EXPECT_EQ(Matches(query), (Codes{"CHN>JPNMIL:190", "USAMIL>RUSMIL:190"}));
}

TEST_F(StoreFilterTest, UnknownCameoCodeHasNoDerivedFields) {
  EventQuery query;
  query.cameo = "999";
  Result<std::vector<StoredEvent>> events = store_->FindEvents(query);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].root, "");
  EXPECT_FALSE((*events)[0].quad.has_value());
  EXPECT_FALSE((*events)[0].goldstein.has_value());
}

TEST_F(StoreFilterTest, DateRangeIsInclusiveAndTakesPartialDates) {
  EventQuery query;
  query.date_from = "2023-01-31";
  query.date_to = "2023-02";
  // The undated RUSGOV event took the publication date 2023-02-15.
  EXPECT_EQ(Matches(query), (Codes{"JPNGOV>IGOWSTNAT:036", "IGOWSTNAT>JPN:042",
                                   "RUSGOV>USA:111"}));
  query = EventQuery{};
  query.date_to = "2022";
  EXPECT_EQ(Matches(query), (Codes{"CHN>JPNMIL:190"}));
}

TEST_F(StoreFilterTest, LimitAndOffsetPageThroughTheDateOrder) {
  EventQuery query;
  query.limit = 3;
  Result<std::vector<StoredEvent>> page1 = store_->FindEvents(query);
  query.offset = 3;
  Result<std::vector<StoredEvent>> page2 = store_->FindEvents(query);
  ASSERT_TRUE(page1.ok() && page2.ok());
  ASSERT_EQ(page1->size(), 3u);
  ASSERT_EQ(page2->size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ((*page1)[i].id, all_[i].id);
    EXPECT_EQ((*page2)[i].id, all_[3 + i].id);
  }
  EXPECT_TRUE(std::is_sorted(all_.begin(), all_.end(),
                             [](const StoredEvent& a, const StoredEvent& b) {
                               return a.date < b.date;
                             }));
  Result<int64_t> count = store_->CountEvents(query);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 10);  // limit and offset do not apply to counts
}

TEST_F(StoreFilterTest, ForEachEventVisitsWhatFindEventsReturns) {
  EventQuery query;
  query.actor = "JPN";
  Result<std::vector<StoredEvent>> found = store_->FindEvents(query);
  ASSERT_TRUE(found.ok());
  ASSERT_FALSE(found->empty());
  std::vector<int64_t> visited;
  Status status = store_->ForEachEvent(query, [&](StoredEvent event) {
    visited.push_back(event.id);
    // Reading the store from inside the visit is allowed.
    Result<std::optional<Document>> article = store_->GetArticle(event.doc_id);
    EXPECT_TRUE(article.ok() && article->has_value());
    return Status::Ok();
  });
  ASSERT_TRUE(status.ok()) << status.ToString();
  std::vector<int64_t> expected;
  for (const StoredEvent& e : *found) expected.push_back(e.id);
  EXPECT_EQ(visited, expected);  // same events, same order

  // Limit and offset hold; the visitor's error stops the walk.
  query = EventQuery{};
  query.offset = 2;
  query.limit = 3;
  visited.clear();
  status = store_->ForEachEvent(query, [&](StoredEvent event) {
    visited.push_back(event.id);
    return visited.size() == 2 ? Internal("enough") : Status::Ok();
  });
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_EQ(visited, (std::vector<int64_t>{all_[2].id, all_[3].id}));
}

TEST_F(StoreFilterTest, InjectionLookingInputsAreData) {
  EventQuery query;
  query.actor = "' OR 1=1 --";
  EXPECT_EQ(Matches(query), Codes{});
  query.actor = "USA' OR '1'='1";
  EXPECT_EQ(Matches(query), (Codes{"USA' OR '1'='1>RUS%:042"}));
  query = EventQuery{};
  query.target = "RUS%";  // % is not a wildcard
  EXPECT_EQ(Matches(query), (Codes{"USA' OR '1'='1>RUS%:042"}));
  query.target = "R_S";  // nor is _
  EXPECT_EQ(Matches(query), Codes{});
  query = EventQuery{};
  query.cameo = "0'); DROP TABLE events; --";
  EXPECT_EQ(Matches(query), Codes{});
  query = EventQuery{};
  query.date_from = "x' OR date IS NULL OR '";
  EXPECT_EQ(Matches(query), Codes{});
  Result<StoreCounts> counts = store_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->events, 10);

  // The same goes for the values Put writes.
  Document doc = SampleDocument("x'); DROP TABLE events; --");
  ASSERT_TRUE(*store_->Put(doc));
  Result<std::optional<Document>> back = store_->GetArticle(doc.doc_id);
  ASSERT_TRUE(back.ok() && back->has_value());
  EXPECT_EQ((**back).doc_id, doc.doc_id);
  counts = store_->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->events, 12);
}

TEST_F(StoreFilterTest, RandomQueriesAgreeWithTheReferenceFilter) {
  const std::vector<std::string> codes = {"",    "U",      "USA", "USAM",
                                          "RUS", "RUSGOV", "JPN", "IGO",
                                          "CHN", "UKR",    "ZZZ", "US"};
  const std::vector<std::string> cameos = {"",    "0",  "04", "042",
                                           "043", "19", "1",  "9"};
  const std::vector<std::string> roots = {"", "04", "19", "11", "02"};
  const std::vector<std::string> dates = {
      "", "2022", "2023-01", "2023-02", "2023-01-31", "2023-03-12", "2024"};
  std::mt19937 rng(20230201);
  auto pick = [&](const std::vector<std::string>& v) {
    return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
  };
  for (int i = 0; i < 400; ++i) {
    EventQuery query;
    query.actor = pick(codes);
    query.source = pick(codes);
    query.target = pick(codes);
    query.both_directions = rng() % 2;
    query.cameo = pick(cameos);
    query.root = pick(roots);
    query.date_from = pick(dates);
    query.date_to = pick(dates);
    std::vector<StoredEvent> want;
    for (const StoredEvent& e : all_) {
      if (ReferenceMatch(e, query)) want.push_back(e);
    }
    Result<std::vector<StoredEvent>> got = store_->FindEvents(query);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(Ids(*got), Ids(want))
        << "actor=" << query.actor << " source=" << query.source
        << " target=" << query.target << " both=" << query.both_directions
        << " cameo=" << query.cameo << " root=" << query.root
        << " from=" << query.date_from << " to=" << query.date_to;
    Result<int64_t> count = store_->CountEvents(query);
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, static_cast<int64_t>(want.size()));
  }
}

TEST_F(StoreTest, ActorsViewSummarisesCodes) {
  auto store = OpenOrDie("actors.db");
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutAll(FilterCorpus()).ok());
  const std::string path = PathIn("actors.db");
  store.reset();
  EXPECT_EQ(QueryInt(path, "SELECT as_source FROM actors WHERE code = 'USA'"),
            1);
  EXPECT_EQ(QueryInt(path, "SELECT as_target FROM actors WHERE code = 'USA'"),
            1);
  EXPECT_EQ(QueryInt(path,
                     "SELECT first_date = '2023-01-31' AND last_date = "
                     "'2023-02-01' FROM actors WHERE code = 'IGOWSTNAT'"),
            1);
  EXPECT_EQ(QueryInt(path, "SELECT count(*) FROM actors WHERE code = ''"), 0);
}

TEST_F(StoreTest, RejectsDocumentsItCannotStoreFaithfully) {
  auto store = OpenOrDie("reject.db");
  ASSERT_NE(store, nullptr);
  Document no_id = SampleDocument();
  no_id.doc_id.clear();
  Result<bool> put = store->Put(no_id);
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(put.status().message().find("doc_id"), std::string::npos);

  Document bad_span = SampleDocument();
  bad_span.events[1].span = Span{10, 100000};
  put = store->Put(bad_span);
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(put.status().message().find("event 1"), std::string::npos)
      << put.status().message();
  EXPECT_NE(put.status().message().find("nato_japan"), std::string::npos);

  Result<StoreCounts> counts = store->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->articles, 0);
}

TEST_F(StoreTest, PutAllSkipsBadDocumentsAndKeepsTheRest) {
  auto store = OpenOrDie("batch.db");
  ASSERT_NE(store, nullptr);
  std::vector<Document> docs = {SampleDocument("a"), SampleDocument("b"),
                                SampleDocument("c"), SampleDocument("a")};
  docs[1].quotes[0].span = Span{5, 4};  // reversed: rejected
  std::vector<Status> errors;
  Result<int64_t> put = store->PutAll(docs, &errors);
  ASSERT_TRUE(put.ok()) << put.status().ToString();
  EXPECT_EQ(*put, 2);  // a and c; the second a is unchanged
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message().find("\"b\""), std::string::npos);
  Result<StoreCounts> counts = store->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->articles, 2);
  EXPECT_EQ(counts->events, 4);
}

TEST_F(StoreTest, RollbackBatchDropsItsDocuments) {
  auto store = OpenOrDie("rollback.db");
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(*store->Put(SampleDocument("kept")));
  ASSERT_TRUE(store->BeginBatch().ok());
  EXPECT_FALSE(store->BeginBatch().ok());  // no nesting
  ASSERT_TRUE(*store->Put(SampleDocument("dropped")));
  Result<std::optional<Document>> seen = store->GetArticle("dropped");
  ASSERT_TRUE(seen.ok());
  EXPECT_TRUE(seen->has_value());  // visible inside the batch
  ASSERT_TRUE(store->RollbackBatch().ok());
  Result<StoreCounts> counts = store->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->articles, 1);
  EXPECT_FALSE(store->CommitBatch().ok());  // nothing open
}

TEST_F(StoreTest, ReadersAreNotBlockedByAnOpenBatch) {
  auto writer = OpenOrDie("wal.db");
  ASSERT_NE(writer, nullptr);
  ASSERT_TRUE(*writer->Put(SampleDocument("committed")));
  ASSERT_TRUE(writer->BeginBatch().ok());
  ASSERT_TRUE(*writer->Put(SampleDocument("pending")));

  auto reader = OpenOrDie("wal.db", StoreMode::kReadOnly);
  ASSERT_NE(reader, nullptr);
  Result<StoreCounts> counts = reader->Counts();
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->articles, 1);  // the batch is not visible yet

  ASSERT_TRUE(writer->CommitBatch().ok());
  counts = reader->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->articles, 2);
}

TEST_F(StoreTest, ReadOnlyStoreAnswersQueriesButRefusesPuts) {
  {
    auto store = OpenOrDie("ro.db");
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(*store->Put(SampleDocument()));
  }
  auto store = OpenOrDie("ro.db", StoreMode::kReadOnly);
  ASSERT_NE(store, nullptr);
  Result<std::vector<StoredEvent>> events = store->FindEvents(EventQuery{});
  ASSERT_TRUE(events.ok()) << events.status().ToString();
  EXPECT_EQ(events->size(), 2u);
  Result<bool> put = store->Put(SampleDocument("other"));
  ASSERT_FALSE(put.ok());
  EXPECT_NE(put.status().message().find("read-only"), std::string::npos);
}

TEST_F(StoreTest, MissingFileIsNotFoundUnlessCreating) {
  for (StoreMode mode : {StoreMode::kReadOnly, StoreMode::kReadWrite}) {
    Result<std::unique_ptr<Store>> store =
        Store::Open(PathIn("absent.db"), mode);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), StatusCode::kNotFound);
    EXPECT_NE(store.status().message().find("absent.db"), std::string::npos);
  }
  EXPECT_FALSE(fs::exists(PathIn("absent.db")));
}

TEST_F(StoreTest, GarbageFileIsAClearError) {
  std::string garbage;
  std::mt19937 rng(7);
  for (int i = 0; i < 8192; ++i) garbage.push_back(static_cast<char>(rng()));
  WriteFile(PathIn("garbage.db"), garbage);
  for (StoreMode mode : {StoreMode::kReadWriteCreate, StoreMode::kReadOnly}) {
    Result<std::unique_ptr<Store>> store =
        Store::Open(PathIn("garbage.db"), mode);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), StatusCode::kDataLoss);
    EXPECT_NE(store.status().message().find("garbage.db"), std::string::npos);
    EXPECT_NE(store.status().message().find("not a database"),
              std::string::npos)
        << store.status().message();
  }
  // The file was left as it was.
  std::ifstream in(PathIn("garbage.db"), std::ios::binary);
  std::string after((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  EXPECT_EQ(after, garbage);
}

TEST_F(StoreTest, DamagedStoreFailsCleanly) {
  {
    auto store = OpenOrDie("damaged.db");
    ASSERT_NE(store, nullptr);
    std::vector<Document> docs;
    for (int i = 0; i < 200; ++i)
      docs.push_back(SampleDocument(std::to_string(i)));
    ASSERT_TRUE(store->PutAll(docs).ok());
  }  // the last close checkpoints the WAL into the file
  // Keep the header and schema page, scribble over the rest.
  std::fstream file(PathIn("damaged.db"),
                    std::ios::binary | std::ios::in | std::ios::out);
  const auto size = fs::file_size(PathIn("damaged.db"));
  ASSERT_GT(size, 3 * 4096u);
  file.seekp(2 * 4096);
  std::string junk(size - 2 * 4096, '\x5a');
  file.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  file.close();

  Result<std::unique_ptr<Store>> store =
      Store::Open(PathIn("damaged.db"), StoreMode::kReadOnly);
  Status status = store.ok() ? Status::Ok() : store.status();
  if (store.ok()) {
    Result<std::vector<StoredEvent>> events =
        (*store)->FindEvents(EventQuery{});
    if (!events.ok()) status = events.status();
  }
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kDataLoss) << status.ToString();
  EXPECT_NE(status.message().find("damaged.db"), std::string::npos);
}

TEST_F(StoreTest, ForeignSqliteDatabaseIsNotAStore) {
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(PathIn("other.db").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  Result<std::unique_ptr<Store>> store = Store::Open(PathIn("other.db"));
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(store.status().message().find("not a dyad store"),
            std::string::npos);
}

// A store with one quote, optionally stepped back to schema version 1 (no
// full-text index), as an older dyad wrote it.
Document QuotedDocument(const std::string& doc_id, const std::string& words) {
  Document doc;
  doc.doc_id = doc_id;
  doc.source = "test";
  doc.text = "\"" + words + "\", the minister said.";
  Quote quote;
  quote.text = words;
  quote.span = Span{1, static_cast<uint32_t>(1 + words.size())};
  quote.speaker = ActorRef{"JPNGOV", "the minister", Span{0, 0}};
  doc.quotes.push_back(quote);
  return doc;
}

TEST_F(StoreTest, VersionOneStoresAreUpgradedWhenOpenedWritable) {
  const std::string path = PathIn("v1.db");
  {
    auto store = OpenOrDie("v1.db");
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(
        store->Put(QuotedDocument("old", "we defend the islands")).ok());
  }
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "DROP VIEW merged_event_articles; DROP TABLE "
                           "merged_events; DROP TABLE event_buckets; DROP "
                           "INDEX events_bucket; ALTER TABLE events DROP "
                           "COLUMN bucket; "
                           "DROP TRIGGER quotes_fts_insert; DROP TRIGGER "
                           "quotes_fts_delete; DROP TRIGGER quotes_fts_update; "
                           "DROP TABLE quotes_fts; DROP INDEX events_place; "
                           "PRAGMA user_version = 1",
                           nullptr, nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  const std::string has_fts =
      "SELECT count(*) FROM sqlite_schema WHERE name = 'quotes_fts'";
  {
    // Read-only: opened as it is, not changed.
    auto store = OpenOrDie("v1.db", StoreMode::kReadOnly);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->Counts()->quotes, 1);
  }
  EXPECT_EQ(QueryInt(path, "PRAGMA user_version"), 1);
  EXPECT_EQ(QueryInt(path, has_fts), 0);
  {
    auto store = OpenOrDie("v1.db", StoreMode::kReadWrite);
    ASSERT_NE(store, nullptr);
    // Quotes stored afterwards are indexed by the triggers.
    ASSERT_TRUE(store->Put(QuotedDocument("new", "trade talks go on")).ok());
  }
  EXPECT_EQ(QueryInt(path, "PRAGMA user_version"), Store::kSchemaVersion);
  EXPECT_EQ(QueryInt(path, has_fts), 1);
  const std::string match =
      "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ";
  EXPECT_EQ(QueryInt(path, match + "'defend'"), 1);  // rebuilt from v1 rows
  EXPECT_EQ(QueryInt(path, match + "'trade'"), 1);
  {
    // Replacing an article replaces its quotes in the index too.
    auto store = OpenOrDie("v1.db");
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->Put(QuotedDocument("new", "peace talks go on")).ok());
  }
  EXPECT_EQ(QueryInt(path, match + "'trade'"), 0);
  EXPECT_EQ(QueryInt(path, match + "'peace'"), 1);
}

TEST_F(StoreTest, NewerSchemaVersionIsRefused) {
  { ASSERT_NE(OpenOrDie("newer.db"), nullptr); }
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(PathIn("newer.db").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(
        sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr),
        SQLITE_OK);
    sqlite3_close(db);
  }
  Result<std::unique_ptr<Store>> store = Store::Open(PathIn("newer.db"));
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(store.status().message().find("newer dyad"), std::string::npos)
      << store.status().message();
  EXPECT_NE(store.status().message().find("99"), std::string::npos);
}

void ExpectCannotCreate(const std::string& path) {
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok()) << path;
  EXPECT_EQ(store.status().code(), StatusCode::kIoError)
      << store.status().ToString();
  EXPECT_NE(store.status().message().find(path), std::string::npos)
      << store.status().message();
  EXPECT_NE(store.status().message().find("cannot open or create"),
            std::string::npos)
      << store.status().message();
}

TEST_F(StoreTest, UnwritableLocationIsAClearError) {
  // A path under a regular file and one under /proc fail even for root.
  WriteFile(PathIn("plain"), "x");
  ExpectCannotCreate(PathIn("plain") + "/store.db");
  ExpectCannotCreate(PathIn("missing_dir") + "/store.db");
  if (fs::is_directory("/proc/self")) ExpectCannotCreate("/proc/dyad_store.db");
}

TEST_F(StoreTest, ReadOnlyDirectoryIsAClearError) {
  const std::string locked = PathIn("locked");
  fs::create_directory(locked);
  fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
  if (access(locked.c_str(), W_OK) == 0) {
    GTEST_SKIP() << "running as a user that may write to a read-only "
                    "directory (root); the mode-0500 case is not checked";
  }
  ExpectCannotCreate(locked + "/store.db");
}

TEST_F(StoreTest, DirectoryIsNotAStoreFile) {
  Result<std::unique_ptr<Store>> store = Store::Open(dir_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(store.status().message().find("directory"), std::string::npos);
}

}  // namespace
}  // namespace dyad
