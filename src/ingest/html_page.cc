// ParseHtmlPage: a news page to a Document, with gumbo (an HTML5 parser, so
// broken markup parses the way browsers parse it).
//
// Metadata comes from the tags publishers put there for search engines and
// social cards (Open Graph, article:*, itemprop) because they are far more
// reliable than the visible layout. The body is the paragraphs of <article>
// or, on pages without one, of the element that directly holds the most
// paragraph text: navigation, related links and footers hold many short
// fragments, the story holds long paragraphs side by side.
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dyad/ingest.h"
#include "ingest/date_normalize.h"
#include "ingest/doc_id.h"
#include "ingest/html_charset.h"
#include "ingest/input_check.h"
#include "ingest/names.h"
#include "ingest/text_util.h"

namespace dyad {
namespace {

using ingest::CollapseSpaces;

// Deeper nesting than this is not a news page; cutting the walks there keeps
// hostile input from exhausting the stack.
constexpr int kMaxDepth = 400;

const char* Attribute(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* attr =
      gumbo_get_attribute(&node->v.element.attributes, name);
  return attr ? attr->value : nullptr;
}

bool IsElement(const GumboNode* node, GumboTag tag) {
  return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// class/id words that mark page furniture rather than the story.
bool HasBoilerplateName(const GumboNode* node) {
  static constexpr std::array<std::string_view, 22> kWords = {
      "nav",        "navbar",     "menu",      "footer",     "sidebar",
      "share",      "sharing",    "social",    "related",    "comments",
      "comment",    "advert",     "ad",        "ads",        "promo",
      "newsletter", "cookie",     "subscribe", "breadcrumb", "breadcrumbs",
      "masthead",   "recommended"};
  for (const char* attr_name : {"class", "id"}) {
    const char* value = Attribute(node, attr_name);
    if (value == nullptr) continue;
    std::string word;
    std::string lower = Lower(value);
    lower += ' ';
    for (char c : lower) {
      if (c == ' ' || c == '-' || c == '_' || c == '\t') {
        for (std::string_view w : kWords) {
          if (word == w) return true;
        }
        word.clear();
      } else {
        word += c;
      }
    }
  }
  return false;
}

// Elements whose content is never story text.
bool IsSkipped(const GumboNode* node) {
  if (node->type == GUMBO_NODE_TEMPLATE) return true;
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  switch (node->v.element.tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_HEAD:
      return true;
    default:
      break;
  }
  if (Attribute(node, "hidden") != nullptr) return true;
  if (const char* aria = Attribute(node, "aria-hidden")) {
    if (Lower(aria) == "true") return true;
  }
  if (const char* role = Attribute(node, "role")) {
    std::string r = Lower(role);
    if (r == "navigation" || r == "banner" || r == "contentinfo" ||
        r == "complementary" || r == "search" || r == "menu") {
      return true;
    }
  }
  return HasBoilerplateName(node);
}

// Phrasing elements: their edges are not word boundaries ("<b>deal</b>.").
bool IsInline(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_B:
    case GUMBO_TAG_I:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_U:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_S:
    case GUMBO_TAG_FONT:
      return true;
    default:
      return false;
  }
}

// Visible text of `node`, whitespace collapsed (script and style dropped).
void AppendText(const GumboNode* node, int depth, std::string* out) {
  if (depth > kMaxDepth) return;
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      out->append(node->v.text.text);
      return;
    case GUMBO_NODE_ELEMENT: {
      GumboTag tag = node->v.element.tag;
      if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE ||
          tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_TEMPLATE) {
        return;
      }
      if (tag == GUMBO_TAG_BR) {
        out->push_back(' ');
        return;
      }
      const GumboVector& children = node->v.element.children;
      for (unsigned i = 0; i < children.length; ++i) {
        AppendText(static_cast<const GumboNode*>(children.data[i]), depth + 1,
                   out);
      }
      // Block boundaries inside a paragraph still separate words.
      if (!IsInline(tag)) out->push_back(' ');
      return;
    }
    default:
      return;
  }
}

