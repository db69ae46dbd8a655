// Store: coded documents persisted in one embedded SQLite file.
//
// The file holds five relations: articles (one row per doc_id, with the
// text and the article fields), sentences, events, quotes, and actors (a
// view over events, so it can never disagree with them after an article is
// replaced). Over the events it keeps merged events: every events row is
// one mention, and the mentions of one event across articles (and within
// one) are merged into one record with a mention count and its articles
// (see MergedEvent). Events carry the CAMEO root, quad class, Goldstein score
// and PLOVER category looked up in the code tables at the time they are stored,
// and are indexed for actor, dyad, code and date queries.
//
// Storing is idempotent: each article row keeps a hash of everything that
// Put would write for it except its provenance (source path and line).
// Putting a document whose hash matches writes nothing, so the same article
// read again, even through another path, changes nothing; putting changed
// content under a known doc_id replaces that article's rows.
//
// A Store is one SQLite connection: use it from one thread at a time. Several
// processes may open the same file (WAL mode; writers wait up to a few
// seconds for each other).
#ifndef DYAD_STORE_H_
#define DYAD_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad {

// One event as read back from the store, with its article's identity and
// the derived code fields.
struct StoredEvent {
  int64_t id = 0;         // row id, stable until the article is replaced
  std::string doc_id;     // the article it was coded from
  std::string published;  // that article's publication date, "" if unknown
  int sentence = -1;      // index into the article's sentences
  ActorRef source;
  ActorRef target;
  std::string cameo;  // "042"
  // From the CAMEO tables; root is "" and the rest nullopt when the code is
  // not a known CAMEO code.
  std::string root;  // "04"
  std::optional<int> quad;
  std::optional<double> goldstein;
  std::string plover;  // "CONSULT", "" when unknown or unmapped
  // The event's date: the coder's date, or the article's publication date
  // when the coder gave none (date_from_text is then false). "" when neither
  // is known.
  std::string date;
  bool date_from_text = false;
  Place place;
  bool has_place = false;
  Span span;             // byte span of the evidence in the article text
  std::string evidence;  // the article text bytes of `span`
  std::string rule;      // the pattern that fired
  // The id of the merged event this mention belongs to (MergedEvent::id);
  // 0 in a store of schema version 2 opened read-only.
  int64_t merged_event = 0;
};

// One event however many articles report it: the mentions (events rows)
// with the same source code, target code and CAMEO root (the code itself
// when it is not in the CAMEO tables), dates at most one day apart and the
// same place or none, merged. In detail, per key:
//  - mentions on the same day at the same place (or both placeless) are
//    always one event;
//  - mentions with places merge when their places are the same (name, if
//    any, and country equal ignoring ASCII case, or coordinates within
//    25 km) and their days at most one apart, transitively: the same place
//    on the 1st, 2nd and 3rd is one event although the 1st and 3rd are two
//    days apart;
//  - placeless mentions at most a day apart chain the same way, and a
//    placeless chain joins the one placed event whose mention is nearest
//    in days (then earliest, then first by place), so a mention without a
//    place never joins two different places into one event;
//  - mentions without a YYYY-MM-DD date, or with an empty source or target
//    code, merge with nothing.
// The result depends only on what is stored, not on the order articles
// were stored in; storing an unchanged article again changes nothing.
struct MergedEvent {
  // Row id. Kept while later Puts only add mentions to the event; a Put
  // that joins or splits events gives the result new ids.
  int64_t id = 0;
  // The earliest mention: earliest date (unknown dates last), then smallest
  // doc_id, then first in its article. Its source, target and CAMEO code
  // stand for the merged event's.
  StoredEvent representative;
  std::string first_date;  // earliest and latest mention dates, "" unknown
  std::string last_date;
  // The place of the earliest mention that has one (the same order).
  Place place;
  bool has_place = false;
  int64_t mention_count = 0;         // events rows merged
  int64_t article_count = 0;         // distinct articles among them
  std::vector<std::string> doc_ids;  // those articles, ascending
};

// Filters for Store::FindEvents. Empty strings and nullopt mean "any"; all
// given filters must hold. Codes match by prefix, so "JPN" matches "JPN",
// "JPNGOV" and "JPNMIL".
struct EventQuery {
  std::string actor;   // source OR target code starts with this
  std::string source;  // source code starts with this
  std::string target;  // target code starts with this
  // Also match the reverse direction: events whose source matches `target`
  // and whose target matches `source` (the undirected dyad). No effect when
  // neither source nor target is set.
  bool both_directions = false;
  std::string cameo;  // CAMEO code starts with this ("04", "042")
  std::string root;   // CAMEO root equals this ("04")
  // Inclusive bounds on the event date, compared as text, so partial dates
  // work: date_to "2023-01" includes every day of January 2023.
  std::string date_from;
  std::string date_to;
  std::optional<int64_t> limit;  // at most this many events; nullopt: all
  int64_t offset = 0;            // skip this many matching events first
};

// Row counts for a summary line.
struct StoreCounts {
  int64_t articles = 0;
  int64_t sentences = 0;
  int64_t events = 0;
  int64_t quotes = 0;
  int64_t actors = 0;  // distinct non-empty actor codes in events
  // Merged events (0 in a store of schema version 2 opened read-only).
  int64_t merged_events = 0;
};

enum class StoreMode {
  kReadWriteCreate,  // create the file and schema when missing
  kReadWrite,        // the file must exist
  kReadOnly,         // the file must exist; Put fails
};

