// dyad.code() and dyad.code_file(): inputs to coded JSONL-contract lines,
// through the same ingest, pipeline and output code as `dyad code`.
#ifndef DYAD_PYTHON_CODE_TEXT_H_
#define DYAD_PYTHON_CODE_TEXT_H_

#include <optional>
#include <string>
#include <vector>

#include "dyad/document.h"
#include "dyad/pipeline.h"
#include "dyad/status.h"

namespace dyad::python {

// Reads `text` as a plain-text wire story (as `dyad code` reads a .txt
// file), with doc_id `doc_id` and publication date `published` ("" for
// unknown). A `headline`, when given, is placed before the text as the
// article's headline zone (the story's spans then count from the start of
// the headline). Fails with kInvalidArgument for an empty doc_id, a
// published date that is not YYYY-MM-DD or a headline that is blank or
// spans lines; otherwise as ParseWireStory (kParseError for a blank text,
// kDataLoss for invalid UTF-8...), the message naming `doc_id`.
Result<Document> DocumentFromText(std::string text, const std::string& doc_id,
                                  const std::string& published,
                                  const std::optional<std::string>& headline);

// Codes `doc` with `pipeline` and returns its line of `dyad code --format
// jsonl` (without the newline). Fails as Pipeline::Process, the message
// naming the document.
Result<std::string> CodeDocument(const Pipeline& pipeline, Document doc);

// Reads every document of `path` (a file or a directory, in the formats and
// order of `dyad code`; `input_format` is auto, wire, jsonl or html) and
// returns their coded lines in input order. Stops at the first input that
// cannot be read or coded and returns its error (naming the file and the
// line or byte offset): kNotFound for a missing path, kInvalidArgument for
// a bad `published` or `input_format`, ingest's or the pipeline's error for
// a bad document.
Result<std::vector<std::string>> CodePath(const Pipeline& pipeline,
                                          const std::string& path,
                                          const std::string& published,
                                          const std::string& input_format);

}  // namespace dyad::python

#endif  // DYAD_PYTHON_CODE_TEXT_H_
