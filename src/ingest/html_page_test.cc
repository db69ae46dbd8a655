#include <string>

#include "dyad/ingest.h"
#include "gtest/gtest.h"

namespace dyad {
namespace {

constexpr char kPage[] = R"(<!DOCTYPE html>
<html><head>
<title>Chile and Peru sign border accord | Example News</title>
<meta property="og:title" content="Chile and Peru sign border accord">
<meta property="article:published_time" content="2023-02-01T10:00:00+09:00">
<meta name="author" content="Lucia Ferreira">
<meta property="article:section" content="Americas">
<meta property="article:tag" content="Diplomacy">
<meta property="article:tag" content="South America">
<link rel="canonical" href="https://news.example.org/chile-peru">
<style>p { color: red }</style>
<script>var p = "<p>not text</p>";</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="share-bar"><p>Share this story on every network you know.</p></div>
<article>
  <header><h1>Chile and Peru sign border accord</h1></header>
  <figure><img src="x.jpg"><figcaption>Foreign ministers shake hands in Lima, yesterday</figcaption></figure>
  <p>Chile and Peru signed an accord on Monday that ends a
     decades-old dispute over their maritime border.</p>
  <p>&ldquo;This is a day for our peoples,&rdquo; the Chilean foreign minister
     said.</p>
  <aside><p>Read more: other stories you may like and many more links.</p></aside>
  <form><p>Subscribe to our newsletter today for more news.</p></form>
  <p>The Organization of American States welcomed the <b>deal</b>.</p>
</article>
<footer><p>Copyright Example News, all rights reserved forever.</p></footer>
</body></html>)";

Document MustParse(std::string_view html, IngestOptions options = {}) {
  Result<Document> doc = ParseHtmlPage(html, "pages/chile_peru.html", options);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? std::move(doc).value() : Document{};
}

TEST(HtmlPageTest, ExtractsMetadataAndArticleBody) {
  Document doc = MustParse(kPage);
  EXPECT_EQ(doc.doc_id, "chile_peru");
  EXPECT_EQ(doc.headline, "Chile and Peru sign border accord");
  EXPECT_EQ(doc.published, "2023-02-01");
  EXPECT_EQ(doc.authors, std::vector<std::string>{"Lucia Ferreira"});
  EXPECT_EQ(doc.section, "Americas");
  EXPECT_EQ(doc.url, "https://news.example.org/chile-peru");
  EXPECT_EQ(doc.categories,
            (std::vector<std::string>{"Diplomacy", "South America"}));
  EXPECT_EQ(doc.caption, "Foreign ministers shake hands in Lima, yesterday");
  EXPECT_EQ(doc.text,
            "Chile and Peru sign border accord\n\n"
            "Foreign ministers shake hands in Lima, yesterday\n\n"
            "Chile and Peru signed an accord on Monday that ends a "
            "decades-old dispute over their maritime border.\n\n"
            "\xE2\x80\x9CThis is a day for our peoples,\xE2\x80\x9D the "
            "Chilean foreign minister said.\n\n"
            "The Organization of American States welcomed the deal.");
}

TEST(HtmlPageTest, PartsIndexIntoExtractedText) {
  Document doc = MustParse(kPage);
  ASSERT_EQ(doc.parts.size(), 5u);
  EXPECT_EQ(doc.parts[0].kind, PartKind::kHeadline);
  EXPECT_EQ(doc.Slice(doc.parts[0].span), doc.headline);
  EXPECT_EQ(doc.parts[1].kind, PartKind::kCaption);
  EXPECT_EQ(doc.Slice(doc.parts[1].span), doc.caption);
  EXPECT_EQ(doc.parts[4].kind, PartKind::kBody);
  EXPECT_EQ(doc.parts[4].paragraph, 2);
  EXPECT_EQ(doc.Slice(doc.parts[4].span),
            "The Organization of American States welcomed the deal.");
}

TEST(HtmlPageTest, DensestContainerWithoutArticleAndOtherDateSources) {
  Document doc = MustParse(R"(<html><head><title>Talks resume - Site</title>
    <meta itemprop="datePublished" content="2022-12-05"></head><body>
    <div id="menu"><p>Home</p><p>World</p><p>Sports</p></div>
    <div class="story">
      <p>Delegations from both countries met in Geneva on Monday.</p>
      <p>The talks are expected to last three days, officials said.</p>
    </div>
    <div class="related"><p>Another story entirely, with a long teaser text.</p></div>
    </body></html>)");
  EXPECT_EQ(doc.headline, "Talks resume");
  EXPECT_EQ(doc.published, "2022-12-05");
  EXPECT_EQ(doc.text,
            "Talks resume\n\n"
            "Delegations from both countries met in Geneva on Monday.\n\n"
            "The talks are expected to last three days, officials said.");

  IngestOptions options;
  options.published = "2023-02-01";
  Document timed = MustParse(
      "<html><body><h1>Rally</h1><time datetime=\"2021-06-30T08:00Z\">June "
      "30</time><p>Thousands marched in the capital.</p></body></html>",
      options);
  EXPECT_EQ(timed.headline, "Rally");
  EXPECT_EQ(timed.published, "2021-06-30");
  Document undated = MustParse(
      "<html><body><h1>Rally</h1><p>Thousands marched.</p></body></html>",
      options);
  EXPECT_EQ(undated.published, "2023-02-01");
}

TEST(HtmlPageTest, NoParagraphsFallsBackToBlocksAndEmptyPageFails) {
  Document doc = MustParse(
      "<html><body><div>Troops withdrew from the border town.</div>"
      "<div>Residents returned <b>home</b>.</div></body></html>");
  EXPECT_EQ(
      doc.text,
      "Troops withdrew from the border town.\n\nResidents returned home.");
  Result<Document> empty =
      ParseHtmlPage("<html><body><nav>Home</nav></body></html>", "e.html", {});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message(), "e.html: no article text found in HTML");
  Result<Document> bad = ParseHtmlPage("<p>caf\xE9</p>", "b.html", {});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kDataLoss);
}

TEST(HtmlPageTest, DeclaredLegacyCharsetIsConverted) {
  Document doc = MustParse(
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
      "charset=windows-1252\"><title>Caf\xE9 talks</title></head><body>"
      "<p>Ministers met at a caf\xE9 in Paris \x96 and agreed.</p>"
      "</body></html>");
  EXPECT_EQ(doc.headline, "Caf\xC3\xA9 talks");
  EXPECT_EQ(doc.text,
            "Caf\xC3\xA9 talks\n\nMinisters met at a caf\xC3\xA9 in Paris "
            "\xE2\x80\x93 and agreed.");
}

}  // namespace
}  // namespace dyad
