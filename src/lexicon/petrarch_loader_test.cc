// Unit tests for the PETRARCH-2 loaders on small inline dictionaries.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "dyad/petrarch_lexicon.h"

namespace dyad {
namespace {

std::string Words(const Phrase& phrase) {
  std::string out;
  for (const PhraseWord& w : phrase.words) {
    out += w.text;
    if (&w != &phrase.words.back()) out += w.connected ? "_" : " ";
  }
  return out;
}

// Renders tokens as written: words, $ + % ^, &SYN, {a|b}; "_" joins.
std::string Render(const std::vector<PatternToken>& tokens) {
  std::string out;
  for (const PatternToken& t : tokens) {
    switch (t.kind) {
      case PatternToken::Kind::kWord:
        out += t.word.text;
        break;
      case PatternToken::Kind::kSynset:
        out += "&";
        out += t.synset;
        break;
      case PatternToken::Kind::kSource:
        out += "$";
        break;
      case PatternToken::Kind::kTarget:
        out += "+";
        break;
      case PatternToken::Kind::kCompound:
        out += "%";
        break;
      case PatternToken::Kind::kSkip:
        out += "^";
        break;
      case PatternToken::Kind::kAlternatives: {
        out += "{";
        for (size_t k = 0; k < t.alternatives.size(); ++k) {
          if (k) out += "|";
          out += Render(t.alternatives[k]);
        }
        out += "}";
        break;
      }
    }
    if (&t != &tokens.back()) out += t.connected ? "_" : " ";
  }
  return out;
}

// The code an actor has on `date`: the first whose range holds it.
std::string CodeOn(const Actor& actor, int32_t date) {
  for (const DatedCode& c : actor.codes)
    if (c.first <= date && date <= c.last) return c.code;
  return "";
}

const Actor* FindActor(const Lexicon& lexicon, const std::string& name) {
  for (const Actor& a : lexicon.actors)
    for (const Phrase& p : a.phrases)
      if (Words(p) == name) return &a;
  return nullptr;
}

// --- dates -----------------------------------------------------------

TEST(PetrarchDate, WindowAndValidity) {
  EXPECT_EQ(ParsePetrarchDate("950601"), 19950601);
  EXPECT_EQ(ParsePetrarchDate("300101"), 20300101);  // YY <= 30 -> 20YY
  EXPECT_EQ(ParsePetrarchDate("310101"), 19310101);
  EXPECT_EQ(ParsePetrarchDate("070723"), 20070723);
  EXPECT_EQ(ParsePetrarchDate("19170101"), 19170101);
  EXPECT_EQ(ParsePetrarchDate("20120229"), 20120229);  // leap year
  EXPECT_EQ(ParsePetrarchDate("20100229"), -1);
  EXPECT_EQ(ParsePetrarchDate("19000229"), -1);  // not a leap year
  EXPECT_EQ(ParsePetrarchDate("20000229"), 20000229);
  EXPECT_EQ(ParsePetrarchDate("20100931"), -1);
  EXPECT_EQ(ParsePetrarchDate("951301"), -1);
  EXPECT_EQ(ParsePetrarchDate("950600"), -1);
  EXPECT_EQ(ParsePetrarchDate("9506"), -1);
  // PETRARCH's reading of over-long dates (typos found in Phoenix).
  EXPECT_EQ(ParsePetrarchDate("9008223"), 19900822);
  EXPECT_EQ(ParsePetrarchDate("201005011"), 20100501);
  EXPECT_EQ(ParsePetrarchDate("95o601"), -1);
  EXPECT_EQ(ParsePetrarchDate(""), -1);
}

// --- actors ----------------------------------------------------------

TEST(PetrarchActors, NamesSynonymsAndComments) {
  Lexicon lex;
  ASSERT_TRUE(LoadPetrarchActorsFromString(
                  "<!-- header -->\n"
                  "<!-- a comment\n"
                  "   over lines -->\n"
                  "# a comment line\n"
                  "AUSTRALIA [AUS]  # note\n"
                  "+AUSTRALIAN\n"
                  "+GREAT_SOUTHERN LAND\n"
                  "\n"
                  "CARAS GALADHON [ELF];legacy comment\n"
                  "ZIMBABWE\n"
                  "\t[RHO <790606]\n"
                  "\t[ZBW]#jw 9/30/91\n"
                  "A.H._BELO_CORPORATION_\t[MNCMED]\tNewspapers\t$137,000\n",
                  "t.actors.txt", &lex)
                  .ok());
  ASSERT_EQ(lex.actors.size(), 4u);
  const Actor& aus = lex.actors[0];
  ASSERT_EQ(aus.phrases.size(), 3u);
  EXPECT_EQ(Words(aus.phrases[0]), "AUSTRALIA");
  EXPECT_EQ(Words(aus.phrases[2]), "GREAT_SOUTHERN_LAND");
  EXPECT_EQ(aus.phrases[0].words[0].match, WordMatch::kExact);
  ASSERT_EQ(aus.codes.size(), 1u);
  EXPECT_EQ(aus.codes[0].code, "AUS");
  EXPECT_EQ(aus.origin.file, "t.actors.txt");
  EXPECT_EQ(aus.origin.line, 5);
  EXPECT_EQ(Words(lex.actors[1].phrases[0]), "CARAS_GALADHON");
  EXPECT_EQ(lex.actors[3].codes[0].code, "MNCMED");  // trailing note ignored
  EXPECT_EQ(Words(lex.actors[3].phrases[0]), "A.H._BELO_CORPORATION");
}

TEST(PetrarchActors, DateRangesPickedByDate) {
  Lexicon lex;
  ASSERT_TRUE(LoadPetrarchActorsFromString(
                  "SAM_GAMGEE [HOB]\n"
                  "\t[HOBCIV <20080120]\n"
                  "\t[ORCHOB 20100109-20100112]\n"
                  "\t[HOBMIL 20080120-20121109]\n"
                  "\t[HOBGOV 20121109-20130119]\n"
                  "\t[HOBELI >20130119]\n"
                  "GOLLUM\n"
                  "+SMEAGOL\n"
                  "\t[HOB < 950601]\n"
                  "\t[HOBGOV 19950601 - 19990815]\n"
                  "\t[HOBREB > 990816]\n"
                  "MOHAMMAD_ZAHIR_SHAH_\n"
                  "\t[AFGELI 320101-331108]\n"
                  "\t[AFGGOV 331108-730717]\n"
                  "KOFI_ATTA_ANNAN_\t[IGOUNO 970101-061231] [ELI]\n",
                  "dates.txt", &lex)
                  .ok());
  const Actor* sam = FindActor(lex, "SAM_GAMGEE");
  ASSERT_NE(sam, nullptr);
  EXPECT_EQ(CodeOn(*sam, 20070101), "HOBCIV");
  EXPECT_EQ(CodeOn(*sam, 20080120), "HOBCIV");  // limits are inclusive
  EXPECT_EQ(CodeOn(*sam, 20100110), "ORCHOB");  // earlier line wins
  EXPECT_EQ(CodeOn(*sam, 20100113), "HOBMIL");
  EXPECT_EQ(CodeOn(*sam, 20121201), "HOBGOV");
  EXPECT_EQ(CodeOn(*sam, 20200101), "HOBELI");
  EXPECT_EQ(sam->codes.back().code, "HOB");  // the default comes last

  const Actor* gollum = FindActor(lex, "SMEAGOL");
  ASSERT_NE(gollum, nullptr);
  EXPECT_EQ(gollum, FindActor(lex, "GOLLUM"));
  EXPECT_EQ(CodeOn(*gollum, 19900101), "HOB");
  EXPECT_EQ(CodeOn(*gollum, 19970101), "HOBGOV");
  EXPECT_EQ(CodeOn(*gollum, 19990816), "HOBREB");
  EXPECT_EQ(gollum->codes.back().code, "---");  // no default: null actor
  const Actor* shah = FindActor(lex, "MOHAMMAD_ZAHIR_SHAH");
  ASSERT_NE(shah, nullptr);
  EXPECT_EQ(CodeOn(*shah, 19320101), "AFGELI");
  EXPECT_EQ(CodeOn(*shah, 19500101), "AFGGOV");
  EXPECT_EQ(CodeOn(*shah, 19800101), "---");
  const Actor* annan = FindActor(lex, "KOFI_ATTA_ANNAN");
  ASSERT_NE(annan, nullptr);
  EXPECT_EQ(CodeOn(*annan, 20000101), "IGOUNO");
  EXPECT_EQ(CodeOn(*annan, 20100101), "ELI");
}

TEST(PetrarchActors, SeveralCodesAndSpecialCodes) {
  Lexicon lex;
  ASSERT_TRUE(LoadPetrarchActorsFromString(
                  "THE_SHIRE [FRO/BIL/SAM]\nISILDUR [+++]\nBOROMIR [---]\n"
                  "MONTHS LATER\n",
                  "x", &lex)
                  .ok());
  ASSERT_EQ(lex.actors.size(), 4u);
  ASSERT_EQ(lex.actors[0].codes.size(), 3u);
  EXPECT_EQ(lex.actors[0].codes[1].code, "BIL");
  EXPECT_EQ(lex.actors[1].codes[0].code, "+++");
  EXPECT_EQ(lex.actors[2].codes[0].code, "---");
  ASSERT_EQ(lex.actors[3].codes.size(), 1u);
  EXPECT_EQ(lex.actors[3].codes[0].code, "---");
}

TEST(PetrarchActors, SlashedCodesKeptWholeForUniversalPetrarch) {
  Lexicon lex;
  PetrarchActorOptions options;
  options.slashed = SlashedActorCodes::kOne;
  ASSERT_TRUE(LoadPetrarchActorsFromString(
                  "THE_SHIRE [FRO/BIL/SAM]\nLORIEN\n\t[ELR/GAL >990101]\n"
                  "\t[ELR]\n",
                  "x", &lex, nullptr, options)
                  .ok());
  ASSERT_EQ(lex.actors.size(), 2u);
  ASSERT_EQ(lex.actors[0].codes.size(), 1u);
  EXPECT_EQ(lex.actors[0].codes[0].code, "FRO/BIL/SAM");
  EXPECT_EQ(CodeOn(lex.actors[1], 20000101), "ELR/GAL");
  EXPECT_EQ(CodeOn(lex.actors[1], 19980101), "ELR");
}

TEST(PetrarchActors, QuirksPetrarchAccepts) {
  Lexicon lex;
  ASSERT_TRUE(LoadPetrarchActorsFromString(
                  "MILO_DUKANOVIC_\n"
                  "\t[MNEGOV 20121204]\n"  // a bare date: from then on
                  "\t[MNEGOV 20080229-20101229]\n"
                  "X\n\t[A 20121207-20120802]\n"  // reversed: never holds
                  "Y\n\t[B 9008223-911221]\n"     // 7 digits: YYMMDD + junk
                  "+FAEROYENE]_\n",               // stray ']' dropped
                  "q.txt", &lex)
                  .ok());
  ASSERT_EQ(lex.actors.size(), 3u);
  EXPECT_EQ(CodeOn(lex.actors[0], 20130101), "MNEGOV");
  EXPECT_EQ(CodeOn(lex.actors[0], 20110101), "---");
  EXPECT_EQ(CodeOn(lex.actors[0], 20090101), "MNEGOV");
  EXPECT_EQ(CodeOn(lex.actors[1], 20120901), "---");
  EXPECT_EQ(CodeOn(lex.actors[2], 19900822), "B");
  EXPECT_EQ(CodeOn(lex.actors[2], 19900821), "---");
  EXPECT_EQ(Words(lex.actors[2].phrases[1]), "FAEROYENE");
}

struct BadCase {
  const char* text;
  const char* expected;  // a prefix of the message: "FILE:LINE: ..."
};

void ExpectFirstError(Status (*load)(std::string_view, std::string_view,
                                     Lexicon*, std::vector<std::string>*),
                      const BadCase& c) {
  Lexicon lex;
  Status strict = load(c.text, "bad.txt", &lex, nullptr);
  EXPECT_EQ(strict.code(), StatusCode::kParseError) << c.text;
  EXPECT_EQ(strict.message().rfind(c.expected, 0), 0u)
      << "got: " << strict.message() << "\nwant: " << c.expected;
  Lexicon lenient;
  std::vector<std::string> errors;
  EXPECT_TRUE(load(c.text, "bad.txt", &lenient, &errors).ok());
  ASSERT_FALSE(errors.empty()) << c.text;
  EXPECT_EQ(errors[0], strict.message());
}

TEST(PetrarchActors, ErrorsNameFileAndLine) {
  const BadCase cases[] = {
      {"GONDOR [GON]\nROHAN [ROH\n", "bad.txt:2: unclosed '['"},
      {"GONDOR [GON]\nROHAN\n\t[ROH 951301-960101]\n",
       "bad.txt:3: bad date \"951301\""},
      {"X\n\t[A 9506]\n", "bad.txt:2: bad date \"9506\""},
      {"X\n\t[A <95o601]\n", "bad.txt:2: bad date"},
      {"X\n\t[950601-990815]\n", "bad.txt:2: \"950601-990815\" is not"},
      {"+SYNONYM\n", "bad.txt:1: synonym before any actor"},
      {"\t[USA]\n", "bad.txt:1: code block before any actor"},
      {"X []\n", "bad.txt:1: empty code block"},
      {"A\n+\n", "bad.txt:2: synonym: empty name"},
      {"ok [A]\n<!-- never closed\nB [B]\n", "bad.txt:2: comment"},
      {"ok [A]\nBAD\xff [B]\n", "bad.txt:2: invalid UTF-8"},
  };
  for (const BadCase& c : cases)
    ExpectFirstError(
        [](std::string_view contents, std::string_view name, Lexicon* lexicon,
           std::vector<std::string>* errors) {
          return LoadPetrarchActorsFromString(contents, name, lexicon, errors);
        },
        c);
}

TEST(PetrarchActors, LenientSkipsBadLinesAndGoesOn) {
  Lexicon lex;
  std::vector<std::string> errors;
  ASSERT_TRUE(LoadPetrarchActorsFromString(
                  "A [AAA]\nB [BB\n+B2\n\t[X]\nC [CCC 991301-]\nD [DDD]\n", "f",
                  &lex, &errors)
                  .ok());
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].rfind("f:2:", 0), 0u);
  EXPECT_EQ(errors[1].rfind("f:5:", 0), 0u);
  // The lines that belong to the bad entry B are skipped silently.
  ASSERT_EQ(lex.actors.size(), 2u);
  EXPECT_EQ(Words(lex.actors[1].phrases[0]), "D");
}

