// Which date expression of a sentence belongs to an event, and its day.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "dyad/resolve_dates.h"
#include "resolve/date_expressions.h"

namespace dyad {
namespace {

using resolve::CivilDate;
using resolve::DateExpression;
using resolve::DateKind;

// Token range [first, end) of one sentence, clamped to doc.tokens.
struct TokenRange {
  uint32_t first = 0;
  uint32_t end = 0;
};

TokenRange SentenceTokens(const Document& doc, const Sentence& s) {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  uint32_t first = std::min(s.first_token, n);
  uint32_t end = first + std::min(s.token_count, n - first);
  return {first, end};
}

// The tokens of `range` that overlap `span`; empty when none do.
TokenRange TokensOf(const Document& doc, TokenRange range, Span span) {
  TokenRange out{range.end, range.end};
  for (uint32_t i = range.first; i < range.end; ++i) {
    const Span& t = doc.tokens[i].span;
    if (t.end <= span.begin || t.begin >= span.end) continue;
    if (out.first == range.end) out.first = i;
    out.end = i + 1;
  }
  if (out.first == range.end) return {range.end, range.end};
  return out;
}

bool HasParse(const Document& doc, const Sentence& s) {
  return s.parsed && doc.analysis.size() == doc.tokens.size();
}

// The verb a phrase hangs on: from the phrase's top token (the first one
// whose head lies outside it) up the heads to the first VERB, or the
// sentence root. -1 when there is nothing to climb.
int32_t GoverningVerb(const Document& doc, TokenRange sentence,
                      TokenRange phrase) {
  if (phrase.first >= phrase.end) return -1;
  auto inside = [&](int32_t t, TokenRange r) {
    return t >= static_cast<int32_t>(r.first) &&
           t < static_cast<int32_t>(r.end);
  };
  int32_t top = static_cast<int32_t>(phrase.first);
  for (uint32_t i = phrase.first; i < phrase.end; ++i) {
    if (!inside(doc.analysis[i].head, phrase)) {
      top = static_cast<int32_t>(i);
      break;
    }
  }
  int32_t t = doc.analysis[top].head;
  for (int steps = 0; steps < 12 && inside(t, sentence); ++steps) {
    if (doc.analysis[t].upos == "VERB") return t;
    int32_t h = doc.analysis[t].head;
    if (!inside(h, sentence)) return t;  // the root
    t = h;
  }
  return -1;
}

bool IsParenthesisEdge(const Token& t) {
  return t.kind == TokenKind::kPunct &&
         (t.upper == "," || t.upper == "(" || t.upper == ")" ||
          t.upper == "—" || t.upper == "–" || t.upper == "--");
}

// How far the expression is from the event, in tokens (0 inside it). A
// date inside the event's span but in a relative clause or parenthesis
// there (", who arrived on Sunday,") counts as far as that clause's
// nearer edge.
uint32_t Distance(const Document& doc, TokenRange event,
                  const DateExpression& e) {
  if (e.end_token <= event.first) return event.first - e.end_token + 1;
  if (e.first_token >= event.end) return e.first_token - event.end + 1;
  uint32_t left = e.first_token, right = e.end_token;
  while (left > event.first && !IsParenthesisEdge(doc.tokens[left - 1])) --left;
  while (right < event.end && !IsParenthesisEdge(doc.tokens[right])) ++right;
  if (left == event.first || right >= event.end) return 0;
  const Token& open = doc.tokens[left - 1];
  const std::string& next = doc.tokens[left].upper;
  const bool embedded = open.upper == "(" || open.upper == "—" ||
                        open.upper == "–" || open.upper == "--" ||
                        next == "WHO" || next == "WHICH" || next == "WHOSE" ||
                        next == "WHERE" || next == "WHOM";
  if (!embedded) return 0;
  return std::min(left - event.first, event.end - right) + 1;
}

// Sorting key: parse attachment first, then distance, then after-the-event
// before before-the-event ("met X on Monday" is the common order).
uint64_t RankKey(const Document& doc, TokenRange sentence, TokenRange event,
                 const int32_t (&event_verbs)[2], bool parsed,
                 const DateExpression& e) {
  uint64_t attached = 1;
  if (parsed) {
    const int32_t verb =
        GoverningVerb(doc, sentence, {e.first_token, e.end_token});
    if (verb >= 0 && (verb == event_verbs[0] || verb == event_verbs[1]))
      attached = 0;
  }
  uint64_t before = e.end_token <= event.first ? 1 : 0;
  return (attached << 40) | (uint64_t{Distance(doc, event, e)} << 1) | before;
}

class EventDater {
 public:
  explicit EventDater(const Document& doc) : doc_(doc) {
    if (auto p = resolve::ParseIsoDate(doc.published)) published_ = *p;
  }

