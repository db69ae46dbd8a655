#include "resolve/quote_speakers.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "dyad/resolve_quotes.h"
#include "resolve/quote_names.h"
#include "resolve/speech_words.h"

namespace dyad::resolve {
namespace {

// How far a speech verb may stand from the quote it introduces, in tokens:
// "...,” Republican Representative Michael McCaul, former chairman of the
// House Foreign Affairs Committee, said" after the closing mark; "Stoltenberg
// said his visit to Japan “..." before the opening one.
constexpr uint32_t kAfterWindow = 20;
constexpr uint32_t kBeforeWindow = 25;
// The longest parenthetical skipped between a subject and its verb.
constexpr uint32_t kCommaReach = 30;
// The longest common noun phrase taken as a speaker ("a ministry
// spokesman").
constexpr uint32_t kPhraseWords = 5;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string LastWord(std::string_view text) {
  const size_t space = text.find_last_of(' ');
  return Lower(space == std::string_view::npos ? text : text.substr(space + 1));
}

// A speaker as read beside its verb, before resolution.
struct Candidate {
  enum class Form { kNone, kName, kPronoun, kPhrase };
  Form form = Form::kNone;
  int name = -1;              // kName: index into DocumentNames
  uint32_t first = kNoToken;  // kPronoun, kPhrase: first token
  uint32_t last = kNoToken;   // kPronoun, kPhrase: last token
  bool found() const { return form != Form::kNone; }
};

// A resolved speaker, remembered for the pronouns of later quotes.
struct Speaker {
  ActorRef ref;
  Span antecedent;  // the full mention the words stand for
  MentionKind kind = MentionKind::kUnknown;
  uint32_t position = 0;  // token of the mention
};

// The actor codes the coder gave event sources and targets, by token and by
// name, so that a speaker named like a coded actor gets its code.
class EventCodes {
 public:
  explicit EventCodes(const Document& doc)
      : doc_(doc), code_of_token_(doc.tokens.size(), -1) {
    for (const Event& event : doc.events) {
      for (const ActorRef* actor : {&event.source, &event.target}) {
        if (actor->code.empty()) continue;
        const int index = static_cast<int>(codes_.size());
        codes_.push_back(actor->code);
        if (!actor->text.empty()) {
          by_text_.emplace(Lower(actor->text), index);
          by_last_word_.emplace(LastWord(actor->text), index);
        }
        if (actor->span.empty() || actor->span.end > doc.text.size()) {
          continue;
        }
        for (uint32_t t = FirstTokenAt(actor->span.begin);
             t < doc.tokens.size() &&
             doc.tokens[t].span.begin < actor->span.end;
             ++t) {
          if (code_of_token_[t] < 0) code_of_token_[t] = index;
        }
      }
    }
  }

  std::string AtSpan(Span span) const {
    if (span.empty()) return "";
    for (uint32_t t = FirstTokenAt(span.begin);
         t < doc_.tokens.size() && doc_.tokens[t].span.begin < span.end; ++t) {
      if (code_of_token_[t] >= 0) return codes_[code_of_token_[t]];
    }
    return "";
  }

  std::string Named(std::string_view text, bool person) const {
    if (text.empty()) return "";
    auto it = by_text_.find(Lower(text));
    if (it != by_text_.end()) return codes_[it->second];
    if (!person) return "";
    it = by_last_word_.find(LastWord(text));
    return it == by_last_word_.end() ? "" : codes_[it->second];
  }

 private:
  uint32_t FirstTokenAt(uint32_t byte) const {
    auto it = std::partition_point(
        doc_.tokens.begin(), doc_.tokens.end(),
        [byte](const Token& t) { return t.span.end <= byte; });
    return static_cast<uint32_t>(it - doc_.tokens.begin());
  }

