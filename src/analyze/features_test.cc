#include "analyze/features.h"

#include <gtest/gtest.h>

#include <set>
#include <vector>

namespace dyad::analyze {
namespace {

// The hash written out the slow, obvious way: FNV-1a 64, then the
// splitmix64 finalizer. Model files depend on these exact values.
uint64_t ReferenceHash(const std::string& s) {
  uint64_t h = 14695981039346656037ULL;
  for (size_t i = 0; i < s.size(); ++i) {
    h = (h ^ static_cast<uint8_t>(s[i])) * 1099511628211ULL;
  }
  h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
  h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

std::vector<uint64_t> Features(const std::vector<std::string>& words, size_t at,
                               int prev1, int prev2) {
  std::vector<WordKeys> padded(words.size() + 4);
  padded[0] = padded[1] = BoundaryWordKeys(true);
  for (size_t i = 0; i < words.size(); ++i) {
    ComputeWordKeys(words[i], &padded[i + 2]);
  }
  padded[words.size() + 2] = padded[words.size() + 3] = BoundaryWordKeys(false);
  uint64_t keys[kMaxFeatures];
  int count = ExtractFeatures(&padded[at + 2], prev1, prev2, keys);
  return std::vector<uint64_t>(keys, keys + count);
}

TEST(FeaturesTest, HashMatchesReference) {
  for (const std::string s : {"", "a", "dyad", "Stoltenberg", "caf\xC3\xA9"}) {
    EXPECT_EQ(HashBytes(s), ReferenceHash(s)) << s;
  }
}

TEST(FeaturesTest, WordKeysAreDeterministicAndCaseAware) {
  WordKeys a, b, c;
  ComputeWordKeys("Kyiv", &a);
  ComputeWordKeys("Kyiv", &b);
  ComputeWordKeys("kyiv", &c);
  EXPECT_EQ(a.form, b.form);
  EXPECT_EQ(a.lower, b.lower);
  EXPECT_NE(a.form, c.form);
  EXPECT_EQ(a.lower, c.lower);
  EXPECT_EQ(a.lower, HashBytes("kyiv"));
  EXPECT_EQ(a.shape, HashBytes("Xx"));
  EXPECT_EQ(a.prefix[1], HashBytes("ky"));
  EXPECT_EQ(a.suffix[2], HashBytes("yiv"));
  EXPECT_NE(a.suffix_form, c.suffix_form);  // capitalization flag
}

TEST(FeaturesTest, AffixesCountCharactersNotBytes) {
  WordKeys keys;
  ComputeWordKeys("Caf\xC3\xA9s", &keys);  // "Cafés"
  EXPECT_EQ(keys.suffix[0], HashBytes("s"));
  EXPECT_EQ(keys.suffix[1], HashBytes("\xC3\xA9s"));
  EXPECT_EQ(keys.suffix[2], HashBytes("f\xC3\xA9s"));
  EXPECT_EQ(keys.prefix[3], HashBytes("caf\xC3\xA9"));
  WordKeys short_word;
  ComputeWordKeys("to", &short_word);
  EXPECT_EQ(short_word.prefix[3], HashBytes("to"));
  EXPECT_EQ(short_word.suffix[3], HashBytes("to"));
  EXPECT_EQ(short_word.shape, HashBytes("x"));
  WordKeys number;
  ComputeWordKeys("3.5", &number);
  EXPECT_EQ(number.shape, HashBytes("d.d"));
}

TEST(FeaturesTest, CurlyQuotesFoldToStraight) {
  EXPECT_EQ(NormalizeWord("\xE2\x80\x99s"), "'s");
  EXPECT_EQ(NormalizeWord("\xE2\x80\x9Chi\xE2\x80\x9D"), "\"hi\"");
  WordKeys curly, straight;
  ComputeWordKeys("\xE2\x80\x99s", &curly);
  ComputeWordKeys("'s", &straight);
  EXPECT_EQ(curly.form, straight.form);
  EXPECT_EQ(curly.suffix[1], straight.suffix[1]);
}

TEST(FeaturesTest, FeatureKeysDependOnContextAndTags) {
  std::vector<std::string> words = {"NATO", "chief", "visited", "Kyiv", "."};
  std::vector<uint64_t> a = Features(words, 2, 7, 3);
  std::vector<uint64_t> b = Features(words, 2, 7, 3);
  EXPECT_EQ(a, b);
  EXPECT_LE(a.size(), static_cast<size_t>(kMaxFeatures));
  // All templates give distinct keys.
  EXPECT_EQ(std::set<uint64_t>(a.begin(), a.end()).size(), a.size());
  std::vector<uint64_t> other_tag = Features(words, 2, 8, 3);
  EXPECT_NE(a, other_tag);
  std::vector<std::string> changed = words;
  changed.pop_back();
  changed.emplace_back("!");
  std::vector<uint64_t> far_change =
      Features(changed, 0, kStartLabel, kStartLabel);
  std::vector<uint64_t> near_change = Features(changed, 2, 7, 3);
  EXPECT_EQ(far_change, Features(words, 0, kStartLabel, kStartLabel));
  EXPECT_NE(near_change, a);  // the word two to the right is a feature
}

}  // namespace
}  // namespace dyad::analyze
