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
#include <functional>
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
  // Optional: the accuracy of the mean of the runs (joint UPOS+XPOS label)
  // is logged after each epoch.
  std::string dev_path;
  int epochs = 15;
  uint64_t seed = 1;  // the shuffle of the training sentences
  // Independent runs, trained in step, run r shuffled with seed + 7919 r;
  // the model is the mean of their averaged weights. The defaults are the
  // recipe of the shipped models/en_pos.dyad (models/README.md).
  int runs = 1;
  // Words seen at least this often get an ambiguity-class feature.
  int min_class_count = 8;
  // Averaged weights below this fraction of the largest are dropped.
  double prune_fraction = 0.0005;
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

// ---------------------------------------------------------------------------
// Named entities
//
// A BILOU entity tagger over PER, ORG and LOC, reported as PERSON, ORG and
// PLACE: a structured averaged perceptron with Viterbi decoding over hashed
// word, shape, affix, context, part-of-speech (from a PosTagger) and
// gazetteer features (phrases of dyad's default lexicon and, as tables of
// their own, names of PETRARCH actor dictionaries, GeoNames places and
// countries, and open name lists of brands, operators, WordNet proper nouns
// and people's names given to the trainer), plus cue words that head
// organization or place names ("Bank", "Inc.", "Street"). See
// models/README.md for the training command and accuracy.

namespace analyze {
struct NerModel;
}  // namespace analyze

// One entity of a sentence: words [begin, end).
struct NamedEntity {
  size_t begin = 0;
  size_t end = 0;
  std::string type;  // "PERSON", "ORG" or "PLACE"
};

// A loaded (or freshly trained) entity tagger with the part-of-speech tagger
// whose tags it reads. Cheap to copy (copies share the immutable models);
// tagging is thread-safe.
class NerTagger {
 public:
  // Reads a model written by Save; `pos` must be the tagger it was trained
  // with (models/en_pos.dyad). Returns NotFound when `path` cannot be
  // opened; DataLoss when the file is truncated, damaged (checksum) or its
  // self-test sentences no longer tag as recorded; ParseError for another
  // format version, feature set or label set. Messages start with `path`.
  static Result<NerTagger> Load(const std::string& path, const PosTagger& pos);

  // Writes the model (not the part-of-speech tagger) to `path` (IoError when
  // that fails).
  Status Save(const std::string& path) const;

  // One BILOU tag per word ("O", "B-PER", "I-ORG", "L-LOC", "U-PER", ...)
  // for a sentence tokenized the UD way.
  std::vector<std::string> TagWords(
      const std::vector<std::string_view>& words) const;

  // The entities of a sentence, in order, not overlapping.
  std::vector<NamedEntity> FindEntities(
      const std::vector<std::string_view>& words) const;

  // Model figures for reports: weighted features, weights, gazetteer
  // phrases.
  size_t feature_count() const;
  size_t weight_count() const;
  size_t gazetteer_size() const;

  // Used by Load and TrainNerTagger; `model` must not be null.
  NerTagger(std::shared_ptr<const analyze::NerModel> model, PosTagger pos);

 private:
  std::shared_ptr<const analyze::NerModel> model_;
  PosTagger pos_;
};

struct Lexicon;  // dyad/lexicon.h

// A name for the entity tagger's actor-name gazetteer.
struct NerActorName {
  std::vector<std::string> words;  // as written; matched ignoring ASCII case
  std::string type;                // "PERSON", "ORG" or "PLACE"
};

// The names of the actors of `lexicon` (the phrases of every Actor, e.g.
// loaded from the Phoenix actor dictionaries with LoadPetrarchActors), with
// the type their codes suggest:
//   - PERSON when any code is restricted to dates (a dated role, such as
//     "[AFGGOV 791227-861124]", is held by a person: leaders, officials);
//   - otherwise from the undated code: PLACE for a bare three-letter
//     country or region code ("AFGHANISTAN_ [AFG]" and its synonyms, which
//     include cities and provinces), ORG for a longer code (governments,
//     militaries, parties, IGOs, NGOs, media, companies, armed groups:
//     "[AFGMIL]", "[IGOUNO]") and for a bare three-letter sector code
//     ("[MNC]", "[NGO]", "[IGO]", "[MED]", ...), PERSON for "[ELI]";
//   - none for the null and discard codes ("---", "###", "+++").
// Phrases of more than seven words are left out. The returned names are
// copies; `lexicon` may go away.
std::vector<NerActorName> NerActorNamesFromLexicon(const Lexicon& lexicon);

