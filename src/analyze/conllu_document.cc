#include "analyze/conllu_document.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "dyad/analyze.h"
// The dictionary match form is the text stage's: a token read from CoNLL-U
// must match the lexicon exactly as one found by AnalyzeText.
#include "text/match_form.h"

namespace dyad::analyze {
namespace {

// The value of attribute `key` in a MISC column ("A=1|SpaceAfter=No"),
// or false when it is absent.
bool MiscValue(std::string_view misc, std::string_view key,
               std::string_view* value) {
  size_t start = 0;
  while (start < misc.size()) {
    size_t bar = misc.find('|', start);
    if (bar == std::string_view::npos) bar = misc.size();
    std::string_view attribute = misc.substr(start, bar - start);
    if (attribute.size() > key.size() && attribute[key.size()] == '=' &&
        attribute.substr(0, key.size()) == key) {
      *value = attribute.substr(key.size() + 1);
      return true;
    }
    start = bar + 1;
  }
  return false;
}

// The whitespace after a word (or multiword token) by its MISC column.
std::string SpacingAfter(std::string_view misc) {
  std::string_view value;
  if (MiscValue(misc, "SpacesAfter", &value)) {
    return UnescapeSpacesAfter(value);
  }
  if (MiscValue(misc, "SpaceAfter", &value) && value == "No") return "";
  return " ";
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool AllOf(std::string_view word, std::string_view allowed) {
  if (word.empty()) return false;
  for (char c : word) {
    if (allowed.find(c) == std::string_view::npos) return false;
  }
  return true;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Digits with single inner separators: "1990", "3.5", "800,000".
bool IsNumber(std::string_view word) {
  if (word.empty() || !IsAsciiDigit(word.front()) ||
      !IsAsciiDigit(word.back())) {
    return false;
  }
  for (size_t i = 0; i < word.size(); ++i) {
    if (IsAsciiDigit(word[i])) continue;
    if ((word[i] != ',' && word[i] != '.') || !IsAsciiDigit(word[i + 1])) {
      return false;
    }
  }
  return true;
}

// The code points of `word` that are letters or digits, and those that are
// punctuation (ill-formed bytes count as neither).
void CountClasses(std::string_view word, int* alnum, int* punct) {
  *alnum = 0;
  *punct = 0;
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(word.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  while (i < length) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) continue;
    if (u_isalnum(c)) {
      ++*alnum;
    } else if (u_ispunct(c)) {
      ++*punct;
    }
  }
}

// ParseConllu numbers lines from the start of the text it is given; a
// sentence block parsed on its own is moved to its place in the file.
Status ShiftLine(const Status& status, std::string_view name, int offset) {
  const std::string& message = status.message();
  std::string prefix = std::string(name) + ":";
  if (message.compare(0, prefix.size(), prefix) != 0) return status;
  int line = 0;
  const char* begin = message.data() + prefix.size();
  const char* end = message.data() + message.size();
  auto [after, error] = std::from_chars(begin, end, line);
  if (error != std::errc() || after == begin) return status;
  return Status(status.code(), prefix + std::to_string(line + offset) +
                                   std::string(after, end));
}

std::string Stem(std::string_view name) {
  if (name == "-") return "stdin";
  std::string stem = std::filesystem::path(std::string(name)).stem().string();
  return stem.empty() ? std::string(name) : stem;
}

}  // namespace

bool EscapeSpacesAfter(std::string_view gap, std::string* escaped) {
  escaped->clear();
  if (gap.empty() || gap == " ") return false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(gap.data());
  const int32_t length = static_cast<int32_t>(gap.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    switch (c) {
      case ' ':
        *escaped += "\\s";
        continue;
      case '\t':
        *escaped += "\\t";
        continue;
      case '\r':
        *escaped += "\\r";
        continue;
      case '\n':
        *escaped += "\\n";
        continue;
      case '|':
        *escaped += "\\p";
        continue;
      case '\\':
        *escaped += "\\\\";
        continue;
      default:
        break;
    }
    if (c >= 0 && c <= 0xFFFF && (c < 0x20 || c >= 0x7F)) {
      char hex[12];
      std::snprintf(hex, sizeof hex, "\\u%04X", static_cast<unsigned>(c));
      *escaped += hex;
    } else {
      escaped->append(gap.substr(start, i - start));
    }
  }
  return true;
}

std::string UnescapeSpacesAfter(std::string_view value) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '\\' || i + 1 == value.size()) {
      out += value[i];
      continue;
    }
    char next = value[i + 1];
    const char* simple = nullptr;
    switch (next) {
      case 's':
        simple = " ";
        break;
      case 't':
        simple = "\t";
        break;
      case 'r':
        simple = "\r";
        break;
      case 'n':
        simple = "\n";
        break;
      case 'p':
        simple = "|";
        break;
      case '\\':
        simple = "\\";
        break;
      default:
        break;
    }
    if (simple != nullptr) {
      out += simple;
      ++i;
      continue;
    }
    if (next == 'u' && i + 6 <= value.size()) {
      int code = 0;
      bool ok = true;
      for (size_t k = i + 2; k < i + 6; ++k) {
        int digit = HexDigit(value[k]);
        if (digit < 0) ok = false;
        code = code * 16 + (digit < 0 ? 0 : digit);
      }
      if (ok && !U_IS_SURROGATE(code)) {
        uint8_t utf8[4];
        int32_t n = 0;
        U8_APPEND_UNSAFE(utf8, n, code);
        out.append(reinterpret_cast<const char*>(utf8), n);
        i += 5;
        continue;
      }
    }
    out += value[i];
  }
  return out;
}

