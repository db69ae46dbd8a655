// lexicon: the in-memory dictionaries the coder matches against.
//
// The model is format-neutral: the TABARI loaders (.project, .actors,
// .agents, .verbs, .options) fill it, and a PETRARCH-2 loader fills the same
// structures (verb blocks with synsets, dated actors, agents, discards).
// A Lexicon is plain data; the coder compiles it into its own index.
//
// Phrases are sequences of upper-case words. How each word may match a
// token of the text is spelled out by WordMatch, and whether the next word
// must follow immediately (TABARI "_") or may come after other words (a
// space) by PhraseWord::connected.
#ifndef DYAD_LEXICON_H_
#define DYAD_LEXICON_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/status.h"

namespace dyad {

// How a dictionary word matches a word of the text.
enum class WordMatch : uint8_t {
  kStem,   // the text word starts with it ("RESTOR" ~ "RESTORED")
  kWord,   // the whole word, or it plus a regular ending ("DEPART_",
           // "LIBYA_" ~ "LIBYAS", "DEPARTED"); TABARI's trailing "_"
  kExact,  // exactly this word, no ending (TABARI's trailing "=")
};

struct PhraseWord {
  std::string text;  // upper case, no connector characters
  WordMatch match = WordMatch::kStem;
  bool connected = false;  // the next word must follow immediately
};

// A multi-word phrase: "ITHILEN_GOVERNMENT_RADIO_" or "AL GORE".
struct Phrase {
  std::vector<PhraseWord> words;
};

// Dates are yyyymmdd integers; 0 and 99999999 leave a side open.
inline constexpr int32_t kDateMin = 0;
inline constexpr int32_t kDateMax = 99999999;

// A code valid over an inclusive date range: TABARI "[HOB < 950601]".
struct DatedCode {
  std::string code;  // "GON", "---" null, "###" discard, "+++" complex
  int32_t first = kDateMin;
  int32_t last = kDateMax;
};

// Where an entry came from, for messages ("Validate.agents:12").
struct SourceLine {
  std::string file;
  int line = 0;
};

// What an actor entry names, where its dictionary says so (dyad's default
// lexicon does, by file); TABARI and PETRARCH files leave it unknown.
enum class ActorKind {
  kUnknown,
  kPerson,        // leaders.actors
  kOrganisation,  // igos, groups, media
  kPlace,         // countries, regions
  kCapital,       // a capital: also its country's government when it acts
  kNationality,   // a demonym: "Japanese"
};

struct Actor {
  std::vector<Phrase> phrases;   // the name and its synonyms
  std::vector<DatedCode> codes;  // first one whose range holds the date wins
  SourceLine origin;
  ActorKind kind = ActorKind::kUnknown;
};

// A role such as PRESIDENT_ [~GOVPRS] or HUMAN_RIGHTS_ACTIVISTS_ [NGM~].
struct Agent {
  std::vector<Phrase> phrases;
  std::string code;     // without the "~": "GOVPRS", "NGM"
  bool prefix = false;  // true for "NGM~": put before the actor code
  SourceLine origin;
};

// One element of a verb pattern.
struct PatternToken {
  enum class Kind : uint8_t {
    kWord,          // a literal word (match as in PhraseWord)
    kSynset,        // &NAME: any member phrase of the synset
    kSource,        // $: the source actor is here
    kTarget,        // +: the target actor is here
    kCompound,      // %: a compound actor; its members act on each other
    kSkip,          // ^: an actor here is skipped
    kAlternatives,  // { a | b c | ... }: any one alternative
  };
  Kind kind = Kind::kWord;
  PhraseWord word;                                      // kWord
  std::string synset;                                   // kSynset, without "&"
  std::vector<std::vector<PatternToken>> alternatives;  // kAlternatives
  bool connected = false;  // the next element must follow immediately
  // With `connected`: the next element is in the same noun phrase, up to
  // two words on ("{NEW RELATIONS}" ~ "new economic relations").
  bool within_phrase = false;
};

// A verb's event code: "064", paired "032:033", flagged "023?" / "031!".
struct EventCode {
  std::string code;          // primary; "---" null, "###" discard, "+++"
  std::string paired;        // the reverse event's code, "" when unpaired
  bool subordinate = false;  // "?": only when no other verb codes
  bool dominant = false;     // "!": wins over other verbs of the sentence
  bool empty() const { return code.empty(); }
};

// "- SAID $ * TO ATTEND [082]": words before the verb (upper, in text
// order) and after it (lower).
struct VerbPattern {
  std::vector<PatternToken> upper;
  std::vector<PatternToken> lower;
  bool lower_connected = false;  // "*_X": X follows the verb immediately
  EventCode code;
  std::string text;  // the pattern as written, for the rule name
  SourceLine origin;
};

// A verb root with its forms and patterns.
struct Verb {
  Phrase root;                // "RESTOR", "BRUSH ASIDE REPORTS"
  std::vector<Phrase> forms;  // irregular forms: { BROKE_ BROKEN_ }
  EventCode code;             // used when no pattern matches
  std::vector<VerbPattern> patterns;
  SourceLine origin;
};

struct Synset {
  std::string name;  // without "&"
  // Each member is a sequence of pattern tokens (words and nested synsets).
  std::vector<std::vector<PatternToken>> members;
};

// <TIME> entries: "YESTERDAY [-1]", "KAN_WA_MA_KAN [###]".
struct TimeShift {
  std::vector<PatternToken> upper;  // empty for plain phrases
  std::vector<PatternToken> lower;  // the phrase itself for plain entries
  std::string code;                 // "-1", "+30", "###", "+++", "- - -"
  SourceLine origin;
};

// The .options settings the coder honours, with TABARI's defaults.
struct CoderOptions {
  // COMPLEX: VERBS[n] CONJ[n] NOACTPRIOR
  int complex_verbs = 0;  // 0: no limit; else complex when verbs >= n
  int complex_conjunctions = 0;
  bool complex_no_actor_prior = false;
  // DEFAULT: SOURCE [X] PRIOR TARGET [Y] AFTER
  std::string default_source;
  bool default_source_prior = false;
  std::string default_target;
  bool default_target_after = false;
  // COMMA: limits on comma-delimited clauses that are dropped.
  int comma_min = 2, comma_max = 10;
  int comma_end_min = 2, comma_end_max = 10;
  int comma_begin_min = 255, comma_begin_max = 0;
  // SET:
  int minimum_words = 8;
  bool convert_agents = false;
  bool time_shift = false;  // defaults to true when <TIME> is present
  bool yyyy_dates = false;
  // SET: NEWS PROSE = TRUE (dyad's own; TABARI has no such switch): rules
  // for modern news prose that TABARI's one-sentence wire leads did not
  // need: quoted speech gives the sentence no actors, objects joined by
  // "and" stay in their verb's clause, compound subjects act on each other
  // only when reciprocal, actors after prepositions are not subjects, a
  // passive without "by" has no source... (listed with examples in
  // lexicon/README.md, each tested in src/code/news_prose_test.cc).
  bool news_prose = false;
  enum class CodeBy : uint8_t { kClause, kSentence, kAll };
  CodeBy code_by = CodeBy::kClause;
  std::map<std::string, std::string> labels;  // LABEL: 010=YIELD
};

// Everything the coder needs. Owned by value; share as
// std::shared_ptr<const Lexicon> once loaded.
struct Lexicon {
  std::vector<Actor> actors;
  std::vector<Agent> agents;
  std::vector<Verb> verbs;
  std::vector<Synset> synsets;
  std::vector<TimeShift> times;
  std::vector<Phrase> nouns;       // <NOUN>: words that are never verbs
  std::vector<Phrase> adjectives;  // <ADJECTIVE>
  // Phrases that discard the sentence wherever they occur (PETRARCH
  // discards); TABARI expresses these as actors or verbs coded "###".
  std::vector<Phrase> discards;
  // What a negated verb's code becomes ("did not clash" coded 110 becomes
  // 050): code -> code, from a PETRARCH coding ontology when one is loaded.
  // A negated verb whose code is not here gives no event.
  std::map<std::string, std::string> negated_codes;
  CoderOptions options;
  bool has_time_block = false;
};

// Parses one phrase as written in a TABARI dictionary ("ITHILEN_TELEVISION",
// "AL GORE", "BAN="). Returns ParseError naming `where` when it is empty.
Result<Phrase> ParseTabariPhrase(std::string_view text,
                                 const SourceLine& where);

// Per-file loaders. Each appends what `path` defines to *lexicon and
// returns ParseError "FILE:LINE: what is wrong" for the first bad line
// (the lexicon then holds the entries before it), NotFound / IoError when
// the file cannot be read. When `errors` is non-null the loader is lenient:
// it records every bad line as "FILE:LINE: message", skips it, and returns
// OK.
Status LoadTabariActors(const std::string& path, Lexicon* lexicon,
                        std::vector<std::string>* errors = nullptr);
Status LoadTabariAgents(const std::string& path, Lexicon* lexicon,
                        std::vector<std::string>* errors = nullptr);
Status LoadTabariVerbs(const std::string& path, Lexicon* lexicon,
                       std::vector<std::string>* errors = nullptr);
Status LoadTabariOptions(const std::string& path, Lexicon* lexicon,
                         std::vector<std::string>* errors = nullptr);

// Applies one .options line ("COMPLEX: VERBS[5] CONJ[4]", "SET: CODE ALL",
// "DEFAULT: OFF", "COMMA: MIN = 4 ..."). Unknown but well-formed commands
// are ignored (TABARI has many output-only ones). Returns ParseError with
// `where` for a malformed line.
Status ApplyTabariOption(std::string_view line, const SourceLine& where,
                         CoderOptions* options);

// The files a TABARI .project names, as absolute or project-relative paths
// resolved against the project's directory. Missing entries are "".
struct TabariProject {
  std::string actors, verbs, agents, options, text;
};
Result<TabariProject> ReadTabariProject(const std::string& project_file);

// Reads the .project and loads the actors, verbs, agents and options files
// it names. Errors as for the per-file loaders.
Result<Lexicon> LoadTabariProject(const std::string& project_file);

// Loads every dictionary file in `dir` (not recursive), in name order:
// .options, .actors, .agents, .verbs (a .project file there is used instead
// when the directory holds exactly one). A directory without TABARI files
// but with PETRARCH-2 ones (*actors*.txt, *verbs*.txt...) is loaded with
// LoadPetrarchDictionaries (petrarch_lexicon.h). Returns NotFound when the
// directory holds no dictionary file.
Result<Lexicon> LoadDictionaryDir(const std::string& dir);

// Checks one dictionary file of any supported kind (chosen by extension,
// .project loads what it names; PETRARCH files by their names) and returns
// every error found, each as
// "FILE:LINE: message"; empty when the file is clean. The returned Status
// is non-OK only when the file cannot be read or its kind is unknown.
Status CheckDictionaryFile(const std::string& path,
                           std::vector<std::string>* errors);

// Loads dyad's embedded default lexicon (written in TABARI format, compiled
// into the binary). Returns Internal when the embedded data do not parse (a
// build defect) or NotFound when this build has no embedded lexicon.
Result<std::shared_ptr<const Lexicon>> LoadDefaultLexicon();

// Converts a TABARI date to yyyymmdd: "950601" (YYMMDD; YY below 30 is
// 20YY, else 19YY) or, with `yyyy`, "19950601". Returns -1 when `text` is
// not a calendar date in that form.
int32_t ParseTabariDate(std::string_view text, bool yyyy = false);

}  // namespace dyad

#endif  // DYAD_LEXICON_H_
