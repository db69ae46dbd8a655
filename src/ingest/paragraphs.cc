#include "ingest/paragraphs.h"

#include "ingest/text_util.h"

namespace dyad::ingest {

std::vector<Block> SplitBlocks(std::string_view text, size_t start) {
  struct Line {
    size_t begin, end;
  };
  std::vector<Line> lines;
  size_t i = start;
  while (true) {
    size_t nl = text.find('\n', i);
    if (nl == std::string_view::npos) nl = text.size();
    size_t b = i, e = nl;
    TrimRange(text, &b, &e);
    lines.push_back({b, e});
    if (nl == text.size()) break;
    i = nl + 1;
  }
  bool seen_text = false, blank_after_text = false, blank_separates = false;
  for (const Line& line : lines) {
    if (line.begin == line.end) {
      blank_after_text = seen_text;
    } else {
      if (blank_after_text) blank_separates = true;
      seen_text = true;
    }
  }
  std::vector<Block> blocks;
  bool open = false;
  for (const Line& line : lines) {
    if (line.begin == line.end) {
      open = false;
      continue;
    }
    if (open && blank_separates) {
      blocks.back().end = line.end;
      ++blocks.back().lines;
    } else {
      blocks.push_back({line.begin, line.end, 1});
      open = true;
    }
  }
  return blocks;
}

}  // namespace dyad::ingest
