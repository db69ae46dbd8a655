// Test support: a deliberately small reader for the lines of the embedded
// TABARI dictionaries, independent of src/lexicon, so that the data tests do
// not share a defect with the loader they are meant to cross-check.
#ifndef DYAD_LEXICON_DICTIONARY_LINES_H_
#define DYAD_LEXICON_DICTIONARY_LINES_H_

#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/default_lexicon_data.h"

namespace dyad::lexicon_test {

struct Entry {
  std::string file;
  int line = 0;
  std::string phrase;  // as written, before the bracket
  std::string code;    // inside the first [...]
};

inline std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Lines of a TABARI dictionary without comments: lines that start with "#",
// and ";" to the end of a line.
inline std::vector<std::pair<int, std::string>> ContentLines(
    std::string_view text) {
  std::vector<std::pair<int, std::string>> lines;
  std::istringstream in{std::string(text)};
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line[0] == '#') continue;
    size_t semi = line.find(';');
    if (semi != std::string::npos) line.erase(semi);
    line = Trim(line);
    if (!line.empty()) lines.emplace_back(number, line);
  }
  return lines;
}

// "PHRASE_ [CODE]" -> Entry; false when the line has no bracketed code.
inline bool SplitEntry(const std::string& file, int number,
                       const std::string& line, Entry* entry) {
  size_t open = line.find('[');
  size_t close = line.find(']', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return false;
  entry->file = file;
  entry->line = number;
  entry->phrase = Trim(line.substr(0, open));
  entry->code = Trim(line.substr(open + 1, close - open - 1));
  return true;
}

inline std::string Where(const Entry& e) {
  return e.file + ":" + std::to_string(e.line) + ": ";
}

inline const EmbeddedFile* FindFile(std::string_view name) {
  for (const EmbeddedFile& f : DefaultLexiconFiles()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

inline std::vector<Entry> EntriesOf(std::string_view name) {
  std::vector<Entry> entries;
  const EmbeddedFile* file = FindFile(name);
  if (file == nullptr) return entries;
  for (const auto& [number, line] : ContentLines(file->contents)) {
    Entry e;
    if (SplitEntry(std::string(name), number, line, &e)) entries.push_back(e);
  }
  return entries;
}

// The root and pattern lines of default.verbs (forms, section tags and
// synsets skipped). Lines without a [code] go to *bad as "FILE:LINE: text".
inline std::vector<Entry> VerbEntries(std::vector<std::string>* bad) {
  std::vector<Entry> entries;
  const EmbeddedFile* file = FindFile("default.verbs");
  if (file == nullptr) return entries;
  for (const auto& [number, line] : ContentLines(file->contents)) {
    if (line[0] == '{' || line[0] == '<' || line[0] == '&' || line[0] == '+') {
      continue;
    }
    Entry e;
    if (SplitEntry("default.verbs", number, line, &e)) {
      entries.push_back(e);
    } else {
      bad->push_back("default.verbs:" + std::to_string(number) + ": " + line);
    }
  }
  return entries;
}

}  // namespace dyad::lexicon_test

#endif  // DYAD_LEXICON_DICTIONARY_LINES_H_
