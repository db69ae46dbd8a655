// coder: a sparse pattern coder in the TABARI manner.
//
// For every sentence the coder finds actors (with their agents), verbs and
// the verb's patterns, splits the sentence into clauses, and writes one
// dyad::Event per source/target pair (compound actors give several events,
// paired codes a reverse event too). Null codes ("---") turn an actor into
// a plain noun; discard codes ("###") and complexity ("+++") drop the
// sentence's events.
#ifndef DYAD_CODER_H_
#define DYAD_CODER_H_

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dyad/document.h"
#include "dyad/lexicon.h"
#include "dyad/status.h"

namespace dyad {

namespace coder_internal {
struct CompiledLexicon;
}

// What one sentence hands to the next: whom a leading pronoun ("He also
// asked...") means when the sentence itself names nobody before it. Code()
// keeps one per document; a caller coding one story split over several
// documents may carry one across calls.
struct CoderContext {
  std::vector<std::string> lead;  // the story's first explicit subject
  std::vector<std::string> last;  // the previous sentence's explicit subject
  // News prose: each verb of the previous sentence (an index into the
  // coder's Lexicon::verbs) with the actor codes of its object, for the
  // same verb repeated without one ("... to provide support to Ukraine.
  // So far, Seoul has provided humanitarian aid").
  std::vector<std::pair<int, std::vector<std::string>>> verb_objects;
  // Names the article introduced with a role ("NATO Secretary-General Jens
  // Stoltenberg", "Japanese Defense Minister Yasukazu Hamada"), each of
  // their words in upper case ("STOLTENBERG") with the role's codes: later
  // mentions ("Stoltenberg said", "Hamada added") take them, over what a
  // dictionary says.
  std::map<std::string, std::vector<std::string>> named_roles;
  // The codes of the organisation named last ("NATO"), which "the
  // alliance" and "the bloc" stand for.
  std::vector<std::string> last_organisation;
};

// Supplies the dependency parse of a sentence when the coder asks for one.
// The coder asks only for sentences in which it has found a dictionary verb
// and an actor, so a pipeline parses a fraction of its text.
class SentenceParser {
 public:
  virtual ~SentenceParser() = default;
  // Fills doc->analysis for sentence `index` of `doc` and sets its
  // Sentence::parsed. An error leaves the sentence to the sparse coder.
  virtual Status ParseSentence(Document* doc, size_t index) const = 0;
};

class Coder {
 public:
  // Compiles `lexicon` (shared, never modified) with the options it carries.
  explicit Coder(std::shared_ptr<const Lexicon> lexicon);
  // Same, with `options` instead of lexicon->options.
  Coder(std::shared_ptr<const Lexicon> lexicon, const CoderOptions& options);
  ~Coder();
  Coder(const Coder&) = delete;
  Coder& operator=(const Coder&) = delete;

  // A coder sharing this one's compiled lexicon, with other options. Cheap.
  std::unique_ptr<Coder> WithOptions(const CoderOptions& options) const;

  const CoderOptions& options() const { return options_; }

  // Codes every sentence of `doc` (doc->sentences and doc->tokens must be
  // filled by AnalyzeText) and appends to doc->events. Actor codes are
  // chosen by doc->published (YYYY-MM-DD; today's rules when empty).
  // Returns InvalidArgument when a sentence or token span lies outside
  // doc->text; events found before that stay in doc.
  Status Code(Document* doc) const;

  // Same, starting from and updating `context` (not owned, must be
  // non-null) instead of a fresh one.
  Status Code(Document* doc, CoderContext* context) const;

  // Same, coding on the dependency parse: a sentence already parsed
  // (Sentence::parsed), or parsed on demand by `parser` (not owned; may be
  // null), has its sources and targets read from the tree (subjects,
  // objects, obliques, passive agents, conjuncts, relative clauses,
  // control), with negated and modal verbs not coded; the sparse coder
  // codes the rest. Each event's `rule` starts with "parse " or "sparse "
  // to say which path made it.
  Status Code(Document* doc, CoderContext* context,
              const SentenceParser* parser) const;

 private:
  Coder(std::shared_ptr<const coder_internal::CompiledLexicon> compiled,
        const CoderOptions& options);
  std::shared_ptr<const coder_internal::CompiledLexicon> compiled_;
  CoderOptions options_;
};

}  // namespace dyad

#endif  // DYAD_CODER_H_
