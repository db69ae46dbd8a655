// AssignEventPlaces: each event's place from its sentence, its source's
// whereabouts, or the dateline.
//
// Precision first: a wrong place is worse than the dateline, so a name
// counts only after a locative ("in", "at", "near", "north of") and next
// to or inside the event's words, and small or alternate-name places need
// the document's countries (or a containing place) to back them.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/resolve_places.h"
#include "utf8proc.h"

namespace dyad {
namespace {

constexpr int kMaxRunTokens = 7;
constexpr int kMaxChainLinks = 4;
constexpr int kMemoryParagraphs = 3;

bool OneOf(std::string_view word,
           std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool IsLocative(std::string_view upper) {
  return OneOf(upper, {"IN", "AT", "NEAR", "OUTSIDE", "INSIDE", "AROUND"});
}

bool IsDirection(std::string_view upper) {
  return OneOf(upper, {"NORTH", "SOUTH", "EAST", "WEST", "NORTHEAST",
                       "NORTHWEST", "SOUTHEAST", "SOUTHWEST", "NORTH-EAST",
                       "NORTH-WEST", "SOUTH-EAST", "SOUTH-WEST"});
}

bool IsAreaModifier(std::string_view upper) {
  return OneOf(upper, {"NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "CENTRAL",
                       "NORTHEASTERN", "NORTHWESTERN", "SOUTHEASTERN",
                       "SOUTHWESTERN", "NEARBY", "NEIGHBORING", "NEIGHBOURING",
                       "DOWNTOWN", "RURAL", "WAR-TORN", "SOUTH-EASTERN",
                       "NORTH-EASTERN", "SOUTH-WESTERN", "NORTH-WESTERN"});
}

// "the city of", "the port city of", "the capital of".
bool IsAreaNoun(std::string_view upper) {
  return OneOf(upper, {"CITY", "TOWN", "VILLAGE", "CAPITAL", "PORT", "PROVINCE",
                       "REGION", "DISTRICT", "STATE", "COUNTY", "AREA",
                       "OUTSKIRTS", "SUBURBS", "SUBURB", "BORDER", "HOMETOWN",
                       "PREFECTURE", "ISLAND", "COUNTRY"});
}

// Lower-case words inside names: "Dar es Salaam", "Isle of Man".
bool IsNameConnector(std::string_view upper) {
  return OneOf(upper,
               {"DE", "DEL", "LA", "LE", "AL", "EL", "ES", "OF", "DA", "DO",
                "DOS", "DAS", "DU", "DES", "AM", "UPON", "SUR", "EN"});
}

bool IsDateWord(std::string_view upper) {
  return OneOf(
      upper,
      {"MONDAY",   "TUESDAY", "WEDNESDAY", "THURSDAY",  "FRIDAY",  "SATURDAY",
       "SUNDAY",   "JANUARY", "FEBRUARY",  "MARCH",     "APRIL",   "MAY",
       "JUNE",     "JULY",    "AUGUST",    "SEPTEMBER", "OCTOBER", "NOVEMBER",
       "DECEMBER", "JAN.",    "FEB.",      "MAR.",      "APR.",    "JUN.",
       "JUL.",     "AUG.",    "SEP.",      "SEPT.",     "OCT.",    "NOV.",
       "DEC.",     "TODAY",   "YESTERDAY", "TOMORROW"});
}

// Capitalised words that are towns somewhere but in news name institutions,
// seasons or other things.
bool IsNonPlaceWord(std::string_view upper) {
  return IsDateWord(upper) ||
         OneOf(upper,
               {"CONGRESS",   "PARLIAMENT", "SENATE",   "HOUSE",
                "COURT",      "CABINET",    "COUNCIL",  "ASSEMBLY",
                "GOVERNMENT", "MINISTRY",   "ARMY",     "NAVY",
                "POLICE",     "CHRISTMAS",  "EASTER",   "RAMADAN",
                "SPRING",     "SUMMER",     "AUTUMN",   "FALL",
                "WINTER",     "PARTY",      "REUTERS",  "TWITTER",
                "FACEBOOK",   "GOOGLE",     "INTERNET", "MEDIA",
                "UNION",      "STATE",      "NATIONS",  "CHURCH",
                "EARTH",      "SPACE",      "PRESS",    "OFFICE",
                "TIMES",      "POST",       "NEWS",     "WAR",
                "HISTORY",    "I",          "A",        "AN",
                "THE",        "PRESIDENT",  "MINISTER", "PARIS AGREEMENT",
                "OLYMPICS",   "GAMES",      "CUP",      "SUMMIT",
                "TREATY",     "ACCORD",     "ACCORDS",  "CONFERENCE",
                "FORUM",      "TALKS",      "PROTOCOL", "CONVENTION",
                "XINHUA",     "TASS",       "AFP",      "AP",
                "CNN",        "BBC",        "VOA",      "YONHAP",
                "KYODO",      "INTERFAX"});
}

// "EU", "UN", "NATO": capitals only, two to five letters.
bool IsAcronym(std::string_view word) {
  if (word.size() < 2 || word.size() > 5) return false;
  return std::all_of(word.begin(), word.end(),
                     [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Last words of a named facility: its place is the town its name starts
// with or the place it is said to be in.
bool IsFacilityWord(std::string_view upper) {
  return OneOf(upper,
               {"BASE",     "AIRPORT",    "AIRFIELD",   "AIRBASE",   "HARBOR",
                "HARBOUR",  "PALACE",     "SQUARE",     "STADIUM",   "ARENA",
                "HOSPITAL", "UNIVERSITY", "COLLEGE",    "BRIDGE",    "CAMP",
                "STATION",  "HOTEL",      "EMBASSY",    "CONSULATE", "PRISON",
                "PARK",     "PLAZA",      "HALL",       "CATHEDRAL", "MOSQUE",
                "CHURCH",   "TEMPLE",     "SHRINE",     "DAM",       "PLANT",
                "REFINERY", "MINE",       "CHECKPOINT", "CROSSING",  "COMPLEX",
                "CENTER",   "CENTRE",     "BUILDING",   "TOWER",     "MUSEUM",
                "MARKET",   "BARRACKS",   "ACADEMY",    "SCHOOL",    "FACILITY",
                "TERMINAL", "COURTHOUSE", "CEMETERY",   "MEMORIAL",  "SHIPYARD",
                "PORT",     "AIRSTRIP"});
}

// Last words of an administrative area named after its main town.
bool IsAreaWord(std::string_view upper) {
  return OneOf(upper,
               {"OBLAST", "PROVINCE", "PREFECTURE", "REGION", "DISTRICT",
                "COUNTY", "GOVERNORATE", "STATE", "TERRITORY", "PARISH",
                "MUNICIPALITY", "KRAI", "OKRUG", "CANTON", "DEPARTMENT"});
}

struct Landmark {
  std::string_view key;
  std::string_view city;
  std::string_view country;
};

// Seats of power that stand for their city.
constexpr Landmark kLandmarks[] = {
    {"kremlin", "moscow", "RUS"},
    {"white house", "washington", "USA"},
    {"pentagon", "washington", "USA"},
    {"capitol", "washington", "USA"},
    {"capitol hill", "washington", "USA"},
    {"downing street", "london", "GBR"},
    {"elysee", "paris", "FRA"},
    {"elysee palace", "paris", "FRA"},
    {"blue house", "seoul", "KOR"},
    {"zhongnanhai", "beijing", "CHN"},
};

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadians = 3.14159265358979323846 / 180;
  const double dlat = (lat2 - lat1) * kRadians;
  const double dlon = (lon2 - lon1) * kRadians;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRadians) * std::cos(lat2 * kRadians) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 6371.0 * 2 * std::asin(std::min(1.0, std::sqrt(a)));
}

// How a chain link relates to the one before it.
enum class Relation {
  kFirst,  // the place the locative names
  kIn,     // "in Y": contains the previous link
  kComma,  // ", Y": contains it when Y is a country, state or near town
  kNear,   // "north of Y", "near Y": close to it
};

struct Link {
  uint32_t begin = 0;  // token range of the name
  uint32_t end = 0;
  Relation relation = Relation::kFirst;
};

struct Chain {
  uint32_t begin = 0;  // the locative word
  uint32_t end = 0;    // past the last name
  bool at = false;     // opened by "at"
  // "While in South Korea on Monday, ...": sets the scene of the sentence.
  bool opening = false;
  std::vector<Link> links;
};

// What a run of words resolved to.
struct Resolved {
  bool ok = false;
  PlaceEntry entry;
  bool facility = false;  // a named site ("Iruma Air Base")
  std::string facility_name;
};

// Where an event happened, with where it came from.
struct Found {
  bool ok = false;
  Place place;
};

// The population of the largest place among `candidates`.
uint32_t LargestPlace(const PlaceIndex& index,
                      const std::vector<PlaceCandidate>& candidates) {
  uint32_t largest = 0;
  for (const PlaceCandidate& c : candidates) {
    largest = std::max(largest, index.entry(c.id).population);
  }
  return largest;
}

// The document-wide facts used to choose among same-name places.
class Context {
 public:
  Context(const PlaceIndex& index, const Document& doc)
      : index_(index), doc_(doc) {}

  const PlaceIndex& index() const { return index_; }
  const Document& doc() const { return doc_; }

  std::string_view Word(uint32_t t) const {
    return doc_.Slice(doc_.tokens[t].span);
  }
  std::string_view Upper(uint32_t t) const { return doc_.tokens[t].upper; }
  bool IsWord(uint32_t t) const {
    return doc_.tokens[t].kind == TokenKind::kWord;
  }
  bool IsCapitalised(uint32_t t) const {
    if (!IsWord(t)) return false;
    const std::string_view w = Word(t);
    if (w.empty()) return false;
    const unsigned char c = static_cast<unsigned char>(w[0]);
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    utf8proc_int32_t cp = -1;
    utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(w.data()),
                     static_cast<utf8proc_ssize_t>(w.size()), &cp);
    return cp >= 0 && utf8proc_isupper(cp);
  }
  const std::string& Key(uint32_t t) {
    auto it = keys_.find(t);
    if (it == keys_.end()) it = keys_.emplace(t, PlaceKey(Word(t))).first;
    return it->second;
  }
  std::string JoinedKey(uint32_t begin, uint32_t end) {
    std::string key;
    for (uint32_t t = begin; t < end; ++t) {
      const std::string& k = Key(t);
      if (k.empty()) continue;
      if (!key.empty()) key.push_back(' ');
      key += k;
    }
    return key;
  }
  std::string RunText(uint32_t begin, uint32_t end) const {
    if (begin >= end) return {};
    return std::string(doc_.Slice(
        Span{doc_.tokens[begin].span.begin, doc_.tokens[end - 1].span.end}));
  }

  // Counts the countries (and US states) the document names unambiguously.
  void ScanCountries();
  void SetDatelineCountry(std::string country) {
    dateline_country_ = std::move(country);
  }

  // How likely `e` is meant, among same-name candidates whose largest
  // place has `largest` people.
  double Score(const PlaceEntry& e, bool alternate, uint32_t largest) const;
  bool InDocumentCountries(std::string_view country) const {
    return !country.empty() && (countries_.count(std::string(country)) > 0 ||
                                country == dateline_country_);
  }

 private:
  const PlaceIndex& index_;
  const Document& doc_;
  std::unordered_map<uint32_t, std::string> keys_;
  std::map<std::string, int> countries_;
  int most_mentions_ = 0;
  std::set<std::string> admin1_;  // "USA/TX"
  std::string dateline_country_;
};

double Context::Score(const PlaceEntry& e, bool alternate,
                      uint32_t largest) const {
  double score = 0;
  switch (e.kind) {
    case PlaceKind::kCity:
      score = std::log10(static_cast<double>(e.population) + 1);
      if (e.feature == "PPLC") score += 2;
      if (e.feature == "PPLA") score += 1;
      break;
    case PlaceKind::kCountry:
      score = 8;
      break;
    case PlaceKind::kAdmin1:
      score = 5.5;
      break;
    case PlaceKind::kRegion:
      score = 8.5;
      break;
    case PlaceKind::kDemonym:
      return -100;
  }
  const std::string country(e.country);
  const bool dateline = !country.empty() && country == dateline_country_;
  const bool state = !e.admin1.empty() &&
                     admin1_.count(country + "/" + std::string(e.admin1)) > 0;
  if (dateline) score += 2.5;
  if (state) score += 3;
  auto mentions = countries_.find(country);
  if (!country.empty() && mentions != countries_.end()) {
    // A mention of the country backs a namesake only when it is not
    // dwarfed by a famous place of the same name (Geneva, Illinois
    // against Geneva in a story that names the United States); its state
    // or the dateline back it whatever its size.
    const bool comparable = e.kind != PlaceKind::kCity || dateline || state ||
                            uint64_t{e.population} * 6 >= largest;
    if (comparable) {
      score += 1 + 1.5 * mentions->second / std::max(1, most_mentions_);
    }
  }
  // Alternate names of large places are mostly their English names
  // ("Geneva", "Munich"); those of small places, local spellings.
  if (alternate) score -= e.population >= 100000 ? 0.5 : 2;
  return score;
}

void Context::ScanCountries() {
  std::vector<PlaceCandidate> found;
  for (const Sentence& s : doc_.sentences) {
    if (s.part != PartKind::kHeadline && s.part != PartKind::kCaption &&
        s.part != PartKind::kBody) {
      continue;
    }
    const uint32_t end =
        std::min<uint32_t>(s.first_token + s.token_count,
                           static_cast<uint32_t>(doc_.tokens.size()));
    for (uint32_t t = s.first_token; t < end;) {
      if (!IsCapitalised(t)) {
        ++t;
        continue;
      }
      // Longest run of words that is a name, at most five.
      uint32_t best_end = 0;
      std::vector<PlaceCandidate> best;
      std::string key;
      for (uint32_t u = t; u < end && u < t + 5 && IsWord(u); ++u) {
        if (!Key(u).empty()) {
          if (!key.empty()) key.push_back(' ');
          key += Key(u);
        }
        if (!index_.HasKeyWithPrefix(key)) break;
        found.clear();
        if (index_.Find(key, &found)) {
          best_end = u + 1;
          best = found;
        }
      }
      if (best_end == 0) {
        ++t;
        continue;
      }
      std::string country, admin1;
      bool ambiguous = false, any = false;
      // "Washington", "New York": a state and a city; the country counts,
      // the state does not.
      std::set<std::string_view> city_countries;
      for (const PlaceCandidate& c : best) {
        const PlaceEntry e = index_.entry(c.id);
        if (e.kind == PlaceKind::kCity && e.population >= 100000) {
          city_countries.insert(e.country);
        }
      }
      for (const PlaceCandidate& c : best) {
        const PlaceEntry e = index_.entry(c.id);
        if (e.kind == PlaceKind::kCity || e.kind == PlaceKind::kRegion) {
          continue;
        }
        const std::string this_admin1 =
            e.kind == PlaceKind::kAdmin1 ? std::string(e.admin1) : "";
        if (any && (country != e.country || admin1 != this_admin1)) {
          ambiguous = true;
        }
        any = true;
        country = std::string(e.country);
        admin1 = this_admin1;
      }
      if (any && !ambiguous && !country.empty()) {
        most_mentions_ = std::max(most_mentions_, ++countries_[country]);
        if (!admin1.empty() && !city_countries.count(country)) {
          admin1_.insert(country + "/" + admin1);
        }
      }
      t = best_end;
    }
  }
}

// The sentence of token range [begin, end) of `doc`.
struct TokenRange {
  uint32_t begin = 0;
  uint32_t end = 0;
};

class Resolver {
 public:
  explicit Resolver(Context* context) : cx_(*context) {}

  // The locative chains of a sentence.
  std::vector<Chain> FindChains(TokenRange sentence);

  // The place a chain names, most specific first.
  Found ResolveChain(const Chain& chain);

  // Resolves a run of words (a name) among candidates satisfying
  // `container` (when given) and the precision rules.
  Resolved ResolveRun(uint32_t begin, uint32_t end, const PlaceEntry* outer,
                      Relation relation, bool opened_by_at);

  // Best candidate of `key` (a PlaceKey) satisfying `outer`.
  std::optional<PlaceEntry> Best(std::string_view key, const PlaceEntry* outer,
                                 Relation relation, bool multi_word,
                                 bool opened_by_at, bool strict);

 private:
  // Reads a name run starting at `t` (capitalised words and connectors).
  uint32_t RunEnd(uint32_t t, uint32_t limit);
  // After a locative word at `t`: skips "the", area modifiers and "city
  // of"; returns the first token of the name or `limit`.
  uint32_t NameStart(uint32_t t, uint32_t limit);
  bool Contains(const PlaceEntry& outer, const PlaceEntry& inner,
                Relation relation) const;
  // True when the name `outer` (after a comma) can contain `inner`: a
  // country, a state, or a town near one of inner's places.
  bool CouldContain(const Link& inner, const Link& outer) {
    std::vector<PlaceCandidate> outers, inners;
    if (!cx_.index().Find(cx_.JoinedKey(outer.begin, outer.end), &outers)) {
      return false;
    }
    cx_.index().Find(cx_.JoinedKey(inner.begin, inner.end), &inners);
    for (const PlaceCandidate& o : outers) {
      const PlaceEntry e = cx_.index().entry(o.id);
      if (e.kind == PlaceKind::kCountry || e.kind == PlaceKind::kAdmin1) {
        return true;
      }
      if (e.kind != PlaceKind::kCity) continue;
      for (const PlaceCandidate& i : inners) {
        if (Contains(e, cx_.index().entry(i.id), Relation::kComma)) {
          return true;
        }
      }
    }
    return false;
  }

  Context& cx_;
};

uint32_t Resolver::RunEnd(uint32_t t, uint32_t limit) {
  uint32_t end = t;
  while (end < limit && end - t < kMaxRunTokens) {
    if (cx_.IsCapitalised(end)) {
      ++end;
    } else if (end > t && end + 1 < limit && cx_.IsWord(end) &&
               IsNameConnector(cx_.Upper(end)) && cx_.IsCapitalised(end + 1)) {
      end += 2;
    } else {
      break;
    }
  }
  return std::min(end, limit);
}

uint32_t Resolver::NameStart(uint32_t t, uint32_t limit) {
  if (t < limit && cx_.Upper(t) == "THE") ++t;
  while (t < limit && IsAreaModifier(cx_.Upper(t))) ++t;
  // "the city of", "the port city of", "the capital of".
  uint32_t u = t;
  while (u < limit && u - t < 3 && IsAreaNoun(cx_.Upper(u))) ++u;
  if (u > t && u < limit && cx_.Upper(u) == "OF") {
    t = u + 1;
    if (t < limit && cx_.Upper(t) == "THE") ++t;
  }
  return t;
}

std::vector<Chain> Resolver::FindChains(TokenRange s) {
  std::vector<Chain> chains;
  for (uint32_t t = s.begin; t < s.end; ++t) {
    if (!cx_.IsWord(t)) continue;
    const std::string_view upper = cx_.Upper(t);
    uint32_t name = s.end;
    Chain chain;
    chain.begin = t;
    Relation first = Relation::kFirst;
    if (IsLocative(upper)) {
      // "from" marks an origin, not the place of the event.
      if (t > s.begin && cx_.Upper(t - 1) == "FROM") continue;
      name = NameStart(t + 1, s.end);
      chain.at = upper == "AT";
    } else if (IsDirection(upper) && t + 1 < s.end &&
               cx_.Upper(t + 1) == "OF") {
      name = NameStart(t + 2, s.end);
      first = Relation::kNear;
    } else {
      continue;
    }
    if (name >= s.end || !cx_.IsCapitalised(name)) continue;
    uint32_t end = RunEnd(name, s.end);
    // "in Russia's war", "the U.S.-led sanctions": a modifier, not a place.
    if (end < s.end && cx_.doc().tokens[end].kind == TokenKind::kPossessive) {
      t = end;
      continue;
    }
    if (end + 1 < s.end && cx_.Word(end) == "-" && cx_.IsWord(end + 1) &&
        !cx_.IsCapitalised(end + 1)) {
      t = end;
      continue;
    }
    chain.links.push_back(Link{name, end, first});
    // Containers: ", Y", "in Y", "north of Y", "near Y".
    while (chain.links.size() < kMaxChainLinks && end < s.end) {
      uint32_t u = end;
      Relation relation = Relation::kIn;
      bool comma = false;
      if (cx_.Word(u) == ",") {
        comma = true;
        ++u;
      }
      if (u < s.end && cx_.Upper(u) == "JUST") ++u;
      // "30 km north of", "some 20 miles south of".
      if (u < s.end && cx_.Upper(u) == "SOME") ++u;
      if (u + 1 < s.end && cx_.doc().tokens[u].kind == TokenKind::kNumber &&
          OneOf(cx_.Upper(u + 1),
                {"KM", "KILOMETERS", "KILOMETRES", "MILES", "MI"})) {
        u += 2;
      }
      uint32_t next = s.end;
      if (u < s.end && cx_.Upper(u) == "IN") {
        next = NameStart(u + 1, s.end);
        relation = Relation::kIn;
      } else if (u < s.end && OneOf(cx_.Upper(u), {"NEAR", "OUTSIDE"})) {
        next = NameStart(u + 1, s.end);
        relation = Relation::kNear;
      } else if (u + 1 < s.end && IsDirection(cx_.Upper(u)) &&
                 cx_.Upper(u + 1) == "OF") {
        next = NameStart(u + 2, s.end);
        relation = Relation::kNear;
      } else if (comma && u == end + 1) {
        next = u;
        relation = Relation::kComma;
      }
      if (next >= s.end || !cx_.IsCapitalised(next)) break;
      const uint32_t next_end = RunEnd(next, s.end);
      if (next_end < s.end &&
          cx_.doc().tokens[next_end].kind == TokenKind::kPossessive) {
        break;
      }
      // ", Stoltenberg said": after a bare comma only a known name
      // continues the chain.
      if (relation == Relation::kComma &&
          !CouldContain(chain.links.back(), Link{next, next_end})) {
        break;
      }
      // "in Washington, New York and San Francisco" is a list.
      if (relation == Relation::kComma && next_end < s.end &&
          (OneOf(cx_.Upper(next_end), {"AND", "OR"}) ||
           (cx_.Word(next_end) == "," && next_end + 1 < s.end &&
            cx_.IsCapitalised(next_end + 1) &&
            !CouldContain(Link{next, next_end},
                          Link{next_end + 1, RunEnd(next_end + 1, s.end)})))) {
        break;
      }
      chain.links.push_back(Link{next, next_end, relation});
      end = next_end;
    }
    chain.end = end;
    uint32_t first_word = s.begin;
    if (first_word < s.end && OneOf(cx_.Upper(first_word), {"WHILE", "WHEN"})) {
      ++first_word;
    }
    if (chain.begin == first_word) {
      for (uint32_t u = end; u < std::min(end + 5, s.end); ++u) {
        if (cx_.Word(u) == ",") chain.opening = true;
      }
    }
    chains.push_back(std::move(chain));
    t = end - 1;
  }
  return chains;
}

bool Resolver::Contains(const PlaceEntry& outer, const PlaceEntry& inner,
                        Relation relation) const {
  if (inner.id == outer.id) return false;
  switch (outer.kind) {
    case PlaceKind::kCountry:
      return relation != Relation::kNear && inner.country == outer.country &&
             inner.kind != PlaceKind::kCountry;
    case PlaceKind::kAdmin1:
      return relation != Relation::kNear && inner.kind == PlaceKind::kCity &&
             inner.country == outer.country && inner.admin1 == outer.admin1;
    case PlaceKind::kCity: {
      if (inner.kind != PlaceKind::kCity) return false;
      const double limit = relation == Relation::kNear ? 300 : 100;
      return DistanceKm(outer.lat, outer.lon, inner.lat, inner.lon) <= limit;
    }
    default:
      return false;
  }
}

std::optional<PlaceEntry> Resolver::Best(std::string_view key,
                                         const PlaceEntry* outer,
                                         Relation relation, bool multi_word,
                                         bool opened_by_at, bool strict) {
  std::vector<PlaceCandidate> candidates;
  if (!cx_.index().Find(key, &candidates)) return std::nullopt;
  std::optional<PlaceEntry> best;
  bool best_alternate = false;
  double best_score = -1e9;
  const uint32_t largest = LargestPlace(cx_.index(), candidates);
  for (const PlaceCandidate& c : candidates) {
    const PlaceEntry e = cx_.index().entry(c.id);
    if (e.kind == PlaceKind::kDemonym) continue;
    // "in Washington, New York and San Francisco": after a comma only the
    // place's own name, not an alternate one, is read inside a container.
    if (outer && relation == Relation::kComma && c.alternate) continue;
    if (outer && !Contains(*outer, e, relation)) continue;
    const double score = cx_.Score(e, c.alternate, largest);
    if (!best || score > best_score) {
      best = e;
      best_score = score;
      best_alternate = c.alternate;
    }
  }
  if (!best) return std::nullopt;
  if (best->kind != PlaceKind::kCity || outer) return best;
  // A town named without a containing place must be large, or in a
  // country the document is about.
  const uint32_t population = best->population;
  const bool home = cx_.InDocumentCountries(best->country);
  bool accept;
  if (best_alternate) {
    accept = population >= 100000 || (home && population >= 20000);
  } else if (multi_word) {
    accept = population >= 1000 || home;
  } else {
    const uint32_t home_floor = opened_by_at ? 20000 : 5000;
    accept = population >= 100000 || (home && population >= home_floor);
  }
  if (strict) accept = accept && home && population >= 20000;
  if (!accept) return std::nullopt;
  return best;
}

Resolved Resolver::ResolveRun(uint32_t begin, uint32_t end,
                              const PlaceEntry* outer, Relation relation,
                              bool opened_by_at) {
  Resolved r;
  // Trailing date words ("in Tokyo Monday") are not part of the name.
  while (end > begin + 1 && IsDateWord(cx_.Upper(end - 1))) --end;
  if (end - begin == 1 && IsNonPlaceWord(cx_.Upper(begin))) return r;
  // "the EU", "the UN": acronyms name countries at most, never the town
  // that shares the letters (Eu, France).
  const bool acronym = end - begin == 1 && IsAcronym(cx_.Word(begin));
  std::string key = cx_.JoinedKey(begin, end);
  for (const Landmark& landmark : kLandmarks) {
    if (key != landmark.key) continue;
    std::vector<PlaceCandidate> candidates;
    cx_.index().Find(landmark.city, &candidates);
    for (const PlaceCandidate& c : candidates) {
      const PlaceEntry e = cx_.index().entry(c.id);
      if (e.kind == PlaceKind::kCity && e.country == landmark.country) {
        r.ok = true;
        r.entry = e;
        r.facility = true;
        r.facility_name = cx_.RunText(begin, end);
        return r;
      }
    }
    return r;
  }
  const bool multi_word = end - begin > 1;
  if (auto e = Best(key, outer, relation, multi_word, opened_by_at, false)) {
    if (acronym && e->kind == PlaceKind::kCity) return r;
    r.ok = true;
    r.entry = *e;
    return r;
  }
  if (cx_.Upper(begin) == "THE" && end - begin > 1) {
    if (auto e = Best(cx_.JoinedKey(begin + 1, end), outer, relation,
                      end - begin > 2, opened_by_at, false)) {
      r.ok = true;
      r.entry = *e;
      return r;
    }
  }
  // "Iruma Air Base", "Kyiv Oblast": a site or area named after a town.
  const std::string_view last = cx_.Upper(end - 1);
  const bool facility = IsFacilityWord(last);
  if (!facility && !IsAreaWord(last)) return r;
  r.facility = true;
  r.facility_name = cx_.RunText(begin, end);
  for (uint32_t prefix_end = end - 1; prefix_end > begin; --prefix_end) {
    const std::string prefix = cx_.JoinedKey(begin, prefix_end);
    // The town a site is named after must be a sizeable one in the
    // document's countries, or near the place the site is said to be.
    const Relation prefix_relation = outer && outer->kind == PlaceKind::kCity
                                         ? Relation::kNear
                                         : Relation::kIn;
    if (auto e = Best(prefix, outer, prefix_relation, false, false,
                      outer == nullptr)) {
      if (e->kind == PlaceKind::kCity) {
        r.ok = true;
        r.entry = *e;
      }
      break;
    }
  }
  return r;
}

Found Resolver::ResolveChain(const Chain& chain) {
  Found found;
  std::optional<PlaceEntry> outer;
  Relation outer_relation = Relation::kFirst;
  std::string facility_name;
  size_t last = chain.links.size();
  // From the outermost container inwards; a ", Y" that does not contain
  // the name before it ("in Paris, Berlin and London") is dropped.
  for (size_t i = last; i-- > 0;) {
    const Link& link = chain.links[i];
    Resolved r = ResolveRun(link.begin, link.end, outer ? &*outer : nullptr,
                            outer_relation, chain.at && i == 0);
    if (!r.ok && outer && outer_relation == Relation::kComma) {
      outer.reset();
      r = ResolveRun(link.begin, link.end, nullptr, Relation::kFirst,
                     chain.at && i == 0);
    }
    if (r.ok && r.entry.kind == PlaceKind::kRegion) {
      // A world region is no place to pin an event to, nor a container.
      if (!outer) return found;
      r.ok = false;
    }
    if (r.facility && i == 0) facility_name = r.facility_name;
    if (r.ok) {
      // A site named after its town but said to be in another place:
      // the place it is in is the better anchor.
      const bool keep_container = r.facility && outer &&
                                  outer->kind == PlaceKind::kCity &&
                                  outer_relation == Relation::kIn;
      if (!keep_container) outer = r.entry;
    }
    outer_relation = link.relation;
  }
  if (!outer) {
    // A named site and nothing else: only the dateline can place it.
    return found;
  }
  found.ok = true;
  found.place.name =
      facility_name.empty() ? std::string(outer->name) : facility_name;
  found.place.country = std::string(outer->country);
  found.place.lat = outer->lat;
  found.place.lon = outer->lon;
  found.place.has_coordinates = outer->has_coordinates;
  return found;
}

// The tokens of the sentence `s` that `span` covers (all of `s` when
// none).
TokenRange EventTokens(const Document& doc, Span span, TokenRange s) {
  TokenRange r{s.end, s.begin};
  for (uint32_t t = s.begin; t < s.end; ++t) {
    const Span sp = doc.tokens[t].span;
    if (sp.end > span.begin && sp.begin < span.end) {
      r.begin = std::min(r.begin, t);
      r.end = std::max(r.end, t + 1);
    }
  }
  if (r.begin >= r.end) return TokenRange{s.begin, s.end};
  return r;
}

bool IsClauseBreak(const Context& cx, uint32_t t) {
  const TokenKind kind = cx.doc().tokens[t].kind;
  if (kind != TokenKind::kWord && kind != TokenKind::kNumber) return true;
  return OneOf(cx.Upper(t),
               {"WHERE", "WHICH", "WHO", "WHILE", "BUT", "AND", "THAT",
                "BECAUSE", "AFTER", "BEFORE", "WHEN", "SAID", "SAYS"});
}

bool IsClauseRelation(std::string_view deprel) {
  return deprel.starts_with("acl") || deprel.starts_with("advcl") ||
         deprel.starts_with("ccomp") || deprel.starts_with("csubj") ||
         deprel == "parataxis";
}

// True when `t` is `ancestor` or lies below it in the parse.
bool Below(const Document& doc, uint32_t t, uint32_t ancestor) {
  for (int steps = 0; steps < 64; ++steps) {
    if (t == ancestor) return true;
    const int32_t head = doc.analysis[t].head;
    if (head < 0 || static_cast<uint32_t>(head) >= doc.tokens.size()) {
      return false;
    }
    t = static_cast<uint32_t>(head);
  }
  return false;
}

// True when the parse puts `governor` in a subordinate clause (a relative
// clause, "saying ...", "that ...") that does not hold `actor` (the
// event's source words): "officials warned ... of attacks it had carried
// out in Iraq".
bool InOtherClause(const Document& doc, int32_t governor, TokenRange actor) {
  const TokenRange ev = actor;
  auto t = static_cast<uint32_t>(governor);
  for (int steps = 0; steps < 64; ++steps) {
    if (t >= ev.begin && t < ev.end) return false;
    if (IsClauseRelation(doc.analysis[t].deprel)) {
      for (uint32_t e = ev.begin; e < ev.end; ++e) {
        if (Below(doc, e, t)) return false;
      }
      return true;
    }
    const int32_t head = doc.analysis[t].head;
    if (head < 0 || static_cast<uint32_t>(head) >= doc.tokens.size()) {
      return false;
    }
    t = static_cast<uint32_t>(head);
  }
  return false;
}

// How well a chain belongs to an event: 0 not at all, 4 inside its
// words, 3 attached to them in the parse, 2 next to them, 1 a
// sentence-opening locative ("While in South Korea on Monday, ...").
int Attachment(const Context& cx, const Chain& c, TokenRange ev,
               TokenRange source) {
  const Document& doc = cx.doc();
  const bool parsed = doc.analysis.size() == doc.tokens.size();
  // The word the place's name hangs from in the parse, if any.
  int32_t governor = -1;
  if (parsed) {
    const Link& first = c.links.front();
    for (uint32_t t = first.begin; t < first.end; ++t) {
      const int32_t head = doc.analysis[t].head;
      if (head < 0 || static_cast<uint32_t>(head) >= doc.tokens.size()) {
        continue;
      }
      const auto h = static_cast<uint32_t>(head);
      if (h >= first.begin && h < first.end) continue;
      governor = head;
      break;
    }
    if (governor >= 0 && InOtherClause(doc, governor, source)) return 0;
  }
  if (c.begin >= ev.begin && c.begin < ev.end) return 4;
  if (governor >= 0 && static_cast<uint32_t>(governor) >= ev.begin &&
      static_cast<uint32_t>(governor) < ev.end) {
    return 3;
  }
  auto clear_between = [&](uint32_t from, uint32_t to) {
    if (to - from > 4) return false;
    for (uint32_t t = from; t < to; ++t) {
      if (IsClauseBreak(cx, t)) return false;
    }
    return true;
  };
  if (c.begin >= ev.end && clear_between(ev.end, c.begin)) return 2;
  if (c.end <= ev.begin && clear_between(c.end, ev.begin)) return 2;
  if (c.opening && c.end <= ev.begin) return 1;
  return 0;
}

// The chain follows the source's words, directly or after a comma.
bool Apposition(const Document& doc, const Event& event, const Chain& c) {
  if (event.source.span.empty() || c.begin == 0) return false;
  uint32_t before = c.begin - 1;
  if (doc.Slice(doc.tokens[before].span) == "," && before > 0) --before;
  return doc.tokens[before].span.end == event.source.span.end;
}

bool DatesCompatible(const Event& a, const Event& b) {
  if (a.date_from_text != b.date_from_text) return false;
  return !a.date_from_text || a.date == b.date;
}

struct Memory {
  std::string source;
  size_t event;  // index into doc.events
  int sentence;
  int paragraph;
  PartKind part;
  Place place;
};

Found ResolveFreeName(Context& cx, std::string_view name) {
  Found found;
  // "Paris, Texas", "Seoul, South Korea": parts from the last inwards.
  std::vector<std::string_view> parts;
  while (!name.empty()) {
    size_t comma = name.find(',');
    if (comma == std::string_view::npos) comma = name.size();
    std::string_view part = name.substr(0, comma);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) parts.push_back(part);
    name.remove_prefix(std::min(comma + 1, name.size()));
  }
  std::optional<PlaceEntry> outer;
  for (size_t i = parts.size(); i-- > 0;) {
    std::vector<PlaceCandidate> candidates;
    if (!cx.index().Find(PlaceKey(parts[i]), &candidates)) continue;
    std::optional<PlaceEntry> best;
    double best_score = -1e9;
    const uint32_t largest = LargestPlace(cx.index(), candidates);
    for (const PlaceCandidate& c : candidates) {
      const PlaceEntry e = cx.index().entry(c.id);
      if (!e.has_coordinates) continue;
      if (outer) {
        const bool inside =
            (outer->kind == PlaceKind::kCountry &&
             e.country == outer->country && e.kind != PlaceKind::kCountry) ||
            (outer->kind == PlaceKind::kAdmin1 && e.kind == PlaceKind::kCity &&
             e.country == outer->country && e.admin1 == outer->admin1);
        if (!inside) continue;
      }
      const double score = cx.Score(e, c.alternate, largest);
      if (!best || score > best_score) {
        best = e;
        best_score = score;
      }
    }
    if (best) outer = best;
  }
  if (!outer) return found;
  found.ok = true;
  found.place.name = std::string(outer->name);
  found.place.country = std::string(outer->country);
  found.place.lat = outer->lat;
  found.place.lon = outer->lon;
  found.place.has_coordinates = outer->has_coordinates;
  return found;
}

}  // namespace

bool ResolvePlaceName(const PlaceIndex& index, std::string_view name,
                      const Document* doc, Place* out) {
  static const Document kEmpty;
  Context cx(index, doc ? *doc : kEmpty);
  if (doc) cx.ScanCountries();
  const Found found = ResolveFreeName(cx, name);
  if (found.ok && out) *out = found.place;
  return found.ok;
}

Status AssignEventPlaces(const PlaceIndex& index, Document* doc) {
  if (doc == nullptr) return InvalidArgument("AssignEventPlaces: null doc");
  if (doc->events.empty()) return Status::Ok();
  Context cx(index, *doc);
  cx.ScanCountries();
  Found dateline;
  if (!doc->dateline.empty()) {
    dateline = ResolveFreeName(cx, doc->dateline);
    if (dateline.ok) cx.SetDatelineCountry(dateline.place.country);
  }
  Resolver resolver(&cx);
  std::unordered_map<int, std::vector<Chain>> chains_by_sentence;
  std::vector<Memory> memories;
  std::vector<int> unplaced;
  Status status;
  const auto sentence_count = static_cast<int>(doc->sentences.size());
  for (size_t i = 0; i < doc->events.size(); ++i) {
    Event& event = doc->events[i];
    if (event.sentence < 0 || event.sentence >= sentence_count) {
      if (status.ok()) {
        status =
            InvalidArgument(doc->doc_id + ": event " + std::to_string(i) +
                            " has sentence " + std::to_string(event.sentence) +
                            " of " + std::to_string(sentence_count));
      }
      continue;
    }
    const Sentence& s = doc->sentences[static_cast<size_t>(event.sentence)];
    const TokenRange range{
        s.first_token,
        std::min<uint32_t>(s.first_token + s.token_count,
                           static_cast<uint32_t>(doc->tokens.size()))};
    auto it = chains_by_sentence.find(event.sentence);
    if (it == chains_by_sentence.end()) {
      it =
          chains_by_sentence.emplace(event.sentence, resolver.FindChains(range))
              .first;
    }
    const TokenRange ev = EventTokens(*doc, event.span, range);
    const TokenRange source = event.source.span.empty()
                                  ? ev
                                  : EventTokens(*doc, event.source.span, range);
    int best_attachment = 0;
    uint32_t best_distance = UINT32_MAX;
    Found best;
    const Chain* best_chain = nullptr;
    for (const Chain& chain : it->second) {
      const int attachment = Attachment(cx, chain, ev, source);
      if (attachment == 0 || attachment < best_attachment) continue;
      const uint32_t distance = chain.begin >= ev.end   ? chain.begin - ev.end
                                : chain.end <= ev.begin ? ev.begin - chain.end
                                                        : 0;
      if (attachment == best_attachment && distance >= best_distance) {
        continue;
      }
      Found found = resolver.ResolveChain(chain);
      if (!found.ok) continue;
      best = std::move(found);
      best_chain = &chain;
      best_attachment = attachment;
      best_distance = distance;
    }
    if (best.ok) {
      event.place = best.place;
      event.has_place = true;
      // Only a place said of the source is where it acts next: the scene
      // set at the opening, an apposition to the source ("Stoltenberg, in
      // Japan, said") or a caption.
      if (!event.source.code.empty() &&
          (best_chain->opening || s.part == PartKind::kCaption ||
           Apposition(*doc, event, *best_chain))) {
        memories.push_back(Memory{event.source.code, i, event.sentence,
                                  s.paragraph, s.part, best.place});
      }
    } else {
      unplaced.push_back(static_cast<int>(i));
    }
  }
  // Where the source was last said to be, then the dateline.
  for (int i : unplaced) {
    Event& event = doc->events[static_cast<size_t>(i)];
    const Sentence& s = doc->sentences[static_cast<size_t>(event.sentence)];
    const Memory* chosen = nullptr;
    for (const Memory& m : memories) {
      if (m.source != event.source.code || event.source.code.empty()) continue;
      bool usable;
      if (s.part == PartKind::kHeadline) {
        // A headline sums up the scene the caption shows, whatever day
        // each names.
        usable = m.part == PartKind::kCaption ||
                 (m.part == PartKind::kHeadline && m.sentence < event.sentence);
      } else {
        // A caption's scene holds for the story's first paragraphs.
        const int from = m.part == PartKind::kBody ? m.paragraph : 0;
        usable = m.sentence < event.sentence &&
                 s.paragraph - from <= kMemoryParagraphs &&
                 DatesCompatible(doc->events[m.event], event);
        if (m.part == PartKind::kHeadline) usable = false;
      }
      if (usable && (!chosen || m.sentence > chosen->sentence)) chosen = &m;
    }
    if (chosen) {
      event.place = chosen->place;
      event.has_place = true;
    } else if (dateline.ok) {
      event.place = dateline.place;
      event.has_place = true;
    }
  }
  return status;
}

}  // namespace dyad
