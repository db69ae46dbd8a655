#include "code_text.h"

#include <utility>

#include "dyad/ingest.h"
#include "dyad/output.h"

namespace dyad::python {
namespace {

Status CheckPublished(const std::string& published) {
  if (published.empty() || IsPublishedDate(published)) return Status::Ok();
  return InvalidArgument("published \"" + published +
                         "\" is not a calendar date in the form YYYY-MM-DD "
                         "(e.g. 2023-02-01)");
}

bool IsBlank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

// Zones are trimmed spans, as ingest makes them.
std::string TrimSpaces(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t");
  return text.substr(begin, end + 1 - begin);
}

// Puts `headline` before the story as its headline zone, moving every part
// of `doc` along by the bytes inserted.
void PrependHeadline(const std::string& headline, Document* doc) {
  const std::string separator = "\n\n";
  const auto shift = static_cast<uint32_t>(headline.size() + separator.size());
  for (Part& part : doc->parts) {
    part.span.begin += shift;
    part.span.end += shift;
  }
  Part part;
  part.kind = PartKind::kHeadline;
  part.span = {0, static_cast<uint32_t>(headline.size())};
  doc->parts.insert(doc->parts.begin(), part);
  doc->text = headline + separator + doc->text;
  doc->headline = headline;
}

}  // namespace

Result<Document> DocumentFromText(std::string text, const std::string& doc_id,
                                  const std::string& published,
                                  const std::optional<std::string>& headline) {
  if (doc_id.empty()) return InvalidArgument("doc_id must not be empty");
  DYAD_RETURN_IF_ERROR(CheckPublished(published));
  if (headline.has_value() &&
      (IsBlank(*headline) ||
       headline->find_first_of("\r\n") != std::string::npos)) {
    return InvalidArgument(doc_id +
                           ": headline must be one non-blank line of text");
  }
  IngestOptions options;
  options.published = published;
  auto doc = ParseWireStory(text, doc_id, options);
  if (!doc.ok()) return doc.status();
  // ParseWireStory names the document after a file name (directories and
  // extension dropped); the caller's doc_id is kept as given.
  doc->doc_id = doc_id;
  doc->source = doc_id;
  if (headline.has_value()) {
    PrependHeadline(TrimSpaces(*headline), &doc.value());
  }
  return doc;
}

Result<std::string> CodeDocument(const Pipeline& pipeline, Document doc) {
  Status coded = pipeline.Process(&doc);
  if (!coded.ok()) {
    return Status(coded.code(), doc.source + ": " + coded.message());
  }
  return DocumentToJsonLine(doc);
}

Result<std::vector<std::string>> CodePath(const Pipeline& pipeline,
                                          const std::string& path,
                                          const std::string& published,
                                          const std::string& input_format) {
  DYAD_RETURN_IF_ERROR(CheckPublished(published));
  IngestOptions options;
  options.published = published;
  if (input_format == "auto") {
    options.format = InputFormat::kAuto;
  } else if (input_format == "wire") {
    options.format = InputFormat::kWire;
  } else if (input_format == "jsonl") {
    options.format = InputFormat::kJsonl;
  } else if (input_format == "html") {
    options.format = InputFormat::kHtml;
  } else {
    return InvalidArgument(
        "input_format must be auto, wire, jsonl or html, "
        "got \"" +
        input_format + "\"");
  }
  std::vector<std::string> lines;
  Status first_error;
  Status read = IngestPath(path, options, [&](Result<Document> doc) {
    if (!first_error.ok()) return;  // one error is enough; skip the rest
    if (!doc.ok()) {
      first_error = doc.status();
      return;
    }
    auto line = CodeDocument(pipeline, std::move(doc).value());
    if (!line.ok()) {
      first_error = line.status();
      return;
    }
    lines.push_back(std::move(line).value());
  });
  if (!read.ok()) return read;
  if (!first_error.ok()) return first_error;
  return lines;
}

}  // namespace dyad::python
