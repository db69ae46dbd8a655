// analyze: part-of-speech tags and lemmas from a model trained in-house on
// a Universal Dependencies treebank (see models/README.md).
//
// The tagger is an averaged perceptron over hashed word, affix, shape and
// context features, decoding greedily left to right. Each word gets a joint
// (UPOS, XPOS) label, so "IN" always comes with ADP or SCONJ, never with a
// tag it was not seen with; lemmas come from inflection rules keyed by the
// XPOS plus exceptions learned from the treebank.
#ifndef DYAD_ANALYZE_H_
#define DYAD_ANALYZE_H_

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad {

namespace analyze {
struct TaggerModel;
}  // namespace analyze

// The analysis of one token (one word of a CoNLL-U sentence).
struct TokenAnalysis {
  std::string upos;   // Universal POS: "NOUN", "PROPN", "VERB", ...
  std::string xpos;   // Penn Treebank tag: "NNP", "VBD", ...
  std::string lemma;  // "go" for "went"; proper nouns keep their case
};

// A loaded (or freshly trained) tagger. Cheap to copy: copies share the
// immutable model. Tagging is thread-safe.
class PosTagger {
 public:
  // Reads a model written by Save. Returns NotFound when `path` cannot be
  // opened; DataLoss when the file is truncated, damaged (checksum) or its
  // self-test sentences no longer tag as recorded; ParseError for another
  // format version or feature set. Every message starts with `path`.
  static Result<PosTagger> Load(const std::string& path);

  // Writes the model to `path` (IoError when that fails).
  Status Save(const std::string& path) const;

  // Tags one sentence of words (already tokenized the UD way: "do" "n't",
  // "Russia" "'s"). Returns one TokenAnalysis per word.
  std::vector<TokenAnalysis> TagWords(
      const std::vector<std::string_view>& words) const;

  // Tags every sentence of `doc` (after AnalyzeText), using the token bytes
  // as words. Returns a vector parallel to doc.tokens; tokens outside every
  // sentence get an empty TokenAnalysis.
  std::vector<TokenAnalysis> TagDocument(const Document& doc) const;

  // Label numbers instead of strings, for tight loops: writes one label per
  // word into *labels, each in [0, label_count()); LabelUpos/LabelXpos/Lemma
  // require such a label.
  void TagLabels(const std::vector<std::string_view>& words,
                 std::vector<int>* labels) const;
  const std::string& LabelUpos(int label) const;
  const std::string& LabelXpos(int label) const;
  // The lemma of `word` with the tag of `label`.
  std::string Lemma(std::string_view word, int label) const;

  // Model figures for reports: labels, features, weights, lemma exceptions.
  size_t label_count() const;
  size_t feature_count() const;
  size_t weight_count() const;
  size_t lemma_exception_count() const;

  // Used by Load and TrainPosTagger; `model` must not be null.
  explicit PosTagger(std::shared_ptr<const analyze::TaggerModel> model);

 private:
  std::shared_ptr<const analyze::TaggerModel> model_;
};

// Appends the sentences of `doc` to `out` in CoNLL-U, one word line per
// token with FORM, LEMMA, UPOS and XPOS from `analysis` (parallel to
// doc.tokens, as TagDocument returns; a shorter vector leaves the rest "_"),
// HEAD/DEPREL/FEATS "_", and SpaceAfter=No in MISC where the next token of
// the sentence starts right after this one. Each sentence gets the comments
// "sent_id = DOCID-N" (N from 1) and "text = ..." (line breaks folded to
// spaces). Tabs and line breaks inside a token's bytes become spaces.
void AppendDocumentConllu(const Document& doc,
                          const std::vector<TokenAnalysis>& analysis,
                          std::string* out);

struct PosTrainOptions {
  // Training treebanks (CoNLL-U with UPOS, XPOS and lemmas), read in order
  // as one treebank.
  std::vector<std::string> train_paths;
  std::string dev_path;  // optional: accuracy logged after each epoch
  int epochs = 15;
  uint64_t seed = 1;            // the shuffle of the training sentences
  std::ostream* log = nullptr;  // progress lines; may be null
};

// Trains a tagger. Deterministic for given files, epochs and seed. Returns
// the errors of reading the CoNLL-U files ("FILE:LINE: message") or
// InvalidArgument when no training file is given or they have no tagged
// words.
Result<PosTagger> TrainPosTagger(const PosTrainOptions& options);

// Accuracy on gold-tokenized CoNLL-U: each sentence's words are tagged and
// compared with the gold UPOS, XPOS and lemma (exact strings).
struct UdAccuracy {
  size_t sentences = 0;
  size_t words = 0;
  size_t upos_correct = 0;
  size_t xpos_correct = 0;
  size_t lemma_correct = 0;
  double seconds = 0;  // time spent tagging and lemmatizing

  double upos() const { return words ? 100.0 * upos_correct / words : 0; }
  double xpos() const { return words ? 100.0 * xpos_correct / words : 0; }
  double lemma() const { return words ? 100.0 * lemma_correct / words : 0; }
};

// Evaluates `tagger` on the CoNLL-U file at `path`. When `sent_id_filter`
// is non-empty only sentences whose sent_id contains it count (GUM's
// "GUM_news_" selects its news documents). Errors: those of reading the
// file.
Result<UdAccuracy> EvaluatePosTagger(const PosTagger& tagger,
                                     const std::string& path,
                                     std::string_view sent_id_filter = {});

}  // namespace dyad

#endif  // DYAD_ANALYZE_H_