class Store {
 public:
  // The schema version this build writes (kept in PRAGMA user_version).
  // Version 2 adds the full-text index quotes_fts over quotes.text and an
  // index on event places; version 3 adds merged events (tables
  // event_buckets and merged_events, the column events.bucket and the view
  // merged_event_articles). Opening an older file writable upgrades it in
  // place (building the merged events of what it holds), opening it
  // read-only leaves it as it is.
  static constexpr int kSchemaVersion = 3;

  // Opens (or, with kReadWriteCreate, creates) the store at `path`. Fails
  // with kNotFound when the file is missing (or empty, read-only) and may
  // not be created; kIoError when it cannot be opened or created
  // (unwritable directory or file...); kDataLoss when the file is not a
  // SQLite database or is damaged; kInvalidArgument when `path` is a
  // directory, a SQLite database but not a dyad store, or a store written
  // by a newer dyad. Every message starts with `path`. The caller owns the
  // returned Store.
  static Result<std::unique_ptr<Store>> Open(
      const std::string& path, StoreMode mode = StoreMode::kReadWriteCreate);

  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Stores `doc` (its article fields, text, sentences, events and quotes;
  // tokens and entities are not stored) in one transaction. Returns true
  // when rows were written, false when the store already held exactly this
  // content for doc.doc_id (nothing is written). Changed content for a known
  // doc_id replaces all of that article's rows (the article keeps its row
  // id). On error nothing of `doc` is written. Fails with kInvalidArgument
  // for an empty doc_id, a span that does not slice doc.text (the message
  // names the document and the event, sentence or quote), or a read-only
  // store; with kIoError when the file cannot be written or stays locked by
  // another writer for more than 5 seconds.
  Result<bool> Put(const Document& doc);

  // Stores many documents in one transaction (far faster than one Put per
  // document). A document that fails is skipped with nothing of it written;
  // its error is appended to *errors when `errors` is not null. Returns the
  // number of documents that changed the store; fails (with nothing
  // written) only when the transaction itself fails.
  Result<int64_t> PutAll(const std::vector<Document>& docs,
                         std::vector<Status>* errors = nullptr);

  // Groups the Puts that follow, until CommitBatch, into one transaction.
  // Each Put stays all-or-nothing for its own document. Destroying the
  // Store with a batch open rolls it back. Fails with kInternal when a
  // batch is already open (batches do not nest), kInvalidArgument on a
  // read-only store, kIoError when the file stays locked.
  Status BeginBatch();
  // Makes the batch's Puts durable. Fails with kInternal when no batch is
  // open, kIoError when the commit cannot be written (the batch is then
  // closed and its Puts are lost).
  Status CommitBatch();
  // Drops everything Put since BeginBatch. Fails with kInternal when no
  // batch is open.
  Status RollbackBatch();

  // Events matching `query`, ordered by date (unknown dates last), then
  // article and position in the article. Values are bound as SQL
  // parameters, never spliced into SQL text. Fails with kDataLoss when the
  // file turns out to be damaged, kIoError when it cannot be read.
  Result<std::vector<StoredEvent>> FindEvents(const EventQuery& query);

  // Calls `visit` with each event matching `query`, in FindEvents' order
  // and honouring its limit and offset, one at a time: a whole store can be
  // read (exported) in one pass without holding its events in memory.
  // Stops at, and returns, the first non-OK Status `visit` returns;
  // otherwise fails as FindEvents does. `visit` may call the Store's read
  // methods (GetArticle...), not Put or the batch methods. Each event is
  // handed over by value: it is the visitor's.
  Status ForEachEvent(const EventQuery& query,
                      const std::function<Status(StoredEvent)>& visit);

  // Returns how many events match `query`, ignoring its limit and offset.
  // Fails as FindEvents does.
  Result<int64_t> CountEvents(const EventQuery& query);

  // Merged events whose representative mention matches `query` (so the
  // date bounds apply to the first date, and codes to the representative's),
  // ordered by first date (unknown last), then the representative's article
  // and position; limit and offset page through them. Fails as FindEvents
  // does, and with kInvalidArgument on a store of schema version 2 opened
  // read-only (open it writable once to build its merged events).
  Result<std::vector<MergedEvent>> FindMergedEvents(const EventQuery& query);

  // Returns how many merged events match `query`, ignoring its limit and
  // offset. Fails as FindMergedEvents does.
  Result<int64_t> CountMergedEvents(const EventQuery& query);

  // The mentions of merged event `id` (as StoredEvents, in FindEvents'
  // order); empty when there is no such merged event. Fails as
  // FindMergedEvents does.
  Result<std::vector<StoredEvent>> FindMentions(int64_t id);

  // Reads an article back: the text, article fields, sentences (span, part,
  // paragraph; no tokens), events and quotes as they were stored. nullopt
  // when no article has this doc_id. Fails with kDataLoss when a stored row
  // is damaged (an unknown sentence part), otherwise as FindEvents does.
  // The Document is the caller's; nothing refers back to the Store.
  Result<std::optional<Document>> GetArticle(const std::string& doc_id);

  // Returns the row counts of the whole store. Fails as FindEvents does.
  Result<StoreCounts> Counts();

  // Returns the path given to Open; valid while the Store lives.
  const std::string& path() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad

#endif  // DYAD_STORE_H_
