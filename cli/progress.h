// Progress of a long `dyad code` run on a terminal: documents done of the
// total, rate and time left, redrawn in place on one line at most a few
// times a second.
#ifndef DYAD_CLI_PROGRESS_H_
#define DYAD_CLI_PROGRESS_H_

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace dyad::cli {

// Returns how many documents the inputs `paths` hold, counted the way
// IngestPath reads them: directories walked recursively (known
// extensions, no hidden entries); a JSON Lines file (.jsonl, .ndjson, or
// .json starting with "{") counts its non-blank lines; any other file
// counts 1 (so a .json array counts 1 however many articles it holds).
// Returns 0 (unknown) when any input is "-" (stdin). Unreadable paths
// count 0. Never fails. Reads every JSON Lines file once, at memory speed.
int64_t CountInputDocuments(const std::vector<std::string>& paths);

class Progress {
 public:
  // Monotonic seconds.
  using Clock = std::function<double()>;
  // Returns a Clock reading std::chrono::steady_clock.
  static Clock SteadyClock();

  // Draws on `out` (not owned; must outlive this object), at most once per
  // `min_interval` seconds. `total` 0 means unknown: no total, percentage
  // or time left are shown (nor once `done` passes the total).
  Progress(std::ostream* out, int64_t total, Clock clock,
           double min_interval = 0.25);

  // Records `done` documents read so far (coded or failed) and redraws the
  // line when the last drawing is at least `min_interval` old.
  void Update(int64_t done);

  // Erases the line, so that other output (an error, the summary) starts
  // on a clean line; the next Update draws it again.
  void Clear();

  // The text of the progress line for the current state (no control
  // characters): "120 of 480 articles (25%), 45.2 articles/s, 8s left".
  std::string Line() const;

 private:
  std::ostream* out_;
  int64_t total_;
  Clock clock_;
  double min_interval_;
  double started_;
  double last_drawn_ = -1;
  bool shown_ = false;
  int64_t done_ = 0;
};

// Returns "45s", "1m05s" or "2h03m" for a duration in seconds.
std::string FormatDuration(double seconds);

}  // namespace dyad::cli

#endif  // DYAD_CLI_PROGRESS_H_
