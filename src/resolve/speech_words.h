// Word classes for finding who speaks a quote: speech verbs, pronouns,
// titles, and the small function-word lists the word-order rules need.
// All lookups take Token::upper (upper-cased, curly apostrophes folded).
#ifndef DYAD_RESOLVE_SPEECH_WORDS_H_
#define DYAD_RESOLVE_SPEECH_WORDS_H_

#include <string_view>

namespace dyad::resolve {

// The lemma ("say") when `upper` is an inflected form of a speech verb that
// is rarely anything else ("SAID", "TOLD", "WARNED", "SAYS", "SAYING");
// "" otherwise. Forms that are also common nouns ("STATES", "CALLS",
// "REPORT") are left out: without a tagger they would be misread.
std::string_view SpeechVerbLemmaOfForm(std::string_view upper);

// True when `lemma` (lower case, as the tagger gives it: "say") is a
// speech verb.
bool IsSpeechLemma(std::string_view lemma);

// True for the speech verbs that may come before their subject after a
// quote ("...,” said Stoltenberg", "added the minister"); "denies the
// charges" has an object there instead.
bool AllowsInversion(std::string_view lemma);

// Nouns for what was said rather than who said it ("a statement saying",
// "the report said"): the clause's subject is the better speaker.
bool IsUtteranceNoun(std::string_view upper);

// Number words that open a sentence ("Eight senators said").
bool IsNumberWord(std::string_view upper);

// True for "SAYING", "ADDING" and the other -ing forms: a participle whose
// subject is the main clause's.
bool IsParticipleForm(std::string_view upper);

// Subject pronouns that can speak: HE, SHE, THEY, IT, WE, I.
bool IsSpeakerPronoun(std::string_view upper);

// Words that introduce a person's name: PRESIDENT, MINISTER, SPOKESMAN,
// SECRETARY-GENERAL, MR., GEN. ...
bool IsTitleWord(std::string_view upper);

// Words that make a name an organisation: AGENCY, MINISTRY, PARTY, ...
bool IsOrganisationWord(std::string_view upper);

// Capitalised words that never belong to a name: sentence-opening function
// words (THE, IN, WHILE), pronouns, weekdays and months.
bool IsCapitalisedNonName(std::string_view upper);

// Weekdays and relative day words (YESTERDAY, TODAY): skipped between a
// subject and its verb ("Stoltenberg on Sunday said").
bool IsTimeWord(std::string_view upper);

// Auxiliaries, negation and adverbs that may stand between a subject and
// its verb ("has also said", "later told").
bool IsVerbModifier(std::string_view upper);

// Words that end a noun phrase read leftwards or rightwards: determiners,
// prepositions, conjunctions, relative pronouns.
bool IsDeterminer(std::string_view upper);
bool IsPhraseBoundary(std::string_view upper);

// Words that open a sentence with an introductory phrase ("In a statement,
// ...", "While in Seoul, ..."): the subject follows the first comma.
bool IsIntroductoryWord(std::string_view upper);

// True when `bytes` (a token as written) starts with an upper-case letter.
bool IsCapitalised(std::string_view bytes, std::string_view upper);

}  // namespace dyad::resolve

#endif  // DYAD_RESOLVE_SPEECH_WORDS_H_
