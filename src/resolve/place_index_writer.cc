#include "resolve/place_index_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>
#include <utility>

#include "resolve/place_index_format.h"
#include "util/split_fields.h"

namespace dyad::places {
namespace {

struct UsState {
  const char* code;
  const char* name;
};

constexpr UsState kUsStates[] = {
    {"AL", "Alabama"},
    {"AK", "Alaska"},
    {"AZ", "Arizona"},
    {"AR", "Arkansas"},
    {"CA", "California"},
    {"CO", "Colorado"},
    {"CT", "Connecticut"},
    {"DE", "Delaware"},
    {"DC", "District of Columbia"},
    {"FL", "Florida"},
    {"GA", "Georgia"},
    {"HI", "Hawaii"},
    {"ID", "Idaho"},
    {"IL", "Illinois"},
    {"IN", "Indiana"},
    {"IA", "Iowa"},
    {"KS", "Kansas"},
    {"KY", "Kentucky"},
    {"LA", "Louisiana"},
    {"ME", "Maine"},
    {"MD", "Maryland"},
    {"MA", "Massachusetts"},
    {"MI", "Michigan"},
    {"MN", "Minnesota"},
    {"MS", "Mississippi"},
    {"MO", "Missouri"},
    {"MT", "Montana"},
    {"NE", "Nebraska"},
    {"NV", "Nevada"},
    {"NH", "New Hampshire"},
    {"NJ", "New Jersey"},
    {"NM", "New Mexico"},
    {"NY", "New York"},
    {"NC", "North Carolina"},
    {"ND", "North Dakota"},
    {"OH", "Ohio"},
    {"OK", "Oklahoma"},
    {"OR", "Oregon"},
    {"PA", "Pennsylvania"},
    {"RI", "Rhode Island"},
    {"SC", "South Carolina"},
    {"SD", "South Dakota"},
    {"TN", "Tennessee"},
    {"TX", "Texas"},
    {"UT", "Utah"},
    {"VT", "Vermont"},
    {"VA", "Virginia"},
    {"WA", "Washington"},
    {"WV", "West Virginia"},
    {"WI", "Wisconsin"},
    {"WY", "Wyoming"},
};

// Names news uses for countries that world-countries does not list.
constexpr std::pair<const char*, const char*> kCountryAliases[] = {
    {"U.S.", "USA"},
    {"U.S.A.", "USA"},
    {"America", "USA"},
    {"U.K.", "GBR"},
    {"Britain", "GBR"},
    {"Holland", "NLD"},
    {"Burma", "MMR"},
    {"Ivory Coast", "CIV"},
    {"Czech Republic", "CZE"},
    {"Vatican", "VAT"},
    {"West Bank", "PSE"},
    {"Gaza Strip", "PSE"},
    {"Palestinian territories", "PSE"},
    {"Macedonia", "MKD"},
    {"Swaziland", "SWZ"},
    {"East Timor", "TLS"},
    {"Cape Verde", "CPV"},
    {"UAE", "ARE"},
    {"DRC", "COD"},
    {"DR Congo", "COD"},
    {"Democratic Republic of Congo", "COD"},
    {"Republic of Congo", "COG"},
    {"UK", "GBR"},
};

constexpr const char* kExtraRegions[] = {
    "Middle East",
    "Mideast",
    "East Asia",
    "Southeast Asia",
    "South Asia",
    "Central Asia",
    "Asia-Pacific",
    "Indo-Pacific",
    "Latin America",
    "Balkans",
    "Caucasus",
    "Sahel",
    "Arctic",
    "Gulf",
    "Persian Gulf",
    "Horn of Africa",
    "Scandinavia",
    "Pacific",
    "Atlantic",
    "Mediterranean",
    "Black Sea",
    "Baltic",
    "Baltics",
    "Eurasia",
    "Near East",
    "Far East",
    "West Africa",
    "East Africa",
    "North Africa",
    "Global South",
    "Western Hemisphere",
};

bool HasLowerCaseLetter(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return c >= 'a' && c <= 'z'; });
}

