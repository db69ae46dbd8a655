#include "resolve/quote_speakers.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "dyad/analyze.h"
#include "dyad/resolve_quotes.h"
#include "resolve/quote_test_util.h"

namespace dyad::resolve {
namespace {

struct SpeakerCase {
  const char* name;
  const char* text;
  const char* quote;    // a part of the quote's words
  const char* speaker;  // the resolved speaker's text, "" for none
};

// Blank lines separate paragraphs.
const SpeakerCase kCases[] = {
    {"after_surname", "“We will win,” Stoltenberg said.", "We will win",
     "Stoltenberg"},
    {"after_title_and_name",
     "“We will win,” NATO Secretary-General Jens Stoltenberg said.",
     "We will win", "Jens Stoltenberg"},
    {"before_colon", "Stoltenberg said: “We will win.”", "We will win.",
     "Stoltenberg"},
    {"inverted", "“We will win,” said Stoltenberg.", "We will win",
     "Stoltenberg"},
    {"inverted_title_straight",
     "\"We will win,\" said Prime Minister Fumio Kishida.", "We will win",
     "Fumio Kishida"},
    {"pronoun_told",
     "Jens Stoltenberg arrived in Tokyo on Monday. “We will win,” he told "
     "reporters.",
     "We will win", "Jens Stoltenberg"},
    {"surname_to_full",
     "NATO Secretary-General Jens Stoltenberg arrived in Tokyo.\n\n“We will "
     "win,” Stoltenberg said.",
     "We will win", "Jens Stoltenberg"},
    {"parenthetical_subject",
     "NATO Secretary-General Jens Stoltenberg, in Japan as part of his East "
     "Asia tour, said “our security is closely interconnected” and called "
     "for stronger ties.",
     "our security is closely interconnected", "Jens Stoltenberg"},
    {"partial_called", "Kishida called it “a tragedy for the Ukrainians.”",
     "a tragedy for the Ukrainians", "Kishida"},
    {"partial_pronoun",
     "Japanese Prime Minister Fumio Kishida visited Kyiv. He called it “a "
     "tragedy for the Ukrainians.”",
     "a tragedy", "Fumio Kishida"},
    {"says_inverted", "“The alliance is strong,” says Stoltenberg.",
     "The alliance is strong", "Stoltenberg"},
    {"according_to_after",
     "“Talks have stalled,” according to the Foreign Ministry.",
     "Talks have stalled", "Foreign Ministry"},
    {"according_to_before", "According to Stoltenberg, “talks have stalled.”",
     "talks have stalled", "Stoltenberg"},
    {"warned_partial",
     "North Korea warned that it would take “overwhelming action.”",
     "overwhelming action", "North Korea"},
    {"added_phrase", "“We are ready,” the ministry added.", "We are ready",
     "ministry"},
    {"stressed_that",
     "Kishida stressed that Japan “will never accept” the change.",
     "will never accept", "Kishida"},
    {"noted", "“Trade is up,” Yoon noted.", "Trade is up", "Yoon"},
    {"insisted", "Moscow insisted the drills were “purely defensive.”",
     "purely defensive", "Moscow"},
    {"declared_phrase", "The president declared: “The war is over.”",
     "The war is over", "president"},
    {"wrote", "“Freedom is not free,” Zelenskyy wrote on Twitter.",
     "Freedom is not free", "Zelenskyy"},
    {"asked_she",
     "Foreign Minister Penny Wong spoke in Canberra. “Why now?” she asked.",
     "Why now?", "Penny Wong"},
    {"organisation",
     "“The drills are a threat,” the state-run Korean Central News Agency "
     "said.",
     "The drills are a threat", "Korean Central News Agency"},
    {"country_before", "North Korea said: “The drills rehearse an invasion.”",
     "rehearse an invasion", "North Korea"},
    {"pronoun_it_country",
     "North Korea fired two missiles on Sunday. “The drills are a "
     "rehearsal,” it said.",
     "a rehearsal", "North Korea"},
    {"pronoun_it_organisation",
     "The Kremlin rejected the plan. “It is unacceptable,” it said.",
     "It is unacceptable", "Kremlin"},
    {"continuation_paragraph",
     "“We will win,” Stoltenberg said.\n\n“We will never give up.”",
     "never give up", "Stoltenberg"},
    {"same_paragraph_follow_on",
     "Jens Stoltenberg spoke at the base. “If Putin wins it will be a "
     "tragedy,” he said. “So the war matters for all of us.”",
     "So the war matters", "Jens Stoltenberg"},
    {"multi_paragraph_quote",
     "Stoltenberg said: “We will never surrender.\n\n“We shall defend our "
     "island.”",
     "We shall defend our island", "Stoltenberg"},
    {"no_speaker_alone", "“Nothing is certain.”", "Nothing is certain", ""},
    {"no_speaker_scare_quote", "The plan, dubbed “Operation Hope,” failed.",
     "Operation Hope", ""},
    {"no_inheritance_across_paragraphs",
     "“Soon,” Smith said.\n\nThe weather was cold.\n\n“Later.”", "Later.", ""},
    {"apposition",
     "Japan’s prime minister, Fumio Kishida, said “we stand with Ukraine.”",
     "we stand with Ukraine", "Fumio Kishida"},
    {"adverb_between", "“We must act,” Stoltenberg also said.", "We must act",
     "Stoltenberg"},
    {"auxiliary_between",
     "Stoltenberg has repeatedly said “it is time to act.”", "time to act",
     "Stoltenberg"},
    {"time_between", "Stoltenberg on Sunday said “it is time to act.”",
     "time to act", "Stoltenberg"},
    {"split_quote",
     "Jens Stoltenberg spoke. “We will win,” he said, “and we will "
     "rebuild.”",
     "and we will rebuild", "Jens Stoltenberg"},
    {"spokesman_name",
     "“We are watching,” White House spokesman John Kirby said.",
     "We are watching", "John Kirby"},
    {"inverted_phrase", "“No comment,” said a ministry spokesman.",
     "No comment", "ministry spokesman"},
    {"saying_participle",
     "North Korea condemned the visits, saying that NATO was trying to put "
     "its “military boots in the region.”",
     "military boots in the region", "North Korea"},
    {"introductory_phrase",
     "In a statement released by the state-run Korean Central News Agency, "
     "North Korea criticized the plan as an “Asian version of NATO.”",
     "Asian version of NATO", "North Korea"},
    {"family_name_first",
     "South Korean President Yoon Suk Yeol met him. “We agree,” Yoon said.",
     "We agree", "Yoon Suk Yeol"},
    {"unclosed_quote", "Smith said “this is wrong.", "this is wrong", "Smith"},
    {"straight_multi_sentence",
     "\"We are ready. We are able,\" Stoltenberg said.", "We are able",
     "Stoltenberg"},
    {"possessive_phrase",
     "“The drills are provocative,” Japan’s defense ministry said.",
     "provocative", "Japan’s defense ministry"},
    {"inverted_role_between_names",
     "\"It is difficult,\" said former Turkish ambassador Mithat Rende.",
     "It is difficult", "Mithat Rende"},
    {"sentence_before_names_speaker",
     "Sirio Canos-Donnay from the Spanish National Research Council told "
     "VOA.\n\n“He has combined all of the ways of the griot.”",
     "He has combined", "Sirio Canos-Donnay"},
    {"place_after_subject",
     "“Signals are not working,” railway controller Muhammad Sharifullah in "
     "Quetta told VOA.",
     "Signals are not working", "Muhammad Sharifullah"},
    {"participle_after_earlier_verb",
     "“What we need is time,” Kallas said, adding the European nations "
     "“are massively increasing” their budgets.",
     "are massively increasing", "Kallas"},
    {"second_partial_quote_same_sentence",
     "Gallagher characterized the conditions as “inhumane and degrading” "
     "and “a violation of international standards.”",
     "a violation of international", "Gallagher"},
    {"long_apposition_after_quote",
     "“I'm very encouraged,” Republican Representative Michael McCaul, "
     "former chairman of the House Foreign Affairs Committee, said.",
     "very encouraged", "Michael McCaul"},
    {"dash_parenthetical",
     "Ahmed al-Sharaa — who led the offensive — said that he hoped it would "
     "mark “the beginning of a new history.”",
     "new history", "Ahmed al-Sharaa"},
    {"pronoun_skips_title_only_run",
     "Krittaporn Semsantad, program director for the Peace Rights "
     "Foundation, met the Committee on Legal Affairs, Justice and Human "
     "Rights. “We are very concerned,” she told VOA.",
     "very concerned", "Krittaporn Semsantad"},
    {"title_after_organisation_word",
     "Lamu County Commissioner Irungu Macharia visited.\n\n“The group "
     "targets our vehicles,” said Macharia.",
     "targets our vehicles", "Irungu Macharia"},
    {"tweeted", "“Ukraine will prevail,” Zelenskyy tweeted.",
     "Ukraine will prevail", "Zelenskyy"},
};

void PrintTo(const SpeakerCase& c, std::ostream* out) { *out << c.name; }

const Quote* QuoteContaining(const Document& doc, const std::string& words) {
  for (const Quote& q : doc.quotes) {
    if (q.text.find(words) != std::string::npos) return &q;
  }
  return nullptr;
}

void CheckCase(const SpeakerCase& c, const Document& doc) {
  const Quote* quote = QuoteContaining(doc, c.quote);
  ASSERT_NE(quote, nullptr)
      << c.name << ": no quote with \"" << c.quote << "\" in: " << c.text;
  EXPECT_EQ(quote->speaker.text, c.speaker) << c.name << ": " << c.text;
  // Spans slice back: the quote's words (no continuation marks here but
  // the multi-paragraph case), the speaker's mention.
  if (std::string(c.name) != "multi_paragraph_quote") {
    EXPECT_EQ(doc.Slice(quote->span), quote->text) << c.name;
  }
  if (!quote->speaker.span.empty()) {
    EXPECT_FALSE(doc.Slice(quote->speaker.span).empty()) << c.name;
  }
}

class SpeakerTableTest : public testing::TestWithParam<SpeakerCase> {};

TEST_P(SpeakerTableTest, WordOrder) {
  const SpeakerCase& c = GetParam();
  Document doc = QuoteTestDocument(c.text);
  ASSERT_TRUE(FindQuotes(&doc).ok());
  CheckCase(c, doc);
}

// The same cases with every sentence tagged and parsed, as the pipeline
// does when the models are present.
TEST_P(SpeakerTableTest, Parsed) {
  static const std::shared_ptr<Analyzer> analyzer = [] {
    AnalyzerOptions options;
    options.entities = false;
    auto loaded = Analyzer::Load(options);
    return loaded.ok() ? std::make_shared<Analyzer>(std::move(loaded).value())
                       : nullptr;
  }();
  if (analyzer == nullptr) GTEST_SKIP() << "models not found";
  const SpeakerCase& c = GetParam();
  Document doc = QuoteTestDocument(c.text);
  ASSERT_TRUE(analyzer->AnalyzeDocument(&doc).ok());
  ASSERT_TRUE(FindQuotes(&doc).ok());
  CheckCase(c, doc);
}

INSTANTIATE_TEST_SUITE_P(Cases, SpeakerTableTest, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<SpeakerCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(QuoteSpeakersTest, ContinuationSpeakerHasNoSpanButTheSameCode) {
  Document doc = QuoteTestDocument(
      "“We will win,” Stoltenberg said.\n\n“We will never give up.”");
  auto lookup = [&doc](Span span) -> std::string {
    return doc.Slice(span) == "Stoltenberg" ? "IGOWSTNAT" : "";
  };
  ASSERT_TRUE(FindQuotes(&doc, lookup).ok());
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker.code, "IGOWSTNAT");
  EXPECT_EQ(doc.Slice(doc.quotes[0].speaker.span), "Stoltenberg");
  EXPECT_EQ(doc.quotes[1].speaker.code, "IGOWSTNAT");
  EXPECT_TRUE(doc.quotes[1].speaker.span.empty());
}

TEST(QuoteSpeakersTest, LookupFallsBackToTheFullMention) {
  Document doc = QuoteTestDocument(
      "NATO Secretary-General Jens Stoltenberg arrived. “We will win,” he "
      "said.");
  auto lookup = [&doc](Span span) -> std::string {
    return doc.Slice(span) == "Jens Stoltenberg" ? "IGOWSTNAT" : "";
  };
  ASSERT_TRUE(FindQuotes(&doc, lookup).ok());
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.Slice(doc.quotes[0].speaker.span), "he");
  EXPECT_EQ(doc.quotes[0].speaker.text, "Jens Stoltenberg");
  EXPECT_EQ(doc.quotes[0].speaker.code, "IGOWSTNAT");
}

TEST(QuoteSpeakersTest, CodeFromACodedEventActor) {
  Document doc = QuoteTestDocument(
      "NATO Secretary-General Jens Stoltenberg visited Japan. “We will "
      "win,” Stoltenberg said. North Korea said: “It is a threat.”");
  Event visit;
  visit.source.code = "IGOWSTNAT";
  visit.source.text = "NATO Secretary-General Jens Stoltenberg";
  const size_t at = doc.text.find("NATO");
  visit.source.span =
      Span{static_cast<uint32_t>(at),
           static_cast<uint32_t>(at + visit.source.text.size())};
  visit.target.code = "JPN";
  visit.target.text = "Japan";
  doc.events.push_back(visit);
  Event threat;
  threat.source.code = "PRK";
  threat.source.text = "North Korea";  // no span: matched by name
  doc.events.push_back(threat);
  ASSERT_TRUE(FindQuotes(&doc).ok());
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker.code, "IGOWSTNAT");
  EXPECT_EQ(doc.quotes[1].speaker.text, "North Korea");
  EXPECT_EQ(doc.quotes[1].speaker.code, "PRK");
}

