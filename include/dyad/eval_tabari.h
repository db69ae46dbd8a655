// eval_tabari: runs a TABARI validation suite (Validate.project and the
// records of its text file) through dyad's text stage and coder.
#ifndef DYAD_EVAL_TABARI_H_
#define DYAD_EVAL_TABARI_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "dyad/status.h"

namespace dyad {

// One expected or produced event triple.
struct TabariTriple {
  std::string source, target, code;
  friend bool operator<(const TabariTriple& a, const TabariTriple& b) {
    if (a.source != b.source) return a.source < b.source;
    if (a.target != b.target) return a.target < b.target;
    return a.code < b.code;
  }
  friend bool operator==(const TabariTriple&, const TabariTriple&) = default;
};

// One record of a validation text file.
struct TabariRecord {
  std::string date;  // as written: "950101" (or 8 digits in YYYY mode)
  std::string id;    // "DEMO-01"
  int line = 0;      // 1-based line of the date/id line
  std::string text;  // the story with /* comments */ removed
  std::vector<TabariTriple> expected;     // {---} {###} {+++}: none
  std::vector<std::string> option_lines;  // { OPTION: ... } contents
  bool is_option() const { return !option_lines.empty(); }
};

// Splits a validation text file into records (a line starting with a date
// and an id opens a record after a blank line; the record runs to the next
// blank line). Stops before the record whose id is `stop_id` ("" reads
// all). Returns NotFound / IoError when the file cannot be read.
Result<std::vector<TabariRecord>> ReadTabariRecords(
    const std::string& path, const std::string& stop_id = "FINAL-01");

struct TabariFailure {
  std::string id;
  std::vector<TabariTriple> expected, got;
};

struct TabariEvalResult {
  int passed = 0;
  int failed = 0;
  std::vector<TabariFailure> failures;
};

// Loads the dictionaries `Validate.project` in `dir` names, codes every
// record before FINAL-01 (OPTION records change the options and are not
// counted) and compares the produced set of source/target/code triples
// with the expected set. Returns the loader's error when the dictionaries
// do not load.
Result<TabariEvalResult> RunTabariSuite(const std::string& dir);

// Prints one line per failed record and the closing "N passed, M failed".
void PrintTabariReport(const TabariEvalResult& result, std::ostream& out);

}  // namespace dyad

#endif  // DYAD_EVAL_TABARI_H_
