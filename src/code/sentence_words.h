// The words of a sentence as the coder sees them (TABARI style): upper
// case, punctuation other than commas dropped, possessives folded into
// their word, hyphenated words split into joined parts.
#ifndef DYAD_SRC_CODE_SENTENCE_WORDS_H_
#define DYAD_SRC_CODE_SENTENCE_WORDS_H_

#include <string>
#include <vector>

#include "code/compiled_lexicon.h"
#include "dyad/document.h"

namespace dyad::coder_internal {

struct Word {
  std::string text;  // upper case, possessive removed
  bool possessive = false;
  bool comma = false;
  bool capitalized = false;
  bool joined_next = false;  // hyphen part: next word is the same token
  // Upper-case lemma from the parse ("EFFORT" for "efforts"), so verb
  // patterns match inflected nouns; empty where the sentence has no parse.
  std::string lemma;
  // Inside quotation marks (a quote left open runs to the sentence's end;
  // a closing mark without an opening one closes a quote begun in an
  // earlier sentence).
  bool quoted = false;
  Span span;
  // Annotations.
  EntryKind kind = EntryKind::kNoun;
  bool matched = false;  // part of a dictionary phrase
  bool compound_sep = false;
  bool deleted = false;
};

// Returns the words of sentence `s` of `doc` (tokens must lie in doc.text).
std::vector<Word> WordsOf(const Document& doc, const Sentence& s);

}  // namespace dyad::coder_internal

#endif  // DYAD_SRC_CODE_SENTENCE_WORDS_H_
