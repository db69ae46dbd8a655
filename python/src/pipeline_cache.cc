#include "pipeline_cache.h"

#include <filesystem>
#include <system_error>
#include <utility>

namespace dyad::python {
namespace {

// Leaves the path as given when the working directory cannot be read: the
// loader then reports the path the caller wrote.
std::string Absolute(const std::string& path) {
  if (path.empty()) return path;
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(path, error);
  if (error) return path;
  return absolute.lexically_normal().string();
}

}  // namespace

Result<std::shared_ptr<const Pipeline>> PipelineCache::Get(PipelineKey key,
                                                           bool* created) {
  if (created != nullptr) *created = false;
  key.dictionaries = Absolute(key.dictionaries);
  key.models = Absolute(key.models);
  // Held while loading: two threads asking for the same new key must not
  // both spend seconds loading models.
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = pipelines_.find(key);
  if (found != pipelines_.end()) return found->second;
  PipelineOptions options;
  options.dictionaries = key.dictionaries;
  options.models_dir = key.models;
  options.parse = key.parse;
  options.parse_if_available = key.models.empty();
  auto pipeline = Pipeline::Create(options);
  if (!pipeline.ok()) return pipeline.status();
  std::shared_ptr<const Pipeline> shared = std::move(pipeline).value();
  pipelines_.emplace(std::move(key), shared);
  if (created != nullptr) *created = true;
  return shared;
}

PipelineCache& PipelineCache::Global() {
  // Never destroyed: Python may tear the module down in any order at exit.
  static PipelineCache* cache = new PipelineCache();
  return *cache;
}

}  // namespace dyad::python
