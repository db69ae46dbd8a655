#include "dyad/document.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad {
namespace {

TEST(SpanTest, SizeOfInvertedSpanIsZeroNotAWrappedCount) {
  EXPECT_EQ((Span{3, 7}.size()), 4u);
  EXPECT_EQ((Span{7, 3}.size()), 0u);
  EXPECT_TRUE((Span{7, 3}.empty()));
  EXPECT_TRUE((Span{5, 5}.empty()));
}

TEST(DocumentTest, SliceReturnsTheBytesOrEmptyOutOfRange) {
  Document doc;
  doc.text = "Japan condemned Russia.";
  EXPECT_EQ(doc.Slice({0, 5}), "Japan");
  EXPECT_EQ(doc.Slice({16, 23}), "Russia.");
  EXPECT_EQ(doc.Slice({16, 24}), "");         // one past the end
  EXPECT_EQ(doc.Slice({10, 2}), "");          // inverted
  EXPECT_EQ(doc.Slice({0, UINT32_MAX}), "");  // far past the end
  EXPECT_EQ(doc.Slice({UINT32_MAX, UINT32_MAX}), "");
}

TEST(DocumentTest, PartKindNamesAreStable) {
  // The store writes these names; changing one would orphan stored rows.
  EXPECT_STREQ(PartKindName(PartKind::kSection), "section");
  EXPECT_STREQ(PartKindName(PartKind::kHeadline), "headline");
  EXPECT_STREQ(PartKindName(PartKind::kCaption), "caption");
  EXPECT_STREQ(PartKindName(PartKind::kBody), "body");
  EXPECT_STREQ(PartKindName(PartKind::kByline), "byline");
  EXPECT_STREQ(PartKindName(PartKind::kCategories), "categories");
}

}  // namespace
}  // namespace dyad
