// The byte layout of a place index file, shared by the writer (the build
// time generator) and the reader (PlaceIndex::Load).
//
// All integers are little-endian as written by the build machine (the
// header's byte-order mark refuses a foreign one). Sections follow the
// header in this order, each a multiple of 4 bytes long:
//   entries        EntryRecord[entry_count]
//   countries      CountryRecord[country_count]
//   key_offsets    uint32[key_count + 1]  into the key bytes, ascending
//   posting_starts uint32[key_count + 1]  into postings, ascending
//   postings       uint32[posting_count]  entry << 1 | alternate-name bit
//   key bytes      key_bytes bytes (padded to 4): the PlaceKeys, sorted
//   name bytes     name_bytes bytes (padded to 4): display names (UTF-8)
// The file is exactly as long as the header says.
#ifndef DYAD_RESOLVE_PLACE_INDEX_FORMAT_H_
#define DYAD_RESOLVE_PLACE_INDEX_FORMAT_H_

#include <array>
#include <cstdint>
#include <string_view>

namespace dyad::places {

inline constexpr char kMagic[8] = {'D', 'Y', 'A', 'D', 'P', 'L', 'C', 'S'};
inline constexpr uint32_t kVersion = 1;
inline constexpr uint32_t kByteOrderMark = 0x01020304;
inline constexpr uint8_t kNoCountry = 0xFF;

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t byte_order;
  uint32_t entry_count;
  uint32_t country_count;
  uint32_t key_count;
  uint32_t posting_count;
  uint32_t key_bytes;
  uint32_t name_bytes;
  uint64_t file_size;
};
static_assert(sizeof(Header) == 48);

struct EntryRecord {
  float lat;
  float lon;
  uint32_t population;
  uint32_t name_offset;  // into the name bytes
  uint16_t name_length;
  uint8_t country;  // index into the countries, or kNoCountry
  uint8_t kind;     // dyad::PlaceKind
  char admin1[3];   // NUL-padded admin1 code ("TX", "34"); longer codes cut
  uint8_t feature;  // index into kFeatureCodes
};
static_assert(sizeof(EntryRecord) == 24);

struct CountryRecord {
  char alpha3[3];
  char alpha2[2];
  char padding[3];
  uint32_t entry;    // the country's own entry
  uint32_t capital;  // its capital's entry, or UINT32_MAX
};
static_assert(sizeof(CountryRecord) == 16);

// GeoNames feature codes of populated places (index 0: none or another).
inline constexpr std::array<std::string_view, 20> kFeatureCodes = {
    "",     "PPL",   "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLA5",
    "PPLC", "PPLCH", "PPLF", "PPLG",  "PPLH",  "PPLL",  "PPLQ",
    "PPLR", "PPLS",  "PPLW", "PPLX",  "STLMT", "PCLI"};

inline uint8_t FeatureIndex(std::string_view code) {
  for (size_t i = 1; i < kFeatureCodes.size(); ++i) {
    if (kFeatureCodes[i] == code) return static_cast<uint8_t>(i);
  }
  return 0;
}

inline constexpr uint32_t PaddedTo4(uint32_t n) { return (n + 3u) & ~3u; }

}  // namespace dyad::places

#endif  // DYAD_RESOLVE_PLACE_INDEX_FORMAT_H_
