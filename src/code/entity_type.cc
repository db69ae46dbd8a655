#include "code/entity_type.h"

#include <cctype>

namespace dyad::coder_internal {

namespace {

std::string_view BaseName(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool IsBareCountryCode(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code)
    if (!std::isupper(static_cast<unsigned char>(c))) return false;
  return code != "IGO" && code != "NGO" && code != "MNC";
}

}  // namespace

std::string_view EntityTypeOf(const Actor& actor, std::string_view code) {
  if (code.empty() || code == "---" || code == "###" || code == "+++")
    return {};
  const std::string_view file = BaseName(actor.origin.file);
  if (file == "leaders.actors") return "PERSON";
  if (file == "demonyms.actors") return "NORP";
  if (file == "countries.actors" || file == "regions.actors") return "PLACE";
  if (file == "igos.actors" || file == "groups.actors" ||
      file == "media.actors")
    return "ORG";
  for (const DatedCode& dc : actor.codes)
    if (dc.first != kDateMin || dc.last != kDateMax) return "PERSON";
  return IsBareCountryCode(code) ? "PLACE" : "ORG";
}

}  // namespace dyad::coder_internal
