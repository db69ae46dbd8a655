// Codes one sentence: the TABARI-style pipeline behind Coder::Code.
//   words -> dictionary matches (actors, agents, verbs, nouns) -> agents
//   attached -> comma clauses dropped -> compounds -> complexity checks ->
//   clauses -> per verb: patterns, source and target -> events.
#ifndef DYAD_SRC_CODE_SENTENCE_CODER_H_
#define DYAD_SRC_CODE_SENTENCE_CODER_H_

#include <array>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "code/compiled_lexicon.h"
#include "code/sentence_words.h"
#include "dyad/coder.h"
#include "dyad/document.h"

namespace dyad::coder_internal {

// Words allowed between the parts of a spaced phrase ("DURTHANG ORC").
inline constexpr int kMaxGap = 12;
// Longer sentences are not coded (TABARI's MAX_LEX).
inline constexpr int kMaxSentenceWords = 128;
// Backtracking steps allowed for one pattern in one sentence; a pattern
// that needs more is taken not to match.
inline constexpr int kMaxMatchSteps = 20000;

// A non-owning reference to a callable, for the matcher's continuations:
// they live on the stack for the whole call, so nothing is allocated.
template <typename Sig>
class FunctionRef;
template <typename R, typename... Args>
class FunctionRef<R(Args...)> {
 public:
  template <typename F>
  requires(!std::is_same_v<std::remove_cv_t<F>, FunctionRef>)
      FunctionRef(F& f)  // NOLINT: implicit by design
      : object_(&f), call_([](void* o, Args... a) -> R {
          return (*static_cast<F*>(o))(a...);
        }) {}
  R operator()(Args... a) const { return call_(object_, a...); }

 private:
  void* object_;
  R (*call_)(void*, Args...);
};  // words allowed between parts of a spaced phrase

inline bool IsOneOf(std::string_view w,
                    std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (w == s) return true;
  return false;
}
inline bool IsDeterminer(std::string_view w) {
  return IsOneOf(w, {"THE", "A", "AN"});
}
inline bool IsConjunction(std::string_view w) {
  return IsOneOf(w, {"AND", "OR", "BUT", "NOR"});
}
inline bool IsListConjunction(std::string_view w) {
  return IsOneOf(w, {"AND", "OR", "NOR"});
}
inline bool IsPronoun(std::string_view w) {
  return IsOneOf(
      w, {"HE", "HIM", "HIS", "SHE", "HER", "IT", "THEY", "THEM", "THEIR"});
}
inline bool IsBeVerb(std::string_view w) {
  return IsOneOf(w, {"IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING"});
}

// An actor found in the sentence, with its agents attached.
struct ActorOcc {
  std::vector<std::string> codes;
  std::vector<std::string> base;     // codes before agents were attached
  int start = 0, end = 0;            // word range covering actor and its agents
  int name_start = 0, name_end = 0;  // the actor's own words
  bool pronoun = false;
  bool forwarded = false;  // a pronoun resolved from an earlier sentence
  bool has_agent = false;
  int group = -1;
  int entry = -1;  // index into Lexicon::actors; -1 when not a dictionary's
  // What it names where no dictionary entry says (a name the article gave
  // a role: kPerson).
  ActorKind kind = ActorKind::kUnknown;
};

// One actor or a compound of several ("Arnor, Rohan and Gondor").
struct Group {
  std::vector<int> members;  // ActorOcc ids
  int start = 0, end = 0;
  bool compound() const { return members.size() > 1; }
};

// A verb found in the sentence: which Lexicon verb and its words.
struct VerbOcc {
  int verb = 0;
  int start = 0, end = 0;
};

// The rule an event names: the pattern that matched ("verbs:VISIT/042" or
// the pattern as written), or the verb's own code when none did.
std::string RuleName(const CompiledPattern* hit, const Verb& verb);

// One sentence being coded. Holds references to everything it is built
// from (all must outlive it); `context` may be null.
class SentenceCoder {
 public:
  SentenceCoder(const CompiledLexicon& c, const CoderOptions& o, int32_t date,
                const Document& doc, int sentence_index, CoderContext* context)
      : c_(c),
        lex_(*c.lexicon),
        o_(o),
        date_(date),
        doc_(doc),
        sentence_index_(sentence_index),
        context_(context) {}

