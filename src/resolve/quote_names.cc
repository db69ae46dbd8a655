#include "resolve/quote_names.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "resolve/speech_words.h"

namespace dyad::resolve {
namespace {

// Lower-case words that join the parts of one name: "Bank of Japan",
// "Ursula von der Leyen".
bool IsNameConnector(std::string_view upper) {
  static const auto* const words = new std::unordered_set<std::string_view>{
      "OF", "DE", "VAN", "VON", "DER", "BIN", "AL",  "LA", "LE",
      "DA", "DI", "DU",  "DEL", "DOS", "BEN", "IBN", "DEN"};
  return words->count(upper) != 0;
}

// Words before a clause's subject: "..., Stoltenberg said", "that Japan".
bool OpensClause(std::string_view upper) {
  static const auto* const words = new std::unordered_set<std::string_view>{
      "THAT",    "AND",   "BUT",    "WHILE", "AS",    "WHEN",
      "BECAUSE", "AFTER", "BEFORE", "SO",    "SINCE", "ALTHOUGH",
      "THOUGH",  "IF",    "WHERE",  "UNTIL"};
  return words->count(upper) != 0;
}

bool IsAcronym(std::string_view bytes, std::string_view upper) {
  if (bytes != upper) return false;
  int letters = 0;
  for (char c : bytes) {
    if (c >= 'A' && c <= 'Z') {
      ++letters;
    } else if (c != '.' && c != '-') {
      return false;
    }
  }
  return letters >= 2;
}

// "al-Sudani", "el-Sisi": a name although it starts in lower case.
bool IsParticleName(std::string_view bytes) {
  return bytes.size() > 3 &&
         (bytes.starts_with("al-") || bytes.starts_with("el-")) &&
         bytes[3] >= 'A' && bytes[3] <= 'Z';
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

}  // namespace

DocumentNames::DocumentNames(const Document& doc,
                             const std::vector<uint8_t>& in_quote)
    : doc_(doc), in_quote_(in_quote), name_of_token_(doc.tokens.size(), -1) {
  MarkEntities();
  FindRuns();
  LinkSurnames();
}

bool DocumentNames::Fits(std::string_view pronoun, MentionKind kind,
                         bool strict) {
  const bool personal = pronoun == "HE" || pronoun == "SHE";
  const bool group = pronoun == "IT" || pronoun == "THEY";
  if (!personal && !group) return false;
  if (!strict) return kind == MentionKind::kUnknown;
  return kind == (personal ? MentionKind::kPerson : MentionKind::kGroup);
}

void DocumentNames::MarkEntities() {
  if (doc_.entities.empty()) return;
  entity_kind_.assign(doc_.tokens.size(), MentionKind::kUnknown);
  for (const Entity& entity : doc_.entities) {
    MentionKind kind = MentionKind::kUnknown;
    if (entity.type == "PERSON") {
      kind = MentionKind::kPerson;
    } else if (entity.type == "ORG" || entity.type == "PLACE" ||
               entity.type == "GPE" || entity.type == "NORP") {
      kind = MentionKind::kGroup;
    } else {
      continue;
    }
    const Span span = entity.span;
    auto first = std::partition_point(
        doc_.tokens.begin(), doc_.tokens.end(),
        [span](const Token& t) { return t.span.end <= span.begin; });
    for (auto t = first; t != doc_.tokens.end() && t->span.begin < span.end;
         ++t) {
      entity_kind_[t - doc_.tokens.begin()] = kind;
    }
  }
}

int DocumentNames::NameAt(uint32_t t) const {
  return t < name_of_token_.size() ? name_of_token_[t] : -1;
}

int DocumentNames::FullName(int m) const {
  return names_[m].full >= 0 ? names_[m].full : m;
}

Span DocumentNames::NameSpan(int m) const {
  const NameMention& name = names_[m];
  return Span{doc_.tokens[name.first_token].span.begin,
              doc_.tokens[name.end_token - 1].span.end};
}

std::string_view DocumentNames::NameText(int m) const {
  return doc_.Slice(NameSpan(m));
}

int DocumentNames::LatestFitting(std::string_view pronoun, uint32_t before,
                                 bool strict) const {
  auto after = std::partition_point(
      names_.begin(), names_.end(),
      [before](const NameMention& n) { return n.end_token <= before; });
  const int last = static_cast<int>(after - names_.begin()) - 1;
  // A pronoun rarely reaches further back than a few paragraphs.
  constexpr int kLookBack = 200;
  const bool personal = pronoun == "HE" || pronoun == "SHE";
  for (int m = last; m >= 0 && m > last - kLookBack; --m) {
    if (!names_[m].subject_like) continue;
    const NameMention& full = names_[FullName(m)];
    if (!Fits(pronoun, full.kind, strict)) continue;
    // Loosely, "he" takes a name of two words or more ("Krittaporn
    // Semsantad"), not a one-word name of unknown kind ("China").
    if (!strict && personal && full.end_token - full.first_token < 2) {
      continue;
    }
    return m;
  }
  return -1;
}

bool DocumentNames::IsNameWord(uint32_t t) const {
  const Token& token = doc_.tokens[t];
  if (token.kind != TokenKind::kWord || in_quote_[t]) return false;
  const std::string_view bytes = doc_.Slice(token.span);
  if (IsParticleName(bytes)) return true;
  if (!IsCapitalised(bytes, token.upper)) return false;
  return !IsCapitalisedNonName(token.upper);
}

bool DocumentNames::IsSentenceWord(uint32_t t) const {
  const std::string& upper = doc_.tokens[t].upper;
  return IsNumberWord(upper) || (upper.size() > 4 && upper.ends_with("LY"));
}

std::vector<uint8_t> DocumentNames::WrittenInLowerCase(
    const std::vector<uint32_t>& words) const {
  std::vector<uint8_t> lower(words.size(), 0);
  if (words.empty()) return lower;
  // Most tokens differ in first letter or length from every opener: a
  // cheap filter before the map lookup.
  std::unordered_map<std::string_view, std::vector<size_t>> wanted;
  uint64_t lengths_by_letter[27] = {};
  auto letter = [](const std::string& upper) {
    const char c = upper.empty() ? 0 : upper[0];
    return c >= 'A' && c <= 'Z' ? c - 'A' : 26;
  };
  auto length_bit = [](const std::string& upper) {
    return uint64_t{1} << std::min<size_t>(upper.size(), 63);
  };
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& upper = doc_.tokens[words[i]].upper;
    wanted[upper].push_back(i);
    lengths_by_letter[letter(upper)] |= length_bit(upper);
  }
  for (const Token& token : doc_.tokens) {
    if (token.kind != TokenKind::kWord ||
        !(lengths_by_letter[letter(token.upper)] & length_bit(token.upper))) {
      continue;
    }
    if (IsCapitalised(doc_.Slice(token.span), token.upper)) continue;
    auto it = wanted.find(token.upper);
    if (it == wanted.end()) continue;
    for (size_t i : it->second) lower[i] = 1;
  }
  return lower;
}

void DocumentNames::FindRuns() {
  auto is_connector = [this](uint32_t t) {
    const Token& token = doc_.tokens[t];
    return token.kind == TokenKind::kWord && !in_quote_[t] &&
           !IsCapitalised(doc_.Slice(token.span), token.upper) &&
           IsNameConnector(token.upper);
  };
  struct Run {
    uint32_t sentence, first, end;
  };
  std::vector<Run> runs;
  // One-word runs opening a sentence ("Additionally", "Top"): names only
  // when the text never writes them in lower case.
  std::vector<uint32_t> openers;
  std::vector<size_t> opener_runs;
  for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
    const Sentence& sentence = doc_.sentences[s];
    const uint32_t end = sentence.first_token + sentence.token_count;
    // Where the sentence's first word is (after opening marks).
    uint32_t opener = sentence.first_token;
    while (opener < end && doc_.tokens[opener].kind != TokenKind::kWord) {
      ++opener;
    }
    uint32_t t = sentence.first_token;
    while (t < end) {
      if (!IsNameWord(t)) {
        ++t;
        continue;
      }
      uint32_t j = t + 1;
      while (j < end) {
        if (IsNameWord(j)) {
          ++j;
          continue;
        }
        // "Ursula von der Leyen": connectors, then a name word.
        uint32_t k = j;
        while (k < end && is_connector(k)) ++k;
        if (k == j || k >= end || !IsNameWord(k)) break;
        j = k + 1;
      }
      uint32_t first = t;
      // Number words and -ly adverbs are capitalised only as openers.
      if (t == opener) {
        while (first < j && IsSentenceWord(first)) ++first;
      }
      if (first < j) {
        if (t == opener && j - first == 1) {
          openers.push_back(first);
          opener_runs.push_back(runs.size());
        }
        runs.push_back({s, first, j});
      }
      t = j;
    }
  }
  const std::vector<uint8_t> common = WrittenInLowerCase(openers);
  for (size_t i = 0; i < opener_runs.size(); ++i) {
    if (common[i]) runs[opener_runs[i]].end = runs[opener_runs[i]].first;
  }
  for (const Run& run : runs) {
    if (run.first < run.end) AddRun(run.sentence, run.first, run.end);
  }
}

