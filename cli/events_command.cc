// dyad events: query the coded events of a store.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "commands.h"
#include "dyad/output.h"
#include "dyad/store.h"
#include "dyad/stored_event_json.h"
#include "event_filter_flags.h"

namespace dyad::cli {
namespace {

struct EventsOptions {
  std::string db = "dyad.db";
  EventFilterFlags filters;
  int64_t limit = 100;
  int64_t offset = 0;
  std::string format = "table";
  bool merged = false;
};

// Evidence excerpts in the table are cut to this many characters.
constexpr size_t kExcerptChars = 60;
constexpr size_t kPlaceChars = 24;

// Fills `query` from the options; returns a message for the first bad one.
std::string BuildQuery(const EventsOptions& opts, EventQuery* query) {
  std::string usage = ApplyEventFilters(opts.filters, query);
  if (!usage.empty()) return usage;
  if (opts.limit < 0) return "--limit must be 0 (no limit) or more";
  if (opts.offset < 0) return "--offset must be 0 or more";
  if (opts.limit > 0) query->limit = opts.limit;
  query->offset = opts.offset;
  return "";
}

// Characters (code points) in UTF-8 text, for column widths.
size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (unsigned char c : text) width += (c & 0xC0) != 0x80;
  return width;
}

// Whitespace runs become one space; text longer than `max_chars`
// characters is cut at a character boundary and ends in "...".
std::string Excerpt(std::string_view text, size_t max_chars) {
  std::string flat;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !flat.empty();
      continue;
    }
    if (space) flat += ' ';
    space = false;
    flat += c;
  }
  if (DisplayWidth(flat) <= max_chars) return flat;
  size_t chars = 0;
  size_t cut = 0;
  for (; cut < flat.size(); ++cut) {
    bool starts_char = (static_cast<unsigned char>(flat[cut]) & 0xC0) != 0x80;
    if (starts_char && chars++ == max_chars - 3) break;
  }
  return flat.substr(0, cut) + "...";
}

// Tabs and line breaks would break a TSV row.
std::string TsvField(std::string_view text) {
  std::string field(text);
  for (char& c : field) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return field;
}

std::string Goldstein(const StoredEvent& event) {
  if (!event.goldstein) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", *event.goldstein);
  return buffer;
}

std::string PlaceLabel(const StoredEvent& event) {
  if (!event.has_place) return "";
  std::string label = event.place.name;
  if (!event.place.country.empty()) {
    label +=
        label.empty() ? event.place.country : " (" + event.place.country + ")";
  }
  return label;
}

void PrintTable(const std::vector<StoredEvent>& events, std::ostream& out) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back(
      {"DATE", "SOURCE", "TARGET", "CAMEO", "GOLD", "PLACE", "EVIDENCE"});
  for (const StoredEvent& e : events) {
    rows.push_back({e.date.empty() ? "?" : e.date,
                    e.source.code.empty() ? "-" : e.source.code,
                    e.target.code.empty() ? "-" : e.target.code, e.cameo,
                    Goldstein(e), Excerpt(PlaceLabel(e), kPlaceChars),
                    Excerpt(e.evidence, kExcerptChars)});
  }
  std::vector<size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      bool last = i + 1 == row.size();
      bool numeric = i == 4;  // Goldstein scores align right
      size_t pad = widths[i] - DisplayWidth(row[i]);
      if (numeric) line.append(pad, ' ');
      line += row[i];
      if (!numeric && !last) line.append(pad, ' ');
      if (!last) line += "  ";
    }
    out << line << "\n";
  }
}

