#include "analyze/features.h"

namespace dyad::analyze {
namespace {

uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Length in bytes of the UTF-8 sequence that starts with `lead`; 1 for a
// byte that cannot start one.
size_t SequenceLength(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  if (lead < 0xF8) return 4;
  return 1;
}

char ShapeClass(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

// Template numbers: part of every key, so equal values under different
// templates give different keys.
enum Template : uint64_t {
  kBias = 1,
  kForm,
  kLower,
  kPrefix1,
  kSuffix1 = kPrefix1 + 4,
  kShape = kSuffix1 + 4,
  kPrev1 = kShape + 1,
  kPrev2,
  kPrev12,
  kPrev1Lower,
  kPrevLower,
  kPrevSuffix3,
  kPrev2Lower,
  kNextLower,
  kNextSuffix3,
  kNext2Lower,
  kPrevLowerLower,
  kLowerNextLower,
  kNextShape,
  kPrevShape,
  kPrev1NextLower,
  kPrev1Suffix3,
  kShapeFirst,
  kSuffixForm,
  kPrev1Shape,
  kNextSuffix1,
  kClass,
  kNextClass,
  kNext2Class,
  kPrev1NextClass,
  kClassNextClass,
};

uint64_t Key(uint64_t templ, uint64_t value) {
  return CombineKeys(Mix(templ), value);
}

}  // namespace

uint64_t HashBytes(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return Mix(h);
}

uint64_t CombineKeys(uint64_t a, uint64_t b) {
  return Mix(a * 0x9e3779b97f4a7c15ULL + b + 0x632be59bd9b4e019ULL);
}

std::string NormalizeWord(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size(); ++i) {
    // U+2018, U+2019 -> '; U+201C, U+201D -> "
    if (i + 2 < word.size() && static_cast<unsigned char>(word[i]) == 0xE2 &&
        static_cast<unsigned char>(word[i + 1]) == 0x80) {
      unsigned char c = static_cast<unsigned char>(word[i + 2]);
      if (c == 0x98 || c == 0x99) {
        out.push_back('\'');
        i += 2;
        continue;
      }
      if (c == 0x9C || c == 0x9D) {
        out.push_back('"');
        i += 2;
        continue;
      }
    }
    out.push_back(word[i]);
  }
  return out;
}

void ComputeWordKeys(std::string_view raw, WordKeys* keys) {
  // Short words (nearly all) are normalized in a stack buffer.
  char small[64];
  std::string large;
  char* buffer = small;
  if (raw.size() > sizeof small) {
    large.resize(raw.size());
    buffer = large.data();
  }
  size_t size = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    // U+2018, U+2019 -> '; U+201C, U+201D -> "
    if (i + 2 < raw.size() && static_cast<unsigned char>(raw[i]) == 0xE2 &&
        static_cast<unsigned char>(raw[i + 1]) == 0x80) {
      unsigned char c = static_cast<unsigned char>(raw[i + 2]);
      if (c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D) {
        buffer[size++] = (c == 0x98 || c == 0x99) ? '\'' : '"';
        i += 2;
        continue;
      }
    }
    buffer[size++] = raw[i];
  }
  std::string_view form(buffer, size);
  keys->form = HashBytes(form);
  char shape[32];
  size_t shape_size = 0;
  for (size_t i = 0; i < size && shape_size < sizeof shape;) {
    unsigned char c = static_cast<unsigned char>(buffer[i]);
    char cls = ShapeClass(c);
    if (shape_size == 0 || shape[shape_size - 1] != cls) {
      shape[shape_size++] = cls;
    }
    i += c >= 0x80 ? SequenceLength(c) : 1;
  }
  keys->shape = HashBytes(std::string_view(shape, shape_size));
  bool capitalized = size > 0 && buffer[0] >= 'A' && buffer[0] <= 'Z';
  for (size_t i = 0; i < size; ++i) {
    if (buffer[i] >= 'A' && buffer[i] <= 'Z') {
      buffer[i] = static_cast<char>(buffer[i] - 'A' + 'a');
    }
  }
  std::string_view lower(buffer, size);
  keys->lower = HashBytes(lower);
  // The first and last 1..4 characters; a word shorter than k characters
  // uses the whole word.
  size_t end = 0;
  for (int k = 0; k < 4; ++k) {
    if (end < size) {
      end += SequenceLength(static_cast<unsigned char>(lower[end]));
      if (end > size) end = size;
    }
    keys->prefix[k] = HashBytes(lower.substr(0, end));
  }
  size_t start = size;
  for (int k = 0; k < 4; ++k) {
    if (start > 0) {
      size_t j = start - 1;
      int continuation = 0;
      while (j > 0 && (static_cast<unsigned char>(lower[j]) & 0xC0) == 0x80 &&
             continuation < 3) {
        --j;
        ++continuation;
      }
      if (continuation > 0 &&
          SequenceLength(static_cast<unsigned char>(lower[j])) !=
              static_cast<size_t>(continuation + 1)) {
        j = start - 1;  // ill-formed: one byte is one character
      }
      start = j;
    }
    keys->suffix[k] = HashBytes(lower.substr(start));
  }
  keys->suffix_form = CombineKeys(keys->suffix[2], capitalized ? 1 : 2);
}

