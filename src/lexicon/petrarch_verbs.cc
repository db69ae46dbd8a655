// PETRARCH-2 verb dictionaries (CAMEO.2.0.txt and the validation suites):
// synsets, verb blocks, verb forms and patterns.
#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "dyad/petrarch_lexicon.h"
#include "lexicon/petrarch_common.h"

namespace dyad {

using petrarch_internal::CleanLine;
using petrarch_internal::CleanLines;
using petrarch_internal::CleanText;
using petrarch_internal::ErrorSink;
using petrarch_internal::ParseEventCode;
using petrarch_internal::PluralOf;
using petrarch_internal::RegularVerbForms;
using petrarch_internal::SplitBlocks;
using petrarch_internal::Trim;
using petrarch_internal::Upper;
using petrarch_internal::WalkLines;

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// "&AUXVERB1_" -> "AUXVERB1" (the "_" only turns plurals off).
std::string SynsetLabel(std::string_view line, bool* no_plural) {
  std::string_view name = Trim(line.substr(1));
  size_t blank = name.find_first_of(" \t");
  name = name.substr(0, blank);
  *no_plural = !name.empty() && name.back() == '_';
  while (!name.empty() && name.back() == '_') name.remove_suffix(1);
  return Upper(name);
}

PatternToken WordToken(std::string_view text) {
  PatternToken token;
  token.kind = PatternToken::Kind::kWord;
  token.word.text = Upper(text);
  token.word.match = WordMatch::kExact;
  return token;
}

void SetConnected(PatternToken* token, bool connected) {
  token->connected = connected;
  if (token->kind == PatternToken::Kind::kWord)
    token->word.connected = connected;
}

// One parsed element of a pattern: a token or the verb's place ("*").
struct Element {
  bool verb = false;
  PatternToken token;
  bool connected = false;               // "_" joins it to the next element
  size_t end = std::string_view::npos;  // where a word ended in its text
};

// Reads pattern and synset text into elements. PETRARCH-2 syntax on top of
// TABARI's: "{MOD HEAD}" is a noun phrase (its words adjacent), "(PREP
// NOUN)" a prepositional phrase; "{A | B}" keeps TABARI's alternatives.
class TokenReader {
 public:
  explicit TokenReader(const std::set<std::string>& synsets)
      : synsets_(synsets) {}

  // Returns false with error() set on malformed text.
  bool Read(std::string_view s, bool allow_verb, std::vector<Element>* out,
            int depth = 0) {
    if (depth > 4) return Fail("phrases nested too deeply");
    size_t i = 0;
    while (i < s.size()) {
      char c = s[i];
      if (IsBlank(c)) {
        ++i;
      } else if (c == '_') {
        if (!out->empty()) out->back().connected = true;
        ++i;
      } else if (c == '{' || c == '(') {
        char close_char = c == '{' ? '}' : ')';
        size_t close = s.find(close_char, i + 1);
        if (close == std::string_view::npos)
          return Fail(std::string("unclosed '") + c + "' (missing '" +
                      close_char + "')");
        std::string_view inner = s.substr(i + 1, close - i - 1);
        if (inner.find(c) != std::string_view::npos)
          return Fail(std::string("nested '") + c + "'");
        if (!ReadGroup(c, inner, out, depth)) return false;
        i = close + 1;
      } else if ((c == ')' || c == '}') && !out->empty() &&
                 out->back().end == i) {
        // "(WITH VISIT) VISIT)" in CAMEO.2.0.txt: PETRARCH-2 drops an
        // element that closes a phrase never opened; so does dyad.
        out->pop_back();
        ++i;
      } else if (c == '}' || c == ')' || c == '[' || c == ']' || c == '|') {
        return Fail(std::string("unexpected '") + c + "'");
      } else if (c == '*') {
        if (!allow_verb) return Fail("'*' inside a phrase or synset");
        Element e;
        e.verb = true;
        out->push_back(std::move(e));
        ++i;
      } else if (c == '&') {
        i = ReadSynset(s, i, out);
        if (!error_.empty()) return false;
      } else {
        size_t j = i;
        while (j < s.size() && !IsBlank(s[j]) &&
               std::string_view("_{}()*[]|").find(s[j]) ==
                   std::string_view::npos)
          ++j;
        std::string_view word = s.substr(i, j - i);
        Element e;
        if (word == "$")
          e.token.kind = PatternToken::Kind::kSource;
        else if (word == "+")
          e.token.kind = PatternToken::Kind::kTarget;
        else if (word == "%")
          e.token.kind = PatternToken::Kind::kCompound;
        else if (word == "^")
          e.token.kind = PatternToken::Kind::kSkip;
        else
          e.token = WordToken(word);
        e.end = j;
        out->push_back(std::move(e));
        i = j;
      }
    }
    return true;
  }