TEST(QuoteSpeakersTest, EntityTypesTellPeopleFromPlaces) {
  const char* text =
      "Japan welcomed the plan. Smith met officials. “We agree,” she said.";
  Document without = QuoteTestDocument(text);
  ASSERT_TRUE(FindQuotes(&without).ok());
  ASSERT_EQ(without.quotes.size(), 1u);
  EXPECT_EQ(without.quotes[0].speaker.text, "she");  // one word: unsure

  Document with = QuoteTestDocument(text);
  const size_t smith = with.text.find("Smith");
  with.entities.push_back(
      {"Smith", "PERSON",
       Span{static_cast<uint32_t>(smith), static_cast<uint32_t>(smith + 5)},
       ""});
  with.entities.push_back({"Japan", "PLACE", Span{0, 5}, "JPN"});
  ASSERT_TRUE(FindQuotes(&with).ok());
  ASSERT_EQ(with.quotes.size(), 1u);
  EXPECT_EQ(with.quotes[0].speaker.text, "Smith");
}

TEST(QuoteSpeakersTest, UnknownCodeStaysEmpty) {
  Document doc = QuoteTestDocument("“We will win,” Smith said.");
  ASSERT_TRUE(FindQuotes(&doc).ok());
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker.text, "Smith");
  EXPECT_EQ(doc.quotes[0].speaker.code, "");
}

TEST(QuoteSpeakersTest, FindQuotesReplacesEarlierQuotes) {
  Document doc = QuoteTestDocument("“We will win,” Smith said.");
  ASSERT_TRUE(FindQuotes(&doc).ok());
  ASSERT_TRUE(FindQuotes(&doc).ok());
  EXPECT_EQ(doc.quotes.size(), 1u);
}

TEST(QuoteSpeakersTest, NullAndDamagedDocumentsAreErrors) {
  EXPECT_EQ(FindQuotes(nullptr).code(), StatusCode::kInvalidArgument);
  Document doc = QuoteTestDocument("“We will win,” Smith said.");
  doc.source = "damaged.txt";
  doc.tokens.back().span = Span{0, 9999};
  Status status = FindQuotes(&doc);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("damaged.txt"), std::string::npos);
  EXPECT_TRUE(doc.quotes.empty());
}

TEST(QuoteSpeakersTest, DocumentWithoutSentencesHasNoQuotes) {
  Document doc;
  doc.text = "“We will win,” Smith said.";
  ASSERT_TRUE(FindQuotes(&doc).ok());
  EXPECT_TRUE(doc.quotes.empty());
}

}  // namespace
}  // namespace dyad::resolve
