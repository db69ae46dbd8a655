#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdint>
#include <ostream>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace dyad::text {
namespace {

struct Tok {
  std::string text;
  TokenKind kind;
  friend bool operator==(const Tok&, const Tok&) = default;
};

void PrintTo(const Tok& t, std::ostream* os) {
  *os << "{" << t.text << "/" << static_cast<int>(t.kind) << "}";
}

std::vector<Tok> TokenizeToToks(const std::string& text) {
  std::vector<Token> tokens;
  Tokenize(text, Span{0, static_cast<uint32_t>(text.size())}, &tokens);
  std::vector<Tok> out;
  for (const Token& t : tokens) {
    out.push_back({text.substr(t.span.begin, t.span.size()), t.kind});
  }
  return out;
}

std::vector<std::string> Texts(const std::string& text) {
  std::vector<std::string> out;
  for (const Tok& t : TokenizeToToks(text)) out.push_back(t.text);
  return out;
}

std::vector<std::string> Uppers(const std::string& text) {
  std::vector<Token> tokens;
  Tokenize(text, Span{0, static_cast<uint32_t>(text.size())}, &tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.upper);
  return out;
}

using Strings = std::vector<std::string>;

// The reference: on plain ASCII text made of letters, digits, spaces and
// the punctuation , ; : ( ) ! ? . every run of letters and digits is one
// token and every punctuation character is one token.
std::vector<Tok> ReferenceTokenize(const std::string& text) {
  std::vector<Tok> out;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ') {
      ++i;
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      size_t j = i;
      bool digits = true;
      while (j < text.size() &&
             std::isalnum(static_cast<unsigned char>(text[j]))) {
        digits = digits && std::isdigit(static_cast<unsigned char>(text[j]));
        ++j;
      }
      out.push_back({text.substr(i, j - i),
                     digits ? TokenKind::kNumber : TokenKind::kWord});
      i = j;
    } else {
      bool end = c == '.' || c == '!' || c == '?';
      out.push_back({std::string(1, c),
                     end ? TokenKind::kSentenceEnd : TokenKind::kPunct});
      ++i;
    }
  }
  return out;
}

TEST(TokenizerTest, AgreesWithTheReferenceOnPlainAsciiSentences) {
  const std::vector<std::string> words = {
      "Japan", "protested", "the",  "missile", "test", "on", "Monday", "1990",
      "2022",  "officials", "said", "a",       "B52",  "x",  "42",     "talks"};
  const std::string punct = ",;:()!?";
  std::mt19937 rng(20261129);
  for (int trial = 0; trial < 3000; ++trial) {
    std::string text;
    int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) {
      if (!text.empty() && rng() % 3 != 0) text += ' ';
      if (rng() % 4 == 0) {
        text += punct[rng() % punct.size()];
      } else {
        text += words[rng() % words.size()];
      }
    }
    if (rng() % 2 == 0) text += '.';
    EXPECT_EQ(TokenizeToToks(text), ReferenceTokenize(text))
        << "input: " << text;
  }
}

TEST(TokenizerTest, SentenceFinalPeriodIsItsOwnToken) {
  EXPECT_EQ(TokenizeToToks("Japan protested."),
            (std::vector<Tok>{{"Japan", TokenKind::kWord},
                              {"protested", TokenKind::kWord},
                              {".", TokenKind::kSentenceEnd}}));
}

TEST(TokenizerTest, AbbreviationsKeepTheirPeriods) {
  EXPECT_EQ(Texts("U.S. and U.K. officials met Gen. Milley, Lt. Col. Vindman "
                  "and Mr. Smith on Jan. 5."),
            (Strings{"U.S.", "and", "U.K.", "officials", "met", "Gen.",
                     "Milley", ",", "Lt.", "Col.", "Vindman", "and", "Mr.",
                     "Smith", "on", "Jan.", "5", "."}));
  EXPECT_EQ(
      Texts("e.g. the U.N. body, i.e. the IAEA"),
      (Strings{"e.g.", "the", "U.N.", "body", ",", "i.e.", "the", "IAEA"}));
  EXPECT_EQ(Texts("George W. Bush"), (Strings{"George", "W.", "Bush"}));
  EXPECT_EQ(Texts("See voanews.com."), (Strings{"See", "voanews.com", "."}));
}

