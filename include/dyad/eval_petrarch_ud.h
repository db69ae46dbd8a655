// eval_petrarch_ud: runs UniversalPetrarch's validation suite
// (PETR_Validate_records_2_02.xml and the PETRARCH-2 dictionaries its
// <Environment> names) through dyad's text stage and coder, parsing the
// sentences with dyad's own tools (the <Parse> given in the file is never
// read), and counts found, missing and extra events the way
// UniversalPetrarch's validation.py does.
#ifndef DYAD_EVAL_PETRARCH_UD_H_
#define DYAD_EVAL_PETRARCH_UD_H_

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

#include "dyad/status.h"

namespace dyad {

// One expected or produced event: actor codes ("---" for a null actor) and
// the CAMEO code.
struct PetrarchUdTriple {
  std::string source, target, code;
  friend bool operator<(const PetrarchUdTriple& a, const PetrarchUdTriple& b) {
    if (a.source != b.source) return a.source < b.source;
    if (a.target != b.target) return a.target < b.target;
    return a.code < b.code;
  }
  friend bool operator==(const PetrarchUdTriple&,
                         const PetrarchUdTriple&) = default;
};

// The coding settings a <Config option= value=/> element changes; they hold
// for every record after it until changed again. Defaults are PETRARCH's
// (PETRglobals.py).
struct PetrarchUdSettings {
  bool require_dyad = true;  // drop events with a null source or target
  int new_actor_length = 0;  // noun phrases as new actors: not supported
  int comma_min = 2, comma_max = 8;    // inner comma clauses dropped
  int comma_bmin = 0, comma_bmax = 0;  // clause before the first comma
  int comma_emin = 2, comma_emax = 8;  // clause after the last comma
};

// One <Sentence> record.
struct PetrarchUdRecord {
  std::string id;         // "DEMO-01"
  std::string category;   // "DEMO", "ERROR", ...
  std::string date;       // as written, YYYYMMDD
  bool evaluate = false;  // evaluate="true"
  int line = 0;           // 1-based line of <Sentence
  std::string text;       // <Text> with its lines joined by single spaces
  // Expected events, sorted, without duplicates; empty for noevents and
  // error records.
  std::vector<PetrarchUdTriple> expected;
  bool no_events = false;       // <EventCoding noevents="True">
  std::string error;            // <EventCoding error="..."> ("" when none)
  bool has_coding = false;      // at least one <EventCoding>
  PetrarchUdSettings settings;  // in effect for this record
};

// What the <Environment> names and the records, in file order.
struct PetrarchUdSuite {
  std::string verbs, agents, discards;  // paths resolved against the file
  std::string coding_ontology;          // <PICOfile>; empty when not named
  std::vector<std::string> actors;      // <Actorfile> is comma-separated
  std::vector<std::string> include;     // <Include> categories
  std::vector<PetrarchUdRecord> records;
};

// Reads a validation file. Returns NotFound / IoError when it cannot be
// read, ParseError "FILE:LINE: ..." when it is not XML of the expected
// shape (no <Environment>, a <Sentence> without id, a bad <Config> value).
Result<PetrarchUdSuite> ReadPetrarchUdSuite(const std::string& path);

struct PetrarchUdCounts {
  int records = 0;
  int found = 0;     // expected events produced ("Correct")
  int missing = 0;   // expected events not produced ("Uncoded")
  int extra = 0;     // produced events not expected
  int null = 0;      // produced events not counted: null code, or a null
                     // actor while require_dyad holds
  int produced = 0;  // counted produced events (found + extra)
};

struct PetrarchUdRecordResult {
  std::string id, category;
  std::vector<PetrarchUdTriple> expected, got;
  // Parallel to `got`: the rule of the first event that gave the triple
  // ("parse verbs:RESTORE/050"), for diagnosis.
  std::vector<std::string> rules;
  bool no_events = false;
  PetrarchUdCounts counts;  // this record's (records = 1)
  bool passed = false;      // got == expected
};

struct PetrarchUdEvalOptions {
  // Also count records of categories outside <Include> (validation.py
  // skips them: PARSING and ERROR in the 2_02 file). ERROR records then
  // expect no events, except "bad_input_parse" ones, which are about the
  // file's <Parse> and stay skipped.
  bool all_categories = false;
  // Code with dyad's NEWS PROSE rules (CoderOptions::news_prose).
  bool news_prose = false;
  // Code on dyad's own dependency parse (PipelineOptions::parse) with the
  // models of `models_dir` ("" means DefaultModelsDir()); false codes with
  // the sparse coder alone.
  bool parse = true;
  std::string models_dir;
};

struct PetrarchUdEvalResult {
  std::vector<PetrarchUdRecordResult> records;  // counted ones, file order
  // Per category in order of first appearance, then the total.
  std::vector<std::pair<std::string, PetrarchUdCounts>> categories;
  PetrarchUdCounts total;
  int passed = 0;
  int failed = 0;
  int evaluate_true = 0;  // records marked evaluate="true"
  // evaluate="true" records not counted, with the reason, e.g.
  // "ERROR-01: category ERROR not in <Include>".
  std::vector<std::string> skipped;
  // Dictionary lines the loaders refused and skipped ("FILE:LINE: why");
  // empty when every dictionary loaded strictly.
  std::vector<std::string> dictionary_errors;
};

// Reads DIR/PETR_Validate_records_2_02.xml (or `dir` itself when it names
// a file), loads the dictionaries its <Environment> names into one Lexicon
// (strictly; when a loader refuses a line, leniently, recording the skipped
// lines) and codes every evaluate="true" record of an <Include> category
// (see options) through dyad's Pipeline, one Document per record (doc_id
// the record id, published its date). Returns the reader's or loaders'
// error, or the model loader's when options.parse and the models do not
// load.
Result<PetrarchUdEvalResult> RunPetrarchUdSuite(
    const std::string& dir, const PetrarchUdEvalOptions& options = {});

// Prints one line per failed record, the per-category table of
// validation.py (Records, Correct, Uncoded, Extra, Null, TP = correct /
// expected, FN = 100 - TP, FP = extra / records), the totals with extra
// also as a share of produced events, and the closing "N passed, M failed".
// With `show_rules`, each produced event of a failed record is followed by
// the rule that made it.
void PrintPetrarchUdReport(const PetrarchUdEvalResult& result,
                           std::ostream& out, bool show_rules = false);

}  // namespace dyad

#endif  // DYAD_EVAL_PETRARCH_UD_H_
