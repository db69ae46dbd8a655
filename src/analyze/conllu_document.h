// Gold-tokenized CoNLL-U sentences as Documents, so that `dyad analyze
// --pretokenized` runs the same Analyzer on a treebank's own words as on
// text split by AnalyzeText (the standard gold-tokenization evaluation).
#ifndef DYAD_ANALYZE_CONLLU_DOCUMENT_H_
#define DYAD_ANALYZE_CONLLU_DOCUMENT_H_

#include <string>
#include <string_view>

#include "analyze/conllu.h"
#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad::analyze {

// Builds the one-sentence Document of `sentence` as ReadConlluDocuments
// describes (dyad/analyze.h), with the given doc_id and `name` as source.
// Returns ParseError "NAME:LINE: message" for a word with an empty FORM and
// InvalidArgument for a sentence of 4 GiB or more (spans are 32-bit).
Result<Document> ConlluSentenceToDocument(const ConlluSentence& sentence,
                                          std::string_view name,
                                          std::string doc_id);

// The kind of a word read without its text around it, from its characters
// alone: . ! ? (alone or repeated) end sentences; numbers are digits with
// inner , or .; "'s" is a possessive; curly and PTB quotes open or close
// by their shape, a straight " opens when `after_space` (the word starts
// the sentence or follows a space) and closes otherwise; words have a
// letter or digit; other Unicode punctuation is kPunct, the rest kSymbol.
TokenKind GuessTokenKind(std::string_view word, bool after_space);

// The whitespace between two words as the value of UD's SpacesAfter MISC
// attribute: \s space, \t tab, \r and \n line breaks, \p "|", a doubled
// backslash for a backslash, \uXXXX (upper-case hex) other characters up to
// U+FFFF that are not printable ASCII, such as \u00A0 for a no-break space;
// other bytes are copied. Returns false, leaving *escaped empty, for ""
// (written as SpaceAfter=No instead) and " " (the default, written as nothing).
bool EscapeSpacesAfter(std::string_view gap, std::string* escaped);

// The whitespace a SpacesAfter value stands for (the inverse of
// EscapeSpacesAfter); an unknown escape is kept as written.
std::string UnescapeSpacesAfter(std::string_view value);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_CONLLU_DOCUMENT_H_
