#include "analyze/iob_spans.h"

#include <string_view>

namespace dyad::analyze {

std::vector<EntitySpan> ExtractSpans(const std::vector<std::string>& tags) {
  std::vector<EntitySpan> spans;
  bool open = false;
  EntitySpan current;
  auto close = [&](size_t end) {
    if (!open) return;
    current.end = end;
    spans.push_back(current);
    open = false;
  };
  auto start = [&](size_t begin, std::string_view type) {
    current.begin = begin;
    current.type = std::string(type);
    open = true;
  };
  for (size_t i = 0; i < tags.size(); ++i) {
    std::string_view tag = tags[i];
    if (tag.size() < 3 || tag[1] != '-') {
      close(i);
      continue;
    }
    char prefix = tag[0];
    std::string_view type = tag.substr(2);
    bool continues = open && current.type == type;
    switch (prefix) {
      case 'B':
        close(i);
        start(i, type);
        break;
      case 'I':
        if (!continues) {
          close(i);
          start(i, type);
        }
        break;
      case 'L':
      case 'E':
        if (!continues) {
          close(i);
          start(i, type);
        }
        close(i + 1);
        break;
      case 'U':
      case 'S':
        close(i);
        start(i, type);
        close(i + 1);
        break;
      default:
        close(i);
        break;
    }
  }
  close(tags.size());
  return spans;
}

std::vector<std::string> SpansToBilou(const std::vector<EntitySpan>& spans,
                                      size_t word_count) {
  std::vector<std::string> tags(word_count, "O");
  for (const EntitySpan& span : spans) {
    if (span.end > word_count || span.begin >= span.end) continue;
    if (span.end - span.begin == 1) {
      tags[span.begin] = "U-" + span.type;
      continue;
    }
    tags[span.begin] = "B-" + span.type;
    for (size_t i = span.begin + 1; i + 1 < span.end; ++i) {
      tags[i] = "I-" + span.type;
    }
    tags[span.end - 1] = "L-" + span.type;
  }
  return tags;
}

}  // namespace dyad::analyze
