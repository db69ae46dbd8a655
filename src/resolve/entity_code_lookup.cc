#include "dyad/resolve_quotes.h"

namespace dyad {

SpeakerCodeLookup EntityCodeLookup(const Document& doc) {
  return [&doc](Span mention) -> std::string {
    const Entity* overlapping = nullptr;
    for (const Entity& e : doc.entities) {
      if (e.code.empty()) continue;
      if (e.span.begin <= mention.begin && mention.end <= e.span.end)
        return e.code;
      if (overlapping == nullptr && e.span.begin < mention.end &&
          mention.begin < e.span.end)
        overlapping = &e;
    }
    return overlapping != nullptr ? overlapping->code : std::string();
  };
}

}  // namespace dyad