  // Lets Run code on the dependency parse: the sentence's parse in
  // `doc` (the same Document as the constructor's, here writable), asked of
  // `parser` (may be null) when missing. Both must outlive Run.
  void UseParser(Document* doc, const SentenceParser* parser) {
    writable_doc_ = doc;
    parser_ = parser;
  }

  // Codes `words` (the sentence's words, see WordsOf) and appends one
  // Event per distinct source/target/code triple to *out; appends nothing
  // when the sentence is discarded, too complex or too short.
  void Run(std::vector<Word> words, std::vector<Event>* out);

  // The actors Run found in the sentence's text, one Entity per name with
  // its code (roles the text gives included) and a type from the
  // dictionary the name came from (EntityTypeOf); empty when Run gave up
  // before reading the actors (a sentence too short or too long).
  const std::vector<Entity>& entities() const { return entities_; }

 private:
  struct Party {
    std::vector<std::string> codes;
    int group = -1;
    std::string text;
    Span span;
  };
  struct Bindings {
    int source = -1, target = -1, compound = -1;  // group ids
    std::array<int, 4> skipped{};
    int skipped_count = 0;
    int words = 0;  // text words the pattern's literal words matched
    void Skip(int g) {
      if (skipped_count < static_cast<int>(skipped.size()))
        skipped[skipped_count++] = g;
    }
    bool Skipped(int g) const {
      for (int i = 0; i < skipped_count; ++i)
        if (skipped[i] == g) return true;
      return false;
    }
  };