  const Document& doc_;
  std::vector<std::string> codes_;
  std::vector<int> code_of_token_;
  std::unordered_map<std::string, int> by_text_;
  std::unordered_map<std::string, int> by_last_word_;
};

std::vector<uint8_t> QuotedTokens(const Document& doc,
                                  const QuoteLayout& layout) {
  std::vector<uint8_t> in_quote(doc.tokens.size(), 0);
  for (const QuoteMarks& q : layout.quotes) {
    uint32_t end = q.close_token;
    if (end == kNoToken) {
      const Sentence& last = doc.sentences[q.last_sentence];
      end = last.first_token + last.token_count - 1;
    }
    for (uint32_t t = q.open_token; t <= end && t < in_quote.size(); ++t) {
      in_quote[t] = 1;
    }
  }
  return in_quote;
}

class Attributor {
 public:
  Attributor(const Document& doc, const QuoteLayout& layout,
             const SpeakerCodeLookup& lookup)
      : doc_(doc),
        layout_(layout),
        lookup_(lookup),
        in_quote_(QuotedTokens(doc, layout)),
        names_(doc, in_quote_),
        codes_(doc) {}

  std::vector<Quote> Run() {
    std::vector<Quote> quotes;
    quotes.reserve(layout_.quotes.size());
    // The speaker of the quote before, while a later quote may still take
    // it over, and where that quote ended.
    std::optional<ActorRef> previous;
    int previous_paragraph = 0;
    int64_t previous_sentence = -1;
    for (const QuoteMarks& q : layout_.quotes) {
      Quote& quote = quotes.emplace_back();
      quote.text = QuoteText(doc_, q);
      quote.span = q.inner;
      bool bare = false;
      Candidate candidate = SpeakerBeside(q, &bare);
      const int paragraph = layout_.paragraph_of_sentence[q.first_sentence];
      const bool same_sentence =
          previous && previous_sentence == int64_t{q.first_sentence};
      if (!candidate.found() && bare && !same_sentence) {
        // “...” after "X told VOA." with no quote of its own.
        candidate =
            SpeakerOfSentenceBefore(q.first_sentence, previous_sentence);
      }
      if (candidate.found()) {
        history_.push_back(Resolve(candidate));
        quote.speaker = history_.back().ref;
        previous = quote.speaker;
      } else if (same_sentence ||
                 (bare && previous && paragraph - previous_paragraph <= 1)) {
        // A quote standing alone, or a second partial quote of a sentence,
        // goes on with the speaker before it.
        quote.speaker = *previous;
        quote.speaker.span = Span{};
      } else {
        previous.reset();
      }
      previous_paragraph = layout_.paragraph_of_sentence[q.last_sentence];
      previous_sentence = q.last_sentence;
    }
    return quotes;
  }

 private:
  bool Analysed(uint32_t sentence) const {
    return doc_.sentences[sentence].parsed &&
           doc_.analysis.size() == doc_.tokens.size();
  }

  std::string_view Bytes(uint32_t t) const {
    return doc_.Slice(doc_.tokens[t].span);
  }
  bool IsWord(uint32_t t) const {
    return doc_.tokens[t].kind == TokenKind::kWord;
  }
  bool IsLowerWord(uint32_t t) const {
    return IsWord(t) && !IsCapitalised(Bytes(t), doc_.tokens[t].upper);
  }
  bool IsComma(uint32_t t) const {
    return doc_.tokens[t].kind == TokenKind::kPunct && Bytes(t) == ",";
  }

  bool IsSpeechVerb(uint32_t t, uint32_t sentence) const {
    if (!IsLowerWord(t)) return false;
    const std::string& upper = doc_.tokens[t].upper;
    if (Analysed(sentence)) {
      const TokenAnalysis& a = doc_.analysis[t];
      if (a.upos != "VERB") return false;
      return IsSpeechLemma(Lower(a.lemma)) ||
             !SpeechVerbLemmaOfForm(upper).empty();
    }
    return !SpeechVerbLemmaOfForm(upper).empty();
  }

  bool IsAccordingTo(uint32_t t, uint32_t end) const {
    return doc_.tokens[t].upper == "ACCORDING" && t + 1 < end &&
           doc_.tokens[t + 1].upper == "TO";
  }