// --- agents ----------------------------------------------------------

TEST(PetrarchAgents, PluralsMarkersAndPrefixCodes) {
  Lexicon lex;
  ASSERT_TRUE(LoadPetrarchAgentsFromString(
                  "<!-- agents -->\n"
                  "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"
                  "!MINST! = MINISTER, MINISTERS\n"
                  "PRESIDENT [~GOVPRS] # ns\n"
                  "POLICE {} [ ~COP]\n"
                  "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n"
                  "HUMAN_RIGHTS_BODY  [NGO~]\n"
                  "CONGRESS!PERSON! [~LEG]\n"
                  "!MINST!_OF_SILLY_WALKS [~GOV]\n"
                  "SECURITY_AGENCY [~SPY]\n"
                  "CONGRESS [~LEG]\n",
                  "a.txt", &lex)
                  .ok());
  ASSERT_EQ(lex.agents.size(), 8u);
  const Agent& president = lex.agents[0];
  EXPECT_EQ(president.code, "GOVPRS");
  EXPECT_FALSE(president.prefix);
  ASSERT_EQ(president.phrases.size(), 2u);
  EXPECT_EQ(Words(president.phrases[1]), "PRESIDENTS");
  EXPECT_EQ(lex.agents[1].phrases.size(), 1u);  // "{}": no plural
  EXPECT_EQ(lex.agents[1].code, "COP");
  ASSERT_EQ(lex.agents[2].phrases.size(), 2u);
  EXPECT_EQ(Words(lex.agents[2].phrases[1]), "ATTORNEYS_GENERAL");
  EXPECT_TRUE(lex.agents[3].prefix);
  EXPECT_EQ(lex.agents[3].code, "NGO");
  std::vector<std::string> congress;
  for (const Phrase& p : lex.agents[4].phrases) congress.push_back(Words(p));
  EXPECT_EQ(congress, (std::vector<std::string>{
                          "CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN",
                          "CONGRESSWOMEN", "CONGRESSPERSON"}));
  ASSERT_EQ(lex.agents[5].phrases.size(), 2u);
  EXPECT_EQ(Words(lex.agents[5].phrases[1]), "MINISTERS_OF_SILLY_WALKS");
  EXPECT_EQ(Words(lex.agents[6].phrases[1]), "SECURITY_AGENCIES");
  EXPECT_EQ(Words(lex.agents[7].phrases[1]), "CONGRESSES");
  EXPECT_EQ(lex.agents[7].origin.line, 11);
}

