// dyad's embedded default lexicon.
#include <string>

#include "dyad/lexicon.h"
#include "lexicon/tabari_syntax.h"

#ifdef DYAD_HAVE_LEXICON_DATA
#include "dyad/default_lexicon_data.h"
#endif

namespace dyad {

#ifdef DYAD_HAVE_LEXICON_DATA

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

// The default lexicon keeps each kind of actor in a file of its own.
ActorKind KindOfFile(std::string_view name) {
  if (name == "leaders.actors") return ActorKind::kPerson;
  if (name == "igos.actors" || name == "groups.actors" ||
      name == "media.actors")
    return ActorKind::kOrganisation;
  if (name == "countries.actors" || name == "regions.actors")
    return ActorKind::kPlace;
  if (name == "capitals.actors") return ActorKind::kCapital;
  if (name == "demonyms.actors") return ActorKind::kNationality;
  return ActorKind::kUnknown;
}

}  // namespace

Result<std::shared_ptr<const Lexicon>> LoadDefaultLexicon() {
  using namespace lexicon_internal;
  auto lexicon = std::make_shared<Lexicon>();
  const auto& files = DefaultLexiconFiles();
  // Options first, then actors, agents and verbs, as in a .project.
  for (const char* kind : {".options", ".actors", ".agents", ".verbs"}) {
    for (const EmbeddedFile& f : files) {
      if (!EndsWith(f.name, kind)) continue;
      std::string name = "lexicon/" + std::string(f.name);
      std::vector<std::string> lines = SplitLines(f.contents);
      std::string k = kind;
      Status s;
      if (k == ".options")
        s = LoadOptionLines(name, lines, lexicon.get(), nullptr);
      if (k == ".actors") {
        const size_t before = lexicon->actors.size();
        s = LoadActorLines(name, lines, lexicon.get(), nullptr);
        const ActorKind actor_kind = KindOfFile(f.name);
        for (size_t i = before; i < lexicon->actors.size(); ++i)
          lexicon->actors[i].kind = actor_kind;
      }
      if (k == ".agents")
        s = LoadAgentLines(name, lines, lexicon.get(), nullptr);
      if (k == ".verbs") s = LoadVerbLines(name, lines, lexicon.get(), nullptr);
      if (!s.ok()) return Internal("embedded default lexicon: " + s.message());
    }
  }
  if (lexicon->has_time_block) lexicon->options.time_shift = true;
  return std::shared_ptr<const Lexicon>(std::move(lexicon));
}

#else

Result<std::shared_ptr<const Lexicon>> LoadDefaultLexicon() {
  return NotFound("this build of dyad has no embedded default lexicon");
}

#endif

}  // namespace dyad