void PrintJsonl(const std::vector<StoredEvent>& events, std::ostream& out) {
  for (const StoredEvent& e : events) {
    out << StoredEventToJson(e).dump(
               -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
        << "\n";
  }
}

void PrintTsv(const std::vector<StoredEvent>& events, std::ostream& out) {
  out << "id\tdoc_id\tdate\tsource_code\tsource_text\ttarget_code\t"
         "target_text\tcameo\troot\tquad\tgoldstein\tplover\tplace_name\t"
         "place_country\tlat\tlon\tsentence\tspan_begin\tspan_end\trule\t"
         "text\n";
  for (const StoredEvent& e : events) {
    std::vector<std::string> fields = {
        std::to_string(e.id),
        e.doc_id,
        e.date,
        e.source.code,
        e.source.text,
        e.target.code,
        e.target.text,
        e.cameo,
        e.root,
        e.quad ? std::to_string(*e.quad) : "",
        Goldstein(e),
        e.plover,
        e.has_place ? e.place.name : "",
        e.has_place ? e.place.country : "",
        e.place.has_coordinates ? std::to_string(e.place.lat) : "",
        e.place.has_coordinates ? std::to_string(e.place.lon) : "",
        std::to_string(e.sentence),
        std::to_string(e.span.begin),
        std::to_string(e.span.end),
        e.rule,
        e.evidence};
    for (size_t i = 0; i < fields.size(); ++i) {
      out << (i == 0 ? "" : "\t") << TsvField(fields[i]);
    }
    out << "\n";
  }
}

std::string DateRange(const MergedEvent& m) {
  if (m.first_date.empty()) return "?";
  return m.last_date == m.first_date ? m.first_date
                                     : m.first_date + ".." + m.last_date;
}

std::string JoinedDocIds(const MergedEvent& m) {
  std::string joined;
  for (const std::string& id : m.doc_ids)
    joined += (joined.empty() ? "" : ",") + id;
  return joined;
}

// One row per merged event: its representative mention, the days its
// mentions span, how many mentions and articles report it.
void PrintMergedTable(const std::vector<MergedEvent>& merged,
                      std::ostream& out) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"DATES", "SOURCE", "TARGET", "CAMEO", "MENTIONS", "ARTICLES",
                  "PLACE", "EVIDENCE"});
  for (const MergedEvent& m : merged) {
    const StoredEvent& e = m.representative;
    StoredEvent placed = e;
    placed.place = m.place;
    placed.has_place = m.has_place;
    rows.push_back({DateRange(m), e.source.code.empty() ? "-" : e.source.code,
                    e.target.code.empty() ? "-" : e.target.code, e.cameo,
                    std::to_string(m.mention_count),
                    std::to_string(m.article_count),
                    Excerpt(PlaceLabel(placed), kPlaceChars),
                    Excerpt(e.evidence, kExcerptChars)});
  }
  std::vector<size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i)
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      const bool last = i + 1 == row.size();
      const bool numeric = i == 4 || i == 5;
      const size_t pad = widths[i] - DisplayWidth(row[i]);
      if (numeric) line.append(pad, ' ');
      line += row[i];
      if (!numeric && !last) line.append(pad, ' ');
      if (!last) line += "  ";
    }
    out << line << "\n";
  }
}

// The representative mention as `dyad events --format jsonl` prints it,
// plus the merged event's id, dates, counts and articles.
void PrintMergedJsonl(const std::vector<MergedEvent>& merged,
                      std::ostream& out) {
  for (const MergedEvent& m : merged) {
    nlohmann::ordered_json j = StoredEventToJson(m.representative);
    j["merged_event"] = m.id;
    j["first_date"] = m.first_date;
    j["last_date"] = m.last_date;
    j["mentions"] = m.mention_count;
    j["articles"] = m.doc_ids;
    out << j.dump(-1, ' ', false,
                  nlohmann::ordered_json::error_handler_t::replace)
        << "\n";
  }
}

void PrintMergedTsv(const std::vector<MergedEvent>& merged, std::ostream& out) {
  out << "merged_event\tfirst_date\tlast_date\tsource_code\ttarget_code\t"
         "cameo\tmentions\tarticles\tplace_name\tplace_country\t"
         "doc_ids\ttext\n";
  for (const MergedEvent& m : merged) {
    const StoredEvent& e = m.representative;
    std::vector<std::string> fields = {std::to_string(m.id),
                                       m.first_date,
                                       m.last_date,
                                       e.source.code,
                                       e.target.code,
                                       e.cameo,
                                       std::to_string(m.mention_count),
                                       std::to_string(m.article_count),
                                       m.has_place ? m.place.name : "",
                                       m.has_place ? m.place.country : "",
                                       JoinedDocIds(m),
                                       e.evidence};
    for (size_t i = 0; i < fields.size(); ++i)
      out << (i == 0 ? "" : "\t") << TsvField(fields[i]);
    out << "\n";
  }
}

