#include "dyad/store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

#include "dyad/codes.h"
#include "store/content_hash.h"
#include "store/event_filter.h"
#include "store/merged_events.h"
#include "store/schema.h"
#include "store/sqlite_statement.h"

namespace dyad {
namespace {

using store_internal::ContentHasher;
using store_internal::Exec;
using store_internal::SqliteStatus;
using store_internal::Statement;

// What Put stores for an event beyond the Event itself: the fields looked
// up in the CAMEO tables and the date after the publication-date fallback.
struct DerivedEvent {
  std::string_view root;  // "" when the code is unknown
  std::optional<int> quad;
  std::optional<double> goldstein;
  std::string_view plover;
  std::string_view date;  // "" when unknown
};

DerivedEvent Derive(const Document& doc, const Event& event) {
  DerivedEvent derived;
  if (const CameoCode* code = FindCameo(event.cameo)) {
    derived.root = std::string_view(code->root);
    derived.quad = static_cast<int>(code->quad_class);
    derived.goldstein = static_cast<double>(code->goldstein);
    derived.plover = std::string_view(code->plover);
  }
  derived.date = event.date.empty() ? std::string_view(doc.published)
                                    : std::string_view(event.date);
  return derived;
}

std::string JsonArray(const std::vector<std::string>& values) {
  // Replace, rather than throw on, bytes that are not UTF-8: ingest should
  // have rejected them, and a store must not throw.
  return nlohmann::json(values).dump(-1, ' ', false,
                                     nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> ParseJsonArray(const std::string& text) {
  std::vector<std::string> values;
  nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  if (!parsed.is_array()) return values;
  for (const nlohmann::json& item : parsed) {
    if (item.is_string()) values.push_back(item.get<std::string>());
  }
  return values;
}

Result<PartKind> ParsePartKind(const std::string& name) {
  for (PartKind kind :
       {PartKind::kSection, PartKind::kHeadline, PartKind::kCaption,
        PartKind::kBody, PartKind::kByline, PartKind::kCategories}) {
    if (name == PartKindName(kind)) return kind;
  }
  return DataLoss("unknown sentence part \"" + name + "\"");
}

void HashActor(ContentHasher& hasher, const ActorRef& actor) {
  hasher.AddString(actor.code);
  hasher.AddString(actor.text);
  hasher.AddInt(actor.span.begin);
  hasher.AddInt(actor.span.end);
}

// Hashes what Put writes, so that any change to a stored column, including
// one that comes from newer CAMEO tables, changes the hash. Provenance
// (source path and line) is left out: the same article read again through
// another path, or from a shifted JSONL line, is not new content.
std::string ContentHash(const Document& doc,
                        const std::vector<DerivedEvent>& derived) {
  ContentHasher hasher;
  // The version of what is hashed, not the schema version: schema version 2
  // only added indexes, and bumping this would make every stored article
  // look changed to the next `dyad code` run.
  hasher.AddInt(1);
  for (const std::string* field :
       {&doc.doc_id, &doc.url, &doc.published, &doc.section, &doc.headline,
        &doc.caption, &doc.dateline, &doc.agency, &doc.text}) {
    hasher.AddString(*field);
  }
  for (const std::vector<std::string>* list : {&doc.authors, &doc.categories}) {
    hasher.AddInt(static_cast<int64_t>(list->size()));
    for (const std::string& item : *list) hasher.AddString(item);
  }
  hasher.AddInt(static_cast<int64_t>(doc.sentences.size()));
  for (const Sentence& sentence : doc.sentences) {
    hasher.AddInt(sentence.span.begin);
    hasher.AddInt(sentence.span.end);
    hasher.AddInt(static_cast<int64_t>(sentence.part));
    hasher.AddInt(sentence.paragraph);
  }
  hasher.AddInt(static_cast<int64_t>(doc.events.size()));
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& event = doc.events[i];
    const DerivedEvent& extra = derived[i];
    hasher.AddInt(event.sentence);
    HashActor(hasher, event.source);
    HashActor(hasher, event.target);
    hasher.AddString(event.cameo);
    hasher.AddString(extra.root);
    hasher.AddInt(extra.quad.value_or(-1000));
    hasher.AddDouble(extra.goldstein.value_or(-1000));
    hasher.AddString(extra.plover);
    hasher.AddString(extra.date);
    hasher.AddBool(event.date_from_text);
    hasher.AddBool(event.has_place);
    if (event.has_place) {
      hasher.AddString(event.place.name);
      hasher.AddString(event.place.country);
      hasher.AddBool(event.place.has_coordinates);
      if (event.place.has_coordinates) {
        hasher.AddDouble(event.place.lat);
        hasher.AddDouble(event.place.lon);
      }
    }
    hasher.AddInt(event.span.begin);
    hasher.AddInt(event.span.end);
    hasher.AddString(event.rule);
  }
  hasher.AddInt(static_cast<int64_t>(doc.quotes.size()));
  for (const Quote& quote : doc.quotes) {
    hasher.AddString(quote.text);
    hasher.AddInt(quote.span.begin);
    hasher.AddInt(quote.span.end);
    HashActor(hasher, quote.speaker);
  }
  return hasher.Hex();
}

Status CheckSpan(const Document& doc, Span span, const std::string& what) {
  if (span.begin <= span.end && span.end <= doc.text.size()) {
    return Status::Ok();
  }
  return InvalidArgument(
      doc.source + ": document \"" + doc.doc_id + "\": " + what + " span [" +
      std::to_string(span.begin) + ", " + std::to_string(span.end) +
      ") is outside its text of " + std::to_string(doc.text.size()) + " bytes");
}

// Every span must slice the text, or the stored evidence could not be
// traced back to it.
Status CheckSpans(const Document& doc) {
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    DYAD_RETURN_IF_ERROR(
        CheckSpan(doc, doc.sentences[i].span, "sentence " + std::to_string(i)));
  }
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& event = doc.events[i];
    std::string name = "event " + std::to_string(i);
    DYAD_RETURN_IF_ERROR(CheckSpan(doc, event.span, name));
    DYAD_RETURN_IF_ERROR(CheckSpan(doc, event.source.span, name + " source"));
    DYAD_RETURN_IF_ERROR(CheckSpan(doc, event.target.span, name + " target"));
  }
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    std::string name = "quote " + std::to_string(i);
    DYAD_RETURN_IF_ERROR(CheckSpan(doc, doc.quotes[i].span, name));
    DYAD_RETURN_IF_ERROR(
        CheckSpan(doc, doc.quotes[i].speaker.span, name + " speaker"));
  }
  return Status::Ok();
}

