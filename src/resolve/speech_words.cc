#include "resolve/speech_words.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace dyad::resolve {
namespace {

using WordSet = std::unordered_set<std::string_view>;

// Each speech verb with its forms. `noun_too`: the bare and -s forms are
// common nouns ("a note", "the states"), so only the past and -ing forms
// count when no tagger has looked at the sentence.
struct SpeechVerb {
  std::string_view lemma;
  std::string_view third_person;
  std::string_view past;
  std::string_view participle;
  bool noun_too;
};

constexpr SpeechVerb kSpeechVerbs[] = {
    {"say", "says", "said", "saying", false},
    {"tell", "tells", "told", "telling", false},
    {"add", "adds", "added", "adding", false},
    {"warn", "warns", "warned", "warning", false},
    {"stress", "stresses", "stressed", "stressing", true},
    {"note", "notes", "noted", "noting", true},
    {"insist", "insists", "insisted", "insisting", false},
    {"declare", "declares", "declared", "declaring", false},
    {"write", "writes", "wrote", "writing", false},
    {"ask", "asks", "asked", "asking", false},
    {"state", "states", "stated", "stating", true},
    {"announce", "announces", "announced", "announcing", false},
    {"claim", "claims", "claimed", "claiming", true},
    {"explain", "explains", "explained", "explaining", false},
    {"argue", "argues", "argued", "arguing", false},
    {"reply", "replies", "replied", "replying", true},
    {"respond", "responds", "responded", "responding", false},
    {"urge", "urges", "urged", "urging", true},
    {"vow", "vows", "vowed", "vowing", true},
    {"promise", "promises", "promised", "promising", true},
    {"deny", "denies", "denied", "denying", false},
    {"admit", "admits", "admitted", "admitting", false},
    {"acknowledge", "acknowledges", "acknowledged", "acknowledging", false},
    {"suggest", "suggests", "suggested", "suggesting", false},
    {"comment", "comments", "commented", "commenting", true},
    {"remark", "remarks", "remarked", "remarking", true},
    {"report", "reports", "reported", "reporting", true},
    {"describe", "describes", "described", "describing", false},
    {"call", "calls", "called", "calling", true},
    {"criticize", "criticizes", "criticized", "criticizing", false},
    {"criticise", "criticises", "criticised", "criticising", false},
    {"condemn", "condemns", "condemned", "condemning", false},
    {"accuse", "accuses", "accused", "accusing", false},
    {"recall", "recalls", "recalled", "recalling", true},
    {"predict", "predicts", "predicted", "predicting", false},
    {"complain", "complains", "complained", "complaining", false},
    {"demand", "demands", "demanded", "demanding", true},
    {"concede", "concedes", "conceded", "conceding", false},
    {"caution", "cautions", "cautioned", "cautioning", true},
    {"assert", "asserts", "asserted", "asserting", false},
    {"affirm", "affirms", "affirmed", "affirming", false},
    {"reiterate", "reiterates", "reiterated", "reiterating", false},
    {"emphasize", "emphasizes", "emphasized", "emphasizing", false},
    {"emphasise", "emphasises", "emphasised", "emphasising", false},
    {"underscore", "underscores", "underscored", "underscoring", true},
    {"tweet", "tweets", "tweeted", "tweeting", true},
    {"quip", "quips", "quipped", "quipping", true},
    {"conclude", "concludes", "concluded", "concluding", false},
    {"mention", "mentions", "mentioned", "mentioning", true},
    {"confirm", "confirms", "confirmed", "confirming", false},
    {"observe", "observes", "observed", "observing", false},
    {"pledge", "pledges", "pledged", "pledging", true},
    {"threaten", "threatens", "threatened", "threatening", false},
    {"charge", "charges", "charged", "charging", true},
    {"contend", "contends", "contended", "contending", false},
    {"testify", "testifies", "testified", "testifying", false},
    {"lament", "laments", "lamented", "lamenting", true},
    {"boast", "boasts", "boasted", "boasting", true},
    {"joke", "jokes", "joked", "joking", true},
    {"allege", "alleges", "alleged", "alleging", false},
    {"agree", "agrees", "agreed", "agreeing", false},
    {"continue", "continues", "continued", "continuing", false},
    {"characterize", "characterizes", "characterized", "characterizing", false},
    {"characterise", "characterises", "characterised", "characterising", false},
    {"fret", "frets", "fretted", "fretting", true},
    {"confide", "confides", "confided", "confiding", false},
    {"proclaim", "proclaims", "proclaimed", "proclaiming", false},
    {"recount", "recounts", "recounted", "recounting", true},
    {"express", "expresses", "expressed", "expressing", true},
};

std::string Upper(std::string_view lower) {
  std::string out(lower);
  for (char& c : out)
    c = static_cast<char>(c - ('a' <= c && c <= 'z' ? 32 : 0));
  return out;
}

struct SpeechTables {
  std::unordered_map<std::string, std::string_view> lemma_of_form;
  WordSet lemmas;
  SpeechTables() {
    for (const SpeechVerb& verb : kSpeechVerbs) {
      lemmas.insert(verb.lemma);
      if (!verb.noun_too) {
        lemma_of_form.emplace(Upper(verb.lemma), verb.lemma);
        lemma_of_form.emplace(Upper(verb.third_person), verb.lemma);
      }
      lemma_of_form.emplace(Upper(verb.past), verb.lemma);
      lemma_of_form.emplace(Upper(verb.participle), verb.lemma);
    }
    lemma_of_form.emplace("WRITTEN", "write");
  }
};

const SpeechTables& Tables() {
  static const SpeechTables* tables = new SpeechTables();
  return *tables;
}

bool In(const WordSet& set, std::string_view upper) {
  return set.count(upper) != 0;
}

}  // namespace