  // The speaker named next to the speech verb around `q`. Sets *bare when
  // the quote opens its sentence and no speech verb follows it.
  Candidate SpeakerBeside(const QuoteMarks& q, bool* bare) const {
    const Sentence& first = doc_.sentences[q.first_sentence];
    const Sentence& last = doc_.sentences[q.last_sentence];
    // Words before the opening mark, back to an earlier quote.
    uint32_t lo = q.open_token;
    while (lo > first.first_token && !in_quote_[lo - 1]) --lo;
    // Words after the closing mark, up to a later quote.
    const uint32_t last_end = last.first_token + last.token_count;
    uint32_t after_begin =
        q.close_token == kNoToken ? last_end : q.close_token + 1;
    uint32_t hi = after_begin;
    while (hi < last_end && !in_quote_[hi]) ++hi;

    bool words_before = false;
    for (uint32_t t = lo; t < q.open_token; ++t) words_before |= IsWord(t);
    bool words_after = false;
    for (uint32_t t = after_begin; t < hi && !words_after; ++t) {
      words_after = IsWord(t);
    }

    uint32_t after_verb = kNoToken;
    for (uint32_t t = after_begin; t < hi && t < after_begin + kAfterWindow;
         ++t) {
      if (IsAccordingTo(t, hi) || IsSpeechVerb(t, q.last_sentence)) {
        after_verb = t;
        break;
      }
    }
    uint32_t before_verb = kNoToken;
    const uint32_t before_floor =
        q.open_token > lo + kBeforeWindow ? q.open_token - kBeforeWindow : lo;
    for (uint32_t t = q.open_token; t > before_floor; --t) {
      if (IsAccordingTo(t - 1, q.open_token) ||
          IsSpeechVerb(t - 1, q.first_sentence)) {
        before_verb = t - 1;
        break;
      }
    }

    // A quote opening its sentence with no speech verb after it stands
    // alone ("“We hope we’ll round up the cartels” while there is a
    // pause").
    *bare = !words_before && (!words_after || after_verb == kNoToken);
    Candidate c;
    const bool after_first =
        after_verb != kNoToken && (EndsForAttribution(q) || !words_before);
    if (after_first) {
      c = SubjectOf(after_verb, q.last_sentence, after_begin, hi, true);
    }
    if (!c.found() && before_verb != kNoToken) {
      c = SubjectOf(before_verb, q.first_sentence, lo, q.open_token, false);
    }
    if (!c.found() && !after_first && after_verb != kNoToken) {
      c = SubjectOf(after_verb, q.last_sentence, after_begin, hi, true);
    }
    // A partial quote with no speech verb ("He called it “a tragedy”"):
    // the subject of the sentence around it.
    if (!c.found() && words_before) {
      c = MainClauseSubject(q.first_sentence, q.open_token);
    }
    return c;
  }

  // The subject of the last speech verb of the sentence before `sentence`
  // (in the same or the previous paragraph, after the quote that ended in
  // `previous_quote_sentence`, -1 for none).
  Candidate SpeakerOfSentenceBefore(uint32_t sentence,
                                    int64_t previous_quote_sentence) const {
    if (sentence == 0 || int64_t{sentence} - 1 <= previous_quote_sentence) {
      return {};
    }
    const uint32_t before = sentence - 1;
    const auto& paragraphs = layout_.paragraph_of_sentence;
    if (paragraphs[sentence] - paragraphs[before] > 1) return {};
    const Sentence& s = doc_.sentences[before];
    for (uint32_t t = s.first_token + s.token_count; t > s.first_token; --t) {
      const uint32_t verb = t - 1;
      if (in_quote_[verb] || !IsSpeechVerb(verb, before)) continue;
      return SubjectOf(verb, before, s.first_token, verb, false);
    }
    return {};
  }

  // "...,” he said" / "...?” she asked": the punctuation that hands over
  // to an attribution after the quote.
  bool EndsForAttribution(const QuoteMarks& q) const {
    if (q.close_token == kNoToken) return false;
    uint32_t end = doc_.tokens[q.close_token].span.begin;
    const std::string& text = doc_.text;
    while (end > q.inner.begin &&
           (text[end - 1] == ' ' || text[end - 1] == '\n'))
      --end;
    if (end == q.inner.begin) return false;
    const char c = text[end - 1];
    return c == ',' || c == '?' || c == '!' || c == '-' ||
           (end >= 3 && text.compare(end - 3, 3, "\xE2\x80\x94") == 0);
  }