// Keys kept in the index: ASCII after folding (news is in English; names
// in other scripts would only cost space), with a letter, at most 8 words.
bool UsableKey(std::string_view key) {
  if (key.empty() || key.size() > 120) return false;
  bool letter = false;
  int words = 1;
  for (char c : key) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    if (c >= 'a' && c <= 'z') letter = true;
    if (c == ' ') ++words;
  }
  return letter && words <= 8;
}

bool ParseDouble(std::string_view s, double* out) {
  std::string text(s);
  char* end = nullptr;
  *out = std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size() &&
         std::isfinite(*out);
}

uint32_t ParsePopulation(std::string_view s) {
  uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') break;
    n = std::min<uint64_t>(n * 10 + static_cast<uint64_t>(c - '0'), UINT32_MAX);
  }
  return static_cast<uint32_t>(n);
}

void AppendBytes(std::string* out, const void* data, size_t n) {
  out->append(static_cast<const char*>(data), n);
}

void PadTo4(std::string* out) {
  while (out->size() % 4 != 0) out->push_back('\0');
}

}  // namespace

uint32_t PlaceIndexWriter::AddEntry(Entry entry) {
  entries_.push_back(std::move(entry));
  return static_cast<uint32_t>(entries_.size() - 1);
}

void PlaceIndexWriter::AddName(std::string_view name, uint32_t entry,
                               bool alternate) {
  std::string key = PlaceKey(name);
  if (!UsableKey(key)) return;
  names_.push_back(Name{std::move(key), entry, alternate});
}

void PlaceIndexWriter::AddCountry(std::string_view alpha3,
                                  std::string_view alpha2,
                                  std::string_view name, double lat, double lon,
                                  const std::vector<std::string>& other_names,
                                  std::string_view capital,
                                  const std::vector<std::string>& demonyms) {
  if (alpha3.size() != 3 || countries_.size() >= kNoCountry) return;
  const auto index = static_cast<uint8_t>(countries_.size());
  Entry entry;
  entry.name = std::string(name);
  entry.lat = static_cast<float>(lat);
  entry.lon = static_cast<float>(lon);
  entry.country = index;
  entry.kind = PlaceKind::kCountry;
  entry.feature = FeatureIndex("PCLI");
  entry.capital = std::string(capital);
  const uint32_t id = AddEntry(std::move(entry));
  countries_.push_back(Country{std::string(alpha3), std::string(alpha2), id});
  country_by_alpha3_[std::string(alpha3)] = index;
  if (alpha2.size() == 2) country_by_alpha2_[std::string(alpha2)] = index;
  AddName(name, id, false);
  for (const std::string& other : other_names) {
    // Two-letter codes ("US", "IN") are ordinary words in lower case.
    if (other.size() >= 3) AddName(other, id, true);
  }
  for (const std::string& demonym : demonyms) {
    if (demonym.empty()) continue;
    Entry d;
    d.name = demonym;
    d.country = index;
    d.kind = PlaceKind::kDemonym;
    const uint32_t did = AddEntry(std::move(d));
    AddName(demonym, did, false);
    const char last = demonym.back();
    if (last == 'n' || last == 'i') AddName(demonym + "s", did, false);
  }
}

void PlaceIndexWriter::AddCity(std::string_view name,
                               std::string_view ascii_name,
                               const std::vector<std::string_view>& alternates,
                               double lat, double lon, std::string_view feature,
                               std::string_view country_alpha2,
                               std::string_view admin1, uint32_t population) {
  Entry entry;
  entry.name = std::string(name.empty() ? ascii_name : name);
  entry.lat = static_cast<float>(lat);
  entry.lon = static_cast<float>(lon);
  entry.population = population;
  auto country = country_by_alpha2_.find(std::string(country_alpha2));
  if (country != country_by_alpha2_.end()) entry.country = country->second;
  entry.kind = PlaceKind::kCity;
  entry.admin1 = std::string(admin1.substr(0, 3));
  entry.feature = FeatureIndex(feature);
  const uint32_t id = AddEntry(std::move(entry));
  const std::string primary = PlaceKey(name);
  const std::string ascii = PlaceKey(ascii_name);
  AddName(name, id, false);
  if (ascii != primary) AddName(ascii_name, id, false);
  for (std::string_view alternate : alternates) {
    if (!HasLowerCaseLetter(alternate)) continue;
    const std::string key = PlaceKey(alternate);
    if (key == primary || key == ascii) continue;
    AddName(alternate, id, true);
  }
}

