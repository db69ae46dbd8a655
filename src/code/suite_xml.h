// suite_xml: a small XML reader for validation-suite files such as
// UniversalPetrarch's PETR_Validate_records_2_02.xml.
//
// It reads what those files use: elements with attributes (single or
// double quotes), character data, comments, the XML declaration and other
// processing instructions (skipped), CDATA sections, the five predefined
// entities (&lt; &gt; &amp; &quot; &apos;) and numeric character
// references (&#65; &#x41;). It has no DTD support, namespaces or encoding
// other than UTF-8 (bytes pass through unchanged).
//
// The suite files also hold lines that are not XML at all, such as
// "<PLEvent {"event": "012", ...}>" (PLOVER records UniversalPetrarch
// ignores). Names listed in XmlReadOptions::raw_elements are read as
// childless elements whose whole tag is kept verbatim in XmlElement::raw:
// the tag runs to the next '>' and needs no closing tag.
#ifndef DYAD_CODE_SUITE_XML_H_
#define DYAD_CODE_SUITE_XML_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/status.h"

namespace dyad::code_internal {

struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  // decoded
  // Character data directly inside this element (not its children's), in
  // document order, entities decoded.
  std::string text;
  std::vector<XmlElement> children;
  std::string raw;  // raw elements only: the tag after its name, verbatim
  int line = 0;     // 1-based line of the start tag's '<'

  // The value of attribute `name`, or nullptr when it has none. The pointer
  // borrows from this element.
  const std::string* Attribute(std::string_view name) const;
};

struct XmlReadOptions {
  std::vector<std::string> raw_elements;  // e.g. {"PLEvent"}
  int max_depth = 256;                    // deeper nesting is an error
  // Comments nest: inside a comment, "<!--" opens an inner comment that
  // its own "-->" closes. PETR_Validate_records_2_02.xml needs this: its
  // header comment quotes "<!-- ... -->". Plain XML ends a comment at the
  // first "-->".
  bool nested_comments = false;
};

// Parses `contents` as one XML document and returns its root element.
// Returns ParseError "NAME:LINE: what is wrong" (NAME is `name`) for
// anything it does not accept: unclosed or mismatched tags, a malformed
// attribute, an unknown entity, a character reference to no character,
// text or a second element outside the root, nesting deeper than
// options.max_depth. Never throws.
Result<XmlElement> ParseXml(std::string_view contents, std::string_view name,
                            const XmlReadOptions& options = {});

// Decodes the entities and character references of `text` (character data
// or an attribute value), appending to *out. Returns false with *error set
// ("unknown entity &foo;") and, when `error_at` is non-null, *error_at the
// offset in `text` of the '&' that does not decode.
bool DecodeXmlText(std::string_view text, std::string* out, std::string* error,
                   size_t* error_at = nullptr);

}  // namespace dyad::code_internal

#endif  // DYAD_CODE_SUITE_XML_H_
