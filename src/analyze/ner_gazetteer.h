// Gazetteer hints for the entity tagger: phrases of dyad's default lexicon
// (countries and regions suggest a place, IGOs and groups an organization,
// leaders a person, agents a role such as "president" or "police") found in
// a sentence by longest match. A second table of the same kind holds the
// names of actor dictionaries given to the trainer (NerModel::actor_names).
// The phrases are stored as hashes in the NER model, so tagging needs no
// lexicon.
#ifndef DYAD_ANALYZE_NER_GAZETTEER_H_
#define DYAD_ANALYZE_NER_GAZETTEER_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace dyad::analyze {

// Bits of a phrase's category mask.
enum GazetteerCategory : uint8_t {
  kGazPlace = 1,
  kGazOrg = 2,
  kGazPerson = 4,
  kGazRole = 8,
  // Entities of the training corpus, by type.
  kGazTrainPerson = 16,
  kGazTrainOrg = 32,
  kGazTrainPlace = 64,
  // In the actor names only: a single word of a person's name of two or
  // more words ("babrak", "karmal"), so a name not listed whole still
  // shows its parts.
  kGazNamePart = 128,
};

// `words` with each inner hyphen a word of its own, as UD tokenizes names
// ("coca-cola" -> "coca" "-" "cola"), appended to *split (views into the
// same strings). Returns whether any word had an inner hyphen.
bool SplitInnerHyphens(const std::vector<std::string_view>& words,
                       std::vector<std::string_view>* split);

// A name of a list read at training time, lower-cased into *lower and cut
// at spaces into *words (views into *lower; empty pieces dropped). Returns
// false, with *words left empty, for a name holding a control character,
// a non-ASCII byte or one of , ( ) " (list markup, not a name).
bool LowerCaseNameWords(std::string_view name, std::string* lower,
                        std::vector<std::string_view>* words);

class NerGazetteer {
 public:
  NerGazetteer() = default;

  // From the embedded default lexicon (include/dyad/default_lexicon_data.h).
  static NerGazetteer FromDefaultLexicon();

  // From stored (phrase hash, category mask) pairs.
  static NerGazetteer FromEntries(
      std::vector<std::pair<uint64_t, uint8_t>> entries);

  // Adds a phrase of words (matched case-insensitively, ASCII).
  void Add(const std::vector<std::string_view>& words, uint8_t mask);

  // The stored key of a phrase of ASCII lower-case words (its hash with the
  // word count in the low three bits); phrases of more than seven words
  // cannot be matched.
  static uint64_t PhraseKey(const std::vector<std::string_view>& lower_words);

  // Add, and when a word has a hyphen inside ("COCA-COLA"), also the
  // phrase tokenized the UD way, the hyphen a word of its own ("coca - cola").
  void AddName(const std::vector<std::string_view>& words, uint8_t mask);

  // Per word of `lower_words` (already ASCII lower case): 0 when no phrase
  // covers it, else (mask << 2 | position), position 0 single word, 1
  // first, 2 inside, 3 last word of the longest phrase matched leftmost.
  std::vector<uint32_t> Match(
      const std::vector<std::string>& lower_words) const;

  // The (phrase hash, mask) pairs sorted by hash (for saving).
  const std::vector<std::pair<uint64_t, uint8_t>>& entries() const {
    return entries_;
  }
  size_t size() const { return entries_.size(); }

 private:
  uint8_t Find(uint64_t hash) const;

  std::vector<std::pair<uint64_t, uint8_t>> entries_;  // sorted by hash
  size_t max_words_ = 0;
};

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_NER_GAZETTEER_H_
