// The dependency parser's features: 64-bit keys hashing a template number
// with the words, tags, arc labels, distances and child counts around the
// stack top and the first buffer words (in the style of Zhang and Nivre
// 2011, reduced to what greedy arc-hybrid parsing uses).
#ifndef DYAD_ANALYZE_PARSER_FEATURES_H_
#define DYAD_ANALYZE_PARSER_FEATURES_H_

#include <cstdint>
#include <string_view>

#include "analyze/transition_system.h"

namespace dyad::analyze {

// Bump when the templates change: a parser model records the feature set
// it was trained with and refuses to load under another.
inline constexpr uint32_t kParserFeatureSetId = 3;

// Upper bound on the keys ExtractParserFeatures writes.
inline constexpr int kMaxParserFeatures = 104;

// What the features know of one word: hashes of its lower-cased form and
// of its (UPOS, XPOS) tag pair. Index 0 of a sentence is the root.
struct ParserWord {
  uint64_t word = 0;
  uint64_t tag = 0;
};

// The keys of word `form` tagged `upos`/`xpos`.
ParserWord MakeParserWord(std::string_view form, std::string_view upos,
                          std::string_view xpos);

// The keys of the artificial root word.
ParserWord RootParserWord();

// Writes the feature keys of `config` over `words` (words[0] the root,
// words[i] word i) into `keys`; returns their count, at most
// kMaxParserFeatures.
int ExtractParserFeatures(const Configuration& config, const ParserWord* words,
                          uint64_t* keys);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_PARSER_FEATURES_H_