TEST(PetrarchAgents, QuirksPetrarchAccepts) {
  Lexicon lex;
  std::vector<std::string> errors;
  ASSERT_TRUE(LoadPetrarchAgentsFromString(
                  "ISLAMIC_EXTREMIST\n"                 // no code: skipped
                  "DEPARMENT_OF_ENVIRONMENT [~ENV}\n",  // "}" for "]"
                  "q.txt", &lex, &errors)
                  .ok());
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(lex.agents.size(), 1u);
  EXPECT_EQ(lex.agents[0].code, "ENV");
}

TEST(PetrarchAgents, ErrorsNameFileAndLine) {
  const BadCase cases[] = {
      {"PRESIDENT [~GOV]\nMINISTER ~GOV]\n", "bad.txt:2: agent has no [~CODE]"},
      {"PRESIDENT [GOV]\n", "bad.txt:1: agent code \"GOV\" needs one \"~\""},
      {"PRESIDENT [~GOV\n", "bad.txt:1: unclosed '['"},
      {"POLICE {X [~COP]\n", "bad.txt:1: unclosed '{'"},
      {"CONGRESS!PERSON! [~LEG]\n", "bad.txt:1: substitution marker !PERSON!"},
      {"!PERSON = MAN\n", "bad.txt:1: substitution set"},
      {"X [~A] [~B]\n", "bad.txt:1: agent has more than one"},
  };
  for (const BadCase& c : cases)
    ExpectFirstError(LoadPetrarchAgentsFromString, c);
}

