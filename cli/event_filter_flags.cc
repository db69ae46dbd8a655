#include "event_filter_flags.h"

#include <cctype>
#include <string_view>

namespace dyad::cli {
namespace {

std::string Upper(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

bool AllDigits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int TwoDigits(std::string_view text, size_t at) {
  return (text[at] - '0') * 10 + (text[at + 1] - '0');
}

}  // namespace

// A mistyped 2023-02-30 would otherwise silently compare as a string and
// match nothing (or everything) without a word.
bool IsPartialDate(std::string_view date) {
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
  for (size_t i = 0; i < date.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? date[i] != '-' : (date[i] < '0' || date[i] > '9')) return false;
  }
  if (date.size() == 4) return true;
  const int month = TwoDigits(date, 5);
  if (month < 1 || month > 12) return false;
  if (date.size() == 7) return true;
  const int year = std::stoi(std::string(date.substr(0, 4)));
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  const int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  const int day = TwoDigits(date, 8);
  return day >= 1 && day <= days;
}

void AddEventFilterFlags(CLI::App* cmd, EventFilterFlags* flags) {
  cmd->add_option("--actor", flags->actor,
                  "Events whose source or target code starts with this "
                  "(JPN matches JPN, JPNGOV, JPNMIL)");
  CLI::Option* dyad = cmd->add_option(
      "--dyad", flags->dyad,
      "SOURCE,TARGET: events from the first actor to the second (codes "
      "match by prefix)");
  CLI::Option* source = cmd->add_option(
      "--source", flags->source, "Events whose source code starts with this");
  CLI::Option* target = cmd->add_option(
      "--target", flags->target, "Events whose target code starts with this");
  dyad->excludes(source)->excludes(target);
  cmd->add_flag("--both-directions", flags->both_directions,
                "With --dyad or --source/--target: also events from the "
                "target to the source");
  CLI::Option* cameo = cmd->add_option(
      "--cameo", flags->cameo,
      "CAMEO code or its leading digits (042; 04 is the whole root)");
  CLI::Option* root =
      cmd->add_option("--root", flags->root, "CAMEO root, two digits (01-20)");
  cameo->excludes(root);
  cmd->add_option("--from", flags->from,
                  "Earliest event date, YYYY[-MM[-DD]] (inclusive)");
  cmd->add_option("--to", flags->to,
                  "Latest event date, YYYY[-MM[-DD]] (inclusive: 2023-01 "
                  "includes all of January)");
}

std::string ApplyEventFilters(const EventFilterFlags& flags,
                              EventQuery* query) {
  query->actor = Upper(flags.actor);
  query->source = Upper(flags.source);
  query->target = Upper(flags.target);
  if (!flags.dyad.empty()) {
    size_t comma = flags.dyad.find(',');
    if (comma == std::string::npos || comma == 0 ||
        comma + 1 == flags.dyad.size() ||
        flags.dyad.find(',', comma + 1) != std::string::npos) {
      return "--dyad takes two actor codes separated by a comma (USA,RUS), "
             "got \"" +
             flags.dyad + "\"";
    }
    query->source = Upper(flags.dyad.substr(0, comma));
    query->target = Upper(flags.dyad.substr(comma + 1));
  }
  query->both_directions = flags.both_directions;
  if (!flags.cameo.empty() &&
      (!AllDigits(flags.cameo) || flags.cameo.size() > 4)) {
    return "--cameo takes a CAMEO code or its first digits (042, 04), got \"" +
           flags.cameo + "\"";
  }
  query->cameo = flags.cameo;
  if (!flags.root.empty() &&
      (!AllDigits(flags.root) || flags.root.size() != 2)) {
    return "--root takes a two-digit CAMEO root (01 to 20), got \"" +
           flags.root + "\"";
  }
  query->root = flags.root;
  for (const std::string* date : {&flags.from, &flags.to}) {
    if (!date->empty() && !IsPartialDate(*date)) {
      return "dates are YYYY, YYYY-MM or YYYY-MM-DD, got \"" + *date + "\"";
    }
  }
  query->date_from = flags.from;
  query->date_to = flags.to;
  return "";
}

}  // namespace dyad::cli
