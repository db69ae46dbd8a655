#include <cstdio>
#include <iterator>
#include <string>
#include <string_view>

#include "dyad/codes.h"
#include "dyad/export.h"

namespace dyad {
namespace {

std::string Number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  return buffer;
}

}  // namespace

std::string CsvField(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(field);
  }
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string CsvHeader() {
  return "id,doc_id,url,published,date,date_from_text,source_code,"
         "source_text,target_code,target_text,cameo,root,quad,goldstein,"
         "plover,place_name,place_country,lat,lon,sentence,span_begin,"
         "span_end,rule,evidence,sentence_text\r\n";
}

std::string CsvRow(const ExportRecord& record) {
  const Event& e = record.event;
  const CameoCode* code = FindCameo(e.cameo);
  char goldstein[32] = "";
  if (code) std::snprintf(goldstein, sizeof goldstein, "%.1f", code->goldstein);
  const bool coordinates = e.has_place && e.place.has_coordinates;
  const std::string fields[] = {std::to_string(record.id),
                                record.doc_id,
                                record.url,
                                record.published,
                                e.date,
                                e.date_from_text ? "true" : "false",
                                e.source.code,
                                e.source.text,
                                e.target.code,
                                e.target.text,
                                e.cameo,
                                code ? code->root : "",
                                code ? std::to_string(code->quad_class) : "",
                                goldstein,
                                code ? code->plover : "",
                                e.has_place ? e.place.name : "",
                                e.has_place ? e.place.country : "",
                                coordinates ? Number(e.place.lat) : "",
                                coordinates ? Number(e.place.lon) : "",
                                std::to_string(e.sentence),
                                std::to_string(e.span.begin),
                                std::to_string(e.span.end),
                                e.rule,
                                record.evidence,
                                record.sentence_text};
  std::string row;
  for (size_t i = 0; i < std::size(fields); ++i) {
    if (i > 0) row += ',';
    row += CsvField(fields[i]);
  }
  row += "\r\n";
  return row;
}

}  // namespace dyad
