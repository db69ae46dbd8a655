#include "store/schema.h"

#include <cstdint>
#include <string>

#include "store/merged_events.h"
#include "store/sqlite_statement.h"

namespace dyad::store_internal {
namespace {

// Version 1. Spans are byte offsets into articles.text. Empty strings stand
// for "no value" in the code and text columns; NULL marks values that are
// unknown (dates, CAMEO-derived fields, places).
constexpr char kSchemaV1[] = R"sql(
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  line INTEGER NOT NULL,
  url TEXT NOT NULL,
  published TEXT,
  section TEXT NOT NULL,
  headline TEXT NOT NULL,
  caption TEXT NOT NULL,
  authors TEXT NOT NULL,      -- JSON array of strings
  dateline TEXT NOT NULL,
  agency TEXT NOT NULL,
  categories TEXT NOT NULL,   -- JSON array of strings
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL  -- of every row Put writes for the article
);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE sentences (
  article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  part TEXT NOT NULL,
  paragraph INTEGER NOT NULL,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,       -- order among the article's events
  sentence INTEGER NOT NULL,
  source_code TEXT NOT NULL,
  source_text TEXT NOT NULL,
  source_begin INTEGER NOT NULL,
  source_end INTEGER NOT NULL,
  target_code TEXT NOT NULL,
  target_text TEXT NOT NULL,
  target_begin INTEGER NOT NULL,
  target_end INTEGER NOT NULL,
  cameo TEXT NOT NULL,
  root TEXT,
  quad INTEGER,
  goldstein REAL,
  plover TEXT,
  date TEXT,
  date_from_text INTEGER NOT NULL,
  place_name TEXT,            -- NULL: no place
  place_country TEXT,
  place_lat REAL,             -- NULL: no coordinates
  place_lon REAL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  rule TEXT NOT NULL
);
CREATE INDEX events_article ON events(article, idx);
CREATE INDEX events_dyad ON events(source_code, target_code, date);
CREATE INDEX events_target ON events(target_code, date);
-- Also serves root queries: a root is a prefix of its codes.
CREATE INDEX events_cameo ON events(cameo, date);
CREATE INDEX events_date ON events(date);

CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  text TEXT NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  speaker_code TEXT NOT NULL,
  speaker_text TEXT NOT NULL,
  speaker_begin INTEGER NOT NULL,
  speaker_end INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article, idx);
CREATE INDEX quotes_speaker ON quotes(speaker_code);

-- Every actor code seen in events. A view, so that replacing an article
-- can never leave stale counts or dates behind.
CREATE VIEW actors AS
SELECT code,
       MIN(date) AS first_date,
       MAX(date) AS last_date,
       SUM(as_source) AS as_source,
       SUM(as_target) AS as_target
FROM (SELECT source_code AS code, date, 1 AS as_source, 0 AS as_target
        FROM events WHERE source_code <> ''
      UNION ALL
      SELECT target_code, date, 0, 1
        FROM events WHERE target_code <> '')
GROUP BY code;
)sql";

// Version 2 adds, over version 1, full-text search of quotes (an FTS5 index
// over quotes.text kept in step by triggers, so Put needs no change), a
// covering index of event places for the map, and widens events_dyad and
// events_target to cover what dyad series, the network and actor profiles
// aggregate (the other actor, date, quad class, Goldstein score, root), so
// that those queries never visit the table.
constexpr char kMigrateToV2[] = R"sql(
CREATE VIRTUAL TABLE quotes_fts USING fts5(
  text, content = 'quotes', content_rowid = 'id');
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text)
    VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text)
    VALUES ('delete', old.id, old.text);
  INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
CREATE INDEX events_place
  ON events(place_name, place_country, place_lat, place_lon, date, quad);
DROP INDEX events_dyad;
CREATE INDEX events_dyad
  ON events(source_code, target_code, date, quad, goldstein, root);
