#include "serve/query_params.h"

#include <charconv>
#include <initializer_list>

namespace dyad::serve_internal {
namespace {

// Codes are a few dozen letters; anything longer is not a code.
constexpr size_t kMaxCodeLength = 64;
constexpr size_t kMaxTextLength = 500;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view text) {
  std::string decoded;
  decoded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      decoded += ' ';
    } else if (c == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
               HexValue(text[i + 2]) >= 0) {
      decoded +=
          static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      decoded += c;
    }
  }
  return decoded;
}

// Concatenated piece by piece: chains of operator+ on temporaries trip
// gcc 12's false -Wrestrict warnings.
Status Bad(std::string_view name,
           std::initializer_list<std::string_view> pieces) {
  std::string message(name);
  message += ": ";
  for (std::string_view piece : pieces) message += piece;
  return InvalidArgument(std::move(message));
}

Status Bad(std::string_view name, std::string_view why) {
  return Bad(name, {why});
}

// The first 40 bytes of a bad value, quoted, for messages.
std::string Quoted(std::string_view value) {
  std::string quoted = "\"";
  quoted += value.substr(0, 40);
  quoted += "\"";
  return quoted;
}

Result<std::string> Code(const QueryParams& params, std::string_view name) {
  return ParseCode(name, params.Get(name));
}

Result<std::string> Date(const QueryParams& params, std::string_view name) {
  std::string_view value = params.Get(name);
  if (value.empty() || IsPartialDate(value)) return std::string(value);
  return Bad(name,
             {Quoted(value), " is not a date YYYY, YYYY-MM or YYYY-MM-DD"});
}

Result<int64_t> Integer(const QueryParams& params, std::string_view name,
                        int64_t fallback, int64_t min, int64_t max) {
  std::string_view value = params.Get(name);
  if (value.empty()) return fallback;
  int64_t parsed = 0;
  auto [end, error] =
      std::from_chars(value.data(), value.data() + value.size(), parsed);
  if (error != std::errc() || end != value.data() + value.size()) {
    return Bad(name, {Quoted(value), " is not a whole number"});
  }
  if (parsed < min || parsed > max) {
    return Bad(name, {"must be between ", std::to_string(min), " and ",
                      std::to_string(max)});
  }
  return parsed;
}

Result<std::string> Text(const QueryParams& params, std::string_view name) {
  std::string_view value = params.Get(name);
  if (value.size() > kMaxTextLength) {
    return Bad(name,
               {"longer than ", std::to_string(kMaxTextLength), " bytes"});
  }
  return std::string(value);
}

Result<std::string> Digits(const QueryParams& params, std::string_view name,
                           size_t min_length, size_t max_length) {
  std::string_view value = params.Get(name);
  if (value.empty()) return std::string();
  bool digits = value.size() >= min_length && value.size() <= max_length;
  for (char c : value) digits = digits && c >= '0' && c <= '9';
  if (!digits) {
    return Bad(name, {Quoted(value), min_length == max_length
                                         ? " is not a 2-digit CAMEO root"
                                         : " is not a CAMEO code (digits)"});
  }
  return std::string(value);
}

Result<std::vector<int>> Quads(const QueryParams& params) {
  std::vector<int> quads;
  std::string_view value = params.Get("quad");
  if (value.empty()) return quads;
  size_t start = 0;
  while (start <= value.size()) {
    size_t comma = value.find(',', start);
    if (comma == std::string_view::npos) comma = value.size();
    std::string_view item = value.substr(start, comma - start);
    if (item.size() != 1 || item[0] < '1' || item[0] > '4') {
      return Bad("quad",
                 {Quoted(value), " is not a quad class 1-4 or a comma list"});
    }
    quads.push_back(item[0] - '0');
    start = comma + 1;
  }
  return quads;
}

// Helpers that move a parsed value into place or return its error.
#define DYAD_ASSIGN_PARAM(target, expr)         \
  do {                                          \
    auto parsed_ = (expr);                      \
    if (!parsed_.ok()) return parsed_.status(); \
    target = std::move(parsed_).value();        \
  } while (0)

}  // namespace

ParamList ParseQueryString(std::string_view query) {
  ParamList params;
  size_t start = 0;
  while (start < query.size()) {
    size_t amp = query.find('&', start);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view pair = query.substr(start, amp - start);
    if (!pair.empty()) {
      size_t equals = pair.find('=');
      std::string_view name = pair.substr(0, equals);
      std::string_view value = equals == std::string_view::npos
                                   ? std::string_view()
                                   : pair.substr(equals + 1);
      params.emplace_back(PercentDecode(name), PercentDecode(value));
    }
    start = amp + 1;
  }
  return params;
}

std::string_view QueryParams::Get(std::string_view name) const {
  for (const auto& [key, value] : params_) {
    if (key == name) return value;
  }
  return {};
}

bool QueryParams::Has(std::string_view name) const {
  for (const auto& param : params_) {
    if (param.first == name) return true;
  }
  return false;
}

bool IsPartialDate(std::string_view date) {
  auto number = [&](size_t at, size_t length, int* out) {
    if (date.size() < at + length) return false;
    int value = 0;
    for (size_t i = at; i < at + length; ++i) {
      if (date[i] < '0' || date[i] > '9') return false;
      value = value * 10 + (date[i] - '0');
    }
    *out = value;
    return true;
  };
  int year = 0, month = 0, day = 0;
  if (!number(0, 4, &year)) return false;
  if (date.size() == 4) return true;
  if (date.size() < 7 || date[4] != '-' || !number(5, 2, &month)) return false;
  if (month < 1 || month > 12) return false;
  if (date.size() == 7) return true;
  if (date.size() != 10 || date[7] != '-' || !number(8, 2, &day)) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int days = month == 2 && !leap ? 28 : kDays[month - 1];
  return day >= 1 && day <= days;
}

