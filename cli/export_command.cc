// dyad export: the events of a store as GDELT 2.0 Event rows, PLOVER JSON
// records or CSV.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "commands.h"
#include "dyad/export.h"
#include "dyad/store.h"
#include "event_filter_flags.h"

namespace dyad::cli {
namespace {

struct ExportOptions {
  std::string db = "dyad.db";
  std::string format;
  std::string out;
  EventFilterFlags filters;
  int64_t limit = 0;
};

// Articles kept for the events that follow: FindEvents orders by date, then
// article, so an article's events mostly come together.
constexpr size_t kCachedArticles = 64;

// Fills `query` from the filters; returns a message for the first bad one.
std::string BuildQuery(const ExportOptions& opts, EventQuery* query) {
  std::string usage = ApplyEventFilters(opts.filters, query);
  if (!usage.empty()) return usage;
  if (opts.limit < 0) return "--limit must be 0 (no limit) or more";
  return "";
}

// What an export record needs of an article, read once per article.
struct ArticleInfo {
  std::string url;
  std::vector<Sentence> sentences;
  std::string text;
  // Events of the article per (source, target, code): GDELT's NumMentions.
  std::map<std::tuple<std::string, std::string, std::string>, int> mentions;
};

// A small least-recently-used cache of ArticleInfo by doc_id.
class ArticleCache {
 public:
  explicit ArticleCache(Store* store) : store_(store) {}

  // Returns the article, or nullptr when the store has no such article
  // (replaced while exporting). Fails as Store::GetArticle does.
  Result<const ArticleInfo*> Get(const std::string& doc_id) {
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->first == doc_id) {
        entries_.splice(entries_.begin(), entries_, it);
        return &entries_.front().second;
      }
    }
    Result<std::optional<Document>> doc = store_->GetArticle(doc_id);
    if (!doc.ok()) return doc.status();
    if (!doc->has_value()) return static_cast<const ArticleInfo*>(nullptr);
    ArticleInfo info;
    Document& article = **doc;
    info.url = std::move(article.url);
    info.sentences = std::move(article.sentences);
    info.text = std::move(article.text);
    for (const Event& e : article.events) {
      ++info.mentions[{e.source.code, e.target.code, e.cameo}];
    }
    entries_.emplace_front(doc_id, std::move(info));
    if (entries_.size() > kCachedArticles) entries_.pop_back();
    return &entries_.front().second;
  }

 private:
  Store* store_;
  std::list<std::pair<std::string, ArticleInfo>> entries_;
};

ExportRecord MakeRecord(const StoredEvent& e, const ArticleInfo* article) {
  ExportRecord r;
  r.id = e.id;
  r.doc_id = e.doc_id;
  r.published = e.published;
  r.evidence = e.evidence;
  r.event.source = e.source;
  r.event.target = e.target;
  r.event.cameo = e.cameo;
  r.event.date = e.date;
  r.event.date_from_text = e.date_from_text;
  r.event.place = e.place;
  r.event.has_place = e.has_place;
  r.event.sentence = e.sentence;
  r.event.span = e.span;
  r.event.rule = e.rule;
  if (!article) return r;
  r.url = article->url;
  if (e.sentence >= 0 &&
      static_cast<size_t>(e.sentence) < article->sentences.size()) {
    const Sentence& s = article->sentences[e.sentence];
    if (s.span.begin <= s.span.end && s.span.end <= article->text.size()) {
      r.sentence_text = article->text.substr(s.span.begin, s.span.size());
      r.sentence_begin = s.span.begin;
    }
    r.lead = s.part == PartKind::kHeadline ||
             (s.part == PartKind::kBody && s.paragraph == 0);
  }
  auto found = article->mentions.find({e.source.code, e.target.code, e.cameo});
  if (found != article->mentions.end()) r.mentions = found->second;
  return r;
}

// The current UTC time as YYYYMMDDHHMMSS, GDELT's DATEADDED format.
std::string NowUtc() {
  std::time_t now =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%d%H%M%S", &utc);
  return buffer;
}

