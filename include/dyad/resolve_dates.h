// resolve (dates): the day each event happened, from the words of its
// sentence and the publication date.
//
// "Stoltenberg met Yoon on Monday" in a story published Wednesday
// 2023-02-01 happened on 2023-01-30. Understood: yesterday, today,
// tomorrow, tonight, last night, this morning; weekdays (the most recent
// one, or the next one in a future clause: "will meet on Friday"; a weekday
// equal to the publication weekday is the publication day, as wire copy
// writes "said Wednesday" on a Wednesday; "last"/"next" force the
// direction); the weekend (its Saturday); explicit dates ("Jan. 30",
// "January 30th, 2023", "30 January 2023", "Monday, Jan. 30" whose weekday
// picks the year, "2023-01-30", "1/30/2023", "on the 30th"); months ("in
// December": the most recent December, the next one in a future clause;
// "mid-December", "December 2022", "December last year"); years ("in
// 2022"); last/next week, month, year; "N days/weeks/months/years ago".
// "would" (the future of a past moment) takes the occurrence nearest
// publication; "since" looks back. A bare "Sept. 5" is this year's unless
// last or next year's is near publication (news style gives the year
// otherwise).
// Where a span of time stands for one day, the day is its first: "last
// week" is the Monday of the previous ISO week, "last month" and "in
// December" the month's first day ("mid-December" the 15th, "late
// December" the 21st), "last year" and "in 2022" January 1. "This week",
// "earlier this month", "the past week" name no day: such events keep the
// publication date.
#ifndef DYAD_RESOLVE_DATES_H_
#define DYAD_RESOLVE_DATES_H_

#include <string>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad {

struct EventDate {
  std::string date;        // YYYY-MM-DD, "" when unknown
  bool from_text = false;  // true: read from the sentence; false: the
                           // publication date (or "" when that is unknown)
};

// The date of `event` (a member of doc.events or an event about to be
// added), read from its sentence doc.sentences[event.sentence]. Among the
// sentence's date expressions it prefers those that hang, in the dependency
// parse (when the sentence is parsed), on the verb of the event's source or
// target, and among them (or when there is no parse) the one nearest the
// event's span (a date in a relative clause inside the span,
// ", who arrived Sunday,", counts as far). Without a date expression, or
// with an event outside every sentence, it is doc.published. When
// doc.published is empty or not a valid YYYY-MM-DD, dates with a year are
// still read and relative ones ("on Monday") give "". Never fails; reads
// only `doc` and `event`.
EventDate DateOfEvent(const Document& doc, const Event& event);

// Sets Event::date and Event::date_from_text of every event in doc->events
// as DateOfEvent does. Returns InvalidArgument for a null `doc`, OK
// otherwise (a malformed doc->published is treated as unknown, not as an
// error, so one bad field does not cost a document its events). Needs the
// text stage's sentences and tokens; uses doc->analysis (tags, parse) when
// it is parallel to doc->tokens. Cost: one scan of each event sentence.
Status AssignEventDates(Document* doc);

}  // namespace dyad

#endif  // DYAD_RESOLVE_DATES_H_