void BindOptionalText(Statement& statement, int index, std::string_view text) {
  if (text.empty()) {
    statement.BindNull(index);
  } else {
    statement.BindText(index, text);
  }
}

// Columns read by ReadEvent, in its order; `e` is events, `a` articles,
// `b` event_buckets. The last one, the merged event, follows (kMergedColumn
// or kNoMergedColumn).
constexpr char kEventColumns[] =
    "SELECT e.id, a.doc_id, a.published, e.sentence, "
    "e.source_code, e.source_text, e.source_begin, e.source_end, "
    "e.target_code, e.target_text, e.target_begin, e.target_end, "
    "e.cameo, e.root, e.quad, e.goldstein, e.plover, e.date, "
    "e.date_from_text, e.place_name, e.place_country, e.place_lat, "
    "e.place_lon, e.span_begin, e.span_end, e.rule, "
    "substr(CAST(a.text AS BLOB), e.span_begin + 1, "
    "e.span_end - e.span_begin), ";
constexpr char kMergedColumn[] = "b.merged_event ";
// A store of schema version 2 opened read-only has no buckets.
constexpr char kNoMergedColumn[] = "0 ";
constexpr int kEventColumnCount = 28;
constexpr char kEventsFrom[] =
    "FROM events AS e JOIN articles AS a ON a.id = e.article ";
constexpr char kBucketsJoin[] =
    "LEFT JOIN event_buckets AS b ON b.id = e.bucket ";

Span ReadSpan(const Statement& row, int column) {
  return Span{static_cast<uint32_t>(row.Int(column)),
              static_cast<uint32_t>(row.Int(column + 1))};
}

StoredEvent ReadEvent(const Statement& row) {
  StoredEvent event;
  event.id = row.Int(0);
  event.doc_id = row.Text(1);
  event.published = row.Text(2);
  event.sentence = static_cast<int>(row.Int(3));
  event.source = ActorRef{row.Text(4), row.Text(5), ReadSpan(row, 6)};
  event.target = ActorRef{row.Text(8), row.Text(9), ReadSpan(row, 10)};
  event.cameo = row.Text(12);
  event.root = row.Text(13);
  if (!row.IsNull(14)) event.quad = static_cast<int>(row.Int(14));
  if (!row.IsNull(15)) event.goldstein = row.Double(15);
  event.plover = row.Text(16);
  event.date = row.Text(17);
  event.date_from_text = row.Int(18) != 0;
  event.has_place = !row.IsNull(19);
  if (event.has_place) {
    event.place.name = row.Text(19);
    event.place.country = row.Text(20);
    event.place.has_coordinates = !row.IsNull(21) && !row.IsNull(22);
    if (event.place.has_coordinates) {
      event.place.lat = row.Double(21);
      event.place.lon = row.Double(22);
    }
  }
  event.span = ReadSpan(row, 23);
  event.rule = row.Text(25);
  event.evidence = row.Text(26);
  event.merged_event = row.Int(27);
  return event;
}

}  // namespace

struct Store::Impl {
  std::string path;
  sqlite3* db = nullptr;
  StoreMode mode = StoreMode::kReadWriteCreate;
  bool in_batch = false;
  bool write_statements_ready = false;
  // Schema version 3 or later: the merged-event tables exist.
  bool has_merged_events = false;
  store_internal::MergedEventWriter merged_events;

