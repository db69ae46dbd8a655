// Builds a place index file from GeoNames cities500.txt and the
// world-countries countries.json (see place_index_format.h for the bytes).
// Used by the build-time generator and by tests that need a small index.
#ifndef DYAD_RESOLVE_PLACE_INDEX_WRITER_H_
#define DYAD_RESOLVE_PLACE_INDEX_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/resolve_places.h"
#include "dyad/status.h"

namespace dyad::places {

class PlaceIndexWriter {
 public:
  // Adds a country at its centroid, with its other names (official name,
  // spellings), its capital's name (matched to a place of that country
  // when the index is serialized) and its demonyms (plurals of "-an" and
  // "-i" forms are added: "Ukrainians", "Israelis").
  void AddCountry(std::string_view alpha3, std::string_view alpha2,
                  std::string_view name, double lat, double lon,
                  const std::vector<std::string>& other_names,
                  std::string_view capital,
                  const std::vector<std::string>& demonyms);

  // Adds a populated place. `country_alpha2` must name a country added
  // before (else the place has no country). Alternate names are kept when
  // they contain a lower-case letter (codes such as "NYC" are not names)
  // and fold to ASCII.
  void AddCity(std::string_view name, std::string_view ascii_name,
               const std::vector<std::string_view>& alternates, double lat,
               double lon, std::string_view feature,
               std::string_view country_alpha2, std::string_view admin1,
               uint32_t population);

  // Adds a world region ("Europe"), which has no coordinates.
  void AddRegion(std::string_view name);

  // Reads countries.json (array of objects with cca2, cca3, name.common,
  // name.official, altSpellings, capital, latlng, region, subregion,
  // demonyms.eng). NotFound when it cannot be opened; ParseError when it
  // is not such an array.
  Status ReadWorldCountries(const std::string& path);

  // Reads a GeoNames dump (tab-separated, 19 columns; read after the
  // countries). NotFound when it cannot be opened; ParseError
  // "FILE:LINE: ..." for a line with fewer than 15 columns or a bad
  // coordinate.
  Status ReadGeoNames(const std::string& path);

  // Adds the US states and DC as kAdmin1 entries of the USA at the mean of
  // their places, and the common extra names of countries ("U.S.",
  // "Britain") and regions ("Middle East"). Call after the readers.
  void AddExtras();

  // The index file's bytes.
  std::string Serialize() const;

  // Writes Serialize() to `path` (through a temporary file renamed into
  // place). IoError naming the path when it cannot.
  Status WriteFile(const std::string& path) const;

  size_t entry_count() const { return entries_.size(); }

 private:
  struct Entry {
    std::string name;
    float lat = 0;
    float lon = 0;
    uint32_t population = 0;
    uint8_t country = 0xFF;
    PlaceKind kind = PlaceKind::kCity;
    std::string admin1;
    uint8_t feature = 0;
    std::string capital;  // countries only
  };
  struct Name {
    std::string key;
    uint32_t entry;
    bool alternate;
  };
  uint32_t AddEntry(Entry entry);
  void AddName(std::string_view name, uint32_t entry, bool alternate);
  // Per country, the entry of its capital or UINT32_MAX.
  std::vector<uint32_t> FindCapitals() const;

  std::vector<Entry> entries_;
  std::vector<Name> names_;
  struct Country {
    std::string alpha3, alpha2;
    uint32_t entry = 0;
  };
  std::vector<Country> countries_;
  std::unordered_map<std::string, uint8_t> country_by_alpha2_;
  std::unordered_map<std::string, uint8_t> country_by_alpha3_;
};

}  // namespace dyad::places

#endif  // DYAD_RESOLVE_PLACE_INDEX_WRITER_H_
