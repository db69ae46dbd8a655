#include "dyad/codes.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "codes/cameo_table.h"

namespace dyad {
namespace {

const std::vector<CameoCode>& Table() {
  static const std::vector<CameoCode> table = [] {
    std::vector<CameoCode> codes;
    Status status = codes::ParseCameoTable(codes::EmbeddedCameoTsv(),
                                           "data/cameo_codes.tsv", &codes);
    if (!status.ok()) {
      // The table is compiled in and checked by the tests, so this is a
      // build defect, not a user error: fail loudly rather than code events
      // with a partial table.
      std::fprintf(stderr, "dyad: embedded CAMEO table is broken: %s\n",
                   status.ToString().c_str());
      std::abort();
    }
    return codes;
  }();
  return table;
}

}  // namespace

const std::vector<CameoCode>& AllCameoCodes() { return Table(); }

const CameoCode* FindCameo(std::string_view code) {
  const std::vector<CameoCode>& table = Table();
  auto it = std::lower_bound(table.begin(), table.end(), code,
                             [](const CameoCode& entry, std::string_view key) {
                               return entry.code < key;
                             });
  if (it == table.end() || it->code != code) return nullptr;
  return &*it;
}

bool IsCameoCode(std::string_view code) { return FindCameo(code) != nullptr; }

}  // namespace dyad
