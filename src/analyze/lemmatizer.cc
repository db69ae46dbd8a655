#include "analyze/lemmatizer.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

#include "analyze/features.h"

namespace dyad::analyze {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

bool IsVowel(char c) {
  c = static_cast<char>(c | 0x20);
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool IsLetter(char c) {
  c = static_cast<char>(c | 0x20);
  return c >= 'a' && c <= 'z';
}

// Undo the spelling changes of "-ed", "-ing", "-er", "-est" on `stem`.
std::string FixStem(std::string stem) {
  size_t n = stem.size();
  if (n >= 3 && stem[n - 1] == stem[n - 2] && IsLetter(stem[n - 1]) &&
      !IsVowel(stem[n - 1])) {
    char c = static_cast<char>(stem[n - 1] | 0x20);
    if (c != 'l' && c != 's' && c != 'z' && c != 'f') stem.pop_back();
    return stem;
  }
  if (n >= 2) {
    char last = static_cast<char>(stem[n - 1] | 0x20);
    char before = static_cast<char>(stem[n - 2] | 0x20);
    bool add_e =
        last == 'v' || last == 'c' || last == 'u' ||
        (last == 'z' && before != 'z') || (last == 'g' && before == 'r') ||
        (last == 'l' && IsLetter(before) && !IsVowel(before) && before != 'l' &&
         before != 'r') ||
        (last == 'g' && before == 'd') ||
        (last == 's' &&
         (before == 'r' || before == 'l' || before == 'n' || before == 'p'));
    // consonant + vowel + consonant endings that, in English verbs and
    // adjectives, mostly lost an "e": "nominat-ed", "provok-ing", "clos-er".
    // Others ("visit-ed", "develop-ed", "abandon-ed") mostly did not.
    static constexpr std::string_view kLostE[] = {
        "at", "ot", "ut", "ok", "ak", "ik", "is", "os", "as", "ys", "um", "om",
        "ib", "ag", "id", "ud", "ad", "od", "ir", "ar", "ur", "in", "ap", "ip"};
    if (!add_e && n >= 3 && IsLetter(stem[n - 3]) &&
        (!IsVowel(stem[n - 3]) || (stem[n - 3] | 0x20) == 'u') &&
        (stem[n - 3] | 0x20) != 'y') {
      std::string tail{before, last};
      for (std::string_view ending : kLostE) {
        if (tail == ending) add_e = true;
      }
    }
    if (add_e) stem.push_back('e');
  }
  return stem;
}

std::string StripPlural(std::string word) {
  if (word.size() >= 3 && EndsWith(word, "men")) {
    word[word.size() - 2] = 'a';  // women, chairmen
    return word;
  }
  if (word.size() > 4 && EndsWith(word, "ies")) {
    return word.substr(0, word.size() - 3) + "y";
  }
  if (word.size() > 4 && (EndsWith(word, "sses") || EndsWith(word, "xes") ||
                          EndsWith(word, "ches") || EndsWith(word, "shes") ||
                          EndsWith(word, "zzes"))) {
    return word.substr(0, word.size() - 2);
  }
  if (word.size() > 2 && (word.back() == 's' || word.back() == 'S') &&
      !EndsWith(word, "ss") && !EndsWith(word, "us") && !EndsWith(word, "is") &&
      !EndsWith(word, "'s")) {
    word.pop_back();
  }
  return word;
}

std::string StripEnding(std::string word, std::string_view ending) {
  if (word.size() < ending.size() + 2 || !EndsWith(word, ending)) return word;
  return FixStem(word.substr(0, word.size() - ending.size()));
}

uint64_t ExceptionHash(std::string_view form, std::string_view xpos) {
  return CombineKeys(HashBytes(form), HashBytes(xpos));
}

}  // namespace

std::string RuleLemma(std::string_view raw_form, std::string_view xpos) {
  if (xpos == "NNP") return NormalizeWord(raw_form);
  if (xpos == "NNPS") return StripPlural(NormalizeWord(raw_form));
  std::string word = NormalizeWord(raw_form);
  for (char& c : word) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (xpos == "NNS" || xpos == "VBZ") return StripPlural(word);
  if (xpos == "VBD" || xpos == "VBN") {
    if (word.size() > 4 && EndsWith(word, "ied")) {
      return word.substr(0, word.size() - 3) + "y";
    }
    if (word.size() > 4 && EndsWith(word, "eed")) {
      word.pop_back();
      return word;
    }
    return StripEnding(word, "ed");
  }
  if (xpos == "VBG") return StripEnding(word, "ing");
  if (xpos == "JJR" || xpos == "RBR") {
    if (word.size() > 4 && EndsWith(word, "ier")) {
      return word.substr(0, word.size() - 3) + "y";
    }
    return StripEnding(word, "er");
  }
  if (xpos == "JJS" || xpos == "RBS") {
    if (word.size() > 5 && EndsWith(word, "iest")) {
      return word.substr(0, word.size() - 4) + "y";
    }
    return StripEnding(word, "est");
  }
  return word;
}

Lemmatizer Lemmatizer::Learn(const std::vector<ConlluSentence>& sentences) {
  // (form, xpos) -> lemma -> count; std::map keeps the result ordered.
  std::map<std::pair<std::string, std::string>, std::map<std::string, int>>
      counts;
  for (const ConlluSentence& sentence : sentences) {
    for (const ConlluWord& word : sentence.words) {
      if (word.lemma.empty() || word.xpos.empty()) continue;
      ++counts[{NormalizeWord(word.form), word.xpos}][word.lemma];
    }
  }
  std::vector<Exception> exceptions;
  for (const auto& [key, lemmas] : counts) {
    const std::string* best = nullptr;
    int best_count = 0;
    for (const auto& [lemma, count] : lemmas) {
      if (count > best_count) {
        best = &lemma;
        best_count = count;
      }
    }
    if (best != nullptr && *best != RuleLemma(key.first, key.second)) {
      exceptions.push_back({key.first, key.second, *best});
    }
  }
  return FromExceptions(std::move(exceptions));
}

Lemmatizer Lemmatizer::FromExceptions(std::vector<Exception> exceptions) {
  std::sort(exceptions.begin(), exceptions.end(),
            [](const Exception& a, const Exception& b) {
              return std::tie(a.form, a.xpos) < std::tie(b.form, b.xpos);
            });
  Lemmatizer lemmatizer;
  lemmatizer.exceptions_ = std::move(exceptions);
  size_t size = 16;
  while (size < lemmatizer.exceptions_.size() * 2) size *= 2;
  lemmatizer.index_.assign(size, Slot());
  lemmatizer.mask_ = size - 1;
  for (size_t i = 0; i < lemmatizer.exceptions_.size(); ++i) {
    const Exception& e = lemmatizer.exceptions_[i];
    uint64_t hash = ExceptionHash(e.form, e.xpos);
    uint64_t at = hash & lemmatizer.mask_;
    while (lemmatizer.index_[at].entry != 0) at = (at + 1) & lemmatizer.mask_;
    lemmatizer.index_[at] = Slot{hash, static_cast<uint32_t>(i + 1)};
  }
  return lemmatizer;
}

const Lemmatizer::Exception* Lemmatizer::Find(std::string_view form,
                                              std::string_view xpos) const {
  uint64_t hash = ExceptionHash(form, xpos);
  for (uint64_t at = hash & mask_;; at = (at + 1) & mask_) {
    const Slot& slot = index_[at];
    if (slot.entry == 0) return nullptr;
    if (slot.hash != hash) continue;
    const Exception& e = exceptions_[slot.entry - 1];
    if (e.form == form && e.xpos == xpos) return &e;
  }
}

std::string Lemmatizer::Lemma(std::string_view raw_form,
                              std::string_view xpos) const {
  if (!exceptions_.empty()) {
    // Short words (nearly all) are normalized in a stack buffer.
    char small[64];
    std::string large;
    std::string_view form = raw_form;
    if (raw_form.find('\xE2') != std::string_view::npos) {
      large = NormalizeWord(raw_form);
      form = large;
    }
    if (const Exception* e = Find(form, xpos)) return e->lemma;
    if (xpos != "NNP" && xpos != "NNPS") {
      char* buffer = small;
      if (form.size() > sizeof small) {
        large = std::string(form);
        buffer = large.data();
      } else {
        std::copy(form.begin(), form.end(), small);
      }
      bool changed = false;
      for (size_t i = 0; i < form.size(); ++i) {
        if (buffer[i] >= 'A' && buffer[i] <= 'Z') {
          buffer[i] = static_cast<char>(buffer[i] - 'A' + 'a');
          changed = true;
        }
      }
      if (changed) {
        if (const Exception* e =
                Find(std::string_view(buffer, form.size()), xpos)) {
          return e->lemma;
        }
      }
    }
  }
  return RuleLemma(raw_form, xpos);
}

}  // namespace dyad::analyze