  const std::string& error() const { return error_; }
  bool undefined_synset() const { return undefined_synset_; }
  const std::string& undefined_name() const { return undefined_name_; }

 private:
  bool Fail(std::string message) {
    error_ = std::move(message);
    return false;
  }

  bool ReadGroup(char open, std::string_view inner, std::vector<Element>* out,
                 int depth) {
    if (open == '{' && inner.find('|') != std::string_view::npos) {
      Element e;
      e.token.kind = PatternToken::Kind::kAlternatives;
      size_t start = 0;
      while (start <= inner.size()) {
        size_t bar = inner.find('|', start);
        if (bar == std::string_view::npos) bar = inner.size();
        std::vector<Element> alternative;
        if (!Read(inner.substr(start, bar - start), false, &alternative,
                  depth + 1))
          return false;
        if (alternative.empty()) return Fail("empty alternative in {...|...}");
        e.token.alternatives.push_back(Tokens(alternative));
        start = bar + 1;
      }
      out->push_back(std::move(e));
      return true;
    }
    std::vector<Element> group;
    if (!Read(inner, false, &group, depth + 1)) return false;
    if (group.empty())
      return Fail(open == '{' ? "empty noun phrase {}"
                              : "empty prepositional phrase ()");
    // The words of a noun phrase are adjacent; a preposition may be
    // separated from its noun ("TO BORDER" ~ "to the border").
    if (open == '{')
      for (size_t k = 0; k + 1 < group.size(); ++k) {
        group[k].connected = true;
        group[k].token.within_phrase = true;
      }
    for (Element& e : group) out->push_back(std::move(e));
    return true;
  }

  // Reads "&NAME" at s[i]; the name is the longest synset defined in the
  // file that the "_"-separated text starts with ("&TIETYPES_MEMOS" is
  // &TIETYPES then MEMOS). Returns the index after what was consumed.
  size_t ReadSynset(std::string_view s, size_t i, std::vector<Element>* out) {
    size_t j = i + 1;
    while (j < s.size() && !IsBlank(s[j]) &&
           std::string_view("{}()*[]|&").find(s[j]) == std::string_view::npos)
      ++j;
    std::string full = Upper(s.substr(i + 1, j - i - 1));
    while (!full.empty() && full.back() == '_') full.pop_back();
    if (full.empty()) {
      Fail("'&' without a synset name");
      return j;
    }
    std::string name = full;
    while (synsets_.count(name) == 0) {
      size_t cut = name.rfind('_');
      if (cut == std::string::npos) {
        name.clear();
        break;
      }
      name.resize(cut);
    }
    Element e;
    e.token.kind = PatternToken::Kind::kSynset;
    if (name.empty()) {
      undefined_synset_ = true;
      if (undefined_name_.empty()) undefined_name_ = full;
      e.token.synset = full;
      out->push_back(std::move(e));
      return j;
    }
    e.token.synset = name;
    out->push_back(std::move(e));
    return i + 1 + name.size();
  }

 public:
  static std::vector<PatternToken> Tokens(std::vector<Element>& elements) {
    std::vector<PatternToken> tokens;
    for (Element& e : elements) {
      SetConnected(&e.token, e.connected);
      tokens.push_back(std::move(e.token));
    }
    if (!tokens.empty()) SetConnected(&tokens.back(), false);
    return tokens;
  }

 private:
  const std::set<std::string>& synsets_;
  std::string error_;
  bool undefined_synset_ = false;
  std::string undefined_name_;
};

// A verb as written: "WIRE_+TAP" is the phrase WIRE TAP whose verb is TAP.
struct VerbPhrase {
  Phrase phrase;
  size_t verb = 0;  // index of the inflected word
};

bool ParseVerbPhrase(std::string_view text, VerbPhrase* out,
                     std::string* error) {
  out->phrase.words.clear();
  out->verb = 0;
  bool marked = false;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (IsBlank(c)) {
      if (!out->phrase.words.empty())
        out->phrase.words.back().connected = false;
      ++i;
      continue;
    }
    if (c == '_') {
      if (!out->phrase.words.empty()) out->phrase.words.back().connected = true;
      ++i;
      continue;
    }
    bool plus = c == '+';
    if (plus) ++i;
    size_t j = i;
    while (j < text.size() && !IsBlank(text[j]) && text[j] != '_') ++j;
    std::string_view word = text.substr(i, j - i);
    if (word.empty()) {
      *error = "'+' must stand before the verb word of a multi-word verb";
      return false;
    }
    if (word.find_first_of("[]{}()*&$%^+|") != std::string_view::npos) {
      *error =
          std::string("unexpected character in verb \"").append(word) + "\"";
      return false;
    }
    if (plus) {
      if (marked) {
        *error =
            std::string("more than one word marked '+' in \"").append(text) +
            "\"";
        return false;
      }
      marked = true;
      out->verb = out->phrase.words.size();
    }
    PhraseWord w;
    w.text = Upper(word);
    w.match = WordMatch::kExact;
    out->phrase.words.push_back(std::move(w));
    i = j;
  }
  if (out->phrase.words.empty()) {
    *error = "empty verb";
    return false;
  }
  out->phrase.words.back().connected = false;
  return true;
}

