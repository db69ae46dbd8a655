// libFuzzer target: the API's query-parameter parsing on arbitrary bytes.
#include <cstdint>
#include <string_view>

#include "serve/query_params.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view query(reinterpret_cast<const char*>(data), size);
  (void)dyad::serve_internal::ParseForEveryEndpoint(query);
  return 0;
}