  // News prose: quoted spans of three words or more are speech, coded (if
  // at all) through their speaker, so they leave the sentence.
  void DropQuotedSpeech();
  void Identify();
  void AttachAgents();
  // Fills entities_ from actors_ (their own words and current codes).
  void RecordEntities();
  // Actors the article itself defines: a name after a role ("NATO
  // Secretary-General Jens Stoltenberg", "Japanese Defense Minister
  // Yasukazu Hamada") takes the role's codes, over any dictionary's, and
  // keeps them for the rest of the document ("Hamada said"); "the
  // alliance" is the organisation named last. Reads and updates
  // context_'s memory; does nothing without a context.
  void ResolveDocumentActors();
  ActorKind KindOf(const ActorOcc& a) const {
    return a.entry >= 0 ? lex_.actors[a.entry].kind : a.kind;
  }
  void BuildGroups();
  void DropCommaClauses();
  void Compact();
  bool Complex() const;
  void CodeClauses();
  // True when the sentence has a parse, asking parser_ for one if needed.
  bool HaveParse();
  // The parse path (sentence_coder_parse.cc): one pass over the dictionary
  // verbs, reading source and target from the dependency tree. Returns
  // false when the tree gives none of the verbs a verbal or nominal
  // reading (a sentence that did not parse), for the sparse path to code.
  bool CodeOnParse();
  bool CodeVerb(const VerbOcc& v, int cs, int ce, const Party* forwarded,
                Party* source_used);
  // `lower_from` (when >= 0) starts the words after the verb there instead
  // of right after the verb: one object of several joined by "and".
  bool MatchPattern(const CompiledPattern& p, const VerbOcc& v, int cs, int ce,
                    Bindings* b, int lower_from = -1);
  // The first of `v`'s patterns (in trial order) that matches within
  // [cs, ce), or nullptr; among patterns as long as that one, the one whose
  // words cover more of the text wins ("austrian gold florin" matches a
  // synset member of three words, not just "florin"). Fills `b`.
  const CompiledPattern* FirstPattern(const VerbOcc& v, int cs, int ce,
                                      Bindings* b);
  // News prose: the patterns matched by each object of `v` when its
  // objects are joined by conjunctions that do not open a clause ("provided
  // aid and equipment"); empty when there is one object or none matched.
  std::vector<const CompiledPattern*> ObjectPatterns(const VerbOcc& v, int cs,
                                                     int ce);
  // True unless a word `p` needs is absent from the sentence.
  bool MayMatch(const CompiledPattern& p);
  // A pattern word against a sentence word, by its form or its lemma.
  bool PatternWordMatches(const PhraseWord& pw, const Word& w) const;
  using Cont = FunctionRef<bool(int, Bindings&)>;
  bool MatchFwd(const std::vector<PatternToken>& toks, size_t k, int pos,
                int max_gap, int ce, Bindings& b, Cont cont);
  bool MatchBwd(const std::vector<PatternToken>& toks, int k, int pos,
                int max_gap, int cs, Bindings& b, Cont cont);
  Party PartyOf(int group) const;
  // One member (actor id) of `group`, with its own words.
  Party MemberParty(int group, int actor) const;
  // Whether `code` of party `p` was read from a capital's name ("Seoul").
  bool NamedByCapital(const Party& p, const std::string& code) const;
  void Emit(const Party& s, const Party& t, const std::string& code,
            const VerbOcc& v, const std::string& rule);
  std::string CodeFor(const Actor& a) const;
  int GroupStartingAt(int pos) const;
  // News prose: true when events_[i] is another event of the sentence
  // told less precisely: same code and one actor, the other actor's code
  // a prefix of the other's ("met South Korea's president and discussed
  // Seoul's ..." is one meeting, KORGOV rather than KOR).
  bool LessSpecificTwin(size_t i) const;
  // True when group `g` follows a preposition ("travel to Singapore",
  // "after Assad's fall"): in news prose such an actor is not a subject.
  // `verb_start` (when >= 0) is the verb the actor might be the subject
  // of: "after Gondor attacked" names the attacker.
  bool ObjectOfPreposition(int g, int verb_start = -1) const;
  // News prose: where to look for the subject of `v` in its clause
  // [cs, ...): right after a subordinator ("..., before Russia invaded")
  // when an actor follows it close to the verb, else `cs`.
  int SubordinateSubjectStart(const VerbOcc& v, int cs) const;
  // True when words [from, to) say the actors act on each other ("agreed
  // on a pact between the two", "each other", "jointly").
  bool SaysEachOther(int from, int to) const;
  // News prose: true when the verb's object (after at most a preposition
  // and a determiner) is a capitalised word the lexicon does not know: a
  // person or place it cannot code ("met with Kim"), in a mixed-case
  // sentence.
  bool UnknownNameObject(const VerbOcc& v, int ce) const;
  // News prose: true when the free conjunction at `i` joins objects ("aid
  // and equipment"): no verb follows it before the next conjunction.
  bool JoinsObjects(int i) const;
  // True for "WHICH"/"WHO" at `i` right after a comma.
  bool IsRelativeAfterComma(int i) const;
  int GroupEndingAt(int pos) const;

  const CompiledLexicon& c_;
  const Lexicon& lex_;
  std::vector<Entity> entities_;
  const CoderOptions& o_;
  int32_t date_;
  const Document& doc_;
  int sentence_index_;
  CoderContext* context_;
  Document* writable_doc_ = nullptr;
  const SentenceParser* parser_ = nullptr;

  std::vector<Word> w_;
  std::unordered_set<std::string_view> prefixes_;  // of every word
  int match_steps_ = 0;
  std::vector<ActorOcc> actors_;
  std::vector<Group> groups_;
  std::vector<VerbOcc> verbs_;
  std::vector<std::pair<int, int>> agent_spans_;  // start, agent index
  std::vector<int> agent_ends_;
  // Free conjunctions that join objects rather than clauses (news prose).
  std::vector<int> object_conjunctions_;
  bool mixed_case_ = false;  // neither ALL CAPS nor a Title Case headline
  // Each verb with the codes of the first actor after it in its clause,
  // handed to the next sentence (CoderContext::verb_objects).
  std::vector<std::pair<int, std::vector<std::string>>> verb_objects_;
  std::vector<std::pair<int, std::vector<std::string>>> previous_objects_;
  bool discard_ = false;
  bool complex_ = false;
  std::vector<Event> events_;
  bool dominant_coded_ = false;
  int first_source_group_ = -1;
  std::vector<Event> dominant_events_;
};

}  // namespace dyad::coder_internal

#endif  // DYAD_SRC_CODE_SENTENCE_CODER_H_
