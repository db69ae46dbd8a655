// Keeps the store's merged events (one row per event, however many
// articles mention it) in step with its events, as Put writes and replaces
// articles. The grouping rule is merge_rule.h's; this file holds its SQL
// side:
//
//   events.bucket        -> event_buckets.id  (a mention's bucket)
//   event_buckets.merged_event -> merged_events.id
//
// A Put touches only the buckets of its own events. When it adds a mention
// to an existing bucket the groups cannot change, and the merged event's
// counts, dates and representative are updated in place; only a new or
// emptied bucket regroups its key, and then only the chain of days around
// it (groups never cross a gap of two days).
#ifndef DYAD_STORE_MERGED_EVENTS_H_
#define DYAD_STORE_MERGED_EVENTS_H_

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dyad/document.h"
#include "dyad/status.h"
#include "store/sqlite_statement.h"

namespace dyad::store_internal {

// What the merge rule reads of one mention (one events row). Views borrow
// from the caller for the duration of the call.
struct MentionKey {
  std::string_view source_code;
  std::string_view target_code;
  // The CAMEO root, or the whole code when it is not in the CAMEO tables.
  std::string_view root;
  std::string_view date;         // as stored; "" when unknown
  const Place* place = nullptr;  // nullptr: no place
};

// Maintains event_buckets and merged_events for one article at a time,
// inside the caller's transaction. Use: Begin, ForgetArticle (when the
// article's old events are about to be deleted), BucketFor and Added for
// each new event, Finish. A failure leaves the tables half-updated: the
// caller rolls its transaction back.
class MergedEventWriter {
 public:
  // Compiles the statements. `db` and `path` must outlive the writer.
  Status Prepare(sqlite3* db, const std::string* path);

  // Starts one article; forgets whatever an unfinished article left.
  void Begin(std::string_view doc_id);

  // Takes the stored events of `article` out of their buckets and merged
  // events. Call before deleting those events rows.
  Status ForgetArticle(int64_t article);

  // The bucket for a mention about to be stored, made when missing.
  // Mentions without a calendar date or with an empty actor code link to
  // nothing: each gets a bucket and a merged event of its own.
  Result<int64_t> BucketFor(const MentionKey& key);

  // Records the events row written for a mention of `bucket`. `idx` is its
  // position among the article's events, `date` its stored date.
  void Added(int64_t event_id, int64_t bucket, int64_t idx,
             std::string_view date, bool has_place);

  // Regroups what the article's buckets changed and brings every merged
  // event it touched up to date.
  Status Finish();

 private:
  using Key = std::tuple<std::string, std::string, std::string>;
  struct NewMention {
    int64_t event_id;
    int64_t bucket;
    int64_t idx;
    std::string date;
    bool has_place;
  };

  struct GroupValues {
    int64_t mentions;
    int64_t articles;
    std::string_view first_date;  // "" for NULL
    std::string_view last_date;
    int64_t representative;
    std::optional<int64_t> place_event;
  };

  Status Regroup(const Key& key, std::set<int64_t> days);
  Status RegroupChain(const Key& key, int64_t lo, int64_t hi);
  // Reserves the id of a new merged event; its row is written by
  // WriteGroup.
  Result<int64_t> NewGroup(const Key& key);
  // Inserts (when NewGroup made it) or updates the row of `group`.
  Status WriteGroup(int64_t group, const GroupValues& values);
  Status DeleteGroup(int64_t group);
  Status AddToGroup(int64_t group, const std::vector<const NewMention*>& news);
  Status Recount(int64_t group);

  sqlite3* db_ = nullptr;
  const std::string* path_ = nullptr;
  Statement nearby_buckets_, insert_bucket_, article_buckets_, delete_bucket_,
      day_before_, day_after_, chain_buckets_, set_bucket_group_, insert_group_,
      delete_group_, group_state_, update_group_, update_counts_, count_group_,
      first_mention_, first_placed_mention_, last_group_id_;

  // Per article.
  std::string doc_id_;
  std::vector<NewMention> added_;
  std::unordered_map<int64_t, int64_t> bucket_group_;  // as known now
  std::map<Key, std::set<int64_t>> dirty_days_;  // days to regroup, by key
  std::unordered_set<int64_t> dirty_groups_;     // to recount from events
  std::map<int64_t, Key> unwritten_groups_;      // made by NewGroup, no row yet
  int64_t next_group_ = 0;                       // 0: not read yet
};

// Rebuilds event_buckets, events.bucket and merged_events from the events
// table (the upgrade to schema version 3). Runs inside the caller's
// transaction.
Status RebuildMergedEvents(sqlite3* db, const std::string& path);

}  // namespace dyad::store_internal

#endif  // DYAD_STORE_MERGED_EVENTS_H_