TEST(TokenizerTest, AbbreviationEndingTheSentenceKeepsItsPeriod) {
  EXPECT_EQ(TokenizeToToks("He flew to the U.S."),
            (std::vector<Tok>{{"He", TokenKind::kWord},
                              {"flew", TokenKind::kWord},
                              {"to", TokenKind::kWord},
                              {"the", TokenKind::kWord},
                              {"U.S.", TokenKind::kWord}}));
  // Not an abbreviation, and a lone capital at the end is not an initial.
  EXPECT_EQ(Texts("He said no."), (Strings{"He", "said", "no", "."}));
  EXPECT_EQ(Texts("Plan B."), (Strings{"Plan", "B", "."}));
  EXPECT_EQ(Texts("Issue No. 2"), (Strings{"Issue", "No.", "2"}));
  EXPECT_EQ(Texts("They said No. Then"),
            (Strings{"They", "said", "No", ".", "Then"}));
}

TEST(TokenizerTest, AbbreviationBeforeHyphenIsSplitOff) {
  EXPECT_EQ(TokenizeToToks("the U.S.-led coalition"),
            (std::vector<Tok>{{"the", TokenKind::kWord},
                              {"U.S.", TokenKind::kWord},
                              {"-", TokenKind::kPunct},
                              {"led", TokenKind::kWord},
                              {"coalition", TokenKind::kWord}}));
  EXPECT_EQ(Texts("U.S.-China talks"),
            (Strings{"U.S.", "-", "China", "talks"}));
}

TEST(TokenizerTest, HyphenatedWordsStayWhole) {
  EXPECT_EQ(Texts("Secretary-General long-range post-World War II "
                  "self-defense 2022-2023"),
            (Strings{"Secretary-General", "long-range", "post-World", "War",
                     "II", "self-defense", "2022-2023"}));
}

TEST(TokenizerTest, Numbers) {
  EXPECT_EQ(TokenizeToToks("1990 3.5 800,000 2022 1990s $5 25%"),
            (std::vector<Tok>{{"1990", TokenKind::kNumber},
                              {"3.5", TokenKind::kNumber},
                              {"800,000", TokenKind::kNumber},
                              {"2022", TokenKind::kNumber},
                              {"1990s", TokenKind::kWord},
                              {"$", TokenKind::kSymbol},
                              {"5", TokenKind::kNumber},
                              {"25", TokenKind::kNumber},
                              {"%", TokenKind::kSymbol}}));
  EXPECT_EQ(
      Texts("1,2 and 12,3456 and 5."),
      (Strings{"1", ",", "2", "and", "12", ",", "3456", "and", "5", "."}));
  EXPECT_EQ(Texts("in 2022."), (Strings{"in", "2022", "."}));
}

TEST(TokenizerTest, PossessivesSplitOff) {
  EXPECT_EQ(TokenizeToToks("Russia’s war"),
            (std::vector<Tok>{{"Russia", TokenKind::kWord},
                              {"’s", TokenKind::kPossessive},
                              {"war", TokenKind::kWord}}));
  EXPECT_EQ(TokenizeToToks("the Ukrainians' army"),
            (std::vector<Tok>{{"the", TokenKind::kWord},
                              {"Ukrainians", TokenKind::kWord},
                              {"'", TokenKind::kPossessive},
                              {"army", TokenKind::kWord}}));
  EXPECT_EQ(Texts("NATO's role, 2022's end, al-Rufay’i’s killing"),
            (Strings{"NATO", "'s", "role", ",", "2022", "'s", "end", ",",
                     "al-Rufay’i", "’s", "killing"}));
  EXPECT_EQ(Texts("O'Brien doesn't"), (Strings{"O'Brien", "does", "n't"}));
  EXPECT_EQ(TokenizeToToks("the Jairan ’s data")[2],
            (Tok{"’s", TokenKind::kPossessive}));
  EXPECT_EQ(Uppers("Russia’s"), (Strings{"RUSSIA", "'S"}));
}

