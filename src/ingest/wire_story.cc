// ParseWireStory: plain-text wire stories laid out as newsroom systems
// export them:
//
//   Defense                                  <- section (optional)
//   NATO chief wants firmer ties with ...    <- headline (optional)
//   NATO Secretary-General ... yesterday     <- photo caption (optional)
//   body paragraph ...                       <- body, one or more
//   ... last paragraph.  NAMES, CITY, OUTLET/AGENCY   <- byline, glued or not
//   Categories Asia-Pacific                  <- footer (optional)
//
// blocks separated by blank lines. Each zone is recognised by its shape, not
// by position alone, so stories that lack some zones (or are nothing but
// paragraphs) come out with everything else as body. The heuristics and the
// reasons for them are next to each test below.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "dyad/ingest.h"
#include "ingest/byline.h"
#include "ingest/doc_id.h"
#include "ingest/input_check.h"
#include "ingest/names.h"
#include "ingest/paragraphs.h"
#include "ingest/text_util.h"

namespace dyad {
namespace {

using ingest::Block;
using ingest::Byline;
using ingest::CollapseSpaces;
using ingest::SpaceLengthAt;
using ingest::SpaceLengthBefore;

std::vector<std::string> LowerWords(std::string_view s) {
  std::vector<std::string> words;
  std::string word;
  for (char c : s) {
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9') || (c & 0x80);
    if (letter) {
      word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool EndsWithAny(std::string_view s,
                 std::initializer_list<std::string_view> endings) {
  for (std::string_view e : endings) {
    if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) return true;
  }
  return false;
}

constexpr std::string_view kOpenCurly = "\xE2\x80\x9C";    // “
constexpr std::string_view kCloseCurly = "\xE2\x80\x9D";   // ”
constexpr std::string_view kCloseSingle = "\xE2\x80\x99";  // ’

bool EndsWithQuote(std::string_view s) {
  return EndsWithAny(s, {kCloseCurly, kCloseSingle, "\"", "'"});
}

// Sentence-final punctuation, including a period or comma tucked inside a
// closing quote (”.” or .”).
bool EndsLikeSentence(std::string_view s) {
  return EndsWithAny(s, {".", "!", "?", ",", ";", ":"}) || EndsWithQuote(s);
}

// A section line is a newsroom desk name: one to four capitalised words
// ("Defense", "Asia-Pacific", "Middle East & Africa"), no punctuation at the
// end. Lower-case words other than connectors mean it is a short headline.
bool LooksLikeSection(std::string_view s, const Block& b) {
  if (b.lines != 1 || s.size() > 40 || EndsLikeSentence(s)) return false;
  size_t words = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t n = SpaceLengthAt(s, i);
    if (n > 0) {
      i += n;
      continue;
    }
    size_t end = i;
    while (end < s.size() && SpaceLengthAt(s, end) == 0) ++end;
    std::string_view word = s.substr(i, end - i);
    ++words;
    bool connector = word == "&" || word == "and" || word == "of" ||
                     word == "the" || word == "-" || word == "/";
    unsigned char c = static_cast<unsigned char>(word[0]);
    bool capital =
        (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (!connector && !capital) return false;
    i = end;
  }
  return words >= 1 && words <= 4;
}

// A headline is one line of at most ~30 words that does not end like a
// sentence: wire headlines drop the final period, and a line ending in a
// quote or a comma is the start of a body paragraph, not a headline. '?'
// and '!' are allowed ("Is the ceasefire holding?").
bool LooksLikeHeadline(std::string_view s, const Block& b) {
  if (b.lines > 2 || s.size() > 250 || ingest::CountWords(s) > 30) return false;
  if (EndsWithAny(s, {".", ",", ";", ":"}) || EndsWithQuote(s)) return false;
  return true;
}

// Whether the block after the headline is a photo caption rather than the
// lede. Scored, because no single cue is reliable:
//  +2 no sentence-final punctuation (this layout prints captions without
//     a final period; ledes nearly always have one),
//  +3 a photo credit or marker ("AP Photo", "Photo:", "/AFP", "Getty"),
//  +1 a present-tense picture verb ("delivers", "speaks", "waves"...):
//     captions describe the picture as it happens, ledes report in the past,
//  +1 ends with a time word ("yesterday", "on Monday", a year),
//  +1 a position cue ("left", "right", "(L)") as in group photos,
//  -3 ends in a closing quote: that is a quoted lede,
//  -2 contains an opening quote, or a reporting verb ("said", "says"),
//  -2 more than 60 words, -1 more than one sentence or more than one line.
// A caption needs 2 or more.
bool LooksLikeCaption(std::string_view s, const Block& b) {
  int score = 0;
  if (!EndsWithAny(s, {".", "!", "?", ";", ","}) && !EndsWithQuote(s)) {
    score += 2;
  }
  for (std::string_view marker :
       {"AP Photo", "Photo:", "PHOTO:", "photo by", "Photo by", "/AFP", "(AFP",
        "Reuters/", "(Reuters", "Getty", "/EPA", "Xinhua/", "(File)",
        "File photo", "FILE PHOTO", "pictured"}) {
    if (s.find(marker) != std::string_view::npos) {
      score += 3;
      break;
    }
  }
  static constexpr std::array<std::string_view, 36> kPictureVerbs = {
      "delivers", "speaks",   "attends",    "arrives", "waves",     "shakes",
      "greets",   "gestures", "walks",      "stands",  "sits",      "looks",
      "poses",    "listens",  "holds",      "talks",   "addresses", "inspects",
      "reviews",  "salutes",  "leaves",     "prays",   "marches",   "gather",
      "gathers",  "protest",  "protesters", "carries", "smiles",    "embraces",
      "lays",     "hug",      "hugs",       "rides",   "votes",     "watches"};
  std::vector<std::string> words = LowerWords(s);
  bool picture_verb = false, position = false, reporting = false;
  for (const std::string& w : words) {
    for (std::string_view v : kPictureVerbs) picture_verb |= (w == v);
    position |=
        (w == "left" || w == "right" || w == "center" || w == "l" || w == "r");
    reporting |= (w == "said" || w == "says" || w == "told");
  }
  if (picture_verb) score += 1;
  if (position) score += 1;
  if (!words.empty()) {
    static constexpr std::array<std::string_view, 10> kTimeWords = {
        "yesterday", "today",  "monday",   "tuesday", "wednesday",
        "thursday",  "friday", "saturday", "sunday",  "tonight"};
    const std::string& last = words.back();
    bool time_word = std::find(kTimeWords.begin(), kTimeWords.end(), last) !=
                     kTimeWords.end();
    bool year = last.size() == 4 && last[0] >= '1' && last[0] <= '2' &&
                std::all_of(last.begin(), last.end(),
                            [](char c) { return c >= '0' && c <= '9'; });
    if (time_word || year) score += 1;
  }
  if (EndsWithQuote(s)) score -= 3;
  if (s.find(kOpenCurly) != std::string_view::npos ||
      s.find('"') != std::string_view::npos || reporting) {
    score -= 2;
  }
  if (words.size() > 60) score -= 2;
  size_t sentence_breaks = 0;
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i + 1] == ' ' &&
        s[i + 2] >= 'A' && s[i + 2] <= 'Z') {
      ++sentence_breaks;
    }
  }
  if (sentence_breaks > 1 || b.lines > 1) score -= 1;
  return score >= 2;
}

// "Categories Asia-Pacific" or "Categories: Politics, Europe". Items are
// separated by commas, semicolons, pipes or a wide gap (2+ spaces or a
// tab); single spaces stay inside a name ("Middle East").
std::optional<std::vector<std::string>> ParseCategories(std::string_view s,
                                                        const Block& b) {
  if (b.lines != 1 || s.size() > 300) return std::nullopt;
  std::string_view rest;
  for (std::string_view word : {"categories", "category"}) {
    if (ingest::StartsWithIgnoreCase(s, word)) {
      rest = s.substr(word.size());
      break;
    }
  }
  if (rest.data() == nullptr) return std::nullopt;
  if (!rest.empty() && rest[0] != ':' && SpaceLengthAt(rest, 0) == 0) {
    return std::nullopt;  // "Categorically..." is a sentence
  }
  if (!rest.empty() && rest[0] == ':') rest.remove_prefix(1);
  if (EndsWithAny(ingest::Trim(rest), {"."})) return std::nullopt;
  std::string marked;
  for (size_t i = 0; i < rest.size();) {
    size_t run = 0, chars = 0;
    bool tab = false;
    while (size_t n = SpaceLengthAt(rest, i + run)) {
      tab |= rest[i + run] == '\t';
      run += n;
      ++chars;
    }
    if (run > 0) {
      marked += (chars >= 2 || tab) ? ',' : ' ';
      i += run;
      continue;
    }
    marked += rest[i++];
  }
  return ingest::SplitAndTrim(marked, ",;|");
}

// A byline glued to the end of the last paragraph, as in "...in the
// region.  MARI YAMAGUCHI & HARUKA NUGA, TOKYO, MDT/AP". Candidates start
// after a gap of two or more space characters (the usual glue, often a
// no-break space and a space) or after sentence-final punctuation and one
// space; each is checked, nearest the end first, by ParseByline with the
// capitals test, so an ordinary last sentence is never taken for a byline.
// Returns the byte where the byline starts and the end of the body before
// the gap.
struct GluedByline {
  size_t body_end;
  size_t byline_begin;
  Byline byline;
};
std::optional<GluedByline> FindGluedByline(std::string_view text,
                                           const Block& b) {
  size_t pos = b.end;
  while (pos > b.begin) {
    size_t j = pos;
    while (j > b.begin && SpaceLengthBefore(text, j) == 0) --j;
    if (j <= b.begin) break;
    size_t run_end = j;
    int chars = 0;
    while (j > b.begin) {
      size_t n = SpaceLengthBefore(text, j);
      if (n == 0) break;
      j -= n;
      ++chars;
    }
    size_t run_begin = j;
    if (b.end - run_end > 200) break;
    if (run_begin == b.begin) break;  // the whole block: not glued
    std::string_view before = text.substr(b.begin, run_begin - b.begin);
    bool after_sentence =
        EndsWithAny(before, {".", "!", "?"}) || EndsWithQuote(before);
    if (chars >= 2 || after_sentence) {
      if (auto byline = ingest::ParseByline(
              text.substr(run_end, b.end - run_end), true)) {
        return GluedByline{run_begin, run_end, std::move(*byline)};
      }
    }
    pos = run_begin;
  }
  return std::nullopt;
}

// A dateline opening the lede, as agencies print it: "TOKYO (AP) — ",
// "KYIV, Ukraine (AP) — ", "TOKYO, Feb 1 (Reuters) - ". It is cut off the
// body span because a coder would otherwise read the capitalised city as
// the subject of the first sentence. The city must be in capitals, the
// agency in parentheses and the whole dateline short, so an ordinary
// sentence with a dash is untouched.
struct LedeDateline {
  std::string city;
  std::string agency;
  size_t body_offset;  // where the sentence starts, relative to the block
};
std::optional<LedeDateline> FindLedeDateline(std::string_view para) {
  static constexpr std::array<std::string_view, 4> kDashes = {
      " \xE2\x80\x94 ", " \xE2\x80\x93 ", " -- ", " - "};
  size_t dash = std::string_view::npos, dash_size = 0;
  for (std::string_view d : kDashes) {
    size_t at = para.substr(0, 80).find(d);
    if (at < dash) {
      dash = at;
      dash_size = d.size();
    }
  }
  if (dash == std::string_view::npos || dash == 0) return std::nullopt;
  std::string_view prefix = ingest::Trim(para.substr(0, dash));
  LedeDateline out;
  if (!prefix.empty() && prefix.back() == ')') {
    size_t open = prefix.rfind('(');
    if (open == std::string_view::npos || prefix.size() - open > 24) {
      return std::nullopt;
    }
    out.agency = std::string(
        ingest::Trim(prefix.substr(open + 1, prefix.size() - open - 2)));
    prefix = ingest::Trim(prefix.substr(0, open));
  }
  // Without the agency in parentheses "NATO — the alliance — said" would
  // pass for a dateline; acronyms in capitals open many ordinary ledes.
  if (out.agency.empty()) return std::nullopt;
  std::string_view city = prefix.substr(0, prefix.find(','));
  city = ingest::Trim(city);
  if (city.empty() || ingest::CountWords(city) > 4 ||
      !ingest::IsMostlyUpper(city)) {
    return std::nullopt;
  }
  for (char c : city) {
    bool ok = (c >= 'A' && c <= 'Z') || c == ' ' || c == '-' || c == '\'' ||
              c == '.' || (c & 0x80);
    if (!ok) return std::nullopt;
  }
  out.city = ingest::TitleCaseName(city);
  out.body_offset = dash + dash_size;
  return out;
}

void ApplyByline(Byline byline, Document* doc) {
  doc->authors = std::move(byline.authors);
  doc->dateline = std::move(byline.dateline);
  doc->agency = std::move(byline.agency);
}

Part MakePart(PartKind kind, size_t begin, size_t end, int paragraph = 0) {
  Part part;
  part.kind = kind;
  part.span = Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  part.paragraph = paragraph;
  return part;
}

}  // namespace

