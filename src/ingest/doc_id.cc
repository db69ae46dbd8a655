#include "ingest/doc_id.h"

namespace dyad::ingest {

std::string DocIdFromName(std::string_view name) {
  if (name == "-" || name.empty()) return "stdin";
  size_t slash = name.find_last_of('/');
  std::string_view base =
      slash == std::string_view::npos ? name : name.substr(slash + 1);
  size_t dot = base.rfind('.');
  if (dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
  return base.empty() ? std::string(name) : std::string(base);
}

std::string ExtensionOf(std::string_view name) {
  size_t slash = name.find_last_of('/');
  std::string_view base =
      slash == std::string_view::npos ? name : name.substr(slash + 1);
  size_t dot = base.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  std::string ext(base.substr(dot + 1));
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext;
}

}  // namespace dyad::ingest
