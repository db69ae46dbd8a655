// The entity tagger's model file, version 5 (version 4 had no name lists,
// version 3 no place names, version 2 no actor names, version 1 no
// profiles). Little-endian throughout:
//
//   magic      8 bytes "DYADNER\n"
//   version    u32 (kNerModelFormatVersion)
//   features   u32 (kNerFeatureSetId of ner_features.h)
//   labels     u32 (kNerLabelCount)
//   weights    u32 row count, then per row: u64 key, u8 count,
//              count x (u8 label, i16 weight)
//   gazetteer  u32 count, then per phrase: u64 hash, u8 category mask
//   profiles   u32 count, then per word: u64 hash, u8 NerWordProfileBit mask
//   actors     u32 count, then per phrase: u64 hash, u8 category mask
//              (NerModel::actor_names)
//   places     u32 count, then per phrase: u64 hash, u8 NerPlaceBit mask
//              (NerModel::place_names)
//   names      u32 count, then per phrase: u64 hash, u8 NerNameListBit mask
//              (NerModel::name_lists)
//   self-test  u32 count, then per sentence: u32 words, per word: string
//              word, string Penn tag, u8 label
//   checksum   u64 HashBytes (features.h) of everything before it
//
// A string is a u32 byte length and the bytes.
#ifndef DYAD_ANALYZE_NER_MODEL_FILE_H_
#define DYAD_ANALYZE_NER_MODEL_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "analyze/ner_model.h"
#include "dyad/status.h"

namespace dyad::analyze {

inline constexpr uint32_t kNerModelFormatVersion = 5;

// The file bytes of `model`.
std::string SerializeNerModel(const NerModel& model);

// Parses model bytes; `name` starts every error message, followed by the
// byte offset. DataLoss for a bad magic number, a truncated file, a
// checksum mismatch or a self-test sentence that tags differently than
// recorded; ParseError for another format version, feature set or label
// set, or a label out of range.
Result<NerModel> DeserializeNerModel(std::string_view bytes,
                                     std::string_view name);

// Writes SerializeNerModel(model) to `path`; IoError when that fails.
Status SaveNerModelFile(const NerModel& model, const std::string& path);

// Reads and deserializes `path`; NotFound when it cannot be opened.
Result<NerModel> LoadNerModelFile(const std::string& path);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_NER_MODEL_FILE_H_