struct NerTrainOptions {
  // Training corpora in CoNLL columns (UNER IOB2, re3d, wikigold; see
  // src/analyze/iob.h), read in order as one corpus. Types other than
  // person, organization and location are dropped (tagged O).
  std::vector<std::string> train_paths;
  std::string dev_path;  // optional: entity F1 logged after each epoch
  // Optional: the treebank(s) (CoNLL-U) the part-of-speech tagger was
  // trained on. When given, two taggers are trained on its halves and
  // every corpus sentence found in the treebank is tagged by the one that
  // did not see it, so the tags are as noisy in training as on new text
  // (the tagger tags its own training sentences almost perfectly).
  std::vector<std::string> pos_treebank_paths;
  // Optional: names (see NerActorNamesFromLexicon) matched as a gazetteer
  // of their own, apart from the default lexicon's, so that training learns
  // how far to trust them; the words of PERSON names of two or more words
  // are also entered alone. They are stored in the model as hashes.
  std::vector<NerActorName> actor_names;
  // Optional: a GeoNames dump of populated places (cities500.txt) and the
  // world-countries JSON (countries.json), read at training time only:
  // their names become a gazetteer of their own, with the population, the
  // capital flag, countries and demonyms (src/analyze/ner_places.h), stored
  // in the model as hashes.
  std::string places_path;
  std::string countries_path;
  // Optional name lists, read at training time only, whose names become a
  // gazetteer of their own with where each was listed
  // (src/analyze/ner_name_lists.h), stored in the model as hashes: the
  // name-suggestion-index's dist/json/nsi.json (brands and operators), Simple
  // Icons' data/simple-icons.json (brand titles) and WordNet's dict
  // directory (capitalized nouns by lexicographer file; its lower-case
  // lemmas mark listed single words as common words).
  std::string name_suggestion_index_path;
  std::string simple_icons_path;
  std::string wordnet_dir;
  // Optional: a list of people's names, one a line (cspell's
  // people-names.txt), joining the same gazetteer.
  std::string people_names_path;
  int epochs = 10;
  uint64_t seed = 1;            // the shuffle of the training sentences
  std::ostream* log = nullptr;  // progress lines; may be null
};

// Trains an entity tagger, tagging the words with `pos` for its features.
// Deterministic for given files, epochs, seed and `pos`. Returns the errors
// of reading the files ("FILE:LINE: message") or InvalidArgument when no
// training file is given or they have no words.
Result<NerTagger> TrainNerTagger(const NerTrainOptions& options,
                                 const PosTagger& pos);

// Entity-level counts and scores (conlleval: exact span and type).
struct NerTypeAccuracy {
  std::string type;  // "PERSON", "ORG", "PLACE", or "overall"
  size_t gold = 0;
  size_t predicted = 0;
  size_t correct = 0;

