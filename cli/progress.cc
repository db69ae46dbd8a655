#include "progress.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <vector>

namespace dyad::cli {
namespace {

namespace fs = std::filesystem;

// The extensions IngestPath reads in directories.
bool KnownExtension(const fs::path& path) {
  static constexpr std::array<std::string_view, 8> kExtensions = {
      ".txt", ".text", ".jsonl", ".ndjson", ".json", ".html", ".htm", ".xhtml"};
  std::string ext = path.extension().string();
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return std::find(kExtensions.begin(), kExtensions.end(), ext) !=
         kExtensions.end();
}

bool Hidden(const fs::path& path) {
  std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

bool IsJsonLinesName(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext == ".jsonl" || ext == ".ndjson" || ext == ".json";
}

// Documents in one input file: non-blank lines of a JSON Lines file, else
// 1; 0 when it cannot be read.
int64_t DocumentsInFile(const fs::path& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return 0;
  if (!IsJsonLinesName(path)) {
    std::fclose(file);
    return 1;
  }
  std::vector<char> buffer(1 << 20);
  int64_t lines = 0;
  bool blank = true;       // the current line has only whitespace so far
  bool first_char = true;  // for .json: an array is one document
  size_t got;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
    for (size_t i = 0; i < got; ++i) {
      const char c = buffer[i];
      if (c == '\n') {
        blank = true;
      } else if (blank && c != ' ' && c != '\t' && c != '\r') {
        if (first_char && c == '[') {
          std::fclose(file);
          return 1;
        }
        first_char = false;
        blank = false;
        ++lines;
      }
    }
  }
  std::fclose(file);
  return lines;
}

}  // namespace

int64_t CountInputDocuments(const std::vector<std::string>& paths) {
  int64_t total = 0;
  for (const std::string& path : paths) {
    if (path == "-") return 0;
    std::error_code error;
    if (fs::is_directory(path, error)) {
      fs::recursive_directory_iterator it(
          path, fs::directory_options::skip_permission_denied, error);
      for (; !error && it != fs::recursive_directory_iterator();
           it.increment(error)) {
        if (Hidden(it->path())) {
          if (it->is_directory(error)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(error) && KnownExtension(it->path())) {
          total += DocumentsInFile(it->path());
        }
      }
    } else if (fs::is_regular_file(path, error)) {
      total += DocumentsInFile(path);
    }
  }
  return total;
}

Progress::Clock Progress::SteadyClock() {
  return [] {
    return std::chrono::duration<double>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  };
}

Progress::Progress(std::ostream* out, int64_t total, Clock clock,
                   double min_interval)
    : out_(out),
      total_(total),
      clock_(std::move(clock)),
      min_interval_(min_interval),
      started_(clock_()) {}

void Progress::Update(int64_t done) {
  done_ = done;
  const double now = clock_();
  if (shown_ && now - last_drawn_ < min_interval_) return;
  last_drawn_ = now;
  shown_ = true;
  // \r back to the start of the line, ESC[K erases what a longer line left.
  *out_ << '\r' << Line() << "\033[K" << std::flush;
}

void Progress::Clear() {
  if (!shown_) return;
  *out_ << "\r\033[K" << std::flush;
  shown_ = false;
}

std::string Progress::Line() const {
  const double elapsed = clock_() - started_;
  // A total that turned out too small (a .json array counts 1) is dropped
  // rather than shown as more than 100%.
  const bool known_total = total_ > 0 && done_ <= total_;
  std::string line = std::to_string(done_);
  if (known_total) line += " of " + std::to_string(total_);
  line += " articles";
  char buffer[64];
  if (known_total) {
    std::snprintf(buffer, sizeof buffer, " (%d%%)",
                  static_cast<int>(100 * done_ / total_));
    line += buffer;
  }
  if (elapsed > 0) {
    const double rate = done_ / elapsed;
    std::snprintf(buffer, sizeof buffer, ", %.1f articles/s", rate);
    line += buffer;
    if (known_total && rate > 0) {
      line += ", " + FormatDuration((total_ - done_) / rate) + " left";
    }
  }
  return line;
}

std::string FormatDuration(double seconds) {
  const int64_t s = static_cast<int64_t>(std::llround(std::max(0.0, seconds)));
  char buffer[32];
  if (s < 60) {
    std::snprintf(buffer, sizeof buffer, "%llds", static_cast<long long>(s));
  } else if (s < 3600) {
    std::snprintf(buffer, sizeof buffer, "%lldm%02llds",
                  static_cast<long long>(s / 60),
                  static_cast<long long>(s % 60));
  } else {
    std::snprintf(buffer, sizeof buffer, "%lldh%02lldm",
                  static_cast<long long>(s / 3600),
                  static_cast<long long>(s % 3600 / 60));
  }
  return buffer;
}

}  // namespace dyad::cli
