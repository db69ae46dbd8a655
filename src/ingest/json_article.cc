#include "ingest/json_article.h"

#include <cstring>

#include "ingest/date_normalize.h"
#include "ingest/doc_id.h"
#include "ingest/input_check.h"
#include "ingest/names.h"
#include "ingest/paragraphs.h"
#include "ingest/text_util.h"

namespace dyad::ingest {
namespace {

// The first of `keys` present in `object`, or an element with no value.
simdjson::simdjson_result<simdjson::dom::element> FirstField(
    simdjson::dom::object object,
    std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    auto field = object.at_key(key);
    if (field.error() == simdjson::SUCCESS && !field.value().is_null()) {
      return field;
    }
  }
  return simdjson::NO_SUCH_FIELD;
}

std::string StringField(simdjson::dom::object object,
                        std::initializer_list<std::string_view> keys) {
  std::string_view value;
  if (FirstField(object, keys).get(value) == simdjson::SUCCESS) {
    return CollapseSpaces(value);
  }
  return "";
}

// A list given as an array of strings or as one delimited string.
std::vector<std::string> ListField(simdjson::dom::object object,
                                   std::initializer_list<std::string_view> keys,
                                   bool people) {
  std::vector<std::string> out;
  auto field = FirstField(object, keys);
  if (field.error() != simdjson::SUCCESS) return out;
  std::string_view one;
  simdjson::dom::array array;
  if (field.get(one) == simdjson::SUCCESS) {
    if (people) return SplitPeople(one);
    return SplitAndTrim(one, ",;|");
  }
  if (field.get(array) == simdjson::SUCCESS) {
    for (simdjson::dom::element item : array) {
      std::string_view s;
      if (item.get(s) != simdjson::SUCCESS) continue;
      std::string value = people ? TitleCaseName(s) : CollapseSpaces(s);
      if (!value.empty()) out.push_back(std::move(value));
    }
  }
  return out;
}

std::string PublishedField(simdjson::dom::object object,
                           const IngestOptions& options) {
  auto field = FirstField(object, {"published", "date", "datePublished",
                                   "published_at", "publish_date"});
  if (field.error() != simdjson::SUCCESS) return options.published;
  std::string_view s;
  if (field.get(s) == simdjson::SUCCESS) {
    if (auto date = NormalizeDate(s)) return *date;
    return options.published;
  }
  double number;
  if (field.get(number) == simdjson::SUCCESS) {
    // Epoch milliseconds are common in feeds; 1e11 seconds is year 5138.
    if (number > 1e11) number /= 1000;
    if (number >= 0 && number < 253402300800.0) {  // before year 10000
      return DateFromUnixSeconds(static_cast<int64_t>(number));
    }
  }
  return options.published;
}

}  // namespace

Result<Document> ArticleFromJson(simdjson::dom::element article,
                                 std::string_view where, std::string_view name,
                                 uint64_t line, const IngestOptions& options) {
  simdjson::dom::object object;
  if (article.get(object) != simdjson::SUCCESS) {
    return ParseError(std::string(where) +
                      ": expected a JSON object with a \"text\" field");
  }
  std::string_view text;
  auto text_field = FirstField(object, {"text", "body"});
  if (text_field.error() != simdjson::SUCCESS) {
    return ParseError(std::string(where) + ": no \"text\" field");
  }
  if (text_field.get(text) != simdjson::SUCCESS) {
    return ParseError(std::string(where) + ": \"text\" is not a string");
  }
  if (Trim(text).empty()) {
    return ParseError(std::string(where) + ": \"text\" is empty");
  }
  // \u0000 escapes decode to NUL, which C-string consumers downstream
  // would silently truncate at.
  if (std::memchr(text.data(), '\0', text.size()) != nullptr) {
    return DataLoss(std::string(where) + ": \"text\" contains a NUL character");
  }
  if (text.size() > options.max_document_bytes || text.size() > UINT32_MAX) {
    return InvalidArgument(std::string(where) + ": \"text\" is " +
                           std::to_string(text.size()) +
                           " bytes, above the limit of " +
                           std::to_string(options.max_document_bytes));
  }

  Document doc;
  doc.source = std::string(name);
  doc.line = line;
  doc.text = std::string(text);
  auto id = FirstField(object, {"id", "doc_id"});
  std::string_view id_string;
  if (id.get(id_string) == simdjson::SUCCESS && !Trim(id_string).empty()) {
    doc.doc_id = std::string(Trim(id_string));
  } else if (id.error() == simdjson::SUCCESS &&
             (id.value().is_int64() || id.value().is_uint64() ||
              id.value().is_double())) {
    doc.doc_id = simdjson::minify(id.value());
  } else {
    doc.doc_id = DocIdFromName(name) + "-" + std::to_string(line);
  }
  doc.url = StringField(object, {"url", "link"});
  doc.headline = StringField(object, {"title", "headline"});
  doc.section = StringField(object, {"section"});
  doc.published = PublishedField(object, options);
  doc.authors = ListField(object, {"authors", "author", "byline"}, true);
  doc.categories = ListField(object, {"keywords", "categories", "tags"}, false);
  doc.dateline = StringField(object, {"dateline"});
  doc.agency = StringField(object, {"agency"});

  int paragraph = 0;
  for (const Block& block : SplitBlocks(doc.text, Utf8BomLength(doc.text))) {
    Part part;
    part.kind = PartKind::kBody;
    part.span = Span{static_cast<uint32_t>(block.begin),
                     static_cast<uint32_t>(block.end)};
    part.paragraph = paragraph++;
    doc.parts.push_back(part);
  }
  return doc;
}

}  // namespace dyad::ingest
