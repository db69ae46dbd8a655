#include "analyze/parser_model_file.h"

#include <fstream>
#include <sstream>

#include "analyze/byte_io.h"
#include "analyze/features.h"

namespace dyad::analyze {
namespace {

constexpr std::string_view kMagic("DYADDEP\n", 8);

using Writer = ByteWriter;
using Reader = ByteReader;

Status ReadModel(Reader& in, ParserModel* model) {
  uint32_t version = 0, feature_set = 0, count = 0;
  DYAD_RETURN_IF_ERROR(in.Read(&version));
  if (version != kParserFormatVersion) {
    return in.Error(StatusCode::kParseError,
                    "parser model format version " + std::to_string(version) +
                        ", this dyad reads version " +
                        std::to_string(kParserFormatVersion));
  }
  DYAD_RETURN_IF_ERROR(in.Read(&feature_set));
  if (feature_set != kParserFeatureSetId) {
    return in.Error(StatusCode::kParseError,
                    "parser feature set " + std::to_string(feature_set) +
                        ", this dyad computes feature set " +
                        std::to_string(kParserFeatureSetId));
  }
  DYAD_RETURN_IF_ERROR(in.Count(&count, 4));
  if (count == 0 || ClassCount(count) > 255) {
    return in.Error(StatusCode::kParseError,
                    "bad relation count " + std::to_string(count));
  }
  model->labels.resize(count);
  for (std::string& label : model->labels) {
    DYAD_RETURN_IF_ERROR(in.String(&label));
  }
  uint32_t root = 0;
  DYAD_RETURN_IF_ERROR(in.Read(&root));
  if (root >= count) {
    return in.Error(StatusCode::kParseError,
                    "root relation " + std::to_string(root) + " out of range");
  }
  model->root_label = static_cast<int>(root);
  int classes = ClassCount(static_cast<int>(count));
  DYAD_RETURN_IF_ERROR(in.Count(&count, 9));
  std::vector<FeatureWeights::Row> rows(count);
  for (FeatureWeights::Row& row : rows) {
    uint8_t weights = 0;
    DYAD_RETURN_IF_ERROR(in.Read(&row.key));
    DYAD_RETURN_IF_ERROR(in.Read(&weights));
    row.weights.resize(weights);
    for (LabelWeight& w : row.weights) {
      uint16_t value = 0;
      DYAD_RETURN_IF_ERROR(in.Read(&w.label));
      DYAD_RETURN_IF_ERROR(in.Read(&value));
      w.weight = static_cast<int16_t>(value);
      if (w.label >= classes) {
        return in.Error(
            StatusCode::kParseError,
            "transition " + std::to_string(w.label) + " out of range");
      }
    }
  }
  model->weights = FeatureWeights(std::move(rows));
  DYAD_RETURN_IF_ERROR(in.Count(&count, 4));
  model->self_test.resize(count);
  for (ParserSelfTest& sentence : model->self_test) {
    uint32_t words = 0;
    DYAD_RETURN_IF_ERROR(in.Count(&words, 17));
    sentence.words.resize(words);
    sentence.upos.resize(words);
    sentence.xpos.resize(words);
    sentence.heads.resize(words);
    sentence.labels.resize(words);
    for (uint32_t i = 0; i < words; ++i) {
      uint32_t head = 0;
      uint8_t label = 0;
      DYAD_RETURN_IF_ERROR(in.String(&sentence.words[i]));
      DYAD_RETURN_IF_ERROR(in.String(&sentence.upos[i]));
      DYAD_RETURN_IF_ERROR(in.String(&sentence.xpos[i]));
      DYAD_RETURN_IF_ERROR(in.Read(&head));
      DYAD_RETURN_IF_ERROR(in.Read(&label));
      if (head > words || label >= model->labels.size()) {
        return in.Error(StatusCode::kParseError,
                        "self-test head or relation out of range");
      }
      sentence.heads[i] = static_cast<int>(head);
      sentence.labels[i] = label;
    }
  }
  return Status::Ok();
}

}  // namespace

std::string SerializeParserModel(const ParserModel& model) {
  Writer out;
  out.Bytes(kMagic);
  out.U32(kParserFormatVersion);
  out.U32(kParserFeatureSetId);
  out.U32(static_cast<uint32_t>(model.labels.size()));
  for (const std::string& label : model.labels) out.String(label);
  out.U32(static_cast<uint32_t>(model.root_label));
  std::vector<FeatureWeights::Row> rows = model.weights.SortedRows();
  out.U32(static_cast<uint32_t>(rows.size()));
  for (const FeatureWeights::Row& row : rows) {
    out.U64(row.key);
    out.U8(static_cast<uint8_t>(row.weights.size()));
    for (const LabelWeight& w : row.weights) {
      out.U8(w.label);
      out.U16(static_cast<uint16_t>(w.weight));
    }
  }
  out.U32(static_cast<uint32_t>(model.self_test.size()));
  for (const ParserSelfTest& sentence : model.self_test) {
    out.U32(static_cast<uint32_t>(sentence.words.size()));
    for (size_t i = 0; i < sentence.words.size(); ++i) {
      out.String(sentence.words[i]);
      out.String(sentence.upos[i]);
      out.String(sentence.xpos[i]);
      out.U32(static_cast<uint32_t>(sentence.heads[i]));
      out.U8(static_cast<uint8_t>(sentence.labels[i]));
    }
  }
  out.U64(HashBytes(out.out()));
  return std::move(out.out());
}

Result<ParserModel> DeserializeParserModel(std::string_view bytes,
                                           std::string_view name) {
  std::string prefix(name);
  auto checked = CheckedModelBytes(bytes, kMagic, "parser model", name);
  if (!checked.ok()) return checked.status();
  std::string_view body = checked.value();
  Reader in(body, name);
  in.Skip(kMagic.size());
  ParserModel model;
  DYAD_RETURN_IF_ERROR(ReadModel(in, &model));
  if (in.offset() != body.size()) {
    return DataLoss(prefix + ": " + std::to_string(body.size() - in.offset()) +
                    " unexpected bytes before the checksum");
  }
  model.Prepare();
  std::vector<ParserSelfTest> reparsed = model.self_test;
  model.FillSelfTest(&reparsed);
  for (size_t s = 0; s < reparsed.size(); ++s) {
    const ParserSelfTest& want = model.self_test[s];
    const ParserSelfTest& got = reparsed[s];
    for (size_t i = 0; i < want.words.size(); ++i) {
      if (want.heads[i] != got.heads[i] || want.labels[i] != got.labels[i]) {
        return DataLoss(
            prefix + ": self-test sentence " + std::to_string(s + 1) +
            " word " + std::to_string(i + 1) + " '" + want.words[i] +
            "': expected head " + std::to_string(want.heads[i]) + " " +
            model.labels[want.labels[i]] + ", the model gives head " +
            std::to_string(got.heads[i]) + " " + model.labels[got.labels[i]]);
      }
    }
  }
  return model;
}

Status SaveParserModelFile(const ParserModel& model, const std::string& path) {
  std::string bytes = SerializeParserModel(model);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return IoError(path + ": cannot open for writing");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return IoError(path + ": write failed");
  return Status::Ok();
}

Result<ParserModel> LoadParserModelFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open model file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return IoError(path + ": read failed");
  return DeserializeParserModel(buffer.str(), path);
}

}  // namespace dyad::analyze
