// The parse path of SentenceCoder: the dictionary still finds the actors,
// the verbs and the verb patterns that decide the code, but who acted on
// whom is read from the dependency tree instead of from word order.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "code/dependency_tree.h"
#include "code/sentence_coder.h"

namespace dyad::coder_internal {

namespace {

std::string_view BaseRelation(std::string_view deprel) {
  return DependencyTree::BaseRelation(deprel);
}

bool IsNegation(const TokenAnalysis& t) {
  std::string_view lemma = t.lemma;
  return BaseRelation(t.deprel) == "advmod" &&
         (lemma == "not" || lemma == "never" || lemma == "n't" ||
          lemma == "Not" || lemma == "Never");
}

// "could attack", "may visit": a possibility, not the event.
bool IsModal(const TokenAnalysis& t) {
  if (t.deprel != "aux") return false;
  std::string_view l = t.lemma;
  return l == "could" || l == "might" || l == "may" || l == "should" ||
         l == "can" || l == "must";
}

bool IsRelativePronoun(const TokenAnalysis& t) {
  std::string_view l = t.lemma;
  return l == "which" || l == "who" || l == "that" || l == "whom";
}

// Prepositions that say where or when rather than to whom.
bool IsCircumstantialCase(std::string_view lemma) {
  for (std::string_view p :
       {"in", "at", "near", "during", "since", "after", "before", "until",
        "within", "across", "throughout", "outside", "inside", "amid", "as",
        "like", "despite", "while"})
    if (lemma == p) return true;
  return false;
}

// Whether `longer`'s words after the verb begin with all of `shorter`'s.
bool ExtendsLower(const CompiledPattern& longer,
                  const CompiledPattern& shorter) {
  if (longer.lower.size() <= shorter.lower.size()) return false;
  for (size_t k = 0; k < shorter.lower.size(); ++k) {
    const PatternToken& a = longer.lower[k];
    const PatternToken& b = shorter.lower[k];
    if (a.kind != b.kind || a.word.text != b.word.text || a.synset != b.synset)
      return false;
  }
  return true;
}

bool IsClauseBreak(std::string_view word) {
  return word == "," || word == ";" || word == "." || word == ":" ||
         word == "--";
}

}  // namespace

bool SentenceCoder::HaveParse() {
  const Sentence& s = doc_.sentences[sentence_index_];
  if (!s.parsed && parser_ != nullptr && writable_doc_ == &doc_) {
    if (!parser_->ParseSentence(writable_doc_, sentence_index_).ok())
      return false;
  }
  return s.parsed && doc_.analysis.size() >=
                         static_cast<size_t>(s.first_token) + s.token_count;
}

bool SentenceCoder::CodeOnParse() {
  const Sentence& sentence = doc_.sentences[sentence_index_];
  const int first = static_cast<int>(sentence.first_token);
  const int count = static_cast<int>(sentence.token_count);
  const int nw = static_cast<int>(w_.size());
  const DependencyTree tree(doc_, sentence);
  const size_t actors_before = actors_.size(), groups_before = groups_.size();
  auto tok = [&](int t) -> const TokenAnalysis& { return tree.token(t); };
  auto head_of = [&](int t) { return tree.head(t); };
  auto kids = [&](int t) -> const std::vector<int>& {
    return tree.children(t);
  };

  // Word -> token of the sentence (by the byte where the word starts).
  std::vector<int> word_token(nw, -1);
  {
    int t = 0;
    for (int i = 0; i < nw; ++i) {
      uint32_t b = w_[i].span.begin;
      while (t + 1 < count && doc_.tokens[first + t].span.end <= b) ++t;
      word_token[i] = t;
    }
  }
  for (int i = 0; i < nw; ++i) {
    const int t = word_token[i];
    if (t < 0 || w_[i].joined_next || (i > 0 && w_[i - 1].joined_next))
      continue;
    std::string lemma = tok(t).lemma;
    for (char& c : lemma)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (lemma != w_[i].text) w_[i].lemma = std::move(lemma);
  }
  prefixes_.clear();  // now with the lemmas
  // Token -> actor occurrence covering it (the actor with its agents).
  std::vector<int> token_actor(count, -1);
  for (size_t a = 0; a < actors_.size(); ++a) {
    int from = word_token[actors_[a].start], to = word_token[actors_[a].end];
    for (int t = std::max(from, 0); t <= to && t < count; ++t)
      if (token_actor[t] < 0) token_actor[t] = static_cast<int>(a);
  }

  // A list the dictionary joined by commas that the tree does not join
  // ("condemned Rohan, Arnor said"): only the members inside the phrase of
  // token t, as a group of their own.
  std::map<std::vector<int>, int> subgroups;
  auto within_phrase = [&](int g, int t) {
    if (!groups_[g].compound()) return g;
    const std::vector<bool> below = tree.Subtree(t);
    std::vector<int> kept;
    for (int m : groups_[g].members) {
      int mt = word_token[actors_[m].name_start];
      if (mt >= 0 && below[mt]) kept.push_back(m);
    }
    if (kept.empty() || kept.size() == groups_[g].members.size()) return g;
    auto it = subgroups.find(kept);
    if (it != subgroups.end()) return it->second;
    Group part;
    part.members = kept;
    part.start = actors_[kept.front()].start;
    part.end = actors_[kept.back()].end;
    groups_.push_back(part);
    const int id = static_cast<int>(groups_.size()) - 1;
    subgroups.emplace(kept, id);
    return id;
  };
  // "Bree Prime Minister Romendacil": a name the dictionary codes BRE, with
  // a title in the text that says more (BREGOV). The text's title wins.
  // "Ithilen's minister Calimehtar": the role the dictionary's agents gave
  // the name belongs to the title's possessor (ITHGOV), as a group of its
  // own made on first use.
  std::map<std::pair<int, std::string>, int> owner_groups;
  auto owner_with_role = [&](int owner, const std::string& role) {
    auto it = owner_groups.find({owner, role});
    if (it != owner_groups.end()) return it->second;
    ActorOcc titled = actors_[owner];
    for (std::string& c : titled.codes) c += role;
    titled.has_agent = true;
    actors_.push_back(titled);
    Group g;
    g.members = {static_cast<int>(actors_.size()) - 1};
    g.start = titled.start;
    g.end = titled.end;
    groups_.push_back(g);
    const int id = static_cast<int>(groups_.size()) - 1;
    actors_.back().group = id;
    owner_groups.emplace(std::make_pair(owner, role), id);
    return id;
  };
  auto more_specific_title = [&](int t) {
    const int own_index = token_actor[t];
    for (int c : kids(t)) {
      std::string_view rel = BaseRelation(tok(c).deprel);
      if (rel != "compound" && rel != "flat" && rel != "appos" && rel != "nmod")
        continue;
      if (tok(c).deprel == "nmod:poss") continue;
      const ActorOcc& own = actors_[own_index];
      int b = token_actor[c];
      if (b == own_index && own.has_agent && !own.base.empty() &&
          !own.codes.empty()) {
        const std::string& base = own.base.front();
        const std::string& with_role = own.codes.front();
        int poss = tree.ChildWith(c, {"nmod:poss"});
        int owner = poss >= 0 ? token_actor[poss] : -1;
        if (owner >= 0 && owner != own_index && !actors_[owner].has_agent &&
            !actors_[owner].pronoun && with_role.size() > base.size() &&
            with_role.compare(0, base.size(), base) == 0)
          return owner_with_role(owner, with_role.substr(base.size()));
      }
      if (b < 0 || b == own_index || !actors_[b].has_agent ||
          actors_[b].pronoun || actors_[b].codes.empty())
        continue;
      return actors_[b].group;
    }
    return actors_[own_index].group;
  };
  // The actor groups a nominal stands for: its own actor, else one found
  // inside its noun phrase, plus those of its conjuncts.
  // `avoid` (may be null): codes of parties that cannot be the answer (the
  // source, when looking for the target); such an actor is looked past.
  auto groups_of =
      [&](int t, const std::vector<std::vector<std::string>>* avoid = nullptr) {
        auto avoided = [&](int g) {
          if (avoid == nullptr) return false;
          std::vector<std::string> codes = PartyOf(g).codes;
          for (const auto& a : *avoid)
            if (a == codes) return true;
          return false;
        };
        std::vector<int> out;
        auto add = [&](int g) {
          if (g >= 0 && std::find(out.begin(), out.end(), g) == out.end())
            out.push_back(g);
        };
        std::vector<int> heads = {t};
        for (size_t i = 0; i < heads.size(); ++i)
          for (int c : kids(heads[i]))
            if (BaseRelation(tok(c).deprel) == "conj") heads.push_back(c);
        for (int h : heads) {
          if (token_actor[h] >= 0 && !avoided(actors_[token_actor[h]].group)) {
            add(within_phrase(more_specific_title(h), t));
            continue;
          }
          // Breadth first through the phrase's own modifiers: the possessor
          // ("condemned his visits"), then the name's parts, then the rest.
          std::vector<int> queue = {h};
          for (size_t i = 0; i < queue.size(); ++i) {
            int found = -1;
            for (int pass = 0; pass < 3 && found < 0; ++pass) {
              for (int c : kids(queue[i])) {
                std::string_view rel = BaseRelation(tok(c).deprel);
                bool take =
                    pass == 0 ? tok(c).deprel == "nmod:poss"
                    : pass == 1
                        ? (rel == "compound" || rel == "flat" ||
                           rel == "appos" || rel == "amod" || rel == "name")
                        : (rel == "nmod" && tok(c).deprel != "nmod:poss");
                if (!take) continue;
                if (token_actor[c] >= 0 &&
                    !avoided(actors_[token_actor[c]].group)) {
                  found = within_phrase(actors_[token_actor[c]].group, t);
                  break;
                }
                queue.push_back(c);
              }
            }
            if (found >= 0) {
              add(found);
              break;
            }
          }
        }
        return out;
      };
  auto child_with = [&](int h,
                        std::initializer_list<std::string_view> relations) {
    return tree.ChildWith(h, relations);
  };
  auto case_of = [&](int t) { return tree.CaseOf(t); };
  auto is_passive = [&](int h) { return tree.IsPassive(h); };

  // The subject of predicate `h`: its own, or the one it shares.
  auto subject_of = [&](auto&& self, int h, int depth) -> int {
    if (depth > 8) return -1;
    int s = child_with(h, {"nsubj", "nsubj:pass", "csubj"});
    std::string_view rel = BaseRelation(tok(h).deprel);
    int parent = head_of(h);
    if (rel == "acl" && parent >= 0) {
      // "Japan, which imposed ...": the noun the clause hangs on.
      if (s < 0 || IsRelativePronoun(tok(s))) {
        return tok(h).xpos == "VBN" && s < 0 ? -1 : parent;
      }
    }
    if (s >= 0) return s;
    if (parent < 0) return -1;
    if (rel == "conj") return self(self, parent, depth + 1);
    if (rel == "xcomp") {
      int o = child_with(parent, {"obj", "iobj"});
      return o >= 0 ? o : self(self, parent, depth + 1);
    }
    if (rel == "advcl") return self(self, parent, depth + 1);
    // A verb the tree hangs inside a noun phrase ("has stepped up ties"
    // read as "has [stepped up] ties"): the subject of the clause around it.
    if (rel == "amod" || rel == "compound" || rel == "obj" || rel == "nmod" ||
        rel == "obl" || rel == "dep")
      return self(self, parent, depth + 1);
    return -1;
  };

  // Words of h's own clause: its subtree without other dictionary verbs'
  // clauses or independent clauses joined to it.
  std::vector<int> verb_token(verbs_.size());
  for (size_t i = 0; i < verbs_.size(); ++i) {
    verb_token[i] = word_token[verbs_[i].start];
  }
  auto clause_range = [&](int h, int* cs, int* ce) {
    std::vector<bool> in(count, false);
    std::vector<int> stack = {h};
    in[h] = true;
    while (!stack.empty()) {
      int t = stack.back();
      stack.pop_back();
      for (int c : kids(t)) {
        std::string_view rel = BaseRelation(tok(c).deprel);
        if (rel == "parataxis") continue;
        // A clause of its own (its own subject, or a finite verb) belongs
        // to its own verb; "to"-complements stay with this one ("vowed to
        // wage war on the Rohans").
        if ((rel == "conj" || rel == "advcl" || rel == "ccomp" ||
             rel == "acl" || rel == "csubj") &&
            tree.IsFiniteClause(c))
          continue;
        in[c] = true;
        stack.push_back(c);
      }
    }
    int lo = nw, hi = -1;
    for (int i = 0; i < nw; ++i)
      if (word_token[i] >= 0 && in[word_token[i]]) {
        lo = std::min(lo, i);
        hi = std::max(hi, i);
      }
    *cs = lo;
    *ce = hi + 1;
  };

  // Verbs nearer the root first, so a verb that codes can silence its
  // complements ("called for Seoul to provide support" is the call).
  std::vector<size_t> order(verbs_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return tree.Depth(verb_token[a]) < tree.Depth(verb_token[b]);
  });
  std::vector<bool> coded_token(count, false);
  auto complement_of_coded = [&](int h) {
    for (int t = h, d = 0; t >= 0 && d < 8; ++d) {
      std::string_view rel = BaseRelation(tok(t).deprel);
      const bool infinitival = tree.IsInfinitival(t);
      // Up through "to"-complements, and through the nouns they modify
      // ("provide support to Ukraine to help Kyiv fight": the fight hangs
      // on the support, which hangs on the providing).
      const bool nominal_link =
          rel == "obj" || rel == "obl" || rel == "nmod" || rel == "iobj";
      if (!(rel == "xcomp" || nominal_link ||
            ((rel == "advcl" || rel == "ccomp" || rel == "acl") &&
             infinitival)))
        return false;
      if (nominal_link && t == h) return false;
      t = head_of(t);
      if (t >= 0 && coded_token[t]) return true;
    }
    return false;
  };
  // Through the verbs it complements ("did not try to attack").
  auto marked = [&](int h, bool (*mark)(const TokenAnalysis&)) {
    for (int t = h, d = 0; t >= 0 && d < 8; ++d) {
      for (int c : kids(t))
        if (mark(tok(c))) return true;
      if (BaseRelation(tok(t).deprel) != "xcomp") break;
      t = head_of(t);
    }
    return false;
  };

