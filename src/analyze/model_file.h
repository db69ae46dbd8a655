// The tagger model file, version 1. Little-endian throughout:
//
//   magic      8 bytes "DYADPOS\n"
//   version    u32 (kModelFormatVersion)
//   features   u32 (kFeatureSetId of features.h)
//   labels     u32 count, then per label: string upos, string xpos
//   weights    u32 row count, then per row: u64 key, u8 count,
//              count x (u8 label, i16 weight)
//   classes    u32 count, then per word: u64 word key, u64 class
//   lemmas     u32 count, then per exception: string form, xpos, lemma
//   self-test  u32 count, then per sentence: u32 words, per word: string
//              word, u8 label, string lemma
//   checksum   u64 HashBytes of everything before it
//
// A string is a u32 byte length and the bytes.
#ifndef DYAD_ANALYZE_MODEL_FILE_H_
#define DYAD_ANALYZE_MODEL_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "analyze/tagger_model.h"
#include "dyad/status.h"

namespace dyad::analyze {

inline constexpr uint32_t kModelFormatVersion = 1;

// The file bytes of `model`, self-test sentences as stored in the model.
std::string SerializeModel(const TaggerModel& model);

// Parses model bytes; `name` (the file name) starts every error message.
// DataLoss for a bad magic number, a truncated file or a checksum mismatch;
// ParseError for another format version or feature set, or a label number
// out of range; DataLoss when a self-test sentence tags differently than
// recorded (a damaged or mismatched model).
Result<TaggerModel> DeserializeModel(std::string_view bytes,
                                     std::string_view name);

// Writes SerializeModel(model) to `path`; IoError when that fails.
Status SaveModelFile(const TaggerModel& model, const std::string& path);

// Reads and deserializes `path`; NotFound when it cannot be opened.
Result<TaggerModel> LoadModelFile(const std::string& path);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_MODEL_FILE_H_
