// The .options commands that change how the coder works.
#include <cctype>
#include <string>

#include "dyad/lexicon.h"
#include "lexicon/tabari_syntax.h"

namespace dyad {

using lexicon_internal::Trim;
using lexicon_internal::Upper;

namespace {

// Reads "NAME[5]" style values: returns -1 when absent or malformed.
int BracketNumber(const std::string& text, const std::string& name) {
  size_t at = text.find(name + "[");
  if (at == std::string::npos) return -1;
  size_t start = at + name.size() + 1;
  size_t close = text.find(']', start);
  if (close == std::string::npos) return -2;
  std::string num = text.substr(start, close - start);
  if (num.empty()) return -2;
  for (char c : num)
    if (!std::isdigit(static_cast<unsigned char>(c))) return -2;
  return std::stoi(num);
}

// Reads "KEY = 4" from "MIN = 4 MAX = 6 ..."; -1 when absent, -2 malformed.
int KeyNumber(const std::string& text, const std::string& key) {
  size_t pos = 0;
  while (true) {
    size_t at = text.find(key, pos);
    if (at == std::string::npos) return -1;
    bool starts_word = at == 0 || text[at - 1] == ' ';
    size_t after = at + key.size();
    size_t eq = after;
    while (eq < text.size() && text[eq] == ' ') ++eq;
    if (starts_word && eq < text.size() && text[eq] == '=') {
      size_t d = eq + 1;
      while (d < text.size() && text[d] == ' ') ++d;
      size_t e = d;
      while (e < text.size() &&
             std::isdigit(static_cast<unsigned char>(text[e])))
        ++e;
      if (e == d) return -2;
      return std::stoi(text.substr(d, e - d));
    }
    pos = at + 1;
  }
}

// "SOURCE [DEFSRC]" -> DEFSRC.
std::string BracketAfter(const std::string& text, const std::string& key) {
  size_t at = text.find(key);
  if (at == std::string::npos) return "";
  size_t open = text.find('[', at);
  size_t close = text.find(']', open == std::string::npos ? at : open);
  if (open == std::string::npos || close == std::string::npos) return "";
  return std::string(Trim(text.substr(open + 1, close - open - 1)));
}

bool IsTrue(const std::string& value) {
  return value == "TRUE" || value == "T" || value == "ON" || value == "YES" ||
         value == "1";
}

}  // namespace

Status ApplyTabariOption(std::string_view line, const SourceLine& where,
                         CoderOptions* options) {
  auto error = [&](const std::string& m) {
    return ParseError(where.file + ":" + std::to_string(where.line) + ": " + m);
  };
  std::string text = Upper(Trim(line));
  size_t colon = text.find(':');
  if (colon == std::string::npos)
    return error("expected COMMAND: arguments, got '" + std::string(line) +
                 "'");
  std::string command(Trim(std::string_view(text).substr(0, colon)));
  std::string args(Trim(std::string_view(text).substr(colon + 1)));
  if (command == "COMPLEX") {
    int verbs = BracketNumber(args, "VERBS");
    int conj = BracketNumber(args, "CONJ");
    if (verbs == -2 || conj == -2)
      return error("bad COMPLEX limit in '" + args + "'");
    options->complex_verbs = verbs > 0 ? verbs : 0;
    options->complex_conjunctions = conj > 0 ? conj : 0;
    options->complex_no_actor_prior =
        args.find("NOACTPRIOR") != std::string::npos;
    return Status::Ok();
  }
  if (command == "DEFAULT") {
    if (args == "OFF") {
      options->default_source.clear();
      options->default_target.clear();
      options->default_source_prior = false;
      options->default_target_after = false;
      return Status::Ok();
    }
    size_t src = args.find("SOURCE");
    size_t tgt = args.find("TARGET");
    if (src == std::string::npos && tgt == std::string::npos)
      return error("DEFAULT: needs SOURCE [code] or TARGET [code] or OFF");
    if (src != std::string::npos) {
      std::string part = args.substr(src, tgt != std::string::npos && tgt > src
                                              ? tgt - src
                                              : std::string::npos);
      options->default_source = BracketAfter(part, "SOURCE");
      if (options->default_source.empty())
        return error("DEFAULT: SOURCE needs a [code]");
      options->default_source_prior = part.find("PRIOR") != std::string::npos;
    }
    if (tgt != std::string::npos) {
      std::string part = args.substr(tgt, src != std::string::npos && src > tgt
                                              ? src - tgt
                                              : std::string::npos);
      options->default_target = BracketAfter(part, "TARGET");
      if (options->default_target.empty())
        return error("DEFAULT: TARGET needs a [code]");
      options->default_target_after = part.find("AFTER") != std::string::npos;
    }
    return Status::Ok();
  }
  if (command == "COMMA") {
    struct Key {
      const char* name;
      int* field;
    } keys[] = {{"MIN", &options->comma_min},
                {"MAX", &options->comma_max},
                {"EMIN", &options->comma_end_min},
                {"EMAX", &options->comma_end_max},
                {"BMIN", &options->comma_begin_min},
                {"BMAX", &options->comma_begin_max}};
    for (const Key& k : keys) {
      int v = KeyNumber(args, k.name);
      if (v == -2) return error(std::string("bad COMMA value for ") + k.name);
      if (v >= 0) *k.field = v;
    }
    return Status::Ok();
  }
  if (command == "LABEL") {
    size_t eq = args.find('=');
    if (eq == std::string::npos) return error("LABEL: needs CODE=text");
    std::string code(Trim(std::string_view(args).substr(0, eq)));
    std::string label(Trim(
        std::string_view(line).substr(std::string_view(line).find('=') + 1)));
    options->labels[code] = label;
    return Status::Ok();
  }
  if (command == "SET") {
    if (args.rfind("CODE ", 0) == 0) {
      std::string mode = args.substr(5);
      if (mode == "ALL")
        options->code_by = CoderOptions::CodeBy::kAll;
      else if (mode == "BY SENTENCE")
        options->code_by = CoderOptions::CodeBy::kSentence;
      else if (mode == "BY CLAUSE")
        options->code_by = CoderOptions::CodeBy::kClause;
      else
        return error("SET: CODE needs ALL, BY SENTENCE or BY CLAUSE");
      return Status::Ok();
    }
    size_t eq = args.find('=');
    if (eq == std::string::npos) return Status::Ok();  // output-only switches
    std::string key(Trim(std::string_view(args).substr(0, eq)));
    std::string value(Trim(std::string_view(args).substr(eq + 1)));
    if (key == "MINIMUM WORDS") {
      if (value.empty() ||
          value.find_first_not_of("0123456789") != std::string::npos)
        return error("SET: MINIMUM WORDS needs a number");
      options->minimum_words = std::stoi(value);
    } else if (key == "CONVERT AGENT") {
      options->convert_agents = IsTrue(value);
    } else if (key == "TIME SHIFT") {
      options->time_shift = IsTrue(value);
    } else if (key == "YYYY") {
      options->yyyy_dates = IsTrue(value);
    } else if (key == "NEWS PROSE") {
      options->news_prose = IsTrue(value);
    }
    return Status::Ok();
  }
  // OUTPUT:, FORWARD: and the like only change TABARI's output files.
  for (char c : command) {
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != ' ')
      return error("unknown option command '" + command + "'");
  }
  return Status::Ok();
}

}  // namespace dyad