// --- discards --------------------------------------------------------

TEST(PetrarchDiscards, StemsWholeWordsAndStoryMarks) {
  Lexicon lex;
  ASSERT_TRUE(
      LoadPetrarchDiscardsFromString("+World Golf Championships   # pas\n"
                                     "AFRICAN NATIONS CUP   # ab ;AB\n"
                                     "BASEBALL_\n",
                                     "d.txt", &lex)
          .ok());
  ASSERT_EQ(lex.discards.size(), 3u);
  EXPECT_EQ(Words(lex.discards[0]), "WORLD_GOLF_CHAMPIONSHIPS");
  EXPECT_EQ(lex.discards[0].words.back().match, WordMatch::kStem);
  EXPECT_EQ(lex.discards[0].words.front().match, WordMatch::kExact);
  EXPECT_EQ(Words(lex.discards[2]), "BASEBALL");
  EXPECT_EQ(lex.discards[2].words.back().match, WordMatch::kExact);
}

TEST(PetrarchDiscards, ErrorsNameFileAndLine) {
  ExpectFirstError(LoadPetrarchDiscardsFromString,
                   {"BASEBALL\nTENNIS [###]\n", "bad.txt:2: a discard"});
  ExpectFirstError(LoadPetrarchDiscardsFromString,
                   {"BASEBALL\n+\n", "bad.txt:2: empty discard"});
}

