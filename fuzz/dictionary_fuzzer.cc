// libFuzzer target for the dictionary parsers: the first byte picks the
// format (PETRARCH-2 actors, agents, verbs, discards; TABARI actors,
// agents, verbs, options) and strict or lenient mode; the rest is the file.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/lexicon.h"
#include "dyad/petrarch_lexicon.h"
#include "lexicon/tabari_syntax.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t selector = data[0];
  std::string_view contents(reinterpret_cast<const char*>(data + 1), size - 1);
  dyad::Lexicon lexicon;
  std::vector<std::string> errors;
  std::vector<std::string>* sink = (selector & 8) ? &errors : nullptr;
  const std::string name = "fuzz.txt";
  switch (selector & 7) {
    case 0:
      (void)dyad::LoadPetrarchActorsFromString(contents, name, &lexicon, sink);
      break;
    case 1:
      (void)dyad::LoadPetrarchAgentsFromString(contents, name, &lexicon, sink);
      break;
    case 2:
      (void)dyad::LoadPetrarchVerbsFromString(contents, name, &lexicon, sink);
      break;
    case 3:
      (void)dyad::LoadPetrarchDiscardsFromString(contents, name, &lexicon,
                                                 sink);
      break;
    default: {
      // H3's TABARI loaders take lines; they have no public string entry.
      namespace li = dyad::lexicon_internal;
      std::vector<std::string> lines = li::SplitLines(contents);
      if ((selector & 7) == 4)
        (void)li::LoadActorLines(name, lines, &lexicon, sink);
      if ((selector & 7) == 5)
        (void)li::LoadAgentLines(name, lines, &lexicon, sink);
      if ((selector & 7) == 6)
        (void)li::LoadVerbLines(name, lines, &lexicon, sink);
      if ((selector & 7) == 7)
        (void)li::LoadOptionLines(name, lines, &lexicon, sink);
      break;
    }
  }
  // Every reported error must name the file and a line.
  for (const std::string& e : errors)
    if (e.rfind(name + ":", 0) != 0) __builtin_trap();
  return 0;
}
