#include "analyze/conllu.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace dyad::analyze {
namespace {

Status LineError(std::string_view name, int line, std::string_view message) {
  return ParseError(std::string(name) + ":" + std::to_string(line) + ": " +
                    std::string(message));
}

bool ParseInt(std::string_view s, int* value) {
  if (s.empty()) return false;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), *value);
  return error == std::errc() && end == s.data() + s.size();
}

std::string Column(std::string_view s) {
  return s == "_" ? std::string() : std::string(s);
}

// "key = value" comments give the sentence and document ids.
bool CommentValue(std::string_view comment, std::string_view key,
                  std::string* value) {
  if (comment.substr(0, key.size()) != key) return false;
  std::string_view rest = comment.substr(key.size());
  size_t i = 0;
  while (i < rest.size() && rest[i] == ' ') ++i;
  if (i >= rest.size() || rest[i] != '=') return false;
  ++i;
  while (i < rest.size() && rest[i] == ' ') ++i;
  *value = std::string(rest.substr(i));
  return true;
}

class Parser {
 public:
  explicit Parser(std::string_view name) : name_(name) {}

  Status Line(std::string_view line, int number) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) return EndSentence(number);
    if (!in_sentence_) {
      in_sentence_ = true;
      current_ = ConlluSentence();
      current_.line = number;
      current_.newdoc_id = newdoc_id_;
    }
    if (line[0] == '#') {
      if (!current_.words.empty() || !current_.multiwords.empty()) {
        return LineError(name_, number, "comment line inside a sentence");
      }
      std::string_view comment = line.substr(1);
      if (!comment.empty() && comment[0] == ' ') comment.remove_prefix(1);
      std::string value;
      if (CommentValue(comment, "newdoc id", &value)) {
        newdoc_id_ = value;
        current_.newdoc_id = value;
      } else if (CommentValue(comment, "sent_id", &value)) {
        current_.sent_id = value;
      }
      current_.comments.emplace_back(comment);
      return Status::Ok();
    }
    std::string_view columns[10];
    size_t count = 0;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      if (count == 10) {
        return LineError(name_, number, "more than 10 tab-separated columns");
      }
      columns[count++] = line.substr(start, tab == std::string_view::npos
                                                ? std::string_view::npos
                                                : tab - start);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (count != 10) {
      return LineError(
          name_, number,
          "expected 10 tab-separated columns, found " + std::to_string(count));
    }
    std::string_view id = columns[0];
    if (id.find('.') != std::string_view::npos) {
      // An empty node: check its shape, then leave it out.
      size_t dot = id.find('.');
      int whole = 0, part = 0;
      if (!ParseInt(id.substr(0, dot), &whole) ||
          !ParseInt(id.substr(dot + 1), &part) || whole < 0 || part < 1) {
        return LineError(name_, number,
                         "bad empty-node ID '" + std::string(id) + "'");
      }
      return Status::Ok();
    }
    size_t dash = id.find('-');
    int expected = static_cast<int>(current_.words.size()) + 1;
    if (dash != std::string_view::npos) {
      ConlluMultiword range;
      if (!ParseInt(id.substr(0, dash), &range.first) ||
          !ParseInt(id.substr(dash + 1), &range.last) ||
          range.last <= range.first) {
        return LineError(name_, number,
                         "bad multiword range '" + std::string(id) + "'");
      }
      if (range.first != expected) {
        return LineError(name_, number,
                         "multiword range '" + std::string(id) +
                             "' does not start at the next word " +
                             std::to_string(expected));
      }
      range.form = std::string(columns[1]);
      range.misc = Column(columns[9]);
      current_.multiwords.push_back(std::move(range));
      return Status::Ok();
    }
    ConlluWord word;
    if (!ParseInt(id, &word.id) || word.id < 1) {
      return LineError(name_, number, "bad word ID '" + std::string(id) + "'");
    }
    if (word.id != expected) {
      return LineError(name_, number,
                       "word ID " + std::to_string(word.id) +
                           " out of order, expected " +
                           std::to_string(expected));
    }
    word.form = std::string(columns[1]);
    // A lemma "_" of the word "_" is a real underscore.
    word.lemma = (columns[2] == "_" && columns[1] != "_")
                     ? std::string()
                     : std::string(columns[2]);
    word.upos = Column(columns[3]);
    word.xpos = Column(columns[4]);
    word.feats = Column(columns[5]);
    if (columns[6] != "_" &&
        (!ParseInt(columns[6], &word.head) || word.head < 0)) {
      return LineError(name_, number,
                       "bad HEAD '" + std::string(columns[6]) + "'");
    }
    word.deprel = Column(columns[7]);
    word.deps = Column(columns[8]);
    word.misc = Column(columns[9]);
    current_.words.push_back(std::move(word));
    return Status::Ok();
  }

  Status EndSentence(int number) {
    if (!in_sentence_) return Status::Ok();
    in_sentence_ = false;
    int words = static_cast<int>(current_.words.size());
    for (const ConlluMultiword& range : current_.multiwords) {
      if (range.last > words) {
        return LineError(name_, number - 1,
                         "multiword range " + std::to_string(range.first) +
                             "-" + std::to_string(range.last) +
                             " goes past the last word");
      }
    }
    for (const ConlluWord& word : current_.words) {
      if (word.head > words) {
        return LineError(name_, current_.line,
                         "HEAD " + std::to_string(word.head) + " of word " +
                             std::to_string(word.id) +
                             " is past the last word");
      }
    }
    if (words == 0) {
      // Comments only (a trailing "# newdoc" block): not a sentence.
      if (current_.multiwords.empty()) return Status::Ok();
      return LineError(name_, current_.line, "sentence without words");
    }
    sentences_.push_back(std::move(current_));
    return Status::Ok();
  }

  std::vector<ConlluSentence>& sentences() { return sentences_; }

 private:
  std::string_view name_;
  bool in_sentence_ = false;
  ConlluSentence current_;
  std::string newdoc_id_;
  std::vector<ConlluSentence> sentences_;
};

}  // namespace