WordKeys BoundaryWordKeys(bool before) {
  WordKeys keys;
  uint64_t h = HashBytes(before ? "\x01<s>" : "\x01</s>");
  keys.form = keys.lower = keys.shape = keys.suffix_form = keys.word_class = h;
  for (int k = 0; k < 4; ++k) keys.prefix[k] = keys.suffix[k] = h;
  return keys;
}

int ExtractFeatures(const WordKeys* at, int prev1, int prev2, uint64_t* keys) {
  const WordKeys& w = at[0];
  const WordKeys& p = at[-1];
  const WordKeys& pp = at[-2];
  const WordKeys& n = at[1];
  const WordKeys& nn = at[2];
  uint64_t t1 = static_cast<uint64_t>(prev1);
  uint64_t t2 = static_cast<uint64_t>(prev2);
  int k = 0;
  keys[k++] = Key(kBias, 0);
  keys[k++] = Key(kForm, w.form);
  keys[k++] = Key(kLower, w.lower);
  for (int i = 0; i < 4; ++i) keys[k++] = Key(kPrefix1 + i, w.prefix[i]);
  for (int i = 0; i < 4; ++i) keys[k++] = Key(kSuffix1 + i, w.suffix[i]);
  keys[k++] = Key(kShape, w.shape);
  keys[k++] = Key(kPrev1, t1);
  keys[k++] = Key(kPrev2, t2);
  keys[k++] = Key(kPrev12, t1 * 256 + t2);
  keys[k++] = Key(kPrev1Lower, CombineKeys(t1, w.lower));
  keys[k++] = Key(kPrevLower, p.lower);
  keys[k++] = Key(kPrevSuffix3, p.suffix[2]);
  keys[k++] = Key(kPrev2Lower, pp.lower);
  keys[k++] = Key(kNextLower, n.lower);
  keys[k++] = Key(kNextSuffix3, n.suffix[2]);
  keys[k++] = Key(kNext2Lower, nn.lower);
  keys[k++] = Key(kPrevLowerLower, CombineKeys(p.lower, w.lower));
  keys[k++] = Key(kLowerNextLower, CombineKeys(w.lower, n.lower));
  keys[k++] = Key(kNextShape, n.shape);
  keys[k++] = Key(kPrevShape, p.shape);
  keys[k++] = Key(kPrev1NextLower, CombineKeys(t1, n.lower));
  keys[k++] = Key(kPrev1Suffix3, CombineKeys(t1, w.suffix[2]));
  keys[k++] = Key(kShapeFirst, CombineKeys(w.shape, prev1 == kStartLabel));
  keys[k++] = Key(kSuffixForm, w.suffix_form);
  keys[k++] = Key(kPrev1Shape, CombineKeys(t1, w.shape));
  keys[k++] = Key(kNextSuffix1, n.suffix[0]);
  keys[k++] = Key(kClass, w.word_class);
  keys[k++] = Key(kNextClass, n.word_class);
  keys[k++] = Key(kNext2Class, nn.word_class);
  keys[k++] = Key(kPrev1NextClass, CombineKeys(t1, n.word_class));
  keys[k++] = Key(kClassNextClass, CombineKeys(w.word_class, n.word_class));
  return k;
}

}  // namespace dyad::analyze
