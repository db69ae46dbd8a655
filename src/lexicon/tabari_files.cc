// Loaders for the TABARI dictionary files: .actors, .agents, .verbs,
// .options and the .project that names them.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dyad/lexicon.h"
#include "dyad/petrarch_lexicon.h"
#include "lexicon/tabari_syntax.h"

namespace dyad {

using lexicon_internal::ParseDatedCodes;
using lexicon_internal::ParseEventCode;
using lexicon_internal::ParsePattern;
using lexicon_internal::ParsePhrase;
using lexicon_internal::ParseTokens;
using lexicon_internal::SplitBrackets;
using lexicon_internal::StripComment;
using lexicon_internal::Trim;
using lexicon_internal::Upper;

namespace {

Result<std::vector<std::string>> ReadLines(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return NotFound(path + ": no such dictionary file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot open");
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
  }
  if (in.bad()) return IoError(path + ": read error");
  return lines;
}

// Collects errors in lenient mode, or stops at the first one.
class ErrorSink {
 public:
  ErrorSink(const std::string& path, std::vector<std::string>* errors)
      : path_(path), errors_(errors) {}
  // Returns true when loading should go on.
  bool Report(int line, const std::string& message) {
    std::string full = path_ + ":" + std::to_string(line) + ": " + message;
    if (errors_ != nullptr) {
      errors_->push_back(std::move(full));
      return true;
    }
    first_ = ParseError(std::move(full));
    return false;
  }
  Status status() const { return first_; }

 private:
  const std::string& path_;
  std::vector<std::string>* errors_;
  Status first_;
};

bool IsEndMarker(std::string_view t) { return t.substr(0, 2) == "~~"; }

// Shared by actors and agents: a phrase, "+synonym" lines, and code blocks
// on the phrase line or on indented lines after it.
template <typename Entry, typename AddCodes>
Status LoadPhraseLines(const std::string& path,
                       const std::vector<std::string>* lines, Lexicon* lexicon,
                       std::vector<std::string>* errors,
                       std::vector<Entry>* entries, bool allow_word_blocks,
                       AddCodes add_codes, const char* entry_name) {
  ErrorSink sink(path, errors);
  std::vector<Phrase>* block = nullptr;
  bool have_entry = false;
  bool entry_had_error = false;  // already reported: no second message
  int entry_line = 0;
  auto has_codes = [&](const Entry& e) {
    if constexpr (std::is_same_v<Entry, Actor>)
      return !e.codes.empty();
    else
      return !e.code.empty();
  };
  auto close_entry = [&]() -> bool {
    if (!have_entry) return true;
    have_entry = false;
    if (!has_codes(entries->back())) {
      entries->pop_back();
      if (entry_had_error) return true;
      return sink.Report(entry_line,
                         std::string(entry_name) + " has no code [ ]");
    }
    return true;
  };
  for (size_t i = 0; i < lines->size(); ++i) {
    int n = static_cast<int>(i + 1);
    const std::string& raw = (*lines)[i];
    if (!raw.empty() && raw[0] == '#') continue;
    std::string_view t = StripComment(raw);
    if (t.empty()) continue;
    if (IsEndMarker(t)) break;
    std::string err;
    if (t[0] == '<') {
      std::string tag = Upper(t);
      if (!allow_word_blocks) {
        if (!sink.Report(n, "unexpected block tag " + std::string(t)))
          return sink.status();
        continue;
      }
      if (!close_entry()) return sink.status();
      if (tag == "<NOUN>")
        block = &lexicon->nouns;
      else if (tag == "<ADJECTIVE>")
        block = &lexicon->adjectives;
      else if (tag == "</NOUN>" || tag == "</ADJECTIVE>")
        block = nullptr;
      else if (!sink.Report(n, "unknown block tag " + std::string(t)))
        return sink.status();
      continue;
    }
    if (block != nullptr) {
      Phrase p;
      if (!ParsePhrase(t, &p, &err)) {
        if (!sink.Report(n, err)) return sink.status();
        continue;
      }
      block->push_back(std::move(p));
      continue;
    }
    std::string_view head;
    std::vector<std::string_view> blocks;
    if (!SplitBrackets(t, &head, &blocks, &err)) {
      if (!sink.Report(n, err)) return sink.status();
      continue;
    }
    bool continuation = t[0] == '+' || t[0] == '[';
    if (continuation && !have_entry) {
      if (!sink.Report(n, t[0] == '+' ? "synonym '+' before any entry"
                                      : "code block before any entry"))
        return sink.status();
      continue;
    }
    if (!continuation) {
      if (!close_entry()) return sink.status();
      Phrase p;
      if (!ParsePhrase(head, &p, &err)) {
        if (!sink.Report(n, err)) return sink.status();
        continue;
      }
      entries->emplace_back();
      entries->back().phrases.push_back(std::move(p));
      entries->back().origin = SourceLine{path, n};
      have_entry = true;
      entry_had_error = false;
      entry_line = n;
    } else if (t[0] == '+') {
      Phrase p;
      if (!ParsePhrase(head.substr(1), &p, &err)) {
        if (!sink.Report(n, err)) return sink.status();
        continue;
      }
      entries->back().phrases.push_back(std::move(p));
    }
    for (std::string_view b : blocks) {
      if (!add_codes(b, &entries->back(), &err)) {
        entry_had_error = true;
        if (!sink.Report(n, err)) return sink.status();
      }
    }
  }
  if (!close_entry()) return sink.status();
  return Status::Ok();
}

}  // namespace

