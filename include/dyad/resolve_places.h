// resolve_places: where each event happened.
//
// A PlaceIndex is a compact, read-only index of place names built at build
// time from GeoNames (cities500: every populated place of 500 people or
// more, with its alternate names) and the world-countries data (countries,
// their centroids and capitals, demonyms, world regions), plus the US
// states. AssignEventPlaces gives each event of a Document the place its
// sentence names, else the place its source was last said to act in, else
// the dateline.
#ifndef DYAD_RESOLVE_PLACES_H_
#define DYAD_RESOLVE_PLACES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad {

// What an index entry names.
enum class PlaceKind : uint8_t {
  kCity = 0,     // a GeoNames populated place (feature class P)
  kCountry = 1,  // a country or territory, at its centroid
  kAdmin1 = 2,   // a first-order division (the US states), at the mean of
                 // its places
  kRegion = 3,   // a world region ("Europe", "East Asia"): no coordinates
  kDemonym = 4,  // a country's demonym ("Japanese"): not a place, names one
};

// One entry of the index. The views borrow from the PlaceIndex and stay
// valid as long as any copy of it lives.
struct PlaceEntry {
  uint32_t id = 0;           // entry number, 0 <= id < entry_count()
  std::string_view name;     // GeoNames or country name: "Sayama", "Japan"
  std::string_view country;  // ISO alpha-3, "" when none (regions)
  std::string_view admin1;   // GeoNames admin1 code ("TX", "34"), or ""
  std::string_view feature;  // GeoNames feature code ("PPLC"), or ""
  double lat = 0;
  double lon = 0;
  bool has_coordinates = false;  // false for regions and demonyms
  uint32_t population = 0;
  PlaceKind kind = PlaceKind::kCity;
};

// One entry a name leads to, and whether only an alternate name did.
struct PlaceCandidate {
  uint32_t id = 0;
  bool alternate = false;
};

// Returns the lookup key of a name: letters and digits case-folded with
// their accents removed ("São Tomé" -> "sao tome"), apostrophes dropped
// ("Xi'an" -> "xian"), every other run of characters (spaces, hyphens,
// periods, commas) one space, no leading or trailing space ("U.S." ->
// "u s", "Winston-Salem" -> "winston salem"). Never fails; ill-formed
// UTF-8 bytes count as separators.
std::string PlaceKey(std::string_view name);

// The read-only place index. Copies share one mapping of the file (cheap
// to copy, immutable, safe to use from many threads).
class PlaceIndex {
 public:
  // Maps the index file at `path` (built by dyad_build_place_index) and
  // checks its structure (magic, version, byte order, every section and
  // offset within the file, names sorted), so later lookups never read out
  // of bounds. Errors name the file: NotFound when it does not exist,
  // IoError when it cannot be read, DataLoss when it is truncated or its
  // offsets are inconsistent, ParseError when it is not a place index or
  // has another version.
  static Result<PlaceIndex> Load(const std::string& path);

  // As Load, from bytes in memory (the index keeps them); `name` is used
  // in error messages.
  static Result<PlaceIndex> FromBytes(std::string bytes, std::string_view name);

  // Appends to `out` the entries whose name or alternate name has the key
  // `key` (a PlaceKey), primary names first, each group by falling
  // population. Returns false (and appends nothing) when no name has it.
  bool Find(std::string_view key, std::vector<PlaceCandidate>* out) const;

  // True when some name's key starts with `key_prefix` (to stop extending
  // a run of words early).
  bool HasKeyWithPrefix(std::string_view key_prefix) const;

  // Entry `id` (id < entry_count(); out-of-range ids give an empty entry).
  PlaceEntry entry(uint32_t id) const;

  // The country-level entry of an ISO alpha-3 code, or false.
  bool CountryEntry(std::string_view alpha3, PlaceEntry* out) const;

  // Convenience: the entries named `name` (any spelling; keyed through
  // PlaceKey), in Find's order.
  std::vector<PlaceEntry> Lookup(std::string_view name) const;

  uint32_t entry_count() const;
  uint32_t key_count() const;
  size_t byte_size() const;

 private:
  struct Data;  // the mapped bytes and their checked sections
  explicit PlaceIndex(std::shared_ptr<const Data> data)
      : data_(std::move(data)) {}
  std::shared_ptr<const Data> data_;
};

// The index built with dyad: $DYAD_PLACE_INDEX when set, else the file the
// build tree made (BUILD/data/places.dyadplaces).
std::string DefaultPlaceIndexPath();

// Sets Event::place and Event::has_place of every event of `doc` (after
// the code stage; run it after the date stage, whose dates it compares).
// In order of preference:
//  1. a place its sentence names with a locative ("in", "at", "near",
//     "outside", "north of"...) inside or next to the event's words, or
//     opening the sentence ("While in South Korea on Monday, ..."); the
//     most specific one of a chain ("at Iruma Air Base in Sayama, northwest
//     of Tokyo" is named "Iruma Air Base" at Sayama's coordinates). When
//     the sentence is parsed (Document::analysis), a place inside a
//     subordinate clause that does not hold the event's source is left out
//     ("officials warned of attacks it carried out in Iraq").
//  2. the place last said of the same source (Event::source.code) in an
//     opening locative, an apposition ("Stoltenberg, in Japan, said") or
//     the caption, within three paragraphs and on the same day (both dates
//     from the text and equal, or neither from the text); a headline takes
//     the caption's place for the same source.
//  3. the dateline (Document::dateline), resolved in the index.
// Names with several entries are resolved by the countries the document
// names unambiguously (country names, demonyms, US states, the dateline's
// country), then by population (capitals first). Small towns and names
// known only as alternate spellings need the document's countries or a
// containing place; world regions ("Europe") are not places. Countries
// named as actors ("Japan imposed sanctions") are not places, nor origins
// ("from South Korea"). An event without any of these keeps has_place
// false. Returns InvalidArgument for a null `doc`, or for an event whose
// sentence is out of range (that event is skipped, the others are placed).
// Never reads outside doc->text, doc->tokens or the index.
Status AssignEventPlaces(const PlaceIndex& index, Document* doc);

// Resolves a free-standing place name (a dateline such as "Tokyo" or
// "Paris, Texas") among the countries `doc` names (may be null). Returns
// false when the name is not a known place.
bool ResolvePlaceName(const PlaceIndex& index, std::string_view name,
                      const Document* doc, Place* out);

}  // namespace dyad

#endif  // DYAD_RESOLVE_PLACES_H_
