// resolve (quotes): the direct quotes of a Document and who speaks them.
//
// A quote is the text between double quotation marks (straight or curly;
// single marks in headlines and captions), a quote that runs over several
// paragraphs being one quote (each continuation paragraph re-opens with a
// mark). Its speaker is the subject of the speech verb next to it ("...,"
// Stoltenberg said / Stoltenberg said: "..." / "...," said Stoltenberg /
// according to X), read from the dependency parse where the sentence was
// parsed and from word order otherwise, then resolved: a surname to the
// full name met earlier, a pronoun to the latest fitting subject or speaker
// (a person for he/she, an organisation or country for it/they). A partial
// quote with no speech verb takes the subject of its sentence ("He called
// it “a tragedy”"), or the speaker of an earlier quote in the same
// sentence. A quote standing alone (opening its sentence, no speech verb
// after it) takes the subject of a speech verb in the sentence just before
// ("Yoon told VOA. “...”"), else keeps the speaker of the quote before it
// in the same or the previous paragraph.
#ifndef DYAD_RESOLVE_QUOTES_H_
#define DYAD_RESOLVE_QUOTES_H_

#include <functional>
#include <string>

#include "dyad/document.h"
#include "dyad/status.h"

namespace dyad {

// Returns the actor code of the words at `mention` (a span of
// Document::text naming a speaker, or the earlier full mention it was
// resolved to), or "" when it does not know. Called on the thread that
// calls FindQuotes.
using SpeakerCodeLookup = std::function<std::string(Span mention)>;

// Replaces doc->quotes with the quotes of `doc`, in text order. Needs the
// sentences and tokens of AnalyzeText; uses Document::analysis for the
// sentences marked parsed, Document::events for speaker codes, and
// Document::entities (when the entity tagger ran) for telling people from
// organisations. Each Quote has:
//   text    the quoted words without the marks (and without the comma
//           before a closing mark), continuation marks taken out;
//   span    from the first to the last quoted byte in doc->text;
//   speaker text: the resolved speaker ("Jens Stoltenberg" for
//           "Stoltenberg said" after "NATO Secretary-General Jens
//           Stoltenberg"; the pronoun itself when it cannot be resolved; ""
//           when no speaker was found); span: the mention next to the verb
//           (empty when the speaker was carried over from the quote
//           before); code: `lookup` of the mention, else of its resolved
//           full mention, else the code of a coded event actor at or named
//           like the speaker, else "".
// `lookup` may be empty. Returns InvalidArgument (naming the document and
// leaving doc->quotes untouched) for a null `doc` or sentences and tokens
// that do not lie inside doc->text and doc->tokens. Linear in the length of
// the document; thread-safe for distinct documents.
Status FindQuotes(Document* doc, const SpeakerCodeLookup& lookup = {});

// A lookup that answers from doc.entities (the actors the coder read, with
// the codes the article gave them): the code of the entity whose span
// holds `mention`, else of one that overlaps it, else "". The lookup keeps
// a reference to `doc`, which must outlive it and keep its entities.
SpeakerCodeLookup EntityCodeLookup(const Document& doc);

}  // namespace dyad

#endif  // DYAD_RESOLVE_QUOTES_H_