Result<Phrase> ParseTabariPhrase(std::string_view text,
                                 const SourceLine& where) {
  Phrase p;
  std::string err;
  if (!ParsePhrase(text, &p, &err))
    return ParseError(where.file + ":" + std::to_string(where.line) + ": " +
                      err);
  return p;
}

namespace lexicon_internal {

std::vector<std::string> SplitLines(std::string_view contents) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < contents.size()) {
    size_t nl = contents.find('\n', start);
    if (nl == std::string_view::npos) nl = contents.size();
    std::string line(contents.substr(start, nl - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    start = nl + 1;
  }
  return lines;
}

Status LoadActorLines(const std::string& path,
                      const std::vector<std::string>& lines, Lexicon* lexicon,
                      std::vector<std::string>* errors) {
  bool yyyy = lexicon->options.yyyy_dates;
  return LoadPhraseLines(
      path, &lines, lexicon, errors, &lexicon->actors, true,
      [yyyy](std::string_view b, Actor* a, std::string* err) {
        return ParseDatedCodes(b, yyyy, &a->codes, err);
      },
      "actor");
}

Status LoadAgentLines(const std::string& path,
                      const std::vector<std::string>& lines, Lexicon* lexicon,
                      std::vector<std::string>* errors) {
  return LoadPhraseLines(
      path, &lines, lexicon, errors, &lexicon->agents, false,
      [](std::string_view b, Agent* a, std::string* err) {
        std::string code;
        for (char c : b)
          if (!std::isspace(static_cast<unsigned char>(c))) code += c;
        if (code.empty()) {
          *err = "no code between [ ]";
          return false;
        }
        if (code.front() == '~') {
          a->code = code.substr(1);
          a->prefix = false;
        } else if (code.back() == '~') {
          a->code = code.substr(0, code.size() - 1);
          a->prefix = true;
        } else {
          *err = "agent code '" + code + "' needs '~' before or after it";
          return false;
        }
        if (a->code.empty() || a->code.find('~') != std::string::npos) {
          *err = "bad agent code '" + code + "'";
          return false;
        }
        return true;
      },
      "agent");
}

Status LoadVerbLines(const std::string& path,
                     const std::vector<std::string>& all_lines,
                     Lexicon* lexicon, std::vector<std::string>* errors) {
  const std::vector<std::string>* lines = &all_lines;
  ErrorSink sink(path, errors);
  enum class Block { kNone, kSynsets, kTime } block = Block::kNone;
  Verb* verb = nullptr;
  Synset* synset = nullptr;
  for (size_t i = 0; i < lines->size(); ++i) {
    int n = static_cast<int>(i + 1);
    const std::string& raw = (*lines)[i];
    if (!raw.empty() && raw[0] == '#') continue;
    std::string_view t = StripComment(raw);
    if (t.empty()) continue;
    if (IsEndMarker(t)) break;
    std::string err;
    auto fail = [&](const std::string& m) { return !sink.Report(n, m); };
    if (t[0] == '<') {
      std::string tag = Upper(t);
      if (tag == "<SYNSETS>")
        block = Block::kSynsets;
      else if (tag == "<TIME>") {
        block = Block::kTime;
        lexicon->has_time_block = true;
      } else if (tag == "</SYNSETS>" || tag == "</TIME>")
        block = Block::kNone;
      else if (fail("unknown block tag " + std::string(t)))
        return sink.status();
      verb = nullptr;
      synset = nullptr;
      continue;
    }
    if (block == Block::kSynsets) {
      if (t[0] == '&') {
        std::string name = Upper(Trim(t.substr(1)));
        if (name.empty() || name.find(' ') != std::string::npos) {
          if (fail("bad synset name '" + std::string(t) + "'"))
            return sink.status();
          continue;
        }
        lexicon->synsets.push_back(Synset{name, {}});
        synset = &lexicon->synsets.back();
      } else if (t[0] == '+') {
        if (synset == nullptr) {
          if (fail("synset member before any &NAME")) return sink.status();
          continue;
        }
        std::vector<PatternToken> member;
        if (!ParseTokens(t.substr(1), &member, &err) || member.empty()) {
          if (fail(err.empty() ? "empty synset member" : err))
            return sink.status();
          continue;
        }
        synset->members.push_back(std::move(member));
      } else if (fail("expected &NAME or +member in <SYNSETS>")) {
        return sink.status();
      }
      continue;
    }
    std::string_view head;
    std::vector<std::string_view> blocks;
    if (!SplitBrackets(t, &head, &blocks, &err)) {
      if (fail(err)) return sink.status();
      continue;
    }
    if (block == Block::kTime) {
      if (blocks.size() != 1) {
        if (fail("time entry needs one [code]")) return sink.status();
        continue;
      }
      TimeShift ts;
      ts.code = std::string(Trim(blocks[0]));
      ts.origin = SourceLine{path, n};
      if (!head.empty() && head[0] == '-') {
        bool has_verb = false, verb_connected = false;
        if (!ParsePattern(head.substr(1), &ts.upper, &ts.lower, &has_verb,
                          &verb_connected, &err)) {
          if (fail(err)) return sink.status();
          continue;
        }
      } else if (!ParseTokens(head, &ts.lower, &err) || ts.lower.empty()) {
        if (fail(err.empty() ? "empty time phrase" : err)) return sink.status();
        continue;
      }
      lexicon->times.push_back(std::move(ts));
      continue;
    }
    if (t[0] == '-') {
      if (verb == nullptr) {
        if (fail("pattern before any verb")) return sink.status();
        continue;
      }
      if (blocks.size() != 1) {
        if (fail(blocks.empty() ? "missing [code] after pattern"
                                : "more than one [code] after pattern"))
          return sink.status();
        continue;
      }
      VerbPattern vp;
      vp.origin = SourceLine{path, n};
      vp.text = std::string(Trim(head.substr(1)));
      bool has_verb = false;
      if (!ParsePattern(vp.text, &vp.upper, &vp.lower, &has_verb,
                        &vp.lower_connected, &err)) {
        if (fail(err)) return sink.status();
        continue;
      }
      if (!has_verb) {
        if (fail("missing verb marker '*' in pattern")) return sink.status();
        continue;
      }
      if (!ParseEventCode(blocks[0], &vp.code, &err)) {
        if (fail(err)) return sink.status();
        continue;
      }
      verb->patterns.push_back(std::move(vp));
      continue;
    }
    if (t[0] == '{') {
      if (verb == nullptr) {
        if (fail("verb forms { } before any verb")) return sink.status();
        continue;
      }
      size_t close = t.find('}');
      if (close == std::string_view::npos) {
        if (fail("missing '}' after verb forms")) return sink.status();
        continue;
      }
      std::istringstream forms{std::string(t.substr(1, close - 1))};
      std::string form;
      int count = 0;
      while (forms >> form) {
        Phrase p;
        if (!ParsePhrase(form, &p, &err)) {
          if (fail(err)) return sink.status();
          continue;
        }
        verb->forms.push_back(std::move(p));
        ++count;
      }
      if (count == 0 && fail("no verb forms inside { }")) return sink.status();
      continue;
    }
    // A verb root: "RESTOR [064]", "BURN DOWN [222]".
    if (blocks.size() != 1) {
      if (fail(blocks.empty()
                   ? "missing [code] after verb '" + std::string(head) + "'"
                   : "more than one [code] after verb"))
        return sink.status();
      verb = nullptr;
      continue;
    }
    Verb v;
    v.origin = SourceLine{path, n};
    if (!ParsePhrase(head, &v.root, &err) ||
        !ParseEventCode(blocks[0], &v.code, &err)) {
      if (fail(err)) return sink.status();
      verb = nullptr;
      continue;
    }
    lexicon->verbs.push_back(std::move(v));
    verb = &lexicon->verbs.back();
  }
  // Every &NAME used in a pattern must be declared.
  for (const Verb& v : lexicon->verbs) {
    for (const VerbPattern& p : v.patterns) {
      std::vector<const PatternToken*> stack;
      for (const auto* side : {&p.upper, &p.lower})
        for (const PatternToken& tok : *side) stack.push_back(&tok);
      while (!stack.empty()) {
        const PatternToken* tok = stack.back();
        stack.pop_back();
        if (tok->kind == PatternToken::Kind::kSynset) {
          bool found = std::any_of(
              lexicon->synsets.begin(), lexicon->synsets.end(),
              [&](const Synset& s) { return s.name == tok->synset; });
          if (!found && p.origin.file == path &&
              !sink.Report(p.origin.line, "undeclared synset &" + tok->synset))
            return sink.status();
        }
        for (const auto& alt : tok->alternatives)
          for (const PatternToken& sub : alt) stack.push_back(&sub);
      }
    }
  }
  return sink.status();
}

Status LoadOptionLines(const std::string& path,
                       const std::vector<std::string>& all_lines,
                       Lexicon* lexicon, std::vector<std::string>* errors) {
  const std::vector<std::string>* lines = &all_lines;
  for (size_t i = 0; i < lines->size(); ++i) {
    int n = static_cast<int>(i + 1);
    std::string_view t = Trim((*lines)[i]);
    if (t.empty() || t.substr(0, 2) == "//") continue;
    if (IsEndMarker(t)) break;
    Status s = ApplyTabariOption(t, SourceLine{path, n}, &lexicon->options);
    if (!s.ok()) {
      // ApplyTabariOption already prefixes FILE:LINE.
      if (errors != nullptr) {
        errors->push_back(s.message());
      } else {
        return s;
      }
    }
  }
  return Status::Ok();
}

}  // namespace lexicon_internal