void PlaceIndexWriter::AddRegion(std::string_view name) {
  Entry entry;
  entry.name = std::string(name);
  entry.kind = PlaceKind::kRegion;
  AddName(name, AddEntry(std::move(entry)), false);
}

Status PlaceIndexWriter::ReadWorldCountries(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound(path + ": cannot open");
  const nlohmann::json countries =
      nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (countries.is_discarded() || !countries.is_array()) {
    return ParseError(path + ": not a JSON array of countries");
  }
  auto text = [](const nlohmann::json& j, const char* key) {
    if (!j.is_object()) return std::string();
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>()
                                            : std::string();
  };
  std::vector<std::string> regions;
  for (const nlohmann::json& country : countries) {
    if (!country.is_object()) continue;
    const std::string alpha3 = text(country, "cca3");
    const std::string alpha2 = text(country, "cca2");
    const nlohmann::json name = country.value("name", nlohmann::json());
    const std::string common = text(name, "common");
    if (alpha3.size() != 3 || common.empty()) continue;
    std::vector<std::string> others;
    const std::string official = text(name, "official");
    if (!official.empty()) others.push_back(official);
    const nlohmann::json spellings =
        country.value("altSpellings", nlohmann::json::array());
    if (spellings.is_array()) {
      for (const nlohmann::json& s : spellings) {
        if (s.is_string()) others.push_back(s.get<std::string>());
      }
    }
    std::string capital;
    const nlohmann::json capitals =
        country.value("capital", nlohmann::json::array());
    if (capitals.is_array() && !capitals.empty() && capitals[0].is_string()) {
      capital = capitals[0].get<std::string>();
    }
    double lat = 0, lon = 0;
    const nlohmann::json latlng =
        country.value("latlng", nlohmann::json::array());
    if (latlng.is_array() && latlng.size() == 2 && latlng[0].is_number() &&
        latlng[1].is_number()) {
      lat = latlng[0].get<double>();
      lon = latlng[1].get<double>();
    }
    std::vector<std::string> demonyms;
    const nlohmann::json d = country.value("demonyms", nlohmann::json());
    if (d.is_object() && d.contains("eng")) {
      const std::string f = text(d["eng"], "f");
      const std::string m = text(d["eng"], "m");
      if (!f.empty()) demonyms.push_back(f);
      if (!m.empty() && m != f) demonyms.push_back(m);
    }
    AddCountry(alpha3, alpha2, common, lat, lon, others, capital, demonyms);
    for (const char* key : {"region", "subregion"}) {
      std::string region = text(country, key);
      if (!region.empty()) regions.push_back(std::move(region));
    }
  }
  std::sort(regions.begin(), regions.end());
  regions.erase(std::unique(regions.begin(), regions.end()), regions.end());
  for (const std::string& region : regions) AddRegion(region);
  return Status::Ok();
}

