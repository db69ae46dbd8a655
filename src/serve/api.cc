// Api: routing a request to its endpoint, errors as JSON, and ingest.
#include <algorithm>
#include <chrono>
#include <exception>
#include <mutex>
#include <string>

#include "dyad/ingest.h"
#include "dyad/serve.h"
#include "dyad/store.h"
#include "serve/endpoints.h"
#include "serve/query_params.h"
#include "serve/read_connection.h"

namespace dyad {

using serve_internal::ConnectionPool;
using serve_internal::Json;
using serve_internal::QueryParams;
using serve_internal::ReadConnection;

std::string DefaultWebDir() { return DYAD_DEFAULT_WEB_DIR; }

struct Api::Impl {
  ServeOptions options;
  std::unique_ptr<ConnectionPool> pool;
  // Ingest only: the one writer, and the pipeline that codes for it.
  std::mutex write_mutex;
  std::unique_ptr<Store> writer;
  std::unique_ptr<Pipeline> pipeline;

  ApiResponse Ingest(const ApiRequest& request);
};

namespace {

ApiResponse Error(int status, const std::string& message) {
  return ApiResponse{status, serve_internal::Dump(Json{{"error", message}})};
}

ApiResponse FromResult(const Result<Json>& result, const ReadConnection& db) {
  if (result.ok()) return ApiResponse{200, serve_internal::Dump(*result)};
  const Status& status = result.status();
  if (db.timed_out()) {
    return Error(503, "the query ran over the time limit; narrow the filters");
  }
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
      return Error(400, status.message());
    case StatusCode::kNotFound:
      return Error(404, status.message());
    default:
      return Error(500, status.ToString());
  }
}

// Compares in time independent of where the strings first differ.
bool SameSecret(const std::string& given, const std::string& expected) {
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (size_t i = 0; i < given.size(); ++i) {
    difference |= static_cast<unsigned char>(
        given[i] ^ expected[i % (expected.empty() ? 1 : expected.size())]);
  }
  return difference == 0 && !expected.empty();
}

}  // namespace

ApiResponse Api::Impl::Ingest(const ApiRequest& request) {
  if (!options.allow_ingest) {
    return Error(403,
                 "ingest is off: start dyad serve with --allow-ingest "
                 "--token TOKEN");
  }
  if (!SameSecret(request.authorization, "Bearer " + options.ingest_token)) {
    return Error(401, "Authorization: Bearer TOKEN missing or wrong");
  }
  if (request.body.size() > options.max_ingest_bytes) {
    return Error(413, "body over the limit of " +
                          std::to_string(options.max_ingest_bytes) + " bytes");
  }
  Json body = Json::parse(request.body, nullptr, false);
  if (body.is_discarded()) {
    return Error(400, "body: not JSON (one article object or an array)");
  }
  if (body.is_object()) body = Json::array({std::move(body)});
  if (!body.is_array()) {
    return Error(400, "body: not an article object or an array of them");
  }
  Json doc_ids = Json::array();
  Json errors = Json::array();
  int64_t stored = 0, events = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    auto fail = [&](const std::string& message) {
      errors.push_back({{"index", i}, {"error", message}});
    };
    const Json& item = body[i];
    if (!item.is_object()) {
      fail("not a JSON object");
      continue;
    }
    // The JSONL reader is the one definition of an input article; the API
    // also takes "headline" for its "title".
    Result<Document> read = ParseJsonlLine(serve_internal::Dump(item),
                                           "request", i + 1, IngestOptions());
    if (!read.ok()) {
      fail(read.status().ToString());
      continue;
    }
    Document& doc = read.value();
    if (doc.headline.empty() && item.contains("headline") &&
        item["headline"].is_string()) {
      doc.headline = item["headline"].get<std::string>();
    }
    Status coded = pipeline->Process(&doc);
    if (!coded.ok()) {
      fail(coded.ToString());
      continue;
    }
    Result<bool> put = [&] {
      std::lock_guard<std::mutex> lock(write_mutex);
      return writer->Put(doc);
    }();
    if (!put.ok()) {
      fail(put.status().ToString());
      continue;
    }
    ++stored;
    events += static_cast<int64_t>(doc.events.size());
    doc_ids.push_back(doc.doc_id);
  }
  Json answer{{"stored", stored},
              {"events", events},
              {"doc_ids", std::move(doc_ids)},
              {"errors", std::move(errors)}};
  return ApiResponse{200, serve_internal::Dump(answer)};
}

