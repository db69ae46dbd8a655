// The dependency parser model file, version 1. Little-endian throughout:
//
//   magic      8 bytes "DYADDEP\n"
//   version    u32 (kParserFormatVersion)
//   features   u32 (kParserFeatureSetId of parser_features.h)
//   labels     u32 count, then per label: string relation
//   root       u32 index of the root relation
//   weights    u32 row count, then per row: u64 key, u8 count,
//              count x (u8 transition class, i16 weight)
//   self-test  u32 count, then per sentence: u32 words, per word: string
//              form, string upos, string xpos, u32 head, u8 label
//   checksum   u64 HashBytes of everything before it
//
// A string is a u32 byte length and the bytes. The layout follows the
// tagger's (model_file.h) so both are read the same way.
#ifndef DYAD_ANALYZE_PARSER_MODEL_FILE_H_
#define DYAD_ANALYZE_PARSER_MODEL_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "analyze/parser_model.h"
#include "dyad/status.h"

namespace dyad::analyze {

inline constexpr uint32_t kParserFormatVersion = 1;

// The file bytes of `model`, self-test sentences as stored in the model.
std::string SerializeParserModel(const ParserModel& model);

// Parses model bytes; `name` (the file name) starts every error message.
// DataLoss for a bad magic number, a truncated file or a checksum mismatch;
// ParseError for another format version or feature set, or a label or
// class number out of range; DataLoss when a self-test sentence parses
// differently than recorded (a damaged or mismatched model).
Result<ParserModel> DeserializeParserModel(std::string_view bytes,
                                           std::string_view name);

// Writes SerializeParserModel(model) to `path`; IoError when that fails.
Status SaveParserModelFile(const ParserModel& model, const std::string& path);

// Reads and deserializes `path`; NotFound when it cannot be opened.
Result<ParserModel> LoadParserModelFile(const std::string& path);

}  // namespace dyad::analyze

#endif  // DYAD_ANALYZE_PARSER_MODEL_FILE_H_