  // Cached for Put: compiled once per Store.
  Statement begin, commit, rollback, savepoint, release, rollback_to;
  Statement select_article, insert_article, update_article;
  Statement delete_sentences, delete_events, delete_quotes;
  Statement insert_sentence, insert_event, insert_quote;

  ~Impl() {
    if (db == nullptr) return;
    if (in_batch) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    // close_v2 waits for the Statement members, finalized after this body.
    sqlite3_close_v2(db);
  }

  Status Prepare(Statement& statement, const char* sql) {
    return statement.Prepare(db, &path, sql, /*persistent=*/true);
  }

  Status PrepareWriteStatements();
  // The SELECT ... FROM of events rows for ReadEvent.
  std::string EventSelect() const {
    if (!has_merged_events) {
      return std::string(kEventColumns) + kNoMergedColumn + kEventsFrom;
    }
    return std::string(kEventColumns) + kMergedColumn + kEventsFrom +
           kBucketsJoin;
  }
  Status RequireMergedEvents() const {
    if (has_merged_events) return Status::Ok();
    return InvalidArgument(path +
                           ": a store of schema version 2 opened read-only "
                           "has no merged events; open it writable once to "
                           "build them");
  }
  // What the store holds under a doc_id.
  struct Stored {
    std::optional<int64_t> article;  // row id; nullopt when absent
    bool same_hash = false;          // it holds exactly this content
  };
  Result<Stored> FindStored(const std::string& doc_id, const std::string& hash);
  Result<bool> WriteDocument(const Document& doc,
                             const std::vector<DerivedEvent>& derived,
                             const std::string& hash);
  Status WriteEvents(const Document& doc, int64_t article,
                     const std::vector<DerivedEvent>& derived);
  Status WriteQuotes(const Document& doc, int64_t article);
};

