// The text of dyad's own default lexicon, compiled into the binary.
//
// The files live in lexicon/ (countries.actors is generated at build time
// from world-countries and iso-codes); the build embeds them so that
// `dyad code` works without any dictionary on disk. Parsing them is the
// lexicon stage's job (include/dyad/lexicon.h); this header only hands out
// the bytes.
#ifndef DYAD_DEFAULT_LEXICON_DATA_H_
#define DYAD_DEFAULT_LEXICON_DATA_H_

#include <string_view>
#include <vector>

namespace dyad {

// One embedded dictionary file. Both views point into static storage that
// lives for the whole program; callers never free or copy them to keep them.
struct EmbeddedFile {
  std::string_view name;      // file name with its TABARI extension,
                              // e.g. "countries.actors", "default.verbs"
  std::string_view contents;  // the file's bytes, exactly as in lexicon/
};

// Returns every file of the default lexicon, in a fixed order:
// default.options, the actors (countries.actors, regions.actors,
// igos.actors, leaders.actors, groups.actors), then default.agents and
// default.verbs.
// Never fails; the vector is built once and is safe to read from any thread.
const std::vector<EmbeddedFile>& DefaultLexiconFiles();

}  // namespace dyad

#endif  // DYAD_DEFAULT_LEXICON_DATA_H_