std::string TextOf(const GumboNode* node) {
  std::string raw;
  AppendText(node, 0, &raw);
  return CollapseSpaces(raw);
}

// Everything the metadata pass finds, in document order.
struct PageMeta {
  std::map<std::string, std::string> meta;  // lower-cased key -> first value
  std::vector<std::string> tags;            // every article:tag
  std::string title;
  std::string first_h1;           // first <h1> outside page furniture
  std::string first_h1_anywhere;  // a story's <h1> often sits in <header>
  std::string canonical;
  std::string time_datetime;   // first <time datetime>
  std::string item_published;  // first itemprop=datePublished element
  std::vector<const GumboNode*> articles;
  std::vector<const GumboNode*> paragraphs;  // <p> outside skipped subtrees
};

void CollectMeta(const GumboNode* node, int depth, bool skipped,
                 PageMeta* page) {
  if (depth > kMaxDepth || node->type != GUMBO_NODE_ELEMENT) return;
  GumboTag tag = node->v.element.tag;
  // Metadata lives in <head>, which the body walk skips; so skipping is
  // tracked, not enforced, here.
  bool inside_skipped = skipped || (tag != GUMBO_TAG_HEAD && IsSkipped(node));
  if (tag == GUMBO_TAG_META) {
    const char* content = Attribute(node, "content");
    if (content != nullptr) {
      for (const char* key_attr : {"property", "name", "itemprop"}) {
        if (const char* key = Attribute(node, key_attr)) {
          std::string k = Lower(key);
          if (k == "article:tag") page->tags.push_back(CollapseSpaces(content));
          page->meta.emplace(k, content);
        }
      }
    }
  } else if (tag == GUMBO_TAG_TITLE && page->title.empty()) {
    page->title = TextOf(node);
  } else if (tag == GUMBO_TAG_H1) {
    if (page->first_h1.empty() && !inside_skipped) {
      page->first_h1 = TextOf(node);
    }
    if (page->first_h1_anywhere.empty()) {
      page->first_h1_anywhere = TextOf(node);
    }
  } else if (tag == GUMBO_TAG_LINK && page->canonical.empty()) {
    const char* rel = Attribute(node, "rel");
    const char* href = Attribute(node, "href");
    if (rel && href && Lower(rel) == "canonical") page->canonical = href;
  } else if (tag == GUMBO_TAG_TIME && page->time_datetime.empty()) {
    if (const char* dt = Attribute(node, "datetime")) page->time_datetime = dt;
  } else if (tag == GUMBO_TAG_ARTICLE && !inside_skipped) {
    page->articles.push_back(node);
  } else if (tag == GUMBO_TAG_P && !inside_skipped) {
    page->paragraphs.push_back(node);
  }
  if (page->item_published.empty()) {
    const char* itemprop = Attribute(node, "itemprop");
    if (itemprop && Lower(itemprop) == "datepublished") {
      const char* value = Attribute(node, "datetime");
      if (value == nullptr) value = Attribute(node, "content");
      if (value != nullptr) page->item_published = value;
    }
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    CollectMeta(static_cast<const GumboNode*>(children.data[i]), depth + 1,
                inside_skipped, page);
  }
}

bool IsInside(const GumboNode* node, const GumboNode* container) {
  for (const GumboNode* n = node; n != nullptr; n = n->parent) {
    if (n == container) return true;
  }
  return false;
}

// True when a skipped element lies between `node` and `container`.
bool SkippedBelow(const GumboNode* node, const GumboNode* container) {
  for (const GumboNode* n = node->parent; n != nullptr && n != container;
       n = n->parent) {
    if (IsSkipped(n)) return true;
  }
  return false;
}

// Paragraph texts inside `container` (any container when null).
std::vector<std::string> ParagraphsIn(const PageMeta& page,
                                      const GumboNode* container) {
  std::vector<std::string> out;
  for (const GumboNode* p : page.paragraphs) {
    if (container != nullptr &&
        (!IsInside(p, container) || SkippedBelow(p, container))) {
      continue;
    }
    std::string text = TextOf(p);
    if (!text.empty()) out.push_back(std::move(text));
  }
  return out;
}

