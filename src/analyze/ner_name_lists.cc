#include "analyze/ner_name_lists.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

namespace dyad::analyze {
namespace {

Result<nlohmann::json> ReadJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound(path + ": cannot open");
  nlohmann::json json =
      nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    return Status(StatusCode::kParseError, path + ": not valid JSON");
  }
  return json;
}

std::string Text(const nlohmann::json& j) {
  return j.is_string() ? j.get<std::string>() : std::string();
}

// The bit of a name-suggestion-index category path ("brands/shop/craft").
uint8_t NsiBit(std::string_view path) {
  if (path.starts_with("brands/shop/")) return kNameShop;
  if (path.starts_with("brands/")) return kNameBrand;
  return kNameOperator;
}

uint8_t WordNetBit(int lexicographer_file) {
  switch (lexicographer_file) {
    case 14:
      return kNameWnGroup;
    case 18:
      return kNamePerson;
    default:
      return kNameWnOther;
  }
}

}  // namespace

void NerNameLists::Add(std::string_view name, uint8_t bits) {
  std::string lower;
  std::vector<std::string_view> pieces, words;
  if (!LowerCaseNameWords(name, &lower, &pieces)) return;
  // UD splits the possessive off a word: "McDonald's" is "mcdonald 's".
  for (std::string_view w : pieces) {
    if (w.size() > 2 && w.ends_with("'s")) {
      words.push_back(w.substr(0, w.size() - 2));
      words.push_back("'s");
    } else {
      words.push_back(w);
    }
  }
  if (words.empty() || words.size() > 7) return;
  names_[NerGazetteer::PhraseKey(words)] |= bits;
  std::vector<std::string_view> split;
  if (SplitInnerHyphens(words, &split) && split.size() <= 7) {
    names_[NerGazetteer::PhraseKey(split)] |= bits;
  }
}

Status NerNameLists::ReadNameSuggestionIndex(const std::string& path) {
  auto json = ReadJson(path);
  if (!json.ok()) return json.status();
  if (!json->is_object() || !json->contains("nsi") ||
      !(*json)["nsi"].is_object()) {
    return Status(StatusCode::kParseError,
                  path + ": no \"nsi\" object of categories");
  }
  for (const auto& [category, entry] : (*json)["nsi"].items()) {
    if (!entry.is_object()) continue;
    const uint8_t bit = NsiBit(category);
    for (const nlohmann::json& item :
         entry.value("items", nlohmann::json::array())) {
      if (!item.is_object()) continue;
      Add(Text(item.value("displayName", nlohmann::json())), bit);
      const nlohmann::json tags = item.value("tags", nlohmann::json());
      if (!tags.is_object()) continue;
      for (const char* key :
           {"name", "name:en", "brand", "brand:en", "operator", "operator:en",
            "network", "official_name"}) {
        Add(Text(tags.value(key, nlohmann::json())), bit);
      }
    }
  }
  return Status::Ok();
}

Status NerNameLists::ReadSimpleIcons(const std::string& path) {
  auto json = ReadJson(path);
  if (!json.ok()) return json.status();
  if (!json->is_array()) {
    return Status(StatusCode::kParseError, path + ": not a JSON array");
  }
  for (const nlohmann::json& icon : *json) {
    if (!icon.is_object()) continue;
    Add(Text(icon.value("title", nlohmann::json())), kNameTech);
    const nlohmann::json aliases = icon.value("aliases", nlohmann::json());
    if (!aliases.is_object()) continue;
    for (const nlohmann::json& aka :
         aliases.value("aka", nlohmann::json::array())) {
      Add(Text(aka), kNameTech);
    }
  }
  return Status::Ok();
}

Status NerNameLists::ReadWordNet(const std::string& dict_dir) {
  for (const char* part : {"noun", "verb", "adj", "adv"}) {
    Status read = ReadWordNetData(dict_dir + "/data." + part,
                                  std::string_view(part) == "noun");
    if (!read.ok()) return read;
  }
  return Status::Ok();
}

Status NerNameLists::ReadWordNetData(const std::string& path, bool proper) {
  std::ifstream in(path);
  if (!in) return NotFound(path + ": cannot open");
  std::string line;
  size_t line_number = 0;
  auto bad = [&](const char* what) {
    return Status(StatusCode::kParseError,
                  path + ":" + std::to_string(line_number) + ": " + what);
  };
  while (std::getline(in, line)) {
    ++line_number;
    // The licence header lines start with spaces.
    if (line.empty() || line[0] == ' ') continue;
    // offset lex_filenum ss_type w_cnt (two hex digits), then w_cnt pairs
    // of lemma and lex_id, then pointers and the gloss.
    std::string_view rest = line;
    auto next = [&rest]() {
      size_t cut = rest.find(' ');
      if (cut == std::string_view::npos) cut = rest.size();
      std::string_view field = rest.substr(0, cut);
      rest.remove_prefix(std::min(cut + 1, rest.size()));
      return field;
    };
    next();  // offset
    std::string_view file_field = next();
    next();  // ss_type
    std::string_view count_field = next();
    int file = 0, count = 0;
    for (char c : file_field) {
      if (c < '0' || c > '9') return bad("bad lexicographer file number");
      file = file * 10 + (c - '0');
    }
    if (count_field.empty()) return bad("no word count");
    for (char c : count_field) {
      int digit = c >= '0' && c <= '9'   ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                         : -1;
      if (digit < 0) return bad("bad word count");
      count = count * 16 + digit;
    }
    for (int w = 0; w < count; ++w) {
      std::string_view lemma = next();
      if (next().empty()) return bad("fewer words than counted");
      if (lemma.empty()) continue;
      if (lemma[0] >= 'a' && lemma[0] <= 'z') {
        // Adjectives may carry a syntactic marker: "galore(ip)".
        std::string_view word = lemma.substr(0, lemma.find('('));
        if (word.find('_') == std::string_view::npos) {
          common_words_.insert(NerGazetteer::PhraseKey({word}));
        }
        continue;
      }
      if (!proper || lemma[0] < 'A' || lemma[0] > 'Z') continue;
      std::string name(lemma);
      std::replace(name.begin(), name.end(), '_', ' ');
      Add(name, WordNetBit(file));
    }
  }
  if (in.bad()) return IoError(path + ": read failed");
  return Status::Ok();
}

Status NerNameLists::ReadPeopleNames(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound(path + ": cannot open");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    Add(line, kNamePerson);
  }
  if (in.bad()) return IoError(path + ": read failed");
  return Status::Ok();
}

NerGazetteer NerNameLists::ToGazetteer() const {
  std::vector<std::pair<uint64_t, uint8_t>> entries;
  entries.reserve(names_.size());
  for (auto [key, mask] : names_) {
    if (common_words_.count(key)) mask |= kNameCommonWord;
    entries.emplace_back(key, mask);
  }
  return NerGazetteer::FromEntries(std::move(entries));
}

}  // namespace dyad::analyze