TEST(TokenizerTest, CliticsAreTokensAsTreebanksWriteThem) {
  EXPECT_EQ(Texts("didn't, won't, can’t, DON'T"),
            (Strings{"did", "n't", ",", "wo", "n't", ",", "ca", "n’t", ",",
                     "DO", "N'T"}));
  EXPECT_EQ(
      Texts("they'll go, we're here, I've seen, I'm in, he'd left"),
      (Strings{"they", "'ll", "go", ",", "we", "'re", "here", ",", "I", "'ve",
               "seen", ",", "I", "'m", "in", ",", "he", "'d", "left"}));
  // Names with an apostrophe stay whole; so does an "n't" inside a word.
  EXPECT_EQ(
      Texts("O'Neill, d'Estaing, Ma'ale, can'tor"),
      (Strings{"O'Neill", ",", "d'Estaing", ",", "Ma'ale", ",", "can'tor"}));
  // The split tokens cover the word's bytes exactly.
  std::vector<Tok> toks = TokenizeToToks("didn't");
  ASSERT_EQ(toks.size(), 2u);
  EXPECT_EQ(toks[0].kind, TokenKind::kWord);
  EXPECT_EQ(toks[1].kind, TokenKind::kWord);
}

TEST(TokenizerTest, CurlyQuotes) {
  EXPECT_EQ(TokenizeToToks("said “our security” and ‘limit day’"),
            (std::vector<Tok>{{"said", TokenKind::kWord},
                              {"“", TokenKind::kOpenQuote},
                              {"our", TokenKind::kWord},
                              {"security", TokenKind::kWord},
                              {"”", TokenKind::kCloseQuote},
                              {"and", TokenKind::kWord},
                              {"‘", TokenKind::kOpenQuote},
                              {"limit", TokenKind::kWord},
                              {"day", TokenKind::kWord},
                              {"’", TokenKind::kCloseQuote}}));
  EXPECT_EQ(Uppers("“a”"), (Strings{"\"", "A", "\""}));
}

TEST(TokenizerTest, StraightQuotesByContext) {
  EXPECT_EQ(TokenizeToToks("\"Go,\" he said, \"now\"."),
            (std::vector<Tok>{{"\"", TokenKind::kOpenQuote},
                              {"Go", TokenKind::kWord},
                              {",", TokenKind::kPunct},
                              {"\"", TokenKind::kCloseQuote},
                              {"he", TokenKind::kWord},
                              {"said", TokenKind::kWord},
                              {",", TokenKind::kPunct},
                              {"\"", TokenKind::kOpenQuote},
                              {"now", TokenKind::kWord},
                              {"\"", TokenKind::kCloseQuote},
                              {".", TokenKind::kSentenceEnd}}));
  // Glued after punctuation and before a word, it opens.
  EXPECT_EQ(TokenizeToToks("said,\"We"),
            (std::vector<Tok>{{"said", TokenKind::kWord},
                              {",", TokenKind::kPunct},
                              {"\"", TokenKind::kOpenQuote},
                              {"We", TokenKind::kWord}}));
  EXPECT_EQ(TokenizeToToks("(\"x\")")[1].kind, TokenKind::kOpenQuote);
  std::vector<Tok> spaced = TokenizeToToks("a \" very big test \" b");
  EXPECT_EQ(spaced[1].kind, TokenKind::kOpenQuote);
  EXPECT_EQ(spaced[5].kind, TokenKind::kCloseQuote);
  EXPECT_EQ(TokenizeToToks("the deterrent \"").back().kind,
            TokenKind::kOpenQuote);
  EXPECT_EQ(TokenizeToToks("\"the deterrent \"").back().kind,
            TokenKind::kCloseQuote);
  EXPECT_EQ(TokenizeToToks("'Paper sons'")[0].kind, TokenKind::kOpenQuote);
  EXPECT_EQ(TokenizeToToks("'Paper sons'").back().kind, TokenKind::kPossessive);
}

