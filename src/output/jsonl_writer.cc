#include <nlohmann/json.hpp>
#include <string>

#include "dyad/codes.h"
#include "dyad/output.h"

namespace dyad {
namespace {

// ordered_json writes keys in insertion order, which follows the contract
// of DESIGN.md, so the lines read like the documented example.
using json = nlohmann::ordered_json;

json SpanJson(Span s) { return json::array({s.begin, s.end}); }

json ActorJson(const ActorRef& actor) {
  json j = {{"code", actor.code}, {"text", actor.text}};
  if (!actor.span.empty()) j["span"] = SpanJson(actor.span);
  return j;
}

json OrNull(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

}  // namespace

json EventToJson(const Event& e, std::string_view evidence) {
  json j;
  j["source"] = ActorJson(e.source);
  j["target"] = ActorJson(e.target);
  j["cameo"] = e.cameo;
  if (const CameoCode* code = FindCameo(e.cameo)) {
    j["root"] = code->root;
    j["quad"] = code->quad_class;
    j["goldstein"] = code->goldstein;
    j["plover"] = OrNull(code->plover);
  } else {
    j["root"] = nullptr;
    j["quad"] = nullptr;
    j["goldstein"] = nullptr;
    j["plover"] = nullptr;
  }
  j["date"] = OrNull(e.date);
  j["date_from_text"] = e.date_from_text;
  if (e.has_place) {
    json place = {{"name", e.place.name}, {"country", e.place.country}};
    if (e.place.has_coordinates) {
      place["lat"] = e.place.lat;
      place["lon"] = e.place.lon;
    }
    j["place"] = place;
  } else {
    j["place"] = nullptr;
  }
  j["sentence"] = e.sentence;
  j["span"] = SpanJson(e.span);
  j["text"] = std::string(evidence);
  j["rule"] = e.rule;
  return j;
}

std::string DocumentToJsonLine(const Document& doc) {
  json j;
  j["doc_id"] = doc.doc_id;
  j["published"] = OrNull(doc.published);
  j["url"] = OrNull(doc.url);
  j["section"] = OrNull(doc.section);
  j["headline"] = OrNull(doc.headline);
  j["caption"] = OrNull(doc.caption);
  j["authors"] = doc.authors;
  j["dateline"] = OrNull(doc.dateline);
  j["agency"] = OrNull(doc.agency);
  j["categories"] = doc.categories;
  json events = json::array();
  for (const Event& e : doc.events)
    events.push_back(EventToJson(e, doc.Slice(e.span)));
  j["events"] = std::move(events);
  json quotes = json::array();
  for (const Quote& q : doc.quotes) {
    quotes.push_back({{"text", q.text},
                      {"speaker", ActorJson(q.speaker)},
                      {"span", SpanJson(q.span)}});
  }
  j["quotes"] = std::move(quotes);
  json entities = json::array();
  for (const Entity& en : doc.entities) {
    entities.push_back({{"text", en.text},
                        {"type", en.type},
                        {"span", SpanJson(en.span)},
                        {"code", OrNull(en.code)}});
  }
  j["entities"] = std::move(entities);
  // Invalid UTF-8 cannot reach here (ingest rejects it), but a replacement
  // keeps one odd byte from losing the whole line.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace dyad
