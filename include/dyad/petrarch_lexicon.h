// Loaders for the PETRARCH-2 dictionary formats (Phoenix, CAMEO 2.0 and the
// PETRARCH validation suites) into dyad's format-neutral Lexicon.
//
// The four kinds of file:
//   actors    "NAME [CODE]", "+SYNONYM" lines, and code blocks with date
//             restrictions on the name line or on indented lines after it:
//             "[CODE yymmdd-yymmdd]", "[CODE <yymmdd]", "[CODE >yymmdd]"
//             (limits inclusive; yyyymmdd also accepted).
//   agents    "WORD {PLURAL} [~CODE]" or "[CODE~]", and substitution sets
//             "!PERSON! = MAN, MEN, ..." used as "CONGRESS!PERSON!".
//   verbs     synsets ("&NAME" then "+member" lines) and verb blocks
//             "--- NAME [CODE] ---" with verb lines "VERB {FORMS} [CODE]"
//             ("WIRE_+TAP" marks the verb of a multi-word verb) and
//             patterns "- UPPER * LOWER [CODE]" holding words, "$", "+",
//             "%", "^", "&SYNSET", noun phrases "{MOD HEAD}" and
//             prepositional phrases "(PREP NOUN)".
//   discards  one phrase a line; "+" before it marks a story-level discard.
// Comments: "<!-- ... -->" (also across lines), "#" and ";" outside code
// blocks, and whole lines starting with "#" or "<!".
//
// How the formats map onto the Lexicon (PETRARCH matches complete words,
// so every PhraseWord is WordMatch::kExact and the regular forms PETRARCH
// would generate are spelled out instead):
//   - Actor::codes: dated restrictions first, in file order, then the
//     undated default; an entry without a default gets "---" (PETRARCH
//     reads "no code" as the null actor). "A/B" codes become several
//     DatedCodes over the same range, as in the TABARI loader, unless
//     PetrarchActorOptions says to keep them whole.
//   - Agent::phrases: the phrase, its plural (regular, or the one in
//     "{...}", none for "{}"), or every substitution of its markers.
//   - Verb: one per verb block and event code. Verbs of a block that share
//     a code become one Verb whose root is the first and whose forms are
//     the others plus all inflections; every Verb of a block carries all
//     of the block's patterns (PETRARCH attaches patterns to the block).
//   - Synset: members as connected words, plus their plurals unless the
//     label or the member ends with "_". Patterns that name a synset the
//     file never defines are skipped, as PETRARCH skips them.
//   - Lexicon::discards: story-level and sentence-level discards alike
//     (the model has no story-level list); a trailing "_" makes the last
//     word whole, otherwise it is a stem as PETRARCH documents.
//   - Verb transformations ("~ a (a b ATTACK) SAY = a b 015") have no place
//     in the model and are read over without error.
//
// What PETRARCH itself reads without complaint is accepted the same way,
// so that the Phoenix files load cleanly: dates of 7 digits are YYMMDD and
// of more than 8 are YYYYMMDD plus ignored digits; "[CODE date]" without
// "<" or ">" starts at the date; a reversed range is kept (it never holds);
// an agent line with no code at all is skipped; "[~ENV}" reads as
// "[~ENV]"; a word glued to a stray ")" or "}" in a pattern is dropped; a
// pattern line may start with "*" instead of "- *".
#ifndef DYAD_PETRARCH_LEXICON_H_
#define DYAD_PETRARCH_LEXICON_H_

#include <string>
#include <string_view>
#include <vector>

#include "dyad/lexicon.h"
#include "dyad/status.h"

