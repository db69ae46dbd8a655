// PlaceKey: the one normalisation both the index builder and the lookups
// use, so that a name in a news sentence meets its GeoNames spelling.
#include <string>
#include <string_view>

#include "dyad/resolve_places.h"
#include "utf8proc.h"

namespace dyad {
namespace {

bool IsApostrophe(utf8proc_int32_t cp) {
  return cp == '\'' || cp == '`' || cp == 0x2018 || cp == 0x2019 ||
         cp == 0x02BC || cp == 0x00B4 || cp == 0x02BB;
}

// Letters that carry no combining mark to strip: "Łódź", "Ørsta".
const char* FoldedLetter(utf8proc_int32_t cp) {
  switch (cp) {
    case 0x0142:  // ł
      return "l";
    case 0x00F8:  // ø
      return "o";
    case 0x0111:  // đ
    case 0x00F0:  // ð
      return "d";
    case 0x0131:  // ı
      return "i";
    case 0x00E6:  // æ
      return "ae";
    case 0x0153:  // œ
      return "oe";
    case 0x00FE:  // þ
      return "th";
    case 0x0127:  // ħ
      return "h";
    default:
      return nullptr;
  }
}

class KeyBuilder {
 public:
  explicit KeyBuilder(std::string* out) : out_(out) {}

  void Separator() { pending_space_ = !out_->empty(); }

  void Letter(utf8proc_int32_t cp) {
    if (pending_space_) out_->push_back(' ');
    pending_space_ = false;
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      out_->push_back(c);
      return;
    }
    if (const char* folded = FoldedLetter(cp)) {
      out_->append(folded);
      return;
    }
    utf8proc_uint8_t buf[4];
    const utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
    out_->append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
  }

 private:
  std::string* out_;
  bool pending_space_ = false;
};

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

}  // namespace

std::string PlaceKey(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  KeyBuilder builder(&key);
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(name.data());
  size_t i = 0;
  while (i < name.size()) {
    const char c = name[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      if (IsAsciiAlnum(c)) {
        builder.Letter(static_cast<unsigned char>(c));
      } else if (!IsApostrophe(c)) {
        builder.Separator();
      }
      ++i;
      continue;
    }
    utf8proc_int32_t cp = -1;
    const utf8proc_ssize_t len = utf8proc_iterate(
        p + i, static_cast<utf8proc_ssize_t>(name.size() - i), &cp);
    if (len <= 0) {
      builder.Separator();
      ++i;
      continue;
    }
    i += static_cast<size_t>(len);
    if (IsApostrophe(cp)) continue;
    utf8proc_int32_t parts[8];
    utf8proc_int32_t boundclass = UTF8PROC_BOUNDCLASS_START;
    const utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, parts, 8,
        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                                       UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD),
        &boundclass);
    if (n <= 0 || n > 8) {
      builder.Separator();
      continue;
    }
    for (utf8proc_ssize_t k = 0; k < n; ++k) {
      const utf8proc_int32_t part = parts[k];
      const utf8proc_category_t category = utf8proc_category(part);
      const bool letter_or_digit = category == UTF8PROC_CATEGORY_LU ||
                                   category == UTF8PROC_CATEGORY_LL ||
                                   category == UTF8PROC_CATEGORY_LT ||
                                   category == UTF8PROC_CATEGORY_LM ||
                                   category == UTF8PROC_CATEGORY_LO ||
                                   category == UTF8PROC_CATEGORY_ND;
      if (letter_or_digit) {
        builder.Letter(part);
      } else if (category == UTF8PROC_CATEGORY_MN ||
                 category == UTF8PROC_CATEGORY_MC ||
                 category == UTF8PROC_CATEGORY_ME || IsApostrophe(part)) {
        // A mark the decomposition left (or an apostrophe from
        // compatibility folding): part of the letter, not a break.
      } else {
        builder.Separator();
      }
    }
  }
  return key;
}

}  // namespace dyad
