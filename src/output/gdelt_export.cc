#include <charconv>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/codes.h"
#include "dyad/export.h"

namespace dyad {
namespace {

constexpr size_t kGdeltColumns = 61;

// True for "YYYY-MM-DD" with digits where digits belong.
bool IsIsoDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (size_t i = 0; i < date.size(); ++i) {
    if (i == 4 || i == 7) continue;
    if (date[i] < '0' || date[i] > '9') return false;
  }
  return true;
}

// "2019-10-24" -> "20191024".
std::string CompactDate(std::string_view date) {
  return std::string(date.substr(0, 4)) + std::string(date.substr(5, 2)) +
         std::string(date.substr(8, 2));
}

// GDELT's FractionDate: the year plus ((month - 1) * 30 + day) / 365, four
// decimals. (The codebook writes month * 30, but GDELT's files, e.g.
// 2019.8055 for 2019-10-24, use month - 1.)
std::string FractionDate(std::string_view date) {
  const int year = std::stoi(std::string(date.substr(0, 4)));
  const int month = std::stoi(std::string(date.substr(5, 2)));
  const int day = std::stoi(std::string(date.substr(8, 2)));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f",
                year + ((month - 1) * 30 + day) / 365.0);
  return buffer;
}

// Shortest text that reads back as `value`: 54, -4, 39.828175.
std::string ShortestNumber(double value) {
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc()) return "";
  return std::string(buffer, end);
}

std::string AsciiUpper(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return upper;
}

void AppendActor(const ActorRef& actor, std::vector<std::string>* fields) {
  ActorCodeParts parts = SplitActorCode(actor.code);
  fields->insert(
      fields->end(),
      {actor.code, actor.code.empty() ? "" : AsciiUpper(actor.text),
       parts.country, parts.known_group, parts.ethnic, parts.religion1,
       parts.religion2, parts.type1, parts.type2, parts.type3});
}

// An unknown location: type 0, the six other fields empty... the way
// GDELT writes it.
void AppendNoGeo(std::vector<std::string>* fields) {
  fields->insert(fields->end(), {"0", "", "", "", "", "", "", ""});
}

void AppendPlace(const Place& place, std::vector<std::string>* fields) {
  // GDELT types: 1 country, 3 US city or landmark, 4 world city.
  const bool country_only = place.name.empty();
  std::string type = country_only ? "1" : place.country == "USA" ? "3" : "4";
  fields->insert(fields->end(),
                 {type, country_only ? place.country : place.name, "", "", "",
                  place.has_coordinates ? ShortestNumber(place.lat) : "",
                  place.has_coordinates ? ShortestNumber(place.lon) : "", ""});
}

}  // namespace

const std::vector<std::string>& GdeltColumnNames() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names = {"GLOBALEVENTID", "SQLDATE", "MonthYear",
                                      "Year", "FractionDate"};
    for (const char* actor : {"Actor1", "Actor2"}) {
      for (const char* field : {"Code", "Name", "CountryCode", "KnownGroupCode",
                                "EthnicCode", "Religion1Code", "Religion2Code",
                                "Type1Code", "Type2Code", "Type3Code"}) {
        names.push_back(std::string(actor) + field);
      }
    }
    names.insert(names.end(),
                 {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
                  "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                  "NumArticles", "AvgTone"});
    for (const char* geo : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
      for (const char* field : {"Type", "FullName", "CountryCode", "ADM1Code",
                                "ADM2Code", "Lat", "Long", "FeatureID"}) {
        names.push_back(std::string(geo) + field);
      }
    }
    names.insert(names.end(), {"DATEADDED", "SOURCEURL"});
    return names;
  }();
  return kNames;
}

std::vector<std::string> GdeltFields(const ExportRecord& record,
                                     const GdeltOptions& options) {
  const Event& event = record.event;
  std::vector<std::string> fields;
  fields.reserve(kGdeltColumns);
  fields.push_back(std::to_string(record.id));
  if (IsIsoDate(event.date)) {
    std::string compact = CompactDate(event.date);
    fields.insert(fields.end(),
                  {compact, compact.substr(0, 6), compact.substr(0, 4),
                   FractionDate(event.date)});
  } else {
    fields.insert(fields.end(), {"", "", "", ""});
  }
  AppendActor(event.source, &fields);
  AppendActor(event.target, &fields);
  fields.push_back(record.lead ? "1" : "0");

  const CameoCode* code = FindCameo(event.cameo);
  fields.push_back(event.cameo);
  fields.push_back(event.cameo.substr(0, 3));
  fields.push_back(code ? code->root : event.cameo.substr(0, 2));
  if (code) {
    char goldstein[32];
    std::snprintf(goldstein, sizeof goldstein, "%.1f", code->goldstein);
    fields.insert(fields.end(), {std::to_string(code->quad_class), goldstein});
  } else {
    fields.insert(fields.end(), {"", ""});
  }
  fields.insert(fields.end(), {std::to_string(record.mentions), "1", "1", "0"});

  AppendNoGeo(&fields);
  AppendNoGeo(&fields);
  if (event.has_place) {
    AppendPlace(event.place, &fields);
  } else {
    AppendNoGeo(&fields);
  }

  if (IsIsoDate(record.published)) {
    fields.push_back(CompactDate(record.published) + "000000");
  } else if (IsIsoDate(event.date)) {
    fields.push_back(CompactDate(event.date) + "000000");
  } else {
    fields.push_back(options.now);
  }
  fields.push_back(record.url.empty() ? record.doc_id : record.url);
  return fields;
}

std::string GdeltRow(const ExportRecord& record, const GdeltOptions& options) {
  std::string row;
  bool first = true;
  for (const std::string& field : GdeltFields(record, options)) {
    if (!first) row += '\t';
    first = false;
    for (char c : field) {
      row += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    }
  }
  row += '\n';
  return row;
}

}  // namespace dyad
