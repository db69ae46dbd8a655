// Stored events and articles as the JSON the CLI prints for them.
#ifndef DYAD_PYTHON_STORED_EVENT_JSON_H_
#define DYAD_PYTHON_STORED_EVENT_JSON_H_

#include <nlohmann/json.hpp>
#include <string>

#include "dyad/document.h"
#include "dyad/store.h"

namespace dyad::python {

// Returns the object `dyad events --format jsonl` prints for `event`: id,
// doc_id and published (null when unknown), then the event object of the
// JSONL contract (output's EventToJson). Never fails.
nlohmann::ordered_json StoredEventToJson(const StoredEvent& event);

// Returns `doc` (an article read back from a store) as the JSONL contract
// object of `dyad code --format jsonl`, followed by "text", the article
// text every span indexes. Never fails.
std::string StoredArticleToJson(const Document& doc);

}  // namespace dyad::python

#endif  // DYAD_PYTHON_STORED_EVENT_JSON_H_
