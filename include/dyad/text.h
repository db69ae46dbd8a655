// text: sentences and tokens with byte offsets.
#ifndef DYAD_TEXT_H_
#define DYAD_TEXT_H_

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad {

// Splits every codable part of `doc` (headline, caption, body; all of
// doc->text as one body part when doc->parts is empty) into sentences and
// tokens, appending to doc->sentences and doc->tokens. Sentence boundaries
// come from ICU plus a table of news abbreviations (U.S., Gen., Jan., Mr.)
// that never end a sentence. Returns Internal if ICU fails; the document is
// then left without sentences.
Status AnalyzeText(Document* doc);

}  // namespace dyad

#endif  // DYAD_TEXT_H_
