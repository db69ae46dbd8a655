// Stored articles as the JSON the CLI prints for them (stored events:
// dyad/stored_event_json.h).
#ifndef DYAD_PYTHON_STORED_EVENT_JSON_H_
#define DYAD_PYTHON_STORED_EVENT_JSON_H_

#include <nlohmann/json.hpp>
#include <string>

#include "dyad/document.h"

namespace dyad::python {

// Returns `doc` (an article read back from a store) as the JSONL contract
// object of `dyad code --format jsonl`, followed by "text", the article
// text every span indexes. Never fails.
std::string StoredArticleToJson(const Document& doc);

}  // namespace dyad::python

#endif  // DYAD_PYTHON_STORED_EVENT_JSON_H_
