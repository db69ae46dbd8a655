// PETRARCH-2 discard lists: phrases that stop a sentence (or, with a
// leading "+", a whole story) from being coded.
#include <utility>

#include "dyad/petrarch_lexicon.h"
#include "lexicon/petrarch_common.h"

namespace dyad {

using petrarch_internal::CleanLine;
using petrarch_internal::CleanLines;
using petrarch_internal::CleanText;
using petrarch_internal::ErrorSink;
using petrarch_internal::Trim;
using petrarch_internal::Upper;
using petrarch_internal::WalkLines;

Status LoadPetrarchDiscardsFromString(std::string_view contents,
                                      std::string_view name, Lexicon* lexicon,
                                      std::vector<std::string>* errors) {
  ErrorSink sink(name, errors);
  CleanText text = CleanLines(contents);
  WalkLines(text, &sink, [&](const CleanLine& line) {
    std::string_view body = line.text;
    // The model keeps one list: a story-level "+" discard is kept as a
    // sentence-level one (see petrarch_lexicon.h).
    if (body[0] == '+') body = Trim(body.substr(1));
    if (body.find_first_of("[]{}") != std::string_view::npos)
      return sink.Report(line.number,
                         "a discard is a plain phrase; it takes no [code] or "
                         "{...}");
    // "BASEBALL" is a stem ("BASEBALLS"); "BASEBALL_" must end the word.
    bool whole_last = body.back() == '_';
    while (!body.empty() && body.back() == '_') body.remove_suffix(1);
    Phrase phrase;
    std::string word;
    auto flush = [&]() {
      if (word.empty()) return;
      if (!phrase.words.empty()) phrase.words.back().connected = true;
      PhraseWord w;
      w.text = Upper(word);
      w.match = WordMatch::kExact;
      phrase.words.push_back(std::move(w));
      word.clear();
    };
    for (char c : body) {
      if (c == ' ' || c == '\t' || c == '_')
        flush();
      else
        word.push_back(c);
    }
    flush();
    if (phrase.words.empty())
      return sink.Report(line.number, "empty discard phrase");
    if (!whole_last) phrase.words.back().match = WordMatch::kStem;
    lexicon->discards.push_back(std::move(phrase));
    return true;
  });
  return sink.status();
}

Status LoadPetrarchDiscards(const std::string& path, Lexicon* lexicon,
                            std::vector<std::string>* errors) {
  return petrarch_internal::LoadFile(path, LoadPetrarchDiscardsFromString,
                                     lexicon, errors);
}

}  // namespace dyad
