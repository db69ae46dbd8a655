#include "store_handle.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "dyad/stored_event_json.h"
#include "stored_event_json.h"

namespace dyad::python {

Result<std::unique_ptr<StoreHandle>> StoreHandle::Open(
    const std::string& path) {
  auto store = Store::Open(path, StoreMode::kReadOnly);
  if (!store.ok()) return store.status();
  return std::unique_ptr<StoreHandle>(
      new StoreHandle(std::move(store).value(), path));
}

StoreHandle::StoreHandle(std::unique_ptr<Store> store, std::string path)
    : store_(std::move(store)), path_(std::move(path)) {}

Status StoreHandle::ClosedError() const {
  return InvalidArgument(path_ + ": the store is closed");
}

Result<std::string> StoreHandle::EventsJson(const EventQuery& query) {
  using json = nlohmann::ordered_json;
  std::lock_guard<std::mutex> lock(mutex_);
  if (store_ == nullptr) return ClosedError();
  json events = json::array();
  Status status = store_->ForEachEvent(query, [&](StoredEvent event) {
    events.push_back(dyad::StoredEventToJson(event));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return events.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<int64_t> StoreHandle::CountEvents(const EventQuery& query) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (store_ == nullptr) return ClosedError();
  return store_->CountEvents(query);
}

Result<std::optional<std::string>> StoreHandle::ArticleJson(
    const std::string& doc_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (store_ == nullptr) return ClosedError();
  auto article = store_->GetArticle(doc_id);
  if (!article.ok()) return article.status();
  if (!article->has_value()) return std::optional<std::string>();
  return std::optional<std::string>(StoredArticleToJson(**article));
}

Result<StoreCounts> StoreHandle::Counts() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (store_ == nullptr) return ClosedError();
  return store_->Counts();
}

void StoreHandle::Close() {
  std::lock_guard<std::mutex> lock(mutex_);
  store_.reset();
  closed_ = true;
}

}  // namespace dyad::python
