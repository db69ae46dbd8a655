#include "code/suite_xml.h"

#include <algorithm>
#include <cstdint>

namespace dyad::code_internal {

const std::string* XmlElement::Attribute(std::string_view attribute) const {
  for (const auto& [key, value] : attributes)
    if (key == attribute) return &value;
  return nullptr;
}

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsNameStart(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
         c == ':' || u >= 0x80;
}

bool IsNameChar(char c) {
  return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The characters XML allows (production [2] Char of XML 1.0).
bool IsXmlChar(uint32_t cp) {
  if (cp == 0x9 || cp == 0xA || cp == 0xD) return true;
  if (cp < 0x20) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  if (cp == 0xFFFE || cp == 0xFFFF) return false;
  return cp <= 0x10FFFF;
}

// "#65" or "#x41" (without '&' and ';') to a code point; false when it is
// not a well-formed reference to an XML character.
bool ParseCharReference(std::string_view ref, uint32_t* cp) {
  bool hex = ref.size() > 1 && ref[1] == 'x';
  std::string_view digits = ref.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return false;
  uint32_t value = 0;
  for (char c : digits) {
    uint32_t d;
    if (c >= '0' && c <= '9') {
      d = static_cast<uint32_t>(c - '0');
    } else if (hex && c >= 'a' && c <= 'f') {
      d = static_cast<uint32_t>(c - 'a' + 10);
    } else if (hex && c >= 'A' && c <= 'F') {
      d = static_cast<uint32_t>(c - 'A' + 10);
    } else {
      return false;
    }
    value = value * (hex ? 16 : 10) + d;
    if (value > 0x10FFFF) return false;
  }
  if (!IsXmlChar(value)) return false;
  *cp = value;
  return true;
}

class XmlParser {
 public:
  XmlParser(std::string_view contents, std::string_view name,
            const XmlReadOptions& options)
      : s_(contents), name_(name), options_(options) {}

  Result<XmlElement> Parse();

 private:
  int LineAt(size_t pos) {
    if (pos < line_pos_) {
      line_pos_ = 0;
      line_ = 1;
    }
    pos = std::min(pos, s_.size());
    line_ += static_cast<int>(
        std::count(s_.begin() + static_cast<std::ptrdiff_t>(line_pos_),
                   s_.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
    line_pos_ = pos;
    return line_;
  }
  Status Error(size_t pos, const std::string& message) {
    return ParseError(std::string(name_) + ":" + std::to_string(LineAt(pos)) +
                      ": " + message);
  }
  bool StartsWith(size_t pos, std::string_view prefix) const {
    return s_.substr(pos, prefix.size()) == prefix;
  }
  std::string ReadName(size_t* pos) const {
    size_t p = *pos;
    if (p >= s_.size() || !IsNameStart(s_[p])) return "";
    while (p < s_.size() && IsNameChar(s_[p])) ++p;
    std::string name(s_.substr(*pos, p - *pos));
    *pos = p;
    return name;
  }
  void SkipSpace(size_t* pos) const {
    while (*pos < s_.size() && IsSpace(s_[*pos])) ++*pos;
  }
  bool IsRaw(const std::string& element) const {
    return std::find(options_.raw_elements.begin(), options_.raw_elements.end(),
                     element) != options_.raw_elements.end();
  }
  // The offset just past the comment opening at `start`, or npos when it
  // is never closed.
  size_t CommentEnd(size_t start) const {
    size_t p = start + 4;
    int depth = 1;
    while (depth > 0) {
      size_t close = s_.find("-->", p);
      if (close == std::string_view::npos) return close;
      size_t open = options_.nested_comments ? s_.find("<!--", p)
                                             : std::string_view::npos;
      if (open < close) {
        ++depth;
        p = open + 4;
      } else {
        --depth;
        p = close + 3;
      }
    }
    return p;
  }
  // Hands a complete element to its parent, or makes it the root.
  Status Finish(XmlElement element, size_t pos);
  Status ReadStartTag(size_t* pos);
  Status ReadEndTag(size_t* pos);

  std::string_view s_;
  std::string_view name_;
  const XmlReadOptions& options_;
  size_t line_pos_ = 0;
  int line_ = 1;
  std::vector<XmlElement> stack_;
  XmlElement root_;
  bool have_root_ = false;
};

Status XmlParser::Finish(XmlElement element, size_t pos) {
  if (!stack_.empty()) {
    stack_.back().children.push_back(std::move(element));
    return Status::Ok();
  }
  if (have_root_)
    return Error(pos, "a second top-level element <" + element.name +
                          "> after the root element");
  root_ = std::move(element);
  have_root_ = true;
  return Status::Ok();
}

Status XmlParser::ReadEndTag(size_t* pos) {
  size_t start = *pos;
  size_t p = start + 2;
  std::string name = ReadName(&p);
  if (name.empty()) return Error(start, "malformed closing tag");
  SkipSpace(&p);
  if (p >= s_.size() || s_[p] != '>')
    return Error(start, "closing tag </" + name + "> does not end with '>'");
  if (stack_.empty())
    return Error(start, "closing tag </" + name + "> without an open element");
  if (stack_.back().name != name)
    return Error(start, "closing tag </" + name + "> does not match <" +
                            stack_.back().name + "> of line " +
                            std::to_string(stack_.back().line));
  XmlElement done = std::move(stack_.back());
  stack_.pop_back();
  *pos = p + 1;
  return Finish(std::move(done), start);
}

Status XmlParser::ReadStartTag(size_t* pos) {
  size_t start = *pos;
  size_t p = start + 1;
  XmlElement element;
  element.name = ReadName(&p);
  if (element.name.empty()) return Error(start, "'<' does not start a tag");
  element.line = LineAt(start);
  if (IsRaw(element.name)) {
    size_t end = s_.find('>', p);
    if (end == std::string_view::npos)
      return Error(start, "<" + element.name + " is never closed with '>'");
    element.raw = std::string(s_.substr(p, end - p));
    *pos = end + 1;
    return Finish(std::move(element), start);
  }
  while (true) {
    size_t before = p;
    SkipSpace(&p);
    if (p >= s_.size())
      return Error(start, "tag <" + element.name + " is never closed");
    if (s_[p] == '>') {
      if (static_cast<int>(stack_.size()) >= options_.max_depth)
        return Error(start, "elements nested deeper than " +
                                std::to_string(options_.max_depth));
      stack_.push_back(std::move(element));
      *pos = p + 1;
      return Status::Ok();
    }
    if (s_[p] == '/') {
      if (p + 1 >= s_.size() || s_[p + 1] != '>')
        return Error(p, "'/' in tag <" + element.name + "> not before '>'");
      *pos = p + 2;
      return Finish(std::move(element), start);
    }
    if (p == before)
      return Error(
          p, "expected a space before an attribute in <" + element.name + ">");
    size_t attr_at = p;
    std::string key = ReadName(&p);
    if (key.empty())
      return Error(attr_at, "malformed attribute in <" + element.name + ">");
    SkipSpace(&p);
    if (p >= s_.size() || s_[p] != '=')
      return Error(attr_at, "attribute " + key + " in <" + element.name +
                                "> has no '=' value");
    ++p;
    SkipSpace(&p);
    if (p >= s_.size() || (s_[p] != '"' && s_[p] != '\''))
      return Error(attr_at, "value of attribute " + key + " is not quoted");
    char quote = s_[p];
    size_t close = s_.find(quote, p + 1);
    if (close == std::string_view::npos)
      return Error(attr_at, "value of attribute " + key + " is never closed");
    std::string_view raw = s_.substr(p + 1, close - p - 1);
    if (raw.find('<') != std::string_view::npos)
      return Error(attr_at, "'<' in the value of attribute " + key);
    if (element.Attribute(key) != nullptr)
      return Error(attr_at,
                   "attribute " + key + " repeated in <" + element.name + ">");
    std::string value, why;
    size_t at = 0;
    if (!DecodeXmlText(raw, &value, &why, &at))
      return Error(p + 1 + at, why + " in attribute " + key);
    element.attributes.emplace_back(std::move(key), std::move(value));
    p = close + 1;
  }
}

Result<XmlElement> XmlParser::Parse() {
  size_t p = StartsWith(0, "\xEF\xBB\xBF") ? 3 : 0;
  while (p < s_.size()) {
    if (s_[p] != '<') {
      size_t end = std::min(s_.find('<', p), s_.size());
      std::string_view chunk = s_.substr(p, end - p);
      if (stack_.empty()) {
        if (!std::all_of(chunk.begin(), chunk.end(), IsSpace))
          return Error(p, "text outside the root element");
      } else {
        std::string why;
        size_t at = 0;
        if (!DecodeXmlText(chunk, &stack_.back().text, &why, &at))
          return Error(p + at, why);
      }
      p = end;
      continue;
    }
    if (StartsWith(p, "<!--")) {
      size_t end = CommentEnd(p);
      if (end == std::string_view::npos)
        return Error(p, "comment is never closed with -->");
      p = end;
    } else if (StartsWith(p, "<![CDATA[")) {
      size_t end = s_.find("]]>", p + 9);
      if (end == std::string_view::npos)
        return Error(p, "CDATA section is never closed with ]]>");
      if (stack_.empty()) return Error(p, "CDATA outside the root element");
      stack_.back().text.append(s_.substr(p + 9, end - p - 9));
      p = end + 3;
    } else if (StartsWith(p, "<?")) {
      size_t end = s_.find("?>", p + 2);
      if (end == std::string_view::npos)
        return Error(p, "processing instruction is never closed with ?>");
      p = end + 2;
    } else if (StartsWith(p, "<!")) {
      return Error(p, "DTD declarations are not supported");
    } else if (StartsWith(p, "</")) {
      DYAD_RETURN_IF_ERROR(ReadEndTag(&p));
    } else {
      DYAD_RETURN_IF_ERROR(ReadStartTag(&p));
    }
  }
  if (!stack_.empty())
    return Error(s_.size(), "<" + stack_.back().name + "> of line " +
                                std::to_string(stack_.back().line) +
                                " is never closed");
  if (!have_root_) return Error(s_.size(), "no root element");
  return std::move(root_);
}

}  // namespace

bool DecodeXmlText(std::string_view text, std::string* out, std::string* error,
                   size_t* error_at) {
  size_t p = 0;
  while (p < text.size()) {
    size_t amp = text.find('&', p);
    if (amp == std::string_view::npos) {
      out->append(text.substr(p));
      return true;
    }
    out->append(text.substr(p, amp - p));
    size_t semi = text.find(';', amp + 1);
    // The longest reference is "&#x10FFFF;" (10 bytes); entity names of
    // the five predefined ones are shorter.
    if (semi == std::string_view::npos || semi - amp > 12) {
      if (error_at != nullptr) *error_at = amp;
      *error = "'&' does not start an entity or character reference";
      return false;
    }
    if (error_at != nullptr) *error_at = amp;
    std::string_view ref = text.substr(amp + 1, semi - amp - 1);
    if (ref == "lt") {
      out->push_back('<');
    } else if (ref == "gt") {
      out->push_back('>');
    } else if (ref == "amp") {
      out->push_back('&');
    } else if (ref == "quot") {
      out->push_back('"');
    } else if (ref == "apos") {
      out->push_back('\'');
    } else if (!ref.empty() && ref[0] == '#') {
      uint32_t cp = 0;
      if (!ParseCharReference(ref, &cp)) {
        *error = "character reference &" + std::string(ref) +
                 "; names no XML character";
        return false;
      }
      AppendUtf8(cp, out);
    } else {
      *error = "unknown entity &" + std::string(ref) + ";";
      return false;
    }
    p = semi + 1;
  }
  return true;
}

Result<XmlElement> ParseXml(std::string_view contents, std::string_view name,
                            const XmlReadOptions& options) {
  XmlParser parser(contents, name, options);
  return parser.Parse();
}

}  // namespace dyad::code_internal
