#include "lexicon/tabari_syntax.h"

#include <cctype>

namespace dyad::lexicon_internal {

std::string_view Trim(std::string_view s) {
  size_t b = 0;
  while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  size_t e = s.size();
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string_view StripComment(std::string_view line) {
  size_t semi = line.find(';');
  if (semi != std::string_view::npos) line = line.substr(0, semi);
  return Trim(line);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

namespace {

// One lexical element of a pattern before structure is applied.
struct Lexer {
  std::string_view text;
  size_t pos = 0;
  bool final_underscore_allows_endings = false;

  bool AtEnd() const { return pos >= text.size(); }
  char Peek() const { return AtEnd() ? '\0' : text[pos]; }
  void SkipSpace() {
    while (!AtEnd() && std::isspace(static_cast<unsigned char>(text[pos])))
      ++pos;
  }
};

bool IsWordChar(char c) {
  return !std::isspace(static_cast<unsigned char>(c)) && c != '_' && c != '{' &&
         c != '}' && c != '|' && c != '~' && c != '=' && c != '[' && c != ']' &&
         c != '*' && c != '&';
}

// Marker for "*" while parsing; split out before returning.
constexpr PatternToken::Kind kVerbMarker = static_cast<PatternToken::Kind>(250);

// Parses elements until end or one of `stops`. Returns false on error.
bool ParseSequence(Lexer* lx, std::string_view stops,
                   std::vector<PatternToken>* out, std::string* error) {
  while (true) {
    lx->SkipSpace();
    if (lx->AtEnd()) return true;
    char c = lx->Peek();
    if (stops.find(c) != std::string_view::npos) return true;
    PatternToken tok;
    if (c == '_') {
      // A connector joins the previous element to the next; "_" before a
      // blank only closes its word ("IN_ *": the whole word IN, anywhere).
      ++lx->pos;
      bool before_blank =
          lx->AtEnd() || std::isspace(static_cast<unsigned char>(lx->Peek()));
      if (!out->empty() && !before_blank) out->back().connected = true;
      continue;
    }
    if (c == '{') {
      ++lx->pos;
      tok.kind = PatternToken::Kind::kAlternatives;
      while (true) {
        std::vector<PatternToken> alt;
        if (!ParseSequence(lx, "|}", &alt, error)) return false;
        if (lx->AtEnd()) {
          *error = "missing '}' in alternatives";
          return false;
        }
        if (!alt.empty()) {
          alt.back().connected = false;  // "GENEVA_ |" pads, not connects
          tok.alternatives.push_back(std::move(alt));
        }
        char end = lx->Peek();
        ++lx->pos;
        if (end == '}') break;
      }
      if (tok.alternatives.empty()) {
        *error = "empty alternatives { }";
        return false;
      }
      out->push_back(std::move(tok));
      continue;
    }
    if (c == '}' || c == '|') {
      *error = std::string("unexpected '") + c + "'";
      return false;
    }
    if (c == '*' || c == '$' || c == '+' || c == '%' || c == '^') {
      // "+" or "$" glued to letters would be a word; these are alone.
      ++lx->pos;
      switch (c) {
        case '*':
          tok.kind = kVerbMarker;
          break;
        case '$':
          tok.kind = PatternToken::Kind::kSource;
          break;
        case '+':
          tok.kind = PatternToken::Kind::kTarget;
          break;
        case '%':
          tok.kind = PatternToken::Kind::kCompound;
          break;
        default:
          tok.kind = PatternToken::Kind::kSkip;
          break;
      }
      out->push_back(std::move(tok));
      continue;
    }
    if (c == '&') {
      ++lx->pos;
      size_t start = lx->pos;
      while (!lx->AtEnd() && IsWordChar(lx->Peek())) ++lx->pos;
      if (lx->pos == start) {
        *error = "'&' without a synset name";
        return false;
      }
      tok.kind = PatternToken::Kind::kSynset;
      tok.synset = Upper(lx->text.substr(start, lx->pos - start));
      out->push_back(std::move(tok));
      continue;
    }
    if (c == '~' || c == '=' || c == '[' || c == ']') {
      *error = std::string("unexpected '") + c + "'";
      return false;
    }
    size_t start = lx->pos;
    while (!lx->AtEnd() && IsWordChar(lx->Peek())) ++lx->pos;
    tok.kind = PatternToken::Kind::kWord;
    tok.word.text = Upper(lx->text.substr(start, lx->pos - start));
    tok.word.match = WordMatch::kStem;
    char next = lx->Peek();
    if (next == '~') {
      ++lx->pos;  // open ending, stays a stem
    } else if (next == '=') {
      ++lx->pos;
      tok.word.match = WordMatch::kExact;
    } else if (next == '_') {
      // A word closed by "_": whole word. At the very end of a dictionary
      // phrase it also accepts regular endings (LIBYA_ ~ LIBYAS).
      size_t after = lx->pos + 1;
      while (after < lx->text.size() &&
             std::isspace(static_cast<unsigned char>(lx->text[after])))
        ++after;
      bool last = after >= lx->text.size();
      tok.word.match = (last && lx->final_underscore_allows_endings)
                           ? WordMatch::kWord
                           : WordMatch::kExact;
    }
    out->push_back(std::move(tok));
  }
}

}  // namespace

bool ParseTokens(std::string_view text, std::vector<PatternToken>* out,
                 std::string* error) {
  Lexer lx{text};
  if (!ParseSequence(&lx, "", out, error)) return false;
  if (!out->empty()) out->back().connected = false;
  for (const PatternToken& t : *out) {
    if (t.kind == kVerbMarker) {
      *error = "'*' is only allowed in verb patterns";
      return false;
    }
  }
  return true;
}

bool ParsePattern(std::string_view text, std::vector<PatternToken>* upper,
                  std::vector<PatternToken>* lower, bool* has_verb,
                  bool* verb_connected, std::string* error) {
  Lexer lx{text};
  std::vector<PatternToken> all;
  if (!ParseSequence(&lx, "", &all, error)) return false;
  if (!lx.AtEnd()) {
    *error = "unexpected text in pattern";
    return false;
  }
  if (!all.empty()) all.back().connected = false;
  *has_verb = false;
  *verb_connected = false;
  for (PatternToken& t : all) {
    if (t.kind == kVerbMarker) {
      *verb_connected = t.connected;
      if (*has_verb) {
        *error = "more than one '*' in pattern";
        return false;
      }
      *has_verb = true;
      continue;
    }
    (*has_verb ? lower : upper)->push_back(std::move(t));
  }
  if (!*has_verb) {
    lower->insert(lower->begin(), upper->begin(), upper->end());
    upper->clear();
  }
  return true;
}

bool ParsePhrase(std::string_view text, Phrase* out, std::string* error) {
  Lexer lx{Trim(text)};
  lx.final_underscore_allows_endings = true;
  std::vector<PatternToken> toks;
  if (!ParseSequence(&lx, "", &toks, error)) return false;
  out->words.clear();
  for (PatternToken& t : toks) {
    if (t.kind != PatternToken::Kind::kWord) {
      *error = "unexpected symbol in phrase";
      return false;
    }
    t.word.connected = t.connected;
    out->words.push_back(std::move(t.word));
  }
  if (out->words.empty()) {
    *error = "empty phrase";
    return false;
  }
  out->words.back().connected = false;
  return true;
}

bool ParseEventCode(std::string_view text, EventCode* out, std::string* error) {
  text = Trim(text);
  *out = EventCode();
  if (text.empty()) {
    *error = "no code between [ ]";
    return false;
  }
  size_t colon = text.find(':');
  std::string_view first = text.substr(0, colon);
  auto flags = [&](std::string_view* part) {
    while (!part->empty() && (part->back() == '?' || part->back() == '!')) {
      if (part->back() == '?') out->subordinate = true;
      if (part->back() == '!') out->dominant = true;
      part->remove_suffix(1);
    }
    *part = Trim(*part);
  };
  flags(&first);
  out->code = std::string(first);
  if (colon != std::string_view::npos) {
    std::string_view second = text.substr(colon + 1);
    flags(&second);
    out->paired = std::string(second);
  }
  if (out->code.empty()) {
    *error = "no code between [ ]";
    return false;
  }
  for (char c : out->code) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      // TABARI's "[- - -]" in <TIME> is tolerated by the time loader only.
      *error = "blank inside code '" + out->code + "'";
      return false;
    }
  }
  return true;
}

}  // namespace dyad::lexicon_internal