  double precision() const {
    return predicted ? 100.0 * correct / predicted : 0;
  }
  double recall() const { return gold ? 100.0 * correct / gold : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct NerAccuracy {
  size_t sentences = 0;
  size_t words = 0;
  NerTypeAccuracy overall;
  std::vector<NerTypeAccuracy> by_type;  // PERSON, ORG, PLACE
  double seconds = 0;                    // time spent tagging
};

// Evaluates `tagger` on a gold corpus (same formats as training). Errors:
// those of reading the file.
Result<NerAccuracy> EvaluateNerTagger(const NerTagger& tagger,
                                      const std::string& path);

// ---------------------------------------------------------------------------
// Dependency parser
//
// A greedy arc-hybrid transition parser with UD relation labels, trained
// in-house as an averaged perceptron with a dynamic oracle (see
// models/README.md). It reads words with the tags of PosTagger.

namespace analyze {
struct ParserModel;
}  // namespace analyze

// The syntactic head of one word and the relation to it.
struct DependencyArc {
  int head = 0;        // 1-based word number of the head, 0 for the root
  std::string deprel;  // UD relation with subtype: "nsubj:pass", "obl:agent"
};

// A loaded (or freshly trained) parser. Cheap to copy: copies share the
// immutable model. Parsing is thread-safe.
class DependencyParser {
 public:
  // Reads a model written by Save. Returns NotFound when `path` cannot be
  // opened; DataLoss when the file is truncated, damaged (checksum) or its
  // self-test sentences no longer parse as recorded; ParseError for another
  // format version or feature set. Every message starts with `path`.
  static Result<DependencyParser> Load(const std::string& path);

  // Writes the model to `path` (IoError when that fails).
  Status Save(const std::string& path) const;

  // Parses one tagged sentence: `tags` is parallel to `words` (as
  // PosTagger::TagWords returns; only upos and xpos are read). Returns one
  // arc per word; the result is always a tree with exactly one word on the
  // root. Returns an empty vector when the sizes differ.
  std::vector<DependencyArc> Parse(
      const std::vector<std::string_view>& words,
      const std::vector<TokenAnalysis>& tags) const;

  // Relation numbers instead of strings, for tight loops: writes heads[i]
  // (0 for the root) and relations[i] in [0, relation_count()) per word.
  void ParseIndices(const std::vector<std::string_view>& words,
                    const std::vector<TokenAnalysis>& tags,
                    std::vector<int>* heads, std::vector<int>* relations) const;
  const std::string& RelationName(int relation) const;

  size_t relation_count() const;
  size_t feature_count() const;
  size_t weight_count() const;

  // Used by Load and TrainDependencyParser; `model` must not be null.
  explicit DependencyParser(std::shared_ptr<const analyze::ParserModel> model);

 private:
  std::shared_ptr<const analyze::ParserModel> model_;
};

struct ParserTrainOptions {
  // Training treebanks (CoNLL-U with HEAD and DEPREL), read as one.
  std::vector<std::string> train_paths;
  std::string dev_path;     // optional: UAS/LAS logged after each epoch
  std::string tagger_path;  // PosTagger model giving the tags (required)
  int epochs = 15;
  uint64_t seed = 1;  // the shuffle and the exploration choices
  // Independent training runs over differently shuffled data (run r seeded
  // with seed + 7919 r); the model is the mean of their averaged weights.
  int runs = 5;
  // From the second epoch, how often training follows the parser's own
  // prediction rather than the oracle's (exploration).
  double explore_probability = 0.9;
  // Averaged weights below this fraction of the largest are dropped.
  double prune_fraction = 0.01;
  // When > 1, the training treebank is tagged by jackknifing: split into
  // this many parts, each tagged by a tagger trained on the others, so the
  // parser learns from tags as noisy as it will see at run time. When 0 or
  // 1, the tagger at tagger_path tags it.
  int jackknife_folds = 0;
  // When true, the training files' UPOS and XPOS are used as they are
  // (already predicted tags, e.g. written earlier with write_tagged_train)
  // and neither jackknifing nor the tagger touches them.
  bool keep_train_tags = false;
  // When not empty, the training treebank with the tags the parser learns
  // from is written there as CoNLL-U (to reuse with keep_train_tags).
  std::string write_tagged_train;
  // With dev_path: from epoch dev_grid_from_epoch on, also log dev UAS/LAS
  // and the size of the mean of the first k runs pruned at p, for each k of
  // dev_grid_runs and p of dev_grid_prunes (to choose both in one training;
  // the model written is not affected).
  std::vector<int> dev_grid_runs;
  std::vector<double> dev_grid_prunes;
  int dev_grid_from_epoch = 1;
  std::ostream* log = nullptr;  // progress lines; may be null
};

// Trains a parser on tags predicted by the tagger (the gold tags of the
// treebank are not used). Deterministic for given files and options.
// Returns the errors of loading the tagger or reading the CoNLL-U files, or
// InvalidArgument when no training file is given or it has no usable tree.
Result<DependencyParser> TrainDependencyParser(
    const ParserTrainOptions& options);

// Attachment scores on gold-tokenized CoNLL-U with predicted tags: every
// word counts, punctuation included (as in the CoNLL 2018 shared task).
struct ParseAccuracy {
  size_t sentences = 0;
  size_t words = 0;
  size_t head_correct = 0;      // UAS
  size_t labelled_correct = 0;  // LAS: head and full relation right
  double seconds = 0;           // time spent parsing (not tagging)

  double uas() const { return words ? 100.0 * head_correct / words : 0; }
  double las() const { return words ? 100.0 * labelled_correct / words : 0; }
};

// Tags each sentence of the CoNLL-U file at `path` with `tagger`, parses it
// and compares with the gold tree. `sent_id_filter` as for
// EvaluatePosTagger. Errors: those of reading the file.
Result<ParseAccuracy> EvaluateParser(const DependencyParser& parser,
                                     const PosTagger& tagger,
                                     const std::string& path,
                                     std::string_view sent_id_filter = {});

// ---------------------------------------------------------------------------
// Analyzer: the three models together, on Documents.

// Where the committed models are looked for when no directory is given: the
// DYAD_MODELS environment variable when set, else the models/ directory of
// the source tree dyad was built from.
std::string DefaultModelsDir();

struct AnalyzerOptions {
  std::string models_dir;  // "" means DefaultModelsDir()
  bool parse = true;       // load en_parse.dyad and parse
  bool entities = true;    // load en_ner.dyad and find named entities
};

// Tags, parses and finds the entities of Document sentences with the models
// en_pos.dyad, en_parse.dyad and en_ner.dyad of one directory. Cheap to
// copy (copies share the models); thread-safe.
class Analyzer {
 public:
  // Loads the models `options` asks for. Returns the model loaders' errors
  // (NotFound naming the missing file, DataLoss for a damaged one).
  static Result<Analyzer> Load(const AnalyzerOptions& options);

  // Analyzes sentence `index` of `doc` (after AnalyzeText): sizes
  // doc->analysis to doc->tokens when it is not yet, fills the entries of
  // the sentence's tokens (tags, lemmas and, with a parser, heads as token
  // indices and relations), sets Sentence::parsed, and with an entity model
  // appends the sentence's entities to doc->entities (type PERSON, ORG or
  // PLACE, span and text from the document). Does nothing when the
  // sentence is already parsed. Returns InvalidArgument for a null `doc`,
  // an index out of range or token spans outside doc->text.
  Status AnalyzeSentence(Document* doc, size_t index) const;

  // AnalyzeSentence for every sentence of `doc`.
  Status AnalyzeDocument(Document* doc) const;

  bool has_parser() const { return parser_ != nullptr; }
  bool has_entities() const { return ner_ != nullptr; }
  const PosTagger& tagger() const { return *tagger_; }

 private:
  std::shared_ptr<const PosTagger> tagger_;
  std::shared_ptr<const DependencyParser> parser_;
  std::shared_ptr<const NerTagger> ner_;
};

// ---------------------------------------------------------------------------
// CoNLL-U in and out for `dyad analyze`.

// Options of AppendAnalyzedConllu.
struct ConlluWriteOptions {
  // true: sentence ids "DOCID-N" (N from 1), as for a story split by
  // AnalyzeText; false: each sentence's id is the doc_id alone, for the
  // one-sentence documents ReadConlluDocuments makes (so their sent_ids
  // come back unchanged).
  bool number_sentences = true;
  // Mark the words of doc.entities in MISC (see AppendAnalyzedConllu).
  bool entities = true;
};

// Appends the sentences of `doc` to `out` in CoNLL-U from doc.analysis (as
// Analyzer fills it): ID, FORM, LEMMA, UPOS, XPOS; FEATS "_"; HEAD as the
// 1-based word number of the head within the sentence, 0 for the root,
// and DEPREL, both "_" for a token without a relation (not parsed); DEPS
// "_"; MISC with "NE=B-TYPE" on the first word of a named entity and
// "NE=I-TYPE" on its other words (TYPE as in Entity::type: PERSON, ORG,
// PLACE; a word belongs to an entity whose byte span covers it), then
// "SpaceAfter=No" where the next word of the sentence starts right after
// this one or "SpacesAfter=..." where other whitespace than one space
// separates them (UD escapes: \s space, \n line break, \u00A0...),
// joined by "|", "_" when there is nothing to say.
// Comments "sent_id = ..." (see ConlluWriteOptions) and "text = ..." (the
// sentence's bytes, line breaks folded to spaces). A doc.analysis shorter
// than doc.tokens leaves the missing columns "_"; tabs and line breaks
// inside a token become spaces. Sentences without tokens are skipped.
void AppendAnalyzedConllu(const Document& doc,
                          const ConlluWriteOptions& options, std::string* out);

// Receives each sentence read by ReadConlluDocuments, or the error of a
// sentence that could not be read.
using ConlluDocumentSink = std::function<void(Result<Document>)>;

// Reads gold-tokenized CoNLL-U (`conllu`, named `name` in messages) and
// hands `sink` one Document per sentence, in order, on the calling thread,
// keeping the sentence's syntactic words exactly (multiword-token ranges
// such as "don't" are not tokens; their words "do" "n't" are). Each
// Document has: doc_id the sentence's sent_id ("STEM-N" when it has none:
// STEM the file name without directories and extension, "stdin" for "-",
// N the sentence's 1-based number in the input); source `name`; line the
// sentence's first line; text the words joined by one space, except none
// after a word whose MISC has SpaceAfter=No, inside a multiword token, or
// after a multiword token with SpaceAfter=No, and the whitespace a
// SpacesAfter attribute spells out ("\u00A0"); one body part and one
// sentence covering the text; one Token per word spanning its FORM in the
// text, with a kind guessed from its characters and Token::upper. The
// input's tags, heads and MISC are not kept (analysis is left empty).
// A malformed sentence (see analyze's CoNLL-U reader: bad columns, IDs,
// HEADs or ranges; also an empty FORM) is handed to `sink` as ParseError
// "NAME:LINE: message" and reading goes on with the next sentence (the
// next blank line). Returns the number of sentences handed to `sink`,
// errors included.
size_t ReadConlluDocuments(std::string_view conllu, std::string_view name,
                           const ConlluDocumentSink& sink);

// ReadConlluDocuments on the file at `path` ("-" reads standard input).
// Returns NotFound when `path` does not exist, InvalidArgument when it is a
// directory and IoError when it cannot be read (in those cases `sink` is
// not called); otherwise OK, with per-sentence errors going to `sink`.
Status ReadConlluDocumentsFile(const std::string& path,
                               const ConlluDocumentSink& sink);

}  // namespace dyad

#endif  // DYAD_ANALYZE_H_