// --- coding ontology -------------------------------------------------

TEST(PetrarchCodingOntology, NegationSubtractsTheMarker) {
  Lexicon lex;
  ASSERT_TRUE(LoadPetrarchCodingOntologyFromString(
                  "# PICO\n"
                  "010:0x1000#Make Public Statement\n"
                  "011:0x1000-0xFFFF\n"
                  "050:0x0080#DiplomaticCoop\n"
                  "057:0x0087\n"
                  "110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove\n"
                  "111:0x7001\n"
                  "120:-0xFFFF#Reject\n"
                  "170:0x10086#0x0087+0xFFFF#0x9000#Coerce\n"
                  "---:0\n",
                  "pico.txt", &lex)
                  .ok());
  EXPECT_EQ(lex.negated_codes,
            (std::map<std::string, std::string>{
                {"010", "011"}, {"110", "050"}, {"170", "057"}}));
}

TEST(PetrarchCodingOntology, ErrorsNameFileAndLine) {
  ExpectFirstError(LoadPetrarchCodingOntologyFromString,
                   {"010:0x1000\n011 0x1000\n", "bad.txt:2: expected CODE"});
  ExpectFirstError(LoadPetrarchCodingOntologyFromString,
                   {"010:0x1000\n011:0xZZ\n", "bad.txt:2: expected a value"});
  ExpectFirstError(LoadPetrarchCodingOntologyFromString,
                   {"010:0x1000\n:0x10\n", "bad.txt:2: expected a code"});
  ExpectFirstError(LoadPetrarchCodingOntologyFromString,
                   {"010:0x1000\n011:0x1000000000000\n",
                    "bad.txt:2: expected a value"});  // 2^48: too large
  ExpectFirstError(
      LoadPetrarchCodingOntologyFromString,
      {"010:0x1000\n011:0x10--1\n", "bad.txt:2: expected a value"});
}

