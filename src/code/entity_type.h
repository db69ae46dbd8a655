// The kind of thing an actor dictionary entry names, for the entities list:
// a person, an organisation or a place.
#ifndef DYAD_CODE_ENTITY_TYPE_H_
#define DYAD_CODE_ENTITY_TYPE_H_

#include <string_view>

#include "dyad/lexicon.h"

namespace dyad::coder_internal {

// Returns "PERSON", "ORG", "PLACE" or "NORP" (a nationality: "Japanese")
// for `actor`, coded `code` on the article's date: its ActorKind where the
// dictionary gives one (dyad's default lexicon does); otherwise the entry's
// shape tells: a code held for a bounded period is an office holder
// (PERSON), a bare three-letter code a country or region (PLACE), anything
// else (a role, an IGO, a sector) an organisation. Returns "" for codes
// that name nothing ("---", "###", "+++", "").
std::string_view EntityTypeOf(const Actor& actor, std::string_view code);

// The type of an actor of kind `kind`; "" for ActorKind::kUnknown.
std::string_view EntityTypeOf(ActorKind kind);

}  // namespace dyad::coder_internal

#endif  // DYAD_CODE_ENTITY_TYPE_H_
