#include "code/sentence_coder.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include "code/entity_type.h"

namespace dyad::coder_internal {

std::string SentenceCoder::CodeFor(const Actor& a) const {
  for (const DatedCode& dc : a.codes)
    if (date_ >= dc.first && date_ <= dc.last) return dc.code;
  return "";
}

void SentenceCoder::DropQuotedSpeech() {
  const int n = static_cast<int>(w_.size());
  std::vector<bool> drop(n, false);
  for (int i = 0; i < n;) {
    if (!w_[i].quoted) {
      ++i;
      continue;
    }
    int j = i, words = 0;
    for (; j < n && w_[j].quoted; ++j)
      if (!w_[j].comma) ++words;
    // Shorter quotes are names or scare quotes ("the so-called 'peace
    // plan'") and stay part of the sentence.
    if (words >= 3)
      for (int k = i; k < j; ++k) drop[k] = true;
    i = j;
  }
  std::vector<Word> kept;
  kept.reserve(n);
  for (int i = 0; i < n; ++i) {
    if (drop[i]) continue;
    // No comma left opening the sentence or doubled where a quote was.
    if (w_[i].comma && (kept.empty() || kept.back().comma)) continue;
    kept.push_back(std::move(w_[i]));
  }
  w_ = std::move(kept);
}

// Longest dictionary match at every position, left to right.
void SentenceCoder::Identify() {
  const int n = static_cast<int>(w_.size());
  // Capitals mark nouns ("about To Restore") only in ordinary mixed case:
  // not in ALL CAPS nor in Title Case headlines, where most words start
  // with a capital.
  bool all_caps = true;
  int words = 0, capitalized = 0;
  for (const Word& w : w_) {
    if (w.comma) continue;
    std::string_view s = doc_.Slice(w.span);
    for (char ch : s)
      if (std::islower(static_cast<unsigned char>(ch))) all_caps = false;
    if (!s.empty() && std::isalpha(static_cast<unsigned char>(s[0]))) {
      ++words;
      if (w.capitalized) ++capitalized;
    }
  }
  if (words >= 4 && capitalized * 10 >= words * 6) all_caps = true;
  mixed_case_ = !all_caps;
  std::vector<int> positions, best_positions;
  auto match_phrase = [&](const Phrase& p, int i, std::vector<int>* pos) {
    pos->clear();
    int at = i;
    for (size_t k = 0; k < p.words.size(); ++k) {
      const PhraseWord& pw = p.words[k];
      bool last = k + 1 == p.words.size();
      if (k == 0) {
        if (!WordMatches(
                pw, w_[at].text,
                w_[at].possessive && !last && pw.match == WordMatch::kExact))
          return false;
        if (w_[at].possessive && !last) return false;
        pos->push_back(at);
        continue;
      }
      bool connected = p.words[k - 1].connected;
      int limit = connected ? at + 1 : std::min(n - 1, at + 1 + kMaxGap);
      int found = -1;
      for (int j = at + 1; j <= limit && j < n; ++j) {
        if (w_[j].comma) break;
        if (w_[j].matched) {
          if (connected) break;
          continue;
        }
        if (WordMatches(pw, w_[j].text, false) && (last || !w_[j].possessive)) {
          found = j;
          break;
        }
        if (connected) break;
      }
      if (found < 0) return false;
      pos->push_back(found);
      at = found;
    }
    return true;
  };
  auto rank = [](EntryKind k) {
    switch (k) {
      case EntryKind::kDiscard:
        return 7;
      case EntryKind::kActor:
        return 6;
      case EntryKind::kAgent:
        return 5;
      case EntryKind::kTime:
        return 4;
      case EntryKind::kNoun:
        return 3;
      case EntryKind::kAdjective:
        return 2;
      case EntryKind::kVerb:
        return 1;
    }
    return 0;
  };
  for (int i = 0; i < n; ++i) {
    if (w_[i].comma || w_[i].matched) continue;
    const std::string& t = w_[i].text;
    const Entry* best = nullptr;
    best_positions.clear();
    size_t max_len = std::min(t.size(), c_.longest_key);
    for (size_t len = 1; len <= max_len; ++len) {
      auto it = c_.by_first.find(std::string_view(t).substr(0, len));
      if (it == c_.by_first.end()) continue;
      for (int id : it->second) {
        const Entry& e = c_.entries[id];
        if (e.kind == EntryKind::kTime && !o_.time_shift) continue;
        if (!match_phrase(e.phrase, i, &positions)) continue;
        auto letters = [](const Entry& x) {
          size_t k = 0;
          for (const PhraseWord& pw : x.phrase.words) k += pw.text.size();
          return k;
        };
        bool better = best == nullptr ||
                      positions.size() > best_positions.size() ||
                      (positions.size() == best_positions.size() &&
                       (rank(e.kind) > rank(best->kind) ||
                        (rank(e.kind) == rank(best->kind) &&
                         (letters(e) > letters(*best) ||
                          (letters(e) == letters(*best) && &e < best)))));
        if (better) {
          best = &e;
          best_positions.swap(positions);
        }
      }
    }
    if (best == nullptr) continue;
    if (best->kind == EntryKind::kVerb) {
      // Not a verb when possessive, after a determiner, or capitalised
      // inside a mixed-case sentence ("about To Restore").
      const Word& first = w_[i];
      bool noun = first.possessive;
      if (i > 0 && IsDeterminer(w_[i - 1].text)) noun = true;
      if (!all_caps && i > 0 && first.capitalized) noun = true;
      // News prose: a gerund after these prepositions is what someone is
      // accused of, pressed into or kept from ("accused X of supplying
      // arms", "refrain from attacking"), not something that happened.
      if (o_.news_prose && i > 0 && first.text.size() > 5 &&
          first.text.compare(first.text.size() - 3, 3, "ING") == 0 &&
          IsOneOf(w_[i - 1].text, {"INTO", "OF", "FROM", "ABOUT", "AGAINST"}))
        noun = true;
      // News prose: a plain form after a preposition is a noun ("came
      // under attack", "in protest", "for support").
      auto ends = [&](std::string_view suffix) {
        return first.text.size() > suffix.size() + 1 &&
               first.text.compare(first.text.size() - suffix.size(),
                                  suffix.size(), suffix) == 0;
      };
      if (o_.news_prose && i > 0 && !ends("ING") && !ends("ED") &&
          IsOneOf(w_[i - 1].text,
                  {"IN", "AT", "ON", "FROM", "WITH", "FOR", "INTO", "UNDER",
                   "AGAINST", "OVER", "AFTER", "BEFORE", "DURING", "WITHOUT",
                   "OF", "BY", "AMID", "DESPITE", "THROUGH"}))
        noun = true;
      if (noun) continue;
    }
    for (int p : best_positions) {
      w_[p].matched = true;
      w_[p].kind = best->kind;
    }
    int s = best_positions.front(), e = best_positions.back();
    switch (best->kind) {
      case EntryKind::kActor: {
        std::string code = CodeFor(lex_.actors[best->index]);
        if (code.empty() || code == "---") break;  // plain noun
        if (code == "###") discard_ = true;
        if (code == "+++") complex_ = true;
        ActorOcc a;
        // Coded compounds share a date range: "FRO/BIL/SAM".
        for (const DatedCode& dc : lex_.actors[best->index].codes)
          if (date_ >= dc.first && date_ <= dc.last) a.codes.push_back(dc.code);
        if (a.codes.size() > 1) {
          // keep only the codes of the first matching range
          int32_t f = -1, l = -1;
          std::vector<std::string> keep;
          for (const DatedCode& dc : lex_.actors[best->index].codes) {
            if (!(date_ >= dc.first && date_ <= dc.last)) continue;
            if (f < 0) {
              f = dc.first;
              l = dc.last;
            }
            if (dc.first == f && dc.last == l) keep.push_back(dc.code);
          }
          a.codes = keep;
        }
        a.start = a.name_start = s;
        a.end = a.name_end = e;
        a.base = a.codes;
        a.entry = static_cast<int>(best->index);
        actors_.push_back(a);
        break;
      }
      case EntryKind::kAgent:
        agent_spans_.push_back({s, best->index});
        agent_ends_.push_back(e);
        break;
      case EntryKind::kVerb:
        verbs_.push_back(VerbOcc{best->index, s, e});
        break;
      case EntryKind::kDiscard:
        discard_ = true;
        break;
      case EntryKind::kTime: {
        const std::string& code = lex_.times[best->index].code;
        if (code == "###") discard_ = true;
        if (code == "+++") complex_ = true;
        break;
      }
      default:
        break;
    }
  }
}

void SentenceCoder::AttachAgents() {
  // Where each actor reaches with the roles given so far ("Danish
  // Islamist" reaches "media").
  std::vector<int> reach_start(actors_.size()), reach_end(actors_.size());
  for (size_t i = 0; i < actors_.size(); ++i) {
    reach_start[i] = actors_[i].start;
    reach_end[i] = actors_[i].end;
  }
  auto actor_ending_at = [&](int pos) {
    for (size_t i = 0; i < actors_.size(); ++i)
      if (reach_end[i] == pos && !actors_[i].pronoun)
        return static_cast<int>(i);
    return -1;
  };
  auto actor_starting_at = [&](int pos) {
    for (size_t i = 0; i < actors_.size(); ++i)
      if (reach_start[i] == pos && !actors_[i].pronoun)
        return static_cast<int>(i);
    return -1;
  };
  const int n = static_cast<int>(w_.size());
  const int agents = static_cast<int>(agent_spans_.size());
  // Each agent's actor, found first for all of them, so that agents joined
  // by "and" can share one: "the Danish media and government", "lawmakers
  // and officials in Arnor".
  std::vector<int> target_of(agents, -1);
  std::vector<bool> former_of(agents, false);
  for (int k = 0; k < agents; ++k) {
    int a0 = agent_spans_[k].first, a1 = agent_ends_[k];
    bool former = a0 > 0 && w_[a0 - 1].text == "FORMER";
    int target = -1;
    int j = former ? a0 - 2 : a0 - 1;
    if (j >= 0) target = actor_ending_at(j);
    if (target < 0) {
      int m = a1 + 1;
      if (m < n && IsOneOf(w_[m].text, {"OF", "IN", "FROM"})) {
        ++m;
        while (m < n && IsDeterminer(w_[m].text) && actor_starting_at(m) < 0)
          ++m;
      }
      if (m < n) target = actor_starting_at(m);
      if (target >= 0 && actors_[target].start > 0 &&
          w_[actors_[target].start - 1].text == "FORMER")
        former = true;
    }
    if (target >= 0 && actors_[target].start > 0 &&
        w_[actors_[target].start - 1].text == "FORMER")
      former = true;
    target_of[k] = target;
    former_of[k] = former;
    if (target >= 0) {
      reach_start[target] = std::min(reach_start[target], a0);
      reach_end[target] = std::max(reach_end[target], a1);
    }
  }
  auto joined = [&](int left, int right) {
    int gap = agent_spans_[right].first - agent_ends_[left];
    return gap == 2 &&
           IsOneOf(w_[agent_ends_[left] + 1].text, {"AND", ",", "OR"});
  };
  std::vector<int> partner_of(agents, -1);
  for (int k = 0; k < agents; ++k) {
    if (target_of[k] >= 0) continue;
    if (k > 0 && target_of[k - 1] >= 0 && joined(k - 1, k))
      partner_of[k] = k - 1;
    else if (k + 1 < agents && target_of[k + 1] >= 0 && joined(k, k + 1))
      partner_of[k] = k + 1;
    if (partner_of[k] >= 0) target_of[k] = target_of[partner_of[k]];
  }
  // The agents with an actor of their own first, each on top of the roles
  // before it ("Danish Islamist media": DNKMUSMED); then each agent joined
  // to one of them as an alternative to it ("... media and government":
  // DNKMUSGOV as well).
  std::vector<std::vector<std::string>> codes_before(agents);
  std::vector<int> order;
  for (int k = 0; k < agents; ++k)
    if (partner_of[k] < 0) order.push_back(k);
  for (int k = 0; k < agents; ++k)
    if (partner_of[k] >= 0) order.push_back(k);
  for (int k : order) {
    int a0 = agent_spans_[k].first, a1 = agent_ends_[k];
    const Agent& agent = lex_.agents[agent_spans_[k].second];
    const bool former = former_of[k];
    const int target = target_of[k];
    std::string code = former ? "ELI" : agent.code;
    if (target < 0) {
      if (o_.convert_agents) {
        ActorOcc a;
        a.codes.push_back(agent.prefix ? code + "~" : "~" + code);
        a.base = a.codes;
        a.start = a.name_start = a0;
        a.end = a.name_end = a1;
        a.has_agent = true;
        actors_.push_back(a);
      }
      continue;
    }
    ActorOcc& a = actors_[target];
    auto with_role = [&](std::string ac) {
      if (agent.prefix && !former) {
        if (ac.compare(0, code.size(), code) != 0) ac = code + ac;
      } else {
        if (ac.size() < code.size() ||
            ac.compare(ac.size() - code.size(), code.size(), code) != 0)
          ac += code;
      }
      return ac;
    };
    codes_before[k] = a.codes;
    if (partner_of[k] < 0) {
      for (std::string& ac : a.codes) ac = with_role(ac);
    } else {
      for (const std::string& before : codes_before[partner_of[k]]) {
        std::string ac = with_role(before);
        if (std::find(a.codes.begin(), a.codes.end(), ac) == a.codes.end())
          a.codes.push_back(ac);
      }
    }
    a.has_agent = true;
    if (partner_of[k] >= 0) continue;  // its words are not the actor's
    a.start = std::min(
        a.start, former && a0 > 0 && w_[a0 - 1].text == "FORMER" ? a0 - 1 : a0);
    a.end = std::max(a.end, a1);
  }
  std::sort(
      actors_.begin(), actors_.end(),
      [](const ActorOcc& x, const ActorOcc& y) { return x.start < y.start; });
}

// Compounds: actors joined by commas and AND/OR/NOR, with determiners and
// adjectives allowed before each member. Pronouns become groups that point
// at the first group before them.
void SentenceCoder::BuildGroups() {
  const int n = static_cast<int>(w_.size());
  std::vector<int> start_of(n, -1);
  for (size_t i = 0; i < actors_.size(); ++i)
    if (start_of[actors_[i].start] < 0)
      start_of[actors_[i].start] = static_cast<int>(i);
  // Determiners and adjectives before a member, unless they begin it
  // ("THE_SHIRE").
  auto skip_fillers = [&](int pos) {
    while (pos < n && start_of[pos] < 0 &&
           (IsDeterminer(w_[pos].text) ||
            (w_[pos].matched && w_[pos].kind == EntryKind::kAdjective)))
      ++pos;
    return pos;
  };
  for (size_t i = 0; i < actors_.size(); ++i) {
    if (actors_[i].group >= 0) continue;
    Group g;
    g.members.push_back(static_cast<int>(i));
    g.start = actors_[i].start;
    g.end = actors_[i].end;
    int gid = static_cast<int>(groups_.size());
    actors_[i].group = gid;
    while (true) {
      int p = g.end + 1;
      if (p >= n || w_[p].deleted) break;
      std::vector<int> seps;
      bool has_sep = false;
      if (w_[p].comma) {
        seps.push_back(p);
        ++p;
        has_sep = true;
      }
      if (p < n && !w_[p].deleted && !w_[p].matched &&
          IsListConjunction(w_[p].text)) {
        seps.push_back(p);
        ++p;
        has_sep = true;
      }
      int q = skip_fillers(p);
      if (q >= n || w_[q].deleted || start_of[q] < 0) break;
      bool deleted_between = false;
      for (int k = p; k < q; ++k) deleted_between |= w_[k].deleted;
      if (deleted_between) break;
      // Without a separator only "Arnor's Elrond" or, inside a list,
      // "the evil Arnor awful Gondor" join.
      if (!has_sep && !w_[g.end].possessive && !(q > p && g.compound())) break;
      int next = start_of[q];
      if (actors_[next].group >= 0) break;
      for (int s : seps) w_[s].compound_sep = true;
      g.members.push_back(next);
      actors_[next].group = gid;
      g.end = actors_[next].end;
    }
    groups_.push_back(g);
  }
  // Pronouns.
  for (int i = 0; i < n; ++i) {
    if (w_[i].matched || w_[i].comma || w_[i].deleted) continue;
    // "Gondor, which fears ...": a relative pronoun after a comma means the
    // actor just before the comma.
    bool relative = IsRelativeAfterComma(i);
    if (!relative && !IsPronoun(w_[i].text)) continue;
    int ref = -1;
    for (size_t g = 0; g < groups_.size(); ++g) {
      if (actors_[groups_[g].members[0]].pronoun) continue;
      if (relative) {
        if (groups_[g].end == i - 2) ref = static_cast<int>(g);
        continue;
      }
      if (groups_[g].end < i) {
        ref = static_cast<int>(g);
        break;
      }
    }
    if (relative && ref < 0) continue;
    Group pg;
    if (ref < 0) {
      // Nobody named before it here: the subject of an earlier sentence.
      // In news prose only for "he", "she", "it": the subject handed on is
      // one actor, and "they" is mostly people the lexicon does not know
      // ("the refugees ... they").
      if (o_.news_prose && IsOneOf(w_[i].text, {"THEY", "THEIR", "THEM"}))
        continue;
      const std::vector<std::string>* from = nullptr;
      if (context_ != nullptr)
        from = !context_->last.empty() ? &context_->last : &context_->lead;
      if (from == nullptr || from->empty()) continue;
      ActorOcc a;
      a.codes = a.base = {from->front()};
      a.start = a.end = a.name_start = a.name_end = i;
      a.pronoun = a.forwarded = true;
      a.group = static_cast<int>(groups_.size());
      actors_.push_back(a);
      pg.members.push_back(static_cast<int>(actors_.size() - 1));
    } else {
      for (int m : groups_[ref].members) {
        ActorOcc a = actors_[m];
        a.start = a.end = a.name_start = a.name_end = i;
        a.pronoun = true;
        a.group = static_cast<int>(groups_.size());
        actors_.push_back(a);
        pg.members.push_back(static_cast<int>(actors_.size() - 1));
      }
    }
    pg.start = pg.end = i;
    w_[i].matched = true;
    w_[i].kind = EntryKind::kActor;
    groups_.push_back(pg);
  }
  std::sort(groups_.begin(), groups_.end(),
            [](const Group& a, const Group& b) { return a.start < b.start; });
  for (size_t g = 0; g < groups_.size(); ++g)
    for (int m : groups_[g].members) actors_[m].group = static_cast<int>(g);
}

void SentenceCoder::DropCommaClauses() {
  const int n = static_cast<int>(w_.size());
  std::vector<int> commas;
  for (int i = 0; i < n; ++i)
    if (w_[i].comma) commas.push_back(i);
  if (commas.empty()) return;
  std::vector<bool> in_actor(n, false);
  for (const ActorOcc& a : actors_)
    for (int i = a.start; i <= a.end; ++i) in_actor[i] = true;
  // ", the Shire," is a member of a list, not a clause.
  auto list_member = [&](int from, int to) {
    bool any = false;
    for (int i = from; i < to; ++i) {
      if (in_actor[i]) {
        any = true;
        continue;
      }
      if (IsDeterminer(w_[i].text) || IsListConjunction(w_[i].text) ||
          (w_[i].matched && w_[i].kind == EntryKind::kAdjective))
        continue;
      return false;
    }
    return any;
  };
  auto count = [&](int from, int to) {  // words in [from, to)
    int k = 0;
    for (int i = from; i < to; ++i)
      if (!w_[i].comma && !w_[i].deleted) ++k;
    return k;
  };
  auto erase = [&](int from, int to) {  // [from, to]
    for (int i = from; i <= to && i < n; ++i) w_[i].deleted = true;
  };
  size_t first = 0;
  {
    int k = count(0, commas[0]);
    if (k >= o_.comma_begin_min && k <= o_.comma_begin_max) {
      erase(0, commas[0]);
      first = 1;
    }
  }
  // News prose: "So far, ...", "On Monday, ...": a short opening phrase
  // without actor or verb is set off by its comma; the clause after it is
  // the sentence's main clause, not a comma clause to drop.
  if (first == 0 && o_.news_prose && count(0, commas[0]) <= 5) {
    bool plain = true;
    for (int k = 0; k < commas[0]; ++k)
      if (in_actor[k] || (w_[k].matched && (w_[k].kind == EntryKind::kVerb ||
                                            w_[k].kind == EntryKind::kAgent)))
        plain = false;
    if (plain) first = 1;
  }
  std::vector<int> remaining;
  size_t i = first;
  while (i < commas.size()) {
    if (i + 1 < commas.size()) {
      int k = count(commas[i] + 1, commas[i + 1]);
      if (k >= o_.comma_min && k <= o_.comma_max &&
          !list_member(commas[i] + 1, commas[i + 1])) {
        erase(commas[i], commas[i + 1]);
        i += 2;
        continue;
      }
    }
    remaining.push_back(commas[i]);
    ++i;
  }
  // The comma before the last member of a list ("A, B, and C said")
  // does not open a closing clause.
  auto before_last_member = [&](int c) {
    int p = c + 1;
    if (p >= n || !IsListConjunction(w_[p].text)) return false;
    ++p;
    while (p < n && !in_actor[p] && IsDeterminer(w_[p].text)) ++p;
    return p < n && in_actor[p];
  };
  if (!remaining.empty() && !before_last_member(remaining.back())) {
    int last = remaining.back();
    int k = count(last + 1, n) + 1;  // TABARI counts the final period
    if (k >= o_.comma_end_min && k <= o_.comma_end_max) erase(last, n - 1);
  }
}

// Removes deleted words and renumbers every occurrence.
void SentenceCoder::Compact() {
  const int n = static_cast<int>(w_.size());
  std::vector<int> map(n, -1);
  std::vector<Word> live;
  for (int i = 0; i < n; ++i) {
    if (w_[i].deleted) continue;
    map[i] = static_cast<int>(live.size());
    live.push_back(std::move(w_[i]));
  }
  w_ = std::move(live);
  auto alive = [&](int s, int e) {
    for (int i = s; i <= e; ++i)
      if (map[i] < 0) return false;
    return true;
  };
  std::vector<int> actor_map(actors_.size(), -1);
  std::vector<ActorOcc> actors;
  for (size_t i = 0; i < actors_.size(); ++i) {
    ActorOcc a = actors_[i];
    if (map[a.start] < 0 || map[a.end] < 0 || map[a.name_start] < 0 ||
        map[a.name_end] < 0)
      continue;
    a.start = map[a.start];
    a.end = map[a.end];
    a.name_start = map[a.name_start];
    a.name_end = map[a.name_end];
    actor_map[i] = static_cast<int>(actors.size());
    actors.push_back(a);
  }
  std::vector<Group> groups;
  for (const Group& g : groups_) {
    Group ng;
    for (int m : g.members)
      if (actor_map[m] >= 0) ng.members.push_back(actor_map[m]);
    if (ng.members.empty()) continue;
    ng.start = actors[ng.members.front()].start;
    ng.end = actors[ng.members.back()].end;
    for (int m : ng.members) {
      ng.start = std::min(ng.start, actors[m].start);
      ng.end = std::max(ng.end, actors[m].end);
      actors[m].group = static_cast<int>(groups.size());
    }
    groups.push_back(ng);
  }
  actors_ = std::move(actors);
  groups_ = std::move(groups);
  std::vector<VerbOcc> verbs;
  for (const VerbOcc& v : verbs_) {
    if (!alive(v.start, v.end)) continue;
    verbs.push_back(VerbOcc{v.verb, map[v.start], map[v.end]});
  }
  verbs_ = std::move(verbs);
}

bool SentenceCoder::Complex() const {
  if (o_.complex_verbs > 0 &&
      static_cast<int>(verbs_.size()) >= o_.complex_verbs)
    return true;
  if (o_.complex_conjunctions > 0) {
    int k = 0;
    for (const Word& w : w_)
      if (!w.matched && !w.compound_sep && IsConjunction(w.text)) ++k;
    if (k >= o_.complex_conjunctions) return true;
  }
  return false;
}

bool SentenceCoder::LessSpecificTwin(size_t i) const {
  const Event& e = events_[i];
  auto refines = [](const std::string& specific, const std::string& general) {
    return specific.size() > general.size() &&
           specific.compare(0, general.size(), general) == 0;
  };
  for (size_t k = 0; k < events_.size(); ++k) {
    if (k == i) continue;
    const Event& o = events_[k];
    if (o.cameo != e.cameo) continue;
    if ((o.source.code == e.source.code &&
         refines(o.target.code, e.target.code)) ||
        (o.target.code == e.target.code &&
         refines(o.source.code, e.source.code)))
      return true;
  }
  return false;
}

int SentenceCoder::SubordinateSubjectStart(const VerbOcc& v, int cs) const {
  // The last subordinator before the verb that an actor follows, the verb
  // coming within a few words of that actor: "China's presence in Russia
  // is smaller than before Russia invaded Ukraine".
  for (int k = v.start - 2; k >= cs; --k) {
    if (!IsOneOf(w_[k].text, {"THAT", "WHEN", "WHILE", "BECAUSE", "IF",
                              "BEFORE", "AFTER", "SINCE", "UNTIL", "WHERE",
                              "ALTHOUGH", "THOUGH", "WHETHER", "ONCE", "AS"}))
      continue;
    int p = k + 1;
    while (p < v.start && IsDeterminer(w_[p].text)) ++p;
    int g = GroupStartingAt(p);
    if (g < 0 || groups_[g].end >= v.start) continue;
    if (v.start - groups_[g].end <= 4) return p;
    break;
  }
  return cs;
}

bool SentenceCoder::ObjectOfPreposition(int g, int verb_start) const {
  int k = groups_[g].start - 1;
  while (k >= 0 && IsDeterminer(w_[k].text)) --k;
  // "before Russia invaded": a conjunction opening the verb's own clause.
  if (k >= 0 && verb_start >= 0 && verb_start - groups_[g].end <= 4 &&
      IsOneOf(w_[k].text, {"AFTER", "BEFORE", "SINCE", "UNTIL"}))
    return false;
  return k >= 0 &&
         IsOneOf(
             w_[k].text,
             {"TO",     "IN",      "AT",     "ON",      "FROM",     "WITH",
              "FOR",    "INTO",    "NEAR",   "AGAINST", "OVER",     "BETWEEN",
              "AMONG",  "AFTER",   "BEFORE", "DURING",  "SINCE",    "UNTIL",
              "TOWARD", "TOWARDS", "ACROSS", "THROUGH", "WITHIN",   "WITHOUT",
              "UNDER",  "ABOUT",   "AROUND", "VIA",     "DESPITE",  "AMID",
              "THAN",   "BEYOND",  "LIKE",   "UPON",    "ALONGSIDE"});
}

bool SentenceCoder::SaysEachOther(int from, int to) const {
  for (int k = from; k < to; ++k) {
    const std::string& w = w_[k].text;
    if (IsOneOf(w, {"BETWEEN", "JOINTLY", "TOGETHER", "MUTUAL", "MUTUALLY",
                    "BILATERAL"}))
      return true;
    if (k + 1 < to && IsOneOf(w, {"EACH", "ONE"}) &&
        IsOneOf(w_[k + 1].text, {"OTHER", "ANOTHER"}))
      return true;
  }
  return false;
}

bool SentenceCoder::UnknownNameObject(const VerbOcc& v, int ce) const {
  if (!mixed_case_) return false;  // capitals mean nothing in headlines
  int p = v.end + 1;
  for (int skipped = 0; p < ce && skipped < 3; ++p, ++skipped) {
    const std::string& w = w_[p].text;
    if (w_[p].matched || w_[p].comma) break;
    if (!IsDeterminer(w) && !IsOneOf(w, {"WITH", "TO", "ON", "FOR", "AGAINST",
                                         "FROM", "INTO", "OVER", "UPON"}))
      break;
  }
  if (p >= ce) return false;
  const Word& w = w_[p];
  if (w.comma || w.matched || !w.capitalized) return false;
  return !IsOneOf(
      w.text,
      {"MONDAY",   "TUESDAY", "WEDNESDAY", "THURSDAY",  "FRIDAY",  "SATURDAY",
       "SUNDAY",   "JANUARY", "FEBRUARY",  "MARCH",     "APRIL",   "MAY",
       "JUNE",     "JULY",    "AUGUST",    "SEPTEMBER", "OCTOBER", "NOVEMBER",
       "DECEMBER", "JAN.",    "FEB.",      "AUG.",      "SEPT.",   "OCT.",
       "NOV.",     "DEC.",    "I"});
}

bool SentenceCoder::JoinsObjects(int i) const {
  const int n = static_cast<int>(w_.size());
  // A verb form the dictionary does not know still opens a clause
  // ("and left for ...", "and attempting to ...").
  if (i + 1 < n) {
    const std::string& next = w_[i + 1].text;
    auto ends = [&](std::string_view suffix) {
      return next.size() > suffix.size() + 2 &&
             next.compare(next.size() - suffix.size(), suffix.size(), suffix) ==
                 0;
    };
    if (ends("ED") || ends("ING")) return false;
  }
  for (int k = i + 1; k < n; ++k) {
    if (!w_[k].matched && !w_[k].compound_sep && IsConjunction(w_[k].text))
      break;
    for (const VerbOcc& v : verbs_)
      if (v.start == k) return false;
  }
  return true;
}

bool SentenceCoder::IsRelativeAfterComma(int i) const {
  return i > 1 && w_[i - 1].comma && IsOneOf(w_[i].text, {"WHICH", "WHO"});
}

int SentenceCoder::GroupStartingAt(int pos) const {
  for (size_t g = 0; g < groups_.size(); ++g)
    if (groups_[g].start == pos) return static_cast<int>(g);
  return -1;
}
int SentenceCoder::GroupEndingAt(int pos) const {
  for (size_t g = 0; g < groups_.size(); ++g)
    if (groups_[g].end == pos) return static_cast<int>(g);
  return -1;
}

bool SentenceCoder::PatternWordMatches(const PhraseWord& pw,
                                       const Word& w) const {
  return WordMatches(pw, w.text, w.possessive) ||
         (!w.lemma.empty() && WordMatches(pw, w.lemma, w.possessive));
}

namespace {
// How far `next` (null: the verb) may be from the element `t` before it:
// -1 anywhere further on, 0 right after, or, for a synset inside a noun
// phrase, a few words on ("{NEW &TIETYPES RELATIONS}" ~ "new global
// economic relations"; UniversalPetrarch's validation records want the
// words after the synset adjacent).
int GapAfter(const PatternToken& t, const PatternToken* next) {
  if (!t.connected) return -1;
  return t.within_phrase && next != nullptr &&
                 next->kind == PatternToken::Kind::kSynset
             ? 2
             : 0;
}
}  // namespace

bool SentenceCoder::MatchFwd(const std::vector<PatternToken>& toks, size_t k,
                             int pos, int max_gap, int ce, Bindings& b,
                             Cont cont) {
  if (k == toks.size()) return cont(pos, b);
  if (++match_steps_ > kMaxMatchSteps) return false;
  const PatternToken& t = toks[k];
  const PatternToken* following = k + 1 < toks.size() ? &toks[k + 1] : nullptr;
  int last_start = max_gap < 0 ? ce - 1 : pos + max_gap;
  for (int p = pos; p <= last_start && p < ce; ++p) {
    if (max_gap > 0 && p > pos && w_[p - 1].comma) break;
    switch (t.kind) {
      case PatternToken::Kind::kWord:
        if (!w_[p].comma && PatternWordMatches(t.word, w_[p])) {
          ++b.words;
          if (MatchFwd(toks, k + 1, p + 1, GapAfter(t, following), ce, b, cont))
            return true;
          --b.words;
        }
        break;
      case PatternToken::Kind::kSource:
      case PatternToken::Kind::kTarget:
      case PatternToken::Kind::kSkip:
      case PatternToken::Kind::kCompound: {
        int g = GroupStartingAt(p);
        if (g < 0) break;
        if (t.kind == PatternToken::Kind::kCompound && !groups_[g].compound())
          break;
        Bindings saved = b;
        if (t.kind == PatternToken::Kind::kSource) b.source = g;
        if (t.kind == PatternToken::Kind::kTarget) b.target = g;
        if (t.kind == PatternToken::Kind::kCompound) b.compound = g;
        if (t.kind == PatternToken::Kind::kSkip) b.Skip(g);
        if (MatchFwd(toks, k + 1, groups_[g].end + 1, GapAfter(t, following),
                     ce, b, cont))
          return true;
        b = saved;
        break;
      }
      case PatternToken::Kind::kSynset: {
        auto it = c_.synsets.find(t.synset);
        if (it == c_.synsets.end()) return false;
        for (const auto& member : it->second) {
          auto next = [&](int end, Bindings& bb) {
            return MatchFwd(toks, k + 1, end, GapAfter(t, following), ce, bb,
                            cont);
          };
          if (MatchFwd(member, 0, p, 0, ce, b, next)) return true;
        }
        break;
      }
      case PatternToken::Kind::kAlternatives:
        for (const auto& alt : t.alternatives) {
          auto next = [&](int end, Bindings& bb) {
            return MatchFwd(toks, k + 1, end, GapAfter(t, following), ce, bb,
                            cont);
          };
          if (MatchFwd(alt, 0, p, 0, ce, b, next)) return true;
        }
        break;
    }
  }
  return false;
}

bool SentenceCoder::MatchBwd(const std::vector<PatternToken>& toks, int k,
                             int pos, int max_gap, int cs, Bindings& b,
                             Cont cont) {
  if (k < 0) return cont(pos, b);
  if (++match_steps_ > kMaxMatchSteps) return false;
  const PatternToken& t = toks[k];
  int first_end = max_gap < 0 ? cs : pos - max_gap;
  for (int p = pos; p >= first_end && p >= cs; --p) {
    if (max_gap > 0 && p < pos && w_[p + 1].comma) break;
    const int next_gap = k > 0 ? GapAfter(toks[k - 1], &t) : -1;
    switch (t.kind) {
      case PatternToken::Kind::kWord:
        if (!w_[p].comma && PatternWordMatches(t.word, w_[p])) {
          ++b.words;
          if (MatchBwd(toks, k - 1, p - 1, next_gap, cs, b, cont)) return true;
          --b.words;
        }
        break;
      case PatternToken::Kind::kSource:
      case PatternToken::Kind::kTarget:
      case PatternToken::Kind::kSkip:
      case PatternToken::Kind::kCompound: {
        int g = GroupEndingAt(p);
        if (g < 0 || groups_[g].start < cs) break;
        if (t.kind == PatternToken::Kind::kCompound && !groups_[g].compound())
          break;
        Bindings saved = b;
        if (t.kind == PatternToken::Kind::kSource) b.source = g;
        if (t.kind == PatternToken::Kind::kTarget) b.target = g;
        if (t.kind == PatternToken::Kind::kCompound) b.compound = g;
        if (t.kind == PatternToken::Kind::kSkip) b.Skip(g);
        if (MatchBwd(toks, k - 1, groups_[g].start - 1, next_gap, cs, b, cont))
          return true;
        b = saved;
        break;
      }
      case PatternToken::Kind::kSynset: {
        auto it = c_.synsets.find(t.synset);
        if (it == c_.synsets.end()) return false;
        for (const auto& member : it->second) {
          auto next = [&](int start, Bindings& bb) {
            return MatchBwd(toks, k - 1, start, next_gap, cs, bb, cont);
          };
          if (MatchBwd(member, static_cast<int>(member.size()) - 1, p, 0, cs, b,
                       next))
            return true;
        }
        break;
      }
      case PatternToken::Kind::kAlternatives:
        for (const auto& alt : t.alternatives) {
          auto next = [&](int start, Bindings& bb) {
            return MatchBwd(toks, k - 1, start, next_gap, cs, bb, cont);
          };
          if (MatchBwd(alt, static_cast<int>(alt.size()) - 1, p, 0, cs, b,
                       next))
            return true;
        }
        break;
    }
  }
  return false;
}

bool SentenceCoder::MayMatch(const CompiledPattern& p) {
  if (prefixes_.empty()) {
    for (const Word& w : w_) {
      for (size_t len = 1; len <= w.text.size(); ++len)
        prefixes_.insert(std::string_view(w.text).substr(0, len));
      for (size_t len = 1; len <= w.lemma.size(); ++len)
        prefixes_.insert(std::string_view(w.lemma).substr(0, len));
    }
  }
  for (const std::string& r : p.required)
    if (prefixes_.find(r) == prefixes_.end()) return false;
  return true;
}

bool SentenceCoder::MatchPattern(const CompiledPattern& p, const VerbOcc& v,
                                 int cs, int ce, Bindings* b, int lower_from) {
  if (!MayMatch(p)) return false;
  match_steps_ = 0;
  auto done = [](int, Bindings&) { return true; };
  int from = lower_from >= 0 ? lower_from : v.end + 1;
  auto lower = [&](int, Bindings& bb) {
    return MatchFwd(p.lower, 0, from, p.lower_connected ? 0 : -1, ce, bb, done);
  };
  const int gap = p.upper.empty() ? -1 : GapAfter(p.upper.back(), nullptr);
  return MatchBwd(p.upper, static_cast<int>(p.upper.size()) - 1, v.start - 1,
                  gap, cs, *b, lower);
}

const CompiledPattern* SentenceCoder::FirstPattern(const VerbOcc& v, int cs,
                                                   int ce, Bindings* b) {
  const auto& patterns = c_.verbs[v.verb].patterns;
  const CompiledPattern* hit = nullptr;
  for (const CompiledPattern& p : patterns) {
    if (hit != nullptr && p.length != hit->length) break;
    Bindings trial;
    if (!MatchPattern(p, v, cs, ce, &trial)) continue;
    if (hit == nullptr || trial.words > b->words) {
      hit = &p;
      *b = trial;
    }
  }
  return hit;
}

SentenceCoder::Party SentenceCoder::PartyOf(int g) const {
  Party p;
  p.group = g;
  const Group& gr = groups_[g];
  for (int m : gr.members)
    for (const std::string& code : actors_[m].codes) p.codes.push_back(code);
  const ActorOcc& first = actors_[gr.members[0]];
  p.span = Span{w_[first.start].span.begin, w_[first.end].span.end};
  p.text = std::string(doc_.Slice(p.span));
  return p;
}

SentenceCoder::Party SentenceCoder::MemberParty(int group, int actor) const {
  Party p;
  p.group = group;
  const ActorOcc& a = actors_[actor];
  p.codes = a.codes;
  p.span = Span{w_[a.start].span.begin, w_[a.end].span.end};
  p.text = std::string(doc_.Slice(p.span));
  return p;
}

bool SentenceCoder::NamedByCapital(const Party& p,
                                   const std::string& code) const {
  if (p.group < 0 || code.size() != 3) return false;
  for (int m : groups_[p.group].members) {
    const ActorOcc& a = actors_[m];
    if (a.entry >= 0 && lex_.actors[a.entry].kind == ActorKind::kCapital &&
        std::find(a.codes.begin(), a.codes.end(), code) != a.codes.end())
      return true;
  }
  return false;
}

void SentenceCoder::Emit(const Party& s, const Party& t,
                         const std::string& code, const VerbOcc& v,
                         const std::string& rule) {
  // A capital that acts ("Seoul has provided aid", "Moscow warned Kyiv") is
  // its government; one that is struck or fought over (roots 15 to 20) is
  // the place, which stands for the country.
  const bool material_conflict = code.compare(0, 2, "15") >= 0;
  for (std::string sc : s.codes) {
    if (NamedByCapital(s, sc)) sc += "GOV";
    for (std::string tc : t.codes) {
      if (!material_conflict && NamedByCapital(t, tc)) tc += "GOV";
      if (sc == tc) continue;
      // News prose: "China" and "Chinese officials" in one event are one
      // actor named twice ("the Chinese ministry ... said China rejects"),
      // not China acting on itself.
      if (o_.news_prose && (sc.compare(0, tc.size(), tc) == 0 ||
                            tc.compare(0, sc.size(), sc) == 0))
        continue;
      Event e;
      e.source.code = sc;
      e.source.text = s.text;
      e.source.span = s.span;
      e.target.code = tc;
      e.target.text = t.text;
      e.target.span = t.span;
      e.cameo = code;
      e.sentence = sentence_index_;
      uint32_t b = w_[v.start].span.begin, en = w_[v.end].span.end;
      for (const Span& sp : {s.span, t.span}) {
        if (sp.empty()) continue;
        b = std::min(b, sp.begin);
        en = std::max(en, sp.end);
      }
      e.span = Span{b, en};
      e.rule = rule;
      e.date = doc_.published;
      events_.push_back(std::move(e));
    }
  }
}

namespace {
bool IsNullCode(const std::string& c) { return c.empty() || c == "---"; }
bool IsSpecialCode(const std::string& c) {
  return IsNullCode(c) || c == "###" || c == "+++";
}
// Events whose actors do the same to each other ("Bree and Arnor met",
// "... clashed"): consult, diplomatic and material cooperation, fighting.
bool IsReciprocal(const std::string& code) {
  std::string_view root = std::string_view(code).substr(0, 2);
  return root == "04" || root == "05" || root == "06" || root == "19";
}
}  // namespace

std::vector<const CompiledPattern*> SentenceCoder::ObjectPatterns(
    const VerbOcc& v, int cs, int ce) {
  std::vector<const CompiledPattern*> found;
  std::vector<int> bounds;  // object i spans [bounds[i], bounds[i+1] - 1)
  bounds.push_back(v.end + 1);
  for (int a : object_conjunctions_)
    if (a > v.end && a < ce) bounds.push_back(a + 1);
  if (bounds.size() < 2) return found;
  bounds.push_back(ce + 1);
  const auto& patterns = c_.verbs[v.verb].patterns;
  for (size_t i = 0; i + 1 < bounds.size(); ++i) {
    int from = bounds[i], to = bounds[i + 1] - 1;
    for (const CompiledPattern& p : patterns) {
      if (p.has_source || p.has_target || p.has_compound || !p.upper.empty())
        continue;
      Bindings trial;
      if (!MatchPattern(p, v, cs, to, &trial, from)) continue;
      if (!IsSpecialCode(p.code.code) &&
          std::find(found.begin(), found.end(), &p) == found.end())
        found.push_back(&p);
      break;
    }
  }
  return found;
}

std::string RuleName(const CompiledPattern* hit, const Verb& verb) {
  if (hit) return hit->rule;
  std::string rule = "verbs:";
  for (const PhraseWord& w : verb.root.words) {
    if (rule.size() > 6) rule += ' ';
    rule += w.text;
  }
  return rule + "/" + verb.code.code;
}

// Codes one verb. Returns true when it produced its events (or decided the
// sentence is discarded/complex), false to let the next verb try.
bool SentenceCoder::CodeVerb(const VerbOcc& v, int cs, int ce,
                             const Party* forwarded, Party* source_used) {
  const Verb& verb = lex_.verbs[v.verb];
  Bindings b;
  const CompiledPattern* hit = FirstPattern(v, cs, ce, &b);
  EventCode code = hit ? hit->code : verb.code;
  std::string rule;
  // Several objects, each matching its own pattern, give one event each.
  std::vector<const CompiledPattern*> objects;
  if (o_.news_prose && !IsSpecialCode(code.code) &&
      (!hit || (!hit->has_source && !hit->has_target && !hit->has_compound)))
    objects = ObjectPatterns(v, cs, ce);
  if (!objects.empty()) {
    hit = objects.front();
    code = hit->code;
  }
  rule = "sparse " + RuleName(hit, verb);
  if (IsNullCode(code.code)) return false;
  if (code.code == "###") {
    discard_ = true;
    return true;
  }
  if (code.code == "+++") {
    complex_ = true;
    return true;
  }
  auto excluded = [&](int g) {
    if (g == b.source || g == b.target) return true;
    return b.Skipped(g);
  };
  // News prose: "clash between X and Y", "talks between X and Y": the
  // compound right after the word is who did it, to each other.
  if (o_.news_prose && b.compound < 0 && b.source < 0 && b.target < 0 &&
      v.end + 2 < ce && w_[v.end + 1].text == "BETWEEN") {
    int p = v.end + 2;
    while (p < ce && IsDeterminer(w_[p].text) && GroupStartingAt(p) < 0) ++p;
    int g = p < ce ? GroupStartingAt(p) : -1;
    if (g >= 0 && groups_[g].compound() && groups_[g].end < ce) b.compound = g;
  }
  // A compound in the pattern: its members act on each other.
  if (b.compound >= 0) {
    const Group& g = groups_[b.compound];
    for (size_t i = 0; i < g.members.size(); ++i) {
      for (size_t j = i + 1; j < g.members.size(); ++j) {
        Party a = MemberParty(b.compound, g.members[i]),
              c = MemberParty(b.compound, g.members[j]);
        Emit(a, c, code.code, v, rule);
        Emit(c, a, code.paired.empty() ? code.code : code.paired, v, rule);
      }
    }
    return true;
  }
  Party src, tgt;
  bool have_src = false, have_tgt = false;
  // News prose: "tariffs on Mexico and China to pressure them" - the
  // actor right before the verb ($) is not its subject when a preposition
  // governs it.
  if (o_.news_prose && b.source >= 0 && ObjectOfPreposition(b.source, -1))
    b.source = -1;
  if (b.source >= 0) {
    src = PartyOf(b.source);
    have_src = true;
  }
  if (b.target >= 0) {
    tgt = PartyOf(b.target);
    have_tgt = true;
  }
  bool src_before_verb = true;
  if (!have_src && forwarded != nullptr) {
    src = *forwarded;
    have_src = true;
  }
  if (!have_src) {
    int from = o_.news_prose ? SubordinateSubjectStart(v, cs) : cs;
    for (size_t g = 0; g < groups_.size(); ++g) {
      if (groups_[g].start < from || groups_[g].end >= v.start) continue;
      if (excluded(static_cast<int>(g))) continue;
      if (o_.news_prose && ObjectOfPreposition(static_cast<int>(g), v.start))
        continue;
      src = PartyOf(static_cast<int>(g));
      have_src = true;
      break;
    }
  }
  if (!have_src && !o_.default_source.empty() && o_.default_source_prior) {
    src.codes = {o_.default_source};
    have_src = true;
  }
  // News prose puts the subject before the verb; an actor after it is
  // the object even when the subject is someone the lexicon does not know
  // ("Menon will travel to Singapore").
  if (!have_src && o_.news_prose) return false;
  if (!have_src) {
    if (o_.complex_no_actor_prior && !have_tgt) {
      complex_ = true;
      return true;
    }
    // The first actor after the verb becomes the source.
    for (size_t g = 0; g < groups_.size(); ++g) {
      if (groups_[g].start <= v.end || groups_[g].end >= ce) continue;
      if (excluded(static_cast<int>(g))) continue;
      src = PartyOf(static_cast<int>(g));
      have_src = true;
      src_before_verb = false;
      break;
    }
    if (!have_src && !o_.default_source.empty()) {
      src.codes = {o_.default_source};
      have_src = true;
    }
  }
  if (!have_src) return false;
  auto same_as_source = [&](int g) {
    if (src.group >= 0 && g == src.group) return true;
    Party p = PartyOf(g);
    if (p.codes != src.codes) return false;
    // "Arnor, Osgiliath and Gondor presented their credentials": TABARI
    // lets a plural possessive stand for the compound, whose members then
    // act on each other; "assist them" stays reflexive.
    // In news prose "Arnor and Gondor rejected claims that their ..." is
    // reflexive too.
    const Group& gr = groups_[g];
    return o_.news_prose || !(gr.compound() && gr.start == gr.end &&
                              w_[gr.start].text == "THEIR");
  };
  int after_from = src_before_verb  ? v.end + 1
                   : src.group >= 0 ? groups_[src.group].end + 1
                                    : v.end + 1;
  bool default_after = !o_.default_target.empty() && o_.default_target_after;
  // News prose: "met with Kim at the Singapore summit" - the object is
  // someone the lexicon does not know; a later actor is not it.
  if (!have_tgt && o_.news_prose && src_before_verb && UnknownNameObject(v, ce))
    return false;
  if (!have_tgt) {
    for (size_t g = 0; g < groups_.size(); ++g) {
      int gi = static_cast<int>(g);
      // A spaced actor may run past the clause ("Durthang ... Orc").
      if (groups_[g].start >= ce || groups_[g].end < after_from) continue;
      if (groups_[g].start < after_from && groups_[g].start >= v.start)
        continue;
      if (excluded(gi) || same_as_source(gi)) continue;
      tgt = PartyOf(gi);
      have_tgt = true;
      break;
    }
  }
  // News prose: the same verb in the sentence before named its object
  // ("called for Seoul to provide support to Ukraine. So far, Seoul has
  // provided aid").
  if (!have_tgt && o_.news_prose && src_before_verb && context_ != nullptr) {
    for (const auto& [verb, codes] : previous_objects_) {
      if (verb != v.verb) continue;
      tgt.codes = codes;
      tgt.group = -1;
      have_tgt = true;
      break;
    }
  }
  if (!have_tgt && default_after && src_before_verb) {
    tgt.codes = {o_.default_target};
    have_tgt = true;
  }
  if (!have_tgt && src.group >= 0) {
    for (size_t g = 0; g < groups_.size(); ++g) {
      int gi = static_cast<int>(g);
      if (groups_[g].start <= groups_[src.group].end ||
          groups_[g].end >= v.start || groups_[g].end < cs)
        continue;
      if (excluded(gi) || same_as_source(gi)) continue;
      tgt = PartyOf(gi);
      have_tgt = true;
      break;
    }
  }
  // A compound with nobody else to act on: its first member acts on the
  // rest ("Bree and Arnor ... with Gxndor" gives BRE/ARN).
  if (!have_tgt && src.group >= 0 && groups_[src.group].compound() &&
      !(default_after && src_before_verb) &&
      (!o_.news_prose || IsReciprocal(code.code) ||
       SaysEachOther(v.end + 1, ce))) {
    const Group& g = groups_[src.group];
    tgt = src;
    tgt.codes.clear();
    for (size_t m = 1; m < g.members.size(); ++m)
      for (const std::string& code : actors_[g.members[m]].codes)
        tgt.codes.push_back(code);
    src.codes = actors_[g.members[0]].codes;
    have_tgt = true;
    // Reciprocal in news prose: every member to every other, both ways.
    if (o_.news_prose) {
      int gi = src.group;
      for (size_t i = 0; i < g.members.size(); ++i) {
        for (size_t j = 0; j < g.members.size(); ++j) {
          if (i == j || i == 0) continue;
          Emit(MemberParty(gi, g.members[i]), MemberParty(gi, g.members[j]),
               code.code, v, rule);
        }
      }
      src = MemberParty(gi, g.members[0]);
      std::vector<std::string> rest = tgt.codes;
      tgt = MemberParty(gi, g.members[1]);
      tgt.codes = rest;
    }
  }
  if (!have_tgt && !o_.default_target.empty()) {
    tgt.codes = {o_.default_target};
    have_tgt = true;
  }
  if (!have_tgt) return false;
  // Passive voice: "X was opposed by Y".
  if (!hit || (!hit->has_source && !hit->has_target)) {
    bool be = false;
    for (int k = v.start - 1; k >= std::max(cs, v.start - 2); --k)
      if (IsBeVerb(w_[k].text)) be = true;
    const std::string& form = w_[v.start].text;
    auto ends = [&](std::string_view suffix) {
      return form.size() > suffix.size() + 1 &&
             form.compare(form.size() - suffix.size(), suffix.size(), suffix) ==
                 0;
    };
    // News prose: a participle right after a comma is a passive too ("the
    // commander, killed in a strike by ...").
    bool comma_participle = o_.news_prose && v.start > cs &&
                            w_[v.start - 1].comma && (ends("ED") || ends("EN"));
    if (comma_participle) be = true;
    bool by_actor = false;
    if (be) {
      for (int k = v.end + 1; k < std::min(ce, v.end + 4); ++k) {
        if (w_[k].text != "BY") continue;
        int g = GroupStartingAt(k + 1);
        if (g >= 0 && src.group >= 0) {
          Party by = PartyOf(g);
          tgt = src;
          src = by;
          by_actor = true;
        }
        break;
      }
    }
    // News prose: a passive without its agent ("the aid will be delivered
    // through the WFP", "Gondor was attacked") does not say who acted.
    if (comma_participle && !by_actor) return false;
    if (o_.news_prose && !by_actor && v.start > cs) {
      int k = v.start - 1;
      if (k > cs && w_[k].text.size() > 2 &&
          w_[k].text.compare(w_[k].text.size() - 2, 2, "LY") == 0)
        --k;  // "was strongly condemned"
      if (IsBeVerb(w_[k].text) && (ends("ED") || ends("EN"))) return false;
    }
  }
  *source_used = src;
  if (first_source_group_ < 0) first_source_group_ = src.group;
  Emit(src, tgt, code.code, v, rule);
  if (!code.paired.empty()) Emit(tgt, src, code.paired, v, rule);
  if (code.dominant) dominant_coded_ = true;
  for (size_t k = 1; k < objects.size(); ++k) {
    const EventCode& more = objects[k]->code;
    const std::string more_rule = "sparse " + objects[k]->rule;
    Emit(src, tgt, more.code, v, more_rule);
    if (!more.paired.empty()) Emit(tgt, src, more.paired, v, more_rule);
  }
  return true;
}

void SentenceCoder::CodeClauses() {
  const int n = static_cast<int>(w_.size());
  auto is_adj = [&](int i) {
    return i >= 0 && i < n && w_[i].matched &&
           w_[i].kind == EntryKind::kAdjective;
  };
  auto is_noun = [&](int i) {
    return i >= 0 && i < n && w_[i].matched && w_[i].kind == EntryKind::kNoun;
  };
  // Clause boundaries: every free conjunction, except between two
  // adjectives ("awful and evil") or two nouns ("sheep and goats").
  struct Cut {
    int at;
    bool forward;  // "and then" starts afresh
  };
  std::vector<Cut> cuts;
  if (o_.code_by != CoderOptions::CodeBy::kSentence) {
    for (int i = 0; i < n; ++i) {
      if (w_[i].comma && i + 1 < n && GroupStartingAt(i + 1) >= 0 &&
          IsRelativeAfterComma(i + 1)) {
        cuts.push_back({i, false});
        continue;
      }
      if (w_[i].matched || w_[i].compound_sep || !IsConjunction(w_[i].text))
        continue;
      if (is_adj(i - 1) && is_adj(i + 1)) continue;
      int next = i + 1;
      while (is_adj(next)) ++next;
      if (is_noun(i - 1) && is_noun(next)) continue;
      // "..., and Elrond the chief of ..." names another actor, not a clause.
      while (next < n && IsDeterminer(w_[next].text) &&
             GroupStartingAt(next) < 0)
        ++next;
      int g = next < n ? GroupStartingAt(next) : -1;
      if (g >= 0) {
        bool verb_follows = false;
        for (const VerbOcc& v : verbs_)
          if (v.start > groups_[g].end && v.start <= groups_[g].end + 3)
            verb_follows = true;
        if (!verb_follows) continue;
      }
      if (o_.news_prose && JoinsObjects(i)) {
        object_conjunctions_.push_back(i);
        continue;
      }
      cuts.push_back({i, !(i + 1 < n && w_[i + 1].text == "THEN")});
    }
  }
  struct Clause {
    int start, end;
    bool forward;
  };
  std::vector<Clause> clauses;
  int start = 0;
  bool forward = true;
  for (const Cut& cut : cuts) {
    clauses.push_back({start, cut.at, forward});
    start = cut.at + 1;
    forward = cut.forward;
  }
  clauses.push_back({start, n, forward});
  Party subject;  // the previous clause's subject, for clauses without one
  bool have_subject = false;
  bool all = o_.code_by == CoderOptions::CodeBy::kAll;
  std::vector<Event> dominant;
  for (size_t ci = 0; ci < clauses.size(); ++ci) {
    int cs = clauses[ci].start, ce = clauses[ci].end;
    // Does the clause open with its own subject?
    int p = cs;
    while (p < ce && GroupStartingAt(p) < 0 &&
           (w_[p].text == "THEN" || IsDeterminer(w_[p].text) || is_adj(p)))
      ++p;
    bool own_subject = p < ce && GroupStartingAt(p) >= 0;
    const Party* forwarded =
        (ci > 0 && clauses[ci].forward && !own_subject && have_subject)
            ? &subject
            : nullptr;
    const VerbOcc* fallback = nullptr;
    bool coded = false;
    bool has_verb = false;
    if (o_.news_prose && context_ != nullptr) {
      for (const VerbOcc& v : verbs_) {
        if (v.start < cs || v.end >= ce) continue;
        for (size_t g = 0; g < groups_.size(); ++g) {
          if (groups_[g].start <= v.end || groups_[g].end >= ce) continue;
          verb_objects_.push_back({v.verb, PartyOf(static_cast<int>(g)).codes});
          break;
        }
      }
    }
    for (const VerbOcc& v : verbs_) {
      if (v.start < cs || v.end >= ce) continue;
      has_verb = true;
      const Verb& verb = lex_.verbs[v.verb];
      if (verb.code.subordinate && !all) {
        // Only its patterns count now; its default waits for the others.
        bool any = false;
        for (const CompiledPattern& pat : c_.verbs[v.verb].patterns) {
          Bindings t;
          if (MatchPattern(pat, v, cs, ce, &t)) {
            any = true;
            break;
          }
        }
        if (!any) {
          if (fallback == nullptr) fallback = &v;
          continue;
        }
      }
      Party used;
      size_t before = events_.size();
      bool was_dominant = dominant_coded_;
      bool ok = CodeVerb(v, cs, ce, forwarded, &used);
      if (discard_ || complex_) return;
      if (ok) {
        if (dominant_coded_ && !was_dominant)
          dominant.assign(events_.begin() + before, events_.end());
        coded = true;
        if (!all) break;
      }
    }
    if (!coded && fallback != nullptr) {
      Party used;
      CodeVerb(*fallback, cs, ce, forwarded, &used);
      if (discard_ || complex_) return;
    }
    // The subject handed on: this clause's first actor, when it has a verb
    // (in news prose, also when its verb is not in the dictionary: "X said
    // ... and called for ...").
    if (has_verb || o_.news_prose) {
      if (forwarded != nullptr) {
        // keep the forwarded subject
      } else {
        for (size_t g = 0; g < groups_.size(); ++g) {
          if (groups_[g].start >= cs && groups_[g].end < ce) {
            if (o_.news_prose && ObjectOfPreposition(static_cast<int>(g)))
              continue;
            subject = PartyOf(static_cast<int>(g));
            have_subject = true;
            break;
          }
        }
      }
    }
    if (o_.code_by == CoderOptions::CodeBy::kSentence && !events_.empty())
      break;
  }
  if (!dominant.empty() && all) events_ = dominant;
}

namespace {
// Nouns that make a country's name plus its role an institution ("Japan
// Self-Defense Forces", "U.S. intelligence") rather than a person's title
// ("South Korean President").
bool IsInstitutionHead(std::string_view word) {
  return IsOneOf(word, {"FORCES", "FORCE", "ARMY", "NAVY", "MILITARY",
                        "GOVERNMENT", "INTELLIGENCE", "MINISTRY", "PARLIAMENT",
                        "POLICE", "COURT", "AGENCY", "CABINET", "CONGRESS",
                        "SENATE", "GUARD", "COMMAND", "OFFICE", "DEPARTMENT"});
}
}  // namespace

namespace {
// Capitalised words that follow a role without being a name ("the
// Japanese government Friday", "the minister The ...").
bool IsNotAName(std::string_view w) {
  return IsOneOf(w, {"MONDAY",    "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
                     "SATURDAY",  "SUNDAY",  "JANUARY",   "FEBRUARY", "MARCH",
                     "APRIL",     "MAY",     "JUNE",      "JULY",     "AUGUST",
                     "SEPTEMBER", "OCTOBER", "NOVEMBER",  "DECEMBER", "THE",
                     "A",         "AN",      "I",         "HE",       "SHE",
                     "IT",        "WE",      "THEY",      "ON",       "IN",
                     "AT",        "AND",     "BUT",       "OR",       "WHO",
                     "SAID",      "SAYS",    "MR",        "MR.",      "MS",
                     "MS.",       "MRS",     "MRS.",      "DR",       "DR."});
}
// Words of an office the dictionaries give no role code, between an
// organisation and its holder's name ("NATO Secretary-General Jens
// Stoltenberg", "IAEA chief Rafael Grossi").
bool IsOfficeWord(std::string_view w) {
  return IsOneOf(w, {"SECRETARY", "GENERAL", "DIRECTOR", "CHIEF", "HEAD",
                     "CHAIR", "CHAIRMAN", "CHAIRWOMAN", "ENVOY", "DEPUTY",
                     "COMMISSIONER", "REPRESENTATIVE", "HIGH"});
}
}  // namespace

void SentenceCoder::ResolveDocumentActors() {
  if (context_ == nullptr) return;
  const int n = static_cast<int>(w_.size());
  // Capitals tell names only in running text: not in ALL CAPS, nor in a
  // Title Case headline.
  bool lower_case_seen = false;
  for (const Word& w : w_)
    for (char c : doc_.Slice(w.span))
      lower_case_seen |= std::islower(static_cast<unsigned char>(c)) != 0;
  if (!lower_case_seen) return;
  const bool may_introduce =
      mixed_case_ ||
      doc_.sentences[sentence_index_].part != PartKind::kHeadline;
  auto free_name_word = [&](int i) {
    if (i < 0 || i >= n) return false;
    const Word& w = w_[i];
    if (w.comma || w.matched || w.deleted || !w.capitalized) return false;
    if (IsNotAName(w.text)) return false;
    for (char c : w.text)
      if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-' &&
          c != '\'' && c != '.')
        return false;
    return true;
  };
  auto remember = [&](int first, int last, const std::vector<std::string>& c) {
    for (int i = first; i <= last; ++i)
      if (w_[i].text.size() > 1) context_->named_roles[w_[i].text] = c;
  };
  auto starting_at = [&](int pos) {
    for (size_t i = 0; i < actors_.size(); ++i)
      if (actors_[i].start == pos && !actors_[i].pronoun)
        return static_cast<int>(i);
    return -1;
  };
  std::vector<ActorOcc> added;
  // A name right after a role: the text says who the person is now.
  for (size_t t = 0; t < actors_.size(); ++t) {
    const ActorOcc title = actors_[t];
    if (title.pronoun || title.end < title.name_end ||
        KindOf(title) == ActorKind::kPerson || title.codes.empty())
      continue;
    int q = title.end + 1;
    while (q < n && !w_[q].matched && IsOfficeWord(w_[q].text)) ++q;
    if (!title.has_agent && q == title.end + 1) continue;
    const int person = starting_at(q);
    if (person >= 0) {
      ActorOcc& p = actors_[person];
      if (KindOf(p) != ActorKind::kPerson || p.has_agent) continue;
      p.codes = p.base = title.codes;
      remember(p.name_start, p.name_end, title.codes);
      continue;
    }
    if (!may_introduce) continue;
    int r = q;
    while (r < n && r - q < 4 && free_name_word(r) && !w_[r].possessive) ++r;
    if (r < n && r - q < 4 && free_name_word(r) && w_[r].possessive) ++r;
    if (r == q) continue;
    ActorOcc p;
    p.codes = p.base = title.codes;
    p.start = p.name_start = q;
    p.end = p.name_end = r - 1;
    p.kind = ActorKind::kPerson;
    for (int i = q; i < r; ++i) {
      w_[i].matched = true;
      w_[i].kind = EntryKind::kActor;
    }
    remember(q, r - 1, title.codes);
    added.push_back(std::move(p));
  }
  // Later mentions of those names, dictionary entries or not.
  for (ActorOcc& a : actors_) {
    if (a.pronoun || a.has_agent || KindOf(a) != ActorKind::kPerson) continue;
    auto it = context_->named_roles.find(w_[a.name_end].text);
    if (it != context_->named_roles.end()) a.codes = a.base = it->second;
  }
  for (int i = 0; i < n; ++i) {
    if (!free_name_word(i)) continue;
    auto it = context_->named_roles.find(w_[i].text);
    if (it == context_->named_roles.end()) continue;
    int e = i;
    while (e + 1 < n && !w_[e].possessive && free_name_word(e + 1) &&
           context_->named_roles.count(w_[e + 1].text))
      ++e;
    ActorOcc p;
    p.codes = p.base = context_->named_roles[w_[e].text];
    p.start = p.name_start = i;
    p.end = p.name_end = e;
    p.kind = ActorKind::kPerson;
    for (int k = i; k <= e; ++k) {
      w_[k].matched = true;
      w_[k].kind = EntryKind::kActor;
    }
    added.push_back(std::move(p));
    i = e;
  }
  // "The alliance", "the bloc": the organisation named last.
  for (int i = 1; i < n; ++i) {
    if (context_->last_organisation.empty()) break;
    if (w_[i].matched || w_[i - 1].text != "THE" ||
        !IsOneOf(w_[i].text, {"ALLIANCE", "BLOC"}))
      continue;
    ActorOcc a;
    a.codes = a.base = context_->last_organisation;
    a.start = a.name_start = a.end = a.name_end = i;
    w_[i].matched = true;
    w_[i].kind = EntryKind::kActor;
    added.push_back(std::move(a));
  }
  for (const ActorOcc& a : actors_) {
    if (a.pronoun || KindOf(a) != ActorKind::kOrganisation) continue;
    for (const std::string& c : a.codes)
      if (c.compare(0, 3, "IGO") == 0) {
        context_->last_organisation = a.codes;
        break;
      }
  }
  if (added.empty()) return;
  for (ActorOcc& a : added) actors_.push_back(std::move(a));
  std::stable_sort(
      actors_.begin(), actors_.end(),
      [](const ActorOcc& x, const ActorOcc& y) { return x.start < y.start; });
}

