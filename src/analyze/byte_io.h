// Little-endian, bounds-checked bytes for dyad's model files (tagger,
// parser). One reader and one writer so every model format agrees on
// integer layout, string framing and how damage is reported.
#ifndef DYAD_ANALYZE_BYTE_IO_H_
#define DYAD_ANALYZE_BYTE_IO_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "analyze/features.h"
#include "dyad/status.h"

namespace dyad::analyze {

class ByteWriter {
 public:
  void Bytes(std::string_view s) { out_.append(s); }
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U16(uint16_t v) { Unsigned(v, 2); }
  void U32(uint32_t v) { Unsigned(v, 4); }
  void U64(uint64_t v) { Unsigned(v, 8); }
  // A 32-bit length, then the bytes.
  void String(std::string_view s) {
    U32(static_cast<uint32_t>(s.size()));
    Bytes(s);
  }
  std::string& out() { return out_; }

 private:
  void Unsigned(uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) U8((v >> (8 * i)) & 0xFF);
  }
  std::string out_;
};

// Reads from `bytes` (not owned; must outlive the reader). Every error is
// "NAME: byte OFFSET: message"; a short file is kDataLoss.
class ByteReader {
 public:
  ByteReader(std::string_view bytes, std::string_view name)
      : bytes_(bytes), name_(name) {}

  Status Error(StatusCode code, const std::string& message) const {
    return Status(code, std::string(name_) + ": byte " +
                            std::to_string(offset_) + ": " + message);
  }
  Status Need(size_t n) const {
    if (bytes_.size() - offset_ < n) {
      return Error(StatusCode::kDataLoss, "truncated model file");
    }
    return Status::Ok();
  }
  // Reads sizeof(T) bytes into an integer of type T.
  template <typename T>
  Status Read(T* v) {
    DYAD_RETURN_IF_ERROR(Need(sizeof(T)));
    uint64_t value = 0;
    for (size_t i = 0; i < sizeof(T); ++i) {
      value |= static_cast<uint64_t>(static_cast<uint8_t>(bytes_[offset_ + i]))
               << (8 * i);
    }
    offset_ += sizeof(T);
    *v = static_cast<T>(value);
    return Status::Ok();
  }
  Status U8(uint8_t* v) { return Read(v); }
  Status U16(uint16_t* v) { return Read(v); }
  Status U32(uint32_t* v) { return Read(v); }
  Status U64(uint64_t* v) { return Read(v); }
  Status String(std::string* s) {
    uint32_t size = 0;
    DYAD_RETURN_IF_ERROR(Read(&size));
    DYAD_RETURN_IF_ERROR(Need(size));
    s->assign(bytes_.substr(offset_, size));
    offset_ += size;
    return Status::Ok();
  }
  // A count of items that each take at least `min_bytes`, checked against
  // what is left so a damaged count cannot ask for gigabytes.
  Status Count(uint32_t* count, size_t min_bytes) {
    DYAD_RETURN_IF_ERROR(Read(count));
    if (static_cast<uint64_t>(*count) * min_bytes > bytes_.size() - offset_) {
      return Error(StatusCode::kDataLoss,
                   "count " + std::to_string(*count) + " exceeds the file");
    }
    return Status::Ok();
  }
  void Skip(size_t n) { offset_ += n; }
  size_t offset() const { return offset_; }

 private:
  std::string_view bytes_;
  std::string_view name_;
  size_t offset_ = 0;
};

// The envelope every dyad model file shares: `magic`, the body, and a u64
// HashBytes of everything before it. Returns the bytes without the checksum
// (magic included, so reader offsets stay file offsets), or DataLoss naming
// `name` for a wrong magic number (`what` names the expected kind: "POS
// model"), a truncated file or a checksum that does not match.
inline Result<std::string_view> CheckedModelBytes(std::string_view bytes,
                                                  std::string_view magic,
                                                  std::string_view what,
                                                  std::string_view name) {
  std::string prefix(name);
  if (bytes.size() < magic.size() || bytes.substr(0, magic.size()) != magic) {
    return DataLoss(prefix + ": not a dyad " + std::string(what) +
                    " (bad magic number)");
  }
  if (bytes.size() < magic.size() + 8) {
    return DataLoss(prefix + ": truncated model file");
  }
  std::string_view body = bytes.substr(0, bytes.size() - 8);
  ByteReader trailer(bytes.substr(body.size()), name);
  uint64_t checksum = 0;
  DYAD_RETURN_IF_ERROR(trailer.U64(&checksum));
  if (checksum != HashBytes(body)) {
    return DataLoss(prefix + ": checksum mismatch (damaged or truncated)");
  }
  return body;
}

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_BYTE_IO_H_