Result<std::string> ParseCode(std::string_view name, std::string_view value) {
  if (value.size() > kMaxCodeLength) {
    return Bad(name, {"longer than ", std::to_string(kMaxCodeLength),
                      " characters, not an actor code"});
  }
  std::string code;
  for (char c : value) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      return Bad(name,
                 {Quoted(value), " is not an actor code (letters and digits)"});
    }
    code += c;
  }
  return code;
}

Result<EventsParams> ParseEventsParams(const QueryParams& params) {
  EventsParams parsed;
  EventFilterParams& f = parsed.filter;
  DYAD_ASSIGN_PARAM(f.actor, Code(params, "actor"));
  DYAD_ASSIGN_PARAM(f.source, Code(params, "source"));
  DYAD_ASSIGN_PARAM(f.target, Code(params, "target"));
  std::string a, b;
  DYAD_ASSIGN_PARAM(a, Code(params, "a"));
  DYAD_ASSIGN_PARAM(b, Code(params, "b"));
  if (!a.empty() || !b.empty()) {
    if (a.empty()) return Bad("a", "required with b (the dyad is a and b)");
    if (b.empty()) return Bad("b", "required with a (the dyad is a and b)");
    if (!f.source.empty() || !f.target.empty()) {
      return Bad("a", "cannot be combined with source or target");
    }
    f.source = a;
    f.target = b;
    f.both_directions = true;
  }
  DYAD_ASSIGN_PARAM(f.cameo, Digits(params, "cameo", 2, 4));
  DYAD_ASSIGN_PARAM(f.root, Digits(params, "root", 2, 2));
  DYAD_ASSIGN_PARAM(f.quads, Quads(params));
  DYAD_ASSIGN_PARAM(f.from, Date(params, "from"));
  DYAD_ASSIGN_PARAM(f.to, Date(params, "to"));
  DYAD_ASSIGN_PARAM(f.place, Text(params, "place"));
  DYAD_ASSIGN_PARAM(f.text, Text(params, "q"));
  for (char& c : f.text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  DYAD_ASSIGN_PARAM(parsed.limit, Integer(params, "limit", 50, 0, 500));
  DYAD_ASSIGN_PARAM(parsed.offset,
                    Integer(params, "offset", 0, 0, 1'000'000'000));
  return parsed;
}

Result<DyadsParams> ParseDyadsParams(const QueryParams& params) {
  DyadsParams parsed;
  DYAD_ASSIGN_PARAM(parsed.a, Code(params, "a"));
  DYAD_ASSIGN_PARAM(parsed.b, Code(params, "b"));
  if (parsed.a.empty()) return Bad("a", "required (an actor code)");
  if (parsed.b.empty()) return Bad("b", "required (an actor code)");
  std::string_view bucket = params.Get("bucket");
  if (bucket == "day") {
    parsed.bucket = Bucket::kDay;
  } else if (bucket == "week") {
    parsed.bucket = Bucket::kWeek;
  } else if (bucket.empty() || bucket == "month") {
    parsed.bucket = Bucket::kMonth;
  } else {
    return Bad("bucket", {Quoted(bucket), " is not day, week or month"});
  }
  DYAD_ASSIGN_PARAM(parsed.from, Date(params, "from"));
  DYAD_ASSIGN_PARAM(parsed.to, Date(params, "to"));
  return parsed;
}

Result<NetworkParams> ParseNetworkParams(const QueryParams& params) {
  NetworkParams parsed;
  DYAD_ASSIGN_PARAM(parsed.from, Date(params, "from"));
  DYAD_ASSIGN_PARAM(parsed.to, Date(params, "to"));
  DYAD_ASSIGN_PARAM(parsed.actor, Code(params, "actor"));
  DYAD_ASSIGN_PARAM(parsed.min_events,
                    Integer(params, "min", 1, 1, 1'000'000'000));
  DYAD_ASSIGN_PARAM(parsed.limit, Integer(params, "limit", 150, 1, 5000));
  return parsed;
}

Result<PlacesParams> ParsePlacesParams(const QueryParams& params) {
  PlacesParams parsed;
  DYAD_ASSIGN_PARAM(parsed.from, Date(params, "from"));
  DYAD_ASSIGN_PARAM(parsed.to, Date(params, "to"));
  DYAD_ASSIGN_PARAM(parsed.actor, Code(params, "actor"));
  return parsed;
}

Result<QuotesParams> ParseQuotesParams(const QueryParams& params) {
  QuotesParams parsed;
  DYAD_ASSIGN_PARAM(parsed.query, Text(params, "q"));
  DYAD_ASSIGN_PARAM(parsed.speaker, Code(params, "speaker"));
  DYAD_ASSIGN_PARAM(parsed.limit, Integer(params, "limit", 50, 0, 500));
  DYAD_ASSIGN_PARAM(parsed.offset,
                    Integer(params, "offset", 0, 0, 1'000'000'000));
  return parsed;
}

Status ParseForEveryEndpoint(std::string_view query) {
  const ParamList list = ParseQueryString(query);
  const QueryParams params(list);
  Status first;
  auto keep = [&first](const Status& status) {
    if (first.ok()) first = status;
  };
  keep(ParseEventsParams(params).status());
  keep(ParseDyadsParams(params).status());
  keep(ParseNetworkParams(params).status());
  keep(ParsePlacesParams(params).status());
  keep(ParseQuotesParams(params).status());
  keep(ParseCode("code", params.Get("code")).status());
  return first;
}

}  // namespace dyad::serve_internal