void SentenceCoder::RecordEntities() {
  auto add = [&](int first, int last, std::string_view type,
                 const std::string& code) {
    if (first < last && w_[first].text == "THE") ++first;  // "the U.S."
    Entity e;
    e.span = Span{w_[first].span.begin, w_[last].span.end};
    e.text = std::string(doc_.Slice(e.span));
    e.type = std::string(type);
    e.code = code;
    entities_.push_back(std::move(e));
  };
  for (const ActorOcc& a : actors_) {
    if (a.pronoun || a.codes.empty()) continue;
    if (a.entry < 0 && a.kind == ActorKind::kUnknown) continue;  // "the bloc"
    const std::string& code = a.codes.front();
    std::string_view type = a.entry >= 0
                                ? EntityTypeOf(lex_.actors[a.entry], code)
                                : EntityTypeOf(a.kind);
    if (type.empty()) continue;
    add(a.name_start, a.name_end, type, code);
    if ((type == "PLACE" || type == "NORP") && a.end > a.name_end &&
        a.start == a.name_start && IsInstitutionHead(w_[a.end].text))
      add(a.start, a.end, "ORG", code);
  }
}

void SentenceCoder::Run(std::vector<Word> words, std::vector<Event>* out) {
  w_ = std::move(words);
  // Only the sentence right before hands on its verbs' objects.
  if (o_.news_prose && context_ != nullptr) {
    previous_objects_ = std::move(context_->verb_objects);
    context_->verb_objects.clear();
  }
  if (o_.news_prose) DropQuotedSpeech();
  int count = 0;
  for (const Word& w : w_)
    if (!w.comma) ++count;
  // TABARI gives up on sentences of more than 128 words; so does dyad,
  // which also bounds the work per sentence.
  if (count < o_.minimum_words || count > kMaxSentenceWords) return;
  Identify();
  if (discard_ || complex_) {
    RecordEntities();
    return;
  }
  AttachAgents();
  ResolveDocumentActors();
  RecordEntities();
  // TABARI drops short comma-delimited clauses to guess the main clause;
  // with a parse the tree says which clause is which ("Gondor, which
  // condemned Rohan, ...").
  const bool can_parse =
      parser_ != nullptr || doc_.sentences[sentence_index_].parsed;
  if (!can_parse) DropCommaClauses();
  BuildGroups();
  Compact();
  if (Complex()) return;
  bool parsed = false;
  // A parse can only help where the sentence names two parties, or one
  // and the object a verb carried over from the sentence before.
  bool worth_parsing = groups_.size() >= 2;
  if (!worth_parsing && !groups_.empty())
    for (const VerbOcc& v : verbs_)
      for (const auto& carried : previous_objects_)
        if (carried.first == v.verb) worth_parsing = true;
  if (!verbs_.empty() && worth_parsing && HaveParse()) {
    parsed = CodeOnParse();
    if (!parsed && !discard_ && !complex_) {
      events_.clear();
      verb_objects_.clear();
      first_source_group_ = -1;
    }
  }
  if (!parsed && !discard_ && !complex_) CodeClauses();
  if (discard_ || complex_) return;
  if (context_ != nullptr) {
    // The subject this sentence hands on: its first event's source, when
    // named here rather than carried over.
    std::vector<std::string> subject;
    if (!events_.empty() && first_source_group_ >= 0) {
      const ActorOcc& a = actors_[groups_[first_source_group_].members[0]];
      if (!a.forwarded && !a.base.empty()) subject = {a.base.front()};
    }
    context_->last = subject;
    context_->verb_objects = std::move(verb_objects_);
    if (context_->lead.empty() && !subject.empty()) context_->lead = subject;
  }
  // One event per distinct triple, in order.
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  std::vector<bool> twin(events_.size(), false);
  if (o_.news_prose || parsed)
    for (size_t i = 0; i < events_.size(); ++i) twin[i] = LessSpecificTwin(i);
  for (size_t i = 0; i < events_.size(); ++i) {
    Event& e = events_[i];
    if (!seen.insert({e.source.code, e.target.code, e.cameo}).second) continue;
    if (twin[i]) continue;
    out->push_back(std::move(e));
  }
}

}  // namespace dyad::coder_internal