size_t TotalSize(const std::vector<std::string>& texts) {
  size_t n = 0;
  for (const std::string& t : texts) n += t.size();
  return n;
}

// The element that directly holds the most paragraph text. Parents of <p>
// score their children's text; a little of it also flows to the
// grandparent, so stories split into several sibling <div>s are still
// found as a whole.
const GumboNode* DensestContainer(const PageMeta& page) {
  std::map<const GumboNode*, double> score;
  for (const GumboNode* p : page.paragraphs) {
    double size = static_cast<double>(TextOf(p).size());
    if (p->parent == nullptr) continue;
    score[p->parent] += size;
    if (p->parent->parent != nullptr) score[p->parent->parent] += size * 0.5;
  }
  const GumboNode* best = nullptr;
  double best_score = 0;
  for (const auto& [node, s] : score) {
    if (s > best_score) {
      best = node;
      best_score = s;
    }
  }
  return best;
}

// Block-level text of `node` when a page has no <p> at all: text is cut
// into paragraphs at block element boundaries.
void CollectBlocks(const GumboNode* node, int depth, std::string* current,
                   std::vector<std::string>* out) {
  if (depth > kMaxDepth || IsSkipped(node)) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
    current->append(node->v.text.text);
    return;
  }
  if (node->type == GUMBO_NODE_WHITESPACE) {
    current->push_back(' ');
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  GumboTag tag = node->v.element.tag;
  bool inline_tag = IsInline(tag);
  auto flush = [&] {
    std::string text = CollapseSpaces(*current);
    if (!text.empty()) out->push_back(std::move(text));
    current->clear();
  };
  if (!inline_tag) flush();
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    CollectBlocks(static_cast<const GumboNode*>(children.data[i]), depth + 1,
                  current, out);
  }
  if (!inline_tag) flush();
}

std::optional<std::string> MetaValue(const PageMeta& page,
                                     std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    auto it = page.meta.find(key);
    if (it != page.meta.end() && !ingest::Trim(it->second).empty()) {
      return CollapseSpaces(it->second);
    }
  }
  return std::nullopt;
}

// "Story title | Outlet" and "Story title - Outlet" in <title>: drop the
// outlet when the story part is clearly the longer one.
std::string StripSiteName(std::string title) {
  for (std::string_view sep :
       {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    size_t at = title.rfind(sep);
    if (at != std::string::npos && at > title.size() - at) {
      title.resize(at);
    }
  }
  return title;
}

struct GumboDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

}  // namespace

