// IngestPath: files, directory trees and standard input to Documents.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "dyad/ingest.h"
#include "ingest/date_normalize.h"
#include "ingest/doc_id.h"
#include "ingest/input_check.h"
#include "ingest/input_stream.h"
#include "ingest/json_article.h"
#include "ingest/text_util.h"
#include "simdjson.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using ingest::InputStream;

// A JSON file holding an array of articles (or a pretty-printed object) is
// read whole; it may hold many articles, so it gets a larger allowance than
// one document.
constexpr size_t kMaxJsonFileBytes = size_t{1} << 30;

enum class Kind { kWire, kJsonl, kJson, kHtml };

std::optional<Kind> KindFromExtension(std::string_view ext) {
  if (ext == "txt" || ext == "text" || ext == "story") return Kind::kWire;
  if (ext == "jsonl" || ext == "ndjson") return Kind::kJsonl;
  if (ext == "json") return Kind::kJson;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Kind::kHtml;
  return std::nullopt;
}

// Content sniffing for inputs without a telling extension (and stdin):
// '{' starts JSONL, '[' a JSON array, and markup with an html/head/body/p
// tag near the top is HTML. Everything else is read as a wire story, which
// accepts any text (and reports binary input properly).
Kind SniffKind(std::string_view head) {
  size_t i = ingest::Utf8BomLength(head);
  while (i < head.size() && ingest::SpaceLengthAt(head, i) > 0) {
    i += ingest::SpaceLengthAt(head, i);
  }
  if (i >= head.size()) return Kind::kWire;
  if (head[i] == '{') return Kind::kJsonl;
  if (head[i] == '[') return Kind::kJson;
  if (head[i] == '<') {
    std::string lower(head.substr(i, 4096));
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    for (std::string_view tag :
         {"<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<article",
          "<div", "<meta", "<title"}) {
      if (lower.find(tag) != std::string::npos) return Kind::kHtml;
    }
  }
  return Kind::kWire;
}

Kind ChooseKind(const IngestOptions& options, std::string_view name,
                InputStream* in) {
  switch (options.format) {
    case InputFormat::kWire:
      return Kind::kWire;
    case InputFormat::kJsonl:
      return Kind::kJsonl;
    case InputFormat::kHtml:
      return Kind::kHtml;
    case InputFormat::kAuto:
      break;
  }
  if (name != "-") {
    if (auto kind = KindFromExtension(ingest::ExtensionOf(name))) return *kind;
  }
  return SniffKind(in->Peek(4096));
}

void ReadJsonlLines(InputStream* in, std::string_view name,
                    const IngestOptions& options, const DocumentSink& sink) {
  std::string line;
  size_t length = 0;
  uint64_t line_number = 0;
  while (true) {
    auto result = in->NextLine(options.max_document_bytes, &line, &length);
    if (result == InputStream::LineResult::kEnd) break;
    ++line_number;
    if (result == InputStream::LineResult::kTooLong) {
      sink(InvalidArgument(
          std::string(name) + ":" + std::to_string(line_number) + ": line is " +
          std::to_string(length) + " bytes, above the limit of " +
          std::to_string(options.max_document_bytes) +
          " bytes per document; skipped"));
      continue;
    }
    std::string_view view = line;
    if (line_number == 1) view.remove_prefix(ingest::Utf8BomLength(view));
    if (ingest::Trim(view).empty()) continue;  // blank lines separate nothing
    sink(ParseJsonlLine(line, name, line_number, options));
  }
  if (in->failed()) {
    sink(IoError(std::string(name) + ": read error after line " +
                 std::to_string(line_number)));
  }
}

// A .json file: an array of article objects, one object, or (despite the
// extension) JSON Lines.
void ReadJsonFile(InputStream* in, std::string_view name,
                  const IngestOptions& options, const DocumentSink& sink) {
  std::string bytes;
  if (!in->ReadAll(kMaxJsonFileBytes, &bytes)) {
    sink(InvalidArgument(std::string(name) + ": JSON file above " +
                         std::to_string(kMaxJsonFileBytes) +
                         " bytes; split it into JSONL"));
    return;
  }
  Status check = ingest::CheckTextInput(bytes, name, kMaxJsonFileBytes);
  if (!check.ok()) {
    sink(check);
    return;
  }
  std::string_view body =
      std::string_view(bytes).substr(ingest::Utf8BomLength(bytes));
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  simdjson::error_code error = parser.parse(body.data(), body.size()).get(root);
  if (error == simdjson::SUCCESS) {
    simdjson::dom::array array;
    if (root.get(array) == simdjson::SUCCESS) {
      uint64_t index = 0;
      for (simdjson::dom::element item : array) {
        ++index;
        std::string where =
            std::string(name) + ": element " + std::to_string(index);
        sink(ingest::ArticleFromJson(item, where, name, index, options));
      }
      return;
    }
    sink(ingest::ArticleFromJson(root, std::string(name) + ":1", name, 1,
                                 options));
    return;
  }
  if (!body.empty() && body.find('\n') != std::string_view::npos &&
      ingest::Trim(body).front() == '{') {
    // Several objects: JSON Lines under a .json name.
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> memory(
        fmemopen(bytes.data(), bytes.size(), "r"), &std::fclose);
    if (memory) {
      InputStream lines(memory.get());
      ReadJsonlLines(&lines, name, options, sink);
      return;
    }
  }
  sink(ParseError(std::string(name) +
                  ": malformed JSON: " + simdjson::error_message(error)));
}

