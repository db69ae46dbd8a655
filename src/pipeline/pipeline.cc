#include "dyad/pipeline.h"

#include <utility>

#include "dyad/analyze.h"
#include "dyad/coder.h"
#include "dyad/lexicon.h"
#include "dyad/resolve_dates.h"
#include "dyad/resolve_places.h"
#include "dyad/resolve_quotes.h"
#include "dyad/text.h"

namespace dyad {
namespace {

// The coder asks for parses one sentence at a time; the analyzer gives
// them.
class AnalyzerParser : public SentenceParser {
 public:
  explicit AnalyzerParser(Analyzer analyzer) : analyzer_(std::move(analyzer)) {}
  Status ParseSentence(Document* doc, size_t index) const override {
    return analyzer_.AnalyzeSentence(doc, index);
  }

 private:
  Analyzer analyzer_;
};

}  // namespace

Result<std::unique_ptr<Pipeline>> Pipeline::Create(
    const PipelineOptions& opts) {
  std::shared_ptr<const Lexicon> lexicon = opts.lexicon;
  if (lexicon == nullptr && opts.dictionaries.empty()) {
    auto loaded = LoadDefaultLexicon();
    if (!loaded.ok()) return loaded.status();
    lexicon = std::move(loaded).value();
  } else if (lexicon == nullptr) {
    auto loaded = LoadDictionaryDir(opts.dictionaries);
    if (!loaded.ok()) return loaded.status();
    lexicon = std::make_shared<const Lexicon>(std::move(loaded).value());
  }
  std::unique_ptr<const SentenceParser> parser;
  Status parse_status;
  if (opts.parse) {
    AnalyzerOptions analyzer_options;
    analyzer_options.models_dir = opts.models_dir;
    analyzer_options.entities = false;
    auto analyzer = Analyzer::Load(analyzer_options);
    if (analyzer.ok()) {
      parser =
          std::make_unique<const AnalyzerParser>(std::move(analyzer).value());
    } else if (!opts.parse_if_available) {
      return analyzer.status();
    } else {
      parse_status = analyzer.status();
    }
  }
  auto coder = std::make_unique<const Coder>(lexicon);
  auto pipeline = std::unique_ptr<Pipeline>(
      new Pipeline(std::move(coder), std::move(parser)));
  pipeline->parse_status_ = std::move(parse_status);
  if (opts.places) {
    auto index = PlaceIndex::Load(
        opts.place_index.empty() ? DefaultPlaceIndexPath() : opts.place_index);
    if (index.ok()) {
      pipeline->places_ =
          std::make_unique<const PlaceIndex>(std::move(index).value());
    } else if (!opts.places_if_available) {
      return index.status();
    } else {
      pipeline->places_status_ = index.status();
    }
  }
  return pipeline;
}

Pipeline::Pipeline(std::unique_ptr<const Coder> coder,
                   std::unique_ptr<const SentenceParser> parser)
    : coder_(std::move(coder)), parser_(std::move(parser)) {}

Pipeline::~Pipeline() = default;

Status Pipeline::Process(Document* doc) const {
  DYAD_RETURN_IF_ERROR(AnalyzeText(doc));
  CoderContext context;
  DYAD_RETURN_IF_ERROR(coder_->Code(doc, &context, parser_.get()));
  DYAD_RETURN_IF_ERROR(AssignEventDates(doc));
  // Places after dates: where a source acts carries only to events of the
  // same day.
  if (places_ != nullptr)
    DYAD_RETURN_IF_ERROR(AssignEventPlaces(*places_, doc));
  return FindQuotes(doc, EntityCodeLookup(*doc));
}

}  // namespace dyad
