// A coded event of the seed story as `dyad export` would read it back, for
// the export writers' tests.
#ifndef DYAD_OUTPUT_EXPORT_TEST_RECORD_H_
#define DYAD_OUTPUT_EXPORT_TEST_RECORD_H_

#include <string>

#include "dyad/export.h"

namespace dyad {

// "NATO chief wants firmer ties with Japan" at offset 100 of its article:
// NATO (IGOWSTNAT) -> Japan (JPNGOV), CAMEO 030, in the lead.
inline ExportRecord SeedRecord() {
  ExportRecord r;
  r.id = 42;
  r.doc_id = "nato_japan";
  r.url = "https://example.org/nato-japan";
  r.published = "2023-02-01";
  r.sentence_text = "NATO chief wants firmer ties with Japan";
  r.sentence_begin = 100;
  r.event.source = {"IGOWSTNAT", "NATO", {100, 104}};
  r.event.target = {"JPNGOV", "Japan", {134, 139}};
  r.event.cameo = "030";
  r.event.date = "2023-02-01";
  r.event.sentence = 0;
  r.event.span = {100, 139};
  r.event.rule = "verbs:WANT/030";
  r.evidence = r.sentence_text;
  r.lead = true;
  return r;
}

}  // namespace dyad

#endif  // DYAD_OUTPUT_EXPORT_TEST_RECORD_H_
