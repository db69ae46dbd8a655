// Endpoints that list stored rows: health, events, quotes, articles.
#include <algorithm>
#include <set>
#include <string>

#include "serve/endpoints.h"

namespace dyad::serve_internal {
namespace {

using store_internal::Statement;

Status Prepare(ReadConnection& db, Statement& statement,
               const std::string& sql) {
  return statement.Prepare(db.db(), &db.path(), sql, false);
}

Result<int64_t> SingleInt(ReadConnection& db, const std::string& sql,
                          const SqlParams& params) {
  Statement statement;
  DYAD_RETURN_IF_ERROR(Prepare(db, statement, sql));
  params.BindAll(statement);
  Result<bool> row = statement.Step();
  if (!row.ok()) return row.status();
  return *row ? statement.Int(0) : 0;
}

std::string Where(const std::string& conditions) {
  return conditions.empty() ? "" : " WHERE " + conditions;
}

}  // namespace

Result<Json> Health(ReadConnection& db) {
  Statement statement;
  DYAD_RETURN_IF_ERROR(Prepare(
      db, statement,
      "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
      "(SELECT count(*) FROM quotes), (SELECT min(date) FROM events), "
      "(SELECT max(date) FROM events)"));
  Result<bool> row = statement.Step();
  if (!row.ok()) return row.status();
  // Distinct actor codes by skipping from one code to the next in the
  // source and target indexes: a probe per code, not a pass over events.
  std::set<std::string> actors;
  for (const char* column : {"source_code", "target_code"}) {
    Statement next;
    DYAD_RETURN_IF_ERROR(Prepare(db, next,
                                 std::string("SELECT ") + column +
                                     " FROM events WHERE " + column +
                                     " > ?1 ORDER BY " + column + " LIMIT 1"));
    std::string last;  // '' (no actor) is skipped
    while (true) {
      next.Reset();
      next.BindText(1, last);
      Result<bool> found = next.Step();
      if (!found.ok()) return found.status();
      if (!*found) break;
      last = next.Text(0);
      actors.insert(last);
    }
  }
  Json health;
  health["ok"] = true;
  health["articles"] = statement.Int(0);
  health["events"] = statement.Int(1);
  health["quotes"] = statement.Int(2);
  health["actors"] = actors.size();
  health["first_date"] =
      statement.IsNull(3) ? Json(nullptr) : Json(statement.Text(3));
  health["last_date"] =
      statement.IsNull(4) ? Json(nullptr) : Json(statement.Text(4));
  return health;
}

Result<Json> Events(ReadConnection& db, const EventsParams& params) {
  SqlParams sql_params;
  const std::string where = Where(EventConditions(params.filter, &sql_params));
  // Counting stops past kMaxExactTotal, so a broad filter costs no more
  // than a narrow one.
  Result<int64_t> counted =
      SingleInt(db,
                "SELECT count(*) FROM (SELECT 1 FROM events AS e" + where +
                    " LIMIT " + std::to_string(kMaxExactTotal + 1) + ")",
                sql_params);
  if (!counted.ok()) return counted.status();

  // The page's ids first, so that only its rows are joined with articles.
  // When more than kMaxExactTotal events match, walking the date index
  // newest first finds a page after a few thousand rows at most; fewer
  // matches are found through the filters' own indexes and sorted.
  const bool broad = *counted > kMaxExactTotal;
  const int limit_param = static_cast<int>(sql_params.size()) + 1;
  const std::string order = " ORDER BY e.date DESC, e.id DESC";
  std::string sql = "SELECT " + std::string(kEventColumns) +
                    " FROM (SELECT e.id FROM events AS e" +
                    (broad ? " INDEXED BY events_date" : "") + where + order +
                    " LIMIT ?" + std::to_string(limit_param) + " OFFSET ?" +
                    std::to_string(limit_param + 1) +
                    ") AS page CROSS JOIN events AS e ON e.id = page.id "
                    "JOIN articles AS a ON a.id = e.article" +
                    order;
  Statement statement;
  DYAD_RETURN_IF_ERROR(Prepare(db, statement, sql));
  sql_params.BindAll(statement);
  statement.BindInt(limit_param, params.limit);
  statement.BindInt(limit_param + 1, params.offset);
  Json events = Json::array();
  DYAD_RETURN_IF_ERROR(statement.ForEachRow([&](const Statement& row) {
    events.push_back(EventJson(row));
    return Status::Ok();
  }));
  Json answer;
  answer["total"] = std::min(*counted, kMaxExactTotal);
  answer["total_exact"] = *counted <= kMaxExactTotal;
  answer["limit"] = params.limit;
  answer["offset"] = params.offset;
  answer["events"] = std::move(events);
  return answer;
}

Result<Json> Quotes(ReadConnection& db, const QuotesParams& params) {
  SqlParams sql_params;
  std::vector<std::string> conditions;
  std::string from = " FROM quotes AS q JOIN articles AS a ON a.id = q.article";
  std::string order = " ORDER BY a.published DESC, q.id DESC";
  const bool full_text = !params.query.empty() && db.has_quotes_fts();
  if (full_text) {
    from =
        " FROM quotes_fts AS f JOIN quotes AS q ON q.id = f.rowid "
        "JOIN articles AS a ON a.id = q.article";
    conditions.push_back("quotes_fts MATCH " + sql_params.Add(params.query));
    order = " ORDER BY f.rank, q.id DESC";
  } else if (!params.query.empty()) {
    // A store without the full-text index (schema 1, opened read-only):
    // every word must occur, ASCII case folded.
    std::string word;
    auto add_word = [&] {
      if (word.empty()) return;
      for (char& c : word) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      conditions.push_back("instr(lower(q.text), " + sql_params.Add(word) +
                           ") > 0");
      word.clear();
    };
    for (char c : params.query) {
      if (c == ' ' || c == '"' || c == '\t') {
        add_word();
      } else {
        word += c;
      }
    }
    add_word();
  }
  conditions.push_back(
      sql_params.PrefixMatch("q.speaker_code", params.speaker));
  const std::string where = Where(AllOf(conditions));

  Result<int64_t> total =
      SingleInt(db, "SELECT count(*)" + from + where, sql_params);
  if (!total.ok()) {
    if (full_text && !db.timed_out()) {
      return InvalidArgument("q: not a valid full-text query (" +
                             total.status().message() + ")");
    }
    return total.status();
  }
  const int limit_param = static_cast<int>(sql_params.size()) + 1;
  Statement statement;
  DYAD_RETURN_IF_ERROR(Prepare(db, statement,
                               "SELECT " + std::string(kQuoteColumns) + from +
                                   where + order + " LIMIT ?" +
                                   std::to_string(limit_param) + " OFFSET ?" +
                                   std::to_string(limit_param + 1)));
  sql_params.BindAll(statement);
  statement.BindInt(limit_param, params.limit);
  statement.BindInt(limit_param + 1, params.offset);
  Result<Json> quotes = QuoteRows(statement);
  if (!quotes.ok()) return quotes.status();
  Json answer;
  answer["total"] = *total;
  answer["quotes"] = std::move(*quotes);
  return answer;
}

Result<Json> Article(ReadConnection& db, const std::string& doc_id) {
  // One read transaction: an ingest replacing the article meanwhile cannot
  // mix two versions of it.
  DYAD_RETURN_IF_ERROR(store_internal::Exec(db.db(), db.path(), "BEGIN"));
  struct EndRead {
    sqlite3* db;
    ~EndRead() { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); }
  } end_read{db.db()};