  EventDate DateOf(const Event& event) {
    EventDate fallback;
    if (published_) fallback.date = resolve::FormatIsoDate(*published_);
    if (event.sentence < 0 ||
        static_cast<size_t>(event.sentence) >= doc_.sentences.size())
      return fallback;
    const Sentence& s = doc_.sentences[event.sentence];
    const TokenRange sentence = SentenceTokens(doc_, s);
    if (event.sentence != cached_sentence_) {
      cached_sentence_ = event.sentence;
      expressions_.clear();
      resolve::FindDateExpressions(doc_, sentence.first, sentence.end,
                                   &expressions_);
    }
    if (expressions_.empty()) return fallback;

    TokenRange ev = TokensOf(doc_, sentence, event.span);
    if (ev.first >= ev.end) ev = sentence;
    const bool parsed = HasParse(doc_, s);
    // The verbs the event's actors hang on: the target is usually the
    // verb's object or oblique, the source its subject. The coder's span
    // may join actors of two clauses, so a date on either verb counts as
    // attached, and distance decides between them.
    int32_t event_verbs[2] = {-1, -1};
    if (parsed) {
      const ActorRef* actors[2] = {&event.target, &event.source};
      for (int k = 0; k < 2; ++k) {
        if (actors[k]->span.empty()) continue;
        event_verbs[k] = GoverningVerb(
            doc_, sentence, TokensOf(doc_, sentence, actors[k]->span));
      }
    }
    order_.clear();
    for (size_t k = 0; k < expressions_.size(); ++k) {
      order_.emplace_back(
          RankKey(doc_, sentence, ev, event_verbs, parsed, expressions_[k]), k);
    }
    std::sort(order_.begin(), order_.end());

    const CivilDate* pub = published_ ? &*published_ : nullptr;
    for (const auto& [key, k] : order_) {
      const DateExpression& e = expressions_[k];
      if (e.kind == DateKind::kVague) return fallback;
      resolve::Tense tense = resolve::TenseAround(
          doc_, sentence.first, sentence.end, e.first_token, e.end_token);
      if (auto day = resolve::ResolveDateExpression(e, pub, tense)) {
        return EventDate{resolve::FormatIsoDate(*day), true};
      }
      // Relative to an unknown publication day: the event's date is
      // unknown, not that of a farther expression.
      const bool has_year =
          e.kind == DateKind::kYear ||
          ((e.kind == DateKind::kMonthDay || e.kind == DateKind::kMonth) &&
           e.year != 0);
      if (pub == nullptr && !has_year) return EventDate{};
      // Otherwise a day that does not exist ("Feb. 30"): try the next.
    }
    return fallback;
  }

 private:
  const Document& doc_;
  std::optional<CivilDate> published_;
  int cached_sentence_ = -1;
  std::vector<DateExpression> expressions_;
  std::vector<std::pair<uint64_t, size_t>> order_;
};

}  // namespace

EventDate DateOfEvent(const Document& doc, const Event& event) {
  return EventDater(doc).DateOf(event);
}

Status AssignEventDates(Document* doc) {
  if (doc == nullptr) return InvalidArgument("AssignEventDates: null document");
  EventDater dater(*doc);
  for (Event& event : doc->events) {
    EventDate d = dater.DateOf(event);
    event.date = std::move(d.date);
    event.date_from_text = d.from_text;
  }
  return Status::Ok();
}

}  // namespace dyad
