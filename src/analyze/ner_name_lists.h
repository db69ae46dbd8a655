// Names of organizations, brands and other things for the entity tagger,
// from open name lists: the brands and operators of the OpenStreetMap
// name-suggestion-index (shops, restaurants, banks, hotels, transit and
// power companies, agencies), the brand titles of Simple Icons (software,
// websites, technology firms), and the capitalized nouns of WordNet by
// lexicographer file (organizations and groups, people, places, other
// things), and optionally a list of people's first and last names. Each
// name carries a mask of where it was listed; the names
// become a gazetteer of their own (NerModel::name_lists), stored as
// hashes, so tagging needs none of the files.
#ifndef DYAD_ANALYZE_NER_NAME_LISTS_H_
#define DYAD_ANALYZE_NER_NAME_LISTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyze/ner_gazetteer.h"
#include "dyad/status.h"

namespace dyad::analyze {

// Bits of a listed name's mask (every listed name has at least one).
enum NerNameListBit : uint8_t {
  kNameShop = 1,      // a brand of shops (name-suggestion-index shop/*)
  kNameBrand = 2,     // another brand: restaurants, banks, fuel, hotels...
  kNameOperator = 4,  // an operator or transit network: firms, agencies
  kNameTech = 8,      // a Simple Icons brand: software, websites, firms
  kNameWnGroup = 16,  // WordNet noun.group: organizations, groups
  kNamePerson = 32,   // WordNet noun.person, or a listed person's name
  kNameWnOther = 64,  // WordNet, any other capitalized noun (places...)
  // A single word that is also a common word: a WordNet lemma written in
  // lower case ("shell", "target"), so the name may be an ordinary word.
  kNameCommonWord = 128,
};

class NerNameLists {
 public:
  // Reads the name-suggestion-index (dist/json/nsi.json: {"nsi": {path:
  // {"items": [{"displayName", "tags": {"name", "brand", "operator",
  // "network", ...}}]}}}); the first part of each path ("brands",
  // "operators", "transit", "flags") and, for brands, the second ("shop")
  // choose the bit. NotFound when the file cannot be opened, ParseError when
  // it is not that JSON.
  Status ReadNameSuggestionIndex(const std::string& path);

  // Reads Simple Icons' data/simple-icons.json (an array of {"title",
  // "aliases": {"aka": [...]}}): kNameTech. Errors as above.
  Status ReadSimpleIcons(const std::string& path);

  // Reads WordNet from its dict directory: every lemma of data.noun that
  // starts with a capital letter, its bit chosen by the synset's
  // lexicographer file; and the lemmas written in lower case of data.noun,
  // data.verb, data.adj and data.adv, which mark single-word names as
  // common words (kNameCommonWord). NotFound when a file cannot be opened;
  // ParseError ("FILE:LINE: ...") for a malformed synset line.
  Status ReadWordNet(const std::string& dict_dir);

  // Reads a list of people's names, one a line ("Aaron"; lines starting
  // with '#' are comments), such as cspell's people-names.txt: kNamePerson.
  // NotFound when it cannot be opened.
  Status ReadPeopleNames(const std::string& path);

  // Adds one name given as text ("Hobby Lobby"): split at spaces, with a
  // final "'s" as a word of its own ("McDonald's": "mcdonald 's"), and
  // also with inner hyphens as words of their own, the way UD tokenizes.
  // Names with characters outside printable ASCII, or of more than seven
  // words, are skipped.
  void Add(std::string_view name, uint8_t bits);

  size_t size() const { return names_.size(); }

  // The NerGazetteer::PhraseKey of every common word read (ReadWordNet).
  const std::unordered_set<uint64_t>& common_words() const {
    return common_words_;
  }

  // The gazetteer: NerNameListBit masks by phrase, kNameCommonWord added
  // to the single words that are common words.
  NerGazetteer ToGazetteer() const;

 private:
  // Reads one WordNet data file; `proper` adds its capitalized lemmas.
  Status ReadWordNetData(const std::string& path, bool proper);

  std::unordered_map<uint64_t, uint8_t> names_;  // by NerGazetteer::PhraseKey
  std::unordered_set<uint64_t> common_words_;    // by NerGazetteer::PhraseKey
};

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_NER_NAME_LISTS_H_
