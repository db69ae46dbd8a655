#include "ingest/names.h"

#include <array>

#include "ingest/text_util.h"
#include "utf8proc.h"

namespace dyad::ingest {
namespace {

// Particles that stay lower-case inside a name (not as its first word),
// following the usual English rendering of European and Arabic names.
constexpr std::array<std::string_view, 16> kParticles = {
    "de",  "del", "della", "der", "den", "di",  "da", "das",
    "dos", "du",  "van",   "von", "bin", "ibn", "la", "le"};

void AppendCodepoint(utf8proc_int32_t cp, std::string* out) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// Title-cases one space-free word; hyphens and the apostrophe of O'/D'/L'
// start new capitalised segments.
std::string TitleCaseWord(std::string_view word, bool first_word) {
  std::string lower;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(word.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(word.size());
  std::vector<utf8proc_int32_t> cps;
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return std::string(word);  // not UTF-8: leave it alone
    cps.push_back(utf8proc_tolower(cp));
    p += n;
    left -= n;
  }
  for (utf8proc_int32_t cp : cps) AppendCodepoint(cp, &lower);
  if (!first_word) {
    for (std::string_view particle : kParticles) {
      if (lower == particle) return lower;
    }
    // "AL-SUDANI" -> "al-Sudani" as English-language outlets print it.
    if (lower.rfind("al-", 0) == 0 && cps.size() > 3) {
      cps[3] = utf8proc_toupper(cps[3]);
      std::string out;
      for (utf8proc_int32_t cp : cps) AppendCodepoint(cp, &out);
      return out;
    }
  }
  bool start = true;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (start && utf8proc_category(cps[i]) == UTF8PROC_CATEGORY_LL) {
      cps[i] = utf8proc_toupper(cps[i]);
    }
    start = false;
    if (cps[i] == '-' || cps[i] == 0x2010) {
      start = true;
    } else if ((cps[i] == '\'' || cps[i] == 0x2019) && i == 1) {
      start = true;  // O'Neil, D'Souza, L'Heureux
    }
  }
  // "MCDONALD" -> "McDonald": the Mc prefix is unambiguous in English names.
  if (cps.size() > 3 && cps[0] == 'M' && cps[1] == 'c') {
    cps[2] = utf8proc_toupper(cps[2]);
  }
  std::string out;
  for (utf8proc_int32_t cp : cps) AppendCodepoint(cp, &out);
  return out;
}

}  // namespace

LetterCase CountLetterCase(std::string_view s) {
  LetterCase counts;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      ++p;
      --left;
      continue;
    }
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
      ++counts.upper;
    } else if (cat == UTF8PROC_CATEGORY_LL) {
      ++counts.lower;
    }
    p += n;
    left -= n;
  }
  return counts;
}

bool IsMostlyUpper(std::string_view s) {
  LetterCase c = CountLetterCase(s);
  return c.upper >= 2 && c.lower * 10 <= c.upper + c.lower;
}

std::string TitleCaseName(std::string_view s) {
  std::string collapsed = CollapseSpaces(s);
  if (!IsMostlyUpper(collapsed)) return collapsed;
  std::string out;
  size_t start = 0;
  bool first = true;
  while (start <= collapsed.size()) {
    size_t space = collapsed.find(' ', start);
    if (space == std::string::npos) space = collapsed.size();
    if (space > start) {
      if (!out.empty()) out += ' ';
      out += TitleCaseWord(
          std::string_view(collapsed).substr(start, space - start), first);
      first = false;
    }
    start = space + 1;
  }
  return out;
}

std::vector<std::string> SplitPeople(std::string_view s) {
  // Turn the word separators " and " / " AND " into '&' so one split works.
  std::string text = CollapseSpaces(s);
  if (StartsWithIgnoreCase(text, "by ")) text.erase(0, 3);
  std::string marked;
  for (size_t i = 0; i < text.size();) {
    if (i > 0 && text[i - 1] == ' ' &&
        StartsWithIgnoreCase(std::string_view(text).substr(i), "and ")) {
      marked += '&';
      i += 3;
      continue;
    }
    marked += text[i++];
  }
  std::vector<std::string> people;
  for (const std::string& name : SplitAndTrim(marked, "&,;")) {
    people.push_back(TitleCaseName(name));
  }
  return people;
}

}  // namespace dyad::ingest