  // The subject of speech verb `verb` in `sentence`; [lo, hi) are the
  // tokens outside the quote on the verb's side.
  Candidate SubjectOf(uint32_t verb, uint32_t sentence, uint32_t lo,
                      uint32_t hi, bool after_quote) const {
    const Sentence& s = doc_.sentences[sentence];
    const uint32_t end = s.first_token + s.token_count;
    if (IsAccordingTo(verb, end)) {
      return Forward(verb + 2, after_quote ? hi : end);
    }
    Candidate parsed;
    if (Analysed(sentence)) {
      parsed = ParsedSubject(verb, sentence);
      if (parsed.found() && parsed.form != Candidate::Form::kPhrase) {
        return parsed;
      }
    }
    // The parser's common noun loses to a name read from word order (it
    // takes "ambassador" in "said former Turkish ambassador Mithat Rende",
    // or an object inside a parenthetical).
    Candidate ordered = WordOrderSubject(verb, sentence, lo, hi, after_quote);
    if (parsed.found() && ordered.form != Candidate::Form::kName) {
      return parsed;
    }
    return ordered;
  }

  Candidate WordOrderSubject(uint32_t verb, uint32_t sentence, uint32_t lo,
                             uint32_t hi, bool after_quote) const {
    const Sentence& s = doc_.sentences[sentence];
    if (IsParticipleForm(doc_.tokens[verb].upper) && verb > s.first_token &&
        IsComma(verb - 1)) {
      // "North Korea condemned the visits, saying ...", "..., he told VOA,
      // adding that ...": the subject of the verb before.
      return SubjectOfEarlierVerb(sentence, verb);
    }
    Candidate c;
    if (after_quote) {
      bool words_between = false;
      for (uint32_t t = lo; t < verb; ++t) words_between |= IsWord(t);
      if (words_between) {
        c = Backward(verb, lo);
      } else if (AllowsInversion(LemmaOf(verb, sentence))) {
        c = Forward(verb + 1, hi);
      }
    } else {
      c = Backward(verb, lo);
    }
    // "issued a statement Tuesday saying ...": the statement's author.
    if (c.form == Candidate::Form::kPhrase &&
        IsUtteranceNoun(doc_.tokens[c.last].upper)) {
      Candidate clause = MainClauseSubject(sentence, c.first);
      if (clause.found()) return clause;
    }
    return c;
  }

  std::string LemmaOf(uint32_t t, uint32_t sentence) const {
    if (Analysed(sentence) && !doc_.analysis[t].lemma.empty()) {
      return Lower(doc_.analysis[t].lemma);
    }
    return std::string(SpeechVerbLemmaOfForm(doc_.tokens[t].upper));
  }

  // The subject of the speech verb (or, failing one, of the clause) before
  // participle `verb` in its sentence.
  Candidate SubjectOfEarlierVerb(uint32_t sentence, uint32_t verb) const {
    const Sentence& s = doc_.sentences[sentence];
    const uint32_t begin = s.first_token;
    for (uint32_t t = verb; t > begin; --t) {
      const uint32_t earlier = t - 1;
      if (in_quote_[earlier] || !IsSpeechVerb(earlier, sentence)) continue;
      uint32_t lo = earlier;
      while (lo > begin && !in_quote_[lo - 1]) --lo;
      bool words_between = false;
      for (uint32_t u = lo; u < earlier; ++u) words_between |= IsWord(u);
      if (words_between || lo == begin) return Backward(earlier, lo);
      if (AllowsInversion(LemmaOf(earlier, sentence))) {
        return Forward(earlier + 1, verb);
      }
      return {};
    }
    return MainClauseSubject(sentence, verb);
  }

