// Paragraph blocks of plain text: the unit wire stories and JSONL texts are
// divided into.
#ifndef DYAD_INGEST_PARAGRAPHS_H_
#define DYAD_INGEST_PARAGRAPHS_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace dyad::ingest {

// A paragraph-like stretch of text, trimmed of surrounding whitespace:
// [begin, end) byte offsets into the text it was cut from; `lines` counts
// the lines it spans.
struct Block {
  size_t begin = 0;
  size_t end = 0;
  int lines = 1;
};

// Splits text[start..] into blocks: runs of non-blank lines separated by
// blank lines. When the text has no blank line between two text lines (some
// feeds write one paragraph per line), every non-blank line is its own
// block instead, or the whole text would be a single paragraph. CR of CRLF
// and other edge whitespace (including U+00A0) are excluded from the spans.
std::vector<Block> SplitBlocks(std::string_view text, size_t start);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_PARAGRAPHS_H_
