#include "ingest/input_stream.h"

#include <algorithm>
#include <cstring>

namespace dyad::ingest {
namespace {
constexpr size_t kChunk = 1 << 20;
}

bool InputStream::Fill() {
  if (eof_) return false;
  size_t old = buffer_.size();
  buffer_.resize(old + kChunk);
  size_t got = std::fread(buffer_.data() + old, 1, kChunk, file_);
  buffer_.resize(old + got);
  if (got == 0) {
    eof_ = true;
    failed_ = std::ferror(file_) != 0;
    return false;
  }
  return true;
}

void InputStream::Compact() {
  if (pos_ > 0 && pos_ >= buffer_.size() / 2) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
}

std::string_view InputStream::Peek(size_t n) {
  while (buffer_.size() - pos_ < n && Fill()) {
  }
  size_t have = std::min(n, buffer_.size() - pos_);
  return std::string_view(buffer_).substr(pos_, have);
}

bool InputStream::ReadAll(size_t limit, std::string* out) {
  while (buffer_.size() - pos_ <= limit && Fill()) {
  }
  size_t have = buffer_.size() - pos_;
  out->assign(buffer_, pos_, std::min(have, limit));
  pos_ = buffer_.size();
  return have <= limit;
}

InputStream::LineResult InputStream::NextLine(size_t limit, std::string* line,
                                              size_t* length) {
  size_t scanned = pos_;
  while (true) {
    const char* start = buffer_.data() + scanned;
    const void* nl = std::memchr(start, '\n', buffer_.size() - scanned);
    if (nl != nullptr) {
      size_t end = static_cast<const char*>(nl) - buffer_.data();
      *length = end - pos_;
      line->assign(buffer_, pos_, end - pos_);
      pos_ = end + 1;
      Compact();
      return LineResult::kLine;
    }
    scanned = buffer_.size();
    if (buffer_.size() - pos_ > limit) break;
    if (!Fill()) {
      if (buffer_.size() == pos_) return LineResult::kEnd;
      *length = buffer_.size() - pos_;
      line->assign(buffer_, pos_, buffer_.size() - pos_);
      pos_ = buffer_.size();
      return LineResult::kLine;
    }
  }
  // Too long: drop what we hold and skip to the end of the line.
  size_t skipped = buffer_.size() - pos_;
  buffer_.clear();
  pos_ = 0;
  while (true) {
    if (!Fill()) break;
    const void* nl = std::memchr(buffer_.data(), '\n', buffer_.size());
    if (nl != nullptr) {
      size_t end = static_cast<const char*>(nl) - buffer_.data();
      skipped += end;
      pos_ = end + 1;
      Compact();
      break;
    }
    skipped += buffer_.size();
    buffer_.clear();
  }
  line->clear();
  *length = skipped;
  return LineResult::kTooLong;
}

}  // namespace dyad::ingest
