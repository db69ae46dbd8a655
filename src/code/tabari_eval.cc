// The TABARI validation suite: record reader, runner and report.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>

#include "dyad/coder.h"
#include "dyad/eval_tabari.h"
#include "dyad/lexicon.h"
#include "dyad/text.h"

namespace dyad {

namespace {

std::string TrimCopy(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

bool IsBlank(const std::string& line) {
  return std::all_of(line.begin(), line.end(), [](char c) {
    return std::isspace(static_cast<unsigned char>(c));
  });
}

// "950101  DEMO-01" -> date, id. False when the line is not a header.
bool ParseHeader(const std::string& line, std::string* date, std::string* id) {
  size_t i = 0;
  while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i])))
    ++i;
  if (i < 6 || i >= line.size() ||
      !std::isspace(static_cast<unsigned char>(line[i])))
    return false;
  *date = line.substr(0, i);
  std::string rest = line.substr(i);
  size_t pos = 0;
  id->clear();
  std::string first_token;
  while (pos < rest.size()) {
    while (pos < rest.size() &&
           std::isspace(static_cast<unsigned char>(rest[pos])))
      ++pos;
    size_t start = pos;
    while (pos < rest.size() &&
           !std::isspace(static_cast<unsigned char>(rest[pos])))
      ++pos;
    if (pos == start) break;
    std::string tok = rest.substr(start, pos - start);
    if (first_token.empty()) first_token = tok;
    bool digits = std::all_of(tok.begin(), tok.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c));
    });
    if (!digits) {
      *id = tok;
      return true;
    }
  }
  *id = first_token;
  return !id->empty();
}

// Reads the {...} blocks of a comment into the record.
void ParseExpectations(const std::string& comment, TabariRecord* r) {
  size_t pos = 0;
  while (true) {
    size_t open = comment.find('{', pos);
    if (open == std::string::npos) return;
    size_t close = comment.find('}', open + 1);
    size_t next_open = comment.find('{', open + 1);
    if (close == std::string::npos ||
        (next_open != std::string::npos && next_open < close))
      close = next_open == std::string::npos ? comment.size() : next_open;
    std::string body =
        TrimCopy(std::string_view(comment).substr(open + 1, close - open - 1));
    bool disabled = open > 0 && comment[open - 1] == '-';
    pos = close;
    if (body.rfind("OPTION:", 0) == 0) {
      r->option_lines.push_back(TrimCopy(std::string_view(body).substr(7)));
      continue;
    }
    if (disabled) continue;
    size_t s1 = body.find('/');
    if (s1 == std::string::npos) continue;  // {---} {###} {+++} {}
    size_t s2 = body.find('/', s1 + 1);
    if (s2 == std::string::npos) continue;
    TabariTriple t{TrimCopy(std::string_view(body).substr(0, s1)),
                   TrimCopy(std::string_view(body).substr(s1 + 1, s2 - s1 - 1)),
                   TrimCopy(std::string_view(body).substr(s2 + 1))};
    r->expected.push_back(std::move(t));
  }
}

void FinishRecord(const std::vector<std::string>& body, TabariRecord* r) {
  std::string all;
  for (const std::string& l : body) {
    all += l;
    all += '\n';
  }
  std::string text, comments;
  size_t pos = 0;
  while (pos < all.size()) {
    size_t open = all.find("/*", pos);
    if (open == std::string::npos) {
      text += all.substr(pos);
      break;
    }
    text += all.substr(pos, open - pos);
    size_t close = all.find("*/", open + 2);
    if (close == std::string::npos) {
      comments += all.substr(open + 2);
      break;
    }
    comments += all.substr(open + 2, close - open - 2);
    comments += '\n';
    pos = close + 2;
  }
  r->text = text;
  ParseExpectations(comments, r);
  std::sort(r->expected.begin(), r->expected.end());
  r->expected.erase(std::unique(r->expected.begin(), r->expected.end()),
                    r->expected.end());
}

std::string Join(const std::vector<TabariTriple>& ts) {
  std::string s = "{";
  for (size_t i = 0; i < ts.size(); ++i) {
    if (i) s += ", ";
    s += ts[i].source + "/" + ts[i].target + "/" + ts[i].code;
  }
  return s + "}";
}

