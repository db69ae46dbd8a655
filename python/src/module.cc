// _dyad: the compiled half of the Python package. It hands JSON text to the
// Python half (python/dyad/__init__.py), which turns it into dicts and
// lists: the JSON comes from the output library, so a result read in
// Python is the line `dyad code --format jsonl` or `dyad events --format
// jsonl` prints, field for field.
//
// Coding and store queries run without the GIL.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "code_text.h"
#include "dyad/analyze.h"
#include "dyad/store.h"
#include "pipeline_cache.h"
#include "python_errors.h"
#include "store_handle.h"

namespace py = pybind11;

namespace dyad::python {
namespace {

// Returns the cached Pipeline for the options (loading it on first use,
// without the GIL), or raises the loader's error. Warns once per Pipeline
// when the default models are missing and coding goes on without the parse.
std::shared_ptr<const Pipeline> GetPipeline(PipelineKey key) {
  bool created = false;
  Result<std::shared_ptr<const Pipeline>> pipeline =
      Status(StatusCode::kInternal, "pipeline not loaded");
  {
    py::gil_scoped_release release;
    pipeline = PipelineCache::Global().Get(std::move(key), &created);
  }
  RaiseIfError(pipeline.status());
  if (created && !(*pipeline)->parse_status().ok()) {
    py::module_::import("warnings")
        .attr("warn")("dyad: coding without the dependency parse: " +
                          (*pipeline)->parse_status().ToString(),
                      py::module_::import("builtins").attr("RuntimeWarning"),
                      2);
  }
  return *pipeline;
}

std::string CodeJson(std::string text, const std::string& published,
                     const std::string& doc_id,
                     const std::optional<std::string>& headline,
                     const std::string& dictionaries, const std::string& models,
                     bool parse) {
  std::shared_ptr<const Pipeline> pipeline =
      GetPipeline({dictionaries, models, parse});
  Result<std::string> line = Status(StatusCode::kInternal, "not coded");
  {
    py::gil_scoped_release release;
    auto doc = DocumentFromText(std::move(text), doc_id, published, headline);
    line = doc.ok() ? CodeDocument(*pipeline, std::move(doc).value())
                    : Result<std::string>(doc.status());
  }
  RaiseIfError(line.status());
  return std::move(line).value();
}

std::vector<std::string> CodeFileJson(const std::string& path,
                                      const std::string& published,
                                      const std::string& input_format,
                                      const std::string& dictionaries,
                                      const std::string& models, bool parse) {
  std::shared_ptr<const Pipeline> pipeline =
      GetPipeline({dictionaries, models, parse});
  Result<std::vector<std::string>> lines =
      Status(StatusCode::kInternal, "not coded");
  {
    py::gil_scoped_release release;
    lines = CodePath(*pipeline, path, published, input_format);
  }
  RaiseIfError(lines.status());
  return std::move(lines).value();
}

// Runs `call` on the store without the GIL and returns its value, or raises
// its error.
template <typename Call>
auto WithoutGil(Call call) {
  using ResultType = decltype(call());
  std::optional<ResultType> result;
  {
    py::gil_scoped_release release;
    result.emplace(call());
  }
  RaiseIfError(result->status());
  return std::move(*result).value();
}

std::unique_ptr<StoreHandle> OpenStore(const std::string& path) {
  Result<std::unique_ptr<StoreHandle>> handle =
      Status(StatusCode::kInternal, "not opened");
  {
    py::gil_scoped_release release;
    handle = StoreHandle::Open(path);
  }
  RaiseIfOpenError(handle.status());
  return std::move(handle).value();
}

py::dict CountsDict(const StoreCounts& counts) {
  py::dict d;
  d["articles"] = counts.articles;
  d["sentences"] = counts.sentences;
  d["events"] = counts.events;
  d["quotes"] = counts.quotes;
  d["actors"] = counts.actors;
  d["merged_events"] = counts.merged_events;
  return d;
}

}  // namespace
}  // namespace dyad::python

PYBIND11_MODULE(_dyad, m) {
  using dyad::EventQuery;
  using dyad::python::StoreHandle;
  m.doc() =
      "The compiled half of the dyad package; use the functions of `dyad`.";

  m.def("code_json", &dyad::python::CodeJson, py::arg("text"),
        py::arg("published"), py::arg("doc_id"), py::arg("headline"),
        py::arg("dictionaries"), py::arg("models"), py::arg("parse"),
        "Codes one wire-story text; returns its JSONL-contract line.");
  m.def("code_file_json", &dyad::python::CodeFileJson, py::arg("path"),
        py::arg("published"), py::arg("input_format"), py::arg("dictionaries"),
        py::arg("models"), py::arg("parse"),
        "Codes every document of a file or directory; returns their lines.");
  m.def("default_models_dir", &dyad::DefaultModelsDir,
        "The models directory used when models= is not given.");

  py::class_<EventQuery>(m, "EventQuery", "Filters of Store.events_json.")
      .def(py::init<>())
      .def_readwrite("actor", &EventQuery::actor)
      .def_readwrite("source", &EventQuery::source)
      .def_readwrite("target", &EventQuery::target)
      .def_readwrite("both_directions", &EventQuery::both_directions)
      .def_readwrite("cameo", &EventQuery::cameo)
      .def_readwrite("root", &EventQuery::root)
      .def_readwrite("date_from", &EventQuery::date_from)
      .def_readwrite("date_to", &EventQuery::date_to)
      .def_readwrite("limit", &EventQuery::limit)
      .def_readwrite("offset", &EventQuery::offset);

  py::class_<StoreHandle>(m, "Store", "A dyad store file opened read-only.")
      .def_static("open", &dyad::python::OpenStore, py::arg("path"))
      .def(
          "events_json",
          [](StoreHandle& store, const EventQuery& query) {
            return dyad::python::WithoutGil(
                [&] { return store.EventsJson(query); });
          },
          py::arg("query"))
      .def(
          "count_events",
          [](StoreHandle& store, const EventQuery& query) {
            return dyad::python::WithoutGil(
                [&] { return store.CountEvents(query); });
          },
          py::arg("query"))
      .def(
          "article_json",
          [](StoreHandle& store, const std::string& doc_id) {
            return dyad::python::WithoutGil(
                [&] { return store.ArticleJson(doc_id); });
          },
          py::arg("doc_id"))
      .def("counts",
           [](StoreHandle& store) {
             return dyad::python::CountsDict(
                 dyad::python::WithoutGil([&] { return store.Counts(); }));
           })
      .def("close",
           [](StoreHandle& store) {
             py::gil_scoped_release release;
             store.Close();
           })
      .def_property_readonly("closed", &StoreHandle::closed)
      .def_property_readonly("path", &StoreHandle::path);
}
