#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/codes.h"
#include "dyad/export.h"

namespace dyad {
namespace {

using Json = nlohmann::ordered_json;

// PLOVER actors: the country (or IGO, NGO...) code and the rest of the
// CAMEO code as the sector, as the PLOVER gold records write them.
Json PloverActors(const ActorRef& actor) {
  Json entry;
  entry["actorText"] = actor.text;
  entry["code"] = actor.code.substr(0, 3);
  if (actor.code.size() > 3) entry["sector"] = actor.code.substr(3);
  return Json::array({entry});
}

// The actor's span relative to the sentence, or false when it is not
// wholly inside it (inferred actors have empty spans).
bool SpanInSentence(const ExportRecord& record, const Span& span, size_t* begin,
                    size_t* end) {
  if (span.empty() || span.begin < record.sentence_begin) return false;
  *begin = span.begin - record.sentence_begin;
  *end = span.end - record.sentence_begin;
  return *end <= record.sentence_text.size();
}

// The sentence with "(SRC: ...)" and "(TAR: ...)" around the actors' words,
// the PLOVER markup. An actor that overlaps the other is not marked.
std::string Markup(const ExportRecord& record) {
  struct Mark {
    size_t begin, end;
    const char* label;
  };
  std::vector<Mark> marks;
  size_t begin = 0, end = 0;
  if (SpanInSentence(record, record.event.source.span, &begin, &end)) {
    marks.push_back({begin, end, "SRC"});
  }
  if (SpanInSentence(record, record.event.target.span, &begin, &end)) {
    bool overlaps =
        !marks.empty() && begin < marks[0].end && marks[0].begin < end;
    if (!overlaps) marks.push_back({begin, end, "TAR"});
  }
  std::sort(marks.begin(), marks.end(),
            [](const Mark& a, const Mark& b) { return a.begin < b.begin; });
  std::string markup;
  size_t at = 0;
  for (const Mark& mark : marks) {
    markup.append(record.sentence_text, at, mark.begin - at);
    markup += "(";
    markup += mark.label;
    markup += ": ";
    markup.append(record.sentence_text, mark.begin, mark.end - mark.begin);
    markup += ")";
    at = mark.end;
  }
  markup.append(record.sentence_text, at);
  return markup;
}

}  // namespace

std::string PloverJson(const ExportRecord& record) {
  const Event& event = record.event;
  const CameoCode* code = FindCameo(event.cameo);
  if (!code || code->plover.empty()) return "";
  Json j;
  j["id"] = "dyad-" + std::to_string(record.id);
  if (!event.date.empty()) j["date"] = event.date;
  if (!event.source.code.empty()) j["source"] = PloverActors(event.source);
  if (!event.target.code.empty()) j["target"] = PloverActors(event.target);
  j["event"] = code->plover;
  j["eventText"] = record.evidence;
  if (!record.sentence_text.empty()) {
    j["text"] = record.sentence_text;
    j["textInfo"] = {{"markup", Markup(record)}};
  }
  if (event.has_place) {
    Json place;
    place["name"] = event.place.name;
    if (!event.place.country.empty()) {
      place["country code"] = event.place.country;
    }
    j["eventLoc"] = place;
  }
  j["language"] = "en";
  j["publication"] = record.url.empty() ? record.doc_id : record.url;
  j["coder"] = "dyad";
  j["cameo"] = event.cameo;
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace dyad