Result<std::vector<ConlluSentence>> ParseConllu(std::string_view text,
                                                std::string_view name) {
  Parser parser(name);
  int number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) newline = text.size();
    DYAD_RETURN_IF_ERROR(
        parser.Line(text.substr(start, newline - start), ++number));
    start = newline + 1;
  }
  DYAD_RETURN_IF_ERROR(parser.EndSentence(number + 1));
  return std::move(parser.sentences());
}

Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return IoError(path + ": read failed");
  return ParseConllu(buffer.str(), path);
}

void AppendConllu(const ConlluSentence& sentence, std::string* out) {
  auto column = [out](const std::string& s) {
    out->append(s.empty() ? "_" : s);
  };
  for (const std::string& comment : sentence.comments) {
    out->append("# ");
    out->append(comment);
    out->push_back('\n');
  }
  size_t next_range = 0;
  for (const ConlluWord& word : sentence.words) {
    while (next_range < sentence.multiwords.size() &&
           sentence.multiwords[next_range].first <= word.id) {
      const ConlluMultiword& range = sentence.multiwords[next_range++];
      out->append(std::to_string(range.first) + "-" +
                  std::to_string(range.last) + "\t");
      column(range.form);
      out->append("\t_\t_\t_\t_\t_\t_\t_\t");
      column(range.misc);
      out->push_back('\n');
    }
    out->append(std::to_string(word.id));
    out->push_back('\t');
    column(word.form);
    out->push_back('\t');
    column(word.lemma);
    out->push_back('\t');
    column(word.upos);
    out->push_back('\t');
    column(word.xpos);
    out->push_back('\t');
    column(word.feats);
    out->push_back('\t');
    out->append(word.head < 0 ? "_" : std::to_string(word.head));
    out->push_back('\t');
    column(word.deprel);
    out->push_back('\t');
    column(word.deps);
    out->push_back('\t');
    column(word.misc);
    out->push_back('\n');
  }
  out->push_back('\n');
}

}  // namespace dyad::analyze
