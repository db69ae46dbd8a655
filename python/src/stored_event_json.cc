#include "stored_event_json.h"

#include "dyad/output.h"

namespace dyad::python {

using json = nlohmann::ordered_json;

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
