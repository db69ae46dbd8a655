// Endpoints that aggregate events: dyads, network, places, actor profiles.
#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

#include "serve/endpoints.h"
#include "store/event_filter.h"
#include "util/civil_date.h"

namespace dyad::serve_internal {
namespace {

using store_internal::Statement;

Status Prepare(ReadConnection& db, Statement& statement,
               const std::string& sql) {
  return statement.Prepare(db.db(), &db.path(), sql, false);
}

std::string Where(const std::string& conditions) {
  return conditions.empty() ? "" : " WHERE " + conditions;
}

constexpr char kCooperation[] = "count(CASE WHEN e.quad IN (1, 2) THEN 1 END)";
constexpr char kConflict[] = "count(CASE WHEN e.quad IN (3, 4) THEN 1 END)";

// Countries are the first three letters of actor codes, but some codes
// begin with a CAMEO group or role instead of a country.
bool IsCountryPrefix(const std::string& prefix) {
  static const std::set<std::string> kNotCountries = {
      "IGO", "NGO", "MNC", "UIS", "REB", "INS", "SEP", "OPP", "GOV",
      "MIL", "COP", "JUD", "LEG", "BUS", "CVL", "MED", "EDU", "ELI",
      "REF", "HLH", "CRM", "LAB", "AGR", "ENV", "SPY", "RAD", "MOD",
      "PTY", "REL", "UAF", "IMG", "SPI", "NGM", "CHR", "MUS", "JEW",
      "BUD", "HIN", "ATH", "ITP", "ICC", "XXX", "---"};
  if (prefix.size() != 3) return false;
  for (char c : prefix) {
    if (c < 'A' || c > 'Z') return false;
  }
  return kNotCountries.count(prefix) == 0;
}

struct Tally {
  int64_t events = 0;
  std::array<int64_t, 4> quad{};
  double goldstein = 0;
  Json ToJson() const {
    return {{"events", events},
            {"quad", Json::array({quad[0], quad[1], quad[2], quad[3]})},
            {"goldstein", goldstein}};
  }
};

}  // namespace

std::string PeriodOf(const std::string& date, Bucket bucket) {
  if (bucket == Bucket::kMonth) return date.substr(0, 7);
  if (bucket == Bucket::kDay || !IsPartialDate(date) || date.size() != 10) {
    return date;
  }
  const int64_t days =
      DaysFromCivil(std::stoi(date.substr(0, 4)),
                    static_cast<unsigned>(std::stoi(date.substr(5, 2))),
                    static_cast<unsigned>(std::stoi(date.substr(8, 2))));
  // 1970-01-01 was a Thursday: days + 3 is 0 on Mondays (mod 7).
  const int64_t since_monday = ((days + 3) % 7 + 7) % 7;
  return IsoDateFromDays(days - since_monday);
}

namespace {

// The distinct codes starting with `prefix` in `column` (source_code or
// target_code, both leading an index), one index seek each; nullopt when
// there are more than `max`.
Result<std::optional<std::set<std::string>>> CodesWithPrefix(
    ReadConnection& db, const std::string& column, const std::string& prefix,
    size_t max) {
  std::optional<std::string> bound = store_internal::PrefixUpperBound(prefix);
  if (!bound) return std::optional<std::set<std::string>>();
  // Each seek has one lower bound (SQLite would take only the first of
  // two), so every step is a single index probe.
  Statement first, next;
  DYAD_RETURN_IF_ERROR(Prepare(db, first,
                               "SELECT " + column + " FROM events WHERE " +
                                   column + " >= ?1 AND " + column +
                                   " < ?2 ORDER BY " + column + " LIMIT 1"));
  DYAD_RETURN_IF_ERROR(Prepare(db, next,
                               "SELECT " + column + " FROM events WHERE " +
                                   column + " > ?1 AND " + column +
                                   " < ?2 ORDER BY " + column + " LIMIT 1"));
  std::set<std::string> codes;
  std::string last = prefix;
  for (Statement* seek = &first;; seek = &next) {
    seek->Reset();
    seek->BindText(1, last);
    seek->BindText(2, *bound);
    Result<bool> row = seek->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    last = seek->Text(0);
    codes.insert(last);
    if (codes.size() > max) return std::optional<std::set<std::string>>();
  }
  return std::optional<std::set<std::string>>(std::move(codes));
}

// "column matches prefix": an IN list of the codes present when there are
// few (so that an index serves the next column too), else a range.
Result<std::string> CodeMatch(ReadConnection& db, const std::string& column,
                              const std::string& prefix, SqlParams* params) {
  constexpr size_t kMaxListed = 64;
  auto codes = CodesWithPrefix(db, column, prefix, kMaxListed);
  if (!codes.ok()) return codes.status();
  const std::string qualified = "e." + column;
  if (!codes->has_value()) return params->PrefixMatch(qualified, prefix);
  std::string list;
  for (const std::string& code : **codes) {
    if (!list.empty()) list += ", ";
    list += params->Add(code);
  }
  return "(" + qualified + " IN (" + list + "))";
}

}  // namespace

Result<Json> Dyads(ReadConnection& db, const DyadsParams& params) {
  // Per day first (a few thousand at most), then folded into periods. Each
  // direction is one scan of the covering dyad index; an event that
  // matches both directions (a and b overlap) counts in both.
  std::unordered_map<std::string, std::array<Tally, 2>> days;
  for (int direction = 0; direction < 2; ++direction) {
    const std::string& from_code = direction == 0 ? params.a : params.b;
    const std::string& to_code = direction == 0 ? params.b : params.a;
    SqlParams sql_params;
    auto source = CodeMatch(db, "source_code", from_code, &sql_params);
    if (!source.ok()) return source.status();
    auto target = CodeMatch(db, "target_code", to_code, &sql_params);
    if (!target.ok()) return target.status();
    EventFilterParams dates;
    dates.from = params.from;
    dates.to = params.to;
    const std::string conditions =
        AllOf({*source, *target, "e.date IS NOT NULL",
               EventConditions(dates, &sql_params)});
    Statement statement;
    DYAD_RETURN_IF_ERROR(
        Prepare(db, statement,
                "SELECT e.date, e.quad, e.goldstein FROM events AS e" +
                    Where(conditions)));
    sql_params.BindAll(statement);
    DYAD_RETURN_IF_ERROR(statement.ForEachRow([&](const Statement& row) {
      Tally& tally = days[row.Text(0)][direction];
      tally.events += 1;
      if (!row.IsNull(1) && row.Int(1) >= 1 && row.Int(1) <= 4) {
        tally.quad[row.Int(1) - 1] += 1;
      }
      if (!row.IsNull(2)) tally.goldstein += row.Double(2);
      return Status::Ok();
    }));
  }
  std::map<std::string, std::array<Tally, 2>> series;
  for (const auto& [day, tallies] : days) {
    std::array<Tally, 2>& period = series[PeriodOf(day, params.bucket)];
    for (int direction = 0; direction < 2; ++direction) {
      const Tally& from = tallies[direction];
      Tally& to = period[direction];
      to.events += from.events;
      for (int q = 0; q < 4; ++q) to.quad[q] += from.quad[q];
      to.goldstein += from.goldstein;
    }
  }
  Json periods = Json::array();
  for (const auto& [period, tallies] : series) {
    periods.push_back({{"period", period},
                       {"a_to_b", tallies[0].ToJson()},
                       {"b_to_a", tallies[1].ToJson()}});
  }
  const char* bucket_names[] = {"day", "week", "month"};
  Json answer;
  answer["a"] = params.a;
  answer["b"] = params.b;
  answer["bucket"] = bucket_names[static_cast<int>(params.bucket)];
  answer["series"] = std::move(periods);
  return answer;
}

Result<Json> Network(ReadConnection& db, const NetworkParams& params) {
  SqlParams sql_params;
  EventFilterParams filter;
  filter.from = params.from;
  filter.to = params.to;
  filter.actor = params.actor;
  const std::string conditions =
      AllOf({"e.source_code <> ''", "e.target_code <> ''",
             EventConditions(filter, &sql_params)});
  Statement statement;
  DYAD_RETURN_IF_ERROR(
      Prepare(db, statement,
              "SELECT e.source_code, e.target_code, count(*), " +
                  std::string(kCooperation) + ", " + kConflict +
                  ", total(e.goldstein) FROM events AS e" + Where(conditions) +
                  " GROUP BY e.source_code, e.target_code"));
  sql_params.BindAll(statement);
  struct Edge {
    std::string source, target;
    int64_t events, cooperation, conflict;
    double goldstein;
  };
  std::vector<Edge> edges;
  std::unordered_map<std::string, int64_t> activity;
  DYAD_RETURN_IF_ERROR(statement.ForEachRow([&](const Statement& row) {
    Edge edge{row.Text(0), row.Text(1), row.Int(2),
              row.Int(3),  row.Int(4),  row.Double(5)};
    activity[edge.source] += edge.events;
    if (edge.target != edge.source) activity[edge.target] += edge.events;
    if (edge.events >= params.min_events) edges.push_back(std::move(edge));
    return Status::Ok();
  }));
  // The most active actors that have an edge left, ties by code.
  std::set<std::string> on_edges;
  for (const Edge& edge : edges) {
    on_edges.insert(edge.source);
    on_edges.insert(edge.target);
  }
  std::vector<std::pair<std::string, int64_t>> nodes;
  for (const std::string& code : on_edges)
    nodes.emplace_back(code, activity[code]);
  std::sort(nodes.begin(), nodes.end(), [](const auto& x, const auto& y) {
    return x.second != y.second ? x.second > y.second : x.first < y.first;
  });
  if (static_cast<int64_t>(nodes.size()) > params.limit) {
    nodes.resize(static_cast<size_t>(params.limit));
  }
  std::set<std::string> kept;
  Json node_list = Json::array();
  for (const auto& [code, events] : nodes) {
    kept.insert(code);
    node_list.push_back({{"id", code}, {"events", events}});
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
    if (x.events != y.events) return x.events > y.events;
    return std::tie(x.source, x.target) < std::tie(y.source, y.target);
  });
  Json edge_list = Json::array();
  for (const Edge& edge : edges) {
    if (!kept.count(edge.source) || !kept.count(edge.target)) continue;
    edge_list.push_back({{"source", edge.source},
                         {"target", edge.target},
                         {"events", edge.events},
                         {"cooperation", edge.cooperation},
                         {"conflict", edge.conflict},
                         {"goldstein", edge.goldstein}});
  }
  Json answer;
  answer["nodes"] = std::move(node_list);
  answer["edges"] = std::move(edge_list);
  return answer;
}