// --- verbs -----------------------------------------------------------

const char kVerbs[] =
    "<!-- SYNSETS -->\n"
    "&CURRENCY\n"
    "+DOLLAR\n"
    "+SWISS FRANC\n"
    "+KRONER_\n"
    "&AUXVERB3_\n"
    "+HAVE\n"
    "+HAS\n"
    "&TIETYPES\n"
    "+MILITARY\n"
    "&ACCORDSYN\n"
    "+&TIETYPES\n"
    "+CLOSER\n"
    "\n"
    "--- GRANT  [070] ---\n"
    "GRANT\n"
    "GIVE {GAVE GIVEN GIVING GIVES}  # jw\n"
    "DONATE [073]\n"
    "WIRE_+TAP {WIRE_+TAPPED}\n"
    "+CORDON_OFF\n"
    "- * &CURRENCY [903] # pas\n"
    "- $ * + (TO BORDER) [0331]\n"
    "- * {ARMS SHIPMENT} (OF {BANNED PARTIES}) [072:073]\n"
    "- IN_*_OUT [074!]\n"
    "- NEW_&TIETYPES_RELATIONS * [904]\n"
    "- &AUXVERB3 * % ^ [031?]\n"
    "- * (BEFORE COURT) [:173]\n"
    "- * {ARMS | WEAPONS SHIPMENT} [075]\n"
    "- * &UNDEFINED_THING [999]\n"
    "\n"
    "~ a (a b ATTACK) SAY = a b 015\n"
    "--- SAY ---\n"
    "SAY {SAID SAYING SAYS}\n"
    "* (TO QUESTION) [110]\n"
    "- INCHING &ACCORDSYN * [083]\n";

TEST(PetrarchVerbs, BlocksFormsAndCodes) {
  Lexicon lex;
  Status s = LoadPetrarchVerbsFromString(kVerbs, "v.txt", &lex);
  ASSERT_TRUE(s.ok()) << s.ToString();
  // GRANT block: codes 070 (GRANT, GIVE, WIRE TAP, CORDON OFF) and 073.
  ASSERT_EQ(lex.verbs.size(), 3u);
  const Verb& grant = lex.verbs[0];
  EXPECT_EQ(Words(grant.root), "GRANT");
  EXPECT_EQ(grant.code.code, "070");
  EXPECT_EQ(grant.origin.line, 16);
  std::vector<std::string> forms;
  for (const Phrase& f : grant.forms) forms.push_back(Words(f));
  EXPECT_EQ(forms,
            (std::vector<std::string>{
                "GRANTS", "GRANTED", "GRANTING", "GIVE", "GAVE", "GIVEN",
                "GIVING", "GIVES", "WIRE_TAP", "WIRE_TAPPED", "CORDON_OFF",
                "CORDONS_OFF", "CORDONED_OFF", "CORDONING_OFF"}));
  const Verb& donate = lex.verbs[1];
  EXPECT_EQ(Words(donate.root), "DONATE");
  EXPECT_EQ(donate.code.code, "073");
  std::vector<std::string> donate_forms;
  for (const Phrase& f : donate.forms) donate_forms.push_back(Words(f));
  EXPECT_EQ(donate_forms,
            (std::vector<std::string>{"DONATES", "DONATED", "DONATING"}));
  // Both verbs of the block share its patterns (the undefined synset's
  // pattern is skipped, as PETRARCH does).
  EXPECT_EQ(grant.patterns.size(), 8u);
  EXPECT_EQ(donate.patterns.size(), 8u);
  const Verb& say = lex.verbs[2];
  EXPECT_EQ(say.code.code, "---");  // a block without a code
  ASSERT_EQ(say.patterns.size(), 2u);
  EXPECT_EQ(say.patterns[0].code.code, "110");  // "* ..." without "- "
}

