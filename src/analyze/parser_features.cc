#include "analyze/parser_features.h"

#include <string>

#include "analyze/features.h"

namespace dyad::analyze {
namespace {

// Keys of the padding values: a position past the stack or buffer, and a
// missing arc label.
const uint64_t kNoneKey = 0x5bd1e9955bd1e995ULL;

// Distance buckets: 1, 2, 3, 4, 5-6, 7-9, 10 and more; 0 when the root is
// involved.
uint64_t Distance(int a, int b) {
  if (a <= 0 || b <= 0) return 0;
  int d = a < b ? b - a : a - b;
  if (d <= 4) return static_cast<uint64_t>(d);
  if (d <= 6) return 5;
  if (d <= 9) return 6;
  return 7;
}

uint64_t Count(int c) { return static_cast<uint64_t>(c < 7 ? c : 7); }

// CombineKeys of features.h, inlined: a feature key is three or four
// combinations and the call cost a tenth of parsing time. The result is
// the same, bit for bit (parser_test checks it).
inline uint64_t Combine(uint64_t a, uint64_t b) {
  uint64_t x = a * 0x9e3779b97f4a7c15ULL + b + 0x632be59bd9b4e019ULL;
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

class KeyWriter {
 public:
  explicit KeyWriter(uint64_t* keys) : keys_(keys) {}
  void Add(uint64_t a) { Put(Combine(Template(), a)); }
  void Add(uint64_t a, uint64_t b) { Put(Combine(Combine(Template(), a), b)); }
  void Add(uint64_t a, uint64_t b, uint64_t c) {
    Put(Combine(Combine(Combine(Template(), a), b), c));
  }
  void Add(uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
    Put(Combine(Combine(Combine(Combine(Template(), a), b), c), d));
  }
  int count() const { return count_; }

 private:
  // The template number (the position of the key), mixed so neighbouring
  // numbers differ in every bit.
  uint64_t Template() const {
    return static_cast<uint64_t>(count_ + 1) * 0xd6e8feb86659fd93ULL;
  }
  void Put(uint64_t key) { keys_[count_++] = key; }
  uint64_t* keys_;
  int count_ = 0;
};

}  // namespace

ParserWord MakeParserWord(std::string_view form, std::string_view upos,
                          std::string_view xpos) {
  // The word in ASCII lower case with curly quotes folded to straight, as
  // the tagger's WordKeys::lower, without the tagger's affix keys the
  // parser does not use. Short words (nearly all) stay on the stack.
  char small[64];
  std::string large;
  char* buffer = small;
  if (form.size() > sizeof small) {
    large.resize(form.size());
    buffer = large.data();
  }
  size_t size = 0;
  for (size_t i = 0; i < form.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(form[i]);
    if (c == 0xE2 && i + 2 < form.size() &&
        static_cast<unsigned char>(form[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(form[i + 2]);
      if (d == 0x98 || d == 0x99 || d == 0x9C || d == 0x9D) {
        buffer[size++] = (d == 0x98 || d == 0x99) ? '\'' : '"';
        i += 2;
        continue;
      }
    }
    buffer[size++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32)
                                            : static_cast<char>(c);
  }
  return ParserWord{HashBytes(std::string_view(buffer, size)),
                    CombineKeys(HashBytes(upos), HashBytes(xpos))};
}

ParserWord RootParserWord() {
  uint64_t h = HashBytes("\x01<root>");
  return ParserWord{h, h};
}

int ExtractParserFeatures(const Configuration& c, const ParserWord* words,
                          uint64_t* keys) {
  const ParserWord none{kNoneKey, kNoneKey};
  auto at = [&](int i) -> const ParserWord& {
    return i >= 0 ? words[i] : none;
  };
  auto label = [&](int i) -> uint64_t {
    return i >= 0 ? static_cast<uint64_t>(c.label(i) + 1) : kNoneKey;
  };
  int s0 = c.Stack(0), s1 = c.Stack(1), s2 = c.Stack(2);
  int b0 = c.Buffer(0), b1 = c.Buffer(1), b2 = c.Buffer(2);
  int s0l = s0 >= 0 ? c.LeftChild(s0, 0) : -1;
  int s0l2 = s0 >= 0 ? c.LeftChild(s0, 1) : -1;
  int s0r = s0 >= 0 ? c.RightChild(s0, 0) : -1;
  int s0r2 = s0 >= 0 ? c.RightChild(s0, 1) : -1;
  int s1l = s1 >= 0 ? c.LeftChild(s1, 0) : -1;
  int s1r = s1 >= 0 ? c.RightChild(s1, 0) : -1;
  int b0l = b0 >= 0 ? c.LeftChild(b0, 0) : -1;
  int b0l2 = b0 >= 0 ? c.LeftChild(b0, 1) : -1;
  const ParserWord& S0 = at(s0);
  const ParserWord& S1 = at(s1);
  const ParserWord& S2 = at(s2);
  const ParserWord& B0 = at(b0);
  const ParserWord& B1 = at(b1);
  const ParserWord& B2 = at(b2);
  uint64_t s0lt = at(s0l).tag, s0rt = at(s0r).tag, b0lt = at(b0l).tag;
  uint64_t s1rt = at(s1r).tag;
  uint64_t d = Distance(s0, b0);
  uint64_t d1 = Distance(s1, s0);

  KeyWriter k(keys);
  k.Add(0);  // bias: the prior of each transition
  k.Add(S0.word);
  k.Add(S0.tag);
  k.Add(S0.word, S0.tag);
  k.Add(S1.word);
  k.Add(S1.tag);
  k.Add(S1.word, S1.tag);
  k.Add(B0.word);
  k.Add(B0.tag);
  k.Add(B0.word, B0.tag);
  k.Add(B1.word);
  k.Add(B1.tag);
  k.Add(B1.word, B1.tag);
  k.Add(B2.word);
  k.Add(B2.tag);
  k.Add(S2.tag);
  // Pairs.
  k.Add(Combine(S0.word, S0.tag), Combine(B0.word, B0.tag));
  k.Add(Combine(S0.word, S0.tag), B0.word);
  k.Add(S0.word, Combine(B0.word, B0.tag));
  k.Add(Combine(S0.word, S0.tag), B0.tag);
  k.Add(S0.tag, Combine(B0.word, B0.tag));
  k.Add(S0.word, B0.word);
  k.Add(S0.tag, B0.tag);
  k.Add(B0.tag, B1.tag);
  k.Add(S1.word, S0.word);
  k.Add(S1.tag, S0.tag);
  k.Add(Combine(S1.word, S1.tag), S0.tag);
  k.Add(S1.tag, Combine(S0.word, S0.tag));
  k.Add(Combine(S1.word, S1.tag), Combine(S0.word, S0.tag));
  // Triples of tags.
  k.Add(B0.tag, B1.tag, B2.tag);
  k.Add(S0.tag, B0.tag, B1.tag);
  k.Add(S1.tag, S0.tag, B0.tag);
  k.Add(S2.tag, S1.tag, S0.tag);
  k.Add(S0.tag, s0lt, B0.tag);
  k.Add(S0.tag, s0rt, B0.tag);
  k.Add(S0.tag, B0.tag, b0lt);
  k.Add(S1.tag, S0.tag, s0rt);
  k.Add(S1.tag, s1rt, S0.tag);
  k.Add(S1.tag, S0.tag, s0lt);
  // Distance.
  k.Add(S0.word, d);
  k.Add(S0.tag, d);
  k.Add(B0.word, d);
  k.Add(B0.tag, d);
  k.Add(S0.tag, B0.tag, d);
  k.Add(S0.word, B0.word, d);
  k.Add(S1.tag, S0.tag, d1);
  k.Add(S1.word, S0.word, d1);
  // Valency.
  uint64_t s0vl = s0 >= 0 ? Count(c.LeftCount(s0)) : kNoneKey;
  uint64_t s0vr = s0 >= 0 ? Count(c.RightCount(s0)) : kNoneKey;
  uint64_t b0vl = b0 >= 0 ? Count(c.LeftCount(b0)) : kNoneKey;
  k.Add(S0.word, s0vl);
  k.Add(S0.tag, s0vl);
  k.Add(S0.word, s0vr);
  k.Add(S0.tag, s0vr);
  k.Add(B0.word, b0vl);
  k.Add(B0.tag, b0vl);
  // Children.
  k.Add(at(s0l).word);
  k.Add(s0lt);
  k.Add(label(s0l));
  k.Add(at(s0l2).tag);
  k.Add(label(s0l2));
  k.Add(at(s0r).word);
  k.Add(s0rt);
  k.Add(label(s0r));
  k.Add(at(s0r2).tag);
  k.Add(label(s0r2));
  k.Add(at(b0l).word);
  k.Add(b0lt);
  k.Add(label(b0l));
  k.Add(at(b0l2).tag);
  k.Add(label(b0l2));
  k.Add(S1.tag, label(s1l));
  k.Add(S1.tag, label(s1r));
  k.Add(S1.tag, s1rt);
  // Label sets.
  k.Add(S0.tag, label(s0l), label(s0l2));
  k.Add(S0.tag, label(s0r), label(s0r2));
  k.Add(B0.tag, label(b0l), label(b0l2));
  k.Add(S0.word, label(s0l), label(s0r));
  k.Add(S0.tag, label(s0l), label(s0r));
  k.Add(S0.tag, label(s0r), B0.tag);
  // The two head candidates of s0 (s1 by RIGHT, b0 by LEFT) against each
  // other: arc-hybrid's central decision.
  uint64_t d2 = Distance(s1, b0);
  k.Add(S1.tag, B0.tag);
  k.Add(S1.tag, B0.tag, d2);
  k.Add(S1.word, B0.tag);
  k.Add(S1.tag, B0.word);
  k.Add(S1.tag, S0.tag, B0.tag, d);
  k.Add(S1.tag, S0.word, B0.tag);
  // Third order: both leftmost or rightmost children together.
  k.Add(S0.tag, s0lt, at(s0l2).tag);
  k.Add(S0.tag, s0rt, at(s0r2).tag);
  k.Add(B0.tag, b0lt, at(b0l2).tag);
  k.Add(S0.word, label(s0r), B0.tag);
  k.Add(B0.word, label(b0l), S0.tag);
  // New in feature set 3: the valency and child labels of s1 and b0's
  // leftmost child with its count.
  uint64_t s1vl = s1 >= 0 ? Count(c.LeftCount(s1)) : kNoneKey;
  uint64_t s1vr = s1 >= 0 ? Count(c.RightCount(s1)) : kNoneKey;
  k.Add(S1.tag, s1vl, s1vr);
  k.Add(S1.word, s1vr);
  k.Add(S1.tag, label(s1l), label(s1r));
  k.Add(B0.tag, b0vl, label(b0l));
  // The fourth buffer word and buffer word pairs.
  const ParserWord& B3 = at(c.Buffer(3));
  k.Add(B3.tag);
  k.Add(B1.tag, B2.tag, B3.tag);
  k.Add(B0.word, B1.word);
  k.Add(B0.word, B1.tag);
  k.Add(B0.tag, B1.word);
  // Head candidate and dependent, one by word and one by tag, with their
  // distance.
  k.Add(S0.word, B0.tag, d);
  k.Add(S0.tag, B0.word, d);
  k.Add(S1.word, B0.tag, d2);
  k.Add(S1.tag, B0.word, d2);
  return k.count();
}

}  // namespace dyad::analyze