void DocumentNames::AddRun(uint32_t sentence, uint32_t first, uint32_t end) {
  NameMention name;
  name.run_first = first;
  name.first_token = first;
  name.end_token = end;
  int last_organisation = -1;
  int last_title = -1;
  for (uint32_t t = first; t < end; ++t) {
    const std::string& upper = doc_.tokens[t].upper;
    if (IsOrganisationWord(upper)) last_organisation = static_cast<int>(t);
    if (IsTitleWord(upper)) last_title = static_cast<int>(t);
  }
  // "Defense Ministry" is an organisation, "Lamu County Commissioner
  // Irungu Macharia" a person: whichever word comes last decides.
  const bool organisation = last_organisation > last_title;
  if (organisation) {
    name.kind = MentionKind::kGroup;
  } else if (last_title >= 0) {
    uint32_t start = static_cast<uint32_t>(last_title) + 1;
    // "Secretary of State Antony Blinken": the office's "of" phrase too.
    if (start + 2 < end && doc_.tokens[start].upper == "OF") start += 2;
    // Titles alone ("Justice and Human Rights") name no one in particular.
    if (start < end) {
      name.first_token = start;
      name.kind = MentionKind::kPerson;
    }
  } else if (end == first + 1 && IsAcronym(doc_.Slice(doc_.tokens[first].span),
                                           doc_.tokens[first].upper)) {
    name.kind = MentionKind::kGroup;
  } else {
    // "NATO chief Jens Stoltenberg", "spokesman John Kirby".
    const Sentence& s = doc_.sentences[sentence];
    if (first > s.first_token) {
      const Token& before = doc_.tokens[first - 1];
      if (before.kind == TokenKind::kWord && IsTitleWord(before.upper)) {
        name.kind = MentionKind::kPerson;
      }
    }
  }
  if (name.kind == MentionKind::kUnknown &&
      AppositionNamesRole(sentence, end)) {
    name.kind = MentionKind::kPerson;
  }
  // The entity tagger's type, where it ran.
  for (uint32_t t = name.first_token;
       t < name.end_token && t < entity_kind_.size() &&
       name.kind == MentionKind::kUnknown;
       ++t) {
    name.kind = entity_kind_[t];
  }
  name.subject_like = SubjectLike(sentence, name.run_first, end);
  const int index = static_cast<int>(names_.size());
  for (uint32_t t = first; t < end; ++t) name_of_token_[t] = index;
  names_.push_back(name);
}