Result<Document> ParseWireStory(std::string_view bytes, std::string_view name,
                                const IngestOptions& options) {
  DYAD_RETURN_IF_ERROR(
      ingest::CheckTextInput(bytes, name, options.max_document_bytes));
  if (bytes.size() > UINT32_MAX) {
    return InvalidArgument(std::string(name) +
                           ": input above 4 GiB cannot be indexed");
  }
  Document doc;
  doc.doc_id = ingest::DocIdFromName(name);
  doc.source = std::string(name);
  doc.text = std::string(bytes);
  doc.published = options.published;
  const std::string_view text = doc.text;
  auto slice = [&](const Block& b) {
    return text.substr(b.begin, b.end - b.begin);
  };

  std::vector<Block> blocks =
      ingest::SplitBlocks(text, ingest::Utf8BomLength(text));
  size_t first = 0, last = blocks.size();  // content blocks: [first, last)
  std::vector<Part> parts;

  // Footer first, then byline, so the header heuristics see only content.
  if (last - first >= 2) {
    if (auto cats =
            ParseCategories(slice(blocks[last - 1]), blocks[last - 1])) {
      doc.categories = std::move(*cats);
      parts.push_back(MakePart(PartKind::kCategories, blocks[last - 1].begin,
                               blocks[last - 1].end));
      --last;
    }
  }
  bool have_byline = false;
  std::optional<size_t> glued_body_end;
  if (last - first >= 2) {
    const Block& b = blocks[last - 1];
    if (auto byline = ingest::ParseByline(slice(b), false)) {
      ApplyByline(std::move(*byline), &doc);
      parts.push_back(MakePart(PartKind::kByline, b.begin, b.end));
      have_byline = true;
      --last;
    }
  }
  if (!have_byline && last > first) {
    if (auto glued = FindGluedByline(text, blocks[last - 1])) {
      ApplyByline(std::move(glued->byline), &doc);
      parts.push_back(MakePart(PartKind::kByline, glued->byline_begin,
                               blocks[last - 1].end));
      glued_body_end = glued->body_end;
      have_byline = true;
    }
  }

  // Header zones need at least one block left for the body after them.
  if (last - first >= 3 &&
      LooksLikeSection(slice(blocks[first]), blocks[first]) &&
      LooksLikeHeadline(slice(blocks[first + 1]), blocks[first + 1])) {
    doc.section = CollapseSpaces(slice(blocks[first]));
    parts.push_back(
        MakePart(PartKind::kSection, blocks[first].begin, blocks[first].end));
    ++first;
  }
  if (last - first >= 2 &&
      LooksLikeHeadline(slice(blocks[first]), blocks[first])) {
    doc.headline = CollapseSpaces(slice(blocks[first]));
    parts.push_back(
        MakePart(PartKind::kHeadline, blocks[first].begin, blocks[first].end));
    ++first;
    // A "By ..." line under the headline, as some outlets print it, before
    // or after the caption; it has no final period, so test it first.
    auto take_top_byline = [&] {
      if (have_byline || last - first < 2 ||
          !ingest::StartsWithIgnoreCase(slice(blocks[first]), "by ")) {
        return;
      }
      if (auto byline = ingest::ParseByline(slice(blocks[first]), false)) {
        ApplyByline(std::move(*byline), &doc);
        parts.push_back(MakePart(PartKind::kByline, blocks[first].begin,
                                 blocks[first].end));
        have_byline = true;
        ++first;
      }
    };
    take_top_byline();
    if (last - first >= 2 &&
        LooksLikeCaption(slice(blocks[first]), blocks[first])) {
      doc.caption = CollapseSpaces(slice(blocks[first]));
      parts.push_back(
          MakePart(PartKind::kCaption, blocks[first].begin, blocks[first].end));
      ++first;
    }
    take_top_byline();
  }

  int paragraph = 0;
  for (size_t k = first; k < last; ++k) {
    size_t begin = blocks[k].begin;
    size_t end = blocks[k].end;
    if (k + 1 == last && glued_body_end) end = *glued_body_end;
    if (k == first && end > begin) {
      if (auto dateline = FindLedeDateline(text.substr(begin, end - begin))) {
        if (begin + dateline->body_offset < end) {
          if (doc.dateline.empty()) doc.dateline = dateline->city;
          if (doc.agency.empty()) doc.agency = dateline->agency;
          begin += dateline->body_offset;
        }
      }
    }
    parts.push_back(MakePart(PartKind::kBody, begin, end, paragraph++));
  }
  std::stable_sort(
      parts.begin(), parts.end(),
      [](const Part& a, const Part& b) { return a.span.begin < b.span.begin; });
  doc.parts = std::move(parts);
  return doc;
}

}  // namespace dyad
