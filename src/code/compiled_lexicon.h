// The coder's compiled form of a Lexicon: phrases normalised (inner
// hyphens split into connected words), a hash from first words to
// dictionary entries, patterns expanded (alternatives) and ordered the way
// TABARI tries them.
#ifndef DYAD_SRC_CODE_COMPILED_LEXICON_H_
#define DYAD_SRC_CODE_COMPILED_LEXICON_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/lexicon.h"

namespace dyad::coder_internal {

enum class EntryKind : uint8_t {
  kActor,
  kAgent,
  kVerb,
  kNoun,
  kAdjective,
  kTime,
  kDiscard,
};

struct Entry {
  EntryKind kind;
  int index;      // into the Lexicon vector of that kind
  Phrase phrase;  // normalised copy
};

// A pattern after alternatives are expanded.
struct CompiledPattern {
  std::vector<PatternToken> upper;
  std::vector<PatternToken> lower;
  bool lower_connected = false;
  EventCode code;
  int length = 0;  // TABARI's ordering key: longer patterns are tried first
  int order = 0;   // position in the file; earlier wins ties
  std::string rule;
  bool has_source = false, has_target = false, has_compound = false;
  // Literal words the pattern cannot match without (outside alternatives
  // and synsets), each cut to the prefix any matching text word starts
  // with: a cheap filter before the full match.
  std::vector<std::string> required;
};

struct CompiledVerb {
  std::vector<CompiledPattern> patterns;  // in trial order
};

// Lets by_first be searched with a string_view, without a copy.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>{}(s);
  }
};

struct CompiledLexicon {
  std::shared_ptr<const Lexicon> lexicon;
  std::vector<Entry> entries;
  // First word text (or, for words ending in E, that text minus the E) to
  // entry ids.
  std::unordered_map<std::string, std::vector<int>, StringHash, std::equal_to<>>
      by_first;
  std::vector<CompiledVerb> verbs;  // parallel to lexicon->verbs
  std::unordered_map<std::string, std::vector<std::vector<PatternToken>>>
      synsets;  // normalised members by name
  size_t longest_key = 0;

  static std::shared_ptr<const CompiledLexicon> Compile(
      std::shared_ptr<const Lexicon> lexicon);
};

// True when `text` (a word of the sentence, upper case, without its
// possessive) matches dictionary word `w`. `possessive` is whether the text
// word carried a possessive 's.
bool WordMatches(const PhraseWord& w, std::string_view text, bool possessive);

}  // namespace dyad::coder_internal

#endif  // DYAD_SRC_CODE_COMPILED_LEXICON_H_
