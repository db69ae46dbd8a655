// serve: the JSON API of docs/api.md over a store, and the HTTP server that
// carries it (and the dashboard's static files).
//
// The API is a pure function of a request (method, path, query parameters,
// body, bearer token) to a status and a JSON body, so that every endpoint
// can be tested without sockets; Server is a thin wiring of it into
// cpp-httplib.
#ifndef DYAD_SERVE_H_
#define DYAD_SERVE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dyad/pipeline.h"
#include "dyad/status.h"

namespace dyad {

struct ServeOptions {
  std::string db;  // the store file; must exist
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port)
  // Directory of the dashboard's static files; "" means the compiled-in
  // default (the vite build in the source tree's web/dist).
  std::string web_dir;
  // POST /api/articles codes and stores articles only when set, and only
  // for requests carrying "Authorization: Bearer <ingest_token>". The store
  // is opened read-only otherwise.
  bool allow_ingest = false;
  std::string ingest_token;
  PipelineOptions pipeline;  // how ingested articles are coded
  // Sent as Access-Control-Allow-Origin when not empty; no CORS header
  // otherwise.
  std::string cors_origin;
  int threads = 8;  // request threads, each with its own read connection
  int query_time_limit_ms = 5000;  // longer queries answer 503
  size_t max_ingest_bytes = 4u << 20;
  size_t max_request_bytes = 16u << 10;  // bodies of every other request
};

// The compiled-in dashboard directory (DYAD_DEFAULT_WEB_DIR).
std::string DefaultWebDir();

// One API request, as the HTTP layer hands it over.
struct ApiRequest {
  std::string method = "GET";
  std::string path;  // "/api/events", already percent-decoded
  // Query parameters in order, percent-decoded; a repeated name keeps its
  // first value.
  std::vector<std::pair<std::string, std::string>> params;
  std::string body;
  std::string authorization;  // the Authorization header, "" when absent
};

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON, or an {"error": ...} object
};

// The endpoints of docs/api.md over one store. Thread-safe: Handle may be
// called from many threads at once (each call borrows one of a pool of
// read connections, so at most ServeOptions::threads queries run at once).
class Api {
 public:
  // Opens options.db: read-only connections, plus, with allow_ingest, one
  // writable Store and the coding pipeline. Fails with the Store's error
  // (naming the file) when it cannot be opened, InvalidArgument when
  // allow_ingest is set without a token, or the pipeline's error.
  static Result<std::unique_ptr<Api>> Open(const ServeOptions& options);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  // Answers `request`. Never fails: errors are responses (400 naming the
  // bad parameter, 401/403 for ingest, 404, 405, 413, 503 past the time
  // limit, 500 for a store error).
  ApiResponse Handle(const ApiRequest& request) const;

  const ServeOptions& options() const;

 private:
  struct Impl;
  explicit Api(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The HTTP server: the Api under /api/, the dashboard's files elsewhere.
class Server {
 public:
  // Opens the Api, binds options.host:options.port and starts answering on
  // a background thread pool. Fails as Api::Open does, or with IoError when
  // the address cannot be bound. The caller owns the Server.
  static Result<std::unique_ptr<Server>> Start(const ServeOptions& options);
  // Stops (see Stop).
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  const std::string& host() const;
  int port() const;  // the bound port (the chosen one for port 0)

  // Stops accepting, finishes the requests in flight and joins the threads.
  // Idempotent; safe to call from any thread but a request handler.
  void Stop();

  // True while the server accepts connections; false after Stop, or as
  // soon as its listener has ended by itself (the listening socket failed),
  // which the caller should treat as fatal. Safe from any thread.
  bool running() const;

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad

#endif  // DYAD_SERVE_H_
