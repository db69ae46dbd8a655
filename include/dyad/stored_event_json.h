// A stored event as the JSON object the CLI, the Python package and the
// exports print for it.
#ifndef DYAD_STORED_EVENT_JSON_H_
#define DYAD_STORED_EVENT_JSON_H_

#include <nlohmann/json.hpp>

#include "dyad/store.h"

namespace dyad {

// Returns the object `dyad events --format jsonl` prints for `event`: id,
// doc_id and published (null when unknown), then the event object of the
// JSONL contract, with its derived fields (root, quad class, Goldstein,
// PLOVER) from the code tables exactly as for a freshly coded article
// (EventToJson in dyad/output.h). Never fails.
nlohmann::ordered_json StoredEventToJson(const StoredEvent& event);

}  // namespace dyad

#endif  // DYAD_STORED_EVENT_JSON_H_