  // The nsubj of `verb`, climbing from a participle or conjoined verb to the
  // verb whose subject it shares.
  Candidate ParsedSubject(uint32_t verb, uint32_t sentence) const {
    const Sentence& s = doc_.sentences[sentence];
    const uint32_t begin = s.first_token;
    const uint32_t end = begin + s.token_count;
    uint32_t current = verb;
    for (int step = 0; step < 4; ++step) {
      for (uint32_t t = begin; t < end; ++t) {
        const TokenAnalysis& a = doc_.analysis[t];
        if (a.head != static_cast<int32_t>(current)) continue;
        if (a.deprel != "nsubj" && a.deprel != "nsubj:outer") continue;
        if (in_quote_[t]) return {};
        // "Japan's prime minister, Fumio Kishida, said": the name in
        // apposition.
        for (uint32_t u = t + 1; u < end; ++u) {
          if (doc_.analysis[u].head == static_cast<int32_t>(t) &&
              doc_.analysis[u].deprel == "appos" && !in_quote_[u] &&
              names_.NameAt(u) >= 0) {
            return AtToken(u, begin);
          }
        }
        return AtToken(t, begin);
      }
      const TokenAnalysis& a = doc_.analysis[current];
      const bool shares_subject =
          a.deprel == "advcl" || a.deprel == "xcomp" || a.deprel == "conj";
      if (!shares_subject || a.head < static_cast<int32_t>(begin) ||
          a.head >= static_cast<int32_t>(end)) {
        break;
      }
      current = static_cast<uint32_t>(a.head);
    }
    return {};
  }

  // The mention whose head the parser found at token `t`.
  Candidate AtToken(uint32_t t, uint32_t lo) const {
    Candidate c;
    if (IsWord(t) && IsSpeakerPronoun(doc_.tokens[t].upper)) {
      c.form = Candidate::Form::kPronoun;
      c.first = c.last = t;
      return c;
    }
    if (int name = names_.NameAt(t); name >= 0) {
      c.form = Candidate::Form::kName;
      c.name = name;
      return c;
    }
    return PhraseEndingAt(t, lo);
  }

  Candidate PhraseEndingAt(uint32_t t, uint32_t lo) const {
    if (!IsWord(t) || IsPhraseBoundary(doc_.tokens[t].upper) ||
        IsDeterminer(doc_.tokens[t].upper) ||
        IsVerbModifier(doc_.tokens[t].upper)) {
      return {};
    }
    uint32_t first = t;
    while (first > lo && t - first + 1 < kPhraseWords &&
           !in_quote_[first - 1]) {
      const Token& before = doc_.tokens[first - 1];
      if (before.kind == TokenKind::kPossessive) {
        --first;
        continue;
      }
      if (before.kind != TokenKind::kWord || IsDeterminer(before.upper) ||
          IsPhraseBoundary(before.upper) || IsVerbModifier(before.upper) ||
          !SpeechVerbLemmaOfForm(before.upper).empty()) {
        break;
      }
      --first;
    }
    Candidate c;
    c.form = Candidate::Form::kPhrase;
    c.first = first;
    c.last = t;
    return c;
  }

  bool IsDash(uint32_t t) const {
    const std::string_view bytes = Bytes(t);
    return bytes == "\xE2\x80\x94" || bytes == "\xE2\x80\x93" || bytes == "--";
  }

