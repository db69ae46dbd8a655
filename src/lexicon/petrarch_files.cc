// Recognising PETRARCH dictionary files and loading a directory of them.
#include <algorithm>
#include <filesystem>

#include "dyad/petrarch_lexicon.h"
#include "lexicon/petrarch_common.h"

namespace dyad {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

PetrarchFileKind PetrarchKindOf(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string name =
      Lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  if (name.size() < 4 || name.substr(name.size() - 4) != ".txt")
    return PetrarchFileKind::kNone;
  if (name.find("actors") != std::string::npos)
    return PetrarchFileKind::kActors;
  if (name.find("agents") != std::string::npos)
    return PetrarchFileKind::kAgents;
  if (name.find("discards") != std::string::npos)
    return PetrarchFileKind::kDiscards;
  if (name.find("verbs") != std::string::npos || name.rfind("cameo", 0) == 0)
    return PetrarchFileKind::kVerbs;
  return PetrarchFileKind::kNone;
}

bool LooksLikePetrarchDictionary(const std::string& path) {
  std::error_code ec;
  return PetrarchKindOf(path) != PetrarchFileKind::kNone &&
         std::filesystem::is_regular_file(path, ec);
}

Status LoadPetrarchFile(const std::string& path, Lexicon* lexicon,
                        std::vector<std::string>* errors) {
  switch (PetrarchKindOf(path)) {
    case PetrarchFileKind::kActors:
      return LoadPetrarchActors(path, lexicon, errors);
    case PetrarchFileKind::kAgents:
      return LoadPetrarchAgents(path, lexicon, errors);
    case PetrarchFileKind::kVerbs:
      return LoadPetrarchVerbs(path, lexicon, errors);
    case PetrarchFileKind::kDiscards:
      return LoadPetrarchDiscards(path, lexicon, errors);
    case PetrarchFileKind::kNone:
      break;
  }
  return InvalidArgument(path +
                         ": not a PETRARCH dictionary name (expected "
                         "*actors*.txt, *agents*.txt, *verbs*.txt, "
                         "CAMEO*.txt or *discards*.txt)");
}

Result<Lexicon> LoadPetrarchDictionaries(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return NotFound(dir + ": not a directory");
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::error_code file_ec;
    if (entry.is_regular_file(file_ec) &&
        PetrarchKindOf(entry.path().string()) != PetrarchFileKind::kNone)
      files.push_back(entry.path().string());
  }
  if (ec) return IoError(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  if (files.empty())
    return NotFound(dir +
                    ": no PETRARCH dictionary (*actors*.txt, *agents*.txt, "
                    "*verbs*.txt, CAMEO*.txt, *discards*.txt)");
  Lexicon lexicon;
  for (PetrarchFileKind kind :
       {PetrarchFileKind::kActors, PetrarchFileKind::kAgents,
        PetrarchFileKind::kVerbs, PetrarchFileKind::kDiscards}) {
    for (const std::string& file : files) {
      if (PetrarchKindOf(file) != kind) continue;
      DYAD_RETURN_IF_ERROR(LoadPetrarchFile(file, &lexicon));
      if (kind == PetrarchFileKind::kVerbs) break;  // one verb dictionary
    }
  }
  return lexicon;
}

int32_t ParsePetrarchDate(std::string_view text) {
  return petrarch_internal::ParseDate(text);
}

}  // namespace dyad
