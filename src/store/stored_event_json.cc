#include "dyad/stored_event_json.h"

#include "dyad/output.h"

namespace dyad {

nlohmann::ordered_json StoredEventToJson(const StoredEvent& stored) {
  using json = nlohmann::ordered_json;
  json j;
  j["id"] = stored.id;
  j["doc_id"] = stored.doc_id;
  j["published"] =
      stored.published.empty() ? json(nullptr) : json(stored.published);
  Event event;
  event.source = stored.source;
  event.target = stored.target;
  event.cameo = stored.cameo;
  event.date = stored.date;
  event.date_from_text = stored.date_from_text;
  event.place = stored.place;
  event.has_place = stored.has_place;
  event.sentence = stored.sentence;
  event.span = stored.span;
  event.rule = stored.rule;
  j.update(EventToJson(event, stored.evidence));
  return j;
}

}  // namespace dyad
