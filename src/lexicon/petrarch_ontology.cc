// UniversalPetrarch's internal coding ontology, read for what negation does
// to a code.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dyad/petrarch_lexicon.h"
#include "lexicon/petrarch_common.h"

namespace dyad {

using petrarch_internal::CleanLine;
using petrarch_internal::CleanLines;
using petrarch_internal::CleanText;
using petrarch_internal::ErrorSink;
using petrarch_internal::Trim;
using petrarch_internal::WalkLines;

namespace {

// The PICO value of the negation marker.
constexpr int64_t kNegation = 0xFFFF;

// "0x1000", "-0xFFFF+0x0070", "0": a signed sum of hexadecimal (or decimal
// zero) terms; nullopt when it is anything else.
std::optional<int64_t> ParseValue(std::string_view text) {
  int64_t total = 0;
  size_t i = 0;
  bool any = false;
  while (i < text.size()) {
    int sign = 1;
    if (text[i] == '+' || text[i] == '-') {
      sign = text[i] == '-' ? -1 : 1;
      ++i;
    } else if (any) {
      return std::nullopt;  // terms are joined by + or -
    }
    int64_t term = 0;
    size_t digits = 0;
    if (text.substr(i, 2) == "0x" || text.substr(i, 2) == "0X") {
      i += 2;
      for (; i < text.size(); ++i, ++digits) {
        char c = text[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0) break;
        if (digits >= 12) return std::nullopt;
        term = term * 16 + d;
      }
    } else {
      for (; i < text.size() && text[i] >= '0' && text[i] <= '9';
           ++i, ++digits) {
        if (digits >= 12) return std::nullopt;
        term = term * 10 + (text[i] - '0');
      }
    }
    if (digits == 0) return std::nullopt;
    total += sign * term;
    any = true;
  }
  if (!any) return std::nullopt;
  return total;
}

}  // namespace

Status LoadPetrarchCodingOntologyFromString(std::string_view contents,
                                            std::string_view name,
                                            Lexicon* lexicon,
                                            std::vector<std::string>* errors) {
  ErrorSink sink(name, errors);
  CleanText text = CleanLines(contents);
  // Codes in file order with their values; the first code of a value is
  // the one a negation lands on (044 and 046 share 0xB010).
  std::vector<std::pair<std::string, int64_t>> codes;
  std::map<int64_t, std::string> code_of_value;
  WalkLines(text, &sink, [&](const CleanLine& line) {
    std::string_view body = line.text;
    size_t colon = body.find(':');
    if (colon == std::string_view::npos)
      return sink.Report(line.number, "expected CODE:VALUE");
    std::string code(Trim(body.substr(0, colon)));
    std::string_view value_text = Trim(body.substr(colon + 1));
    value_text = Trim(value_text.substr(0, value_text.find('#')));
    if (code.empty())
      return sink.Report(line.number, "expected a code before ':'");
    std::optional<int64_t> value = ParseValue(value_text);
    if (!value)
      return sink.Report(line.number,
                         "expected a value such as 0x1000 or -0xFFFF+0x0070, "
                         "got \"" +
                             std::string(value_text) + "\"");
    codes.emplace_back(code, *value);
    code_of_value.emplace(*value, code);
    return true;
  });
  if (sink.failed()) return sink.status();
  for (const auto& [code, value] : codes) {
    if (code == "---") continue;
    auto it = code_of_value.find(value - kNegation);
    if (it != code_of_value.end() && it->second != "---")
      lexicon->negated_codes[code] = it->second;
  }
  return sink.status();
}

Status LoadPetrarchCodingOntology(const std::string& path, Lexicon* lexicon,
                                  std::vector<std::string>* errors) {
  return petrarch_internal::LoadFile(path, LoadPetrarchCodingOntologyFromString,
                                     lexicon, errors);
}

}  // namespace dyad
