// The event filters `dyad events` and `dyad export` share: the flags, their
// checks and the EventQuery they make.
#ifndef DYAD_CLI_EVENT_FILTER_FLAGS_H_
#define DYAD_CLI_EVENT_FILTER_FLAGS_H_

#include <CLI/CLI.hpp>
#include <string>

#include "dyad/store.h"

namespace dyad::cli {

struct EventFilterFlags {
  std::string actor;
  std::string dyad;  // "SOURCE,TARGET"
  bool both_directions = false;
  std::string source;
  std::string target;
  std::string cameo;
  std::string root;
  std::string from;  // YYYY[-MM[-DD]]
  std::string to;
};

// Adds --actor, --dyad, --source, --target, --both-directions, --cameo,
// --root, --from and --to to `cmd`, writing into `*flags` (which must
// outlive the command line's parsing).
void AddEventFilterFlags(CLI::App* cmd, EventFilterFlags* flags);

// Fills the filter fields of `*query` from `flags` (codes upper-cased, the
// dyad split). Returns "" or a usage message naming the first bad flag.
std::string ApplyEventFilters(const EventFilterFlags& flags, EventQuery* query);

// True for YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day.
bool IsPartialDate(std::string_view date);

}  // namespace dyad::cli

#endif  // DYAD_CLI_EVENT_FILTER_FLAGS_H_