Api::Api(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Api::~Api() = default;

const ServeOptions& Api::options() const { return impl_->options; }

Result<std::unique_ptr<Api>> Api::Open(const ServeOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (options.allow_ingest) {
    if (options.ingest_token.empty()) {
      return InvalidArgument("--allow-ingest needs --token TOKEN");
    }
    // Opening writable also upgrades an older store's schema before the
    // readers look at it.
    auto writer = Store::Open(options.db, StoreMode::kReadWrite);
    if (!writer.ok()) return writer.status();
    impl->writer = std::move(writer).value();
    auto pipeline = Pipeline::Create(options.pipeline);
    if (!pipeline.ok()) return pipeline.status();
    impl->pipeline = std::move(pipeline).value();
  } else {
    // Checks that the file is a store this build reads, with its errors.
    auto check = Store::Open(options.db, StoreMode::kReadOnly);
    if (!check.ok()) return check.status();
  }
  std::vector<std::unique_ptr<ReadConnection>> connections;
  for (int i = 0; i < std::max(1, options.threads); ++i) {
    auto connection = ReadConnection::Open(options.db);
    if (!connection.ok()) return connection.status();
    connections.push_back(std::move(connection).value());
  }
  impl->pool = std::make_unique<ConnectionPool>(std::move(connections));
  return std::unique_ptr<Api>(new Api(std::move(impl)));
}

ApiResponse Api::Handle(const ApiRequest& request) const {
  try {
    const std::string& path = request.path;
    if (path == "/api/articles") {
      if (request.method != "POST") {
        return Error(405, "/api/articles takes POST (to ingest articles)");
      }
      return impl_->Ingest(request);
    }
    if (path.rfind("/api/", 0) != 0) return Error(404, "no such path " + path);
    if (request.method != "GET" && request.method != "HEAD") {
      return Error(405, request.method + " is not allowed on " + path);
    }
    if (request.body.size() > impl_->options.max_request_bytes) {
      return Error(413, "body over the limit of " +
                            std::to_string(impl_->options.max_request_bytes) +
                            " bytes");
    }
    ConnectionPool::Lease db = impl_->pool->Borrow();
    db->StartRequest(
        std::chrono::milliseconds(impl_->options.query_time_limit_ms));
    QueryParams params(request.params);
    using namespace serve_internal;
    auto run = [&](auto parsed, auto endpoint) -> ApiResponse {
      if (!parsed.ok()) return Error(400, parsed.status().message());
      return FromResult(endpoint(*db, *parsed), *db);
    };
    if (path == "/api/health") return FromResult(Health(*db), *db);
    if (path == "/api/events") {
      return run(ParseEventsParams(params), Events);
    }
    if (path == "/api/dyads") return run(ParseDyadsParams(params), Dyads);
    if (path == "/api/network") {
      return run(ParseNetworkParams(params), Network);
    }
    if (path == "/api/places") return run(ParsePlacesParams(params), Places);
    if (path == "/api/quotes") return run(ParseQuotesParams(params), Quotes);
    const std::string articles = "/api/articles/";
    if (path.rfind(articles, 0) == 0 && path.size() > articles.size()) {
      return FromResult(Article(*db, path.substr(articles.size())), *db);
    }
    const std::string actors = "/api/actors/";
    if (path.rfind(actors, 0) == 0 && path.size() > actors.size()) {
      Result<std::string> code = ParseCode("code", path.substr(actors.size()));
      if (!code.ok()) return Error(400, code.status().message());
      return FromResult(serve_internal::Actor(*db, *code), *db);
    }
    return Error(404, "no such endpoint " + path);
  } catch (const std::exception& e) {
    return Error(500, std::string("internal error: ") + e.what());
  }
}

}  // namespace dyad