Status Store::Impl::PrepareWriteStatements() {
  if (write_statements_ready) return Status::Ok();
  DYAD_RETURN_IF_ERROR(Prepare(begin, "BEGIN IMMEDIATE"));
  DYAD_RETURN_IF_ERROR(Prepare(commit, "COMMIT"));
  DYAD_RETURN_IF_ERROR(Prepare(rollback, "ROLLBACK"));
  DYAD_RETURN_IF_ERROR(Prepare(savepoint, "SAVEPOINT dyad_put"));
  DYAD_RETURN_IF_ERROR(Prepare(release, "RELEASE dyad_put"));
  DYAD_RETURN_IF_ERROR(Prepare(rollback_to, "ROLLBACK TO dyad_put"));
  DYAD_RETURN_IF_ERROR(
      Prepare(select_article,
              "SELECT id, content_hash FROM articles WHERE doc_id = ?1"));
  DYAD_RETURN_IF_ERROR(Prepare(
      insert_article,
      "INSERT INTO articles (doc_id, source, line, url, published, section, "
      "headline, caption, authors, dateline, agency, categories, text, "
      "content_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
      "?12, ?13, ?14)"));
  DYAD_RETURN_IF_ERROR(Prepare(
      update_article,
      "UPDATE articles SET doc_id = ?1, source = ?2, line = ?3, url = ?4, "
      "published = ?5, section = ?6, headline = ?7, caption = ?8, "
      "authors = ?9, dateline = ?10, agency = ?11, categories = ?12, "
      "text = ?13, content_hash = ?14 WHERE id = ?15"));
  DYAD_RETURN_IF_ERROR(
      Prepare(delete_sentences, "DELETE FROM sentences WHERE article = ?1"));
  DYAD_RETURN_IF_ERROR(
      Prepare(delete_events, "DELETE FROM events WHERE article = ?1"));
  DYAD_RETURN_IF_ERROR(
      Prepare(delete_quotes, "DELETE FROM quotes WHERE article = ?1"));
  DYAD_RETURN_IF_ERROR(Prepare(
      insert_sentence,
      "INSERT INTO sentences (article, idx, span_begin, span_end, part, "
      "paragraph) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  DYAD_RETURN_IF_ERROR(Prepare(
      insert_event,
      "INSERT INTO events (article, idx, sentence, source_code, source_text, "
      "source_begin, source_end, target_code, target_text, target_begin, "
      "target_end, cameo, root, quad, goldstein, plover, date, "
      "date_from_text, place_name, place_country, place_lat, place_lon, "
      "span_begin, span_end, rule, bucket) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
      "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
      "?21, ?22, ?23, ?24, ?25, ?26)"));
  DYAD_RETURN_IF_ERROR(Prepare(
      insert_quote,
      "INSERT INTO quotes (article, idx, text, span_begin, span_end, "
      "speaker_code, speaker_text, speaker_begin, speaker_end) VALUES (?1, "
      "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  DYAD_RETURN_IF_ERROR(merged_events.Prepare(db, &path));
  write_statements_ready = true;
  return Status::Ok();
}

namespace {

// Binds ?1..?14 of the article insert and update, which share that order.
void BindArticle(Statement& s, const Document& doc, const std::string& authors,
                 const std::string& categories, const std::string& hash) {
  s.BindText(1, doc.doc_id);
  s.BindText(2, doc.source);
  s.BindInt(3, static_cast<int64_t>(doc.line));
  s.BindText(4, doc.url);
  BindOptionalText(s, 5, doc.published);
  s.BindText(6, doc.section);
  s.BindText(7, doc.headline);
  s.BindText(8, doc.caption);
  s.BindText(9, authors);
  s.BindText(10, doc.dateline);
  s.BindText(11, doc.agency);
  s.BindText(12, categories);
  s.BindText(13, doc.text);
  s.BindText(14, hash);
}

}  // namespace

Result<Store::Impl::Stored> Store::Impl::FindStored(const std::string& doc_id,
                                                    const std::string& hash) {
  select_article.BindText(1, doc_id);
  Result<bool> found = select_article.Step();
  if (!found.ok()) return found.status();
  Stored stored;
  if (*found) {
    stored.article = select_article.Int(0);
    stored.same_hash = select_article.Text(1) == hash;
  }
  select_article.Reset();
  return stored;
}

Result<bool> Store::Impl::WriteDocument(
    const Document& doc, const std::vector<DerivedEvent>& derived,
    const std::string& hash) {
  Result<Stored> stored = FindStored(doc.doc_id, hash);
  if (!stored.ok()) return stored.status();
  if (stored->same_hash) return false;
  int64_t article = stored->article.value_or(0);
  const bool found = stored->article.has_value();

  const std::string authors = JsonArray(doc.authors);
  const std::string categories = JsonArray(doc.categories);
  merged_events.Begin(doc.doc_id);
  if (found) {
    // Out of their merged events before the rows go.
    DYAD_RETURN_IF_ERROR(merged_events.ForgetArticle(article));
    for (Statement* remove :
         {&delete_sentences, &delete_events, &delete_quotes}) {
      remove->BindInt(1, article);
      DYAD_RETURN_IF_ERROR(remove->Run());
    }
    // Updating in place keeps the article's row id stable.
    BindArticle(update_article, doc, authors, categories, hash);
    update_article.BindInt(15, article);
    DYAD_RETURN_IF_ERROR(update_article.Run());
  } else {
    BindArticle(insert_article, doc, authors, categories, hash);
    DYAD_RETURN_IF_ERROR(insert_article.Run());
    article = sqlite3_last_insert_rowid(db);
  }

  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& sentence = doc.sentences[i];
    insert_sentence.BindInt(1, article);
    insert_sentence.BindInt(2, static_cast<int64_t>(i));
    insert_sentence.BindInt(3, sentence.span.begin);
    insert_sentence.BindInt(4, sentence.span.end);
    insert_sentence.BindText(5, PartKindName(sentence.part));
    insert_sentence.BindInt(6, sentence.paragraph);
    DYAD_RETURN_IF_ERROR(insert_sentence.Run());
  }
  DYAD_RETURN_IF_ERROR(WriteEvents(doc, article, derived));
  DYAD_RETURN_IF_ERROR(merged_events.Finish());
  DYAD_RETURN_IF_ERROR(WriteQuotes(doc, article));
  return true;
}

Status Store::Impl::WriteEvents(const Document& doc, int64_t article,
                                const std::vector<DerivedEvent>& derived) {
  Statement& s = insert_event;
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& event = doc.events[i];
    const DerivedEvent& extra = derived[i];
    s.BindInt(1, article);
    s.BindInt(2, static_cast<int64_t>(i));
    s.BindInt(3, event.sentence);
    s.BindText(4, event.source.code);
    s.BindText(5, event.source.text);
    s.BindInt(6, event.source.span.begin);
    s.BindInt(7, event.source.span.end);
    s.BindText(8, event.target.code);
    s.BindText(9, event.target.text);
    s.BindInt(10, event.target.span.begin);
    s.BindInt(11, event.target.span.end);
    s.BindText(12, event.cameo);
    BindOptionalText(s, 13, extra.root);
    if (extra.quad) s.BindInt(14, *extra.quad);  // else stays NULL
    if (extra.goldstein) s.BindDouble(15, *extra.goldstein);
    BindOptionalText(s, 16, extra.plover);
    BindOptionalText(s, 17, extra.date);
    s.BindInt(18, event.date_from_text ? 1 : 0);
    if (event.has_place) {
      s.BindText(19, event.place.name);
      s.BindText(20, event.place.country);
      if (event.place.has_coordinates) {
        s.BindDouble(21, event.place.lat);
        s.BindDouble(22, event.place.lon);
      }
    }
    s.BindInt(23, event.span.begin);
    s.BindInt(24, event.span.end);
    s.BindText(25, event.rule);
    Result<int64_t> bucket = merged_events.BucketFor(store_internal::MentionKey{
        event.source.code, event.target.code,
        extra.root.empty() ? std::string_view(event.cameo) : extra.root,
        extra.date, event.has_place ? &event.place : nullptr});
    if (!bucket.ok()) {
      s.Reset();
      return bucket.status();
    }
    s.BindInt(26, *bucket);
    DYAD_RETURN_IF_ERROR(s.Run());
    merged_events.Added(sqlite3_last_insert_rowid(db), *bucket,
                        static_cast<int64_t>(i), extra.date, event.has_place);
  }
  return Status::Ok();
}

