#include "lexicon/petrarch_common.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace dyad::petrarch_internal {

bool ErrorSink::Report(int line, std::string_view message) {
  std::string full = name_ + ":" + std::to_string(line) + ": ";
  full.append(message);
  if (errors_ != nullptr) {
    errors_->push_back(std::move(full));
    return true;
  }
  if (first_.ok()) first_ = ParseError(std::move(full));
  return false;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' ||
                   s[b] == '\f' || s[b] == '\v'))
    ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' ||
                   s[e - 1] == '\f' || s[e - 1] == '\v'))
    --e;
  return s.substr(b, e - b);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

namespace {

// Returns the length of the valid UTF-8 sequence at s[i], 0 when invalid.
size_t Utf8Length(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return c == 0 ? 0 : 1;  // NUL marks a binary file
  size_t n;
  uint32_t cp;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr uint32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
size_t FirstInvalidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = Utf8Length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

}  // namespace

CleanText CleanLines(std::string_view contents) {
  CleanText out;
  bool in_comment = false;
  int comment_start = 0;
  int number = 0;
  size_t pos = 0;
  while (pos < contents.size()) {
    size_t end = contents.find('\n', pos);
    if (end == std::string_view::npos) end = contents.size();
    std::string_view raw = contents.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (size_t bad = FirstInvalidUtf8(raw); bad != std::string_view::npos) {
      out.problems.push_back({number, "invalid UTF-8 or NUL byte at column " +
                                          std::to_string(bad + 1) +
                                          "; line skipped"});
      continue;
    }
    std::string_view rest = raw;
    if (in_comment) {
      size_t close = rest.find("-->");
      if (close == std::string_view::npos) continue;
      in_comment = false;
      rest = rest.substr(close + 3);
    }
    std::string_view trimmed = Trim(rest);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    // "<! -- ... -->" and other "<!" lines: PETRARCH skips them whole.
    if (trimmed.substr(0, 2) == "<!" && trimmed.substr(0, 4) != "<!--")
      continue;
    std::string text;
    int depth = 0;
    for (size_t i = 0; i < rest.size(); ++i) {
      if (rest.substr(i, 4) == "<!--") {
        size_t close = rest.find("-->", i + 4);
        if (close == std::string_view::npos) {
          in_comment = true;
          comment_start = number;
          break;
        }
        i = close + 2;
        text.push_back(' ');
        continue;
      }
      char c = rest[i];
      if (c == '[') ++depth;
      if (c == ']' && depth > 0) --depth;
      if ((c == '#' || c == ';') && depth == 0) break;
      text.push_back(c);
    }
    std::string_view kept = Trim(text);
    if (kept.empty()) continue;
    CleanLine line;
    line.number = number;
    line.text = std::string(kept);
    out.lines.push_back(std::move(line));
  }
  if (in_comment) {
    out.problems.push_back(
        {comment_start, "comment \"<!--\" is never closed by \"-->\""});
  }
  return out;
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return NotFound(path + ": no such dictionary file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return IoError(path + ": read error");
  return buffer.str();
}

bool SplitBlocks(std::string_view line, std::string_view* head,
                 std::vector<std::string_view>* blocks,
                 std::string_view* trailing, std::string* error) {
  size_t open = line.find('[');
  *head =
      Trim(line.substr(0, open == std::string_view::npos ? line.size() : open));
  blocks->clear();
  *trailing = {};
  size_t after = line.size();
  while (open != std::string_view::npos) {
    size_t close = line.find(']', open + 1);
    size_t nested = line.find('[', open + 1);
    if (close == std::string_view::npos) {
      *error = "unclosed '[' (missing ']')";
      return false;
    }
    if (nested != std::string_view::npos && nested < close) {
      *error = "'[' inside a code block";
      return false;
    }
    blocks->push_back(Trim(line.substr(open + 1, close - open - 1)));
    after = close + 1;
    open = line.find('[', after);
    if (open != std::string_view::npos) {
      // Text between two blocks is not allowed: "X [A] junk [B]".
      if (!Trim(line.substr(after, open - after)).empty()) {
        *error = "text between code blocks";
        return false;
      }
    }
  }
  if (after < line.size()) *trailing = Trim(line.substr(after));
  return true;
}

void AddWord(std::string_view text, Phrase* phrase) {
  if (!phrase->words.empty()) phrase->words.back().connected = true;
  PhraseWord word;
  word.text = Upper(text);
  word.match = WordMatch::kExact;
  phrase->words.push_back(std::move(word));
}

bool ParseName(std::string_view text, Phrase* out, std::string* error) {
  out->words.clear();
  std::string word;
  auto flush = [&]() {
    if (!word.empty()) AddWord(word, out);
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '_') {
      flush();
    } else if (c == ']') {
      // A typo such as "+FAEROYENE]_" in Phoenix: PETRARCH keeps it as part
      // of the word, which then never matches; dropping it is kinder.
    } else if (c == '[' || c == '{' || c == '}') {
      *error = std::string("unexpected '") + c + "' in a name";
      return false;
    } else {
      word.push_back(c);
    }
  }
  flush();
  if (out->words.empty()) {
    *error = "empty name";
    return false;
  }
  return true;
}

bool ParseEventCode(std::string_view text, EventCode* out, std::string* error) {
  *out = EventCode();
  text = Trim(text);
  if (text.empty()) {
    *error = "empty event code \"[]\"";
    return false;
  }
  for (char c : text) {
    if (c == ' ' || c == '\t') {
      *error = std::string("event code \"").append(text) + "\" holds a blank";
      return false;
    }
  }
  std::string_view primary = text, paired;
  if (size_t colon = text.find(':'); colon != std::string_view::npos) {
    primary = text.substr(0, colon);
    paired = text.substr(colon + 1);
    if (paired.find(':') != std::string_view::npos || paired.empty()) {
      *error =
          std::string("malformed paired event code \"").append(text) + "\"";
      return false;
    }
  }
  while (!primary.empty() && (primary.back() == '?' || primary.back() == '!')) {
    if (primary.back() == '?') out->subordinate = true;
    if (primary.back() == '!') out->dominant = true;
    primary.remove_suffix(1);
  }
  if (primary.empty() && paired.empty()) {
    *error = std::string("event code \"").append(text) + "\" has no code";
    return false;
  }
  // ":173" codes only the reverse event; the primary direction is null.
  out->code = primary.empty() ? "---" : std::string(primary);
  out->paired = std::string(paired);
  return true;
}

int32_t ParseDate(std::string_view text) {
  // As PETRARCH reads dates: up to 7 digits are YYMMDD (a 7th digit is
  // ignored), 8 or more are YYYYMMDD (digits after the 8th are ignored).
  // Phoenix has such typos ("9008223", "201005011"); reading them the same
  // way keeps dyad's codes equal to PETRARCH's.
  if (text.size() < 6) return -1;
  for (char c : text)
    if (c < '0' || c > '9') return -1;
  if (text.size() == 7) text = text.substr(0, 6);
  if (text.size() > 8) text = text.substr(0, 8);
  auto number = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  int year, month, day;
  if (text.size() == 6) {
    year = number(0, 2);
    year += year <= 30 ? 2000 : 1900;
    month = number(2, 2);
    day = number(4, 2);
  } else {
    year = number(0, 4);
    month = number(4, 2);
    day = number(6, 2);
  }
  if (month < 1 || month > 12 || day < 1) return -1;
  static constexpr int kDays[12] = {31, 29, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > kDays[month - 1] || (month == 2 && day == 29 && !leap)) return -1;
  return year * 10000 + month * 100 + day;
}

namespace {

bool IsVowel(char c) {
  return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

}  // namespace

std::string PluralOf(std::string_view word) {
  std::string w(word);
  if (w.empty()) return w;
  if (EndsWith(w, "S") || EndsWith(w, "X") || EndsWith(w, "Z") ||
      EndsWith(w, "CH") || EndsWith(w, "SH"))
    return w + "ES";
  if (w.size() > 1 && w.back() == 'Y' && !IsVowel(w[w.size() - 2]))
    return w.substr(0, w.size() - 1) + "IES";
  return w + "S";
}

std::vector<std::string> RegularVerbForms(std::string_view stem) {
  std::string s(stem);
  if (s.empty()) return {};
  std::vector<std::string> forms;
  forms.push_back(PluralOf(s));  // third person: same spelling rules
  bool consonant_y =
      s.size() > 1 && s.back() == 'Y' && !IsVowel(s[s.size() - 2]);
  if (s.back() == 'E')
    forms.push_back(s + "D");
  else if (consonant_y)
    forms.push_back(s.substr(0, s.size() - 1) + "IED");
  else
    forms.push_back(s + "ED");
  if (EndsWith(s, "IE"))
    forms.push_back(s.substr(0, s.size() - 2) + "YING");
  else if (s.size() > 2 && s.back() == 'E' && !IsVowel(s[s.size() - 2]))
    forms.push_back(s.substr(0, s.size() - 1) + "ING");
  else
    forms.push_back(s + "ING");
  return forms;
}

Status LoadFile(const std::string& path, LoadFromString load, Lexicon* lexicon,
                std::vector<std::string>* errors) {
  Result<std::string> contents = ReadWholeFile(path);
  if (!contents.ok()) return contents.status();
  return load(*contents, path, lexicon, errors);
}

}  // namespace dyad::petrarch_internal
