#include "store/sqlite_statement.h"

#include <utility>

namespace dyad::store_internal {

Status SqliteStatus(sqlite3* db, int rc, std::string_view path,
                    std::string_view what) {
  std::string message(path);
  message += ": ";
  if (!what.empty()) {
    message += what;
    message += ": ";
  }
  // sqlite3_errmsg describes the most recent failure on `db`; the result
  // code's generic text is the fallback when there is no connection.
  message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return DataLoss(std::move(message));
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_FULL:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return IoError(std::move(message));
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      return InvalidArgument(std::move(message));
    default:
      return Internal(std::move(message));
  }
}

Status Exec(sqlite3* db, std::string_view path, const char* sql) {
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(db, rc, path, "");
  return Status::Ok();
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      db_(other.db_),
      path_(other.path_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = other.db_;
    path_ = other.path_;
  }
  return *this;
}

Status Statement::Prepare(sqlite3* db, const std::string* path,
                          std::string_view sql, bool persistent) {
  sqlite3_finalize(stmt_);
  stmt_ = nullptr;
  db_ = db;
  path_ = path;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                              persistent ? SQLITE_PREPARE_PERSISTENT : 0,
                              &stmt_, nullptr);
  if (rc != SQLITE_OK) {
    return SqliteStatus(
        db, rc, *path,
        "preparing \"" + std::string(sql.substr(0, 60)) + "...\"");
  }
  return Status::Ok();
}

void Statement::BindText(int index, std::string_view value) {
  // A non-null pointer even for "" so that the value is '' and not NULL.
  static constexpr char kEmpty[] = "";
  sqlite3_bind_text64(stmt_, index, value.empty() ? kEmpty : value.data(),
                      value.size(), SQLITE_STATIC, SQLITE_UTF8);
}

void Statement::BindInt(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
}

void Statement::BindDouble(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
}

void Statement::BindNull(int index) { sqlite3_bind_null(stmt_, index); }

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status status = SqliteStatus(db_, rc, *path_, "");
  sqlite3_reset(stmt_);
  return status;
}

Status Statement::ForEachRow(
    const std::function<Status(const Statement&)>& on_row) {
  while (true) {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    DYAD_RETURN_IF_ERROR(on_row(*this));
  }
}

Status Statement::Run() {
  Result<bool> row = Step();
  while (row.ok() && *row) row = Step();
  Reset();
  if (!row.ok()) return row.status();
  return Status::Ok();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int64_t Statement::Int(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

double Statement::Double(int column) const {
  return sqlite3_column_double(stmt_, column);
}

std::string Statement::Text(int column) const {
  // Ask for the blob first so that SQLite does not convert the bytes; the
  // length must be read after the pointer.
  const void* bytes = sqlite3_column_blob(stmt_, column);
  int size = sqlite3_column_bytes(stmt_, column);
  if (bytes == nullptr || size <= 0) return std::string();
  return std::string(static_cast<const char*>(bytes),
                     static_cast<size_t>(size));
}

}  // namespace dyad::store_internal
