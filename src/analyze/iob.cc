#include "analyze/iob.h"

#include <fstream>
#include <sstream>

#include "util/split_fields.h"

namespace dyad::analyze {
namespace {

bool IsIndex(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if ((c < '0' || c > '9') && c != '-' && c != '.') return false;
  }
  return true;
}

// Splits a word line into the word and its label.
bool SplitWordLine(std::string_view line, std::string_view* word,
                   std::string_view* label) {
  if (line.find('\t') != std::string_view::npos) {
    std::vector<std::string_view> fields = SplitFields(line);
    if (fields.size() >= 3 && IsIndex(fields[0])) {
      *word = fields[1];
      *label = fields[2];
      return true;
    }
    if (fields.size() == 2) {
      *word = fields[0];
      *label = fields[1];
      return true;
    }
    return false;
  }
  size_t space = line.rfind(' ');
  if (space == std::string_view::npos || space == 0) return false;
  *word = line.substr(0, space);
  *label = line.substr(space + 1);
  return true;
}

}  // namespace

std::string_view MapEntityType(std::string_view type) {
  if (type == "PER" || type == "Person" || type == "PERSON") return "PER";
  if (type == "ORG" || type == "Organisation" || type == "Organization") {
    return "ORG";
  }
  if (type == "LOC" || type == "Location" || type == "GPE" || type == "PLACE") {
    return "LOC";
  }
  return {};
}

Result<std::vector<IobSentence>> ParseIob(std::string_view text,
                                          std::string_view name) {
  std::vector<IobSentence> sentences;
  IobSentence current;
  size_t line_number = 0;
  size_t start = 0;
  auto finish = [&]() {
    if (!current.words.empty()) sentences.push_back(std::move(current));
    current = IobSentence();
  };
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      finish();
      continue;
    }
    if (line[0] == '#' && line.find('\t') == std::string_view::npos) continue;
    if (line.starts_with("-DOCSTART-")) {
      finish();
      continue;
    }
    std::string_view word, label;
    if (!SplitWordLine(line, &word, &label) || word.empty() || label.empty()) {
      return ParseError(std::string(name) + ":" + std::to_string(line_number) +
                        ": expected a word and a label");
    }
    std::string tag = "O";
    if (label != "O") {
      if (label.size() < 3 || label[1] != '-' ||
          std::string_view("BILEUS").find(label[0]) == std::string_view::npos) {
        return ParseError(std::string(name) + ":" +
                          std::to_string(line_number) + ": bad label \"" +
                          std::string(label) + "\"");
      }
      std::string_view type = MapEntityType(label.substr(2));
      if (!type.empty())
        tag = std::string(1, label[0]) + "-" + std::string(type);
    }
    if (current.words.empty()) current.line = line_number;
    current.words.emplace_back(word);
    current.tags.push_back(std::move(tag));
  }
  finish();
  return sentences;
}

Result<std::vector<IobSentence>> ReadIobFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return IoError(path + ": read failed");
  return ParseIob(bytes.str(), path);
}

}  // namespace dyad::analyze