bool DocumentNames::AppositionNamesRole(uint32_t sentence, uint32_t end) const {
  const Sentence& s = doc_.sentences[sentence];
  const uint32_t sentence_end = s.first_token + s.token_count;
  if (end >= sentence_end || doc_.Slice(doc_.tokens[end].span) != ",") {
    return false;
  }
  // ", program director for ...", ", an opposition lawmaker and ...".
  constexpr uint32_t kRoleReach = 5;
  for (uint32_t t = end + 1; t < sentence_end && t <= end + kRoleReach; ++t) {
    const Token& token = doc_.tokens[t];
    if (token.kind != TokenKind::kWord) return false;
    if (IsTitleWord(token.upper)) return true;
  }
  return false;
}

bool DocumentNames::SubjectLike(uint32_t sentence, uint32_t run_first,
                                uint32_t end) const {
  const Sentence& s = doc_.sentences[sentence];
  if (s.parsed && doc_.analysis.size() == doc_.tokens.size()) {
    for (uint32_t t = run_first; t < end; ++t) {
      if (doc_.analysis[t].deprel.rfind("nsubj", 0) == 0) return true;
    }
    return false;
  }
  const uint32_t sentence_end = s.first_token + s.token_count;
  if (end < sentence_end) {
    const Token& next = doc_.tokens[end];
    if (next.kind == TokenKind::kPossessive || next.upper == "OF") {
      return false;
    }
  }
  uint32_t p = run_first;
  // Skip what belongs to the subject: "the", "a ministry spokesman".
  while (p > s.first_token) {
    const Token& before = doc_.tokens[p - 1];
    if (before.kind != TokenKind::kWord) break;
    if (!IsTitleWord(before.upper) && !IsDeterminer(before.upper)) break;
    --p;
  }
  if (p == s.first_token) return true;
  const Token& before = doc_.tokens[p - 1];
  if (before.kind == TokenKind::kCloseQuote) return true;
  if (before.kind == TokenKind::kPunct) {
    const std::string_view bytes = doc_.Slice(before.span);
    return bytes == "," || bytes == ";" || bytes == ":";
  }
  return before.kind == TokenKind::kWord && OpensClause(before.upper);
}