Status PlaceIndexWriter::ReadGeoNames(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound(path + ": cannot open");
  std::string line;
  size_t line_number = 0;
  std::vector<std::string_view> alternates;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    const std::vector<std::string_view> f = SplitFields(line);
    const std::string where = path + ":" + std::to_string(line_number) + ": ";
    if (f.size() < 15) {
      return ParseError(where + std::to_string(f.size()) +
                        " columns, a GeoNames line has at least 15");
    }
    double lat = 0, lon = 0;
    if (!ParseDouble(f[4], &lat) || !ParseDouble(f[5], &lon) ||
        std::fabs(lat) > 90 || std::fabs(lon) > 180) {
      return ParseError(where + "bad coordinates");
    }
    alternates.clear();
    std::string_view rest = f[3];
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      if (comma == std::string_view::npos) comma = rest.size();
      if (comma > 0) alternates.push_back(rest.substr(0, comma));
      rest.remove_prefix(std::min(comma + 1, rest.size()));
    }
    AddCity(f[1], f[2], alternates, lat, lon, f[7], f[8], f[10],
            ParsePopulation(f[14]));
  }
  if (in.bad()) return IoError(path + ": read failed");
  return Status::Ok();
}

void PlaceIndexWriter::AddExtras() {
  auto usa = country_by_alpha3_.find("USA");
  if (usa != country_by_alpha3_.end()) {
    std::map<std::string, std::tuple<double, double, int>> sums;
    for (const Entry& e : entries_) {
      if (e.kind != PlaceKind::kCity || e.country != usa->second) continue;
      auto& [lat, lon, n] = sums[e.admin1];
      lat += e.lat;
      lon += e.lon;
      ++n;
    }
    for (const UsState& state : kUsStates) {
      auto it = sums.find(state.code);
      if (it == sums.end()) continue;
      const auto& [lat, lon, n] = it->second;
      Entry entry;
      entry.name = state.name;
      entry.lat = static_cast<float>(lat / n);
      entry.lon = static_cast<float>(lon / n);
      entry.country = usa->second;
      entry.kind = PlaceKind::kAdmin1;
      entry.admin1 = state.code;
      AddName(state.name, AddEntry(std::move(entry)), false);
    }
  }
  for (const auto& [alias, alpha3] : kCountryAliases) {
    auto it = country_by_alpha3_.find(alpha3);
    if (it == country_by_alpha3_.end()) continue;
    AddName(alias, countries_[it->second].entry, false);
  }
  for (const char* region : kExtraRegions) AddRegion(region);
}

std::vector<uint32_t> PlaceIndexWriter::FindCapitals() const {
  std::unordered_map<std::string, std::vector<uint8_t>> wanted;
  for (size_t i = 0; i < countries_.size(); ++i) {
    const Entry& country = entries_[countries_[i].entry];
    if (!country.capital.empty()) {
      wanted[PlaceKey(country.capital)].push_back(static_cast<uint8_t>(i));
    }
  }
  const uint8_t pplc = FeatureIndex("PPLC");
  // Prefer the place GeoNames marks as the capital, then the larger one.
  auto better = [&](uint32_t a, uint32_t b) {
    const Entry& x = entries_[a];
    const Entry& y = entries_[b];
    if ((x.feature == pplc) != (y.feature == pplc)) return x.feature == pplc;
    return x.population > y.population;
  };
  std::vector<uint32_t> capitals(countries_.size(), UINT32_MAX);
  for (const Name& name : names_) {
    auto it = wanted.find(name.key);
    if (it == wanted.end()) continue;
    const Entry& e = entries_[name.entry];
    if (e.kind != PlaceKind::kCity) continue;
    for (uint8_t country : it->second) {
      if (e.country != country) continue;
      uint32_t& best = capitals[country];
      if (best == UINT32_MAX || better(name.entry, best)) best = name.entry;
    }
  }
  return capitals;
}