Status LoadTabariActors(const std::string& path, Lexicon* lexicon,
                        std::vector<std::string>* errors) {
  auto lines = ReadLines(path);
  if (!lines.ok()) return lines.status();
  return lexicon_internal::LoadActorLines(path, *lines, lexicon, errors);
}

Status LoadTabariAgents(const std::string& path, Lexicon* lexicon,
                        std::vector<std::string>* errors) {
  auto lines = ReadLines(path);
  if (!lines.ok()) return lines.status();
  return lexicon_internal::LoadAgentLines(path, *lines, lexicon, errors);
}

Status LoadTabariVerbs(const std::string& path, Lexicon* lexicon,
                       std::vector<std::string>* errors) {
  auto lines = ReadLines(path);
  if (!lines.ok()) return lines.status();
  return lexicon_internal::LoadVerbLines(path, *lines, lexicon, errors);
}

Status LoadTabariOptions(const std::string& path, Lexicon* lexicon,
                         std::vector<std::string>* errors) {
  auto lines = ReadLines(path);
  if (!lines.ok()) return lines.status();
  return lexicon_internal::LoadOptionLines(path, *lines, lexicon, errors);
}

Result<TabariProject> ReadTabariProject(const std::string& project_file) {
  auto lines = ReadLines(project_file);
  if (!lines.ok()) return lines.status();
  std::filesystem::path dir = std::filesystem::path(project_file).parent_path();
  TabariProject project;
  for (const std::string& raw : *lines) {
    std::string_view t = Trim(raw);
    if (t.empty() || t[0] != '<') continue;
    size_t close = t.find('>');
    if (close == std::string_view::npos) continue;
    std::string tag = Upper(t.substr(1, close - 1));
    std::string value(Trim(t.substr(close + 1)));
    if (value.empty() || value.find('<') != std::string::npos) continue;
    std::filesystem::path p(value);
    std::string resolved = p.is_absolute() ? value : (dir / p).string();
    if (tag == "ACTORSFILE")
      project.actors = resolved;
    else if (tag == "VERBSFILE")
      project.verbs = resolved;
    else if (tag == "AGENTSFILE")
      project.agents = resolved;
    else if (tag == "OPTIONSFILE")
      project.options = resolved;
    else if (tag == "TEXTFILE")
      project.text = resolved;
  }
  if (project.actors.empty() && project.verbs.empty())
    return ParseError(project_file +
                      ":1: project names no <actorsfile> or <verbsfile>");
  return project;
}