namespace dyad {

// How an actor code block "[A/B]" is read. PETRARCH-2 codes one event for
// each of A and B (its unit tests expect FRO and BIL apart for
// "[FRO/BIL/SAM]"); UniversalPetrarch keeps "A/B" as one code (its
// validation records expect "FRO/BIL/SAM").
enum class SlashedActorCodes { kSeveral, kOne };

struct PetrarchActorOptions {
  SlashedActorCodes slashed = SlashedActorCodes::kSeveral;
};

// Per-file loaders, with the contract of the TABARI loaders in lexicon.h:
// each appends what `path` defines to *lexicon and returns ParseError
// "FILE:LINE: what is wrong" for the first bad line (the lexicon then holds
// what was read before it), NotFound / IoError when the file cannot be
// read. When `errors` is non-null the loader is lenient: it records every
// bad line as "FILE:LINE: message", skips it, and returns OK.
Status LoadPetrarchActors(const std::string& path, Lexicon* lexicon,
                          std::vector<std::string>* errors = nullptr,
                          const PetrarchActorOptions& options = {});
Status LoadPetrarchAgents(const std::string& path, Lexicon* lexicon,
                          std::vector<std::string>* errors = nullptr);
Status LoadPetrarchVerbs(const std::string& path, Lexicon* lexicon,
                         std::vector<std::string>* errors = nullptr);
Status LoadPetrarchDiscards(const std::string& path, Lexicon* lexicon,
                            std::vector<std::string>* errors = nullptr);
// UniversalPetrarch's internal coding ontology (PICO): lines
// "CODE:VALUE[#...]" where VALUE is a sum of hexadecimal terms such as
// "0x1000", "-0xFFFF+0x0070". Negation subtracts 0xFFFF, so a code whose
// value minus 0xFFFF is another code's value is negated into that code
// (010 "make a statement" into 011 "decline to comment"); those pairs are
// added to Lexicon::negated_codes. Errors as for the other loaders.
Status LoadPetrarchCodingOntology(const std::string& path, Lexicon* lexicon,
                                  std::vector<std::string>* errors = nullptr);

// The same parsers over text already in memory; `name` stands for the file
// in messages ("NAME:LINE: ..."). Never return NotFound or IoError.
Status LoadPetrarchActorsFromString(std::string_view contents,
                                    std::string_view name, Lexicon* lexicon,
                                    std::vector<std::string>* errors = nullptr,
                                    const PetrarchActorOptions& options = {});
Status LoadPetrarchAgentsFromString(std::string_view contents,
                                    std::string_view name, Lexicon* lexicon,
                                    std::vector<std::string>* errors = nullptr);
Status LoadPetrarchVerbsFromString(std::string_view contents,
                                   std::string_view name, Lexicon* lexicon,
                                   std::vector<std::string>* errors = nullptr);
Status LoadPetrarchDiscardsFromString(
    std::string_view contents, std::string_view name, Lexicon* lexicon,
    std::vector<std::string>* errors = nullptr);
Status LoadPetrarchCodingOntologyFromString(
    std::string_view contents, std::string_view name, Lexicon* lexicon,
    std::vector<std::string>* errors = nullptr);

enum class PetrarchFileKind { kNone, kActors, kAgents, kVerbs, kDiscards };

// The kind of PETRARCH dictionary a file name denotes (directory part
// ignored, case-insensitive): "*actors*.txt", "*agents*.txt",
// "*verbs*.txt" or "CAMEO*.txt", "*discards*.txt"; kNone otherwise.
PetrarchFileKind PetrarchKindOf(std::string_view path);

// True when PetrarchKindOf(path) is not kNone and `path` is a regular file.
bool LooksLikePetrarchDictionary(const std::string& path);

// Loads one file with the loader its name selects. InvalidArgument when the
// name matches no PETRARCH kind; otherwise as the per-file loaders.
Status LoadPetrarchFile(const std::string& path, Lexicon* lexicon,
                        std::vector<std::string>* errors = nullptr);

// Loads the PETRARCH dictionaries of `dir` (not recursive) in name order:
// every actors file, then agents, verbs and discards. PETRARCH reads a
// single verb dictionary, so when several files look like verbs only the
// first in name order is loaded (CAMEO.2.0.txt of the Phoenix set, before
// the older CAMEO.verbpatterns.*.txt). Strict: returns the first
// ParseError. NotFound when `dir` is not a directory or holds no PETRARCH
// dictionary.
Result<Lexicon> LoadPetrarchDictionaries(const std::string& dir);

// Converts a PETRARCH date, "950601" (YY <= 30 read as 20YY) or
// "19950601", to yyyymmdd; returns -1 when it is not a calendar date.
int32_t ParsePetrarchDate(std::string_view text);

}  // namespace dyad

#endif  // DYAD_PETRARCH_LEXICON_H_