TEST(PetrarchVerbs, PatternsMapOntoTokens) {
  Lexicon lex;
  ASSERT_TRUE(LoadPetrarchVerbsFromString(kVerbs, "v.txt", &lex).ok());
  const std::vector<VerbPattern>& p = lex.verbs[0].patterns;
  ASSERT_EQ(p.size(), 8u);
  EXPECT_EQ(Render(p[0].upper), "");
  EXPECT_EQ(Render(p[0].lower), "&CURRENCY");
  EXPECT_EQ(p[0].code.code, "903");
  EXPECT_EQ(p[0].text, "* &CURRENCY [903]");
  EXPECT_EQ(p[0].origin.line, 21);

  EXPECT_EQ(Render(p[1].upper), "$");
  EXPECT_EQ(Render(p[1].lower), "+ TO BORDER");

  EXPECT_EQ(Render(p[2].lower), "ARMS_SHIPMENT OF BANNED_PARTIES");
  EXPECT_EQ(p[2].code.code, "072");
  EXPECT_EQ(p[2].code.paired, "073");

  EXPECT_EQ(Render(p[3].upper), "IN");
  EXPECT_TRUE(p[3].upper.back().connected);  // IN_* : next to the verb
  EXPECT_TRUE(p[3].lower_connected);         // *_OUT
  EXPECT_EQ(Render(p[3].lower), "OUT");
  EXPECT_TRUE(p[3].code.dominant);

  EXPECT_EQ(Render(p[4].upper), "NEW_&TIETYPES_RELATIONS");
  EXPECT_FALSE(p[4].upper.back().connected);

  EXPECT_EQ(Render(p[5].upper), "&AUXVERB3");
  EXPECT_EQ(Render(p[5].lower), "% ^");
  EXPECT_TRUE(p[5].code.subordinate);
  EXPECT_EQ(p[5].code.code, "031");

  EXPECT_EQ(p[6].code.code, "---");  // ":173" codes only the reverse event
  EXPECT_EQ(p[6].code.paired, "173");

  EXPECT_EQ(Render(p[7].lower), "{ARMS|WEAPONS SHIPMENT}");
}

TEST(PetrarchVerbs, SynsetsWithPluralsAndNesting) {
  Lexicon lex;
  ASSERT_TRUE(LoadPetrarchVerbsFromString(kVerbs, "v.txt", &lex).ok());
  ASSERT_EQ(lex.synsets.size(), 4u);
  const Synset& currency = lex.synsets[0];
  EXPECT_EQ(currency.name, "CURRENCY");
  std::vector<std::string> members;
  for (const auto& m : currency.members) members.push_back(Render(m));
  EXPECT_EQ(members,
            (std::vector<std::string>{"DOLLAR", "DOLLARS", "SWISS_FRANC",
                                      "SWISS_FRANCS", "KRONER"}));
  const Synset& aux = lex.synsets[1];
  EXPECT_EQ(aux.name, "AUXVERB3");  // "_" turns plurals off
  EXPECT_EQ(aux.members.size(), 2u);
  const Synset& accord = lex.synsets[3];
  ASSERT_EQ(accord.members.size(), 3u);
  EXPECT_EQ(accord.members[0][0].kind, PatternToken::Kind::kSynset);
  EXPECT_EQ(accord.members[0][0].synset, "TIETYPES");
}

TEST(PetrarchVerbs, QuirksPetrarchAccepts) {
  Lexicon lex;
  std::vector<std::string> errors;
  ASSERT_TRUE(LoadPetrarchVerbsFromString(
                  "---  DISGRACE   [110]---  ---\n"
                  "DEBASE\n"
                  "- * VENTURE (WITH VISIT)    VISIT)[042:043]  # MAKE\n"
                  "- STRONGLY * ATTACK (ON ^)  ^)[111]\n",
                  "q.txt", &lex, &errors)
                  .ok());
  EXPECT_TRUE(errors.empty()) << errors.front();
  ASSERT_EQ(lex.verbs.size(), 1u);
  EXPECT_EQ(lex.verbs[0].code.code, "110");
  ASSERT_EQ(lex.verbs[0].patterns.size(), 2u);
  EXPECT_EQ(Render(lex.verbs[0].patterns[0].lower), "VENTURE WITH VISIT");
  EXPECT_EQ(Render(lex.verbs[0].patterns[1].lower), "ATTACK ON ^");
}