Result<Json> Places(ReadConnection& db, const PlacesParams& params) {
  SqlParams sql_params;
  EventFilterParams filter;
  filter.from = params.from;
  filter.to = params.to;
  filter.actor = params.actor;
  const std::string conditions = EventConditions(filter, &sql_params);

  Statement points;
  DYAD_RETURN_IF_ERROR(Prepare(
      db, points,
      "SELECT e.place_name, e.place_country, e.place_lat, e.place_lon, "
      "count(*), " +
          std::string(kCooperation) + ", " + kConflict + " FROM events AS e" +
          Where(AllOf({"e.place_name IS NOT NULL", "e.place_lat IS NOT NULL",
                       "e.place_lon IS NOT NULL", conditions})) +
          " GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC, 1"));
  sql_params.BindAll(points);
  Json point_list = Json::array();
  DYAD_RETURN_IF_ERROR(points.ForEachRow([&](const Statement& row) {
    point_list.push_back({{"name", row.Text(0)},
                          {"country", row.Text(1)},
                          {"lat", row.Double(2)},
                          {"lon", row.Double(3)},
                          {"events", row.Int(4)},
                          {"cooperation", row.Int(5)},
                          {"conflict", row.Int(6)}});
    return Status::Ok();
  }));

  // Countries from both sides of each event, an event counted once per
  // country: grouped by code pair in the covering dyad index's order, then
  // folded by the codes' first three letters.
  Statement pairs;
  DYAD_RETURN_IF_ERROR(Prepare(
      db, pairs,
      "SELECT e.source_code, e.target_code, count(*), " +
          std::string(kCooperation) + ", " + kConflict + " FROM events AS e" +
          Where(conditions) + " GROUP BY e.source_code, e.target_code"));
  sql_params.BindAll(pairs);
  std::map<std::string, std::array<int64_t, 3>> by_country;
  DYAD_RETURN_IF_ERROR(pairs.ForEachRow([&](const Statement& row) {
    const std::string source = row.Text(0).substr(0, 3);
    const std::string target = row.Text(1).substr(0, 3);
    for (const std::string* country : {&source, &target}) {
      if (country == &target && target == source) break;
      if (!IsCountryPrefix(*country)) continue;
      std::array<int64_t, 3>& counts = by_country[*country];
      for (int i = 0; i < 3; ++i) counts[i] += row.Int(2 + i);
    }
    return Status::Ok();
  }));
  Json country_list = Json::array();
  for (const auto& [country, counts] : by_country) {
    country_list.push_back({{"country", country},
                            {"events", counts[0]},
                            {"cooperation", counts[1]},
                            {"conflict", counts[2]}});
  }
  Json answer;
  answer["points"] = std::move(point_list);
  answer["countries"] = std::move(country_list);
  return answer;
}

