#include <string>

#include "dyad/ingest.h"
#include "gtest/gtest.h"

namespace dyad {
namespace {

// A story in the seed's layout, written for this test.
constexpr char kStory[] =
    "World\n"
    "\n"
    "Kenya and Ethiopia sign water-sharing pact\n"
    "\n"
    "Kenyan President Daniel Mwangi shakes hands with Ethiopian Prime "
    "Minister Abiy Tesfaye in Nairobi, yesterday\n"
    "\n"
    "Kenya and Ethiopia signed an agreement on Tuesday to share the waters "
    "of the Omo River.\n"
    "\n"
    "\xE2\x80\x9CThis is a good day for both our peoples,\xE2\x80\x9D "
    "Mwangi said.\n"
    "\n"
    "The African Union welcomed the deal.\xC2\xA0 "
    "JANE ODHIAMBO & PETER KAMAU, NAIROBI, MDT/REUTERS\n"
    "\n"
    "Categories Africa, Diplomacy\n";

Document MustParse(std::string_view bytes, std::string_view name = "x.txt") {
  IngestOptions options;
  options.published = "2023-02-01";
  Result<Document> doc = ParseWireStory(bytes, name, options);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? std::move(doc).value() : Document{};
}

std::vector<std::string_view> Slices(const Document& doc, PartKind kind) {
  std::vector<std::string_view> out;
  for (const Part& part : doc.parts) {
    if (part.kind == kind) out.push_back(doc.Slice(part.span));
  }
  return out;
}

// Invariants every parse must keep: spans inside the text, in order,
// non-overlapping, trimmed, and body paragraphs numbered 0, 1, 2...
void ExpectWellFormedParts(const Document& doc) {
  uint32_t previous_end = 0;
  int next_paragraph = 0;
  for (const Part& part : doc.parts) {
    ASSERT_LE(part.span.end, doc.text.size());
    ASSERT_LT(part.span.begin, part.span.end) << PartKindName(part.kind);
    EXPECT_GE(part.span.begin, previous_end) << PartKindName(part.kind);
    previous_end = part.span.end;
    std::string_view s = doc.Slice(part.span);
    EXPECT_NE(s.front(), ' ');
    EXPECT_NE(s.back(), ' ');
    EXPECT_NE(s.back(), '\r');
    EXPECT_NE(s.back(), '\n');
    if (part.kind == PartKind::kBody) {
      EXPECT_EQ(part.paragraph, next_paragraph++);
    }
  }
}

TEST(WireStoryTest, RecoversEveryField) {
  Document doc = MustParse(kStory, "stories/kenya_ethiopia.txt");
  EXPECT_EQ(doc.doc_id, "kenya_ethiopia");
  EXPECT_EQ(doc.source, "stories/kenya_ethiopia.txt");
  EXPECT_EQ(doc.text, kStory);
  EXPECT_EQ(doc.published, "2023-02-01");
  EXPECT_EQ(doc.section, "World");
  EXPECT_EQ(doc.headline, "Kenya and Ethiopia sign water-sharing pact");
  EXPECT_EQ(doc.caption,
            "Kenyan President Daniel Mwangi shakes hands with Ethiopian Prime "
            "Minister Abiy Tesfaye in Nairobi, yesterday");
  EXPECT_EQ(doc.authors,
            (std::vector<std::string>{"Jane Odhiambo", "Peter Kamau"}));
  EXPECT_EQ(doc.dateline, "Nairobi");
  EXPECT_EQ(doc.agency, "REUTERS");
  EXPECT_EQ(doc.categories, (std::vector<std::string>{"Africa", "Diplomacy"}));
}

TEST(WireStoryTest, PartsSliceBackAndBylineIsNotBody) {
  Document doc = MustParse(kStory);
  ExpectWellFormedParts(doc);
  EXPECT_EQ(Slices(doc, PartKind::kSection),
            std::vector<std::string_view>{"World"});
  EXPECT_EQ(Slices(doc, PartKind::kHeadline).size(), 1u);
  EXPECT_EQ(Slices(doc, PartKind::kCaption).size(), 1u);
  auto body = Slices(doc, PartKind::kBody);
  ASSERT_EQ(body.size(), 3u);
  EXPECT_EQ(body[0],
            "Kenya and Ethiopia signed an agreement on Tuesday to share the "
            "waters of the Omo River.");
  EXPECT_EQ(body[2], "The African Union welcomed the deal.");
  EXPECT_EQ(Slices(doc, PartKind::kByline),
            std::vector<std::string_view>{
                "JANE ODHIAMBO & PETER KAMAU, NAIROBI, MDT/REUTERS"});
  EXPECT_EQ(Slices(doc, PartKind::kCategories),
            std::vector<std::string_view>{"Categories Africa, Diplomacy"});
  for (const Part& part : doc.parts) {
    if (part.kind == PartKind::kBody) {
      EXPECT_EQ(doc.Slice(part.span).find("ODHIAMBO"), std::string::npos);
    }
  }
}

TEST(WireStoryTest, CrlfAndBomGiveTheSameFields) {
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : std::string(kStory)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  Document doc = MustParse(crlf);
  EXPECT_EQ(doc.text, crlf);
  EXPECT_EQ(doc.section, "World");
  EXPECT_EQ(doc.headline, "Kenya and Ethiopia sign water-sharing pact");
  EXPECT_EQ(doc.authors.size(), 2u);
  EXPECT_EQ(doc.categories.size(), 2u);
  ExpectWellFormedParts(doc);
  EXPECT_EQ(doc.parts.front().span.begin, 3u);  // after the BOM
  EXPECT_EQ(Slices(doc, PartKind::kBody).size(), 3u);
}

TEST(WireStoryTest, NoSectionNoCaptionNoByline) {
  Document doc = MustParse(
      "Kenya and Ethiopia sign water-sharing pact\n\n"
      "Kenya and Ethiopia signed an agreement on Tuesday.\n\n"
      "The African Union welcomed the deal.\n");
  EXPECT_EQ(doc.section, "");
  EXPECT_EQ(doc.headline, "Kenya and Ethiopia sign water-sharing pact");
  EXPECT_EQ(doc.caption, "");
  EXPECT_TRUE(doc.authors.empty());
  EXPECT_EQ(Slices(doc, PartKind::kBody).size(), 2u);
  ExpectWellFormedParts(doc);
}

TEST(WireStoryTest, ParagraphsOnlyAreAllBody) {
  Document doc = MustParse(
      "Kenya and Ethiopia signed an agreement on Tuesday.\n\n"
      "\xE2\x80\x9CIt is historic,\xE2\x80\x9D Mwangi said.\n\n"
      "The African Union welcomed the deal.");
  EXPECT_EQ(doc.headline, "");
  EXPECT_EQ(doc.caption, "");
  EXPECT_EQ(Slices(doc, PartKind::kBody).size(), 3u);
  EXPECT_EQ(doc.parts.size(), 3u);
}

TEST(WireStoryTest, OneParagraphPerLineWithoutBlankLines) {
  Document doc = MustParse(
      "Kenya signed an agreement on Tuesday.\n"
      "Ethiopia welcomed it.\n"
      "The African Union praised both.\n");
  EXPECT_EQ(Slices(doc, PartKind::kBody).size(), 3u);
}

TEST(WireStoryTest, HardWrappedParagraphsStayTogether) {
  Document doc = MustParse(
      "Kenya signed an agreement\non Tuesday with Ethiopia.\n\n"
      "The African Union praised\nboth sides.\n");
  auto body = Slices(doc, PartKind::kBody);
  ASSERT_EQ(body.size(), 2u);
  EXPECT_EQ(body[0], "Kenya signed an agreement\non Tuesday with Ethiopia.");
}

TEST(WireStoryTest, LedeIsNotMistakenForCaption) {
  // The block after the headline ends with a period and quotes someone.
  Document doc = MustParse(
      "Talks collapse in Geneva\n\n"
      "Negotiators said on Monday that \xE2\x80\x9Cno progress\xE2\x80\x9D "
      "had been made.\n\n"
      "The talks will resume next month.\n");
  EXPECT_EQ(doc.caption, "");
  EXPECT_EQ(Slices(doc, PartKind::kBody).size(), 2u);
}

TEST(WireStoryTest, CaptionWithPhotoCreditAndPeriod) {
  Document doc = MustParse(
      "Talks collapse in Geneva\n\n"
      "Delegates leave the Palais des Nations in Geneva, Switzerland, Jan. "
      "30, 2023. (AP Photo/Anna Keller)\n\n"
      "Negotiators said on Monday that no progress had been made.\n");
  EXPECT_NE(doc.caption, "");
  EXPECT_EQ(Slices(doc, PartKind::kBody).size(), 1u);
}

TEST(WireStoryTest, BylineOnItsOwnLineAndByPrefix) {
  Document separate = MustParse(
      "Talks collapse in Geneva\n\n"
      "Negotiators said on Monday that no progress had been made.\n\n"
      "ANNA KELLER, GENEVA, AFP\n");
  EXPECT_EQ(separate.authors, std::vector<std::string>{"Anna Keller"});
  EXPECT_EQ(separate.dateline, "Geneva");
  EXPECT_EQ(separate.agency, "AFP");
  EXPECT_EQ(Slices(separate, PartKind::kBody).size(), 1u);

  Document by = MustParse(
      "Talks collapse in Geneva\n\n"
      "By Anna Keller and Tom O'Brien, Geneva, Reuters\n\n"
      "Negotiators said on Monday that no progress had been made.\n");
  EXPECT_EQ(by.authors,
            (std::vector<std::string>{"Anna Keller", "Tom O'Brien"}));
  EXPECT_EQ(by.agency, "Reuters");
  EXPECT_EQ(Slices(by, PartKind::kBody).size(), 1u);
}

TEST(WireStoryTest, GluedBylineVariants) {
  for (std::string glue : {"  ", " ", "\t", "\n", "\xC2\xA0"}) {
    SCOPED_TRACE("glue [" + glue + "]");
    Document doc =
        MustParse("Talks collapse\n\nThe talks ended.\n\nIt is over." + glue +
                  "ANNA KELLER, GENEVA, AFP\n\n");
    EXPECT_EQ(doc.authors, std::vector<std::string>{"Anna Keller"});
    auto body = Slices(doc, PartKind::kBody);
    ASSERT_EQ(body.size(), 2u);
    EXPECT_EQ(body[1], "It is over.");
  }
  // One space after a word (no sentence end) is not glue.
  Document doc = MustParse(
      "Talks collapse\n\nThe talks ended.\n\nIt is over for ANNA KELLER, "
      "GENEVA, AFP\n");
  EXPECT_TRUE(doc.authors.empty());
}

TEST(WireStoryTest, OrdinaryLastSentenceIsNotAByline) {
  // Capitals and commas, but ordinary sentence text after the gap.
  Document doc = MustParse(
      "Talks collapse\n\n"
      "The talks ended.  Officials from NATO, the EU, and the UN left.\n");
  EXPECT_TRUE(doc.authors.empty());
  EXPECT_EQ(Slices(doc, PartKind::kByline).size(), 0u);
}

TEST(WireStoryTest, LedeDatelineIsReadAndCutFromTheBody) {
  Document ap = MustParse(
      "Talks collapse in Geneva\n\n"
      "GENEVA (AP) \xE2\x80\x94 Negotiators said on Monday that no "
      "progress had been made.\n\nThe talks will resume next month.\n");
  EXPECT_EQ(ap.dateline, "Geneva");
  EXPECT_EQ(ap.agency, "AP");
  auto body = Slices(ap, PartKind::kBody);
  ASSERT_EQ(body.size(), 2u);
  EXPECT_EQ(body[0],
            "Negotiators said on Monday that no progress had been made.");

  Document reuters = MustParse(
      "NEW YORK, Feb 1 (Reuters) - The U.N. Security Council met.\n\n"
      "It adjourned.\n");
  EXPECT_EQ(reuters.dateline, "New York");
  EXPECT_EQ(reuters.agency, "Reuters");
  EXPECT_EQ(Slices(reuters, PartKind::kBody)[0],
            "The U.N. Security Council met.");

  // A dash in an ordinary sentence is not a dateline.
  Document plain =
      MustParse("The talks - which began Monday - collapsed.\n\nIt is over.\n");
  EXPECT_EQ(plain.dateline, "");
  EXPECT_EQ(Slices(plain, PartKind::kBody)[0],
            "The talks - which began Monday - collapsed.");
  Document acronym = MustParse(
      "NATO \xE2\x80\x94 the alliance \xE2\x80\x94 met.\n\nIt is over.\n");
  EXPECT_EQ(acronym.dateline, "");
  EXPECT_EQ(Slices(acronym, PartKind::kBody)[0].substr(0, 4), "NATO");
}

TEST(WireStoryTest, TitleCasesNamesWithParticlesAndApostrophes) {
  Document doc = MustParse(
      "Talks collapse\n\nThe talks ended.  JEAN-PIERRE O'NEIL & LUDWIG VON "
      "HAUSEN, NEW YORK, AP\n");
  EXPECT_EQ(doc.authors, (std::vector<std::string>{"Jean-Pierre O'Neil",
                                                   "Ludwig von Hausen"}));
  EXPECT_EQ(doc.dateline, "New York");
}

}  // namespace
}  // namespace dyad