int RunExport(const ExportOptions& opts) {
  EventQuery query;
  std::string usage = BuildQuery(opts, &query);
  if (!usage.empty()) {
    std::cerr << "dyad export: " << usage << "\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<Store>> store =
      Store::Open(opts.db, StoreMode::kReadOnly);
  if (!store.ok()) {
    std::cerr << "dyad export: " << store.status().ToString() << "\n";
    return kExitFatal;
  }
  std::ofstream file;
  if (!opts.out.empty() && opts.out != "-") {
    file.open(opts.out, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "dyad export: " << opts.out
                << ": cannot be opened for writing\n";
      return kExitFatal;
    }
  }
  std::ostream& out = file.is_open() ? file : std::cout;
  const std::string out_name = file.is_open() ? opts.out : "stdout";

  GdeltOptions gdelt;
  gdelt.now = NowUtc();
  if (opts.format == "csv") out << CsvHeader();
  ArticleCache articles(store->get());
  const auto started = std::chrono::steady_clock::now();
  int64_t written = 0;
  int64_t not_plover = 0;
  int64_t read = 0;
  if (opts.limit > 0) query.limit = opts.limit;
  // One pass over the store: events are streamed, never all in memory.
  Status walked = (*store)->ForEachEvent(query, [&](StoredEvent event) {
    ++read;
    Result<const ArticleInfo*> article = articles.Get(event.doc_id);
    if (!article.ok()) return article.status();
    ExportRecord record = MakeRecord(event, *article);
    if (opts.format == "gdelt") {
      out << GdeltRow(record, gdelt);
    } else if (opts.format == "plover") {
      std::string json = PloverJson(record);
      if (json.empty()) {
        ++not_plover;
        return Status::Ok();
      }
      out << json << "\n";
    } else {
      out << CsvRow(record);
    }
    ++written;
    return Status::Ok();
  });
  if (!walked.ok()) {
    std::cerr << "dyad export: " << walked.ToString() << "\n";
    return kExitFatal;
  }
  out.flush();
  if (!out) {
    std::cerr << "dyad export: " << out_name << ": write failed\n";
    return kExitFatal;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
          .count();
  std::cerr << "exported " << written << " events as " << opts.format << " to "
            << out_name;
  if (not_plover > 0) {
    std::cerr << " (" << not_plover
              << " statements and appeals left out: PLOVER does not code "
                 "CAMEO roots 01 and 02)";
  }
  char rate[64];
  std::snprintf(rate, sizeof rate, "; %.2f s, %.0f events/s", seconds,
                seconds > 0 ? read / seconds : 0.0);
  std::cerr << rate << "\n";
  return kExitOk;
}

}  // namespace

void AddExportCommand(CLI::App& app, int* exit_code) {
  auto opts = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Export the events of a store as GDELT 2.0 Event rows (61 "
      "tab-separated columns, no header), PLOVER JSON records (one per "
      "line) or CSV (RFC 4180, with a header)");
  cmd->add_option("--db", opts->db, "Store file to read")
      ->capture_default_str();
  cmd->add_option("--format", opts->format, "gdelt, plover or csv")
      ->required()
      ->check(CLI::IsMember({"gdelt", "plover", "csv"}));
  cmd->add_option("--out", opts->out,
                  "File to write (default: stdout; the summary line goes to "
                  "stderr)");
  AddEventFilterFlags(cmd, &opts->filters);
  cmd->add_option("--limit", opts->limit,
                  "Export at most this many events; 0 exports all")
      ->capture_default_str();
  cmd->footer(
      "Events are written in date order. With --format plover, events coded "
      "as statements and appeals (CAMEO roots 01, 02) are left out: PLOVER "
      "has no categories for them.\nExit codes: 0 done (also when nothing "
      "matches), 2 bad command line, 3 the store cannot be read or the "
      "output written.\n");
  cmd->callback([opts, exit_code] { *exit_code = RunExport(*opts); });
}

}  // namespace dyad::cli