std::string_view SpeechVerbLemmaOfForm(std::string_view upper) {
  const auto& forms = Tables().lemma_of_form;
  auto it = forms.find(std::string(upper));
  return it == forms.end() ? std::string_view() : it->second;
}

bool IsSpeechLemma(std::string_view lemma) {
  return Tables().lemmas.count(lemma) != 0;
}

bool AllowsInversion(std::string_view lemma) {
  static const WordSet* const lemmas = new WordSet{
      "say",       "add",      "write",   "ask",      "explain",  "reply",
      "respond",   "insist",   "warn",    "note",     "declare",  "stress",
      "recall",    "conclude", "remark",  "comment",  "quip",     "observe",
      "joke",      "argue",    "tweet",   "state",    "announce", "emphasize",
      "emphasise", "caution",  "concede", "lament",   "boast",    "continue",
      "agree",     "fret",     "confide", "proclaim", "recount",  "allege"};
  return In(*lemmas, lemma);
}

bool IsUtteranceNoun(std::string_view upper) {
  static const WordSet* const words = new WordSet{
      "STATEMENT",   "REPORT",    "LETTER",       "POST",       "MESSAGE",
      "TWEET",       "VIDEO",     "INTERVIEW",    "RELEASE",    "COMMUNIQUE",
      "DECLARATION", "SPEECH",    "REMARKS",      "ADDRESS",    "NOTE",
      "MEMO",        "DOCUMENT",  "RESOLUTION",   "ARTICLE",    "EDITORIAL",
      "COMMENTARY",  "BROADCAST", "ANNOUNCEMENT", "STATEMENTS", "REPORTS",
      "POSTS",       "ORDER",     "RULING",       "VERDICT",    "BILL",
      "LAW",         "DECREE",    "CHARGES",      "INDICTMENT", "COMPLAINT"};
  return In(*words, upper);
}

bool IsNumberWord(std::string_view upper) {
  static const WordSet* const words = new WordSet{
      "ONE",       "TWO",     "THREE", "FOUR",  "FIVE",   "SIX",
      "SEVEN",     "EIGHT",   "NINE",  "TEN",   "ELEVEN", "TWELVE",
      "TWENTY",    "THIRTY",  "FORTY", "FIFTY", "DOZENS", "HUNDREDS",
      "THOUSANDS", "SEVERAL", "BOTH",  "MANY",  "FEW",    "OTHER"};
  return In(*words, upper);
}

bool IsParticipleForm(std::string_view upper) {
  return upper.size() > 4 && upper.substr(upper.size() - 3) == "ING";
}

bool IsSpeakerPronoun(std::string_view upper) {
  static const WordSet* const words =
      new WordSet{"HE", "SHE", "THEY", "IT", "WE", "I"};
  return In(*words, upper);
}