  Statement article;
  DYAD_RETURN_IF_ERROR(Prepare(
      db, article,
      "SELECT id, doc_id, published, headline, section, caption, dateline, "
      "agency, authors, url, text FROM articles WHERE doc_id = ?1"));
  article.BindText(1, doc_id);
  Result<bool> found = article.Step();
  if (!found.ok()) return found.status();
  if (!*found) return NotFound("no article \"" + doc_id + "\"");
  const int64_t id = article.Int(0);
  Json answer;
  answer["doc_id"] = article.Text(1);
  answer["published"] =
      article.IsNull(2) ? Json(nullptr) : Json(article.Text(2));
  answer["headline"] = article.Text(3);
  answer["section"] = article.Text(4);
  answer["caption"] = article.Text(5);
  answer["dateline"] = article.Text(6);
  answer["agency"] = article.Text(7);
  Json authors = Json::parse(article.Text(8), nullptr, false);
  answer["authors"] = authors.is_array() ? authors : Json::array();
  answer["url"] = article.Text(9);
  answer["text"] = article.Text(10);

  Statement sentences;
  DYAD_RETURN_IF_ERROR(
      Prepare(db, sentences,
              "SELECT idx, span_begin, span_end, part, paragraph FROM "
              "sentences WHERE article = ?1 ORDER BY idx"));
  sentences.BindInt(1, id);
  Json sentence_list = Json::array();
  DYAD_RETURN_IF_ERROR(sentences.ForEachRow([&](const Statement& row) {
    sentence_list.push_back({{"idx", row.Int(0)},
                             {"span", Json::array({row.Int(1), row.Int(2)})},
                             {"part", row.Text(3)},
                             {"paragraph", row.Int(4)}});
    return Status::Ok();
  }));
  answer["sentences"] = std::move(sentence_list);

  Statement events;
  DYAD_RETURN_IF_ERROR(
      Prepare(db, events,
              "SELECT " + std::string(kEventColumns) +
                  " FROM events AS e JOIN articles AS a ON a.id = e.article "
                  "WHERE e.article = ?1 ORDER BY e.idx"));
  events.BindInt(1, id);
  Json event_list = Json::array();
  DYAD_RETURN_IF_ERROR(events.ForEachRow([&](const Statement& row) {
    event_list.push_back(EventJson(row));
    return Status::Ok();
  }));
  answer["events"] = std::move(event_list);

  Statement quotes;
  DYAD_RETURN_IF_ERROR(
      Prepare(db, quotes,
              "SELECT " + std::string(kQuoteColumns) +
                  " FROM quotes AS q JOIN articles AS a ON a.id = q.article "
                  "WHERE q.article = ?1 ORDER BY q.idx"));
  quotes.BindInt(1, id);
  Result<Json> quote_list = QuoteRows(quotes);
  if (!quote_list.ok()) return quote_list.status();
  answer["quotes"] = std::move(*quote_list);
  return answer;
}

}  // namespace dyad::serve_internal
