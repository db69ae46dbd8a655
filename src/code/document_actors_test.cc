// Actors the article defines for itself, read with dyad's default lexicon
// through the sparse coder: a name after a role keeps the role for the
// whole article, over the dictionaries; "the alliance" is the organisation
// named last; a capital that acts is its government.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "dyad/coder.h"
#include "dyad/lexicon.h"
#include "dyad/text.h"

namespace dyad {
namespace {

class DocumentActorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lexicon = LoadDefaultLexicon();
    ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
    coder_ = new Coder(std::move(lexicon).value());
  }
  static void TearDownTestSuite() { delete coder_; }

  // Codes `text` (paragraphs split on blank lines) published on `date`.
  static Document Code(const std::string& text, const std::string& date) {
    Document doc;
    doc.text = text;
    doc.published = date;
    EXPECT_TRUE(AnalyzeText(&doc).ok());
    EXPECT_TRUE(coder_->Code(&doc).ok());
    return doc;
  }

  static const Event* Find(const Document& doc, const std::string& source,
                           const std::string& target) {
    for (const Event& e : doc.events)
      if (e.source.code == source && e.target.code == target) return &e;
    return nullptr;
  }

  static std::vector<std::string> Sources(const Document& doc) {
    std::vector<std::string> out;
    for (const Event& e : doc.events) out.push_back(e.source.code);
    return out;
  }

  static Coder* coder_;
};

Coder* DocumentActorsTest::coder_ = nullptr;

TEST_F(DocumentActorsTest, ANameAfterARoleKeepsItForTheWholeArticle) {
  Document doc = Code(
      "Japanese Defense Minister Yasukazu Hamada criticized China on "
      "Monday.\n\nHamada also accused Russia of aggression.",
      "2023-02-01");
  const Event* later = Find(doc, "JPNMIL", "RUS");
  ASSERT_NE(later, nullptr) << ::testing::PrintToString(Sources(doc));
  EXPECT_EQ(later->source.text, "Hamada");
  bool person = false;
  for (const Entity& e : doc.entities)
    person |=
        e.text == "Yasukazu Hamada" && e.type == "PERSON" && e.code == "JPNMIL";
  EXPECT_TRUE(person);
}

TEST_F(DocumentActorsTest, TheTextsRoleBeatsTheDictionarysDatedCode) {
  // leaders.actors has Stoltenberg as Norway's government from 2025 on.
  Document alone = Code("Jens Stoltenberg criticized Russia.", "2025-06-01");
  ASSERT_FALSE(alone.events.empty());
  EXPECT_EQ(alone.events[0].source.code, "NORGOV");
  Document titled = Code(
      "NATO Secretary-General Jens Stoltenberg criticized Russia.\n\n"
      "Stoltenberg also accused China of aggression.",
      "2025-06-01");
  ASSERT_GE(titled.events.size(), 2u);
  for (const Event& e : titled.events)
    EXPECT_EQ(e.source.code, "IGOWSTNAT") << e.source.text;
}

TEST_F(DocumentActorsTest, TheAllianceIsTheOrganisationNamedLast) {
  Document doc = Code(
      "NATO criticized Russia on Monday.\n\nThe alliance also condemned "
      "North Korea.",
      "2023-02-01");
  EXPECT_NE(Find(doc, "IGOWSTNAT", "PRK"), nullptr)
      << ::testing::PrintToString(Sources(doc));
  Document none = Code("The alliance condemned North Korea.", "2023-02-01");
  EXPECT_TRUE(none.events.empty());
}

TEST_F(DocumentActorsTest, ACapitalThatActsIsItsGovernment) {
  Document aid =
      Code("Seoul has provided humanitarian aid to Ukraine.", "2023-02-01");
  EXPECT_NE(Find(aid, "KORGOV", "UKR"), nullptr)
      << ::testing::PrintToString(Sources(aid));
  Document accusation =
      Code("Moscow accused Kyiv of shelling the plant.", "2023-02-01");
  EXPECT_NE(Find(accusation, "RUSGOV", "UKRGOV"), nullptr);
  // Struck, a capital is the place: the country, not its government.
  Document attack = Code("Russia bombed Kyiv on Monday.", "2023-02-01");
  ASSERT_FALSE(attack.events.empty());
  EXPECT_EQ(attack.events[0].target.code, "UKR");
}

TEST_F(DocumentActorsTest, AWeekdayAfterARoleIsNoName) {
  Document doc =
      Code("The Japanese government Friday criticized China.", "2023-02-01");
  for (const Entity& e : doc.entities) EXPECT_NE(e.text, "Friday");
}

}  // namespace
}  // namespace dyad
