// Server: the Api and the dashboard's files over cpp-httplib.
#include <httplib.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "dyad/serve.h"
#include "serve/event_sql.h"

namespace dyad {
namespace {

bool IsFile(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

void SetJsonError(httplib::Response& res, int status,
                  const std::string& message) {
  res.status = status;
  res.set_content(
      serve_internal::Dump(serve_internal::Json{{"error", message}}),
      "application/json");
}

}  // namespace

struct Server::Impl {
  ServeOptions options;
  std::unique_ptr<Api> api;
  httplib::Server http;
  std::thread listener;
  std::atomic<bool> listener_done{false};
  int port = 0;
  std::mutex stop_mutex;
  bool stopped = false;

  void Answer(const httplib::Request& req, httplib::Response& res) {
    ApiRequest request;
    request.method = req.method;
    request.path = req.path;
    for (const auto& [name, value] : req.params) {
      request.params.emplace_back(name, value);
    }
    request.body = req.body;
    request.authorization = req.get_header_value("Authorization");
    ApiResponse response = api->Handle(request);
    res.status = response.status;
    if (response.status == 401) {
      res.set_header("WWW-Authenticate", "Bearer");
    }
    res.set_content(req.method == "HEAD" ? std::string() : response.body,
                    "application/json");
  }
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { Stop(); }

const std::string& Server::host() const { return impl_->options.host; }
int Server::port() const { return impl_->port; }
bool Server::running() const { return !impl_->listener_done; }

void Server::Stop() {
  std::lock_guard<std::mutex> lock(impl_->stop_mutex);
  if (impl_->stopped) return;
  impl_->stopped = true;
  impl_->http.stop();
  if (impl_->listener.joinable()) impl_->listener.join();
}

Result<std::unique_ptr<Server>> Server::Start(const ServeOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (impl->options.web_dir.empty()) impl->options.web_dir = DefaultWebDir();
  auto api = Api::Open(impl->options);
  if (!api.ok()) return api.status();
  impl->api = std::move(api).value();
  Impl* self = impl.get();
  httplib::Server& http = impl->http;

  const int threads = std::max(1, options.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(options.max_ingest_bytes);
  // Small JSON answers must not wait for Nagle's algorithm.
  http.set_tcp_nodelay(true);
  // An idle keep-alive connection holds a request thread; a browser opens
  // six at once, so idle ones are let go after a second.
  http.set_keep_alive_timeout(1);
  http.set_pre_routing_handler([self](const httplib::Request& req,
                                      httplib::Response& res) {
    if (!self->options.cors_origin.empty()) {
      res.set_header("Access-Control-Allow-Origin", self->options.cors_origin);
      res.set_header("Vary", "Origin");
      if (req.method == "OPTIONS") {
        res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        res.set_header("Access-Control-Allow-Headers",
                       "Authorization, Content-Type");
        res.status = 204;
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    // Only ingest may send a large body; refuse others before reading it.
    // (httplib itself answers 413 to ingest bodies over
    // payload_max_length, after draining them so that the client reads
    // the answer.)
    const bool ingest = req.method == "POST" && req.path == "/api/articles";
    const size_t limit = self->options.max_request_bytes;
    if (!ingest && req.get_header_value<uint64_t>("Content-Length") > limit) {
      SetJsonError(
          res, 413,
          "body over the limit of " + std::to_string(limit) + " bytes");
      // The unread body must not be taken for the next request.
      res.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  auto answer = [self](const httplib::Request& req, httplib::Response& res) {
    self->Answer(req, res);
  };
  const char* api_pattern = R"(/api/.*)";
  http.Get(api_pattern, answer);
  http.Post(api_pattern, answer);
  http.Put(api_pattern, answer);
  http.Patch(api_pattern, answer);
  http.Delete(api_pattern, answer);
  http.Options(api_pattern, answer);

  const std::string& web = impl->options.web_dir;
  if (IsFile(web + "/index.html")) {
    http.set_mount_point("/", web);
  } else {
    http.Get("/", [web](const httplib::Request&, httplib::Response& res) {
      res.set_content("dyad serve: the dashboard is not built (no " + web +
                          "/index.html); the API answers under /api/, e.g. "
                          "/api/health\n",
                      "text/plain; charset=utf-8");
    });
  }
  http.set_error_handler(
      [](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (res.status == 413) {
          SetJsonError(res, 413, "body over the limit");
        } else if (req.path.rfind("/api/", 0) == 0 || res.status != 404) {
          SetJsonError(res, res.status,
                       "HTTP status " + std::to_string(res.status));
        }
      });

  // httplib's default also sets SO_REUSEPORT, which would let a second
  // server share a port already in use instead of failing.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  if (options.port == 0) {
    impl->port = http.bind_to_any_port(options.host);
    if (impl->port <= 0) {
      return IoError("cannot listen on " + options.host + " (any port)");
    }
  } else {
    if (!http.bind_to_port(options.host, options.port)) {
      return IoError("cannot listen on " + options.host + ":" +
                     std::to_string(options.port) +
                     " (in use, or not an address of this machine)");
    }
    impl->port = options.port;
  }
  impl->listener = std::thread([self] {
    self->http.listen_after_bind();
    self->listener_done = true;
  });
  // httplib's stop() does nothing until the listener runs: wait for it, so
  // that a Stop right after Start cannot leave the thread blocked in
  // accept().
  while (!http.is_running() && !impl->listener_done) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

}  // namespace dyad
