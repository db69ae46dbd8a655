// Lemmas: regular English inflection rules chosen by the Penn Treebank tag,
// plus a table of exceptions learned from a treebank (the forms the rules
// get wrong: "went" VBD -> "go", "children" NNS -> "child", "'s" VBZ ->
// "be").
#ifndef DYAD_ANALYZE_LEMMATIZER_H_
#define DYAD_ANALYZE_LEMMATIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/conllu.h"

namespace dyad::analyze {

// The lemma the rules give `form` tagged `xpos`: proper nouns keep their
// case (NNPS loses its plural "s"), every other word is lower-cased (ASCII)
// and loses its regular ending: NNS/VBZ "-s", "-es", "-ies"; VBD/VBN "-ed";
// VBG "-ing"; JJR/RBR "-er"; JJS/RBS "-est", with a doubled final consonant
// undone ("stopped" -> "stop") and a final "e" restored after v, c, u, z,
// rg, dg, [rlnp]s, consonant + l and some consonant-vowel-consonant endings
// ("loved" -> "love", "settled" -> "settle", "nominated" -> "nominate").
std::string RuleLemma(std::string_view form, std::string_view xpos);

class Lemmatizer {
 public:
  struct Exception {
    std::string form;  // as in the text, or lower-cased (see Lemma)
    std::string xpos;
    std::string lemma;
  };

  Lemmatizer() = default;

  // Learns the exceptions from gold sentences: for each (form, XPOS) seen,
  // the most frequent gold lemma (ties: the smaller string) becomes an
  // exception when RuleLemma gives something else.
  static Lemmatizer Learn(const std::vector<ConlluSentence>& sentences);

  // Rebuilds from exceptions (as read from a model file).
  static Lemmatizer FromExceptions(std::vector<Exception> exceptions);

  // The exception for (form, xpos); else, for a word not tagged NNP/NNPS,
  // the exception for its lower-cased form; else RuleLemma.
  std::string Lemma(std::string_view form, std::string_view xpos) const;

  // Sorted by (form, xpos), so saving is deterministic.
  const std::vector<Exception>& exceptions() const { return exceptions_; }

 private:
  // The exception of (form, xpos), or nullptr.
  const Exception* Find(std::string_view form, std::string_view xpos) const;

  // Looked up once per word tagged: an open-addressing table of hashes of
  // (form, xpos) pointing into exceptions_ (the strings are compared on a
  // hash match), small enough to stay in cache.
  struct Slot {
    uint64_t hash = 0;
    uint32_t entry = 0;  // index into exceptions_ plus one; 0: empty
  };

  std::vector<Exception> exceptions_;
  std::vector<Slot> index_;
  uint64_t mask_ = 0;
};

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_LEMMATIZER_H_
