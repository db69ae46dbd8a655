// The pieces of TABARI dictionary syntax shared by the file loaders:
// phrases, verb patterns, bracketed code blocks.
#ifndef DYAD_SRC_LEXICON_TABARI_SYNTAX_H_
#define DYAD_SRC_LEXICON_TABARI_SYNTAX_H_

#include <string>
#include <string_view>
#include <vector>

#include "dyad/lexicon.h"

namespace dyad::lexicon_internal {

// Removes a ";" comment and surrounding blanks.
std::string_view StripComment(std::string_view line);
std::string_view Trim(std::string_view s);
std::string Upper(std::string_view s);

// Parses "RESTOR", "DEPART_", "ITHILEN_GOVERNMENT_RADIO_", "AL GORE",
// "MOUSE=". A trailing "_" on the last word allows regular endings.
// Returns false with *error set when the phrase is empty or malformed.
bool ParsePhrase(std::string_view text, Phrase* out, std::string* error);

// Parses pattern text (without "- " and the code): "SAID $ * TO ATTEND".
// Fills upper (before "*") and lower (after). A pattern without "*" puts
// everything in lower and sets *has_verb false. *verb_connected is true for
// "*_X" (X must follow the verb immediately). Returns false with *error.
bool ParsePattern(std::string_view text, std::vector<PatternToken>* upper,
                  std::vector<PatternToken>* lower, bool* has_verb,
                  bool* verb_connected, std::string* error);

// Parses a synset member ("AUSTRIAN FLORIN", "&TIETYPES_MEMOS").
bool ParseTokens(std::string_view text, std::vector<PatternToken>* out,
                 std::string* error);

// Parses "013:012", "031!", "023?" (text between brackets).
bool ParseEventCode(std::string_view text, EventCode* out, std::string* error);

// Parses an actor code block body: "HOB < 950601", "HOBGOV 950601 - 990815",
// "ZBW". Fills codes (several for "FRO/BIL/SAM"). Returns false with *error
// for a block without a code or with a bad date.
bool ParseDatedCodes(std::string_view text, bool yyyy,
                     std::vector<DatedCode>* out, std::string* error);

// Splits "PHRASE [a] [b] ;comment" into the phrase text and the bracket
// bodies. Returns false with *error on unbalanced brackets.
bool SplitBrackets(std::string_view line, std::string_view* head,
                   std::vector<std::string_view>* blocks, std::string* error);

// Line-based loaders behind the file loaders and the embedded lexicon.
// `path` names the source in messages.
std::vector<std::string> SplitLines(std::string_view contents);
Status LoadActorLines(const std::string& path,
                      const std::vector<std::string>& lines, Lexicon* lexicon,
                      std::vector<std::string>* errors);
Status LoadAgentLines(const std::string& path,
                      const std::vector<std::string>& lines, Lexicon* lexicon,
                      std::vector<std::string>* errors);
Status LoadVerbLines(const std::string& path,
                     const std::vector<std::string>& lines, Lexicon* lexicon,
                     std::vector<std::string>* errors);
Status LoadOptionLines(const std::string& path,
                       const std::vector<std::string>& lines, Lexicon* lexicon,
                       std::vector<std::string>* errors);

}  // namespace dyad::lexicon_internal

#endif  // DYAD_SRC_LEXICON_TABARI_SYNTAX_H_
