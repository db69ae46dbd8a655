#include "ingest/byline.h"

#include "ingest/names.h"
#include "ingest/text_util.h"

namespace dyad::ingest {
namespace {

bool HasSentencePunctuation(std::string_view s) {
  for (std::string_view bad :
       {"!", "?", "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", ":", "\n", "(", ")"}) {
    if (s.find(bad) != std::string_view::npos) return true;
  }
  return false;
}

bool HasDigit(std::string_view s) {
  for (char c : s) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

}  // namespace

std::optional<Byline> ParseByline(std::string_view text,
                                  bool require_capitals) {
  text = Trim(text);
  if (text.size() < 3 || text.size() > 200) return std::nullopt;
  if (HasSentencePunctuation(text) || HasDigit(text)) return std::nullopt;
  bool has_by = StartsWithIgnoreCase(text, "by ");
  if (has_by) text = Trim(text.substr(3));

  std::vector<std::string> fields = SplitAndTrim(text, ",");
  if (fields.size() < 2) return std::nullopt;
  // SplitAndTrim drops empty pieces; ", ," means this is not a byline.
  size_t commas = 0;
  for (char c : text) commas += (c == ',');
  if (commas + 1 != fields.size()) return std::nullopt;

  const std::string& outlet = fields.back();
  if (outlet.size() > 30 || CountWords(outlet) > 4) return std::nullopt;

  std::string names;
  std::string city;
  if (fields.size() >= 3) {
    city = fields[fields.size() - 2];
    if (CountWords(city) > 4) return std::nullopt;
    for (size_t i = 0; i + 2 < fields.size(); ++i) {
      if (!names.empty()) names += ", ";
      names += fields[i];
    }
  } else {
    names = fields[0];
  }
  if ((require_capitals || !has_by) && !IsMostlyUpper(names)) {
    return std::nullopt;
  }

  Byline byline;
  byline.authors = SplitPeople(names);
  if (byline.authors.empty()) return std::nullopt;
  for (const std::string& author : byline.authors) {
    size_t words = CountWords(author);
    if (words == 0 || words > 5) return std::nullopt;
  }
  byline.dateline = TitleCaseName(city);
  size_t slash = outlet.rfind('/');
  byline.agency = std::string(Trim(
      slash == std::string::npos ? std::string_view(outlet)
                                 : std::string_view(outlet).substr(slash + 1)));
  if (byline.agency.empty()) return std::nullopt;
  return byline;
}

}  // namespace dyad::ingest
