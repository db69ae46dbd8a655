// Pieces shared by the PETRARCH-2 dictionary loaders: comment removal,
// error collection, phrases, codes, dates and English inflections.
#ifndef DYAD_SRC_LEXICON_PETRARCH_COMMON_H_
#define DYAD_SRC_LEXICON_PETRARCH_COMMON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/lexicon.h"
#include "dyad/status.h"

namespace dyad::petrarch_internal {

// Collects "NAME:LINE: message" errors. Strict (errors == nullptr): the
// first report is kept as a ParseError and loading should stop. Lenient:
// every report is appended to *errors and loading goes on.
class ErrorSink {
 public:
  ErrorSink(std::string_view name, std::vector<std::string>* errors)
      : name_(name), errors_(errors) {}
  // Returns true when the caller should go on reading.
  bool Report(int line, std::string_view message);
  bool failed() const { return !first_.ok(); }
  Status status() const { return first_; }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  std::vector<std::string>* errors_;
  Status first_;
};

// A dictionary line with its comments removed; never blank.
struct CleanLine {
  int number = 0;    // 1-based line number in the file
  std::string text;  // trimmed
};

// A problem found while cleaning: invalid UTF-8, an unclosed comment.
struct LineProblem {
  int number = 0;
  std::string message;
};

struct CleanText {
  std::vector<CleanLine> lines;
  std::vector<LineProblem> problems;  // in line order
};

// Splits `contents` into lines and removes what PETRARCH ignores: XML
// comments (also across lines), lines starting with "#" or "<!", text
// after a "#" or ";" outside brackets, and blank lines. Lines with invalid
// UTF-8 are dropped and listed as problems, as is a comment left open.
CleanText CleanLines(std::string_view contents);

// Calls fn(const CleanLine&) -> bool for every line in order, reporting the
// cleaning problems to `sink` where they occur. Stops when fn returns false
// or the sink says so; returns false then.
template <typename Fn>
bool WalkLines(const CleanText& text, ErrorSink* sink, Fn fn) {
  size_t next_problem = 0;
  auto flush = [&](int before) {
    while (next_problem < text.problems.size() &&
           text.problems[next_problem].number < before) {
      const LineProblem& p = text.problems[next_problem++];
      if (!sink->Report(p.number, p.message)) return false;
    }
    return true;
  };
  for (const CleanLine& line : text.lines) {
    if (!flush(line.number)) return false;
    if (!fn(line)) return false;
  }
  return flush(INT32_MAX);
}

std::string_view Trim(std::string_view s);
std::string Upper(std::string_view s);  // ASCII letters only

// Reads a whole file. NotFound when `path` is not a regular file, IoError
// when it cannot be read.
Result<std::string> ReadWholeFile(const std::string& path);

// Reads `path` whole and hands it to a loader of text in memory, naming the
// file in its messages; NotFound / IoError when the file cannot be read.
using LoadFromString = Status (*)(std::string_view contents,
                                  std::string_view name, Lexicon* lexicon,
                                  std::vector<std::string>* errors);
Status LoadFile(const std::string& path, LoadFromString load, Lexicon* lexicon,
                std::vector<std::string>* errors);

// Splits "HEAD [a] [b] trailing" into HEAD, the bracket bodies and the text
// after the last block. Returns false with *error for an unclosed "[" or a
// nested one.
bool SplitBlocks(std::string_view line, std::string_view* head,
                 std::vector<std::string_view>* blocks,
                 std::string_view* trailing, std::string* error);

// Parses a name written with blanks and/or underscores ("HAMAS_GUNMEN",
// "CARAS GALADHON", "AFGHANISTAN_") into upper-case words matched as whole
// words (PETRARCH matches complete words only). Consecutive words are
// connected: PETRARCH reads "_" and " " alike, as adjacent words of one
// noun phrase. Stray "]" characters are dropped. Returns false with *error
// when no word is left or a word holds a bracket or brace.
bool ParseName(std::string_view text, Phrase* out, std::string* error);

// Parses a verb event code: "064", "032:033", ":173" (no event in the
// primary direction), "025?", "080!", "---", "###", "+++". Returns false
// with *error when it is empty or holds blanks.
bool ParseEventCode(std::string_view text, EventCode* out, std::string* error);

// "950601" (YY <= 30 is 20YY, else 19YY, as in PETRARCH) or "19950601" to
// yyyymmdd; -1 when `text` is not a valid calendar date.
int32_t ParseDate(std::string_view text);

// Regular English inflections used by PETRARCH to widen dictionaries.
std::string PluralOf(std::string_view word);
// The third-person, past and -ing forms of a regular verb.
std::vector<std::string> RegularVerbForms(std::string_view stem);

// Appends "FOO" as a whole-word, connected PhraseWord.
void AddWord(std::string_view text, Phrase* phrase);

}  // namespace dyad::petrarch_internal

#endif  // DYAD_SRC_LEXICON_PETRARCH_COMMON_H_