DROP INDEX events_target;
CREATE INDEX events_target
  ON events(target_code, source_code, date, quad, goldstein, root);
)sql";

// Version 3 adds, over version 2, one event across articles: mentions
// (events rows) are pooled into buckets of one key (source, target, CAMEO
// root), one day and one place, and buckets into merged events by the rule
// of merge_rule.h. Put keeps both in step (merged_events.h); the upgrade
// fills them from the stored events (RebuildMergedEvents).
constexpr char kMigrateToV3[] = R"sql(
ALTER TABLE events ADD COLUMN bucket INTEGER;  -- event_buckets.id
CREATE INDEX events_bucket ON events(bucket);

CREATE TABLE event_buckets (
  id INTEGER PRIMARY KEY,
  source_code TEXT NOT NULL,
  target_code TEXT NOT NULL,
  root TEXT NOT NULL,         -- the CAMEO root, or the code when unknown
  day INTEGER,                -- days since 1970-01-01; NULL: links to nothing
  place_name TEXT,            -- NULL: no place
  place_country TEXT,
  place_lat REAL,
  place_lon REAL,
  merged_event INTEGER NOT NULL
);
CREATE INDEX event_buckets_key
  ON event_buckets(source_code, target_code, root, day);
CREATE INDEX event_buckets_merged_event ON event_buckets(merged_event);

-- One row per event however many articles report it. The representative
-- is the earliest mention (date, then doc_id, then position in the
-- article); place_event the earliest mention that has a place.
CREATE TABLE merged_events (
  id INTEGER PRIMARY KEY,
  source_code TEXT NOT NULL,
  target_code TEXT NOT NULL,
  root TEXT NOT NULL,
  representative INTEGER NOT NULL,  -- events.id
  place_event INTEGER,              -- events.id; NULL: no mention has one
  first_date TEXT,
  last_date TEXT,
  mentions INTEGER NOT NULL,        -- events rows merged
  articles INTEGER NOT NULL         -- distinct articles among them
);
CREATE INDEX merged_events_representative ON merged_events(representative);
CREATE INDEX merged_events_date ON merged_events(first_date);

-- The articles of each merged event, with how often each mentions it.
CREATE VIEW merged_event_articles AS
SELECT b.merged_event AS merged_event, a.doc_id AS doc_id,
       count(*) AS mentions
FROM events AS e
JOIN event_buckets AS b ON b.id = e.bucket
JOIN articles AS a ON a.id = e.article
GROUP BY b.merged_event, a.id;
)sql";

Result<int64_t> PragmaInt(sqlite3* db, const std::string& path,
                          const char* sql) {
  Statement statement;
  DYAD_RETURN_IF_ERROR(statement.Prepare(db, &path, sql, false));
  Result<bool> row = statement.Step();
  if (!row.ok()) return row.status();
  if (!*row) return Internal(path + ": " + sql + " returned no row");
  return statement.Int(0);
}

Status NotADyadStore(const std::string& path, const std::string& why) {
  return InvalidArgument(path + ": not a dyad store (" + why + ")");
}

Status SqliteMigrationError(const std::string& path, int version,
                            const Status& status) {
  std::string detail = status.message();
  if (detail.rfind(path + ": ", 0) == 0) detail.erase(0, path.size() + 2);
  return Status(status.code(),
                path + ": cannot upgrade the store to schema version " +
                    std::to_string(version) + ": " + detail);
}

// Lays down what version `version` adds over the one before it.
Status ApplyVersion(sqlite3* db, const std::string& path, int version) {
  switch (version) {
    case 1:
      return Exec(db, path, kSchemaV1);
    case 2:
      return Exec(db, path, kMigrateToV2);
    case 3:
      DYAD_RETURN_IF_ERROR(Exec(db, path, kMigrateToV3));
      return RebuildMergedEvents(db, path);
    default:
      return Internal(path + ": no schema version " + std::to_string(version));
  }
}