TEST(PetrarchVerbs, ErrorsNameFileAndLine) {
  const BadCase cases[] = {
      {"--- A [010] ---\nA\n- * FOO\n", "bad.txt:3: pattern has no [code]"},
      {"--- A [010] ---\nA\n- FOO BAR [020]\n",
       "bad.txt:3: pattern has no '*'"},
      {"--- A [010] ---\nA\n- * FOO [020\n", "bad.txt:3: unclosed '['"},
      {"--- A [010] ---\nA\n- * {ARMS SHIPMENT [020]\n",
       "bad.txt:3: unclosed '{'"},
      {"--- A [010] ---\nA\n- * (TO BORDER [020]\n", "bad.txt:3: unclosed '('"},
      {"--- A [010] ---\nA\n- * * [020]\n", "bad.txt:3: pattern has more"},
      {"--- A [010] ---\nA\n- * FOO []\n", "bad.txt:3: empty event code"},
      {"- * FOO [010]\n", "bad.txt:1: pattern outside"},
      {"GRANT\n", "bad.txt:1: verb outside"},
      {"--- A [010] ---\nGIVE {GAVE\n", "bad.txt:2: unclosed '{'"},
      {"--- A [010] ---\n+_X\n", "bad.txt:2: '+' must stand"},
      {"--- A [010] ---\n- * FOO [010]\n--- B ---\nB\n",
       "bad.txt:1: verb block has patterns but no verb"},
      {"&SYN\n+\n", "bad.txt:2: empty synset member"},
      {"&SYN\n+&NOPE\n", "bad.txt:2: synset &NOPE is not defined"},
      // Found by the fuzzer: a member left with no element.
      {"&SYN\n+_ X)\n", "bad.txt:2: empty synset member"},
  };
  for (const BadCase& c : cases)
    ExpectFirstError(LoadPetrarchVerbsFromString, c);
}

// --- files and directories --------------------------------------------

TEST(PetrarchFiles, KindsByName) {
  EXPECT_EQ(PetrarchKindOf("/x/Phoenix.Countries.actors.txt"),
            PetrarchFileKind::kActors);
  EXPECT_EQ(PetrarchKindOf("PETR_Validate_agents_2_02.txt"),
            PetrarchFileKind::kAgents);
  EXPECT_EQ(PetrarchKindOf("CAMEO.2.0.txt"), PetrarchFileKind::kVerbs);
  EXPECT_EQ(PetrarchKindOf("PETR.Validate.verbs.txt"),
            PetrarchFileKind::kVerbs);
  EXPECT_EQ(PetrarchKindOf("Phoenix.discards.txt"),
            PetrarchFileKind::kDiscards);
  EXPECT_EQ(PetrarchKindOf("Validate.actors"), PetrarchFileKind::kNone);
  EXPECT_EQ(PetrarchKindOf("Phoenix.IssueCoding.txt"), PetrarchFileKind::kNone);
  EXPECT_FALSE(LooksLikePetrarchDictionary("/nonexistent/x.actors.txt"));
}

TEST(PetrarchFiles, DirectoryAndMissingFiles) {
  namespace fs = std::filesystem;
  fs::path dir =
      fs::temp_directory_path() /
      (std::string("dyad_petrarch_test_").append(std::to_string(::getpid())));
  fs::create_directories(dir);
  auto write = [&](const char* name, const char* text) {
    std::ofstream(dir / name) << text;
  };
  write("my.actors.txt", "GONDOR [GON]\n");
  write("my.agents.txt", "KING [~GOV]\n");
  write("a.verbs.txt", "--- RULE [010] ---\nRULE\n");
  write("b.verbs.txt", "--- OTHER [020] ---\nOTHER\n");
  write("my.discards.txt", "BASEBALL\n");
  write("notes.txt", "not a dictionary\n");
  Result<Lexicon> lex = LoadPetrarchDictionaries(dir.string());
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_EQ(lex->actors.size(), 1u);
  EXPECT_EQ(lex->agents.size(), 1u);
  ASSERT_EQ(lex->verbs.size(), 1u);  // only the first verbs file
  EXPECT_EQ(Words(lex->verbs[0].root), "RULE");
  EXPECT_EQ(lex->discards.size(), 1u);
  EXPECT_TRUE(LooksLikePetrarchDictionary((dir / "my.actors.txt").string()));

  write("z.actors.txt", "BROKEN [X\n");
  Result<Lexicon> bad = LoadPetrarchDictionaries(dir.string());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("z.actors.txt:1:"), std::string::npos)
      << bad.status().message();

  Lexicon unused;
  EXPECT_EQ(
      LoadPetrarchActors((dir / "missing.actors.txt").string(), &unused).code(),
      StatusCode::kNotFound);
  EXPECT_EQ(LoadPetrarchFile((dir / "notes.txt").string(), &unused).code(),
            StatusCode::kInvalidArgument);
  fs::remove_all(dir);
  EXPECT_EQ(LoadPetrarchDictionaries(dir.string()).status().code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace dyad
