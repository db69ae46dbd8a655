// Checks the embedded default lexicon as data: every file is present and
// non-empty, every code in it is well formed (CAMEO event codes, ISO 3166-1
// country codes, CAMEO agent codes), and no phrase is given two codes.
// The parsing here is deliberately small and independent of src/lexicon, so
// a defect in either shows up as a disagreement.
#include "dyad/default_lexicon_data.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dictionary_lines.h"

namespace dyad {
namespace {

using namespace lexicon_test;  // NOLINT: test support types

std::set<std::string> IsoAlpha3Codes() {
  std::ifstream in(DYAD_ISO_3166_JSON);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string json = buffer.str();
  std::set<std::string> codes;
  static const std::regex kAlpha3("\"alpha_3\":\\s*\"([A-Z]{3})\"");
  for (auto it = std::sregex_iterator(json.begin(), json.end(), kAlpha3);
       it != std::sregex_iterator(); ++it) {
    codes.insert((*it)[1]);
  }
  return codes;
}

// The three-letter parts CAMEO actor codes are built from, as used by the
// default lexicon. A code outside these sets is a typo or a new convention
// that should be added here on purpose.
const std::set<std::string>& CameoRoleCodes() {
  static const std::set<std::string> codes = {
      "GOV", "MIL", "COP", "SPY", "REB", "OPP", "LEG", "JUD", "MED", "BUS",
      "CVL", "NGO", "IGO", "PTY", "REF", "EDU", "HLH", "ELI", "CRM", "INS",
      "SEP", "UAF", "LAB", "AGR", "ENV", "HRI", "IMG", "DEV", "MOS", "UNO"};
  return codes;
}
const std::set<std::string>& CameoRegionCodes() {
  static const std::set<std::string> codes = {
      "WST", "EUR", "EEU", "BLK", "SCN", "CAU", "ASA", "SEA",
      "SAS", "CAS", "MEA", "PGS", "MDT", "AFR", "NAF", "WAF",
      "EAF", "SAF", "CFR", "LAM", "SAM", "NMR", "CRB", "ARB"};
  return codes;
}
// Organisation suffixes after IGO/NGO (NATO is IGO-WST-NAT).
const std::set<std::string>& CameoOrganisationCodes() {
  static const std::set<std::string> codes = {
      "NAT", "KID", "WFP", "WHO", "IAE", "ICC", "ITP", "COE", "CIS",
      "EEC", "GOS", "GOE", "IMF", "WBK", "WTO", "OPC", "ADB", "AFB",
      "AFU", "WAS", "SAD", "EAC", "IAD", "OAS", "MER", "ASN", "ARL",
      "GCC", "OIC", "SAA", "IRC", "AMN", "MSF"};
  return codes;
}

bool IsActorCodePart(const std::string& part,
                     const std::set<std::string>& iso) {
  return CameoRoleCodes().count(part) || CameoRegionCodes().count(part) ||
         CameoOrganisationCodes().count(part) || iso.count(part);
}

// A CAMEO event code: three or four digits, root 01..20.
bool IsCameoEventCode(const std::string& code) {
  static const std::regex kShape("[0-9]{3,4}");
  if (!std::regex_match(code, kShape)) return false;
  int root = std::stoi(code.substr(0, 2));
  return root >= 1 && root <= 20;
}

TEST(DefaultLexiconDataTest, AllFilesPresentAndNonEmpty) {
  std::set<std::string> names;
  for (const EmbeddedFile& f : DefaultLexiconFiles()) {
    EXPECT_GT(f.contents.size(), f.name.ends_with(".options") ? 10u : 1000u)
        << f.name;
    EXPECT_TRUE(names.insert(std::string(f.name)).second)
        << "listed twice: " << f.name;
  }
  for (const char* name :
       {"default.options", "countries.actors", "regions.actors", "igos.actors",
        "leaders.actors", "groups.actors", "media.actors", "demonyms.actors",
        "capitals.actors", "default.agents", "default.verbs"}) {
    EXPECT_TRUE(names.count(name)) << "missing " << name;
  }
}

TEST(DefaultLexiconDataTest, EmbeddedBytesAreThoseOfTheSourceFiles) {
  for (const char* name :
       {"default.options", "igos.actors", "default.agents", "default.verbs",
        "regions.actors", "leaders.actors", "groups.actors", "media.actors"}) {
    std::ifstream in(std::string(DYAD_SOURCE_DIR) + "/lexicon/" + name,
                     std::ios::binary);
    ASSERT_TRUE(in) << name;
    std::stringstream buffer;
    buffer << in.rdbuf();
    const EmbeddedFile* file = FindFile(name);
    ASSERT_NE(file, nullptr) << name;
    EXPECT_EQ(file->contents, buffer.str()) << name;
  }
}

TEST(DefaultLexiconDataTest, CountryCodesAreIso3166) {
  std::set<std::string> iso = IsoAlpha3Codes();
  ASSERT_GT(iso.size(), 240u) << "cannot read " << DYAD_ISO_3166_JSON;
  iso.insert("KSV");  // Kosovo: no ISO code; CAMEO's
  std::vector<Entry> entries = EntriesOf("countries.actors");
  ASSERT_GT(entries.size(), 700u);
  for (const char* file : {"demonyms.actors", "capitals.actors"})
    for (Entry& e : EntriesOf(file)) entries.push_back(e);
  std::set<std::string> seen;
  for (const Entry& e : entries) {
    EXPECT_TRUE(iso.count(e.code)) << Where(e) << e.code;
    seen.insert(e.code);
  }
  for (const char* code : {"JPN", "KOR", "PRK", "RUS", "UKR", "GBR", "USA",
                           "CHN", "TWN", "FRA", "DEU", "IND", "BRA", "NGA"}) {
    EXPECT_TRUE(seen.count(code)) << "no phrase for " << code;
  }
}

TEST(DefaultLexiconDataTest, WellKnownCountryFormsAreThere) {
  std::map<std::string, std::string> code_of;
  std::set<std::string> demonyms;
  for (const Entry& e : EntriesOf("countries.actors")) {
    code_of[e.phrase] = e.code;
  }
  for (const Entry& e : EntriesOf("demonyms.actors")) {
    EXPECT_FALSE(code_of.count(e.phrase)) << e.phrase << " in two files";
    code_of[e.phrase] = e.code;
    demonyms.insert(e.phrase);
  }
  std::set<std::string> capitals;
  for (const Entry& e : EntriesOf("capitals.actors")) {
    EXPECT_FALSE(code_of.count(e.phrase)) << e.phrase << " in two files";
    code_of[e.phrase] = e.code;
    capitals.insert(e.phrase);
  }
  for (const char* phrase : {"SEOUL_", "KYIV_", "BEIJING_", "PYONGYANG_"})
    EXPECT_TRUE(capitals.count(phrase)) << phrase;
  // A city-state's capital is its name.
  EXPECT_FALSE(capitals.count("SINGAPORE_"));
  // Nationalities apart from names, so entities can tell them apart.
  for (const char* phrase :
       {"JAPANESE_", "SOUTH_KOREAN_", "AMERICAN_", "BRITISH_", "UKRAINIANS_"})
    EXPECT_TRUE(demonyms.count(phrase)) << phrase;
  for (const char* phrase : {"JAPAN_", "SEOUL_", "UNITED_STATES_"})
    EXPECT_FALSE(demonyms.count(phrase)) << phrase;
  const std::map<std::string, std::string> expected = {
      {"JAPANESE_", "JPN"},    {"SOUTH_KOREAN_", "KOR"},
      {"NORTH_KOREA_", "PRK"}, {"NORTH_KOREAN_", "PRK"},
      {"U.S._", "USA"},        {"UNITED_STATES_", "USA"},
      {"AMERICAN_", "USA"},    {"BRITAIN_", "GBR"},
      {"BRITISH_", "GBR"},     {"U.K._", "GBR"},
      {"RUSSIA_", "RUS"},      {"KYIV_", "UKR"},
      {"KIEV_", "UKR"},        {"SEOUL_", "KOR"},
      {"PYONGYANG_", "PRK"},   {"BEIJING_", "CHN"},
      {"TAIWAN_", "TWN"},      {"FRENCH_", "FRA"},
  };
  for (const auto& [phrase, code] : expected) {
    auto it = code_of.find(phrase);
    ASSERT_NE(it, code_of.end()) << phrase;
    EXPECT_EQ(it->second, code) << phrase;
  }
  // Forms that would code ordinary words or people as countries.
  for (const char* phrase : {"MALE_", "VICTORIA_", "US_", "ISLAND_", "CONGO_",
                             "JERSEY_", "DOUGLAS_"}) {
    EXPECT_FALSE(code_of.count(phrase)) << phrase;
  }
}

TEST(DefaultLexiconDataTest, IgoRegionAndLeaderCodesAreCameoShaped) {
  std::set<std::string> iso = IsoAlpha3Codes();
  ASSERT_GT(iso.size(), 240u);
  static const std::regex kCode("---|([A-Z]{3}){1,5}");
  static const std::regex kDates("|[<>][0-9]{6}|[0-9]{6}-[0-9]{6}");
  for (const char* name : {"igos.actors", "regions.actors", "leaders.actors",
                           "groups.actors", "media.actors"}) {
    const EmbeddedFile* file = FindFile(name);
    ASSERT_NE(file, nullptr) << name;
    int entries = 0;
    for (const auto& [number, line] : ContentLines(file->contents)) {
      ++entries;
      Entry where{name, number, line, ""};
      size_t open = line.find('[');
      ASSERT_NE(open, std::string::npos) << Where(where) << "no [code]";
      // Every bracket: "CODE" or "CODE DATES".
      while (open != std::string::npos) {
        size_t close = line.find(']', open);
        ASSERT_NE(close, std::string::npos) << Where(where) << "unclosed [";
        std::istringstream parts(line.substr(open + 1, close - open - 1));
        std::string code, dates, rest;
        parts >> code >> dates >> rest;
        EXPECT_TRUE(std::regex_match(code, kCode)) << Where(where) << code;
        EXPECT_TRUE(std::regex_match(dates, kDates)) << Where(where) << dates;
        EXPECT_TRUE(rest.empty()) << Where(where) << rest;
        if (code != "---") {
          for (size_t i = 0; i < code.size(); i += 3) {
            EXPECT_TRUE(IsActorCodePart(code.substr(i, 3), iso))
                << Where(where) << code << ": unknown part "
                << code.substr(i, 3);
          }
        }
        open = line.find('[', close);
      }
    }
    EXPECT_GT(entries, 20) << name;
  }
  std::map<std::string, std::string> code_of;
  for (const Entry& e : EntriesOf("igos.actors")) code_of[e.phrase] = e.code;
  EXPECT_EQ(code_of["NATO_"], "IGOWSTNAT");
  EXPECT_EQ(code_of["UNITED_NATIONS_"], "IGOUNO");
  EXPECT_EQ(code_of["G7_"], "IGOGOS");
  EXPECT_EQ(code_of["EUROPEAN_UNION_"], "IGOEUREEC");
  // Acronyms that are also English words must not be actors.
  EXPECT_FALSE(code_of.count("WHO_"));
  EXPECT_FALSE(code_of.count("AU_"));
}

TEST(DefaultLexiconDataTest, AgentCodesAreCameoAgents) {
  static const std::regex kAgent("~([A-Z]{3})+|([A-Z]{3})+~");
  std::vector<Entry> entries = EntriesOf("default.agents");
  ASSERT_GT(entries.size(), 50u);
  for (const Entry& e : entries) {
    std::string code = e.code;
    code.erase(std::remove(code.begin(), code.end(), ' '), code.end());
    ASSERT_TRUE(std::regex_match(code, kAgent)) << Where(e) << e.code;
    std::string bare = code;
    bare.erase(std::remove(bare.begin(), bare.end(), '~'), bare.end());
    for (size_t i = 0; i < bare.size(); i += 3) {
      EXPECT_TRUE(CameoRoleCodes().count(bare.substr(i, 3)))
          << Where(e) << e.code;
    }
  }
}

// Splits "042:043!" into its codes and checks each is a CAMEO event code.
void ExpectEventCode(const Entry& e) {
  std::string code = e.code;
  if (code == "---" || code == "###") return;
  if (!code.empty() && (code.back() == '!' || code.back() == '?')) {
    code.pop_back();
  }
  size_t colon = code.find(':');
  std::vector<std::string> parts = {code.substr(0, colon)};
  if (colon != std::string::npos) parts.push_back(code.substr(colon + 1));
  for (const std::string& part : parts) {
    EXPECT_TRUE(IsCameoEventCode(part)) << Where(e) << "[" << e.code << "]";
  }
}

TEST(DefaultLexiconDataTest, VerbCodesAreCameoEventCodes) {
  std::vector<std::string> bad;
  std::vector<Entry> entries = VerbEntries(&bad);
  EXPECT_TRUE(bad.empty()) << bad.front();
  ASSERT_GT(entries.size(), 300u);
  std::set<std::string> roots;
  for (const Entry& e : entries) {
    ExpectEventCode(e);
    if (e.phrase.empty() || e.phrase[0] == '-') continue;
    std::string code = e.code.substr(0, 2);
    if (code != "--") roots.insert(code);
  }
  for (const Entry& e : entries) {
    if (!e.phrase.empty() && e.phrase[0] == '-' && e.code.size() >= 2 &&
        e.code != "---") {
      roots.insert(e.code.substr(0, 2));
    }
  }
  for (int root = 1; root <= 20; ++root) {
    char want[3];
    snprintf(want, sizeof(want), "%02d", root);
    EXPECT_TRUE(roots.count(want)) << "no verb codes CAMEO root " << want;
  }
}

TEST(DefaultLexiconDataTest, NoPhraseHasTwoCodes) {
  std::map<std::string, Entry> actors;
  for (const char* name : {"countries.actors", "regions.actors", "igos.actors",
                           "leaders.actors", "groups.actors", "media.actors"}) {
    for (const Entry& e : EntriesOf(name)) {
      auto [it, fresh] = actors.emplace(e.phrase, e);
      EXPECT_TRUE(fresh || it->second.code == e.code)
          << Where(e) << e.phrase << " [" << e.code << "] but "
          << Where(it->second) << "[" << it->second.code << "]";
    }
  }
  std::map<std::string, Entry> agents;
  for (const Entry& e : EntriesOf("default.agents")) {
    auto [it, fresh] = agents.emplace(e.phrase, e);
    EXPECT_TRUE(fresh || it->second.code == e.code)
        << Where(e) << e.phrase << " twice with different codes";
  }
  // Verbs: a root may appear once; a pattern once under its root.
  std::map<std::string, Entry> roots;
  std::map<std::string, Entry> patterns;
  std::string root;
  std::vector<std::string> bad;
  for (const Entry& e : VerbEntries(&bad)) {
    if (e.phrase[0] != '-') {
      root = e.phrase;
      auto [it, fresh] = roots.emplace(root, e);
      EXPECT_TRUE(fresh) << Where(e) << "root " << root << " also at "
                         << Where(it->second);
      continue;
    }
    std::string key = root + " " + e.phrase;
    auto [it, fresh] = patterns.emplace(key, e);
    EXPECT_TRUE(fresh || it->second.code == e.code)
        << Where(e) << key << " also at " << Where(it->second);
  }
}

}  // namespace
}  // namespace dyad
