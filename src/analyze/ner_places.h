// Place names for the entity tagger: the populated places of a GeoNames
// dump (cities500.txt) and the countries of the world-countries data
// (countries.json), each name with a mask of what is known about it. They
// become a gazetteer of their own (NerModel::place_names), stored as hashes,
// so tagging needs neither file.
#ifndef DYAD_ANALYZE_NER_PLACES_H_
#define DYAD_ANALYZE_NER_PLACES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyze/ner_gazetteer.h"
#include "dyad/status.h"

namespace dyad::analyze {

// Bits of a place name's mask.
enum NerPlaceBit : uint8_t {
  // Population of the largest place of that name: 0 under 10,000, 1 under
  // 100,000, 2 under a million, 3 more (countries count as 3).
  kPlacePopulationMask = 3,
  kPlaceCapital = 4,        // a national capital or first-order admin seat
  kPlaceAlternateOnly = 8,  // only ever an alternate name
  kPlaceCountry = 16,       // a country, territory or world region
  kPlaceDemonym = 32,       // a country's demonym ("French"): not an entity
  // Always set: the gazetteer reads a mask of 0 as no match, and a small
  // place with no other bit must still match.
  kPlaceListed = 64,
  // A single word that is also a common word (NerNameLists::common_words:
  // a WordNet lemma in lower case, "hope", "best").
  kPlaceCommonWord = 128,
};

// Collects place names (ASCII only, matched ignoring case) and merges what
// the sources say about each.
class NerPlaceNames {
 public:
  // Reads a GeoNames dump: tab-separated lines of geonameid, name,
  // asciiname, alternatenames (comma-separated), latitude, longitude,
  // feature class, feature code, country code, cc2, admin1 to admin4 codes,
  // population, ... The name and ASCII name of every place are taken, its
  // alternate names only when its population is at least
  // `min_alternate_population` and they have a lower-case letter (codes
  // such as "NYT" are left out). NotFound when the file cannot be opened;
  // ParseError ("FILE:LINE: ...") for a line with too few columns.
  Status ReadGeoNames(const std::string& path,
                      int64_t min_alternate_population);

  // Reads the world-countries JSON array (name.common, name.official,
  // altSpellings, capital, region, subregion, demonyms.eng.f/m). NotFound
  // when it cannot be opened, ParseError when it is not that JSON.
  Status ReadWorldCountries(const std::string& path);

  // Adds one name given as text ("Sant Julia de Loria"): split at spaces,
  // and also with inner hyphens as words of their own ("Winston - Salem"),
  // the way UD tokenizes them. Names with characters outside printable
  // ASCII, commas or brackets, or more than seven words, are skipped.
  void Add(std::string_view name, int population_class, uint8_t bits,
           bool alternate);

  size_t size() const { return names_.size(); }

  // The gazetteer: NerPlaceBit masks by phrase; kPlaceCommonWord for the
  // phrase keys in `common_words` when it is given.
  NerGazetteer ToGazetteer(
      const std::unordered_set<uint64_t>* common_words = nullptr) const;

 private:
  struct Facts {
    uint8_t population = 0;
    uint8_t bits = 0;  // kPlaceCapital, kPlaceCountry, kPlaceDemonym
    bool primary = false;
  };
  void AddWords(const std::vector<std::string_view>& words,
                int population_class, uint8_t bits, bool alternate);

  std::unordered_map<uint64_t, Facts> names_;  // by NerGazetteer::PhraseKey
};

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_NER_PLACES_H_