int RunMergedEvents(const EventsOptions& opts, const EventQuery& query,
                    Store& store) {
  Result<std::vector<MergedEvent>> merged = store.FindMergedEvents(query);
  Result<int64_t> matching = store.CountMergedEvents(query);
  for (const Status* status : {&merged.status(), &matching.status()}) {
    if (!status->ok()) {
      std::cerr << "dyad events: " << status->ToString() << "\n";
      return kExitFatal;
    }
  }
  std::ostream& summary = opts.format == "table" ? std::cout : std::cerr;
  if (opts.format == "jsonl") {
    PrintMergedJsonl(*merged, std::cout);
  } else if (opts.format == "tsv") {
    PrintMergedTsv(*merged, std::cout);
  } else if (!merged->empty()) {
    PrintMergedTable(*merged, std::cout);
    std::cout << "\n";
  }
  std::cout.flush();
  summary << merged->size() << " of " << *matching
          << " matching merged events\n";
  return kExitOk;
}

int RunEvents(const EventsOptions& opts) {
  EventQuery query;
  std::string usage = BuildQuery(opts, &query);
  if (!usage.empty()) {
    std::cerr << "dyad events: " << usage << "\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<Store>> store =
      Store::Open(opts.db, StoreMode::kReadOnly);
  if (!store.ok()) {
    std::cerr << "dyad events: " << store.status().ToString() << "\n";
    return kExitFatal;
  }
  if (opts.merged) return RunMergedEvents(opts, query, **store);
  Result<std::vector<StoredEvent>> events = (*store)->FindEvents(query);
  Result<int64_t> matching = (*store)->CountEvents(query);
  Result<StoreCounts> counts = (*store)->Counts();
  for (const Status* status :
       {&events.status(), &matching.status(), &counts.status()}) {
    if (!status->ok()) {
      std::cerr << "dyad events: " << status->ToString() << "\n";
      return kExitFatal;
    }
  }

  // Machine formats keep stdout to the rows; the summary goes to stderr.
  std::ostream& summary = opts.format == "table" ? std::cout : std::cerr;
  if (opts.format == "jsonl") {
    PrintJsonl(*events, std::cout);
  } else if (opts.format == "tsv") {
    PrintTsv(*events, std::cout);
  } else if (!events->empty()) {
    PrintTable(*events, std::cout);
    std::cout << "\n";
  }
  std::cout.flush();
  summary << events->size() << " of " << *matching << " matching events";
  if (static_cast<int64_t>(events->size()) < *matching && opts.limit > 0 &&
      static_cast<int64_t>(events->size()) == opts.limit) {
    summary << " (--limit 0 shows all)";
  }
  summary << "; " << opts.db << " holds " << counts->articles << " articles, "
          << counts->events << " events, " << counts->quotes << " quotes, "
          << counts->actors << " actors, " << counts->merged_events
          << " events once merged across articles\n";
  return kExitOk;
}

}  // namespace

void AddEventsCommand(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<EventsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "events",
      "List coded events from a store, filtered by actor, dyad, CAMEO code "
      "or root and date; ordered by date");
  cmd->add_option("--db", opts->db, "Store file to read")
      ->capture_default_str();
  AddEventFilterFlags(cmd, &opts->filters);
  cmd->add_option("--limit", opts->limit,
                  "Show at most this many events; 0 shows all")
      ->capture_default_str();
  cmd->add_option("--offset", opts->offset,
                  "Skip this many matching events first")
      ->capture_default_str();
  cmd->add_option("--format", opts->format,
                  "table (aligned text), jsonl or tsv; with jsonl and tsv the "
                  "summary line goes to stderr")
      ->check(CLI::IsMember({"table", "jsonl", "tsv"}))
      ->capture_default_str();
  cmd->add_flag("--merged", opts->merged,
                "One row per event as reported across articles (same source, "
                "target and CAMEO root, dates within a day, same or no "
                "place), with its mention and article counts; filters apply "
                "to its earliest mention");
  cmd->footer(
      "Exit codes: 0 done (also when nothing matches), 2 bad command line, "
      "3 the store cannot be opened or read.\n");
  cmd->callback([opts, exit_code] { *exit_code = RunEvents(*opts); });
}

}  // namespace dyad::cli