struct VerbLine {
  Phrase root;
  std::vector<Phrase> forms;
  EventCode code;
  SourceLine origin;
};

std::string CodeKey(const EventCode& code) {
  return code.code + ":" + code.paired + (code.subordinate ? "?" : "") +
         (code.dominant ? "!" : "");
}

// A "--- NAME [CODE] ---" block being read.
struct Block {
  bool open = false;
  int line = 0;
  EventCode code;
  std::vector<VerbLine> verbs;
  std::vector<VerbPattern> patterns;
};

// Appends the block's verbs to the lexicon, one Verb per event code.
void FinishBlock(Block* block, Lexicon* lexicon) {
  std::vector<std::string> keys;
  std::vector<Verb> verbs;
  for (VerbLine& line : block->verbs) {
    std::string key = CodeKey(line.code);
    auto it = std::find(keys.begin(), keys.end(), key);
    if (it == keys.end()) {
      keys.push_back(key);
      Verb verb;
      verb.root = std::move(line.root);
      verb.forms = std::move(line.forms);
      verb.code = line.code;
      verb.origin = line.origin;
      verbs.push_back(std::move(verb));
    } else {
      Verb& verb = verbs[it - keys.begin()];
      verb.forms.push_back(std::move(line.root));
      for (Phrase& form : line.forms) verb.forms.push_back(std::move(form));
    }
  }
  for (size_t k = 0; k < verbs.size(); ++k) {
    if (k + 1 == verbs.size())
      verbs[k].patterns = std::move(block->patterns);
    else
      verbs[k].patterns = block->patterns;
    lexicon->verbs.push_back(std::move(verbs[k]));
  }
  *block = Block();
}

class VerbFileReader {
 public:
  VerbFileReader(std::string_view name, Lexicon* lexicon,
                 std::vector<std::string>* errors)
      : name_(name), lexicon_(lexicon), sink_(name, errors) {}

  Status Read(std::string_view contents) {
    CleanText text = CleanLines(contents);
    // Synsets may be defined anywhere in the file, also after their use.
    for (const CleanLine& line : text.lines) {
      if (line.text[0] != '&') continue;
      bool no_plural;
      std::string label = SynsetLabel(line.text, &no_plural);
      if (!label.empty()) defined_.insert(label);
    }
    // ...or by a file loaded before into the same lexicon.
    for (size_t k = 0; k < lexicon_->synsets.size(); ++k) {
      synset_index_[lexicon_->synsets[k].name] = k;
      defined_.insert(lexicon_->synsets[k].name);
    }
    WalkLines(text, &sink_, [&](const CleanLine& line) { return Line(line); });
    if (sink_.failed()) return sink_.status();
    return CloseBlock();
  }

 private:
  bool Line(const CleanLine& line) {
    std::string_view t = line.text;
    if (t.substr(0, 3) == "---") {
      synset_ = nullptr;
      if (!CloseBlock().ok()) return false;
      return OpenBlock(line);
    }
    if (t[0] == '&') return OpenSynset(line);
    if (t[0] == '+' && synset_ != nullptr) return SynsetMember(line);
    synset_ = nullptr;
    if (t[0] == '~') return true;  // verb transformation: not in the model
    if (t[0] == '-' || t[0] == '*') return PatternLine(line);
    return VerbLineRead(line);
  }

  bool Report(int line, std::string_view message) {
    return sink_.Report(line, message);
  }

  Status CloseBlock() {
    if (!block_.open) return Status::Ok();
    if (block_.verbs.empty() && !block_.patterns.empty()) {
      int line = block_.line;
      block_ = Block();
      if (!Report(line, "verb block has patterns but no verb"))
        return sink_.status();
      return Status::Ok();
    }
    FinishBlock(&block_, lexicon_);
    return Status::Ok();
  }

