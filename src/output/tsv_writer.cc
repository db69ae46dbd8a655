#include <cstdio>
#include <string>
#include <string_view>

#include "dyad/codes.h"
#include "dyad/output.h"

namespace dyad {
namespace {

void AppendField(std::string_view value, std::string* out) {
  for (char c : value)
    out->push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

std::string FormatScore(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", score);
  return buf;
}

}  // namespace

std::string TsvHeader() {
  return "doc_id\tdate\tsource\ttarget\tcameo\troot\tquad\tgoldstein\tplover"
         "\tplace\tsentence\tspan_begin\tspan_end\ttext\trule\n";
}

std::string DocumentToTsv(const Document& doc) {
  std::string out;
  for (const Event& e : doc.events) {
    const CameoCode* code = FindCameo(e.cameo);
    const std::string fields[] = {
        doc.doc_id,
        e.date,
        e.source.code,
        e.target.code,
        e.cameo,
        code ? code->root : "",
        code ? std::to_string(code->quad_class) : "",
        code ? FormatScore(code->goldstein) : "",
        code ? code->plover : "",
        e.has_place ? e.place.name : "",
        std::to_string(e.sentence),
        std::to_string(e.span.begin),
        std::to_string(e.span.end),
        std::string(doc.Slice(e.span)),
        e.rule,
    };
    bool first = true;
    for (const std::string& f : fields) {
      if (!first) out.push_back('\t');
      first = false;
      AppendField(f, &out);
    }
    out.push_back('\n');
  }
  return out;
}

}  // namespace dyad
