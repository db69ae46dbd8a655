// Buffered reading of a FILE* (a file or standard input) that can peek at
// the start for format sniffing, read a bounded whole document, or deliver
// lines one by one without ever holding an overlong line in memory.
#ifndef DYAD_INGEST_INPUT_STREAM_H_
#define DYAD_INGEST_INPUT_STREAM_H_

#include <cstdio>
#include <string>
#include <string_view>

namespace dyad::ingest {

class InputStream {
 public:
  // Does not take ownership of `file`.
  explicit InputStream(std::FILE* file) : file_(file) {}

  // Up to `n` bytes from the current position, without consuming them.
  std::string_view Peek(size_t n);

  // Reads the rest of the input into *out. Returns false (and stops
  // reading) when it is longer than `limit` bytes; *out is then partial.
  bool ReadAll(size_t limit, std::string* out);

  enum class LineResult { kLine, kTooLong, kEnd };
  // The next line without its '\n' in *line. A line longer than `limit` is
  // skipped to its end and reported as kTooLong with its length in
  // *length (memory stays bounded by the read buffer). kEnd at end of input.
  LineResult NextLine(size_t limit, std::string* line, size_t* length);

  // True when the operating system reported a read error.
  bool failed() const { return failed_; }

 private:
  // Appends one chunk to buffer_; false at end of input or on error.
  bool Fill();
  void Compact();

  std::FILE* file_;
  std::string buffer_;
  size_t pos_ = 0;
  bool eof_ = false;
  bool failed_ = false;
};

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_INPUT_STREAM_H_
