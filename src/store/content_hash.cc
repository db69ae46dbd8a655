#include "store/content_hash.h"

#include <bit>

namespace dyad::store_internal {
namespace {

constexpr uint64_t kPrime = 0x100000001b3ULL;

enum FieldTag : unsigned char { kStringTag = 1, kIntTag = 2, kDoubleTag = 3 };

}  // namespace

void ContentHasher::AddBytes(const void* data, size_t size) {
  const unsigned char* bytes = static_cast<const unsigned char*>(data);
  uint64_t h = hash_;
  for (size_t i = 0; i < size; ++i) {
    h ^= bytes[i];
    h *= kPrime;
  }
  hash_ = h;
}

void ContentHasher::AddTagged(unsigned char tag, uint64_t value) {
  // Little-endian whatever the machine, so stored hashes stay valid when a
  // store file moves between machines.
  unsigned char bytes[9] = {tag};
  for (int i = 0; i < 8; ++i) bytes[1 + i] = (value >> (8 * i)) & 0xff;
  AddBytes(bytes, sizeof bytes);
}

void ContentHasher::AddString(std::string_view value) {
  AddTagged(kStringTag, value.size());
  AddBytes(value.data(), value.size());
}

void ContentHasher::AddInt(int64_t value) {
  AddTagged(kIntTag, static_cast<uint64_t>(value));
}

void ContentHasher::AddDouble(double value) {
  AddTagged(kDoubleTag, std::bit_cast<uint64_t>(value));
}

std::string ContentHasher::Hex() const {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (int i = 0; i < 16; ++i) {
    hex[15 - i] = kDigits[(hash_ >> (4 * i)) & 0xf];
  }
  return hex;
}

}  // namespace dyad::store_internal
