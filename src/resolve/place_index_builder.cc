// dyad_build_place_index: the build-time generator of the place index.
//
//   dyad_build_place_index CITIES500_TXT COUNTRIES_JSON OUTPUT
//
// Reads the GeoNames dump and the world-countries data from node_modules
// (neither is copied into the repository) and writes the compact index the
// resolve stage maps at run time.
#include <chrono>
#include <cstdio>
#include <string>

#include "resolve/place_index_writer.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s CITIES500_TXT COUNTRIES_JSON OUTPUT\n",
                 argc > 0 ? argv[0] : "dyad_build_place_index");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  dyad::places::PlaceIndexWriter writer;
  dyad::Status status = writer.ReadWorldCountries(argv[2]);
  if (status.ok()) status = writer.ReadGeoNames(argv[1]);
  if (!status.ok()) {
    std::fprintf(stderr, "dyad_build_place_index: %s\n",
                 status.ToString().c_str());
    return 1;
  }
  writer.AddExtras();
  const dyad::Status written = writer.WriteFile(argv[3]);
  if (!written.ok()) {
    std::fprintf(stderr, "dyad_build_place_index: %s\n",
                 written.ToString().c_str());
    return 1;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::printf("dyad_build_place_index: %zu entries -> %s (%.1f s)\n",
              writer.entry_count(), argv[3], seconds);
  return 0;
}
