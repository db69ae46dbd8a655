// The store behind dyad.open(): one read-only Store, safe to use from
// several Python threads (calls take turns), closable.
#ifndef DYAD_PYTHON_STORE_HANDLE_H_
#define DYAD_PYTHON_STORE_HANDLE_H_

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "dyad/status.h"
#include "dyad/store.h"

namespace dyad::python {

class StoreHandle {
 public:
  // Opens the store file at `path` read-only. Fails as Store::Open does
  // (kNotFound for a missing file...). The caller owns the handle.
  static Result<std::unique_ptr<StoreHandle>> Open(const std::string& path);

  // The events matching `query` as a JSON array of the objects `dyad events
  // --format jsonl` prints (see StoredEventToJson), in the store's order.
  // Fails with kInvalidArgument once closed, otherwise as Store::FindEvents.
  Result<std::string> EventsJson(const EventQuery& query);

  // How many events match `query`, ignoring its limit and offset. Fails as
  // EventsJson.
  Result<int64_t> CountEvents(const EventQuery& query);

  // The article `doc_id` as JSON (see StoredArticleToJson), nullopt when the
  // store has no such article. Fails as EventsJson.
  Result<std::optional<std::string>> ArticleJson(const std::string& doc_id);

  // Row counts of the whole store. Fails as EventsJson.
  Result<StoreCounts> Counts();

  // Closes the file (waiting for a call in progress); later calls fail.
  // Closing twice is harmless.
  void Close();
  // True once Close was called; never waits for a call in progress.
  bool closed() const { return closed_; }

  // The path given to Open.
  const std::string& path() const { return path_; }

 private:
  StoreHandle(std::unique_ptr<Store> store, std::string path);
  Status ClosedError() const;

  std::mutex mutex_;  // a Store is one SQLite connection: one user at a time
  std::unique_ptr<Store> store_;  // null once closed
  std::atomic<bool> closed_ = false;
  std::string path_;
};

}  // namespace dyad::python

#endif  // DYAD_PYTHON_STORE_HANDLE_H_