void DocumentNames::LinkSurnames() {
  std::unordered_set<std::string> country_texts;
  for (const Event& event : doc_.events) {
    for (const ActorRef* actor : {&event.source, &event.target}) {
      if (actor->code.size() == 3 && !actor->text.empty()) {
        country_texts.insert(Lower(actor->text));
      }
    }
  }
  std::unordered_map<std::string_view, int> by_last_word;
  std::unordered_map<std::string_view, int> by_first_word;
  for (int m = 0; m < static_cast<int>(names_.size()); ++m) {
    NameMention& name = names_[m];
    if (name.kind == MentionKind::kUnknown && !country_texts.empty() &&
        country_texts.count(Lower(NameText(m)))) {
      name.kind = MentionKind::kGroup;
    }
    const std::string& last = doc_.tokens[name.end_token - 1].upper;
    if (name.end_token - name.first_token >= 2) {
      if (name.kind != MentionKind::kGroup) {
        by_last_word[last] = m;
        by_first_word[doc_.tokens[name.first_token].upper] = m;
      }
      continue;
    }
    if (name.kind == MentionKind::kGroup) continue;
    int found = -1;
    if (auto it = by_last_word.find(last); it != by_last_word.end()) {
      found = it->second;
    } else if (auto first = by_first_word.find(last);
               first != by_first_word.end()) {
      found = first->second;
    }
    if (found < 0) continue;
    // Only people are called by their surname alone.
    names_[found].kind = MentionKind::kPerson;
    name.full = found;
    name.kind = MentionKind::kPerson;
  }
}

}  // namespace dyad::resolve
