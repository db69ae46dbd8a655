// Document: the one object that flows through every dyad stage.
//
// ingest fills the text and the article fields; text adds sentences and
// tokens; code adds events (and later quotes and entities); store persists
// it. Every Span is a half-open byte range [begin, end) into Document::text,
// so any output can be sliced back out of the original bytes. Stages add to
// a Document and never re-read the input file.
#ifndef DYAD_DOCUMENT_H_
#define DYAD_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

// A half-open byte range [begin, end) of Document::text. 32 bits keep the
// millions of tokens of a corpus small; AnalyzeText refuses texts of 4 GiB
// or more, so spans from the stages never wrap.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  // Returns end - begin, or 0 for an inverted span (end < begin), which only
  // damaged input can produce.
  uint32_t size() const { return end > begin ? end - begin : 0; }
  bool empty() const { return end <= begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

// Which zone of an article a stretch of text belongs to. Only kHeadline,
// kCaption and kBody are coded for events; the rest are article fields.
enum class PartKind : uint8_t {
  kSection,
  kHeadline,
  kCaption,
  kBody,
  kByline,
  kCategories,
};

// Returns "section", "headline", "caption", "body", "byline", "categories".
const char* PartKindName(PartKind kind);

struct Part {
  PartKind kind = PartKind::kBody;
  Span span;
  int paragraph = 0;  // 0-based paragraph number among the body parts
};

enum class TokenKind : uint8_t {
  kWord,         // letters, with inner hyphens/periods: Secretary-General, U.S.
  kNumber,       // 1990, 3.5, 800,000, 2022's digits
  kPunct,        // , ; : ( ) - and the like
  kSentenceEnd,  // . ! ?
  kOpenQuote,    // “ or a straight " that opens
  kCloseQuote,   // ” or a straight " that closes
  kPossessive,   // the 's or ' of Russia’s, split off its word
  kSymbol,       // $ % & and other symbols
};

struct Token {
  Span span;  // bytes of this token in Document::text
  TokenKind kind = TokenKind::kWord;
  std::string upper;  // upper-cased, curly apostrophes folded to ', for
                      // dictionary matching: "RUSSIA", "'S", "U.S."
};

struct Sentence {
  Span span;
  uint32_t first_token = 0;  // index into Document::tokens
  uint32_t token_count = 0;
  PartKind part = PartKind::kBody;
  int paragraph = 0;
  // True once the analyze stage has tagged and parsed this sentence (its
  // tokens' entries of Document::analysis are filled).
  bool parsed = false;
};

// The analysis of one token (one word of a CoNLL-U sentence): tags and
// lemma from the part-of-speech tagger, head and relation from the parser.
struct TokenAnalysis {
  std::string upos;   // Universal POS: "NOUN", "PROPN", "VERB", ...
  std::string xpos;   // Penn Treebank tag: "NNP", "VBD", ...
  std::string lemma;  // "go" for "went"; proper nouns keep their case
  // Index into Document::tokens of the syntactic head; -1 for the root of
  // its sentence or when the sentence was not parsed. (PosTagger::TagWords
  // and DependencyParser leave it -1; see DependencyArc for word numbers.)
  int32_t head = -1;
  std::string deprel;  // UD relation with subtype: "nsubj:pass"; "" unparsed
};

// An actor as coded: a CAMEO-style code and the text it was read from.
struct ActorRef {
  std::string code;  // "IGOWSTNAT", "JPNGOV", "" when unknown
  std::string text;  // the words of the mention, as in the text
  Span span;         // empty when the actor was inferred, not read
};

struct Place {
  std::string name;
  std::string country;  // ISO alpha-3
  double lat = 0;
  double lon = 0;
  bool has_coordinates = false;
};

struct Event {
  ActorRef source;
  ActorRef target;
  std::string cameo;            // "042"; root, quad, goldstein, plover derive
  std::string date;             // YYYY-MM-DD, "" when unknown
  bool date_from_text = false;  // false: date is the publication date
  Place place;
  bool has_place = false;
  int sentence = -1;  // index into Document::sentences
  Span span;          // the words that evidence the event
  std::string rule;   // which pattern fired: "verbs:VISIT/042"
};

struct Quote {
  std::string text;
  Span span;
  ActorRef speaker;
};

struct Entity {
  std::string text;
  std::string type;  // PERSON, ORG, PLACE, ...
  Span span;
  std::string code;  // actor code where known
};

struct Document {
  // Identity and provenance.
  std::string doc_id;  // file name without extension, or the JSONL "id"
  std::string source;  // path the document was read from ("-" for stdin)
  uint64_t line = 0;   // 1-based line for JSONL inputs, 0 otherwise

  // The text every Span indexes. For plain-text wire stories and JSONL this
  // is the input text byte for byte; for HTML it is the extracted article
  // text (the HTML itself is not kept).
  std::string text;

  // Article fields.
  std::string published;  // YYYY-MM-DD, "" when unknown
  std::string url;
  std::string section;
  std::string headline;
  std::string caption;
  std::vector<std::string> authors;
  std::string dateline;
  std::string agency;
  std::vector<std::string> categories;

  // Zones of `text` (headline, caption, body paragraphs...), in order.
  std::vector<Part> parts;

  // Added by the text stage.
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;

  // Added by the analyze stage: parallel to `tokens` once any sentence is
  // analyzed (see Sentence::parsed), empty when no models were used.
  std::vector<TokenAnalysis> analysis;

  // Added by the code stage.
  std::vector<Event> events;
  std::vector<Quote> quotes;
  std::vector<Entity> entities;

  // Returns the bytes of `s` in `text`, or "" when `s` is inverted or runs
  // past the end (never reads out of bounds). The view borrows from `text`:
  // it is invalidated when `text` changes or the Document goes away.
  std::string_view Slice(Span s) const {
    if (s.begin > s.end || s.end > text.size()) return {};
    return std::string_view(text).substr(s.begin, s.size());
  }
};

}  // namespace dyad

#endif  // DYAD_DOCUMENT_H_
