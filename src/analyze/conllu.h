// CoNLL-U: the Universal Dependencies treebank format, read and written.
//
// A sentence is its comment lines ("# sent_id = ...") and one line per
// syntactic word with ten tab-separated columns. Multiword-token ranges
// ("1-2  don't") are kept apart from the words; empty nodes of the enhanced
// graph ("8.1") are skipped, because nothing in dyad reads them.
#ifndef DYAD_ANALYZE_CONLLU_H_
#define DYAD_ANALYZE_CONLLU_H_

#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad::analyze {

struct ConlluWord {
  int id = 0;  // 1-based position in the sentence
  std::string form;
  std::string lemma;
  std::string upos;
  std::string xpos;
  std::string feats;
  int head = -1;  // 0 for the root, -1 when the column is "_"
  std::string deprel;
  std::string deps;
  std::string misc;
};

// A surface token that spans several words: "don't" over words 3 and 4.
struct ConlluMultiword {
  int first = 0;
  int last = 0;
  std::string form;
  std::string misc;
};

struct ConlluSentence {
  std::vector<std::string> comments;  // without the leading "# "
  std::vector<ConlluWord> words;
  std::vector<ConlluMultiword> multiwords;
  std::string sent_id;    // from "# sent_id = ...", "" when absent
  std::string newdoc_id;  // from the last "# newdoc id = ..." seen so far
  int line = 0;           // 1-based line of the sentence's first line
};

// Parses CoNLL-U `text`; `name` is the file name used in error messages.
// Returns the sentences in order, or ParseError "NAME:LINE: message" for a
// line without ten columns, a bad or out-of-order ID, a non-numeric HEAD,
// or a multiword range that is malformed or does not cover words that
// follow. A missing final blank line is accepted, as are CRLF line ends.
Result<std::vector<ConlluSentence>> ParseConllu(std::string_view text,
                                                std::string_view name);

// Reads and parses the file at `path`. NotFound/IoError when it cannot be
// read; otherwise as ParseConllu.
Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path);

// Appends `sentence` in CoNLL-U to `out`: comments, multiword ranges before
// their first word, the words, and a blank line. Empty strings are written
// as "_" and head -1 as "_".
void AppendConllu(const ConlluSentence& sentence, std::string* out);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_CONLLU_H_