  bool OpenBlock(const CleanLine& line) {
    std::string_view head, trailing;
    std::vector<std::string_view> blocks;
    std::string error;
    if (!SplitBlocks(line.text, &head, &blocks, &trailing, &error))
      return Report(line.number, error);
    // "---  DISGRACE   [110]---  ---" in CAMEO.2.0.txt: dashes and blanks.
    if (trailing.find_first_not_of("- \t") != std::string_view::npos)
      return Report(line.number, "text after the block code");
    Block block;
    block.open = true;
    block.line = line.number;
    // Without a code the verbs of the block code nothing by themselves.
    if (blocks.empty()) {
      block.code.code = "---";
    } else if (!ParseEventCode(blocks[0], &block.code, &error)) {
      return Report(line.number, error);
    }
    block_ = std::move(block);
    return true;
  }

  bool OpenSynset(const CleanLine& line) {
    bool no_plural;
    std::string label = SynsetLabel(line.text, &no_plural);
    std::string_view rest = Trim(std::string_view(line.text).substr(1));
    if (label.empty() || rest.find_first_of(" \t") != std::string_view::npos)
      return Report(line.number, "synset label must read \"&NAME\"");
    auto it = synset_index_.find(label);
    if (it == synset_index_.end()) {
      Synset synset;
      synset.name = label;
      lexicon_->synsets.push_back(std::move(synset));
      it = synset_index_.emplace(label, lexicon_->synsets.size() - 1).first;
    }
    synset_ = &lexicon_->synsets[it->second];
    synset_no_plural_ = no_plural;
    return true;
  }

  bool SynsetMember(const CleanLine& line) {
    std::string_view text = Trim(std::string_view(line.text).substr(1));
    bool no_plural = synset_no_plural_ || (!text.empty() && text.back() == '_');
    while (!text.empty() && text.back() == '_') text.remove_suffix(1);
    if (text.empty()) return Report(line.number, "empty synset member");
    TokenReader reader(defined_);
    std::vector<Element> elements;
    if (!reader.Read(text, false, &elements))
      return Report(line.number, reader.error());
    if (elements.empty()) return Report(line.number, "empty synset member");
    if (reader.undefined_synset())
      return Report(line.number, "synset &" + reader.undefined_name() +
                                     " is not defined in this file");
    for (const Element& e : elements) {
      if (e.token.kind != PatternToken::Kind::kWord &&
          e.token.kind != PatternToken::Kind::kSynset)
        return Report(line.number,
                      "a synset member holds only words and synsets");
    }
    // Members are phrases of consecutive words.
    for (Element& e : elements) e.connected = true;
    std::vector<PatternToken> member = TokenReader::Tokens(elements);
    bool plural = !no_plural && member.back().kind == PatternToken::Kind::kWord;
    if (plural) {
      std::vector<PatternToken> plural_member = member;
      plural_member.back().word.text = PluralOf(member.back().word.text);
      synset_->members.push_back(std::move(member));
      synset_->members.push_back(std::move(plural_member));
    } else {
      synset_->members.push_back(std::move(member));
    }
    return true;
  }

  bool PatternLine(const CleanLine& line) {
    std::string_view text = line.text;
    if (text[0] == '-') text.remove_prefix(1);
    if (!block_.open)
      return Report(line.number,
                    "pattern outside a \"--- NAME [CODE] ---\" verb block");
    std::string_view head, trailing;
    std::vector<std::string_view> blocks;
    std::string error;
    if (!SplitBlocks(text, &head, &blocks, &trailing, &error))
      return Report(line.number, error);
    if (blocks.empty()) return Report(line.number, "pattern has no [code]");
    if (blocks.size() > 1)
      return Report(line.number, "pattern has more than one [code]");
    if (!trailing.empty())
      return Report(line.number, "text after the pattern's [code]");
    VerbPattern pattern;
    if (!ParseEventCode(blocks[0], &pattern.code, &error))
      return Report(line.number, error);
    TokenReader reader(defined_);
    std::vector<Element> elements;
    if (!reader.Read(head, true, &elements))
      return Report(line.number, reader.error());
    auto verb = std::find_if(elements.begin(), elements.end(),
                             [](const Element& e) { return e.verb; });
    if (verb == elements.end())
      return Report(line.number, "pattern has no '*' (the verb's place)");
    if (std::count_if(elements.begin(), elements.end(),
                      [](const Element& e) { return e.verb; }) > 1)
      return Report(line.number, "pattern has more than one '*'");
    // PETRARCH skips a pattern naming a synset the file never defines.
    if (reader.undefined_synset()) return true;
    std::vector<Element> upper(std::make_move_iterator(elements.begin()),
                               std::make_move_iterator(verb));
    std::vector<Element> lower(std::make_move_iterator(verb + 1),
                               std::make_move_iterator(elements.end()));
    bool upper_connected = !upper.empty() && upper.back().connected;
    pattern.lower_connected = verb->connected;
    pattern.upper = TokenReader::Tokens(upper);
    // "IN_*": the last upper element must be next to the verb.
    if (upper_connected) SetConnected(&pattern.upper.back(), true);
    pattern.lower = TokenReader::Tokens(lower);
    std::string written;
    for (char c : Trim(text)) {
      if (IsBlank(c)) {
        if (!written.empty() && written.back() != ' ') written.push_back(' ');
      } else {
        written.push_back(c);
      }
    }
    pattern.text = std::move(written);
    pattern.origin = SourceLine{std::string(name_), line.number};
    block_.patterns.push_back(std::move(pattern));
    return true;
  }

