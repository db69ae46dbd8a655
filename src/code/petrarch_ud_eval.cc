// UniversalPetrarch's validation suite: record reader, runner and report.
//
// Counting follows UniversalPetrarch's validation.py (English default run):
//   - a record is counted when it is marked evaluate="true", its category
//     is in the <Include> list and it has an <EventCoding>;
//   - a produced event is "null" and not counted when its event code is
//     null ("---" or none); under require_dyad an event with a null actor
//     is dropped too, as PETRARCH never emits it;
//   - an expected event is found when a produced event has the same code,
//     source and target; the rest are uncoded (missing); produced events
//     that match nothing are extra;
//   - a noevents record that produces nothing counts one expected event,
//     found; one that produces events counts one missing and every produced
//     event as extra;
//   - TP = found / (found + missing), FP = extra / records.
// Unlike validation.py, produced events are compared as a set (a repeated
// triple counts once) and each expected event is found at most once.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <memory>
#include <ostream>
#include <sstream>

#include "code/suite_xml.h"
#include "dyad/eval_petrarch_ud.h"
#include "dyad/lexicon.h"
#include "dyad/petrarch_lexicon.h"
#include "dyad/pipeline.h"

namespace dyad {

namespace {

using code_internal::XmlElement;

constexpr const char* kDefaultSuiteFile = "PETR_Validate_records_2_02.xml";

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> Split(std::string_view s, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(separator, start);
    if (end == std::string_view::npos) end = s.size();
    std::string part = Trim(s.substr(start, end - start));
    if (!part.empty()) parts.push_back(std::move(part));
    start = end + 1;
  }
  return parts;
}

std::vector<std::string> SplitSpace(std::string_view s) {
  std::vector<std::string> words;
  std::istringstream in{std::string(s)};
  std::string w;
  while (in >> w) words.push_back(w);
  return words;
}

// Lines joined by single spaces, as validation.py hands the text over.
std::string JoinLines(std::string_view text) {
  std::string out;
  for (const std::string& word : SplitSpace(text)) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

bool IsTrue(std::string_view v) {
  std::string lower;
  for (char c : v) lower += static_cast<char>(std::tolower(c));
  return Trim(lower) == "true";
}

// validation.py reads an empty code as the null actor "---".
std::string ActorCode(const std::string* attribute) {
  std::string code = attribute ? Trim(*attribute) : "";
  return code.empty() ? "---" : code;
}

bool IsNull(const std::string& code) {
  return code.empty() || code.rfind("---", 0) == 0;
}

Status ApplyConfig(const XmlElement& e, const std::string& file,
                   PetrarchUdSettings* s) {
  const std::string* option = e.Attribute("option");
  const std::string* value = e.Attribute("value");
  std::string where = file + ":" + std::to_string(e.line) + ": ";
  if (option == nullptr || value == nullptr)
    return ParseError(where + "<Config> needs option= and value=");
  if (*option == "require_dyad") {
    s->require_dyad = IsTrue(*value);
    return Status::Ok();
  }
  if (*option == "stop_on_error") return Status::Ok();  // a debugging switch
  int number = 0;
  std::string digits = Trim(*value);
  auto [end, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (digits.empty() || ec != std::errc() ||
      end != digits.data() + digits.size())
    return ParseError(where + "<Config option=\"" + *option +
                      "\"> needs an integer value, not \"" + *value + "\"");
  if (*option == "new_actor_length") {
    s->new_actor_length = number;
  } else if (*option == "comma_min") {
    s->comma_min = number;
  } else if (*option == "comma_max") {
    s->comma_max = number;
  } else if (*option == "comma_bmin") {
    s->comma_bmin = number;
  } else if (*option == "comma_bmax") {
    s->comma_bmax = number;
  } else if (*option == "comma_emin") {
    s->comma_emin = number;
  } else if (*option == "comma_emax") {
    s->comma_emax = number;
  } else {
    return ParseError(where + "unknown <Config> option \"" + *option + "\"");
  }
  return Status::Ok();
}

Status ReadSentence(const XmlElement& e, const std::string& file,
                    const PetrarchUdSettings& settings, PetrarchUdRecord* r) {
  std::string where = file + ":" + std::to_string(e.line) + ": ";
  const std::string* id = e.Attribute("id");
  if (id == nullptr || Trim(*id).empty())
    return ParseError(where + "<Sentence> without id");
  r->id = Trim(*id);
  r->line = e.line;
  if (const std::string* c = e.Attribute("category")) r->category = Trim(*c);
  if (const std::string* d = e.Attribute("date")) r->date = Trim(*d);
  if (const std::string* v = e.Attribute("evaluate")) r->evaluate = IsTrue(*v);
  r->settings = settings;
  bool have_text = false;
  for (const XmlElement& child : e.children) {
    if (child.name == "Text") {
      r->text = JoinLines(child.text);
      have_text = true;
    } else if (child.name == "EventCoding") {
      r->has_coding = true;
      if (const std::string* n = child.Attribute("noevents");
          n != nullptr && IsTrue(*n)) {
        r->no_events = true;
      } else if (const std::string* err = child.Attribute("error")) {
        r->error = Trim(*err);
      } else {
        const std::string* code = child.Attribute("eventcode");
        if (code == nullptr || Trim(*code).empty())
          return ParseError(file + ":" + std::to_string(child.line) +
                            ": <EventCoding> without eventcode");
        r->expected.push_back(PetrarchUdTriple{
            ActorCode(child.Attribute("sourcecode")),
            ActorCode(child.Attribute("targetcode")), Trim(*code)});
      }
    }
  }
  if (!have_text && r->evaluate)
    return ParseError(where + "<Sentence id=\"" + r->id + "\"> has no <Text>");
  std::sort(r->expected.begin(), r->expected.end());
  r->expected.erase(std::unique(r->expected.begin(), r->expected.end()),
                    r->expected.end());
  return Status::Ok();
}

std::string Join(const std::vector<PetrarchUdTriple>& ts) {
  std::string s = "{";
  for (size_t i = 0; i < ts.size(); ++i) {
    if (i) s += ", ";
    s += ts[i].source + "/" + ts[i].target + "/" + ts[i].code;
  }
  return s + "}";
}

std::string IsoDate(const std::string& date) {
  int32_t d = date.size() == 8 ? ParsePetrarchDate(date) : -1;
  if (d < 0) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d / 10000, (d / 100) % 100,
                d % 100);
  return buf;
}

// Loads one dictionary strictly; when the loader refuses a line, again from
// a clean copy, leniently, keeping the refused lines.
// UniversalPetrarch reads "[FRO/BIL/SAM]" as one code.
Status LoadActorsAsUniversalPetrarch(const std::string& path, Lexicon* lexicon,
                                     std::vector<std::string>* errors) {
  PetrarchActorOptions options;
  options.slashed = SlashedActorCodes::kOne;
  return LoadPetrarchActors(path, lexicon, errors, options);
}

Status LoadDictionary(Status (*loader)(const std::string&, Lexicon*,
                                       std::vector<std::string>*),
                      const std::string& path, Lexicon* lexicon,
                      std::vector<std::string>* skipped) {
  Lexicon strict = *lexicon;
  Status s = loader(path, &strict, nullptr);
  if (s.ok()) {
    *lexicon = std::move(strict);
    return s;
  }
  if (s.code() != StatusCode::kParseError) return s;
  return loader(path, lexicon, skipped);
}

CoderOptions OptionsFor(const PetrarchUdSettings& s, CoderOptions base) {
  base.comma_min = s.comma_min;
  base.comma_max = s.comma_max;
  base.comma_begin_min = s.comma_bmin;
  base.comma_begin_max = s.comma_bmax;
  base.comma_end_min = s.comma_emin;
  base.comma_end_max = s.comma_emax;
  return base;
}

// True when the two settings give the coder the same options.
bool SameCoderOptions(const PetrarchUdSettings& a,
                      const PetrarchUdSettings& b) {
  return !(a.comma_min != b.comma_min || a.comma_max != b.comma_max ||
           a.comma_bmin != b.comma_bmin || a.comma_bmax != b.comma_bmax ||
           a.comma_emin != b.comma_emin || a.comma_emax != b.comma_emax);
}

void Add(const PetrarchUdCounts& c, PetrarchUdCounts* into) {
  into->records += c.records;
  into->found += c.found;
  into->missing += c.missing;
  into->extra += c.extra;
  into->null += c.null;
  into->produced += c.produced;
}

double Percent(int part, int whole) {
  return whole > 0 ? 100.0 * part / whole : 0.0;
}

}  // namespace

Result<PetrarchUdSuite> ReadPetrarchUdSuite(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open validation file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return IoError(path + ": read error");
  std::string contents = buffer.str();
  code_internal::XmlReadOptions xml_options;
  xml_options.raw_elements = {"PLEvent"};
  xml_options.nested_comments = true;
  auto root = code_internal::ParseXml(contents, path, xml_options);
  if (!root.ok()) return root.status();

  PetrarchUdSuite suite;
  std::filesystem::path base = std::filesystem::path(path).parent_path();
  auto resolve = [&](const std::string& name) {
    return (base / name).string();
  };
  const XmlElement* environment = nullptr;
  for (const XmlElement& child : root->children)
    if (child.name == "Environment") environment = &child;
  if (environment == nullptr)
    return ParseError(path + ":" + std::to_string(root->line) +
                      ": no <Environment> naming the dictionaries");
  for (const XmlElement& e : environment->children) {
    std::string value = Trim(e.text);
    if (e.name == "Verbfile") suite.verbs = resolve(value);
    if (e.name == "Agentfile") suite.agents = resolve(value);
    if (e.name == "Discardfile") suite.discards = resolve(value);
    if (e.name == "PICOfile") suite.coding_ontology = resolve(value);
    if (e.name == "Include") suite.include = SplitSpace(value);
    if (e.name == "Actorfile")
      for (const std::string& name : Split(value, ','))
        suite.actors.push_back(resolve(name));
  }
  if (suite.verbs.empty() || suite.actors.empty())
    return ParseError(path + ":" + std::to_string(environment->line) +
                      ": <Environment> names no <Verbfile> or <Actorfile>");

  // <Config> and <Sentence> elements in document order, directly under the
  // root or under <Sentences>.
  PetrarchUdSettings settings;
  auto visit = [&](const XmlElement& e) -> Status {
    if (e.name == "Config") return ApplyConfig(e, path, &settings);
    if (e.name != "Sentence") return Status::Ok();
    PetrarchUdRecord r;
    DYAD_RETURN_IF_ERROR(ReadSentence(e, path, settings, &r));
    suite.records.push_back(std::move(r));
    return Status::Ok();
  };
  for (const XmlElement& child : root->children) {
    if (child.name == "Sentences") {
      for (const XmlElement& e : child.children) DYAD_RETURN_IF_ERROR(visit(e));
    } else {
      DYAD_RETURN_IF_ERROR(visit(child));
    }
  }
  return suite;
}

Result<PetrarchUdEvalResult> RunPetrarchUdSuite(
    const std::string& dir, const PetrarchUdEvalOptions& options) {
  std::string path = dir;
  if (std::filesystem::is_directory(dir))
    path = (std::filesystem::path(dir) / kDefaultSuiteFile).string();
  auto suite = ReadPetrarchUdSuite(path);
  if (!suite.ok()) return suite.status();

  PetrarchUdEvalResult result;
  Lexicon lexicon;
  for (const std::string& actors : suite->actors)
    DYAD_RETURN_IF_ERROR(LoadDictionary(LoadActorsAsUniversalPetrarch, actors,
                                        &lexicon, &result.dictionary_errors));
  if (!suite->agents.empty())
    DYAD_RETURN_IF_ERROR(LoadDictionary(LoadPetrarchAgents, suite->agents,
                                        &lexicon, &result.dictionary_errors));
  DYAD_RETURN_IF_ERROR(LoadDictionary(LoadPetrarchVerbs, suite->verbs, &lexicon,
                                      &result.dictionary_errors));
  if (!suite->discards.empty())
    DYAD_RETURN_IF_ERROR(LoadDictionary(LoadPetrarchDiscards, suite->discards,
                                        &lexicon, &result.dictionary_errors));
  if (!suite->coding_ontology.empty())
    DYAD_RETURN_IF_ERROR(LoadDictionary(LoadPetrarchCodingOntology,
                                        suite->coding_ontology, &lexicon,
                                        &result.dictionary_errors));
  CoderOptions base = lexicon.options;
  base.news_prose = options.news_prose;
  // PETRARCH codes sentences of any length (TABARI's MINIMUM_WORDS is 8).
  base.minimum_words = 0;

  // One Pipeline per coder settings the <Config> elements select; the
  // Pipeline takes its coder options from the lexicon it is given.
  PipelineOptions pipeline_options;
  pipeline_options.parse = options.parse;
  pipeline_options.parse_if_available = false;
  pipeline_options.models_dir = options.models_dir;
  auto make_pipeline = [&](const PetrarchUdSettings& settings)
      -> Result<std::unique_ptr<Pipeline>> {
    auto copy = std::make_shared<Lexicon>(lexicon);
    copy->options = OptionsFor(settings, base);
    pipeline_options.lexicon = std::move(copy);
    return Pipeline::Create(pipeline_options);
  };
  PetrarchUdSettings current;
  auto pipeline = make_pipeline(current);
  if (!pipeline.ok()) return pipeline.status();

  auto category_index = [&](const std::string& category) {
    for (size_t i = 0; i < result.categories.size(); ++i)
      if (result.categories[i].first == category) return i;
    result.categories.emplace_back(category, PetrarchUdCounts{});
    return result.categories.size() - 1;
  };

  for (const PetrarchUdRecord& r : suite->records) {
    if (!r.evaluate) continue;
    ++result.evaluate_true;
    bool included = std::find(suite->include.begin(), suite->include.end(),
                              r.category) != suite->include.end();
    if (!included && !options.all_categories) {
      result.skipped.push_back(r.id + ": category " + r.category +
                               " not in <Include>");
      continue;
    }
    if (!r.has_coding) {
      result.skipped.push_back(r.id + ": no <EventCoding>");
      continue;
    }
    if (r.error == "bad_input_parse") {
      result.skipped.push_back(r.id +
                               ": error=\"bad_input_parse\" concerns the "
                               "file's <Parse>, which dyad does not read");
      continue;
    }
    // Errors that make PETRARCH drop the story or sentence (dateline,
    // storydiscard, sentencediscard) expect no events.
    bool no_events = r.no_events || !r.error.empty();

    if (!SameCoderOptions(r.settings, current)) {
      current = r.settings;
      pipeline = make_pipeline(current);
      if (!pipeline.ok()) return pipeline.status();
    }
    Document doc;
    doc.doc_id = r.id;
    doc.source = path;
    doc.text = r.text;
    doc.published = IsoDate(r.date);
    PetrarchUdRecordResult rr;
    rr.id = r.id;
    rr.category = r.category;
    rr.expected = r.expected;
    rr.no_events = no_events;
    rr.counts.records = 1;
    DYAD_RETURN_IF_ERROR((*pipeline)->Process(&doc));
    std::map<PetrarchUdTriple, std::string> got;  // triple -> first rule
    for (const Event& e : doc.events) {
      PetrarchUdTriple t{e.source.code.empty() ? "---" : e.source.code,
                         e.target.code.empty() ? "---" : e.target.code,
                         e.cameo};
      if (IsNull(t.code) ||
          (r.settings.require_dyad && (IsNull(t.source) || IsNull(t.target)))) {
        ++rr.counts.null;
        continue;
      }
      got.emplace(std::move(t), e.rule);
    }
    for (const auto& [triple, rule] : got) {
      rr.got.push_back(triple);
      rr.rules.push_back(rule);
    }
    if (no_events) {
      rr.counts.found = rr.got.empty() ? 1 : 0;
      rr.counts.missing = 1 - rr.counts.found;
      rr.counts.extra = static_cast<int>(rr.got.size());
    } else {
      for (const PetrarchUdTriple& t : rr.expected)
        if (got.count(t)) ++rr.counts.found;
      rr.counts.missing =
          static_cast<int>(rr.expected.size()) - rr.counts.found;
      rr.counts.extra = static_cast<int>(rr.got.size()) - rr.counts.found;
    }
    rr.counts.produced = static_cast<int>(rr.got.size());
    rr.passed = rr.got == rr.expected;
    if (rr.passed) {
      ++result.passed;
    } else {
      ++result.failed;
    }
    Add(rr.counts, &result.categories[category_index(r.category)].second);
    Add(rr.counts, &result.total);
    result.records.push_back(std::move(rr));
  }
  return result;
}

void PrintPetrarchUdReport(const PetrarchUdEvalResult& result,
                           std::ostream& out, bool show_rules) {
  if (!result.dictionary_errors.empty()) {
    out << "dictionaries: " << result.dictionary_errors.size()
        << " lines skipped\n";
    for (const std::string& e : result.dictionary_errors)
      out << "  " << e << "\n";
  }
  for (const PetrarchUdRecordResult& r : result.records) {
    if (r.passed) continue;
    if (show_rules) {
      out << r.id << ": expected "
          << (r.no_events ? "no events" : Join(r.expected)) << " got {";
      for (size_t i = 0; i < r.got.size(); ++i)
        out << (i ? ", " : "") << r.got[i].source << "/" << r.got[i].target
            << "/" << r.got[i].code << " [" << r.rules[i] << "]";
      out << "}\n";
      continue;
    }
    out << r.id << ": expected "
        << (r.no_events ? "no events" : Join(r.expected)) << " got "
        << Join(r.got) << "\n";
  }
  out << "\nCategory     Records   Correct   Uncoded     Extra      Null"
         "        TP        FN        FP\n";
  auto row = [&](const std::string& name, const PetrarchUdCounts& c) {
    int expected = c.found + c.missing;
    out << std::left << std::setw(10) << name << std::right;
    for (int v : {c.records, c.found, c.missing, c.extra, c.null})
      out << std::setw(10) << v;
    out << std::fixed << std::setprecision(2);
    out << std::setw(9) << Percent(c.found, expected) << "%";
    out << std::setw(9) << Percent(c.missing, expected) << "%";
    out << std::setw(9) << Percent(c.extra, c.records) << "%\n";
  };
  for (const auto& [name, counts] : result.categories) row(name, counts);
  row("Total", result.total);
  out << "TP = correct / (correct + uncoded); FN = 100 - TP; "
         "FP = extra / records (as validation.py)\n\n";
  const PetrarchUdCounts& t = result.total;
  int expected = t.found + t.missing;
  out << std::fixed << std::setprecision(2);
  out << "records: " << result.evaluate_true << " evaluate=\"true\", "
      << t.records << " counted, " << result.skipped.size() << " skipped\n";
  for (const std::string& s : result.skipped) out << "  skipped " << s << "\n";
  out << "expected events found:   " << t.found << " of " << expected << " ("
      << Percent(t.found, expected) << "%)\n";
  out << "expected events missing: " << t.missing << " of " << expected << " ("
      << Percent(t.missing, expected) << "%)\n";
  out << "extra events:            " << t.extra << " ("
      << Percent(t.extra, t.records) << "% of records, as validation.py; "
      << Percent(t.extra, t.produced) << "% of " << t.produced
      << " produced)\n";
  out << "null events (not counted): " << t.null << "\n";
  out << result.passed << " passed, " << result.failed << " failed\n";
}

}  // namespace dyad
