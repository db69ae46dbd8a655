// Tagging accuracy against a gold treebank, for `dyad eval ud` and the
// shared test of the committed model.
#include <chrono>

#include "analyze/conllu.h"
#include "dyad/analyze.h"

namespace dyad {

Result<UdAccuracy> EvaluatePosTagger(const PosTagger& tagger,
                                     const std::string& path,
                                     std::string_view sent_id_filter) {
  auto sentences = analyze::ReadConlluFile(path);
  if (!sentences.ok()) return sentences.status();
  UdAccuracy accuracy;
  std::vector<std::string_view> words;
  auto started = std::chrono::steady_clock::now();
  for (const analyze::ConlluSentence& sentence : *sentences) {
    if (!sent_id_filter.empty() &&
        sentence.sent_id.find(sent_id_filter) == std::string::npos) {
      continue;
    }
    words.clear();
    for (const analyze::ConlluWord& word : sentence.words) {
      words.push_back(word.form);
    }
    std::vector<TokenAnalysis> tagged = tagger.TagWords(words);
    ++accuracy.sentences;
    for (size_t i = 0; i < words.size(); ++i) {
      const analyze::ConlluWord& gold = sentence.words[i];
      ++accuracy.words;
      accuracy.upos_correct += tagged[i].upos == gold.upos;
      accuracy.xpos_correct += tagged[i].xpos == gold.xpos;
      accuracy.lemma_correct += tagged[i].lemma == gold.lemma;
    }
  }
  accuracy.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
          .count();
  return accuracy;
}

}  // namespace dyad
