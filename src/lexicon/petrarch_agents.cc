// PETRARCH-2 agent dictionaries: roles with plurals and substitution sets.
#include <map>
#include <utility>

#include "dyad/petrarch_lexicon.h"
#include "lexicon/petrarch_common.h"

namespace dyad {

using petrarch_internal::CleanLine;
using petrarch_internal::CleanLines;
using petrarch_internal::CleanText;
using petrarch_internal::ErrorSink;
using petrarch_internal::ParseName;
using petrarch_internal::PluralOf;
using petrarch_internal::SplitBlocks;
using petrarch_internal::Trim;
using petrarch_internal::Upper;
using petrarch_internal::WalkLines;

namespace {

using Markers = std::map<std::string, std::vector<std::string>>;

// A substitution set can multiply phrases; a line that would expand into
// more than this is surely a mistake (and must not exhaust memory).
constexpr size_t kMaxExpansions = 1000;

// "!PERSON! = MAN, MEN, WOMAN" -> markers["PERSON"]. Returns "" or error.
std::string DefineMarker(std::string_view line, Markers* markers) {
  size_t open = line.find('!');
  size_t close = line.find('!', open + 1);
  size_t equals = line.find('=');
  if (open != 0 || close == std::string_view::npos || equals < close)
    return "substitution set must read \"!NAME! = WORD, WORD, ...\"";
  std::string name = Upper(Trim(line.substr(1, close - 1)));
  if (name.empty()) return "substitution set has no name";
  if (!Trim(line.substr(close + 1, equals - close - 1)).empty())
    return "text between the substitution marker and \"=\"";
  std::vector<std::string> items;
  std::string_view list = line.substr(equals + 1);
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view item = Trim(list.substr(start, comma - start));
    if (item.find_first_of(" \t!") != std::string_view::npos)
      return std::string("substitution \"").append(item) +
             "\" holds a blank or \"!\"";
    if (!item.empty()) items.push_back(Upper(item));
    start = comma + 1;
  }
  if (items.empty()) return "substitution set !" + name + "! is empty";
  (*markers)[name] = std::move(items);
  return "";
}

// Replaces every "!NAME!" of `text` by each member of its set. Returns ""
// or the error.
std::string Expand(const std::string& text, const Markers& markers,
                   std::vector<std::string>* out) {
  std::vector<std::string> work{text};
  std::vector<std::string> done;
  while (!work.empty()) {
    std::string s = std::move(work.back());
    work.pop_back();
    size_t open = s.find('!');
    if (open == std::string::npos) {
      done.push_back(std::move(s));
      continue;
    }
    size_t close = s.find('!', open + 1);
    if (close == std::string::npos)
      return "substitution marker \"" + s.substr(open) + "\" is not closed";
    std::string name = Upper(s.substr(open + 1, close - open - 1));
    auto it = markers.find(name);
    if (it == markers.end())
      return "substitution marker !" + name + "! is not defined above";
    for (const std::string& item : it->second) {
      if (work.size() + done.size() >= kMaxExpansions)
        return "substitution markers expand into too many phrases";
      work.push_back(s.substr(0, open) + item + s.substr(close + 1));
    }
  }
  for (auto it = done.rbegin(); it != done.rend(); ++it)
    out->push_back(std::move(*it));
  return "";
}

// "~GOV" -> GOV after the actor code; "NGO~" -> NGO before it.
std::string ParseAgentCode(std::string_view body, Agent* agent) {
  body = Trim(body);
  std::string code;
  for (char c : body)
    if (c != ' ' && c != '\t') code.push_back(c);
  bool leading = !code.empty() && code.front() == '~';
  bool trailing = !code.empty() && code.back() == '~';
  if (leading == trailing)
    return std::string("agent code \"").append(body) +
           "\" needs one \"~\", before (\"~GOV\") or after (\"NGO~\")";
  code = leading ? code.substr(1) : code.substr(0, code.size() - 1);
  if (code.empty() || code.find('~') != std::string::npos)
    return std::string("agent code \"").append(body) + "\" is malformed";
  agent->code = std::move(code);
  agent->prefix = trailing;
  return "";
}

}  // namespace

