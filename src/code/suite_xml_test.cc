#include "code/suite_xml.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad::code_internal {
namespace {

TEST(SuiteXmlTest, ReadsElementsAttributesTextAndLines) {
  const std::string xml =
      "<?xml version='1.0' encoding='utf-8'?>\n"
      "<Validation>\n"
      "<!-- a comment with <tags> & ampersands -->\n"
      "<Environment>\n"
      "  <Verbfile>verbs.txt</Verbfile>\n"
      "</Environment>\n"
      "<Sentence category=\"DEMO\" id='D-1' evaluate=\"true\">\n"
      "<EventCoding eventcode=\"050\" sourcecode=\"ARN\" targetcode=\"GON\" "
      "/>\n"
      "<PLEvent {\"event\": \"012\", \"source\": [{\"code\": \"ARN\"}]}>\n"
      "<Text>\nArnor &amp; Gondor\n</Text>\n"
      "</Sentence>\n"
      "</Validation>\n";
  XmlReadOptions options;
  options.raw_elements = {"PLEvent"};
  auto root = ParseXml(xml, "suite.xml", options);
  ASSERT_TRUE(root.ok()) << root.status().ToString();
  EXPECT_EQ(root->name, "Validation");
  EXPECT_EQ(root->line, 2);
  ASSERT_EQ(root->children.size(), 2u);
  const XmlElement& env = root->children[0];
  EXPECT_EQ(env.name, "Environment");
  ASSERT_EQ(env.children.size(), 1u);
  EXPECT_EQ(env.children[0].text, "verbs.txt");
  EXPECT_EQ(env.children[0].line, 5);
  const XmlElement& s = root->children[1];
  EXPECT_EQ(s.line, 7);
  ASSERT_NE(s.Attribute("id"), nullptr);
  EXPECT_EQ(*s.Attribute("id"), "D-1");
  EXPECT_EQ(*s.Attribute("category"), "DEMO");
  EXPECT_EQ(s.Attribute("date"), nullptr);
  ASSERT_EQ(s.children.size(), 3u);
  EXPECT_EQ(s.children[0].name, "EventCoding");
  EXPECT_EQ(*s.children[0].Attribute("targetcode"), "GON");
  EXPECT_TRUE(s.children[0].children.empty());
  EXPECT_EQ(s.children[1].name, "PLEvent");
  EXPECT_EQ(s.children[1].line, 9);
  EXPECT_NE(s.children[1].raw.find("\"event\": \"012\""), std::string::npos);
  EXPECT_EQ(s.children[2].text, "\nArnor & Gondor\n");
  EXPECT_EQ(s.children[2].line, 10);
}

TEST(SuiteXmlTest, DecodesEntitiesAndCharacterReferences) {
  auto root = ParseXml(
      "<a x=\"&quot;q&quot; &lt;&gt;\">&apos;&#65;&#x42;&#xe9;&#8364;"
      "&#x1F600;<![CDATA[<raw> & ]]></a>",
      "t.xml");
  ASSERT_TRUE(root.ok()) << root.status().ToString();
  EXPECT_EQ(*root->Attribute("x"), "\"q\" <>");
  EXPECT_EQ(root->text, "'AB\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80<raw> & ");
}

// Every code point below U+10000 that XML allows decodes, in decimal and
// hex, to the UTF-8 a direct three-branch encoder gives.
TEST(SuiteXmlTest, CharacterReferencesMatchReferenceEncoder) {
  auto reference = [](uint32_t cp) {
    std::string s;
    if (cp < 0x80) {
      s += static_cast<char>(cp);
    } else if (cp < 0x800) {
      s += static_cast<char>(0xC0 + cp / 64);
      s += static_cast<char>(0x80 + cp % 64);
    } else {
      s += static_cast<char>(0xE0 + cp / 4096);
      s += static_cast<char>(0x80 + (cp / 64) % 64);
      s += static_cast<char>(0x80 + cp % 64);
    }
    return s;
  };
  for (uint32_t cp = 1; cp < 0x10000; cp += 7) {
    bool allowed = cp == 9 || cp == 10 || cp == 13 ||
                   (cp >= 0x20 && (cp < 0xD800 || cp > 0xDFFF) &&
                    cp != 0xFFFE && cp != 0xFFFF);
    std::string dec, hex, why;
    char buf[16];
    std::snprintf(buf, sizeof buf, "&#x%X;", cp);
    bool ok_dec = DecodeXmlText("&#" + std::to_string(cp) + ";", &dec, &why);
    bool ok_hex = DecodeXmlText(buf, &hex, &why);
    ASSERT_EQ(ok_dec, allowed) << cp;
    ASSERT_EQ(ok_hex, allowed) << cp;
    if (allowed) {
      ASSERT_EQ(dec, reference(cp)) << cp;
      ASSERT_EQ(hex, reference(cp)) << cp;
    }
  }
}

struct BadInput {
  const char* xml;
  const char* message;  // expected after "bad.xml:LINE: "
  int line;
};

TEST(SuiteXmlTest, ErrorsNameFileAndLine) {
  const BadInput cases[] = {
      {"<a>\n<b>\n</a>", "closing tag </a> does not match <b> of line 2", 3},
      {"<a>\n&foo;</a>", "unknown entity &foo;", 2},
      {"<a\n x=\"&bad;\"/>", "unknown entity &bad; in attribute x", 2},
      {"<a>&#0;</a>", "character reference &#0; names no XML character", 1},
      {"<a>&#xD800;</a>", "character reference &#xD800; names no XML", 1},
      {"<a>&#x110000;</a>", "character reference &#x110000; names no", 1},
      {"<a>AT&T</a>", "'&' does not start an entity", 1},
      {"<a>\n<!-- open", "comment is never closed with -->", 2},
      {"text\n<a/>", "text outside the root element", 1},
      {"<a/>\n<b/>", "a second top-level element <b>", 2},
      {"<a x=\"1\" x=\"2\"/>", "attribute x repeated in <a>", 1},
      {"<a x=1/>", "value of attribute x is not quoted", 1},
      {"<a x=\"1\"y=\"2\"/>", "expected a space before an attribute", 1},
      {"<a x=\"<\"/>", "'<' in the value of attribute x", 1},
      {"<a>\n\n<b>", "<b> of line 3 is never closed", 3},
      {"\n\n", "no root element", 3},
      {"<!DOCTYPE a><a/>", "DTD declarations are not supported", 1},
      {"<a>< b/></a>", "'<' does not start a tag", 1},
      {"</a>", "closing tag </a> without an open element", 1},
      {"<a\n x=\"1\"", "tag <a is never closed", 1},
  };
  for (const BadInput& c : cases) {
    auto root = ParseXml(c.xml, "bad.xml");
    ASSERT_FALSE(root.ok()) << c.xml;
    EXPECT_EQ(root.status().code(), StatusCode::kParseError);
    std::string prefix = "bad.xml:" + std::to_string(c.line) + ": ";
    EXPECT_EQ(root.status().message().rfind(prefix + c.message, 0), 0u)
        << c.xml << " gave " << root.status().message();
  }
}

TEST(SuiteXmlTest, NestedCommentsOnlyWhenAsked) {
  const std::string xml =
      "<a>\n<!-- outer <!-- inner --> still outer <b x= -->\n<c/></a>";
  XmlReadOptions options;
  options.nested_comments = true;
  auto root = ParseXml(xml, "nest.xml", options);
  ASSERT_TRUE(root.ok()) << root.status().ToString();
  ASSERT_EQ(root->children.size(), 1u);
  EXPECT_EQ(root->children[0].name, "c");
  auto plain = ParseXml(xml, "nest.xml");
  ASSERT_FALSE(plain.ok());
  EXPECT_EQ(plain.status().message().rfind("nest.xml:2: ", 0), 0u)
      << plain.status().message();
  options.nested_comments = true;
  auto open = ParseXml("<a>\n<!-- <!-- -->\n</a>", "open.xml", options);
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.status().message(),
            "open.xml:2: comment is never closed with -->");
}

TEST(SuiteXmlTest, NestingDeeperThanTheLimitIsAnError) {
  std::string xml;
  for (int i = 0; i < 10; ++i) xml += "<a>";
  for (int i = 0; i < 10; ++i) xml += "</a>";
  XmlReadOptions options;
  options.max_depth = 10;
  EXPECT_TRUE(ParseXml(xml, "deep.xml", options).ok());
  options.max_depth = 9;
  auto root = ParseXml(xml, "deep.xml", options);
  ASSERT_FALSE(root.ok());
  EXPECT_NE(root.status().message().find("nested deeper than 9"),
            std::string::npos);
}

TEST(SuiteXmlTest, RawElementWithoutClosingBracketIsAnError) {
  XmlReadOptions options;
  options.raw_elements = {"PLEvent"};
  auto root = ParseXml("<a>\n<PLEvent {\"x\": 1}", "raw.xml", options);
  ASSERT_FALSE(root.ok());
  EXPECT_EQ(root.status().message(),
            "raw.xml:2: <PLEvent is never closed with '>'");
}

}  // namespace
}  // namespace dyad::code_internal
