// PETRARCH-2 actor dictionaries: names, "+" synonyms and dated codes.
#include <utility>

#include "dyad/petrarch_lexicon.h"
#include "lexicon/petrarch_common.h"

namespace dyad {

using petrarch_internal::CleanLine;
using petrarch_internal::CleanLines;
using petrarch_internal::CleanText;
using petrarch_internal::ErrorSink;
using petrarch_internal::ParseDate;
using petrarch_internal::ParseName;
using petrarch_internal::SplitBlocks;
using petrarch_internal::Trim;
using petrarch_internal::WalkLines;

namespace {

// "USA", "IGOWSTNAT", "FRO/BIL/SAM", "pse"; or one of the special codes
// made only of "-", "#" or "+" ("---" null, "###" discard, "+++" complex).
bool IsActorCode(std::string_view code) {
  if (code.empty()) return false;
  bool special = true;
  for (char c : code)
    if (c != '-' && c != '#' && c != '+') special = false;
  if (special) return true;
  for (char c : code) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              (c >= '0' && c <= '9') || c == '/';
    if (!ok) return false;
  }
  return code.find_first_not_of("0123456789") != std::string_view::npos;
}

// An actor being read: its codes are ordered when it is complete.
struct PendingActor {
  Actor actor;
  std::vector<DatedCode> dated;
  std::vector<DatedCode> defaults;
};

// Parses one code block body ("IGOUNO 970101-061231", "HOB < 950601",
// "ZBW") into `pending`. Returns "" or the error.
std::string AddCodeBlock(std::string_view body,
                         const PetrarchActorOptions& options,
                         PendingActor* pending) {
  body = Trim(body);
  size_t blank = body.find_first_of(" \t");
  std::string_view code = body.substr(0, blank);
  std::string restriction;
  if (blank != std::string_view::npos) {
    for (char c : body.substr(blank))
      if (c != ' ' && c != '\t') restriction.push_back(c);
  }
  if (code.empty()) return "empty code block \"[]\"";
  if (!IsActorCode(code))
    return std::string("\"").append(code) +
           "\" is not an actor code (expected [CODE] or [CODE date])";
  DatedCode dated;
  bool has_date = !restriction.empty();
  if (has_date) {
    auto bad_date = [&](std::string_view d) {
      return std::string("bad date \"").append(d) +
             std::string("\" (expected yymmdd or yyyymmdd) in [").append(body) +
             "]";
    };
    if (restriction[0] == '<' || restriction[0] == '>') {
      std::string_view d = std::string_view(restriction).substr(1);
      int32_t date = ParseDate(d);
      if (date < 0) return bad_date(d);
      if (restriction[0] == '<')
        dated.last = date;
      else
        dated.first = date;
    } else if (size_t dash = restriction.find('-'); dash != std::string::npos) {
      std::string_view from = std::string_view(restriction).substr(0, dash);
      std::string_view to = std::string_view(restriction).substr(dash + 1);
      dated.first = ParseDate(from);
      if (dated.first < 0) return bad_date(from);
      dated.last = ParseDate(to);
      if (dated.last < 0) return bad_date(to);
      // A reversed range (Phoenix has one) never holds a date; PETRARCH
      // reads it without complaint, so it is kept as written.
    } else {
      // "[MNEGOV 20121204]": PETRARCH's date check treats a date without
      // "<" or ">" as a start date.
      int32_t date = ParseDate(restriction);
      if (date < 0) return bad_date(restriction);
      dated.first = date;
    }
  }
  if (options.slashed == SlashedActorCodes::kOne) {
    dated.code = std::string(code);
    (has_date ? pending->dated : pending->defaults).push_back(dated);
    return "";
  }
  size_t start = 0;
  while (start <= code.size()) {
    size_t slash = code.find('/', start);
    if (slash == std::string_view::npos) slash = code.size();
    if (slash > start) {
      dated.code = std::string(code.substr(start, slash - start));
      (has_date ? pending->dated : pending->defaults).push_back(dated);
    }
    start = slash + 1;
  }
  return "";
}

// Adds every block of `blocks` to `pending`; returns "" or the first error.
std::string AddCodeBlocks(const std::vector<std::string_view>& blocks,
                          const PetrarchActorOptions& options,
                          PendingActor* pending) {
  for (std::string_view block : blocks) {
    std::string error = AddCodeBlock(block, options, pending);
    if (!error.empty()) return error;
  }
  return "";
}

void Finish(PendingActor* pending, Lexicon* lexicon) {
  Actor& actor = pending->actor;
  actor.codes = std::move(pending->dated);
  for (DatedCode& code : pending->defaults)
    actor.codes.push_back(std::move(code));
  // PETRARCH reads an actor whose restrictions all fail, and which has no
  // default, as the null actor.
  if (pending->defaults.empty()) actor.codes.push_back(DatedCode{"---"});
  lexicon->actors.push_back(std::move(actor));
}

}  // namespace

