// The tagger's features: each a 64-bit key made by hashing a template
// number with the words and tags it looks at. Keys are computed from bytes
// with a fixed hash (not std::hash), so a model file means the same thing on
// every machine and in every build.
#ifndef DYAD_ANALYZE_FEATURES_H_
#define DYAD_ANALYZE_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dyad::analyze {

// Bump when the templates below change: a model records the feature set it
// was trained with and refuses to load under another.
inline constexpr uint32_t kFeatureSetId = 2;

// Upper bound on the keys ExtractFeatures writes.
inline constexpr int kMaxFeatures = 40;

// Label numbers used for the tags before the first word.
inline constexpr int kStartLabel = 255;

// FNV-1a over the bytes, then a finalizing mix (hashes of short strings
// differ in every bit).
uint64_t HashBytes(std::string_view bytes);

// Order-dependent combination of two keys.
uint64_t CombineKeys(uint64_t a, uint64_t b);

// The per-word hashes every template draws on, computed once per word.
struct WordKeys {
  uint64_t form = 0;         // the word with curly quotes folded to straight
  uint64_t lower = 0;        // ASCII lower case of form
  uint64_t shape = 0;        // character classes, runs collapsed: "Xx", "d.d"
  uint64_t prefix[4] = {};   // first 1..4 characters of lower
  uint64_t suffix[4] = {};   // last 1..4 characters of lower
  uint64_t suffix_form = 0;  // lower suffix 3 with capitalization flag
  uint64_t word_class = 0;   // WordClasses::Find(lower), set by the caller
};

// Fills `keys` for `word`. Characters are UTF-8 code points (ill-formed
// bytes count as one character each).
void ComputeWordKeys(std::string_view word, WordKeys* keys);

// The keys for the padding words before the first and after the last word.
WordKeys BoundaryWordKeys(bool before);

// The normalized word the keys hash (curly quotes folded); exposed for tests.
std::string NormalizeWord(std::string_view word);

// Writes the feature keys for the word at `at`, where at[-2] .. at[2] are
// valid (boundary keys at the edges); prev1 and prev2 are the labels of the
// two words before (kStartLabel at the start). Returns how many keys were
// written, at most kMaxFeatures.
int ExtractFeatures(const WordKeys* at, int prev1, int prev2, uint64_t* keys);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_FEATURES_H_