  bool VerbLineRead(const CleanLine& line) {
    if (!block_.open)
      return Report(line.number,
                    "verb outside a \"--- NAME [CODE] ---\" verb block");
    std::string_view head, trailing;
    std::vector<std::string_view> blocks;
    std::string error;
    if (!SplitBlocks(line.text, &head, &blocks, &trailing, &error))
      return Report(line.number, error);
    if (blocks.size() > 1)
      return Report(line.number, "verb has more than one [code]");
    if (!trailing.empty())
      return Report(line.number, "text after the verb's [code]");
    VerbLine verb;
    verb.code = block_.code;
    if (!blocks.empty() && !ParseEventCode(blocks[0], &verb.code, &error))
      return Report(line.number, error);
    std::string_view base = head, forms_text;
    bool explicit_forms = false;
    if (size_t open = head.find('{'); open != std::string_view::npos) {
      size_t close = head.find('}', open);
      if (close == std::string_view::npos)
        return Report(line.number, "unclosed '{' (missing '}')");
      if (!Trim(head.substr(close + 1)).empty())
        return Report(line.number, "text after the verb forms {...}");
      forms_text = head.substr(open + 1, close - open - 1);
      base = Trim(head.substr(0, open));
      explicit_forms = true;
    } else if (head.find('}') != std::string_view::npos) {
      return Report(line.number, "'}' without '{'");
    }
    VerbPhrase root;
    if (!ParseVerbPhrase(base, &root, &error))
      return Report(line.number, error);
    if (explicit_forms) {
      // PETRARCH-2: "{...}" lists every other form; none is generated.
      size_t i = 0;
      while (i < forms_text.size()) {
        while (i < forms_text.size() && IsBlank(forms_text[i])) ++i;
        size_t j = i;
        while (j < forms_text.size() && !IsBlank(forms_text[j])) ++j;
        if (j > i) {
          VerbPhrase form;
          if (!ParseVerbPhrase(forms_text.substr(i, j - i), &form, &error))
            return Report(line.number, error);
          verb.forms.push_back(std::move(form.phrase));
        }
        i = j;
      }
    } else {
      for (const std::string& inflected :
           RegularVerbForms(root.phrase.words[root.verb].text)) {
        Phrase form = root.phrase;
        form.words[root.verb].text = inflected;
        verb.forms.push_back(std::move(form));
      }
    }
    verb.root = std::move(root.phrase);
    verb.origin = SourceLine{std::string(name_), line.number};
    block_.verbs.push_back(std::move(verb));
    return true;
  }

  std::string name_;
  Lexicon* lexicon_;
  ErrorSink sink_;
  std::set<std::string> defined_;
  std::map<std::string, size_t> synset_index_;
  Synset* synset_ = nullptr;  // the synset whose "+" members are being read
  bool synset_no_plural_ = false;
  Block block_;
};

}  // namespace

Status LoadPetrarchVerbsFromString(std::string_view contents,
                                   std::string_view name, Lexicon* lexicon,
                                   std::vector<std::string>* errors) {
  VerbFileReader reader(name, lexicon, errors);
  return reader.Read(contents);
}

Status LoadPetrarchVerbs(const std::string& path, Lexicon* lexicon,
                         std::vector<std::string>* errors) {
  return petrarch_internal::LoadFile(path, LoadPetrarchVerbsFromString, lexicon,
                                     errors);
}

}  // namespace dyad