Status LoadPetrarchActorsFromString(std::string_view contents,
                                    std::string_view name, Lexicon* lexicon,
                                    std::vector<std::string>* errors,
                                    const PetrarchActorOptions& options) {
  ErrorSink sink(name, errors);
  CleanText text = CleanLines(contents);
  PendingActor pending;
  bool active = false;    // `pending` holds an actor
  bool skipping = false;  // the last name line was bad: skip its lines
  auto finish = [&]() {
    if (active) Finish(&pending, lexicon);
    pending = PendingActor();
    active = false;
  };
  WalkLines(text, &sink, [&](const CleanLine& line) {
    std::string_view body = line.text;
    std::string_view head, trailing;
    std::vector<std::string_view> blocks;
    std::string error;
    if (body[0] == '[' || body[0] == '+') {
      if (!active) {
        if (skipping) return true;
        return sink.Report(line.number, body[0] == '['
                                            ? "code block before any actor name"
                                            : "synonym before any actor name");
      }
      bool synonym = body[0] == '+';
      if (synonym) body.remove_prefix(1);
      if (!SplitBlocks(body, &head, &blocks, &trailing, &error))
        return sink.Report(line.number, error);
      if (!synonym && !head.empty())
        return sink.Report(line.number, "text before a code block");
      if (!trailing.empty() && !synonym)
        return sink.Report(line.number, "text after a code block");
      PendingActor trial = pending;
      if (synonym) {
        Phrase phrase;
        if (!ParseName(head, &phrase, &error))
          return sink.Report(line.number, "synonym: " + error);
        trial.actor.phrases.push_back(std::move(phrase));
      }
      error = AddCodeBlocks(blocks, options, &trial);
      if (!error.empty()) return sink.Report(line.number, error);
      pending = std::move(trial);
      return true;
    }
    finish();
    skipping = true;
    if (!SplitBlocks(body, &head, &blocks, &trailing, &error))
      return sink.Report(line.number, error);
    // Text after the codes is a note (Phoenix.International.actors.txt
    // lists industry and revenue there); PETRARCH never reads it.
    Phrase phrase;
    if (!ParseName(head, &phrase, &error))
      return sink.Report(line.number, "actor name: " + error);
    pending.actor.phrases.push_back(std::move(phrase));
    pending.actor.origin = SourceLine{std::string(name), line.number};
    error = AddCodeBlocks(blocks, options, &pending);
    if (!error.empty()) {
      pending = PendingActor();
      return sink.Report(line.number, error);
    }
    active = true;
    skipping = false;
    return true;
  });
  if (sink.failed()) return sink.status();
  finish();
  return Status::Ok();
}

Status LoadPetrarchActors(const std::string& path, Lexicon* lexicon,
                          std::vector<std::string>* errors,
                          const PetrarchActorOptions& options) {
  Result<std::string> contents = petrarch_internal::ReadWholeFile(path);
  if (!contents.ok()) return contents.status();
  return LoadPetrarchActorsFromString(*contents, path, lexicon, errors,
                                      options);
}

}  // namespace dyad
