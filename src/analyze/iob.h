// Reading named-entity corpora in the CoNLL column formats: UNER's IOB2
// (index, token, label, ...), re3d's "token<TAB>label" and wikigold's
// "token label" (IOB1). Entity types are mapped onto dyad's three (PER, ORG,
// LOC); every other type (MISC, Nationality, Weapon, ...) becomes O, so the
// corpora can be mixed in training.
#ifndef DYAD_ANALYZE_IOB_H_
#define DYAD_ANALYZE_IOB_H_

#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::analyze {

struct IobSentence {
  std::vector<std::string> words;
  // One tag per word as written in the file after the type mapping:
  // "O", or a prefix (B, I, L, E, U, S) + "-" + PER/ORG/LOC.
  std::vector<std::string> tags;
  size_t line = 0;  // line number (from 1) of the sentence's first word
};

// The dyad type of a corpus entity type ("Person", "PER" -> "PER";
// "Organisation", "ORG" -> "ORG"; "Location", "LOC", "GPE" -> "LOC"), or
// empty for a type dyad does not tag.
std::string_view MapEntityType(std::string_view type);

// Parses the text of a corpus; `name` starts every error message
// ("NAME:LINE: ..."). Lines starting with '#' that hold no tab are comments;
// "-DOCSTART-" lines are skipped; a blank line ends a sentence. ParseError
// for a word line without a label or with a label that is neither "O" nor
// PREFIX-TYPE.
Result<std::vector<IobSentence>> ParseIob(std::string_view text,
                                          std::string_view name);

// Reads and parses the file at `path`; NotFound when it cannot be opened.
Result<std::vector<IobSentence>> ReadIobFile(const std::string& path);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_IOB_H_