std::string PlaceIndexWriter::Serialize() const {
  // Names sorted by key, then primary before alternate, then by falling
  // population; one posting per (key, entry).
  std::vector<const Name*> sorted;
  sorted.reserve(names_.size());
  for (const Name& n : names_) sorted.push_back(&n);
  std::sort(sorted.begin(), sorted.end(), [&](const Name* a, const Name* b) {
    if (a->key != b->key) return a->key < b->key;
    if (a->alternate != b->alternate) return !a->alternate;
    const uint32_t pa = entries_[a->entry].population;
    const uint32_t pb = entries_[b->entry].population;
    if (pa != pb) return pa > pb;
    return a->entry < b->entry;
  });

  std::string key_bytes;
  std::vector<uint32_t> key_offsets, posting_starts, postings;
  std::vector<uint32_t> seen_entries;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    key_offsets.push_back(static_cast<uint32_t>(key_bytes.size()));
    posting_starts.push_back(static_cast<uint32_t>(postings.size()));
    key_bytes += sorted[i]->key;
    seen_entries.clear();
    for (; j < sorted.size() && sorted[j]->key == sorted[i]->key; ++j) {
      const uint32_t entry = sorted[j]->entry;
      if (std::find(seen_entries.begin(), seen_entries.end(), entry) !=
          seen_entries.end()) {
        continue;
      }
      seen_entries.push_back(entry);
      postings.push_back(entry << 1 | (sorted[j]->alternate ? 1u : 0u));
    }
    i = j;
  }
  key_offsets.push_back(static_cast<uint32_t>(key_bytes.size()));
  posting_starts.push_back(static_cast<uint32_t>(postings.size()));

  std::string name_bytes;
  std::vector<EntryRecord> records;
  records.reserve(entries_.size());
  for (const Entry& e : entries_) {
    EntryRecord r;
    std::memset(&r, 0, sizeof r);
    r.lat = e.lat;
    r.lon = e.lon;
    r.population = e.population;
    r.name_offset = static_cast<uint32_t>(name_bytes.size());
    const std::string_view name =
        std::string_view(e.name).substr(0, UINT16_MAX);
    r.name_length = static_cast<uint16_t>(name.size());
    name_bytes += name;
    r.country = e.country;
    r.kind = static_cast<uint8_t>(e.kind);
    std::memcpy(r.admin1, e.admin1.data(),
                std::min<size_t>(3, e.admin1.size()));
    r.feature = e.feature;
    records.push_back(r);
  }

  std::vector<CountryRecord> countries;
  const std::vector<uint32_t> capitals = FindCapitals();
  for (size_t i = 0; i < countries_.size(); ++i) {
    const Country& c = countries_[i];
    CountryRecord r;
    std::memset(&r, 0, sizeof r);
    std::memcpy(r.alpha3, c.alpha3.data(), 3);
    std::memcpy(r.alpha2, c.alpha2.data(),
                std::min<size_t>(2, c.alpha2.size()));
    r.entry = c.entry;
    r.capital = capitals[i];
    countries.push_back(r);
  }

  Header header;
  std::memset(&header, 0, sizeof header);
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.version = kVersion;
  header.byte_order = kByteOrderMark;
  header.entry_count = static_cast<uint32_t>(records.size());
  header.country_count = static_cast<uint32_t>(countries.size());
  header.key_count = static_cast<uint32_t>(key_offsets.size() - 1);
  header.posting_count = static_cast<uint32_t>(postings.size());
  header.key_bytes = static_cast<uint32_t>(key_bytes.size());
  header.name_bytes = static_cast<uint32_t>(name_bytes.size());

  std::string out;
  AppendBytes(&out, &header, sizeof header);
  AppendBytes(&out, records.data(), records.size() * sizeof(EntryRecord));
  AppendBytes(&out, countries.data(), countries.size() * sizeof(CountryRecord));
  AppendBytes(&out, key_offsets.data(), key_offsets.size() * 4);
  AppendBytes(&out, posting_starts.data(), posting_starts.size() * 4);
  AppendBytes(&out, postings.data(), postings.size() * 4);
  out += key_bytes;
  PadTo4(&out);
  out += name_bytes;
  PadTo4(&out);
  header.file_size = out.size();
  std::memcpy(out.data(), &header, sizeof header);
  return out;
}

Status PlaceIndexWriter::WriteFile(const std::string& path) const {
  const std::string bytes = Serialize();
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return IoError(temporary + ": cannot create");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return IoError(temporary + ": write failed");
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    return IoError(path + ": cannot rename " + temporary + " into place");
  }
  return Status::Ok();
}

}  // namespace dyad::places