bool IsTitleWord(std::string_view upper) {
  static const WordSet* const words = new WordSet{
      "PRESIDENT",
      "PRESIDENT-ELECT",
      "VICE",
      "PRIME",
      "MINISTER",
      "SECRETARY",
      "SECRETARY-GENERAL",
      "UNDERSECRETARY",
      "UNDER-SECRETARY",
      "CHANCELLOR",
      "KING",
      "QUEEN",
      "PRINCE",
      "PRINCESS",
      "EMPEROR",
      "POPE",
      "GENERAL",
      "GEN.",
      "LT.",
      "COL.",
      "MAJ.",
      "CAPT.",
      "SGT.",
      "ADM.",
      "ADMIRAL",
      "COMMANDER",
      "CMDR.",
      "SEN.",
      "SENATOR",
      "REP.",
      "REPRESENTATIVE",
      "GOV.",
      "GOVERNOR",
      "MAYOR",
      "AMBASSADOR",
      "ENVOY",
      "MR.",
      "MRS.",
      "MS.",
      "MR",
      "MRS",
      "MS",
      "DR.",
      "PROF.",
      "PROFESSOR",
      "CHAIRMAN",
      "CHAIRWOMAN",
      "CHAIRPERSON",
      "CHIEF",
      "DIRECTOR",
      "SPOKESMAN",
      "SPOKESWOMAN",
      "SPOKESPERSON",
      "DEPUTY",
      "PREMIER",
      "JUDGE",
      "JUSTICE",
      "SHEIKH",
      "EMIR",
      "AYATOLLAH",
      "CARDINAL",
      "BISHOP",
      "REV.",
      "LEADER",
      "CEO",
      "COMMISSIONER",
      "ATTORNEY",
      "CROWN",
      "SPEAKER",
      "OFFICIAL",
      "ADVISER",
      "ADVISOR",
      "DIPLOMAT",
      "FOREIGN",
      "DEFENSE",
      "DEFENCE",
      "INTERIOR",
      "FINANCE",
      "MARSHAL",
  };
  return In(*words, upper);
}

bool IsOrganisationWord(std::string_view upper) {
  static const WordSet* const words = new WordSet{
      "AGENCY",     "MINISTRY",    "OFFICE",     "COUNCIL",      "COMMITTEE",
      "COMMISSION", "PARTY",       "ARMY",       "NAVY",         "FORCE",
      "FORCES",     "GOVERNMENT",  "UNION",      "ORGANIZATION", "ORGANISATION",
      "DEPARTMENT", "BANK",        "COMPANY",    "CORP.",        "INC.",
      "LTD.",       "GROUP",       "NEWS",       "TIMES",        "POST",
      "PRESS",      "ASSOCIATION", "ALLIANCE",   "FUND",         "INSTITUTE",
      "UNIVERSITY", "COURT",       "PARLIAMENT", "CONGRESS",     "SENATE",
      "ASSEMBLY",   "CABINET",     "KREMLIN",    "PENTAGON",     "HOUSE",
      "SERVICE",    "BUREAU",      "AUTHORITY",  "FEDERATION",   "NATIONS",
      "STATES",     "REPUBLIC",    "KINGDOM",    "FRONT",        "MOVEMENT",
      "BRIGADE",    "COMMAND",     "CENTER",     "CENTRE",       "FOUNDATION",
      "COALITION",  "BASE",        "CITY",       "PROVINCE",     "COUNTY",
      "REGION",     "ISLAND",      "ISLANDS",    "SEA",          "RIVER",
      "STREET",     "AIRPORT",     "TELEVISION", "TV",           "RADIO",
      "AGENCY'S",   "JOURNAL",     "NETWORK",    "BOARD",        "COUNCIL'S",
      "POLICE",
  };
  return In(*words, upper);
}

bool IsCapitalisedNonName(std::string_view upper) {
  static const WordSet* const words = new WordSet{
      "THE",       "A",        "AN",      "IN",        "ON",       "AT",
      "OF",        "FOR",      "TO",      "FROM",      "BY",       "WITH",
      "BUT",       "AND",      "OR",      "NOR",       "SO",       "IF",
      "WHILE",     "WHEN",     "WHERE",   "AFTER",     "BEFORE",   "AS",
      "SINCE",     "UNTIL",    "THOUGH",  "ALTHOUGH",  "BECAUSE",  "THIS",
      "THAT",      "THESE",    "THOSE",   "THERE",     "HERE",     "IT",
      "HE",        "SHE",      "THEY",    "WE",        "I",        "YOU",
      "HIS",       "HER",      "THEIR",   "ITS",       "OUR",      "MY",
      "YOUR",      "WHAT",     "WHO",     "WHOM",      "WHY",      "HOW",
      "WHICH",     "ALSO",     "STILL",   "YET",       "NOW",      "THEN",
      "MEANWHILE", "HOWEVER",  "SOME",    "MANY",      "MOST",     "ALL",
      "NO",        "NOT",      "ONE",     "DURING",    "DESPITE",  "FOLLOWING",
      "ACCORDING", "LAST",     "EARLIER", "LATER",     "OVER",     "UNDER",
      "ABOUT",     "AMONG",    "BETWEEN", "THROUGH",   "AGAINST",  "WITHOUT",
      "WITHIN",    "MONDAY",   "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
      "SATURDAY",  "SUNDAY",   "JANUARY", "FEBRUARY",  "MARCH",    "APRIL",
      "JUNE",      "JULY",     "AUGUST",  "SEPTEMBER", "OCTOBER",  "NOVEMBER",
      "DECEMBER",  "JAN.",     "FEB.",    "AUG.",      "SEPT.",    "SEP.",
      "OCT.",      "NOV.",     "DEC.",    "YESTERDAY", "TODAY",    "TOMORROW",
      "ASKED",     "SPEAKING", "SAID",    "SAYS",      "WHETHER",  "OTHERS",
  };
  return In(*words, upper);
}

