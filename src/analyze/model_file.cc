#include "analyze/model_file.h"

#include <cstring>
#include <fstream>
#include <sstream>

#include "analyze/byte_io.h"

namespace dyad::analyze {
namespace {

constexpr std::string_view kMagic("DYADPOS\n", 8);

using Writer = ByteWriter;
using Reader = ByteReader;

Status ReadModel(Reader& in, TaggerModel* model) {
  uint32_t version = 0, feature_set = 0, count = 0;
  DYAD_RETURN_IF_ERROR(in.U32(&version));
  if (version != kModelFormatVersion) {
    return in.Error(StatusCode::kParseError,
                    "model format version " + std::to_string(version) +
                        ", this dyad reads version " +
                        std::to_string(kModelFormatVersion));
  }
  DYAD_RETURN_IF_ERROR(in.U32(&feature_set));
  if (feature_set != kFeatureSetId) {
    return in.Error(StatusCode::kParseError,
                    "feature set " + std::to_string(feature_set) +
                        ", this dyad computes feature set " +
                        std::to_string(kFeatureSetId));
  }
  DYAD_RETURN_IF_ERROR(in.Count(&count, 8));
  if (count == 0 || count >= kStartLabel) {
    return in.Error(StatusCode::kParseError,
                    "bad label count " + std::to_string(count));
  }
  model->labels.resize(count);
  for (TagLabel& label : model->labels) {
    DYAD_RETURN_IF_ERROR(in.String(&label.upos));
    DYAD_RETURN_IF_ERROR(in.String(&label.xpos));
  }
  DYAD_RETURN_IF_ERROR(in.Count(&count, 9));
  std::vector<FeatureWeights::Row> rows(count);
  for (FeatureWeights::Row& row : rows) {
    uint8_t weights = 0;
    DYAD_RETURN_IF_ERROR(in.U64(&row.key));
    DYAD_RETURN_IF_ERROR(in.U8(&weights));
    row.weights.resize(weights);
    for (LabelWeight& w : row.weights) {
      uint16_t value = 0;
      DYAD_RETURN_IF_ERROR(in.U8(&w.label));
      DYAD_RETURN_IF_ERROR(in.U16(&value));
      w.weight = static_cast<int16_t>(value);
      if (w.label >= model->labels.size()) {
        return in.Error(StatusCode::kParseError,
                        "label " + std::to_string(w.label) + " out of range");
      }
    }
  }
  model->weights = FeatureWeights(std::move(rows));
  model->Prepare();
  DYAD_RETURN_IF_ERROR(in.Count(&count, 16));
  std::vector<std::pair<uint64_t, uint64_t>> classes(count);
  for (auto& [word, cls] : classes) {
    DYAD_RETURN_IF_ERROR(in.U64(&word));
    DYAD_RETURN_IF_ERROR(in.U64(&cls));
  }
  model->word_classes = WordClasses::FromEntries(classes);
  DYAD_RETURN_IF_ERROR(in.Count(&count, 12));
  std::vector<Lemmatizer::Exception> exceptions(count);
  for (Lemmatizer::Exception& e : exceptions) {
    DYAD_RETURN_IF_ERROR(in.String(&e.form));
    DYAD_RETURN_IF_ERROR(in.String(&e.xpos));
    DYAD_RETURN_IF_ERROR(in.String(&e.lemma));
  }
  model->lemmatizer = Lemmatizer::FromExceptions(std::move(exceptions));
  DYAD_RETURN_IF_ERROR(in.Count(&count, 4));
  model->self_test.resize(count);
  for (SelfTestSentence& sentence : model->self_test) {
    uint32_t words = 0;
    DYAD_RETURN_IF_ERROR(in.Count(&words, 9));
    sentence.words.resize(words);
    sentence.labels.resize(words);
    sentence.lemmas.resize(words);
    for (uint32_t i = 0; i < words; ++i) {
      uint8_t label = 0;
      DYAD_RETURN_IF_ERROR(in.String(&sentence.words[i]));
      DYAD_RETURN_IF_ERROR(in.U8(&label));
      DYAD_RETURN_IF_ERROR(in.String(&sentence.lemmas[i]));
      if (label >= model->labels.size()) {
        return in.Error(
            StatusCode::kParseError,
            "self-test label " + std::to_string(label) + " out of range");
      }
      sentence.labels[i] = label;
    }
  }
  return Status::Ok();
}

}  // namespace

std::string SerializeModel(const TaggerModel& model) {
  Writer out;
  out.Bytes(kMagic);
  out.U32(kModelFormatVersion);
  out.U32(kFeatureSetId);
  out.U32(static_cast<uint32_t>(model.labels.size()));
  for (const TagLabel& label : model.labels) {
    out.String(label.upos);
    out.String(label.xpos);
  }
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
  std::vector<std::pair<uint64_t, uint64_t>> classes =
      model.word_classes.SortedEntries();
  out.U32(static_cast<uint32_t>(classes.size()));
  for (const auto& [word, cls] : classes) {
    out.U64(word);
    out.U64(cls);
  }
  const auto& exceptions = model.lemmatizer.exceptions();
  out.U32(static_cast<uint32_t>(exceptions.size()));
  for (const Lemmatizer::Exception& e : exceptions) {
    out.String(e.form);
    out.String(e.xpos);
    out.String(e.lemma);
  }
  out.U32(static_cast<uint32_t>(model.self_test.size()));
  for (const SelfTestSentence& sentence : model.self_test) {
    out.U32(static_cast<uint32_t>(sentence.words.size()));
    for (size_t i = 0; i < sentence.words.size(); ++i) {
      out.String(sentence.words[i]);
      out.U8(static_cast<uint8_t>(sentence.labels[i]));
      out.String(sentence.lemmas[i]);
    }
  }
  out.U64(HashBytes(out.out()));
  return std::move(out.out());
}

Result<TaggerModel> DeserializeModel(std::string_view bytes,
                                     std::string_view name) {
  std::string prefix(name);
  auto checked = CheckedModelBytes(bytes, kMagic, "POS model", name);
  if (!checked.ok()) return checked.status();
  std::string_view body = checked.value();
  Reader in(body, name);
  in.Skip(kMagic.size());
  TaggerModel model;
  DYAD_RETURN_IF_ERROR(ReadModel(in, &model));
  if (in.offset() != body.size()) {
    return DataLoss(prefix + ": " + std::to_string(body.size() - in.offset()) +
                    " unexpected bytes before the checksum");
  }
  std::vector<SelfTestSentence> retagged = model.self_test;
  model.FillSelfTest(&retagged);
  for (size_t s = 0; s < retagged.size(); ++s) {
    const SelfTestSentence& want = model.self_test[s];
    const SelfTestSentence& got = retagged[s];
    for (size_t i = 0; i < want.words.size(); ++i) {
      if (want.labels[i] != got.labels[i] || want.lemmas[i] != got.lemmas[i]) {
        const TagLabel& w = model.labels[want.labels[i]];
        const TagLabel& g = model.labels[got.labels[i]];
        return DataLoss(prefix + ": self-test sentence " +
                        std::to_string(s + 1) + " word " +
                        std::to_string(i + 1) + " '" + want.words[i] +
                        "': expected " + w.upos + "/" + w.xpos + " '" +
                        want.lemmas[i] + "', the model gives " + g.upos + "/" +
                        g.xpos + " '" + got.lemmas[i] + "'");
      }
    }
  }
  return model;
}

Status SaveModelFile(const TaggerModel& model, const std::string& path) {
  std::string bytes = SerializeModel(model);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return IoError(path + ": cannot open for writing");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return IoError(path + ": write failed");
  return Status::Ok();
}

Result<TaggerModel> LoadModelFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open model file");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return IoError(path + ": read failed");
  return DeserializeModel(buffer.str(), path);
}

}  // namespace dyad::analyze