Result<Json> Actor(ReadConnection& db, const std::string& code) {
  if (code.empty()) return NotFound("no actor code given");
  // Each side is read on its own covering index (events_dyad for the
  // source side, events_target for the target side); an event with the
  // actor on both sides counts once in the mix.
  SqlParams sql_params;
  auto as_source = CodeMatch(db, "source_code", code, &sql_params);
  if (!as_source.ok()) return as_source.status();
  auto as_target = CodeMatch(db, "target_code", code, &sql_params);
  if (!as_target.ok()) return as_target.status();
  const std::string target_only = *as_target + " AND NOT " + *as_source;

  Statement summary;
  DYAD_RETURN_IF_ERROR(Prepare(
      db, summary,
      "SELECT (SELECT count(*) FROM events AS e WHERE " + *as_source +
          "), (SELECT count(*) FROM events AS e WHERE " + *as_target +
          "), min((SELECT min(e.date) FROM events AS e WHERE " + *as_source +
          "), (SELECT min(e.date) FROM events AS e WHERE " + *as_target +
          ")), max((SELECT max(e.date) FROM events AS e WHERE " + *as_source +
          "), (SELECT max(e.date) FROM events AS e WHERE " + *as_target +
          "))"));
  sql_params.BindAll(summary);
  Result<bool> row = summary.Step();
  if (!row.ok()) return row.status();
  if (!*row || (summary.Int(0) == 0 && summary.Int(1) == 0)) {
    return NotFound("no actor \"" + code + "\" in the store");
  }
  Json answer;
  answer["code"] = code;
  answer["as_source"] = summary.Int(0);
  answer["as_target"] = summary.Int(1);
  answer["first_date"] =
      summary.IsNull(2) ? Json(nullptr) : Json(summary.Text(2));
  answer["last_date"] =
      summary.IsNull(3) ? Json(nullptr) : Json(summary.Text(3));

  Statement partners;
  DYAD_RETURN_IF_ERROR(Prepare(
      db, partners,
      "SELECT partner, count(*), count(CASE WHEN quad IN (1, 2) THEN 1 END), "
      "count(CASE WHEN quad IN (3, 4) THEN 1 END), total(goldstein) FROM ("
      "SELECT e.target_code AS partner, e.quad AS quad, e.goldstein AS "
      "goldstein FROM events AS e WHERE " +
          *as_source +
          " AND e.target_code <> '' UNION ALL SELECT e.source_code, e.quad, "
          "e.goldstein FROM events AS e WHERE " +
          *as_target +
          " AND e.source_code <> '') GROUP BY partner ORDER BY 2 DESC, "
          "partner LIMIT 20"));
  sql_params.BindAll(partners);
  Json partner_list = Json::array();
  DYAD_RETURN_IF_ERROR(partners.ForEachRow([&](const Statement& r) {
    partner_list.push_back({{"code", r.Text(0)},
                            {"events", r.Int(1)},
                            {"cooperation", r.Int(2)},
                            {"conflict", r.Int(3)},
                            {"goldstein", r.Double(4)}});
    return Status::Ok();
  }));
  answer["partners"] = std::move(partner_list);

  Statement mix;
  DYAD_RETURN_IF_ERROR(Prepare(
      db, mix,
      "SELECT root, count(*) FROM (SELECT e.root AS root FROM events AS e "
      "WHERE " +
          *as_source + " UNION ALL SELECT e.root FROM events AS e WHERE " +
          target_only + ") GROUP BY root ORDER BY 1"));
  sql_params.BindAll(mix);
  Json mix_list = Json::array();
  DYAD_RETURN_IF_ERROR(mix.ForEachRow([&](const Statement& r) {
    mix_list.push_back({{"root", r.IsNull(0) ? Json(nullptr) : Json(r.Text(0))},
                        {"events", r.Int(1)}});
    return Status::Ok();
  }));
  answer["event_mix"] = std::move(mix_list);

  SqlParams quote_params;
  Statement quotes;
  DYAD_RETURN_IF_ERROR(Prepare(
      db, quotes,
      "SELECT " + std::string(kQuoteColumns) +
          " FROM quotes AS q JOIN articles AS a ON a.id = q.article WHERE " +
          quote_params.PrefixMatch("q.speaker_code", code) +
          " ORDER BY a.published DESC, q.id DESC LIMIT 20"));
  quote_params.BindAll(quotes);
  Result<Json> quote_list = QuoteRows(quotes);
  if (!quote_list.ok()) return quote_list.status();
  answer["quotes"] = std::move(*quote_list);
  return answer;
}

}  // namespace dyad::serve_internal