bool IsTimeWord(std::string_view upper) {
  static const WordSet* const words = new WordSet{
      "YESTERDAY", "TODAY",     "TONIGHT",  "TOMORROW",  "MONDAY",
      "TUESDAY",   "WEDNESDAY", "THURSDAY", "FRIDAY",    "SATURDAY",
      "SUNDAY",    "LATER",     "EARLIER",  "ON",        "LAST",
      "WEEK",      "NIGHT",     "MORNING",  "AFTERNOON", "EVENING",
  };
  return In(*words, upper);
}

bool IsVerbModifier(std::string_view upper) {
  static const WordSet* const words = new WordSet{
      "HAS",        "HAVE",       "HAD",      "IS",         "WAS",
      "WERE",       "ARE",        "WILL",     "WOULD",      "SHALL",
      "SHOULD",     "CAN",        "COULD",    "MAY",        "MIGHT",
      "MUST",       "DID",        "DOES",     "DO",         "BEEN",
      "BE",         "NOT",        "N'T",      "ALSO",       "AGAIN",
      "THEN",       "ONCE",       "STILL",    "REPEATEDLY", "FURTHER",
      "ALREADY",    "OFTEN",      "RECENTLY", "PREVIOUSLY", "FREQUENTLY",
      "REPORTEDLY", "REPEATEDLY", "PUBLICLY", "LATER",      "EARLIER",
  };
  return In(*words, upper);
}

bool IsDeterminer(std::string_view upper) {
  static const WordSet* const words = new WordSet{
      "THE",  "A",   "AN",   "THIS",  "THAT",    "THESE",   "THOSE",
      "HIS",  "HER", "ITS",  "THEIR", "OUR",     "MY",      "YOUR",
      "SOME", "ANY", "EACH", "EVERY", "ANOTHER", "SEVERAL", "MANY",
  };
  return In(*words, upper);
}

bool IsPhraseBoundary(std::string_view upper) {
  static const WordSet* const words = new WordSet{
      "IN",      "ON",    "AT",    "OF",      "FOR",    "TO",      "FROM",
      "BY",      "WITH",  "ABOUT", "AFTER",   "BEFORE", "DURING",  "OVER",
      "UNDER",   "INTO",  "ONTO",  "AGAINST", "AMONG",  "BETWEEN", "THROUGH",
      "WITHOUT", "NEAR",  "AS",    "LIKE",    "AND",    "OR",      "BUT",
      "NOR",     "SO",    "YET",   "THAT",    "WHICH",  "WHO",     "WHOM",
      "WHOSE",   "WHILE", "WHEN",  "WHERE",   "IF",     "BECAUSE", "SINCE",
      "THAN",    "HAS",   "HAVE",  "HAD",     "IS",     "WAS",     "WERE",
      "ARE",     "WILL",  "WOULD", "IT",      "HE",     "SHE",     "THEY",
      "WE",      "I",     "NOT",   "ALSO",
  };
  return In(*words, upper);
}

bool IsIntroductoryWord(std::string_view upper) {
  static const WordSet* const words = new WordSet{
      "IN",        "ON",        "AT",         "WHILE",    "AFTER",
      "BEFORE",    "DURING",    "SINCE",      "WHEN",     "AS",
      "DESPITE",   "FOLLOWING", "LAST",       "EARLIER",  "LATER",
      "SPEAKING",  "ASKED",     "FOR",        "WITH",     "UNDER",
      "THOUGH",    "ALTHOUGH",  "BECAUSE",    "IF",       "MEANWHILE",
      "HOWEVER",   "YESTERDAY", "TODAY",      "MONDAY",   "TUESDAY",
      "WEDNESDAY", "THURSDAY",  "FRIDAY",     "SATURDAY", "SUNDAY",
      "FROM",      "UNLIKE",    "ADDRESSING", "WRITING",  "AMID",
  };
  return In(*words, upper);
}

bool IsCapitalised(std::string_view bytes, std::string_view upper) {
  if (bytes.empty()) return false;
  const unsigned char first = static_cast<unsigned char>(bytes[0]);
  if (first < 0x80) return first >= 'A' && first <= 'Z';
  // A non-ASCII letter is capitalised when upper-casing leaves its bytes as
  // they are (caseless scripts count as capitalised).
  size_t length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
  if (length > bytes.size() || length > upper.size()) return false;
  return bytes.substr(0, length) == upper.substr(0, length);
}

}  // namespace dyad::resolve
