// libFuzzer target: PlaceIndex::FromBytes on arbitrary bytes must refuse
// them or give an index whose lookups stay in bounds. Registered by
// fuzz/CMakeLists.txt (DYAD_FUZZ=ON, clang):
//   dyad_fuzzer(place_index_fuzzer place_index_fuzzer.cc DEPS dyad_places)
#include <cstddef>
#include <cstdint>
#include <string>

#include "dyad/resolve_places.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dyad::Result<dyad::PlaceIndex> index = dyad::PlaceIndex::FromBytes(
      std::string(reinterpret_cast<const char*>(data), size), "fuzz");
  if (!index.ok()) return 0;
  for (const char* name : {"paris", "japan", "a", "zz", ""}) {
    for (const dyad::PlaceEntry& e : index->Lookup(name)) {
      if (e.name.size() > size || e.country.size() > 3) __builtin_trap();
    }
    (void)index->HasKeyWithPrefix(name);
  }
  for (uint32_t id = 0; id < index->entry_count() && id < 1000; ++id) {
    (void)index->entry(id);
  }
  dyad::PlaceEntry country;
  (void)index->CountryEntry("FRA", &country);
  return 0;
}