std::string IsoDate(const std::string& date, bool yyyy) {
  int32_t d = -1;
  if (yyyy && date.size() >= 8) d = ParseTabariDate(date.substr(0, 8), true);
  if (d < 0 && date.size() >= 6) d = ParseTabariDate(date.substr(0, 6), false);
  if (d < 0) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d / 10000, (d / 100) % 100,
                d % 100);
  return buf;
}

}  // namespace

Result<std::vector<TabariRecord>> ReadTabariRecords(
    const std::string& path, const std::string& stop_id) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open validation text");
  std::vector<TabariRecord> records;
  std::string line;
  int n = 0;
  bool in_record = false;
  bool after_blank = true;
  std::vector<std::string> body;
  TabariRecord current;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (in_record) {
      if (IsBlank(line)) {
        FinishRecord(body, &current);
        records.push_back(std::move(current));
        in_record = false;
        after_blank = true;
      } else {
        body.push_back(line);
      }
      continue;
    }
    if (IsBlank(line)) {
      after_blank = true;
      continue;
    }
    std::string date, id;
    if (after_blank && ParseHeader(line, &date, &id)) {
      if (!stop_id.empty() && id == stop_id) return records;
      current = TabariRecord();
      current.date = date;
      current.id = id;
      current.line = n;
      body.clear();
      in_record = true;
      continue;
    }
    after_blank = false;
  }
  if (in.bad()) return IoError(path + ": read error");
  if (in_record) {
    FinishRecord(body, &current);
    records.push_back(std::move(current));
  }
  return records;
}

Result<TabariEvalResult> RunTabariSuite(const std::string& dir) {
  std::string project_file =
      (std::filesystem::path(dir) / "Validate.project").string();
  auto project = ReadTabariProject(project_file);
  if (!project.ok()) return project.status();
  auto loaded = LoadTabariProject(project_file);
  if (!loaded.ok()) return loaded.status();
  if (project->text.empty())
    return ParseError(project_file + ": no <textfile> named");
  auto records = ReadTabariRecords(project->text);
  if (!records.ok()) return records.status();
  auto lexicon = std::make_shared<const Lexicon>(std::move(loaded).value());
  CoderOptions options = lexicon->options;
  Coder base(lexicon, options);
  std::unique_ptr<Coder> coder = base.WithOptions(options);
  TabariEvalResult result;
  // FORWARD: records of one story (ids equal but for the last "-NNN") hand
  // their subject on, as sentences of one document do.
  bool forward = false;
  std::string story;
  CoderContext context;
  for (const TabariRecord& r : *records) {
    if (r.is_option()) {
      for (const std::string& opt : r.option_lines) {
        if (opt.rfind("FORWARD:", 0) == 0)
          forward = opt.size() < 3 || opt.substr(opt.size() - 3) != "OFF";
        Status s =
            ApplyTabariOption(opt, SourceLine{project->text, r.line}, &options);
        if (!s.ok()) return s;
      }
      coder = base.WithOptions(options);
      continue;
    }
    Document doc;
    doc.doc_id = r.id;
    doc.source = project->text;
    doc.text = r.text;
    doc.published = IsoDate(r.date, options.yyyy_dates);
    std::vector<TabariTriple> got;
    if (AnalyzeText(&doc).ok() && !doc.tokens.empty()) {
      // TABARI codes a record as one unit, whatever its sentences.
      Sentence whole;
      whole.span = Span{0, static_cast<uint32_t>(doc.text.size())};
      whole.first_token = 0;
      whole.token_count = static_cast<uint32_t>(doc.tokens.size());
      doc.sentences.assign(1, whole);
      std::string this_story = r.id.substr(0, r.id.rfind('-'));
      if (!forward || this_story != story) context = CoderContext();
      story = this_story;
      Status s = coder->Code(&doc, &context);
      if (!s.ok()) return s;
      for (const Event& e : doc.events)
        got.push_back(TabariTriple{e.source.code, e.target.code, e.cameo});
    }
    std::sort(got.begin(), got.end());
    got.erase(std::unique(got.begin(), got.end()), got.end());
    if (got == r.expected) {
      ++result.passed;
    } else {
      ++result.failed;
      result.failures.push_back(TabariFailure{r.id, r.expected, got});
    }
  }
  return result;
}

void PrintTabariReport(const TabariEvalResult& result, std::ostream& out) {
  for (const TabariFailure& f : result.failures)
    out << f.id << ": expected " << Join(f.expected) << " got " << Join(f.got)
        << "\n";
  out << result.passed << " passed, " << result.failed << " failed\n";
}

}  // namespace dyad