void ReadWholeDocument(Kind kind, InputStream* in, std::string_view name,
                       const IngestOptions& options, const DocumentSink& sink) {
  std::string bytes;
  if (!in->ReadAll(options.max_document_bytes, &bytes)) {
    sink(InvalidArgument(std::string(name) + ": input is more than " +
                         std::to_string(options.max_document_bytes) +
                         " bytes, above the limit per document; refused"));
    return;
  }
  if (in->failed()) {
    sink(IoError(std::string(name) + ": read error after byte " +
                 std::to_string(bytes.size())));
    return;
  }
  if (kind == Kind::kHtml) {
    sink(ParseHtmlPage(bytes, name, options));
  } else {
    sink(ParseWireStory(bytes, name, options));
  }
}

void IngestStream(std::FILE* file, std::string_view name,
                  const IngestOptions& options, const DocumentSink& sink) {
  InputStream in(file);
  Kind kind = ChooseKind(options, name, &in);
  switch (kind) {
    case Kind::kJsonl:
      ReadJsonlLines(&in, name, options, sink);
      break;
    case Kind::kJson:
      ReadJsonFile(&in, name, options, sink);
      break;
    case Kind::kWire:
    case Kind::kHtml:
      ReadWholeDocument(kind, &in, name, options, sink);
      break;
  }
}

void IngestFile(const fs::path& path, const IngestOptions& options,
                const DocumentSink& sink) {
  const std::string name = path.string();
  std::error_code ec;
  // Refuse an oversized single document before reading a byte of it.
  uintmax_t size = fs::file_size(path, ec);
  if (!ec && options.format != InputFormat::kJsonl &&
      size > options.max_document_bytes) {
    std::string ext = ingest::ExtensionOf(name);
    auto kind = KindFromExtension(ext);
    bool whole_document = kind == Kind::kWire || kind == Kind::kHtml ||
                          options.format == InputFormat::kWire ||
                          options.format == InputFormat::kHtml;
    if (whole_document) {
      sink(InvalidArgument(name + ": input is " + std::to_string(size) +
                           " bytes, above the limit of " +
                           std::to_string(options.max_document_bytes) +
                           " bytes per document; refused"));
      return;
    }
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(
      std::fopen(name.c_str(), "rb"), &std::fclose);
  if (!file) {
    sink(IoError(name + ": cannot open: " + std::strerror(errno)));
    return;
  }
  IngestStream(file.get(), name, options, sink);
}

bool IsHidden(const fs::path& path) {
  std::string base = path.filename().string();
  return !base.empty() && base[0] == '.';
}

// Files under `root` that dyad reads, in sorted order so runs are
// reproducible. Only known article extensions are taken from directories
// (a README or a stray binary next to the stories is not an article);
// hidden files and directories (.git) are skipped.
std::vector<fs::path> ListArticleFiles(const fs::path& root,
                                       const DocumentSink& sink) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(
      root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    sink(IoError(root.string() + ": cannot list directory: " + ec.message()));
    return files;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      sink(IoError(root.string() + ": error while listing: " + ec.message()));
      break;
    }
    const fs::path& path = it->path();
    if (IsHidden(path)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    if (KindFromExtension(ingest::ExtensionOf(path.string()))) {
      files.push_back(path);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

bool IsPublishedDate(std::string_view date) { return ingest::IsIsoDate(date); }

Status IngestPath(const std::string& path, const IngestOptions& options,
                  const DocumentSink& sink) {
  if (!options.published.empty() && !IsPublishedDate(options.published)) {
    return InvalidArgument("published date \"" + options.published +
                           "\" is not a valid YYYY-MM-DD date");
  }
  if (path == "-") {
    IngestStream(stdin, "-", options, sink);
    return Status::Ok();
  }
  std::error_code ec;
  fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    return NotFound(path + ": no such file or directory");
  }
  if (fs::is_directory(status)) {
    std::error_code probe;
    fs::directory_iterator check(path, probe);
    if (probe) {
      return IoError(path + ": cannot open directory: " + probe.message());
    }
    for (const fs::path& file : ListArticleFiles(path, sink)) {
      IngestFile(file, options, sink);
    }
    return Status::Ok();
  }
  // A single named file is opened before anything is delivered, so a path
  // that cannot be read at all is the caller's error, not a document's.
  std::FILE* probe = std::fopen(path.c_str(), "rb");
  if (probe == nullptr) {
    return IoError(path + ": cannot open: " + std::strerror(errno));
  }
  std::fclose(probe);
  IngestFile(path, options, sink);
  return Status::Ok();
}

}  // namespace dyad