  // The subject ending just before `verb`, read leftwards past auxiliaries,
  // adverbs, time words and a parenthetical between commas or dashes.
  Candidate Backward(uint32_t verb, uint32_t lo, int depth = 0) const {
    uint32_t i = verb;  // one past the token looked at
    for (int steps = 0; i > lo && steps < 40; ++steps) {
      const uint32_t t = i - 1;
      const Token& token = doc_.tokens[t];
      if (token.kind == TokenKind::kWord) {
        const bool adverb = IsLowerWord(t) && token.upper.size() > 4 &&
                            token.upper.ends_with("LY");
        if (IsVerbModifier(token.upper) || adverb ||
            (IsTimeWord(token.upper) && names_.NameAt(t) < 0)) {
          --i;
          continue;
        }
        // "China had in fact asked", "he has of course said".
        const std::string_view preposition =
            token.upper == "COURSE"                          ? "OF"
            : token.upper == "FACT" || token.upper == "TURN" ? "IN"
                                                             : "";
        if (t > lo && !preposition.empty() &&
            doc_.tokens[t - 1].upper == preposition) {
          i -= 2;
          continue;
        }
        break;
      }
      if (IsComma(t) || IsDash(t)) {
        const bool comma = IsComma(t);
        uint32_t j = t;
        while (j > lo && t - j < kCommaReach &&
               !(comma ? IsComma(j - 1) : IsDash(j - 1))) {
          --j;
        }
        if (j == lo || !(comma ? IsComma(j - 1) : IsDash(j - 1))) {
          // No opening comma: "..., Representative Derrick Van Orden, told
          // VOA" (a stray comma before the verb).
          --i;
          continue;
        }
        // ", Fumio Kishida," right before the verb: an apposition names it.
        const int name = names_.NameAt(j);
        if (comma && name >= 0 && names_.mention(name).run_first == j &&
            names_.mention(name).end_token == t) {
          Candidate c;
          c.form = Candidate::Form::kName;
          c.name = name;
          return c;
        }
        i = j - 1;
        continue;
      }
      if (token.kind == TokenKind::kPunct && Bytes(t) == ")") {
        uint32_t j = t;
        while (j > lo && t - j < kCommaReach && Bytes(j - 1) != "(") --j;
        if (j == lo) break;
        i = j - 1;
        continue;
      }
      break;
    }
    if (i <= lo) return {};
    Candidate c = AtToken(i - 1, lo);
    // "Muhammad Sharifullah in Quetta told VOA", "Sirio Canos-Donnay from
    // the Spanish National Research Council ... told VOA": the place or
    // institution belongs to the subject before it.
    if (c.form == Candidate::Form::kName && depth < 2) {
      uint32_t first = names_.mention(c.name).run_first;
      while (first > lo + 1 && IsWord(first - 1) &&
             IsDeterminer(doc_.tokens[first - 1].upper)) {
        --first;
      }
      if (first > lo + 1 && IsLowerWord(first - 1)) {
        const std::string& before = doc_.tokens[first - 1].upper;
        if (before == "IN" || before == "FROM" || before == "AT") {
          Candidate owner = Backward(first - 1, lo, depth + 1);
          if (owner.found()) return owner;
        }
      }
    }
    return c;
  }

  // The speaker after an inverted verb ("said Stoltenberg", "said the
  // ministry's spokesman") or after "according to".
  Candidate Forward(uint32_t begin, uint32_t hi) const {
    uint32_t i = begin;
    while (i < hi && IsWord(i) && IsDeterminer(doc_.tokens[i].upper)) ++i;
    if (i >= hi || !IsWord(i)) return {};
    Candidate c;
    if (IsSpeakerPronoun(doc_.tokens[i].upper)) {
      c.form = Candidate::Form::kPronoun;
      c.first = c.last = i;
      return c;
    }
    uint32_t j = i;
    while (j < hi && j - i < kPhraseWords) {
      if (int name = names_.NameAt(j); name >= 0) {
        // "said former Turkish ambassador Mithat Rende": past a role, the
        // person's name.
        uint32_t k = names_.mention(name).end_token;
        while (k < hi && IsLowerWord(k) && IsTitleWord(doc_.tokens[k].upper)) {
          ++k;
        }
        if (k > names_.mention(name).end_token && k < hi &&
            names_.NameAt(k) >= 0) {
          name = names_.NameAt(k);
        }
        c.form = Candidate::Form::kName;
        c.name = name;
        return c;
      }
      const Token& token = doc_.tokens[j];
      if (token.kind == TokenKind::kPossessive) {
        ++j;
        continue;
      }
      if (!IsLowerWord(j) || IsPhraseBoundary(token.upper)) break;
      ++j;
    }
    if (j == i) return {};
    // "said a spokesman, John Kirby": the name in apposition.
    if (j + 1 < hi && IsComma(j)) {
      const int name = names_.NameAt(j + 1);
      if (name >= 0) {
        c.form = Candidate::Form::kName;
        c.name = name;
        return c;
      }
    }
    c.form = Candidate::Form::kPhrase;
    c.first = i;
    c.last = j - 1;
    return c;
  }

