// Read-only SQLite connections for the API: one per request thread, each
// with a per-request time limit enforced by SQLite's progress handler.
#ifndef DYAD_SERVE_READ_CONNECTION_H_
#define DYAD_SERVE_READ_CONNECTION_H_

#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "dyad/status.h"

namespace dyad::serve_internal {

class ReadConnection {
 public:
  // Opens `path` read-only (the caller has checked that it is a dyad
  // store). Fails with the SQLite error naming `path`.
  static Result<std::unique_ptr<ReadConnection>> Open(const std::string& path);
  ~ReadConnection();
  ReadConnection(const ReadConnection&) = delete;
  ReadConnection& operator=(const ReadConnection&) = delete;

  sqlite3* db() const { return db_; }
  const std::string& path() const { return path_; }
  // True when the store has the full-text index of quotes (schema 2).
  bool has_quotes_fts() const { return has_quotes_fts_; }

  // Starts a request: statements stepped from now on are interrupted
  // (SQLITE_INTERRUPT) once `limit` has passed.
  void StartRequest(std::chrono::milliseconds limit);
  // True when the current request's statements were interrupted for time.
  bool timed_out() const { return timed_out_; }

 private:
  ReadConnection() = default;
  static int OnProgress(void* self);

  sqlite3* db_ = nullptr;
  std::string path_;
  bool has_quotes_fts_ = false;
  std::chrono::steady_clock::time_point deadline_;
  bool timed_out_ = false;
};

// A fixed set of connections lent to one request at a time.
class ConnectionPool {
 public:
  explicit ConnectionPool(std::vector<std::unique_ptr<ReadConnection>> pool)
      : free_(std::move(pool)) {}

  // Returns a connection to the pool when destroyed.
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<ReadConnection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    ~Lease();
    Lease(Lease&&) = default;
    ReadConnection& operator*() const { return *connection_; }
    ReadConnection* operator->() const { return connection_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<ReadConnection> connection_;
  };

  // Waits for a free connection.
  Lease Borrow();

 private:
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<ReadConnection>> free_;
};

}  // namespace dyad::serve_internal

#endif  // DYAD_SERVE_READ_CONNECTION_H_
