// The names of a Document outside its quotes, for resolving who speaks:
// a surname stands for the full name met before it ("Stoltenberg" for
// "NATO Secretary-General Jens Stoltenberg"), and a pronoun for the latest
// subject that fits it (a person for "he", an organisation or country for
// "it" and "they").
#ifndef DYAD_RESOLVE_QUOTE_NAMES_H_
#define DYAD_RESOLVE_QUOTE_NAMES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dyad/document.h"

namespace dyad::resolve {

enum class MentionKind : uint8_t { kUnknown, kPerson, kGroup };

// A run of capitalised words naming someone, its titles left out.
struct NameMention {
  uint32_t first_token = 0;  // the name: tokens [first_token, end_token)
  uint32_t end_token = 0;
  uint32_t run_first = 0;  // where the run began, titles included
  MentionKind kind = MentionKind::kUnknown;
  bool subject_like = false;  // heads a clause (or is the parser's nsubj)
  int full = -1;  // the earlier mention this surname stands for; -1: itself
};

class DocumentNames {
 public:
  // Finds the names of `doc` (whose tokens must be well formed) outside the
  // tokens marked in `in_quote` (parallel to doc.tokens). Keeps a reference
  // to `doc`, which must outlive this object. Linear in the tokens.
  DocumentNames(const Document& doc, const std::vector<uint8_t>& in_quote);

  // The name whose tokens include token `t` (titles of its run included),
  // or -1.
  int NameAt(uint32_t t) const;
  // The mention `m` stands for: the earlier full name of a surname, else m.
  int FullName(int m) const;
  const NameMention& mention(int m) const { return names_[m]; }
  Span NameSpan(int m) const;
  std::string_view NameText(int m) const;

  // The latest subject-like name that ends before token `before` and whose
  // full name fits `pronoun` (see Fits), or -1. Returns the mention itself;
  // FullName gives what it stands for.
  int LatestFitting(std::string_view pronoun, uint32_t before,
                    bool strict) const;

  // Whether a name of `kind` can be what `pronoun` (Token::upper) refers
  // to: strictly, a person for HE and SHE, an organisation or country for IT
  // and THEY; loosely (when no strict fit is found), a name of unknown kind.
  static bool Fits(std::string_view pronoun, MentionKind kind, bool strict);

 private:
  // Fills entity_kind_ from Document::entities (people, organisations,
  // places), when the entity tagger ran.
  void MarkEntities();
  void FindRuns();
  void AddRun(uint32_t sentence, uint32_t first, uint32_t end);
  // "Krittaporn Semsantad, program director for ...": a role in
  // apposition after the name ending at `end` makes it a person.
  bool AppositionNamesRole(uint32_t sentence, uint32_t end) const;
  bool SubjectLike(uint32_t sentence, uint32_t run_first, uint32_t end) const;
  void LinkSurnames();

  bool IsNameWord(uint32_t t) const;
  // For each token of `words`, whether the text also writes it in lower
  // case (a capitalised opener that is a common word: "Top diplomats").
  std::vector<uint8_t> WrittenInLowerCase(
      const std::vector<uint32_t>& words) const;
  // Number words and -ly adverbs: never the first word of a name.
  bool IsSentenceWord(uint32_t t) const;

  const Document& doc_;
  const std::vector<uint8_t>& in_quote_;
  std::vector<NameMention> names_;
  std::vector<int> name_of_token_;
  std::vector<MentionKind> entity_kind_;  // parallel to tokens, or empty
};

}  // namespace dyad::resolve

#endif  // DYAD_RESOLVE_QUOTE_NAMES_H_