  std::vector<size_t> waiting;  // subordinate ("?") verbs
  bool read_any = false;
  bool unread_any = false;  // a dictionary verb the tree reads as neither
  // The party of a group as the parse path names it: a role given to one
  // member of a compound is everyone's ("the ambassadors of Arnor, Gondor
  // and Osgiliath"), and a bare code is dropped where the same actor is
  // also named with its role (DAG beside DAGGOV).
  auto party_of = [&](int g) {
    Party p = PartyOf(g);
    const Group& gr = groups_[g];
    if (gr.compound()) {
      // Only a role named before the list ("the ambassadors of Arnor, ...",
      // "lawmakers and officials in Arnor and Gondor"), which the first
      // member carries; "Ithilen and the government of Gondor" gives Gondor
      // alone its government.
      std::vector<std::string> suffixes;
      const ActorOcc& first = actors_[gr.members.front()];
      if (first.has_agent && !first.base.empty())
        for (const std::string& c : first.codes) {
          const std::string& b = first.base.front();
          if (c.size() > b.size() && c.compare(0, b.size(), b) == 0)
            suffixes.push_back(c.substr(b.size()));
        }
      if (!suffixes.empty()) {
        p.codes.clear();
        for (int m : gr.members) {
          const ActorOcc& a = actors_[m];
          for (const std::string& c : a.codes) {
            if (a.has_agent) {
              p.codes.push_back(c);
              continue;
            }
            for (const std::string& suffix : suffixes)
              p.codes.push_back(c + suffix);
          }
        }
      }
    }
    std::vector<std::string> kept;
    for (const std::string& c : p.codes) {
      bool less_specific = false;
      for (const std::string& other : p.codes)
        if (other.size() > c.size() && other.compare(0, c.size(), c) == 0)
          less_specific = true;
      if (!less_specific &&
          std::find(kept.begin(), kept.end(), c) == kept.end())
        kept.push_back(c);
    }
    p.codes = std::move(kept);
    return p;
  };
  auto code_verb = [&](size_t vi, bool allow_subordinate) {
    const VerbOcc& v = verbs_[vi];
    const int h = verb_token[vi];
    if (h < 0) return;
    const std::string& upos = tok(h).upos;
    const bool nominal = upos == "NOUN" || upos == "PROPN";
    if (upos != "VERB" && !nominal) {
      unread_any = true;
      return;
    }
    read_any = true;
    int cs = 0, ce = nw;
    clause_range(h, &cs, &ce);
    const bool modifies_noun =
        !nominal && head_of(h) >= 0 && BaseRelation(tok(h).deprel) == "amod" &&
        (tok(head_of(h)).upos == "NOUN" || tok(head_of(h)).upos == "PROPN");
    if (modifies_noun) {
      // "has [stepped-up] ties with NATO": the noun's words are the verb's.
      int ns = 0, ne = nw;
      clause_range(head_of(h), &ns, &ne);
      cs = std::min(cs, ns);
      ce = std::max(ce, ne);
    }
    if (o_.news_prose && context_ != nullptr) {
      // Handed to the next sentence: this verb's first actor after it.
      for (size_t g = 0; g < groups_.size(); ++g) {
        if (groups_[g].start <= v.end || groups_[g].end >= ce) continue;
        verb_objects_.push_back({v.verb, PartyOf(static_cast<int>(g)).codes});
        break;
      }
    }
    if (complement_of_coded(h)) return;
    // "could attack" is a possibility, not an attack; "cannot attack" is
    // read as a negation.
    const bool negated = marked(h, IsNegation);
    if (!negated && marked(h, IsModal)) return;
    int subject = nominal ? -1 : subject_of(subject_of, h, 0);
    // Every subject of the predicate: a tree may hang conjoined subjects
    // side by side rather than as conjuncts.
    auto subject_groups = [&]() {
      std::vector<int> out = groups_of(subject);
      int p = head_of(subject);
      if (p >= 0 && BaseRelation(tok(subject).deprel) == "nsubj")
        for (int c : kids(p))
          if (c != subject && tok(c).deprel == tok(subject).deprel)
            for (int g : groups_of(c))
              if (std::find(out.begin(), out.end(), g) == out.end())
                out.push_back(g);
      return out;
    };
    if (subject >= 0) {
      for (int i = 0; i < nw; ++i)
        if (word_token[i] == subject) cs = std::min(cs, i);
    }
    cs = std::min(cs, v.start);
    ce = std::max(ce, v.end + 1);
    const Verb& verb = lex_.verbs[v.verb];
    Bindings b;
    const CompiledPattern* hit = FirstPattern(v, cs, ce, &b);
    // A tree that cuts the verb off its object ("broken down a treaty with
    // Libya's almost five years after ...", with "treaty" the subject of a
    // later clause) hides a pattern of plain words; word order, up to the
    // next punctuation or dictionary verb, still shows it.
    if (hit == nullptr) {
      int window_end = v.end + 1;
      while (window_end < nw && !IsClauseBreak(w_[window_end].text)) {
        bool other_verb = false;
        for (const VerbOcc& o : verbs_)
          other_verb = other_verb || (o.start == window_end && &o != &v);
        if (other_verb) break;
        ++window_end;
      }
      for (const CompiledPattern& p : c_.verbs[v.verb].patterns) {
        if (p.has_source || p.has_compound || !p.upper.empty() ||
            p.lower.empty())
          continue;
        Bindings trial;
        if (MatchPattern(p, v, v.start, window_end, &trial)) {
          hit = &p;
          b = trial;
          break;
        }
      }
    }
    // A pattern on the verb's own object beats a longer one that matched
    // further on ("signed an accord on Thursday to supply": the accord, not
    // "{TO SUPPLY}"), unless the longer one extends it ("{&TIETYPES MEMOS}
    // (FROM)" over "{&TIETYPES MEMOS}").
    if (int o = child_with(h, {"obj"}); hit != nullptr && o > h) {
      const std::vector<bool> below = tree.Subtree(o);
      int object_end = -1;
      for (int i = 0; i < nw; ++i)
        if (word_token[i] >= 0 && below[word_token[i]])
          object_end = std::max(object_end, i + 1);
      Bindings within;
      const bool hit_within_object =
          hit->has_source || hit->has_target || hit->has_compound ||
          MatchPattern(*hit, v, cs, std::min(ce, object_end), &within);
      for (const CompiledPattern& p : c_.verbs[v.verb].patterns) {
        if (hit_within_object) break;
        if (&p == hit) continue;
        if (!p.upper.empty() || p.lower.empty()) continue;
        Bindings trial;
        if (!MatchPattern(p, v, cs, std::min(ce, object_end), &trial)) continue;
        if (!ExtendsLower(*hit, p)) {
          hit = &p;
          b = trial;
        }
        break;
      }
    }
    EventCode code = hit ? hit->code : verb.code;
    // "provided humanitarian aid and defense equipment": each conjoined
    // object may match its own pattern, and gives its own event.
    std::vector<const CompiledPattern*> object_codes;
    if (!hit || (!hit->has_source && !hit->has_target && !hit->has_compound)) {
      int object = child_with(h, {"obj"});
      std::vector<int> conjuncts;
      if (object >= 0) {
        conjuncts.push_back(object);
        for (size_t i = 0; i < conjuncts.size(); ++i)
          for (int c : kids(conjuncts[i]))
            if (BaseRelation(tok(c).deprel) == "conj") conjuncts.push_back(c);
      }
      if (conjuncts.size() > 1) {
        for (int c : conjuncts) {
          // The conjunct's own words: from its first to its last, short of
          // the next conjunct.
          int lo = nw, hi = -1;
          std::vector<int> stack = {c};
          while (!stack.empty()) {
            int t = stack.back();
            stack.pop_back();
            for (int i = 0; i < nw; ++i)
              if (word_token[i] == t) {
                lo = std::min(lo, i);
                hi = std::max(hi, i);
              }
            for (int k : kids(t))
              if (BaseRelation(tok(k).deprel) != "conj" &&
                  BaseRelation(tok(k).deprel) != "cc")
                stack.push_back(k);
          }
          if (hi < 0 || lo <= v.end) continue;
          for (const CompiledPattern& p : c_.verbs[v.verb].patterns) {
            if (p.has_source || p.has_target || p.has_compound ||
                !p.upper.empty())
              continue;
            Bindings trial;
            if (!MatchPattern(p, v, cs, hi + 1, &trial, lo)) continue;
            if (p.code.code != "---" && p.code.code != "###" &&
                p.code.code != "+++" &&
                std::find(object_codes.begin(), object_codes.end(), &p) ==
                    object_codes.end())
              object_codes.push_back(&p);
            break;
          }
        }
        if (object_codes.size() < 2) object_codes.clear();
      }
    }
    if (!object_codes.empty()) {
      hit = object_codes.front();
      code = hit->code;
    }
    if (negated) {
      // "did not clash" is not a clash; the lexicon may say what it is.
      // Negation of a governing verb ("won't try to clash") says nothing
      // so definite.
      bool own = false;
      for (int c : kids(h)) own = own || IsNegation(tok(c));
      auto it = lex_.negated_codes.find(code.code);
      if (!own || it == lex_.negated_codes.end()) return;
      code.code = it->second;
      code.paired.clear();
      object_codes.clear();
    }
    if (code.subordinate && !hit && !allow_subordinate) {
      waiting.push_back(vi);
      return;
    }
    if (code.code.empty() || code.code == "---") return;
    if (code.code == "###") {
      discard_ = true;
      return;
    }
    if (code.code == "+++") {
      complex_ = true;
      return;
    }
    const std::string rule =
        "parse " + RuleName(hit, verb) + (negated ? " negated" : "");

    // A compound pattern ("% *") whose verb has an object of its own in the
    // tree: the compound acts on it ("Mordor, Rohan, Arnor and Bree
    // welcomed their resumption of ties with Osgiliath").
    if (b.compound >= 0) {
      bool object_outside = false;
      for (int c : kids(h)) {
        std::string_view rel = BaseRelation(tok(c).deprel);
        if (rel != "obj" && rel != "iobj" && rel != "obl") continue;
        for (int g : groups_of(c))
          if (g != b.compound &&
              party_of(g).codes != party_of(b.compound).codes)
            object_outside = true;
      }
      if (object_outside) {
        b.source = b.compound;
        b.compound = -1;
      }
    }
    // A compound in the pattern: its members act on each other.
    if (b.compound >= 0) {
      const Group& g = groups_[b.compound];
      for (size_t i = 0; i < g.members.size(); ++i)
        for (size_t j = i + 1; j < g.members.size(); ++j) {
          Party a = MemberParty(b.compound, g.members[i]),
                c = MemberParty(b.compound, g.members[j]);
          Emit(a, c, code.code, v, rule);
          Emit(c, a, code.paired.empty() ? code.code : code.paired, v, rule);
        }
      coded_token[h] = true;
      return;
    }

    std::vector<int> sources, targets;
    if (b.source >= 0) sources.push_back(b.source);
    if (b.target >= 0) targets.push_back(b.target);
    const bool passive = !nominal && is_passive(h);
    if (sources.empty()) {
      if (nominal) {
        // "Russia's attack on Ukraine", "his Japan visit": the possessor
        // acts; without one, a name before the noun does.
        int poss = child_with(h, {"nmod:poss"});
        if (poss < 0) poss = child_with(h, {"compound"});
        if (poss >= 0) sources = groups_of(poss);
      } else if (passive) {
        int agent = child_with(h, {"obl:agent"});
        if (agent < 0)
          for (int c : kids(h))
            if (BaseRelation(tok(c).deprel) == "obl" && case_of(c) == "by")
              agent = c;
        if (agent >= 0) sources = groups_of(agent);
      } else if (subject >= 0) {
        sources = subject_groups();
      } else {
        // A finite verb the tree left without a subject ("In a statement
        // released by KCNA, North Korea criticized", North Korea read as
        // an apposition): the name right before it.
        const std::string& x = tok(h).xpos;
        if (x == "VBD" || x == "VBZ" || x == "VBP")
          for (size_t g = 0; g < groups_.size(); ++g)
            if (groups_[g].end + 1 == v.start && !groups_[g].members.empty() &&
                !actors_[groups_[g].members.front()].pronoun)
              sources.push_back(static_cast<int>(g));
      }
    }
    if (nominal) {
      // "North Korea condemned his visits": a pronoun read back to the
      // subject of the verb whose object the noun is cannot be right
      // (nobody condemns their own visit); leave the event out. ("He said
      // during his visit" is fine: there the noun is no object.)
      int poss = child_with(h, {"nmod:poss"});
      int governor = head_of(h);
      if (poss >= 0 && governor >= 0 && tok(poss).upos == "PRON" &&
          BaseRelation(tok(h).deprel) == "obj") {
        int governor_subject = child_with(governor, {"nsubj"});
        if (governor_subject >= 0) {
          std::vector<int> subjects = groups_of(governor_subject);
          bool same = false;
          for (int g : sources)
            for (int sg : subjects)
              if (PartyOf(g).codes == PartyOf(sg).codes) same = true;
          if (same) sources.clear();
        }
      }
    }
    if (targets.empty()) {
      if (passive && subject >= 0) targets = subject_groups();
      std::vector<int> near, far;
      for (int c : kids(h)) {
        std::string_view rel = BaseRelation(tok(c).deprel);
        if (tok(c).deprel == "obl:agent" || tok(c).deprel == "obl:tmod" ||
            tok(c).deprel == "obl:npmod" || tok(c).deprel == "obl:unmarked")
          continue;
        if (rel == "obj" || rel == "iobj") {
          near.push_back(c);
        } else if (nominal && rel == "compound") {
          far.push_back(c);  // "his Japan visit": where, hence to whom
        } else if (rel == "obl" ||
                   (nominal && rel == "nmod" && tok(c).deprel != "nmod:poss")) {
          if (passive && case_of(c) == "by") continue;
          (IsCircumstantialCase(case_of(c)) ? far : near).push_back(c);
        } else if (rel == "xcomp" || ((rel == "ccomp" || rel == "advcl") &&
                                      tree.IsInfinitival(c))) {
          // "called for South Korea to provide": the one called upon. The
          // subject of a finite complement ("said Arnor is about to ...")
          // is what was said, not to whom.
          int s = child_with(c, {"nsubj"});
          if (s >= 0) near.push_back(s);
        }
      }
      // A verb the tree hangs on a noun as its modifier ("has stepped up
      // ties with NATO" read as "has [stepped-up] ties"): the noun is what
      // it acts on.
      if (modifies_noun && near.empty()) near.push_back(head_of(h));
      std::sort(near.begin(), near.end());
      std::sort(far.begin(), far.end());
      // The source named again ("rescheduled his trip to ...") is not the
      // target; look further.
      auto names_source = [&](int g) {
        const std::vector<std::string>& codes = party_of(g).codes;
        if (codes.empty()) return true;
        for (int s : sources)
          if (party_of(s).codes == codes) return true;
        return false;
      };
      std::vector<std::vector<std::string>> source_codes;
      for (int g : sources) source_codes.push_back(PartyOf(g).codes);
      for (const std::vector<int>* list : {&near, &far}) {
        for (int c : *list) {
          for (int g : groups_of(c, &source_codes))
            if (std::find(sources.begin(), sources.end(), g) == sources.end() &&
                std::find(targets.begin(), targets.end(), g) == targets.end() &&
                !names_source(g))
              targets.push_back(g);
          if (!targets.empty()) break;
        }
        if (!targets.empty()) break;
      }
    }
    // A tree that hides the object (a misparse, an object the lexicon
    // names inside a longer phrase): the first actor after the verb in its
    // own clause.
    if (targets.empty() && !sources.empty()) {
      // The first actor anywhere below the verb.
      const std::vector<bool> below = tree.Subtree(h);
      for (size_t g = 0; g < groups_.size(); ++g) {
        int gi = static_cast<int>(g);
        if (groups_[g].start <= v.end) continue;
        int t = word_token[groups_[g].start];
        if (t < 0 || !below[t]) continue;
        if (std::find(sources.begin(), sources.end(), gi) != sources.end())
          continue;
        bool names_a_source = false;
        for (int src : sources)
          if (PartyOf(src).codes == PartyOf(gi).codes) names_a_source = true;
        if (names_a_source) continue;
        targets.push_back(gi);
        break;
      }
    }
    // News prose: the same verb in the sentence before named its object
    // ("called for Seoul to provide support to Ukraine. So far, Seoul has
    // provided aid").
    std::vector<std::string> carried;
    if (targets.empty() && o_.news_prose && context_ != nullptr)
      for (const auto& [verb_index, codes] : previous_objects_)
        if (verb_index == v.verb) {
          carried = codes;
          break;
        }
    if (sources.empty() || (targets.empty() && carried.empty())) return;
    if (targets.empty()) {
      Party tgt;
      tgt.codes = carried;
      for (int s : sources) {
        Party src = party_of(s);
        if (first_source_group_ < 0) first_source_group_ = s;
        size_t before = events_.size();
        Emit(src, tgt, code.code, v, rule);
        if (events_.size() > before) coded_token[h] = true;
      }
      return;
    }
    for (int s : sources) {
      for (int t : targets) {
        if (s == t) continue;
        Party src = party_of(s), tgt = party_of(t);
        if (first_source_group_ < 0) first_source_group_ = s;
        size_t before = events_.size();
        Emit(src, tgt, code.code, v, rule);
        if (!code.paired.empty()) Emit(tgt, src, code.paired, v, rule);
        for (size_t k = 1; k < object_codes.size(); ++k) {
          const EventCode& more = object_codes[k]->code;
          std::string more_rule = "parse " + object_codes[k]->rule;
          Emit(src, tgt, more.code, v, more_rule);
          if (!more.paired.empty()) Emit(tgt, src, more.paired, v, more_rule);
        }
        if (events_.size() > before) coded_token[h] = true;
      }
    }
    if (coded_token[h] && code.dominant) dominant_coded_ = true;
  };
  for (size_t vi : order) {
    code_verb(vi, false);
    // A dictionary verb read as a noun that codes nothing is more often a
    // mistagged verb ("the mayor left yesterday for ...", "wire tapped")
    // than an event noun without parties.
    const int h = verb_token[vi];
    if (h >= 0 && !coded_token[h] &&
        (tok(h).upos == "NOUN" || tok(h).upos == "PROPN"))
      unread_any = true;
    if (discard_ || complex_) return true;
  }
  if (events_.empty())
    for (size_t vi : waiting) {
      code_verb(vi, true);
      if (discard_ || complex_) return true;
    }
  // The tree gave a dictionary verb no verbal reading and coded nothing
  // else: the sentence did not parse.
  if ((events_.empty() && unread_any) || !read_any) {
    // Word order takes over: without the parts and titled owners made
    // for the tree above.
    actors_.resize(actors_before);
    groups_.resize(groups_before);
    return false;
  }
  return true;
}

}  // namespace dyad::coder_internal
