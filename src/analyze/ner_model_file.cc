#include "analyze/ner_model_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "analyze/features.h"
#include "analyze/ner_features.h"

namespace dyad::analyze {
namespace {

constexpr std::string_view kMagic("DYADNER\n", 8);

void PutLittleEndian(uint64_t v, int bytes, std::string* out) {
  for (int i = 0; i < bytes; ++i)
    out->push_back(static_cast<char>(v >> (8 * i)));
}

void PutString(std::string_view s, std::string* out) {
  PutLittleEndian(s.size(), 4, out);
  out->append(s);
}

class ByteReader {
 public:
  ByteReader(std::string_view bytes, std::string_view name)
      : bytes_(bytes), name_(name) {}

  Status Error(StatusCode code, const std::string& message) const {
    return Status(code, std::string(name_) + ": byte " +
                            std::to_string(offset_) + ": " + message);
  }
  Status Read(int size, uint64_t* v) {
    if (bytes_.size() - offset_ < static_cast<size_t>(size)) {
      return Error(StatusCode::kDataLoss, "truncated model file");
    }
    *v = 0;
    for (int i = 0; i < size; ++i) {
      *v |= static_cast<uint64_t>(static_cast<uint8_t>(bytes_[offset_ + i]))
            << (8 * i);
    }
    offset_ += size;
    return Status::Ok();
  }
  Status String(std::string* s) {
    uint64_t size = 0;
    DYAD_RETURN_IF_ERROR(Read(4, &size));
    if (bytes_.size() - offset_ < size) {
      return Error(StatusCode::kDataLoss, "truncated model file");
    }
    s->assign(bytes_.substr(offset_, size));
    offset_ += size;
    return Status::Ok();
  }
  size_t offset() const { return offset_; }