TEST(TokenizerTest, DashesEllipsesAndSymbols) {
  EXPECT_EQ(TokenizeToToks("West – an alternative — now -- and… then... & #1"),
            (std::vector<Tok>{{"West", TokenKind::kWord},
                              {"–", TokenKind::kPunct},
                              {"an", TokenKind::kWord},
                              {"alternative", TokenKind::kWord},
                              {"—", TokenKind::kPunct},
                              {"now", TokenKind::kWord},
                              {"--", TokenKind::kPunct},
                              {"and", TokenKind::kWord},
                              {"…", TokenKind::kPunct},
                              {"then", TokenKind::kWord},
                              {"...", TokenKind::kPunct},
                              {"&", TokenKind::kSymbol},
                              {"#", TokenKind::kSymbol},
                              {"1", TokenKind::kNumber}}));
  EXPECT_EQ(TokenizeToToks("Why? No!").back().kind, TokenKind::kSentenceEnd);
}

TEST(TokenizerTest, UpperCaseIsUnicodeAware) {
  EXPECT_EQ(Uppers("Zelenskyy Erdoğan Москва straße"),
            (Strings{"ZELENSKYY", "ERDOĞAN", "МОСКВА", "STRASSE"}));
}

TEST(TokenizerTest, NonLatinScriptsAndEmoji) {
  EXPECT_EQ(Texts("Москва заявила."), (Strings{"Москва", "заявила", "."}));
  EXPECT_EQ(Texts("日本は協力する。"), (Strings{"日本は協力する", "。"}));
  std::vector<Tok> emoji = TokenizeToToks("ok 😀!");
  ASSERT_EQ(emoji.size(), 3u);
  EXPECT_EQ(emoji[1].kind, TokenKind::kSymbol);
}

TEST(TokenizerTest, ControlCharactersAreSkippedLikeSpace) {
  EXPECT_EQ(Texts(std::string("a\x1a\x1a b\0c\x7f", 8)),
            (Strings{"a", "b", "c"}));
}

TEST(TokenizerTest, RespectsTheSentenceSpan) {
  std::string text = "xx Japan protested. yy";
  std::vector<Token> tokens;
  Tokenize(text, Span{3, 19}, &tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].span, (Span{3, 8}));
  EXPECT_EQ(tokens[2].span, (Span{18, 19}));
  tokens.clear();
  Tokenize(text, Span{5, 999}, &tokens);  // out of range: nothing
  EXPECT_TRUE(tokens.empty());
}

TEST(TokenizerTest, SpansSliceBackOnArbitraryBytes) {
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {
      "a", "Z",  "1", ".",    ",",        "'",  "’", "“",
      "”", "\"", "-", "—",    " ",        "\n", "s", "S",
      "é", "日", "😀", "\xff", "\xe2\x80", "$",  "%", "U.S."};
  for (int trial = 0; trial < 5000; ++trial) {
    std::string text;
    int n = static_cast<int>(rng() % 16);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    std::vector<Token> tokens;
    Tokenize(text, Span{0, static_cast<uint32_t>(text.size())}, &tokens);
    uint32_t last_end = 0;
    for (const Token& t : tokens) {
      ASSERT_GE(t.span.begin, last_end) << text;
      ASSERT_LT(t.span.begin, t.span.end) << text;
      ASSERT_LE(t.span.end, text.size()) << text;
      last_end = t.span.end;
    }
    // Everything between tokens is whitespace.
    std::string rebuilt;
    size_t pos = 0;
    for (const Token& t : tokens) {
      for (size_t k = pos; k < t.span.begin; ++k) {
        ASSERT_TRUE(text[k] == ' ' || text[k] == '\n') << text;
      }
      pos = t.span.end;
    }
  }
}

}  // namespace
}  // namespace dyad::text
