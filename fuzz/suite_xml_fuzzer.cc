// libFuzzer target: the validation-suite XML reader (src/code/suite_xml.h)
// on arbitrary bytes must not crash, and every error must name the file and
// a line.
#include <cstdint>
#include <string_view>

#include "code/suite_xml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view contents(reinterpret_cast<const char*>(data), size);
  dyad::code_internal::XmlReadOptions options;
  options.raw_elements = {"PLEvent"};
  options.nested_comments = size % 2 == 0;
  auto root = dyad::code_internal::ParseXml(contents, "fuzz.xml", options);
  if (!root.ok() && root.status().message().rfind("fuzz.xml:", 0) != 0)
    __builtin_trap();
  return 0;
}