namespace {

Status LoadProjectInto(const TabariProject& project, Lexicon* lexicon,
                       std::vector<std::string>* errors) {
  // Options first: YYYY mode changes how actor dates read.
  if (!project.options.empty())
    DYAD_RETURN_IF_ERROR(LoadTabariOptions(project.options, lexicon, errors));
  if (!project.actors.empty())
    DYAD_RETURN_IF_ERROR(LoadTabariActors(project.actors, lexicon, errors));
  if (!project.agents.empty())
    DYAD_RETURN_IF_ERROR(LoadTabariAgents(project.agents, lexicon, errors));
  if (!project.verbs.empty())
    DYAD_RETURN_IF_ERROR(LoadTabariVerbs(project.verbs, lexicon, errors));
  if (lexicon->has_time_block) lexicon->options.time_shift = true;
  return Status::Ok();
}

std::string Extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace

Result<Lexicon> LoadTabariProject(const std::string& project_file) {
  auto project = ReadTabariProject(project_file);
  if (!project.ok()) return project.status();
  Lexicon lexicon;
  DYAD_RETURN_IF_ERROR(LoadProjectInto(*project, &lexicon, nullptr));
  return lexicon;
}

Result<Lexicon> LoadDictionaryDir(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return NotFound(dir + ": not a directory");
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path().string());
  }
  if (ec) return IoError(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<std::string> projects;
  for (const std::string& f : files)
    if (Extension(f) == ".project") projects.push_back(f);
  if (projects.size() == 1) return LoadTabariProject(projects[0]);
  Lexicon lexicon;
  bool any = false;
  for (const char* kind : {".options", ".actors", ".agents", ".verbs"}) {
    for (const std::string& f : files) {
      if (Extension(f) != kind) continue;
      any = true;
      std::string k = kind;
      if (k == ".options") DYAD_RETURN_IF_ERROR(LoadTabariOptions(f, &lexicon));
      if (k == ".actors") DYAD_RETURN_IF_ERROR(LoadTabariActors(f, &lexicon));
      if (k == ".agents") DYAD_RETURN_IF_ERROR(LoadTabariAgents(f, &lexicon));
      if (k == ".verbs") DYAD_RETURN_IF_ERROR(LoadTabariVerbs(f, &lexicon));
    }
  }
  if (!any) {
    // No TABARI file: a PETRARCH-2 set (Phoenix and the like)?
    for (const std::string& f : files)
      if (PetrarchKindOf(f) != PetrarchFileKind::kNone)
        return LoadPetrarchDictionaries(dir);
    return NotFound(dir +
                    ": no dictionary files (TABARI .actors/.agents/.verbs/"
                    ".options/.project or PETRARCH *actors*.txt, "
                    "*verbs*.txt...)");
  }
  if (lexicon.has_time_block) lexicon.options.time_shift = true;
  return lexicon;
}