Status LoadPetrarchAgentsFromString(std::string_view contents,
                                    std::string_view name, Lexicon* lexicon,
                                    std::vector<std::string>* errors) {
  ErrorSink sink(name, errors);
  CleanText text = CleanLines(contents);
  Markers markers;
  WalkLines(text, &sink, [&](const CleanLine& line) {
    std::string_view body = line.text;
    std::string error;
    if (body[0] == '!' && body.find('=') != std::string_view::npos) {
      error = DefineMarker(body, &markers);
      return error.empty() || sink.Report(line.number, error);
    }
    // PETRARCH skips (with a warning in its log) an agent written without
    // any code, such as "ISLAMIC_EXTREMIST" in Phoenix.agents.txt.
    if (body.find('[') == std::string_view::npos &&
        body.find(']') == std::string_view::npos)
      return true;
    std::string fixed;
    // "DEPARMENT_OF_ENVIRONMENT [~ENV}": PETRARCH takes everything after
    // "[" as the code, so a "}" typed for the "]" still works.
    if (size_t open = body.rfind('[');
        open != std::string_view::npos && body.back() == '}' &&
        body.find(']', open) == std::string_view::npos) {
      fixed = std::string(body.substr(0, body.size() - 1)) + "]";
      body = fixed;
    }
    std::string_view head, trailing;
    std::vector<std::string_view> blocks;
    if (!SplitBlocks(body, &head, &blocks, &trailing, &error))
      return sink.Report(line.number, error);
    if (blocks.empty()) return sink.Report(line.number, "agent has no [~CODE]");
    if (blocks.size() > 1)
      return sink.Report(line.number, "agent has more than one code block");
    if (!trailing.empty())
      return sink.Report(line.number, "text after the code block");
    Agent agent;
    agent.origin = SourceLine{std::string(name), line.number};
    error = ParseAgentCode(blocks[0], &agent);
    if (!error.empty()) return sink.Report(line.number, error);

    // "ATTORNEY_GENERAL {ATTORNEYS_GENERAL}", "POLICE {}".
    std::string phrase_text(head);
    std::string plural_text;
    bool explicit_plural = false;
    if (size_t open = phrase_text.find('{'); open != std::string::npos) {
      size_t close = phrase_text.find('}', open);
      if (close == std::string::npos)
        return sink.Report(line.number, "unclosed '{' (missing '}')");
      if (!Trim(std::string_view(phrase_text).substr(close + 1)).empty())
        return sink.Report(line.number, "text after the plural in {...}");
      plural_text = Trim(phrase_text.substr(open + 1, close - open - 1));
      phrase_text = Trim(phrase_text.substr(0, open));
      explicit_plural = true;
    } else if (phrase_text.find('}') != std::string::npos) {
      return sink.Report(line.number, "'}' without '{'");
    }
    bool has_marker = phrase_text.find('!') != std::string::npos;
    std::vector<std::string> texts;
    error = Expand(phrase_text, markers, &texts);
    if (error.empty() && !plural_text.empty())
      error = Expand(plural_text, markers, &texts);
    if (!error.empty()) return sink.Report(line.number, error);
    for (const std::string& t : texts) {
      Phrase phrase;
      if (!ParseName(t, &phrase, &error))
        return sink.Report(line.number, "agent: " + error);
      agent.phrases.push_back(std::move(phrase));
    }
    // PETRARCH forms the regular plural unless "{...}" gives one (or "{}"
    // none) or the phrase came from a substitution set.
    if (!explicit_plural && !has_marker) {
      Phrase plural = agent.phrases.front();
      PhraseWord& last = plural.words.back();
      last.text = PluralOf(last.text);
      agent.phrases.push_back(std::move(plural));
    }
    lexicon->agents.push_back(std::move(agent));
    return true;
  });
  return sink.status();
}

Status LoadPetrarchAgents(const std::string& path, Lexicon* lexicon,
                          std::vector<std::string>* errors) {
  return petrarch_internal::LoadFile(path, LoadPetrarchAgentsFromString,
                                     lexicon, errors);
}

}  // namespace dyad
