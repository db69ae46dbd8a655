#include "stored_event_json.h"

#include "dyad/output.h"

namespace dyad::python {

using json = nlohmann::ordered_json;

json StoredEventToJson(const StoredEvent& stored) {
  json j;
  j["id"] = stored.id;
  j["doc_id"] = stored.doc_id;
  j["published"] =
      stored.published.empty() ? json(nullptr) : json(stored.published);
  // The derived fields (root, quad, goldstein, plover) come from the code
  // tables through EventToJson, exactly as for a freshly coded article.
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

std::string StoredArticleToJson(const Document& doc) {
  std::string line = DocumentToJsonLine(doc);
  // The line is valid JSON by construction (invalid UTF-8 is replaced);
  // parse without exceptions all the same, so none can escape.
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return line;
  j["text"] = doc.text;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace dyad::python
