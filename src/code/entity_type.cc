#include "code/entity_type.h"

#include <cctype>

namespace dyad::coder_internal {

namespace {

bool IsBareCountryCode(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code)
    if (!std::isupper(static_cast<unsigned char>(c))) return false;
  return code != "IGO" && code != "NGO" && code != "MNC";
}

}  // namespace

std::string_view EntityTypeOf(ActorKind kind) {
  switch (kind) {
    case ActorKind::kPerson:
      return "PERSON";
    case ActorKind::kOrganisation:
      return "ORG";
    case ActorKind::kPlace:
    case ActorKind::kCapital:
      return "PLACE";
    case ActorKind::kNationality:
      return "NORP";
    case ActorKind::kUnknown:
      break;
  }
  return {};
}

std::string_view EntityTypeOf(const Actor& actor, std::string_view code) {
  if (code.empty() || code == "---" || code == "###" || code == "+++")
    return {};
  if (actor.kind != ActorKind::kUnknown) return EntityTypeOf(actor.kind);
  for (const DatedCode& dc : actor.codes)
    if (dc.first != kDateMin || dc.last != kDateMax) return "PERSON";
  return IsBareCountryCode(code) ? "PLACE" : "ORG";
}

}  // namespace dyad::coder_internal
