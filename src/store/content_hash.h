// ContentHasher: a 64-bit FNV-1a hash over a sequence of typed fields.
//
// Each field is fed with its type and length first, so that moving bytes
// from one field to the next ("ab","c" against "a","bc") changes the hash.
// It detects changed content, not adversarial collisions.
#ifndef DYAD_STORE_CONTENT_HASH_H_
#define DYAD_STORE_CONTENT_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dyad::store_internal {

class ContentHasher {
 public:
  void AddString(std::string_view value);
  void AddInt(int64_t value);
  void AddDouble(double value);
  void AddBool(bool value) { AddInt(value ? 1 : 0); }

  uint64_t value() const { return hash_; }
  // The hash as 16 lower-case hex digits.
  std::string Hex() const;

 private:
  void AddBytes(const void* data, size_t size);
  void AddTagged(unsigned char tag, uint64_t value);

  static constexpr uint64_t kOffsetBasis = 0xcbf29ce484222325ULL;
  uint64_t hash_ = kOffsetBasis;
};

}  // namespace dyad::store_internal

#endif  // DYAD_STORE_CONTENT_HASH_H_
