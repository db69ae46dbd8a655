#include "analyze/ner_gazetteer.h"

#include <algorithm>
#include <string>

#include "analyze/features.h"
#include "dyad/default_lexicon_data.h"

namespace dyad::analyze {
namespace {

// The hash of a phrase: its lower-case words joined by single spaces. The
// word count is kept in the low bits so a lookup knows the longest phrase.
uint64_t PhraseHash(const std::vector<std::string_view>& lower_words) {
  std::string joined;
  for (size_t i = 0; i < lower_words.size(); ++i) {
    if (i) joined.push_back(' ');
    joined.append(lower_words[i]);
  }
  return HashBytes(joined);
}

uint8_t CategoryOfFile(std::string_view name) {
  if (name == "countries.actors" || name == "regions.actors") return kGazPlace;
  if (name == "igos.actors" || name == "groups.actors") return kGazOrg;
  if (name == "leaders.actors") return kGazPerson;
  if (name == "default.agents") return kGazRole;
  return 0;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

NerGazetteer NerGazetteer::FromDefaultLexicon() {
  NerGazetteer gazetteer;
  for (const EmbeddedFile& file : DefaultLexiconFiles()) {
    uint8_t mask = CategoryOfFile(file.name);
    if (mask == 0) continue;
    std::string_view text = file.contents;
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(start, end - start);
      start = end + 1;
      // A phrase line starts with its words joined by '_' ("UNITED_NATIONS_
      // [IGOUNO]"); comments, codes and other directives start otherwise.
      size_t stop = line.find_first_of(" \t");
      std::string_view phrase = line.substr(0, stop);
      if (phrase.empty() || phrase.back() != '_') continue;
      char first = phrase[0];
      if (!((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') ||
            (first >= '0' && first <= '9'))) {
        continue;
      }
      std::string lower = AsciiLower(phrase);
      std::vector<std::string_view> words;
      std::string_view rest = lower;
      while (!rest.empty()) {
        size_t cut = rest.find('_');
        if (cut == std::string_view::npos) cut = rest.size();
        if (cut > 0) words.push_back(rest.substr(0, cut));
        rest.remove_prefix(std::min(cut + 1, rest.size()));
      }
      if (!words.empty()) gazetteer.Add(words, mask);
    }
  }
  return gazetteer;
}

NerGazetteer NerGazetteer::FromEntries(
    std::vector<std::pair<uint64_t, uint8_t>> entries) {
  NerGazetteer gazetteer;
  std::sort(entries.begin(), entries.end());
  for (const auto& [hash, mask] : entries) {
    gazetteer.max_words_ = std::max<size_t>(gazetteer.max_words_, hash & 7);
  }
  gazetteer.entries_ = std::move(entries);
  return gazetteer;
}

void NerGazetteer::Add(const std::vector<std::string_view>& words,
                       uint8_t mask) {
  if (words.empty() || words.size() > 7) return;
  std::vector<std::string> lower;
  std::vector<std::string_view> views;
  for (std::string_view w : words) lower.push_back(AsciiLower(w));
  for (const std::string& w : lower) views.push_back(w);
  uint64_t hash = PhraseKey(views);
  auto it = std::lower_bound(entries_.begin(), entries_.end(), hash,
                             [](const std::pair<uint64_t, uint8_t>& e,
                                uint64_t h) { return e.first < h; });
  if (it != entries_.end() && it->first == hash) {
    it->second |= mask;
  } else {
    entries_.insert(it, {hash, mask});
  }
  max_words_ = std::max(max_words_, words.size());
}

uint64_t NerGazetteer::PhraseKey(
    const std::vector<std::string_view>& lower_words) {
  return (PhraseHash(lower_words) & ~uint64_t{7}) | (lower_words.size() & 7);
}

bool LowerCaseNameWords(std::string_view name, std::string* lower,
                        std::vector<std::string_view>* words) {
  words->clear();
  lower->clear();
  for (char c : name) {
    if (c < 0x20 || c > 0x7e || c == ',' || c == '(' || c == ')' || c == '"') {
      return false;
    }
    lower->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                                          : c);
  }
  std::string_view rest = *lower;
  while (!rest.empty()) {
    size_t cut = rest.find(' ');
    if (cut == std::string_view::npos) cut = rest.size();
    std::string_view w = rest.substr(0, cut);
    rest.remove_prefix(std::min(cut + 1, rest.size()));
    if (!w.empty()) words->push_back(w);
  }
  return true;
}

bool SplitInnerHyphens(const std::vector<std::string_view>& words,
                       std::vector<std::string_view>* split) {
  bool hyphen = false;
  for (std::string_view w : words) {
    size_t start = 0;
    for (size_t i = 1; i + 1 < w.size(); ++i) {
      if (w[i] != '-') continue;
      hyphen = true;
      split->push_back(w.substr(start, i - start));
      split->push_back("-");
      start = i + 1;
    }
    split->push_back(w.substr(start));
  }
  return hyphen;
}

void NerGazetteer::AddName(const std::vector<std::string_view>& words,
                           uint8_t mask) {
  Add(words, mask);
  std::vector<std::string_view> split;
  if (SplitInnerHyphens(words, &split)) Add(split, mask);
}

uint8_t NerGazetteer::Find(uint64_t hash) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), hash,
                             [](const std::pair<uint64_t, uint8_t>& e,
                                uint64_t h) { return e.first < h; });
  return it != entries_.end() && it->first == hash ? it->second : 0;
}

std::vector<uint32_t> NerGazetteer::Match(
    const std::vector<std::string>& lower_words) const {
  std::vector<uint32_t> marks(lower_words.size(), 0);
  if (entries_.empty()) return marks;
  // The candidate phrases at a position are prefixes of one joined string
  // (PhraseHash's spelling), so it is built once per position.
  std::string joined;
  size_t ends[8] = {};
  for (size_t i = 0; i < lower_words.size();) {
    size_t matched = 0;
    uint8_t mask = 0;
    size_t longest = std::min(max_words_, lower_words.size() - i);
    joined.clear();
    for (size_t n = 1; n <= longest; ++n) {
      if (n > 1) joined.push_back(' ');
      joined.append(lower_words[i + n - 1]);
      ends[n] = joined.size();
    }
    for (size_t n = longest; n >= 1; --n) {
      uint64_t hash = HashBytes(std::string_view(joined).substr(0, ends[n]));
      uint8_t found = Find((hash & ~uint64_t{7}) | n);
      if (found) {
        matched = n;
        mask = found;
        break;
      }
    }
    if (matched == 0) {
      ++i;
      continue;
    }
    for (size_t k = 0; k < matched; ++k) {
      uint32_t position = matched == 1       ? 0
                          : k == 0           ? 1
                          : k + 1 == matched ? 3
                                             : 2;
      marks[i + k] = static_cast<uint32_t>(mask) << 2 | position;
    }
    i += matched;
  }
  return marks;
}

}  // namespace dyad::analyze
