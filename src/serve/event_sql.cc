#include "serve/event_sql.h"

#include "store/event_filter.h"

namespace dyad::serve_internal {
namespace {

Json SpanJson(const store_internal::Statement& row, int column) {
  return Json::array({row.Int(column), row.Int(column + 1)});
}

Json NullableText(const store_internal::Statement& row, int column) {
  if (row.IsNull(column)) return nullptr;
  return row.Text(column);
}

}  // namespace

std::string SqlParams::Add(std::string value) {
  values_.push_back(std::move(value));
  std::string name = "?";
  name += std::to_string(values_.size());
  return name;
}

std::string SqlParams::PrefixMatch(std::string_view column,
                                   const std::string& prefix) {
  if (prefix.empty()) return "";
  std::string low = Add(prefix);
  std::string condition = "(";
  condition += column;
  condition += " >= " + low;
  if (std::optional<std::string> bound =
          store_internal::PrefixUpperBound(prefix)) {
    condition += " AND ";
    condition += column;
    condition += " < " + Add(*bound);
  }
  return condition + ")";
}

void SqlParams::BindAll(store_internal::Statement& statement) const {
  for (size_t i = 0; i < values_.size(); ++i) {
    statement.BindText(static_cast<int>(i + 1), values_[i]);
  }
}

std::string AllOf(const std::vector<std::string>& conditions) {
  std::string joined;
  for (const std::string& condition : conditions) {
    if (condition.empty()) continue;
    if (!joined.empty()) joined += " AND ";
    joined += condition;
  }
  return joined;
}

std::string EventConditions(const EventFilterParams& filter,
                            SqlParams* params) {
  std::vector<std::string> conditions;
  if (!filter.actor.empty()) {
    std::string as_source = params->PrefixMatch("e.source_code", filter.actor);
    std::string as_target = params->PrefixMatch("e.target_code", filter.actor);
    conditions.push_back("(" + as_source + " OR " + as_target + ")");
  }
  std::string forward =
      AllOf({params->PrefixMatch("e.source_code", filter.source),
             params->PrefixMatch("e.target_code", filter.target)});
  if (filter.both_directions && !forward.empty()) {
    std::string backward =
        AllOf({params->PrefixMatch("e.source_code", filter.target),
               params->PrefixMatch("e.target_code", filter.source)});
    conditions.push_back("((" + forward + ") OR (" + backward + "))");
  } else if (!forward.empty()) {
    conditions.push_back(forward);
  }
  conditions.push_back(params->PrefixMatch("e.cameo", filter.cameo));
  if (!filter.root.empty()) {
    // The cameo range lets the events_cameo index serve a root.
    conditions.push_back(params->PrefixMatch("e.cameo", filter.root));
    conditions.push_back("e.root = " + params->Add(filter.root));
  }
  if (!filter.from.empty()) {
    conditions.push_back("e.date >= " + params->Add(filter.from));
  }
  if (!filter.to.empty()) {
    // Inclusive of every date that starts with `to`.
    if (auto bound = store_internal::PrefixUpperBound(filter.to)) {
      conditions.push_back("e.date < " + params->Add(*bound));
    }
  }
  if (!filter.quads.empty()) {
    std::string list;
    for (int quad : filter.quads) {
      if (!list.empty()) list += ", ";
      list += "CAST(" + params->Add(std::to_string(quad)) + " AS INTEGER)";
    }
    conditions.push_back("e.quad IN (" + list + ")");
  }
  if (!filter.place.empty()) {
    std::string name = params->Add(filter.place);
    std::string country = filter.place;
    for (char& c : country) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    conditions.push_back(
        "(e.place_name = " + name +
        " COLLATE NOCASE OR e.place_country = " + params->Add(country) + ")");
  }
  if (!filter.text.empty()) {
    // ASCII case folding (SQLite's lower()); the parameter is lower-cased.
    conditions.push_back(
        "instr(lower(CAST((SELECT substr(CAST(t.text AS BLOB), "
        "e.span_begin + 1, e.span_end - e.span_begin) FROM articles AS t "
        "WHERE t.id = e.article) AS TEXT)), " +
        params->Add(filter.text) + ") > 0");
  }
  return AllOf(conditions);
}

const char kEventColumns[] =
    "e.id, a.doc_id, a.headline, a.published, e.date, e.date_from_text, "
    "e.sentence, e.source_code, e.source_text, e.source_begin, e.source_end, "
    "e.target_code, e.target_text, e.target_begin, e.target_end, e.cameo, "
    "e.root, e.quad, e.goldstein, e.plover, e.place_name, e.place_country, "
    "e.place_lat, e.place_lon, e.span_begin, e.span_end, "
    "substr(CAST(a.text AS BLOB), e.span_begin + 1, "
    "e.span_end - e.span_begin), e.rule";

Json EventJson(const store_internal::Statement& row) {
  Json event;
  event["id"] = row.Int(0);
  event["doc_id"] = row.Text(1);
  event["headline"] = row.Text(2);
  event["published"] = NullableText(row, 3);
  event["date"] = NullableText(row, 4);
  event["date_from_text"] = row.Int(5) != 0;
  event["sentence"] = row.Int(6);
  event["source"] = {
      {"code", row.Text(7)}, {"text", row.Text(8)}, {"span", SpanJson(row, 9)}};
  event["target"] = {{"code", row.Text(11)},
                     {"text", row.Text(12)},
                     {"span", SpanJson(row, 13)}};
  event["cameo"] = row.Text(15);
  event["root"] = NullableText(row, 16);
  event["quad"] = row.IsNull(17) ? Json(nullptr) : Json(row.Int(17));
  event["goldstein"] = row.IsNull(18) ? Json(nullptr) : Json(row.Double(18));
  event["plover"] = NullableText(row, 19);
  if (row.IsNull(20)) {
    event["place"] = nullptr;
  } else {
    event["place"] = {
        {"name", row.Text(20)},
        {"country", row.Text(21)},
        {"lat", row.IsNull(22) ? Json(nullptr) : Json(row.Double(22))},
        {"lon", row.IsNull(23) ? Json(nullptr) : Json(row.Double(23))}};
  }
  event["span"] = SpanJson(row, 24);
  event["text"] = row.Text(26);
  event["rule"] = row.Text(27);
  return event;
}

const char kQuoteColumns[] =
    "q.id, a.doc_id, a.headline, a.published, q.text, q.span_begin, "
    "q.span_end, q.speaker_code, q.speaker_text, q.speaker_begin, "
    "q.speaker_end";

Json QuoteJson(const store_internal::Statement& row) {
  Json quote;
  quote["id"] = row.Int(0);
  quote["doc_id"] = row.Text(1);
  quote["headline"] = row.Text(2);
  quote["published"] = NullableText(row, 3);
  quote["text"] = row.Text(4);
  quote["span"] = SpanJson(row, 5);
  quote["speaker"] = {
      {"code", row.Text(7)}, {"text", row.Text(8)}, {"span", SpanJson(row, 9)}};
  return quote;
}

Result<Json> QuoteRows(store_internal::Statement& statement) {
  Json quotes = Json::array();
  DYAD_RETURN_IF_ERROR(
      statement.ForEachRow([&](const store_internal::Statement& row) {
        quotes.push_back(QuoteJson(row));
        return Status::Ok();
      }));
  return quotes;
}

std::string Dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace dyad::serve_internal
