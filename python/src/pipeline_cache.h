// The Pipelines of the Python package, one per set of options, kept for the
// life of the process so that repeated dyad.code() calls do not reload the
// lexicon and the models.
#ifndef DYAD_PYTHON_PIPELINE_CACHE_H_
#define DYAD_PYTHON_PIPELINE_CACHE_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>

#include "dyad/pipeline.h"
#include "dyad/status.h"

namespace dyad::python {

// What distinguishes one cached Pipeline from another.
struct PipelineKey {
  std::string dictionaries;  // "" for the embedded default lexicon
  std::string models;        // "" for DefaultModelsDir()
  bool parse = true;
  friend bool operator<(const PipelineKey& a, const PipelineKey& b) {
    return std::tie(a.dictionaries, a.models, a.parse) <
           std::tie(b.dictionaries, b.models, b.parse);
  }
};

class PipelineCache {
 public:
  // A cached Pipeline for `key`, shared with every caller that asks for the
  // same key. Relative paths in `key` are made absolute first, so a later
  // change of directory does not make them mean something else.
  // The first call for a key loads the lexicon and, with key.parse, the
  // models: models of an explicit key.models must load (their loader's
  // error is returned), the default models may be missing (the Pipeline
  // then codes without the parse; see Pipeline::parse_status). Fails with
  // the dictionary or model loader's error, which names the file and line.
  // `*created` (when not null) tells whether this call made the Pipeline.
  // Thread-safe; does not need the Python GIL.
  Result<std::shared_ptr<const Pipeline>> Get(PipelineKey key, bool* created);

  // The process-wide cache of the module.
  static PipelineCache& Global();

 private:
  std::mutex mutex_;
  std::map<PipelineKey, std::shared_ptr<const Pipeline>> pipelines_;
};

}  // namespace dyad::python

#endif  // DYAD_PYTHON_PIPELINE_CACHE_H_