Status CreateSchema(sqlite3* db, const std::string& path, int schema_version) {
  // IMMEDIATE takes the write lock first, so two processes creating the
  // same new file cannot both lay down the schema.
  DYAD_RETURN_IF_ERROR(Exec(db, path, "BEGIN IMMEDIATE"));
  Result<int64_t> tables =
      PragmaInt(db, path, "SELECT count(*) FROM sqlite_schema");
  Status status = tables.ok() ? Status::Ok() : tables.status();
  if (status.ok() && *tables == 0) {
    for (int version = 1; status.ok() && version <= schema_version; ++version) {
      status = ApplyVersion(db, path, version);
    }
    if (status.ok()) {
      std::string pragmas =
          "PRAGMA application_id = " + std::to_string(kApplicationId) +
          "; PRAGMA user_version = " + std::to_string(schema_version) + ";";
      status = Exec(db, path, pragmas.c_str());
    }
  }
  if (!status.ok()) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return status;
  }
  return Exec(db, path, "COMMIT");
}

// Brings an older store up to `schema_version` in one transaction; another
// process may have done it meanwhile, so the version is read again under
// the write lock.
Status Upgrade(sqlite3* db, const std::string& path, int schema_version) {
  DYAD_RETURN_IF_ERROR(Exec(db, path, "BEGIN IMMEDIATE"));
  Result<int64_t> version = PragmaInt(db, path, "PRAGMA user_version");
  Status status = version.ok() ? Status::Ok() : version.status();
  int64_t at = version.ok() ? *version : schema_version;
  while (status.ok() && at < schema_version) {
    ++at;
    status = ApplyVersion(db, path, static_cast<int>(at));
  }
  if (status.ok() && version.ok() && *version < schema_version) {
    status = Exec(
        db, path,
        ("PRAGMA user_version = " + std::to_string(schema_version)).c_str());
  }
  if (!status.ok()) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return SqliteMigrationError(path, static_cast<int>(at), status);
  }
  return Exec(db, path, "COMMIT");
}

}  // namespace

Status EnsureSchema(sqlite3* db, const std::string& path, bool writable,
                    int schema_version) {
  // The first read of the file: a file that is not SQLite fails here.
  Result<int64_t> application_id = PragmaInt(db, path, "PRAGMA application_id");
  if (!application_id.ok()) return application_id.status();
  Result<int64_t> version = PragmaInt(db, path, "PRAGMA user_version");
  if (!version.ok()) return version.status();

  if (*application_id == 0 && *version == 0) {
    Result<int64_t> tables =
        PragmaInt(db, path, "SELECT count(*) FROM sqlite_schema");
    if (!tables.ok()) return tables.status();
    if (*tables != 0) {
      return NotADyadStore(path, "a SQLite database with other tables");
    }
    if (!writable) {
      return NotFound(path + ": empty database, no dyad store in it yet");
    }
    DYAD_RETURN_IF_ERROR(CreateSchema(db, path, schema_version));
    version = PragmaInt(db, path, "PRAGMA user_version");
    if (!version.ok()) return version.status();
    application_id = PragmaInt(db, path, "PRAGMA application_id");
    if (!application_id.ok()) return application_id.status();
  }
  if (*application_id != kApplicationId) {
    return NotADyadStore(
        path, "SQLite application_id is " + std::to_string(*application_id));
  }
  if (*version > schema_version) {
    return InvalidArgument(
        path + ": written by a newer dyad (store schema version " +
        std::to_string(*version) + "; this build reads up to version " +
        std::to_string(schema_version) + ")");
  }
  if (*version < 1) {
    return InvalidArgument(path + ": unknown dyad store schema version " +
                           std::to_string(*version));
  }
  // A read-only opener reads an older version as it is (readers check for
  // what they need, such as quotes_fts).
  if (*version < schema_version && writable) {
    DYAD_RETURN_IF_ERROR(Upgrade(db, path, schema_version));
  }
  return Status::Ok();
}

}  // namespace dyad::store_internal