  // The subject of the clause that opens `sentence`, before token `limit`.
  Candidate MainClauseSubject(uint32_t sentence, uint32_t limit) const {
    const Sentence& s = doc_.sentences[sentence];
    const uint32_t begin = s.first_token;
    const uint32_t end = begin + s.token_count;
    if (Analysed(sentence)) {
      for (uint32_t root = begin; root < end; ++root) {
        if (doc_.analysis[root].head != -1 ||
            doc_.analysis[root].deprel != "root") {
          continue;
        }
        for (uint32_t t = begin; t < limit; ++t) {
          if (doc_.analysis[t].head == static_cast<int32_t>(root) &&
              doc_.analysis[t].deprel == "nsubj" && !in_quote_[t]) {
            Candidate c = AtToken(t, begin);
            if (c.found()) return c;
          }
        }
        break;
      }
    }
    uint32_t i = begin;
    static constexpr std::string_view kOpeners[] = {"AND", "BUT", "SO", "YET",
                                                    "STILL"};
    while (i < limit && IsWord(i) &&
           std::find(std::begin(kOpeners), std::end(kOpeners),
                     doc_.tokens[i].upper) != std::end(kOpeners)) {
      ++i;
    }
    if (i >= limit || in_quote_[i]) return {};
    if (IsWord(i) && IsIntroductoryWord(doc_.tokens[i].upper)) {
      while (i < limit && !IsComma(i)) ++i;
      if (i >= limit) return {};
      ++i;
    }
    while (i < limit && IsWord(i) && IsDeterminer(doc_.tokens[i].upper)) ++i;
    if (i >= limit || !IsWord(i)) return {};
    Candidate c;
    if (IsSpeakerPronoun(doc_.tokens[i].upper)) {
      c.form = Candidate::Form::kPronoun;
      c.first = c.last = i;
      return c;
    }
    if (const int name = names_.NameAt(i); name >= 0) {
      if (names_.mention(name).end_token > limit) return {};
      c.form = Candidate::Form::kName;
      c.name = name;
      return c;
    }
    // A common noun phrase only when it names a speaker: "the ministry",
    // "a government spokesman".
    for (uint32_t j = i; j < limit && j - i < kPhraseWords && IsLowerWord(j);
         ++j) {
      const std::string& upper = doc_.tokens[j].upper;
      if (IsPhraseBoundary(upper)) break;
      if (IsTitleWord(upper) || IsOrganisationWord(upper)) {
        c.form = Candidate::Form::kPhrase;
        c.first = i;
        c.last = j;
        return c;
      }
    }
    return {};
  }

  Speaker Resolve(const Candidate& c) const {
    Speaker speaker;
    switch (c.form) {
      case Candidate::Form::kName: {
        const int full = names_.FullName(c.name);
        speaker.ref.span = names_.NameSpan(c.name);
        speaker.ref.text = std::string(names_.NameText(full));
        speaker.antecedent = names_.NameSpan(full);
        speaker.kind = names_.mention(full).kind;
        speaker.position = names_.mention(c.name).first_token;
        break;
      }
      case Candidate::Form::kPronoun:
        speaker = ResolvePronoun(c.first);
        break;
      case Candidate::Form::kPhrase: {
        speaker.ref.span =
            Span{doc_.tokens[c.first].span.begin, doc_.tokens[c.last].span.end};
        speaker.ref.text = std::string(doc_.Slice(speaker.ref.span));
        speaker.antecedent = speaker.ref.span;
        for (uint32_t t = c.first; t <= c.last; ++t) {
          const std::string& upper = doc_.tokens[t].upper;
          if (IsOrganisationWord(upper)) speaker.kind = MentionKind::kGroup;
          if (IsTitleWord(upper)) speaker.kind = MentionKind::kPerson;
        }
        speaker.position = c.first;
        break;
      }
      case Candidate::Form::kNone:
        break;
    }
    speaker.ref.code = Code(speaker);
    return speaker;
  }