Status CheckDictionaryFile(const std::string& path,
                           std::vector<std::string>* errors) {
  Lexicon lexicon;
  std::string ext = Extension(path);
  if (ext == ".actors") return LoadTabariActors(path, &lexicon, errors);
  if (ext == ".agents") return LoadTabariAgents(path, &lexicon, errors);
  if (ext == ".verbs") return LoadTabariVerbs(path, &lexicon, errors);
  if (ext == ".options") return LoadTabariOptions(path, &lexicon, errors);
  if (ext == ".project") {
    auto project = ReadTabariProject(path);
    if (!project.ok()) {
      if (project.status().code() == StatusCode::kParseError) {
        errors->push_back(project.status().message());
        return Status::Ok();
      }
      return project.status();
    }
    return LoadProjectInto(*project, &lexicon, errors);
  }
  if (PetrarchKindOf(path) != PetrarchFileKind::kNone)
    return LoadPetrarchFile(path, &lexicon, errors);
  return InvalidArgument(path +
                         ": unknown dictionary kind (expected .actors, "
                         ".agents, .verbs, .options, .project or a PETRARCH "
                         "*actors*.txt, *agents*.txt, *verbs*.txt, "
                         "CAMEO*.txt, *discards*.txt)");
}

}  // namespace dyad