 private:
  std::string_view bytes_;
  std::string_view name_;
  size_t offset_ = 0;
};

}  // namespace

std::string SerializeNerModel(const NerModel& model) {
  std::string out(kMagic);
  PutLittleEndian(kNerModelFormatVersion, 4, &out);
  PutLittleEndian(kNerFeatureSetId, 4, &out);
  PutLittleEndian(kNerLabelCount, 4, &out);
  std::vector<FeatureWeights::Row> rows = model.weights.SortedRows();
  PutLittleEndian(rows.size(), 4, &out);
  for (const FeatureWeights::Row& row : rows) {
    PutLittleEndian(row.key, 8, &out);
    PutLittleEndian(row.weights.size(), 1, &out);
    for (const LabelWeight& w : row.weights) {
      PutLittleEndian(w.label, 1, &out);
      PutLittleEndian(static_cast<uint16_t>(w.weight), 2, &out);
    }
  }
  for (const NerGazetteer* table :
       {&model.gazetteer, &model.word_profiles, &model.actor_names,
        &model.place_names, &model.name_lists}) {
    PutLittleEndian(table->entries().size(), 4, &out);
    for (const auto& [hash, mask] : table->entries()) {
      PutLittleEndian(hash, 8, &out);
      PutLittleEndian(mask, 1, &out);
    }
  }
  PutLittleEndian(model.self_tests.size(), 4, &out);
  for (const NerSelfTest& test : model.self_tests) {
    PutLittleEndian(test.words.size(), 4, &out);
    for (size_t i = 0; i < test.words.size(); ++i) {
      PutString(test.words[i], &out);
      PutString(test.pos[i], &out);
      PutLittleEndian(test.labels[i], 1, &out);
    }
  }
  PutLittleEndian(HashBytes(out), 8, &out);
  return out;
}

Result<NerModel> DeserializeNerModel(std::string_view bytes,
                                     std::string_view name) {
  ByteReader in(bytes, name);
  if (bytes.size() < kMagic.size() + 8 || bytes.substr(0, 8) != kMagic) {
    return in.Error(StatusCode::kDataLoss, "not a dyad NER model file");
  }
  std::string_view body = bytes.substr(0, bytes.size() - 8);
  ByteReader checksum_reader(bytes.substr(bytes.size() - 8), name);
  uint64_t checksum = 0;
  DYAD_RETURN_IF_ERROR(checksum_reader.Read(8, &checksum));
  in = ByteReader(body, name);
  uint64_t v = 0;
  for (size_t i = 0; i < kMagic.size(); ++i)
    DYAD_RETURN_IF_ERROR(in.Read(1, &v));
  DYAD_RETURN_IF_ERROR(in.Read(4, &v));
  if (v != kNerModelFormatVersion) {
    return in.Error(StatusCode::kParseError,
                    "model format version " + std::to_string(v) +
                        ", this build reads " +
                        std::to_string(kNerModelFormatVersion));
  }
  DYAD_RETURN_IF_ERROR(in.Read(4, &v));
  if (v != kNerFeatureSetId) {
    return in.Error(StatusCode::kParseError,
                    "feature set " + std::to_string(v) + ", this build has " +
                        std::to_string(kNerFeatureSetId));
  }
  DYAD_RETURN_IF_ERROR(in.Read(4, &v));
  if (v != kNerLabelCount) {
    return in.Error(StatusCode::kParseError,
                    "label count " + std::to_string(v) + ", expected " +
                        std::to_string(kNerLabelCount));
  }
  if (HashBytes(body) != checksum) {
    return in.Error(StatusCode::kDataLoss, "checksum mismatch (damaged file)");
  }
  NerModel model;
  uint64_t count = 0;
  DYAD_RETURN_IF_ERROR(in.Read(4, &count));
  std::vector<FeatureWeights::Row> rows;
  rows.reserve(std::min<uint64_t>(count, bytes.size() / 9));
  for (uint64_t r = 0; r < count; ++r) {
    FeatureWeights::Row row;
    uint64_t weights = 0;
    DYAD_RETURN_IF_ERROR(in.Read(8, &row.key));
    DYAD_RETURN_IF_ERROR(in.Read(1, &weights));
    for (uint64_t k = 0; k < weights; ++k) {
      uint64_t label = 0, weight = 0;
      DYAD_RETURN_IF_ERROR(in.Read(1, &label));
      DYAD_RETURN_IF_ERROR(in.Read(2, &weight));
      if (label >= kNerLabelCount) {
        return in.Error(StatusCode::kParseError, "label out of range");
      }
      LabelWeight w;
      w.label = static_cast<uint8_t>(label);
      w.weight = static_cast<int16_t>(static_cast<uint16_t>(weight));
      row.weights.push_back(w);
    }
    rows.push_back(std::move(row));
  }
  model.weights = FeatureWeights(std::move(rows));
  for (NerGazetteer* table :
       {&model.gazetteer, &model.word_profiles, &model.actor_names,
        &model.place_names, &model.name_lists}) {
    DYAD_RETURN_IF_ERROR(in.Read(4, &count));
    std::vector<std::pair<uint64_t, uint8_t>> entries;
    entries.reserve(std::min<uint64_t>(count, bytes.size() / 9));
    for (uint64_t e = 0; e < count; ++e) {
      uint64_t hash = 0, mask = 0;
      DYAD_RETURN_IF_ERROR(in.Read(8, &hash));
      DYAD_RETURN_IF_ERROR(in.Read(1, &mask));
      entries.emplace_back(hash, static_cast<uint8_t>(mask));
    }
    *table = NerGazetteer::FromEntries(std::move(entries));
  }
  DYAD_RETURN_IF_ERROR(in.Read(4, &count));
  for (uint64_t s = 0; s < count; ++s) {
    NerSelfTest test;
    uint64_t words = 0;
    DYAD_RETURN_IF_ERROR(in.Read(4, &words));
    for (uint64_t w = 0; w < words; ++w) {
      std::string word, pos;
      uint64_t label = 0;
      DYAD_RETURN_IF_ERROR(in.String(&word));
      DYAD_RETURN_IF_ERROR(in.String(&pos));
      DYAD_RETURN_IF_ERROR(in.Read(1, &label));
      if (label >= kNerLabelCount) {
        return in.Error(StatusCode::kParseError, "label out of range");
      }
      test.words.push_back(std::move(word));
      test.pos.push_back(std::move(pos));
      test.labels.push_back(static_cast<int>(label));
    }
    model.self_tests.push_back(std::move(test));
  }
  if (in.offset() != body.size()) {
    return in.Error(StatusCode::kDataLoss, "unexpected bytes after the data");
  }
  for (size_t s = 0; s < model.self_tests.size(); ++s) {
    const NerSelfTest& test = model.self_tests[s];
    std::vector<std::string_view> words(test.words.begin(), test.words.end());
    std::vector<std::string_view> pos(test.pos.begin(), test.pos.end());
    if (model.Tag(words, pos) != test.labels) {
      return Status(StatusCode::kDataLoss,
                    std::string(name) + ": self-test sentence " +
                        std::to_string(s + 1) +
                        " tags differently than recorded (damaged or "
                        "mismatched model)");
    }
  }
  return model;
}

Status SaveNerModelFile(const NerModel& model, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  std::string bytes = SerializeNerModel(model);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return IoError(path + ": cannot write the model file");
  return Status::Ok();
}

Result<NerModel> LoadNerModelFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return IoError(path + ": read failed");
  return DeserializeNerModel(bytes.str(), path);
}

}  // namespace dyad::analyze
