#include "analyze/ner_places.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "util/split_fields.h"

namespace dyad::analyze {
namespace {

int PopulationClass(int64_t population) {
  if (population >= 1000000) return 3;
  if (population >= 100000) return 2;
  if (population >= 10000) return 1;
  return 0;
}

}  // namespace

void NerPlaceNames::AddWords(const std::vector<std::string_view>& words,
                             int population_class, uint8_t bits,
                             bool alternate) {
  if (words.empty() || words.size() > 7) return;
  Facts& facts = names_[NerGazetteer::PhraseKey(words)];
  facts.population =
      std::max(facts.population, static_cast<uint8_t>(population_class));
  facts.bits |= bits;
  if (!alternate) facts.primary = true;
}

void NerPlaceNames::Add(std::string_view name, int population_class,
                        uint8_t bits, bool alternate) {
  std::string lower;
  std::vector<std::string_view> words, split;
  if (!LowerCaseNameWords(name, &lower, &words)) return;
  AddWords(words, population_class, bits, alternate);
  if (SplitInnerHyphens(words, &split))
    AddWords(split, population_class, bits, alternate);
}

Status NerPlaceNames::ReadGeoNames(const std::string& path,
                                   int64_t min_alternate_population) {
  std::ifstream in(path);
  if (!in) return NotFound(path + ": cannot open");
  std::string line;
  size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    std::vector<std::string_view> f = SplitFields(line);
    if (f.size() < 15) {
      return Status(StatusCode::kParseError,
                    path + ":" + std::to_string(line_number) + ": " +
                        std::to_string(f.size()) +
                        " columns, a GeoNames line has at least 15");
    }
    int64_t population = 0;
    for (char c : f[14]) {
      if (c < '0' || c > '9') break;
      population = population * 10 + (c - '0');
    }
    const int population_class = PopulationClass(population);
    const std::string_view code = f[7];
    const uint8_t bits =
        code == "PPLC" || code == "PPLA" ? uint8_t{kPlaceCapital} : uint8_t{0};
    Add(f[1], population_class, bits, false);
    Add(f[2], population_class, bits, false);
    if (population < min_alternate_population) continue;
    std::string_view alternates = f[3];
    while (!alternates.empty()) {
      size_t comma = alternates.find(',');
      if (comma == std::string_view::npos) comma = alternates.size();
      std::string_view alternate = alternates.substr(0, comma);
      // Alternate names without a lower-case letter are mostly airport
      // and other codes ("BBC" for Bay City, "NYT" for Nay Pyi Taw).
      if (std::any_of(alternate.begin(), alternate.end(),
                      [](char c) { return c >= 'a' && c <= 'z'; })) {
        Add(alternate, population_class, bits, true);
      }
      alternates.remove_prefix(std::min(comma + 1, alternates.size()));
    }
  }
  if (in.bad()) return IoError(path + ": read failed");
  return Status::Ok();
}

Status NerPlaceNames::ReadWorldCountries(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound(path + ": cannot open");
  nlohmann::json countries =
      nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (countries.is_discarded() || !countries.is_array()) {
    return Status(StatusCode::kParseError,
                  path + ": not a JSON array of countries");
  }
  auto text = [](const nlohmann::json& j) {
    return j.is_string() ? j.get<std::string>() : std::string();
  };
  for (const nlohmann::json& country : countries) {
    if (!country.is_object()) continue;
    const nlohmann::json name = country.value("name", nlohmann::json());
    if (name.is_object()) {
      Add(text(name.value("common", nlohmann::json())), 3, kPlaceCountry,
          false);
      Add(text(name.value("official", nlohmann::json())), 3, kPlaceCountry,
          false);
    }
    for (const nlohmann::json& spelling :
         country.value("altSpellings", nlohmann::json::array())) {
      // Two-letter codes ("US", "IN") are ordinary words in lower case.
      std::string s = text(spelling);
      if (s.size() >= 3) Add(s, 3, kPlaceCountry, true);
    }
    for (const nlohmann::json& capital :
         country.value("capital", nlohmann::json::array())) {
      Add(text(capital), 0, kPlaceCapital, false);
    }
    Add(text(country.value("region", nlohmann::json())), 3, kPlaceCountry,
        false);
    Add(text(country.value("subregion", nlohmann::json())), 3, kPlaceCountry,
        false);
    const nlohmann::json demonyms = country.value("demonyms", nlohmann::json());
    if (demonyms.is_object() && demonyms.contains("eng") &&
        demonyms["eng"].is_object()) {
      for (const char* gender : {"f", "m"}) {
        Add(text(demonyms["eng"].value(gender, nlohmann::json())), 0,
            kPlaceDemonym, false);
      }
    }
  }
  return Status::Ok();
}

NerGazetteer NerPlaceNames::ToGazetteer(
    const std::unordered_set<uint64_t>* common_words) const {
  std::vector<std::pair<uint64_t, uint8_t>> entries;
  entries.reserve(names_.size());
  for (const auto& [key, facts] : names_) {
    uint8_t mask = facts.population | facts.bits | kPlaceListed;
    if (!facts.primary) mask |= kPlaceAlternateOnly;
    if (common_words && common_words->count(key)) mask |= kPlaceCommonWord;
    entries.emplace_back(key, mask);
  }
  return NerGazetteer::FromEntries(std::move(entries));
}

}  // namespace dyad::analyze
