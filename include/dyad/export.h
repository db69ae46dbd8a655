// export: stored events to the formats other event-data tools read: GDELT
// 2.0 Event rows, PLOVER JSON records and RFC 4180 CSV.
//
// The writers work on ExportRecord, one event with what they need of its
// article and sentence, so that they depend on the data model alone and not
// on the store (`dyad export` fills the records from the store). All
// functions return their text by value and never fail: a field that is not
// known is written empty (GDELT, CSV) or left out (PLOVER), as each format
// does for missing values.
//
// GDELT 2.0 mapping (the 61 columns of an Event "export" file):
//
//   GLOBALEVENTID            ExportRecord::id (the store's event row id)
//   SQLDATE / MonthYear /    the event date as YYYYMMDD / YYYYMM / YYYY /
//   Year / FractionDate      YYYY.FFFF with FFFF = ((month-1)*30+day)/365,
//                            the convention of GDELT's own files; all four
//                            empty when the event has no date
//   Actor{1,2}Code           source / target CAMEO actor code
//   Actor{1,2}Name           the actor's words, upper-cased (ASCII letters)
//   Actor{1,2}CountryCode,   the code split into its 3-letter parts (see
//   KnownGroupCode,          ActorCodeParts): "JPNGOV" gives country JPN and
//   EthnicCode, Religion1/2, type GOV; "IGOWSTNAT" type IGO, country WST,
//   Type1/2/3Code            known group NAT
//   IsRootEvent              1 when the sentence is in the headline or the
//                            first body paragraph, else 0
//   EventCode / EventBase-   the CAMEO code; its first 3 digits; its root
//   Code / EventRootCode
//   QuadClass,GoldsteinScale from the code table (codes.h); empty when the
//                            code is not a CAMEO code
//   NumMentions              events of the same article with the same
//                            source, target and code (ExportRecord::mentions)
//   NumSources, NumArticles  1 (one article is one source)
//   AvgTone                  0 (dyad does not score tone)
//   Actor{1,2}Geo_*          Type 0, the rest empty (dyad places events,
//                            not actors)
//   ActionGeo_*              the event's place when it has one: Type 1 when
//                            it names only a country, 3 for a place in the
//                            USA, 4 elsewhere; FullName the place name
//                            (the country code when it has no name);
//                            Lat/Long when known. CountryCode (FIPS 10-4),
//                            ADM1, ADM2 and FeatureID stay empty: dyad keeps
//                            ISO alpha-3 countries and no gazetteer ids.
//                            Without a place: Type 0, the rest empty
//   DATEADDED                the article's publication date at 000000, else
//                            the event date, else GdeltOptions::now
//   SOURCEURL                the article URL, else its doc_id (a citation)
//
// Tabs, carriage returns and line feeds inside text fields become spaces, so
// every row has exactly 61 tab-separated fields.
#ifndef DYAD_EXPORT_H_
#define DYAD_EXPORT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"

namespace dyad {

// One event to export, with its article's identity and its sentence.
struct ExportRecord {
  int64_t id = 0;  // stable event id (the store's row id)
  std::string doc_id;
  std::string url;        // article URL, "" when unknown
  std::string published;  // article publication date YYYY-MM-DD, or ""
  // The event as coded. Its date is the one to export (the coder's, or the
  // publication date when the coder gave none); "" when neither is known.
  Event event;
  std::string evidence;  // the article text bytes of event.span
  // The sentence the event was coded from, and where it starts in the
  // article text (event and actor spans are article offsets). Empty when
  // the sentence is unknown.
  std::string sentence_text;
  uint32_t sentence_begin = 0;
  bool lead = false;  // sentence in the headline or first body paragraph
  int mentions = 1;   // see NumMentions above
};

// A CAMEO actor code split into the parts GDELT reports. Each part is one
// 3-character group of the code: lower-case groups are ethnic codes; known
// religion, type and known-group codes go to their fields (in order; extra
// ones are dropped); the first other group is the country or region code.
struct ActorCodeParts {
  std::string country;      // "JPN", "WST"
  std::string known_group;  // "NAT", "UNO"
  std::string ethnic;       // "kur"
  std::string religion1;    // "CHR"
  std::string religion2;    // "CTH"
  std::string type1;        // "GOV", "IGO"
  std::string type2;
  std::string type3;
};

// Returns the parts of `code`. A code whose length is not a multiple of 3,
// or that holds anything but ASCII letters, gives all parts empty.
ActorCodeParts SplitActorCode(std::string_view code);

// Returns the 61 GDELT 2.0 Event column names, in file order
// (GLOBALEVENTID ... SOURCEURL).
const std::vector<std::string>& GdeltColumnNames();

struct GdeltOptions {
  // DATEADDED when neither the publication date nor the event date is
  // known: YYYYMMDDHHMMSS (UTC), normally the time of the export.
  std::string now = "19700101000000";
};

// Returns the 61 fields of `record` as a GDELT 2.0 Event row (see the
// mapping above), unescaped: fields may still hold tabs or newlines.
std::vector<std::string> GdeltFields(const ExportRecord& record,
                                     const GdeltOptions& options);

// Returns GdeltFields joined by tabs, tabs and line breaks inside fields
// replaced by spaces, ending in "\n". GDELT files have no header row.
std::string GdeltRow(const ExportRecord& record, const GdeltOptions& options);

// Returns `record` as one PLOVER-style JSON object on one line (no
// newline), with the keys of the PLOVER gold records: id ("dyad-" + id),
// date, source and target (lists of {actorText, code, sector}: code is the
// first 3 letters of the CAMEO actor code, sector the rest), event (the
// PLOVER category of the CAMEO code), eventText (the evidence), text (the
// sentence), textInfo.markup (the sentence with "(SRC: ...)" and
// "(TAR: ...)" around the actors), eventLoc ({name, "country code"} with
// the ISO alpha-3 code), language "en", publication (URL or doc_id), coder
// "dyad"; plus cameo, the code it was mapped from. Unknown values are left
// out. Invalid UTF-8 is replaced by U+FFFD. Returns "" when the CAMEO code
// has no PLOVER category (roots 01 and 02, and unknown codes): PLOVER does
// not code those events.
std::string PloverJson(const ExportRecord& record);

// Returns the CSV header line (ends in "\r\n"): id, doc_id, url,
// published, date, date_from_text, source_code, source_text, target_code,
// target_text, cameo, root, quad, goldstein, plover, place_name,
// place_country, lat, lon, sentence, span_begin, span_end, rule, evidence,
// sentence_text.
std::string CsvHeader();

// Returns one RFC 4180 record for `record` in CsvHeader's column order,
// ending in "\r\n". Fields holding a comma, double quote, CR or LF are
// quoted, with inner double quotes doubled.
std::string CsvRow(const ExportRecord& record);

// Returns `field` quoted as RFC 4180 requires (unchanged when it needs no
// quotes).
std::string CsvField(std::string_view field);

}  // namespace dyad

#endif  // DYAD_EXPORT_H_