Result<Document> ParseHtmlPage(std::string_view bytes, std::string_view name,
                               const IngestOptions& options) {
  // A page that is not UTF-8 but says what it is gets converted; anything
  // else not UTF-8 is reported with its byte offset like any text input.
  std::string converted;
  if (bytes.size() <= options.max_document_bytes &&
      std::memchr(bytes.data(), '\0', bytes.size()) == nullptr &&
      ingest::FindInvalidUtf8(bytes) != std::string_view::npos) {
    if (auto charset = ingest::DeclaredCharset(bytes)) {
      if (*charset != "utf-8" && *charset != "utf8") {
        if (auto utf8 = ingest::ConvertToUtf8(bytes, *charset)) {
          converted = std::move(*utf8);
          bytes = converted;
        }
      }
    }
  }
  DYAD_RETURN_IF_ERROR(
      ingest::CheckTextInput(bytes, name, options.max_document_bytes));
  std::unique_ptr<GumboOutput, GumboDeleter> output(gumbo_parse_with_options(
      &kGumboDefaultOptions, bytes.data(), bytes.size()));
  if (!output || output->root == nullptr) {
    return Internal(std::string(name) + ": the HTML parser failed");
  }
  PageMeta page;
  CollectMeta(output->root, 0, false, &page);

  Document doc;
  doc.doc_id = ingest::DocIdFromName(name);
  doc.source = std::string(name);
  doc.headline = MetaValue(page, {"og:title", "twitter:title"})
                     .value_or(!page.first_h1.empty() ? page.first_h1
                               : !page.first_h1_anywhere.empty()
                                   ? page.first_h1_anywhere
                                   : StripSiteName(page.title));
  doc.url = MetaValue(page, {"og:url"}).value_or(page.canonical);
  doc.section = MetaValue(page, {"article:section"}).value_or("");
  if (auto author = MetaValue(page, {"author", "article:author", "byl"})) {
    if (author->find("://") == std::string::npos) {
      doc.authors = ingest::SplitPeople(*author);
    }
  }
  if (!page.tags.empty()) {
    doc.categories = page.tags;
  } else if (auto keywords = MetaValue(page, {"keywords", "news_keywords"})) {
    doc.categories = ingest::SplitAndTrim(*keywords, ",;");
  }

  doc.published = options.published;
  std::vector<std::string> candidates;
  if (auto v =
          MetaValue(page, {"article:published_time", "og:published_time",
                           "date", "pubdate", "publishdate", "datepublished",
                           "dc.date", "dc.date.issued"})) {
    candidates.push_back(*v);
  }
  candidates.push_back(page.item_published);
  candidates.push_back(page.time_datetime);
  for (const std::string& candidate : candidates) {
    if (auto date = ingest::NormalizeDate(candidate)) {
      doc.published = *date;
      break;
    }
  }

  // Body: the <article> with the most paragraph text, else the densest
  // container, else block text of the whole page.
  const GumboNode* container = nullptr;
  std::vector<std::string> paragraphs;
  for (const GumboNode* article : page.articles) {
    std::vector<std::string> texts = ParagraphsIn(page, article);
    if (TotalSize(texts) > TotalSize(paragraphs)) {
      paragraphs = std::move(texts);
      container = article;
    }
  }
  if (paragraphs.empty()) {
    container = DensestContainer(page);
    if (container != nullptr) paragraphs = ParagraphsIn(page, container);
  }
  if (paragraphs.empty()) {
    const GumboNode* root =
        page.articles.empty() ? output->root : page.articles.front();
    std::string current;
    CollectBlocks(root, 0, &current, &paragraphs);
  }
  // The headline is usually repeated as the page's <h1> or first line.
  if (!paragraphs.empty() && paragraphs.front() == doc.headline) {
    paragraphs.erase(paragraphs.begin());
  }
  if (paragraphs.empty()) {
    return ParseError(std::string(name) + ": no article text found in HTML");
  }

  // The caption: the first <figcaption> of the story container.
  std::vector<const GumboNode*> stack = {container ? container : output->root};
  while (!stack.empty() && doc.caption.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    if (IsElement(node, GUMBO_TAG_FIGCAPTION)) {
      doc.caption = TextOf(node);
      continue;
    }
    if (node->v.element.tag == GUMBO_TAG_SCRIPT ||
        node->v.element.tag == GUMBO_TAG_STYLE) {
      continue;
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  // A caption that is also a paragraph is not repeated.
  std::erase(paragraphs, doc.caption);

  auto add = [&](PartKind kind, const std::string& text, int paragraph) {
    if (text.empty()) return;
    if (!doc.text.empty()) doc.text += "\n\n";
    Part part;
    part.kind = kind;
    part.span.begin = static_cast<uint32_t>(doc.text.size());
    doc.text += text;
    part.span.end = static_cast<uint32_t>(doc.text.size());
    part.paragraph = paragraph;
    doc.parts.push_back(part);
  };
  add(PartKind::kHeadline, doc.headline, 0);
  add(PartKind::kCaption, doc.caption, 0);
  int number = 0;
  for (const std::string& text : paragraphs) {
    add(PartKind::kBody, text, number++);
  }
  return doc;
}

}  // namespace dyad
