// pipeline: the stages from a Document to coded events, on one screen.
//
//   ingest -> text -> (analyze) -> code -> resolve (dates, places, quotes)
//   -> store
//
// A Pipeline owns the compiled lexicon and coder; it is immutable after
// Create and safe to share between threads.
#ifndef DYAD_PIPELINE_H_
#define DYAD_PIPELINE_H_

#include <memory>
#include <string>

#include "dyad/analyze.h"
#include "dyad/document.h"
#include "dyad/lexicon.h"
#include "dyad/status.h"

namespace dyad {

class Coder;
class PlaceIndex;
class SentenceParser;

struct PipelineOptions {
  // A directory of TABARI or PETRARCH dictionaries to code with; empty means
  // dyad's embedded default lexicon.
  std::string dictionaries;
  // An already loaded lexicon to code with instead (shared, never
  // modified); when set, `dictionaries` is ignored.
  std::shared_ptr<const Lexicon> lexicon;
  // Code on the dependency parse (see Coder::Code): loads the tagger and
  // parser of `models_dir` ("" means DefaultModelsDir()). When false, or
  // when `parse_if_available` and the models are missing, the sparse coder
  // codes every sentence.
  bool parse = true;
  bool parse_if_available = true;
  std::string models_dir;
  // Give events their places (AssignEventPlaces) from the place index at
  // `place_index` ("" means DefaultPlaceIndexPath()). A missing or damaged
  // index leaves events without places (see places_status()) unless
  // !places_if_available, when Create returns its error.
  bool places = true;
  bool places_if_available = true;
  std::string place_index;
};

class Pipeline {
 public:
  // Loads and compiles the lexicon (the embedded default, or the
  // dictionaries of opts.dictionaries). Returns the loader's error (naming
  // the dictionary file and line) when it cannot. The caller owns the
  // Pipeline; it keeps no reference to `opts`.
  // With opts.parse, also loads the models; returns their loader's error
  // unless opts.parse_if_available (then it codes without parsing).
  static Result<std::unique_ptr<Pipeline>> Create(const PipelineOptions& opts);
  ~Pipeline();

  // Splits `doc` into sentences and tokens and codes its events (each
  // dated and placed by its sentence: AssignEventDates, AssignEventPlaces),
  // its entities, and its quotes with their speakers (FindQuotes) in place;
  // `doc` stays the caller's. Returns non-OK (and leaves `doc` partly filled)
  // only when a stage fails on this document (InvalidArgument for a null `doc`,
  // a text of 4 GiB or more, or a part outside the text); other documents are
  // unaffected. Call it once per Document: a second call appends a second set
  // of sentences.
  Status Process(Document* doc) const;

  // True when sentences are coded on their parse.
  bool parsing() const { return parser_ != nullptr; }
  // Why not, when parsing was asked for and the models did not load (the
  // loader's error); OK otherwise.
  const Status& parse_status() const { return parse_status_; }
  // True when events get places; places_status() says why not when they
  // were asked for (the place index loader's error).
  bool placing() const { return places_ != nullptr; }
  const Status& places_status() const { return places_status_; }

 private:
  Pipeline(std::unique_ptr<const Coder> coder,
           std::unique_ptr<const SentenceParser> parser);
  std::unique_ptr<const Coder> coder_;
  std::unique_ptr<const SentenceParser> parser_;  // null: sparse only
  std::unique_ptr<const PlaceIndex> places_;      // null: no places
  Status parse_status_;
  Status places_status_;
};

}  // namespace dyad

#endif  // DYAD_PIPELINE_H_
