// UniversalPetrarch's internal coding ontology, read for what negation does
// to a code.
#include <charconv>
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

// "0x1000", "-0xFFFF+0x0070", "0": a signed sum of hexadecimal (or
// decimal) terms below 2^48, at most 16 of them; nullopt when it is anything
// else.
std::optional<int64_t> ParseValue(std::string_view text) {
  constexpr int64_t kTermLimit = int64_t{1} << 48;
  int64_t total = 0;
  const char* at = text.data();
  const char* end = text.data() + text.size();
  for (int terms = 0; at < end; ++terms) {
    if (terms == 16) return std::nullopt;
    int sign = 1;
    if (*at == '+' || *at == '-') {
      sign = *at == '-' ? -1 : 1;
      ++at;
    } else if (terms > 0) {
      return std::nullopt;  // terms are joined by + or -
    }
    int base = 10;
    if (end - at > 2 && at[0] == '0' && (at[1] == 'x' || at[1] == 'X')) {
      base = 16;
      at += 2;
    }
    int64_t term = 0;
    auto [next, error] = std::from_chars(at, end, term, base);
    if (error != std::errc() || next == at || term < 0 || term >= kTermLimit)
      return std::nullopt;
    total += sign * term;
    at = next;
  }
  if (text.empty()) return std::nullopt;
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
