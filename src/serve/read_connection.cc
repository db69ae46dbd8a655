#include "serve/read_connection.h"

#include "store/sqlite_statement.h"

namespace dyad::serve_internal {

Result<std::unique_ptr<ReadConnection>> ReadConnection::Open(
    const std::string& path) {
  std::unique_ptr<ReadConnection> connection(new ReadConnection());
  connection->path_ = path;
  int rc = sqlite3_open_v2(path.c_str(), &connection->db_,
                           SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    return store_internal::SqliteStatus(connection->db_, rc, path,
                                        "cannot open the store");
  }
  sqlite3_extended_result_codes(connection->db_, 1);
  // A writer (ingest) may hold the lock briefly; readers of a WAL file do
  // not wait on it, but a checkpoint can.
  sqlite3_busy_timeout(connection->db_, 2000);
  DYAD_RETURN_IF_ERROR(store_internal::Exec(
      connection->db_, path,
      "PRAGMA query_only = ON; PRAGMA cache_size = -65536; "
      "PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 1073741824"));
  store_internal::Statement fts;
  DYAD_RETURN_IF_ERROR(fts.Prepare(
      connection->db_, &connection->path_,
      "SELECT count(*) FROM sqlite_schema WHERE name = 'quotes_fts'", false));
  Result<bool> row = fts.Step();
  if (!row.ok()) return row.status();
  connection->has_quotes_fts_ = *row && fts.Int(0) > 0;
  sqlite3_progress_handler(connection->db_, 1000, &ReadConnection::OnProgress,
                           connection.get());
  return connection;
}

ReadConnection::~ReadConnection() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

void ReadConnection::StartRequest(std::chrono::milliseconds limit) {
  deadline_ = std::chrono::steady_clock::now() + limit;
  timed_out_ = false;
}

int ReadConnection::OnProgress(void* self) {
  auto* connection = static_cast<ReadConnection*>(self);
  if (std::chrono::steady_clock::now() < connection->deadline_) return 0;
  connection->timed_out_ = true;
  return 1;  // interrupts the statement
}

ConnectionPool::Lease::~Lease() {
  if (pool_ == nullptr || connection_ == nullptr) return;
  {
    std::lock_guard<std::mutex> lock(pool_->mutex_);
    pool_->free_.push_back(std::move(connection_));
  }
  pool_->returned_.notify_one();
}

ConnectionPool::Lease ConnectionPool::Borrow() {
  std::unique_lock<std::mutex> lock(mutex_);
  returned_.wait(lock, [this] { return !free_.empty(); });
  std::unique_ptr<ReadConnection> connection = std::move(free_.back());
  free_.pop_back();
  return Lease(this, std::move(connection));
}

}  // namespace dyad::serve_internal