namespace dyad {

int32_t ParseTabariDate(std::string_view text, bool yyyy) {
  text = lexicon_internal::Trim(text);
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
  int32_t year, rest;
  if (text.size() == 6 && !yyyy) {
    int yy = (text[0] - '0') * 10 + (text[1] - '0');
    year = yy < 30 ? 2000 + yy : 1900 + yy;
    rest = std::stoi(std::string(text.substr(2)));
  } else if (text.size() == 8) {
    year = std::stoi(std::string(text.substr(0, 4)));
    rest = std::stoi(std::string(text.substr(4)));
  } else {
    return -1;
  }
  int month = rest / 100, day = rest % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) return -1;
  return year * 10000 + rest;
}

}  // namespace dyad

namespace dyad::lexicon_internal {

bool ParseDatedCodes(std::string_view text, bool yyyy,
                     std::vector<DatedCode>* out, std::string* error) {
  text = Trim(text);
  if (text.empty()) {
    *error = "no code between [ ]";
    return false;
  }
  if (!(std::isalnum(static_cast<unsigned char>(text[0])) || text[0] == '~' ||
        text[0] == '-' || text[0] == '#' || text[0] == '+') ||
      std::isdigit(static_cast<unsigned char>(text[0]))) {
    // TABARI codes start with a letter; digits here mean a date without a
    // code ("[950601-990815]").
    if (!(text[0] == '-' || text[0] == '#' || text[0] == '+')) {
      *error = "code block without a code: [" + std::string(text) + "]";
      return false;
    }
  }
  size_t end = 0;
  while (end < text.size() &&
         !std::isspace(static_cast<unsigned char>(text[end])) &&
         text[end] != '<' && text[end] != '>')
    ++end;
  std::string codes(text.substr(0, end));
  std::string_view rest = Trim(text.substr(end));
  int32_t first = kDateMin, last = kDateMax;
  if (!rest.empty()) {
    std::string compact;
    for (char c : rest)
      if (!std::isspace(static_cast<unsigned char>(c))) compact += c;
    auto bad = [&]() {
      *error = "bad date restriction '" + std::string(rest) + "'";
      return false;
    };
    if (compact[0] == '<') {
      int32_t d = ParseTabariDate(compact.substr(1), yyyy);
      if (d < 0) return bad();
      last = d - 1;  // strictly before
    } else if (compact[0] == '>') {
      int32_t d = ParseTabariDate(compact.substr(1), yyyy);
      if (d < 0) return bad();
      first = d;
    } else {
      size_t dash = compact.find('-');
      if (dash == std::string::npos) return bad();
      int32_t a = ParseTabariDate(compact.substr(0, dash), yyyy);
      int32_t b = ParseTabariDate(compact.substr(dash + 1), yyyy);
      if (a < 0 || b < 0) return bad();
      first = a;
      last = b;
    }
  }
  // "FRO/BIL/SAM": a coded compound; each part is a code of its own.
  size_t start = 0;
  while (start <= codes.size()) {
    size_t slash = codes.find('/', start);
    if (slash == std::string::npos) slash = codes.size();
    std::string one = codes.substr(start, slash - start);
    if (one.empty()) {
      *error = "empty code in '" + codes + "'";
      return false;
    }
    out->push_back(DatedCode{one, first, last});
    start = slash + 1;
  }
  return true;
}

bool SplitBrackets(std::string_view line, std::string_view* head,
                   std::vector<std::string_view>* blocks, std::string* error) {
  line = StripComment(line);
  size_t open = line.find('[');
  size_t close_first = line.find(']');
  if (close_first != std::string_view::npos &&
      (open == std::string_view::npos || close_first < open)) {
    *error = "missing left-bracket [";
    return false;
  }
  *head =
      Trim(line.substr(0, open == std::string_view::npos ? line.size() : open));
  while (open != std::string_view::npos) {
    size_t close = line.find(']', open + 1);
    if (close == std::string_view::npos) {
      *error = "missing right-bracket ]";
      return false;
    }
    size_t nested = line.find('[', open + 1);
    if (nested != std::string_view::npos && nested < close) {
      *error = "missing right-bracket ]";
      return false;
    }
    blocks->push_back(line.substr(open + 1, close - open - 1));
    std::string_view between;
    open = line.find('[', close + 1);
    between = Trim(line.substr(
        close + 1,
        (open == std::string_view::npos ? line.size() : open) - close - 1));
    if (!between.empty()) {
      *error = "unexpected text '" + std::string(between) + "' after ]";
      return false;
    }
  }
  return true;
}

}  // namespace dyad::lexicon_internal
