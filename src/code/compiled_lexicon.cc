#include "code/compiled_lexicon.h"

#include <algorithm>

namespace dyad::coder_internal {

namespace {

constexpr std::string_view kEndings[] = {"S",   "ES", "ED", "EN",
                                         "ING", "'S", "S'", "D"};

// Splits "BARAD-DUR" into connected words; a trailing hyphen ("ANTI-")
// stays part of its word.
void SplitHyphens(const PhraseWord& w, std::vector<PhraseWord>* out) {
  size_t start = 0;
  const std::string& t = w.text;
  while (true) {
    size_t dash = t.find('-', start);
    if (dash == std::string::npos || dash == 0 || dash + 1 >= t.size()) {
      PhraseWord last = w;
      last.text = t.substr(start);
      out->push_back(std::move(last));
      return;
    }
    PhraseWord part;
    part.text = t.substr(start, dash - start);
    part.match = WordMatch::kExact;
    part.connected = true;
    out->push_back(std::move(part));
    start = dash + 1;
  }
}

Phrase Normalise(const Phrase& p) {
  Phrase out;
  for (const PhraseWord& w : p.words) SplitHyphens(w, &out.words);
  return out;
}

std::vector<PatternToken> NormaliseTokens(const std::vector<PatternToken>& in) {
  std::vector<PatternToken> out;
  for (const PatternToken& t : in) {
    if (t.kind == PatternToken::Kind::kWord &&
        t.word.text.find('-') != std::string::npos) {
      std::vector<PhraseWord> parts;
      SplitHyphens(t.word, &parts);
      for (size_t i = 0; i < parts.size(); ++i) {
        PatternToken p;
        p.kind = PatternToken::Kind::kWord;
        p.word = parts[i];
        p.connected = i + 1 < parts.size() ? true : t.connected;
        p.within_phrase = i + 1 < parts.size() ? false : t.within_phrase;
        out.push_back(std::move(p));
      }
      continue;
    }
    PatternToken copy = t;
    for (auto& alt : copy.alternatives) alt = NormaliseTokens(alt);
    out.push_back(std::move(copy));
  }
  return out;
}

// Expands every { a | b } into separate token lists.
void Expand(const std::vector<PatternToken>& toks, size_t k,
            std::vector<PatternToken>* prefix,
            std::vector<std::vector<PatternToken>>* out) {
  if (out->size() > 256) return;
  if (k == toks.size()) {
    out->push_back(*prefix);
    return;
  }
  const PatternToken& t = toks[k];
  if (t.kind != PatternToken::Kind::kAlternatives) {
    prefix->push_back(t);
    Expand(toks, k + 1, prefix, out);
    prefix->pop_back();
    return;
  }
  for (const auto& alt : t.alternatives) {
    std::vector<std::vector<PatternToken>> alts;
    std::vector<PatternToken> inner;
    Expand(alt, 0, &inner, &alts);
    for (auto& a : alts) {
      size_t before = prefix->size();
      if (before > 0 && !a.empty()) {
        // A connector before "{" joins the previous token to each option.
      }
      if (!a.empty()) a.back().connected = t.connected;
      prefix->insert(prefix->end(), a.begin(), a.end());
      Expand(toks, k + 1, prefix, out);
      prefix->resize(before);
    }
  }
}

// TABARI tries longer patterns first, length being the letters of the
// literal words (synsets and actor slots add nothing); equal lengths keep
// the order of the file.
int TokensLength(const std::vector<PatternToken>& toks) {
  int n = 0;
  for (const PatternToken& t : toks)
    if (t.kind == PatternToken::Kind::kWord)
      n += static_cast<int>(t.word.text.size());
  return n;
}

void AddRequired(const std::vector<PatternToken>& toks,
                 std::vector<std::string>* out) {
  for (const PatternToken& t : toks) {
    if (t.kind != PatternToken::Kind::kWord || t.word.text.empty()) continue;
    std::string w = t.word.text;
    // DEPLORE_ also matches DEPLORING.
    if (t.word.match == WordMatch::kWord && w.size() > 1 && w.back() == 'E')
      w.pop_back();
    out->push_back(std::move(w));
  }
}

bool HasKind(const std::vector<PatternToken>& toks, PatternToken::Kind k) {
  for (const PatternToken& t : toks) {
    if (t.kind == k) return true;
    for (const auto& alt : t.alternatives)
      if (HasKind(alt, k)) return true;
  }
  return false;
}

}  // namespace

bool WordMatches(const PhraseWord& w, std::string_view text, bool possessive) {
  const std::string& d = w.text;
  switch (w.match) {
    case WordMatch::kExact:
      return text == d && !possessive;
    case WordMatch::kStem:
      return text.size() >= d.size() && text.compare(0, d.size(), d) == 0;
    case WordMatch::kWord: {
      if (text.size() >= d.size() && text.compare(0, d.size(), d) == 0) {
        std::string_view rest = text.substr(d.size());
        if (rest.empty()) return true;
        for (std::string_view e : kEndings) {
          if (rest == e) {
            if (e == "D" && d.back() != 'E') return false;
            return true;
          }
        }
        return false;
      }
      // DEPLORE_ ~ DEPLORING, DEPLORED is covered above.
      if (!d.empty() && d.back() == 'E' && text.size() + 1 >= d.size()) {
        std::string_view stem(d.data(), d.size() - 1);
        if (text.compare(0, stem.size(), stem) == 0) {
          std::string_view rest = text.substr(stem.size());
          return rest == "ING" || rest == "EN";
        }
      }
      return false;
    }
  }
  return false;
}

std::shared_ptr<const CompiledLexicon> CompiledLexicon::Compile(
    std::shared_ptr<const Lexicon> lexicon) {
  auto c = std::make_shared<CompiledLexicon>();
  c->lexicon = lexicon;
  const Lexicon& lex = *lexicon;
  auto add = [&](EntryKind kind, int index, const Phrase& p) {
    if (p.words.empty()) return;
    Entry e{kind, index, Normalise(p)};
    int id = static_cast<int>(c->entries.size());
    const std::string& first = e.phrase.words[0].text;
    c->by_first[first].push_back(id);
    c->longest_key = std::max(c->longest_key, first.size());
    if (first.size() > 1 && first.back() == 'E' &&
        e.phrase.words[0].match == WordMatch::kWord) {
      c->by_first[first.substr(0, first.size() - 1)].push_back(id);
    }
    c->entries.push_back(std::move(e));
  };
  for (size_t i = 0; i < lex.actors.size(); ++i)
    for (const Phrase& p : lex.actors[i].phrases)
      add(EntryKind::kActor, static_cast<int>(i), p);
  for (size_t i = 0; i < lex.agents.size(); ++i)
    for (const Phrase& p : lex.agents[i].phrases)
      add(EntryKind::kAgent, static_cast<int>(i), p);
  for (size_t i = 0; i < lex.verbs.size(); ++i) {
    add(EntryKind::kVerb, static_cast<int>(i), lex.verbs[i].root);
    for (const Phrase& p : lex.verbs[i].forms)
      add(EntryKind::kVerb, static_cast<int>(i), p);
  }
  for (size_t i = 0; i < lex.nouns.size(); ++i)
    add(EntryKind::kNoun, static_cast<int>(i), lex.nouns[i]);
  for (size_t i = 0; i < lex.adjectives.size(); ++i)
    add(EntryKind::kAdjective, static_cast<int>(i), lex.adjectives[i]);
  for (size_t i = 0; i < lex.discards.size(); ++i)
    add(EntryKind::kDiscard, static_cast<int>(i), lex.discards[i]);
  for (size_t i = 0; i < lex.times.size(); ++i) {
    const TimeShift& t = lex.times[i];
    if (!t.upper.empty()) continue;  // pattern-style time entries unused
    Phrase p;
    bool plain = true;
    for (const PatternToken& tok : t.lower) {
      if (tok.kind != PatternToken::Kind::kWord) plain = false;
      PhraseWord w = tok.word;
      w.connected = tok.connected;
      p.words.push_back(w);
    }
    if (plain) add(EntryKind::kTime, static_cast<int>(i), p);
  }
  for (const Synset& s : lex.synsets) {
    auto& members = c->synsets[s.name];
    for (const auto& m : s.members) members.push_back(NormaliseTokens(m));
  }
  c->verbs.resize(lex.verbs.size());
  for (size_t i = 0; i < lex.verbs.size(); ++i) {
    const Verb& v = lex.verbs[i];
    std::string root;
    for (const PhraseWord& w : v.root.words) {
      if (!root.empty()) root += ' ';
      root += w.text;
    }
    int order = 0;
    for (const VerbPattern& vp : v.patterns) {
      std::vector<std::vector<PatternToken>> uppers, lowers;
      std::vector<PatternToken> scratch;
      Expand(NormaliseTokens(vp.upper), 0, &scratch, &uppers);
      scratch.clear();
      Expand(NormaliseTokens(vp.lower), 0, &scratch, &lowers);
      for (const auto& u : uppers) {
        for (const auto& l : lowers) {
          CompiledPattern cp;
          cp.upper = u;
          cp.lower = l;
          cp.lower_connected = vp.lower_connected;
          cp.code = vp.code;
          cp.length = TokensLength(u) + TokensLength(l);
          cp.order = order;
          cp.rule = "verbs:" + root + "/" + vp.code.code;
          cp.has_source = HasKind(u, PatternToken::Kind::kSource) ||
                          HasKind(l, PatternToken::Kind::kSource);
          cp.has_target = HasKind(u, PatternToken::Kind::kTarget) ||
                          HasKind(l, PatternToken::Kind::kTarget);
          cp.has_compound = HasKind(u, PatternToken::Kind::kCompound) ||
                            HasKind(l, PatternToken::Kind::kCompound);
          AddRequired(u, &cp.required);
          AddRequired(l, &cp.required);
          c->verbs[i].patterns.push_back(std::move(cp));
        }
      }
      ++order;
    }
    std::stable_sort(c->verbs[i].patterns.begin(), c->verbs[i].patterns.end(),
                     [](const CompiledPattern& a, const CompiledPattern& b) {
                       if (a.length != b.length) return a.length > b.length;
                       return a.order < b.order;
                     });
  }
  return c;
}

}  // namespace dyad::coder_internal