  // "he" / "she" / "it" / "they": the latest fitting subject name or
  // speaker before it.
  Speaker ResolvePronoun(uint32_t t) const {
    const std::string& pronoun = doc_.tokens[t].upper;
    Speaker speaker;
    speaker.ref.span = doc_.tokens[t].span;
    speaker.ref.text = std::string(Bytes(t));
    speaker.antecedent = speaker.ref.span;
    speaker.position = t;
    // A pronoun rarely reaches further back than a few paragraphs.
    constexpr size_t kLookBack = 200;
    for (bool strict : {true, false}) {
      const int name = names_.LatestFitting(pronoun, t, strict);
      const Speaker* earlier = nullptr;
      for (size_t h = history_.size(); h > 0 && history_.size() - h < kLookBack;
           --h) {
        const Speaker& candidate = history_[h - 1];
        if (candidate.position < t &&
            DocumentNames::Fits(pronoun, candidate.kind, strict)) {
          earlier = &candidate;
          break;
        }
      }
      const bool name_is_later =
          name >= 0 && (earlier == nullptr ||
                        names_.mention(name).first_token > earlier->position);
      if (name_is_later) {
        const int full = names_.FullName(name);
        speaker.ref.text = std::string(names_.NameText(full));
        speaker.antecedent = names_.NameSpan(full);
        speaker.kind = names_.mention(full).kind;
        return speaker;
      }
      if (earlier != nullptr) {
        speaker.ref.text = earlier->ref.text;
        speaker.antecedent = earlier->antecedent;
        speaker.kind = earlier->kind;
        return speaker;
      }
    }
    return speaker;
  }

  std::string Code(const Speaker& speaker) const {
    std::string code;
    if (lookup_) {
      code = lookup_(speaker.ref.span);
      if (code.empty() && !(speaker.antecedent == speaker.ref.span)) {
        code = lookup_(speaker.antecedent);
      }
    }
    if (code.empty()) code = codes_.AtSpan(speaker.ref.span);
    if (code.empty()) code = codes_.AtSpan(speaker.antecedent);
    if (code.empty()) {
      code =
          codes_.Named(speaker.ref.text, speaker.kind == MentionKind::kPerson);
    }
    return code;
  }

  const Document& doc_;
  const QuoteLayout& layout_;
  const SpeakerCodeLookup& lookup_;
  const std::vector<uint8_t> in_quote_;
  const DocumentNames names_;
  const EventCodes codes_;
  std::vector<Speaker> history_;
};

}  // namespace

bool WellFormed(const Document& doc) {
  const uint64_t text_size = doc.text.size();
  if (text_size >= UINT32_MAX) return false;
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    const Span span = doc.tokens[t].span;
    if (span.begin > span.end || span.end > text_size) return false;
    if (t > 0 && span.begin < doc.tokens[t - 1].span.end) return false;
  }
  uint64_t previous_end = 0;
  for (const Sentence& s : doc.sentences) {
    const uint64_t end = uint64_t{s.first_token} + s.token_count;
    if (s.first_token < previous_end || end > doc.tokens.size()) return false;
    previous_end = end;
  }
  return true;
}

std::vector<Quote> AttributeQuotes(const Document& doc,
                                   const QuoteLayout& layout,
                                   const SpeakerCodeLookup& lookup) {
  return Attributor(doc, layout, lookup).Run();
}

}  // namespace dyad::resolve

namespace dyad {

Status FindQuotes(Document* doc, const SpeakerCodeLookup& lookup) {
  if (doc == nullptr) return InvalidArgument("FindQuotes: null document");
  if (!resolve::WellFormed(*doc)) {
    const std::string& where = doc->source.empty() ? doc->doc_id : doc->source;
    return InvalidArgument(where +
                           ": FindQuotes: sentences or tokens outside the "
                           "text (run AnalyzeText first)");
  }
  resolve::QuoteLayout layout = resolve::FindQuoteMarks(*doc);
  doc->quotes = resolve::AttributeQuotes(*doc, layout, lookup);
  return Status::Ok();
}

}  // namespace dyad
