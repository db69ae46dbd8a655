#include "codes/cameo_table.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include "util/split_fields.h"

namespace dyad::codes {
namespace {

constexpr std::string_view kHeader =
    "code\troot\tquad\tgoldstein\tplover\tname";

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
}

// strtod would depend on the C locale; from_chars does not.
bool ParseDouble(std::string_view s, double* value) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), *value);
  return error == std::errc() && end == s.data() + s.size();
}

Status RowError(std::string_view source, int line, const std::string& what) {
  return ParseError(std::string(source) + ":" + std::to_string(line) + ": " +
                    what);
}

}  // namespace

Status ParseCameoTable(std::string_view tsv, std::string_view source,
                       std::vector<CameoCode>* out) {
  out->clear();
  bool seen_header = false;
  int line_number = 0;
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t newline = tsv.find('\n', pos);
    if (newline == std::string_view::npos) newline = tsv.size();
    std::string_view line = tsv.substr(pos, newline - pos);
    pos = newline + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (!seen_header) {
      if (line != kHeader) {
        return RowError(source, line_number,
                        "expected the header \"code root quad goldstein "
                        "plover name\" (tab-separated)");
      }
      seen_header = true;
      continue;
    }
    std::vector<std::string_view> f = SplitFields(line);
    if (f.size() != 6) {
      return RowError(
          source, line_number,
          "expected 6 tab-separated fields, found " + std::to_string(f.size()));
    }
    CameoCode code;
    code.code = f[0];
    code.root = f[1];
    if (!AllDigits(f[0]) || f[0].size() < 2 || f[0].size() > 4) {
      return RowError(source, line_number,
                      "code \"" + code.code + "\" is not 2 to 4 digits");
    }
    if (f[1] != f[0].substr(0, 2)) {
      return RowError(source, line_number,
                      "root \"" + code.root +
                          "\" is not the first two digits "
                          "of \"" +
                          code.code + "\"");
    }
    if (f[2].size() != 1 || f[2][0] < '1' || f[2][0] > '4') {
      return RowError(source, line_number, "quad class must be 1 to 4");
    }
    code.quad_class = f[2][0] - '0';
    if (!ParseDouble(f[3], &code.goldstein) || code.goldstein < -10 ||
        code.goldstein > 10) {
      return RowError(source, line_number,
                      "Goldstein score \"" + std::string(f[3]) +
                          "\" is not a number in [-10, 10]");
    }
    code.plover = f[4];
    code.name = f[5];
    out->push_back(std::move(code));
  }
  if (!seen_header) {
    return RowError(source, line_number, "no header line");
  }
  std::sort(
      out->begin(), out->end(),
      [](const CameoCode& a, const CameoCode& b) { return a.code < b.code; });
  for (size_t i = 1; i < out->size(); ++i) {
    if ((*out)[i].code == (*out)[i - 1].code) {
      return ParseError(std::string(source) + ": code " + (*out)[i].code +
                        " appears twice");
    }
  }
  return Status::Ok();
}

}  // namespace dyad::codes
