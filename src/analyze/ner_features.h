// The entity tagger's labels and features. Labels are BILOU over three
// types; features are hashed keys (features.h's hash) of the word, its
// neighbours, their shapes and part-of-speech tags, gazetteer, actor-name,
// place-name and name-list matches, and the cue words of the run of capitalized
// words around it. Only the label transition depends on the previous label, so
// Viterbi decoding is exact.
#ifndef DYAD_ANALYZE_NER_FEATURES_H_
#define DYAD_ANALYZE_NER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/ner_gazetteer.h"

namespace dyad::analyze {

// Bump when the templates change: models record it and refuse another.
inline constexpr uint32_t kNerFeatureSetId = 6;

// Label 0 is O; then for each type (PER, ORG, LOC) B, I, L, U.
inline constexpr int kNerLabelCount = 13;
inline constexpr int kNerTypeCount = 3;
// The "previous label" before the first word.
inline constexpr int kNerStartLabel = kNerLabelCount;

// "O", "B-PER", ..., "U-LOC".
std::string NerLabelName(int label);
// The label of a tag ("B-ORG"; BIO's I- and IOBES's E-/S- are read as
// I-/L-/U-), or -1 for an unknown one.
int NerLabelOf(std::string_view tag);
// Whether `label` may follow `previous` (kNerStartLabel at the start).
bool NerTransitionAllowed(int previous, int label);
// Whether a sentence may end with `label`.
bool NerCanEnd(int label);

// The key of the transition weights from `previous` (scored like a feature).
uint64_t NerTransitionKey(int previous);

// Feature keys of every word of a sentence: the keys of word i are
// keys[offsets[i] .. offsets[i + 1]).
struct NerSentenceFeatures {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> offsets;
};

// Bits of a word profile (NerModel::word_profiles): how the lower-case
// word was used in the training corpus.
enum NerWordProfileBit : uint8_t {
  kProfileInPerson = 1,
  kProfileInOrg = 2,
  kProfileInPlace = 4,
  kProfileOutside = 8,     // outside every entity
  kProfileCapital = 16,    // mostly capitalized where not sentence-initial
  kProfileLowerCase = 32,  // mostly lower case where not sentence-initial
};

// Fills `features` for `words`, given one part-of-speech tag per word (the
// Penn tag from our tagger), the gazetteer, the word profiles (single
// words with a NerWordProfileBit mask) and the names of the actor
// dictionaries (a gazetteer of its own, so the weights say how far each is
// trusted), the place names of NerPlaceNames (ner_places.h) and the names
// of NerNameLists (ner_name_lists.h).
void ExtractNerFeatures(const std::vector<std::string_view>& words,
                        const std::vector<std::string_view>& pos,
                        const NerGazetteer& gazetteer,
                        const NerGazetteer& word_profiles,
                        const NerGazetteer& actor_names,
                        const NerGazetteer& place_names,
                        const NerGazetteer& name_lists,
                        NerSentenceFeatures* features);

// Best label sequence under emission[i * kNerLabelCount + label] plus
// transition[previous * kNerLabelCount + label] (previous up to
// kNerStartLabel), allowing only valid BILOU sequences.
std::vector<int> NerViterbi(const std::vector<float>& emission,
                            const std::vector<float>& transition,
                            size_t word_count);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_NER_FEATURES_H_
