// Thin RAII wrappers over the SQLite C API for the store: a connection and
// a prepared statement, reporting failures as dyad::Status values that name
// the database file.
#ifndef DYAD_STORE_SQLITE_STATEMENT_H_
#define DYAD_STORE_SQLITE_STATEMENT_H_

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "dyad/status.h"

namespace dyad::store_internal {

// Maps a SQLite result code to a Status whose message reads
// "PATH: WHAT: SQLITE MESSAGE" ("PATH: SQLITE MESSAGE" when `what` is
// empty). A damaged or foreign file gives kDataLoss, operating-system
// refusals kIoError, constraint violations kInvalidArgument, anything else
// kInternal.
Status SqliteStatus(sqlite3* db, int rc, std::string_view path,
                    std::string_view what);

// Runs one or more SQL statements that return no rows. Errors read
// "PATH: SQLITE MESSAGE".
Status Exec(sqlite3* db, std::string_view path, const char* sql);

// A prepared statement. Move-only; finalizes itself.
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Compiles `sql` for `db`. `path` names the database in error messages
  // and must outlive the Statement. `persistent` hints SQLite that the
  // statement will be reused many times.
  Status Prepare(sqlite3* db, const std::string* path, std::string_view sql,
                 bool persistent);

  // Binders take 1-based parameter indexes. BindText does not copy: the
  // bytes must stay alive until the statement is reset.
  void BindText(int index, std::string_view value);
  void BindInt(int index, int64_t value);
  void BindDouble(int index, double value);
  void BindNull(int index);

  // Advances the statement: true when a row is ready, false when done.
  Result<bool> Step();
  // Steps until done, calling `on_row` with the statement positioned on
  // each row. Returns the first non-OK Status of `on_row` (stopping there)
  // or of SQLite, else OK. One loop for every multi-row read, so that none
  // of them can forget to check Step().
  Status ForEachRow(const std::function<Status(const Statement&)>& on_row);
  // Steps until done, then resets; for statements that return no rows.
  Status Run();
  // Makes the statement ready to run again and clears its bindings.
  void Reset();

  bool IsNull(int column) const;
  int64_t Int(int column) const;
  double Double(int column) const;
  // Text or blob bytes of `column` ("" for NULL).
  std::string Text(int column) const;

  bool prepared() const { return stmt_ != nullptr; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
  const std::string* path_ = nullptr;
};

}  // namespace dyad::store_internal

#endif  // DYAD_STORE_SQLITE_STATEMENT_H_
