#include "store/content_hash.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace dyad::store_internal {
namespace {

// FNV-1a 64 as published, byte by byte: the reference for AddBytes.
uint64_t ReferenceFnv1a(const std::string& bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

TEST(ContentHasherTest, StringHashIsFnv1aOverTagLengthAndBytes) {
  ContentHasher hasher;
  hasher.AddString("abc");
  std::string framed = {1, 3, 0, 0, 0, 0, 0, 0, 0, 'a', 'b', 'c'};
  EXPECT_EQ(hasher.value(), ReferenceFnv1a(framed));
}

TEST(ContentHasherTest, EmptyHasherIsTheOffsetBasis) {
  ContentHasher hasher;
  EXPECT_EQ(hasher.value(), 0xcbf29ce484222325ULL);
  EXPECT_EQ(hasher.Hex(), "cbf29ce484222325");
}

TEST(ContentHasherTest, FieldBoundariesMatter) {
  ContentHasher split_early, split_late;
  split_early.AddString("ab");
  split_early.AddString("c");
  split_late.AddString("a");
  split_late.AddString("bc");
  EXPECT_NE(split_early.value(), split_late.value());
}

TEST(ContentHasherTest, TypesMatter) {
  ContentHasher as_int, as_double;
  as_int.AddInt(0);
  as_double.AddDouble(0.0);
  EXPECT_NE(as_int.value(), as_double.value());
}

TEST(ContentHasherTest, SameInputSameHashAndOneByteChangesIt) {
  ContentHasher a, b, c;
  for (ContentHasher* h : {&a, &b}) {
    h->AddString("NATO chief visits Japan");
    h->AddInt(42);
    h->AddDouble(1.9);
  }
  c.AddString("NATO chief visits Japan");
  c.AddInt(43);
  c.AddDouble(1.9);
  EXPECT_EQ(a.value(), b.value());
  EXPECT_NE(a.value(), c.value());
  EXPECT_EQ(a.Hex().size(), 16u);
}

}  // namespace
}  // namespace dyad::store_internal