Status Store::Impl::WriteQuotes(const Document& doc, int64_t article) {
  Statement& s = insert_quote;
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& quote = doc.quotes[i];
    s.BindInt(1, article);
    s.BindInt(2, static_cast<int64_t>(i));
    s.BindText(3, quote.text);
    s.BindInt(4, quote.span.begin);
    s.BindInt(5, quote.span.end);
    s.BindText(6, quote.speaker.code);
    s.BindText(7, quote.speaker.text);
    s.BindInt(8, quote.speaker.span.begin);
    s.BindInt(9, quote.speaker.span.end);
    DYAD_RETURN_IF_ERROR(s.Run());
  }
  return Status::Ok();
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Store::~Store() = default;

const std::string& Store::path() const { return impl_->path; }

namespace {

Status Configure(sqlite3* db, const std::string& path, bool writable) {
  if (writable) {
    // WAL: readers never block the writer; with synchronous=NORMAL a commit
    // does not wait for the disk, and a crash can lose only the last
    // commits, never corrupt the file. A larger autocheckpoint copies pages
    // back to the database less often during bulk loads.
    DYAD_RETURN_IF_ERROR(Exec(db, path,
                              "PRAGMA journal_mode = WAL; "
                              "PRAGMA synchronous = NORMAL; "
                              "PRAGMA wal_autocheckpoint = 16384"));
  }
  return Exec(db, path,
              "PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768; "
              "PRAGMA temp_store = MEMORY");
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path,
                                           StoreMode mode) {
  if (path.empty()) return InvalidArgument("store path is empty");
  struct stat info;
  if (stat(path.c_str(), &info) == 0) {
    if (S_ISDIR(info.st_mode)) {
      return InvalidArgument(path + ": is a directory, not a store file");
    }
  } else if (mode != StoreMode::kReadWriteCreate) {
    return NotFound(path + ": no such store file (" + std::strerror(errno) +
                    ")");
  }

  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->mode = mode;
  int flags = SQLITE_OPEN_NOMUTEX;
  switch (mode) {
    case StoreMode::kReadWriteCreate:
      flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
      break;
    case StoreMode::kReadWrite:
      flags |= SQLITE_OPEN_READWRITE;
      break;
    case StoreMode::kReadOnly:
      flags |= SQLITE_OPEN_READONLY;
      break;
  }
  int rc = sqlite3_open_v2(path.c_str(), &impl->db, flags, nullptr);
  if (rc != SQLITE_OK) {
    int error = sqlite3_system_errno(impl->db);
    std::string what = mode == StoreMode::kReadWriteCreate
                           ? "cannot open or create the store"
                           : "cannot open the store";
    if (error != 0) what += std::string(" (") + std::strerror(error) + ")";
    return SqliteStatus(impl->db, rc, path, what);
  }
  sqlite3_extended_result_codes(impl->db, 1);
  sqlite3_busy_timeout(impl->db, 5000);

  const bool writable = mode != StoreMode::kReadOnly;
  if (writable && sqlite3_db_readonly(impl->db, "main") == 1) {
    // SQLite quietly falls back to reading when the file may not be written.
    return IoError(path + ": the file is read-only, cannot store into it");
  }
  Status status = Configure(impl->db, path, writable);
  if (status.ok()) {
    status =
        store_internal::EnsureSchema(impl->db, path, writable, kSchemaVersion);
  }
  if (status.code() == StatusCode::kDataLoss) {
    // The first read of a foreign or damaged file fails here; say so in
    // words a user can act on.
    std::string detail = status.message();
    if (detail.rfind(path + ": ", 0) == 0) detail.erase(0, path.size() + 2);
    return DataLoss(path + ": not a SQLite database, or a damaged one (" +
                    detail + ")");
  }
  if (!status.ok()) return status;
  Statement version;
  DYAD_RETURN_IF_ERROR(
      version.Prepare(impl->db, &impl->path, "PRAGMA user_version", false));
  Result<bool> row = version.Step();
  if (!row.ok()) return row.status();
  impl->has_merged_events = *row && version.Int(0) >= 3;
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Result<bool> Store::Put(const Document& doc) {
  Impl& impl = *impl_;
  if (doc.doc_id.empty()) {
    return InvalidArgument(impl.path + ": cannot store a document from " +
                           (doc.source.empty() ? "?" : doc.source) +
                           " without a doc_id");
  }
  if (impl.mode == StoreMode::kReadOnly) {
    return InvalidArgument(impl.path + ": opened read-only, cannot store \"" +
                           doc.doc_id + "\"");
  }
  DYAD_RETURN_IF_ERROR(CheckSpans(doc));
  DYAD_RETURN_IF_ERROR(impl.PrepareWriteStatements());

  std::vector<DerivedEvent> derived;
  derived.reserve(doc.events.size());
  for (const Event& event : doc.events) derived.push_back(Derive(doc, event));
  const std::string hash = ContentHash(doc, derived);

  if (!impl.in_batch) {
    // Unchanged content is answered by a read, without taking the write
    // lock, so re-coding a corpus does not contend with other writers.
    // WriteDocument checks again under the lock.
    Result<Impl::Stored> stored = impl.FindStored(doc.doc_id, hash);
    if (!stored.ok()) return stored.status();
    if (stored->same_hash) return false;
  }
  // Inside a batch a savepoint keeps this document all-or-nothing without
  // ending the batch's transaction.
  Statement& open = impl.in_batch ? impl.savepoint : impl.begin;
  DYAD_RETURN_IF_ERROR(open.Run());
  Result<bool> written = impl.WriteDocument(doc, derived, hash);
  Status status = written.ok() ? Status::Ok() : written.status();
  if (status.ok()) {
    status = impl.in_batch ? impl.release.Run() : impl.commit.Run();
  }
  if (!status.ok()) {
    if (impl.in_batch) {
      (void)impl.rollback_to.Run();
      (void)impl.release.Run();
    } else if (!sqlite3_get_autocommit(impl.db)) {
      (void)impl.rollback.Run();
    }
    return status;
  }
  return *written;
}

Status Store::BeginBatch() {
  Impl& impl = *impl_;
  if (impl.in_batch) return Internal(impl.path + ": batch already open");
  if (impl.mode == StoreMode::kReadOnly) {
    return InvalidArgument(impl.path + ": opened read-only");
  }
  DYAD_RETURN_IF_ERROR(impl.PrepareWriteStatements());
  DYAD_RETURN_IF_ERROR(impl.begin.Run());
  impl.in_batch = true;
  return Status::Ok();
}

Status Store::CommitBatch() {
  Impl& impl = *impl_;
  if (!impl.in_batch) return Internal(impl.path + ": no batch open");
  Status status = impl.commit.Run();
  if (!status.ok() && !sqlite3_get_autocommit(impl.db)) {
    (void)impl.rollback.Run();
  }
  impl.in_batch = false;
  return status;
}

Status Store::RollbackBatch() {
  Impl& impl = *impl_;
  if (!impl.in_batch) return Internal(impl.path + ": no batch open");
  impl.in_batch = false;
  if (sqlite3_get_autocommit(impl.db)) return Status::Ok();
  return impl.rollback.Run();
}

Result<int64_t> Store::PutAll(const std::vector<Document>& docs,
                              std::vector<Status>* errors) {
  DYAD_RETURN_IF_ERROR(BeginBatch());
  int64_t changed = 0;
  for (const Document& doc : docs) {
    Result<bool> written = Put(doc);
    if (!written.ok()) {
      if (errors != nullptr) errors->push_back(written.status());
    } else if (*written) {
      ++changed;
    }
  }
  DYAD_RETURN_IF_ERROR(CommitBatch());
  return changed;
}

namespace {

Status PrepareQuery(sqlite3* db, const std::string* path,
                    const std::string& sql,
                    const store_internal::EventFilter& filter,
                    Statement& statement) {
  DYAD_RETURN_IF_ERROR(statement.Prepare(db, path, sql, false));
  for (size_t i = 0; i < filter.params.size(); ++i) {
    statement.BindText(static_cast<int>(i + 1), filter.params[i]);
  }
  return Status::Ok();
}

// Prepares `select` (the columns and joins) with `filter` (built from
// `query`), then ORDER BY `order_by` and the query's LIMIT and OFFSET, all
// bound. The statement binds the filter's strings without copying them:
// `filter` must outlive its use.
Status PreparePage(sqlite3* db, const std::string* path,
                   const std::string& select,
                   const store_internal::EventFilter& filter,
                   std::string_view order_by, const EventQuery& query,
                   Statement& statement) {
  const int limit_param = static_cast<int>(filter.params.size()) + 1;
  const std::string sql = select + filter.where + " ORDER BY " +
                          std::string(order_by) + " LIMIT ?" +
                          std::to_string(limit_param) + " OFFSET ?" +
                          std::to_string(limit_param + 1);
  DYAD_RETURN_IF_ERROR(PrepareQuery(db, path, sql, filter, statement));
  statement.BindInt(limit_param, query.limit.value_or(-1));
  statement.BindInt(limit_param + 1, query.offset);
  return Status::Ok();
}

}  // namespace

Result<std::vector<StoredEvent>> Store::FindEvents(const EventQuery& query) {
  std::vector<StoredEvent> events;
  DYAD_RETURN_IF_ERROR(ForEachEvent(query, [&](StoredEvent event) {
    events.push_back(std::move(event));
    return Status::Ok();
  }));
  return events;
}

Status Store::ForEachEvent(const EventQuery& query,
                           const std::function<Status(StoredEvent)>& visit) {
  const store_internal::EventFilter filter =
      store_internal::BuildEventFilter(query);
  Statement statement;
  DYAD_RETURN_IF_ERROR(PreparePage(
      impl_->db, &impl_->path, impl_->EventSelect(), filter,
      "e.date IS NULL, e.date, e.article, e.idx", query, statement));
  return statement.ForEachRow(
      [&](const Statement& row) { return visit(ReadEvent(row)); });
}

Result<int64_t> Store::CountEvents(const EventQuery& query) {
  store_internal::EventFilter filter = store_internal::BuildEventFilter(query);
  std::string sql = "SELECT count(*) FROM events AS e " + filter.where;
  Statement statement;
  DYAD_RETURN_IF_ERROR(
      PrepareQuery(impl_->db, &impl_->path, sql, filter, statement));
  Result<bool> row = statement.Step();
  if (!row.ok()) return row.status();
  return *row ? statement.Int(0) : 0;
}

namespace {

// Merged-event columns after the representative's (ReadEvent's) columns;
// `g` is merged_events, `p` the events row of its place.
constexpr char kMergedEventColumns[] =
    ", g.id, g.first_date, g.last_date, g.mentions, g.articles, "
    "p.place_name, p.place_country, p.place_lat, p.place_lon, "
    "(SELECT json_group_array(doc_id) FROM (SELECT DISTINCT ma.doc_id "
    "FROM event_buckets AS mb JOIN events AS me ON me.bucket = mb.id "
    "JOIN articles AS ma ON ma.id = me.article "
    "WHERE mb.merged_event = g.id)) "
    "FROM merged_events AS g JOIN events AS e ON e.id = g.representative "
    "JOIN articles AS a ON a.id = e.article "
    "LEFT JOIN event_buckets AS b ON b.id = e.bucket "
    "LEFT JOIN events AS p ON p.id = g.place_event ";

MergedEvent ReadMergedEvent(const Statement& row) {
  MergedEvent merged;
  merged.representative = ReadEvent(row);
  const int at = kEventColumnCount;
  merged.id = row.Int(at);
  merged.first_date = row.Text(at + 1);
  merged.last_date = row.Text(at + 2);
  merged.mention_count = row.Int(at + 3);
  merged.article_count = row.Int(at + 4);
  merged.has_place = !row.IsNull(at + 5);
  if (merged.has_place) {
    merged.place.name = row.Text(at + 5);
    merged.place.country = row.Text(at + 6);
    merged.place.has_coordinates = !row.IsNull(at + 7) && !row.IsNull(at + 8);
    if (merged.place.has_coordinates) {
      merged.place.lat = row.Double(at + 7);
      merged.place.lon = row.Double(at + 8);
    }
  }
  merged.doc_ids = ParseJsonArray(row.Text(at + 9));
  std::sort(merged.doc_ids.begin(), merged.doc_ids.end());
  return merged;
}

}  // namespace

Result<std::vector<MergedEvent>> Store::FindMergedEvents(
    const EventQuery& query) {
  DYAD_RETURN_IF_ERROR(impl_->RequireMergedEvents());
  const store_internal::EventFilter filter =
      store_internal::BuildEventFilter(query);
  Statement statement;
  DYAD_RETURN_IF_ERROR(PreparePage(
      impl_->db, &impl_->path,
      std::string(kEventColumns) + kMergedColumn + kMergedEventColumns, filter,
      "g.first_date IS NULL, g.first_date, a.doc_id, e.idx", query, statement));
  std::vector<MergedEvent> merged;
  DYAD_RETURN_IF_ERROR(statement.ForEachRow([&](const Statement& row) {
    merged.push_back(ReadMergedEvent(row));
    return Status::Ok();
  }));
  return merged;
}

Result<int64_t> Store::CountMergedEvents(const EventQuery& query) {
  DYAD_RETURN_IF_ERROR(impl_->RequireMergedEvents());
  store_internal::EventFilter filter = store_internal::BuildEventFilter(query);
  std::string sql =
      "SELECT count(*) FROM merged_events AS g JOIN events AS e ON e.id = "
      "g.representative " +
      filter.where;
  Statement statement;
  DYAD_RETURN_IF_ERROR(
      PrepareQuery(impl_->db, &impl_->path, sql, filter, statement));
  Result<bool> row = statement.Step();
  if (!row.ok()) return row.status();
  return *row ? statement.Int(0) : 0;
}

Result<std::vector<StoredEvent>> Store::FindMentions(int64_t id) {
  DYAD_RETURN_IF_ERROR(impl_->RequireMergedEvents());
  Statement statement;
  DYAD_RETURN_IF_ERROR(statement.Prepare(
      impl_->db, &impl_->path,
      impl_->EventSelect() +
          "WHERE b.merged_event = ?1 ORDER BY e.date IS NULL, e.date, "
          "e.article, e.idx",
      false));
  statement.BindInt(1, id);
  std::vector<StoredEvent> mentions;
  DYAD_RETURN_IF_ERROR(statement.ForEachRow([&](const Statement& row) {
    mentions.push_back(ReadEvent(row));
    return Status::Ok();
  }));
  return mentions;
}

Result<StoreCounts> Store::Counts() {
  Statement statement;
  DYAD_RETURN_IF_ERROR(statement.Prepare(
      impl_->db, &impl_->path,
      std::string("SELECT (SELECT count(*) FROM articles), (SELECT count(*) "
                  "FROM sentences), (SELECT count(*) FROM events), (SELECT "
                  "count(*) FROM quotes), (SELECT count(*) FROM actors), ") +
          (impl_->has_merged_events ? "(SELECT count(*) FROM merged_events)"
                                    : "0"),
      false));
  Result<bool> row = statement.Step();
  if (!row.ok()) return row.status();
  StoreCounts counts;
  if (*row) {
    counts.articles = statement.Int(0);
    counts.sentences = statement.Int(1);
    counts.events = statement.Int(2);
    counts.quotes = statement.Int(3);
    counts.actors = statement.Int(4);
    counts.merged_events = statement.Int(5);
  }
  return counts;
}

Result<std::optional<Document>> Store::GetArticle(const std::string& doc_id) {
  Impl& impl = *impl_;
  // One read transaction, so that a concurrent replacement cannot mix two
  // versions of the article.
  // (A batch is already one transaction.)
  const bool own_transaction = !impl.in_batch;
  if (own_transaction) DYAD_RETURN_IF_ERROR(Exec(impl.db, impl.path, "BEGIN"));
  struct EndRead {
    sqlite3* db;
    bool active;
    ~EndRead() {
      if (active) sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
  } end_read{impl.db, own_transaction};

  Statement article;
  DYAD_RETURN_IF_ERROR(article.Prepare(
      impl.db, &impl.path,
      "SELECT id, doc_id, source, line, url, published, section, headline, "
      "caption, authors, dateline, agency, categories, text FROM articles "
      "WHERE doc_id = ?1",
      false));
  article.BindText(1, doc_id);
  Result<bool> found = article.Step();
  if (!found.ok()) return found.status();
  if (!*found) return std::optional<Document>();
  Document doc;
  const int64_t id = article.Int(0);
  doc.doc_id = article.Text(1);
  doc.source = article.Text(2);
  doc.line = static_cast<uint64_t>(article.Int(3));
  doc.url = article.Text(4);
  doc.published = article.Text(5);
  doc.section = article.Text(6);
  doc.headline = article.Text(7);
  doc.caption = article.Text(8);
  doc.authors = ParseJsonArray(article.Text(9));
  doc.dateline = article.Text(10);
  doc.agency = article.Text(11);
  doc.categories = ParseJsonArray(article.Text(12));
  doc.text = article.Text(13);

  Statement sentences;
  DYAD_RETURN_IF_ERROR(sentences.Prepare(
      impl.db, &impl.path,
      "SELECT span_begin, span_end, part, paragraph FROM sentences "
      "WHERE article = ?1 ORDER BY idx",
      false));
  sentences.BindInt(1, id);
  DYAD_RETURN_IF_ERROR(sentences.ForEachRow([&](const Statement& row) {
    Sentence sentence;
    sentence.span = ReadSpan(row, 0);
    Result<PartKind> part = ParsePartKind(row.Text(2));
    if (!part.ok()) {
      return DataLoss(impl.path + ": article \"" + doc_id +
                      "\": " + part.status().message());
    }
    sentence.part = *part;
    sentence.paragraph = static_cast<int>(row.Int(3));
    doc.sentences.push_back(sentence);
    return Status::Ok();
  }));

  Statement events;
  DYAD_RETURN_IF_ERROR(events.Prepare(
      impl.db, &impl.path,
      impl.EventSelect() + "WHERE e.article = ?1 ORDER BY e.idx", false));
  events.BindInt(1, id);
  DYAD_RETURN_IF_ERROR(events.ForEachRow([&](const Statement& row) {
    StoredEvent stored = ReadEvent(row);
    Event event;
    event.source = std::move(stored.source);
    event.target = std::move(stored.target);
    event.cameo = std::move(stored.cameo);
    event.date = std::move(stored.date);
    event.date_from_text = stored.date_from_text;
    event.place = std::move(stored.place);
    event.has_place = stored.has_place;
    event.sentence = stored.sentence;
    event.span = stored.span;
    event.rule = std::move(stored.rule);
    doc.events.push_back(std::move(event));
    return Status::Ok();
  }));

  Statement quotes;
  DYAD_RETURN_IF_ERROR(quotes.Prepare(
      impl.db, &impl.path,
      "SELECT text, span_begin, span_end, speaker_code, speaker_text, "
      "speaker_begin, speaker_end FROM quotes WHERE article = ?1 ORDER BY idx",
      false));
  quotes.BindInt(1, id);
  DYAD_RETURN_IF_ERROR(quotes.ForEachRow([&](const Statement& row) {
    Quote quote;
    quote.text = row.Text(0);
    quote.span = ReadSpan(row, 1);
    quote.speaker = ActorRef{row.Text(3), row.Text(4), ReadSpan(row, 5)};
    doc.quotes.push_back(std::move(quote));
    return Status::Ok();
  }));
  return std::optional<Document>(std::move(doc));
}

}  // namespace dyad
