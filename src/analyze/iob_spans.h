// Entity spans from per-word tags and back. Decoding follows conlleval: a
// span starts at B- (or S-/U-), at an I-/L-/E- whose type differs from the
// open span's or that follows O (a malformed "I- without B-", also how IOB1
// corpora start entities), and ends before O, B-, S-/U- or a type change,
// or after L-/E-/S-/U-.
#ifndef DYAD_ANALYZE_IOB_SPANS_H_
#define DYAD_ANALYZE_IOB_SPANS_H_

#include <string>
#include <vector>

namespace dyad::analyze {

struct EntitySpan {
  size_t begin = 0;  // first word
  size_t end = 0;    // one past the last word
  std::string type;  // the tag's type: "PER", "ORG", "LOC"

  bool operator==(const EntitySpan&) const = default;
};

// The spans of `tags` (BIO, IOB1 or BILOU/IOBES, mixed freely), in order.
// Tags that are not "O" and have no "X-" prefix count as O.
std::vector<EntitySpan> ExtractSpans(const std::vector<std::string>& tags);

// The BILOU tags of `spans` over `word_count` words (O elsewhere). Spans
// must not overlap and must lie inside the sentence.
std::vector<std::string> SpansToBilou(const std::vector<EntitySpan>& spans,
                                      size_t word_count);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_IOB_SPANS_H_