TokenKind GuessTokenKind(std::string_view word, bool after_space) {
  if (word == "." || AllOf(word, "!?")) return TokenKind::kSentenceEnd;
  if (IsNumber(word)) return TokenKind::kNumber;
  if (word == "'s" || word == "'S" || word == "\xE2\x80\x99s" ||
      word == "\xE2\x80\x99S") {
    return TokenKind::kPossessive;
  }
  if (word == "\xE2\x80\x9C" || word == "``" || word == "\xE2\x80\x98") {
    return TokenKind::kOpenQuote;
  }
  if (word == "\xE2\x80\x9D" || word == "''") return TokenKind::kCloseQuote;
  if (word == "\"") {
    return after_space ? TokenKind::kOpenQuote : TokenKind::kCloseQuote;
  }
  int alnum = 0, punct = 0;
  CountClasses(word, &alnum, &punct);
  if (alnum > 0) return TokenKind::kWord;
  if (punct > 0) return TokenKind::kPunct;
  return TokenKind::kSymbol;
}

Result<Document> ConlluSentenceToDocument(const ConlluSentence& sentence,
                                          std::string_view name,
                                          std::string doc_id) {
  Document doc;
  doc.doc_id = std::move(doc_id);
  doc.source = std::string(name);
  doc.line = static_cast<uint64_t>(sentence.line);

  const size_t count = sentence.words.size();
  // spacing[i]: the bytes between word i and word i + 1.
  std::vector<std::string> spacing(count);
  for (size_t i = 0; i < count; ++i) {
    spacing[i] = SpacingAfter(sentence.words[i].misc);
  }
  for (const ConlluMultiword& range : sentence.multiwords) {
    for (int id = range.first; id <= range.last; ++id) {
      if (id < 1 || static_cast<size_t>(id) > count) continue;
      spacing[id - 1] = id < range.last ? "" : SpacingAfter(range.misc);
    }
  }

  size_t bytes = 0;
  for (size_t i = 0; i < count; ++i) {
    bytes += sentence.words[i].form.size() + spacing[i].size();
  }
  if (bytes >= std::numeric_limits<uint32_t>::max()) {
    return InvalidArgument(std::string(name) + ":" +
                           std::to_string(sentence.line) +
                           ": sentence of 4 GiB or more");
  }
  doc.text.reserve(bytes);
  doc.tokens.reserve(count);
  std::string upper;
  for (size_t i = 0; i < count; ++i) {
    const std::string& form = sentence.words[i].form;
    if (form.empty()) {
      return ParseError(
          std::string(name) + ":" + std::to_string(sentence.line) + ": word " +
          std::to_string(sentence.words[i].id) + " has an empty FORM");
    }
    bool after_space = i == 0 || !spacing[i - 1].empty();
    Token token;
    token.span.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += form;
    token.span.end = static_cast<uint32_t>(doc.text.size());
    token.kind = GuessTokenKind(form, after_space);
    text::MatchForm(form, &upper);
    token.upper = upper;
    doc.tokens.push_back(std::move(token));
    if (i + 1 < count) doc.text += spacing[i];
  }
  const Span all{0, static_cast<uint32_t>(doc.text.size())};
  doc.parts.push_back(Part{PartKind::kBody, all, 0});
  Sentence out;
  out.span = all;
  out.first_token = 0;
  out.token_count = static_cast<uint32_t>(count);
  doc.sentences.push_back(out);
  return doc;
}

}  // namespace dyad::analyze

namespace dyad {

size_t ReadConlluDocuments(std::string_view conllu, std::string_view name,
                           const ConlluDocumentSink& sink) {
  constexpr size_t kNone = std::string_view::npos;
  const std::string stem = analyze::Stem(name);
  size_t handed = 0;
  int sentence_number = 0;
  size_t block_begin = kNone;
  size_t block_end = 0;
  int block_first_line = 0;
  // Each block of non-blank lines is parsed alone, so that a malformed
  // sentence costs only itself.
  auto flush = [&] {
    if (block_begin == kNone) return;
    std::string_view block =
        conllu.substr(block_begin, block_end - block_begin);
    block_begin = kNone;
    const int offset = block_first_line - 1;
    auto parsed = analyze::ParseConllu(block, name);
    if (!parsed.ok()) {
      ++sentence_number;
      ++handed;
      sink(analyze::ShiftLine(parsed.status(), name, offset));
      return;
    }
    for (analyze::ConlluSentence& sentence : *parsed) {
      sentence.line += offset;
      ++sentence_number;
      std::string doc_id = sentence.sent_id.empty()
                               ? stem + "-" + std::to_string(sentence_number)
                               : sentence.sent_id;
      ++handed;
      sink(
          analyze::ConlluSentenceToDocument(sentence, name, std::move(doc_id)));
    }
  };
  size_t position = 0;
  int line = 0;
  while (position < conllu.size()) {
    size_t newline = conllu.find('\n', position);
    size_t line_end = newline == kNone ? conllu.size() : newline;
    std::string_view text = conllu.substr(position, line_end - position);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    ++line;
    if (text.empty()) {
      flush();
    } else {
      if (block_begin == kNone) {
        block_begin = position;
        block_first_line = line;
      }
      block_end = line_end;
    }
    position = line_end + 1;
  }
  flush();
  return handed;
}

Status ReadConlluDocumentsFile(const std::string& path,
                               const ConlluDocumentSink& sink) {
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin),
                 std::istreambuf_iterator<char>());
    if (std::cin.bad()) return IoError("-: read failed");
  } else {
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
      return NotFound(path + ": no such file");
    }
    if (std::filesystem::is_directory(path, error)) {
      return InvalidArgument(path + ": is a directory, not a CoNLL-U file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return IoError(path + ": cannot open");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return IoError(path + ": read failed");
    bytes = std::move(buffer).str();
  }
  ReadConlluDocuments(bytes, path, sink);
  return Status::Ok();
}

}  // namespace dyad
