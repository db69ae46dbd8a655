#include "store/merged_events.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "store/merge_rule.h"

namespace dyad::store_internal {
namespace {

// Where a mention sorts when choosing a merged event's representative:
// earliest date (unknown dates last), then smallest doc_id, then first in
// its article. Depends on content only, never on insertion order.
struct MentionOrder {
  bool no_date = true;
  std::string date;
  std::string doc_id;
  int64_t idx = 0;

  friend bool operator<(const MentionOrder& a, const MentionOrder& b) {
    return std::tie(a.no_date, a.date, a.doc_id, a.idx) <
           std::tie(b.no_date, b.date, b.doc_id, b.idx);
  }
};

void BindKey(Statement& s, const std::string& source, const std::string& target,
             const std::string& root) {
  s.BindText(1, source);
  s.BindText(2, target);
  s.BindText(3, root);
}

void BindOptionalText(Statement& s, int index, std::string_view text) {
  if (text.empty()) {
    s.BindNull(index);
  } else {
    s.BindText(index, text);
  }
}

// Whether the place columns from `column` on (name, country, lat, lon) of
// the current row hold exactly `place` (nullptr: no place). Doubles read
// back bit for bit, so equality is exact.
bool SameBucketPlace(const Statement& s, int column, const Place* place) {
  if (place == nullptr) return s.IsNull(column);
  if (s.IsNull(column) || s.Text(column) != place->name ||
      s.Text(column + 1) != place->country) {
    return false;
  }
  const bool has_coordinates = !s.IsNull(column + 2) && !s.IsNull(column + 3);
  if (has_coordinates != place->has_coordinates) return false;
  return !has_coordinates || (s.Double(column + 2) == place->lat &&
                              s.Double(column + 3) == place->lon);
}

// Runs a statement that returns at most one row, handing the row to `read`
// when there is one, and resets it. Returns whether there was a row.
template <typename Read>
Result<bool> StepOnce(Statement& s, Read read) {
  Result<bool> row = s.Step();
  if (row.ok() && *row) read(s);
  s.Reset();
  return row;
}

}  // namespace

Status MergedEventWriter::Prepare(sqlite3* db, const std::string* path) {
  db_ = db;
  path_ = path;
  const auto prepare = [&](Statement& s, const char* sql) {
    return s.Prepare(db, path, sql, /*persistent=*/true);
  };
  constexpr char kKey[] = "source_code = ?1 AND target_code = ?2 AND root = ?3";
  DYAD_RETURN_IF_ERROR(prepare(
      nearby_buckets_,
      (std::string("SELECT id, merged_event, day, place_name, place_country, "
                   "place_lat, place_lon FROM event_buckets WHERE ") +
       kKey + " AND day BETWEEN ?4 - 1 AND ?4 + 1")
          .c_str()));
  DYAD_RETURN_IF_ERROR(
      prepare(insert_bucket_,
              "INSERT INTO event_buckets (source_code, target_code, root, day, "
              "place_name, place_country, place_lat, place_lon, merged_event) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  // A bucket keeps no count of its mentions (that would be one more write
  // per Put): whether others remain is asked of events_bucket when an
  // article leaves.
  DYAD_RETURN_IF_ERROR(
      prepare(article_buckets_,
              "SELECT DISTINCT e.bucket, b.merged_event, b.day, b.source_code, "
              "b.target_code, b.root, EXISTS (SELECT 1 FROM events AS o WHERE "
              "o.bucket = e.bucket AND o.article <> ?1) FROM events AS e JOIN "
              "event_buckets AS b ON b.id = e.bucket WHERE e.article = ?1"));
  DYAD_RETURN_IF_ERROR(
      prepare(delete_bucket_, "DELETE FROM event_buckets WHERE id = ?1"));
  DYAD_RETURN_IF_ERROR(prepare(
      day_before_, (std::string("SELECT max(day) FROM event_buckets WHERE ") +
                    kKey + " AND day < ?4")
                       .c_str()));
  DYAD_RETURN_IF_ERROR(prepare(
      day_after_, (std::string("SELECT min(day) FROM event_buckets WHERE ") +
                   kKey + " AND day > ?4")
                      .c_str()));
  DYAD_RETURN_IF_ERROR(prepare(
      chain_buckets_,
      (std::string("SELECT id, day, place_name, place_country, place_lat, "
                   "place_lon, merged_event FROM event_buckets WHERE ") +
       kKey + " AND day BETWEEN ?4 AND ?5")
          .c_str()));
  DYAD_RETURN_IF_ERROR(
      prepare(set_bucket_group_,
              "UPDATE event_buckets SET merged_event = ?2 WHERE id = ?1"));
  DYAD_RETURN_IF_ERROR(prepare(
      insert_group_,
      "INSERT INTO merged_events (id, mentions, articles, first_date, "
      "last_date, representative, place_event, source_code, target_code, "
      "root) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  DYAD_RETURN_IF_ERROR(prepare(
      last_group_id_, "SELECT coalesce(max(id), 0) FROM merged_events"));
  DYAD_RETURN_IF_ERROR(
      prepare(delete_group_, "DELETE FROM merged_events WHERE id = ?1"));
  DYAD_RETURN_IF_ERROR(prepare(
      group_state_,
      "SELECT g.mentions, g.articles, g.first_date, g.last_date, "
      "g.representative, r.date, ra.doc_id, r.idx, g.place_event, p.date, "
      "pa.doc_id, p.idx FROM merged_events AS g "
      "LEFT JOIN events AS r ON r.id = g.representative "
      "LEFT JOIN articles AS ra ON ra.id = r.article "
      "LEFT JOIN events AS p ON p.id = g.place_event "
      "LEFT JOIN articles AS pa ON pa.id = p.article WHERE g.id = ?1"));
  DYAD_RETURN_IF_ERROR(prepare(
      update_group_,
      "UPDATE merged_events SET mentions = ?2, articles = ?3, first_date = "
      "?4, last_date = ?5, representative = ?6, place_event = ?7 WHERE id = "
      "?1"));
  DYAD_RETURN_IF_ERROR(prepare(
      update_counts_,
      "UPDATE merged_events SET mentions = ?2, articles = ?3, last_date = ?4, "
      "place_event = ?5 WHERE id = ?1"));
  DYAD_RETURN_IF_ERROR(prepare(
      count_group_,
      "SELECT count(*), count(DISTINCT e.article), min(e.date), max(e.date) "
      "FROM event_buckets AS b JOIN events AS e ON e.bucket = b.id "
      "WHERE b.merged_event = ?1"));
  constexpr char kFirstMention[] =
      "SELECT e.id FROM event_buckets AS b JOIN events AS e ON e.bucket = "
      "b.id JOIN articles AS a ON a.id = e.article WHERE b.merged_event = ?1 ";
  constexpr char kMentionOrder[] =
      " ORDER BY e.date IS NULL, e.date, a.doc_id, e.idx LIMIT 1";
  DYAD_RETURN_IF_ERROR(prepare(
      first_mention_, (std::string(kFirstMention) + kMentionOrder).c_str()));
  DYAD_RETURN_IF_ERROR(prepare(first_placed_mention_,
                               (std::string(kFirstMention) +
                                "AND b.place_name IS NOT NULL" + kMentionOrder)
                                   .c_str()));
  return Status::Ok();
}

void MergedEventWriter::Begin(std::string_view doc_id) {
  doc_id_ = std::string(doc_id);
  added_.clear();
  bucket_group_.clear();
  dirty_days_.clear();
  dirty_groups_.clear();
  unwritten_groups_.clear();
  next_group_ = 0;
}

Status MergedEventWriter::ForgetArticle(int64_t article) {
  struct Left {
    int64_t bucket;
    int64_t group;
    std::optional<int64_t> day;
    Key key;
    bool others_remain;
  };
  std::vector<Left> buckets;
  article_buckets_.BindInt(1, article);
  Status read = article_buckets_.ForEachRow([&](const Statement& s) {
    buckets.push_back(
        Left{s.Int(0), s.Int(1),
             s.IsNull(2) ? std::nullopt : std::optional<int64_t>(s.Int(2)),
             Key(s.Text(3), s.Text(4), s.Text(5)), s.Int(6) != 0});
    return Status::Ok();
  });
  article_buckets_.Reset();
  DYAD_RETURN_IF_ERROR(read);

  for (const Left& left : buckets) {
    // The merged event loses mentions: recount it (Finish deletes it when
    // none are left).
    dirty_groups_.insert(left.group);
    if (left.others_remain) continue;
    delete_bucket_.BindInt(1, left.bucket);
    DYAD_RETURN_IF_ERROR(delete_bucket_.Run());
    if (left.day) dirty_days_[left.key].insert(*left.day);
  }
  return Status::Ok();
}

Result<int64_t> MergedEventWriter::NewGroup(const Key& key) {
  if (next_group_ == 0) {
    Result<bool> row = StepOnce(last_group_id_, [&](const Statement& s) {
      next_group_ = s.Int(0) + 1;
    });
    if (!row.ok()) return row.status();
    if (!*row) return Internal(*path_ + ": no largest merged event id");
  }
  // Its row is written once, complete, by Finish (WriteGroup), not laid
  // down empty first and rewritten: rows and indexes are written once.
  const int64_t group = next_group_++;
  unwritten_groups_.emplace(group, key);
  return group;
}

Status MergedEventWriter::WriteGroup(int64_t group, const GroupValues& v) {
  auto unwritten = unwritten_groups_.find(group);
  Statement& s =
      unwritten == unwritten_groups_.end() ? update_group_ : insert_group_;
  s.BindInt(1, group);
  s.BindInt(2, v.mentions);
  s.BindInt(3, v.articles);
  BindOptionalText(s, 4, v.first_date);
  BindOptionalText(s, 5, v.last_date);
  s.BindInt(6, v.representative);
  if (v.place_event) s.BindInt(7, *v.place_event);
  if (unwritten == unwritten_groups_.end()) return s.Run();
  const auto& [source, target, root] = unwritten->second;
  s.BindText(8, source);
  s.BindText(9, target);
  s.BindText(10, root);
  DYAD_RETURN_IF_ERROR(s.Run());
  unwritten_groups_.erase(unwritten);
  return Status::Ok();
}

Status MergedEventWriter::DeleteGroup(int64_t group) {
  if (unwritten_groups_.erase(group) != 0) return Status::Ok();
  delete_group_.BindInt(1, group);
  return delete_group_.Run();
}

Result<int64_t> MergedEventWriter::BucketFor(const MentionKey& mention) {
  const std::optional<int64_t> day = DayNumber(mention.date);
  const bool links = day.has_value() && !mention.source_code.empty() &&
                     !mention.target_code.empty();
  const Place* place = mention.place;
  const auto bind_place = [&](Statement& s) {
    if (place == nullptr) return;  // all four stay NULL
    s.BindText(5, place->name);
    s.BindText(6, place->country);
    if (place->has_coordinates) {
      s.BindDouble(7, place->lat);
      s.BindDouble(8, place->lon);
    }
  };
  const auto bind_key = [&](Statement& s) {
    s.BindText(1, mention.source_code);
    s.BindText(2, mention.target_code);
    s.BindText(3, mention.root);
  };

  // One look at the key's buckets within a day finds the mention's own
  // bucket, or tells whether the new one has neighbours.
  bool alone = !links;
  if (links) {
    bind_key(nearby_buckets_);
    nearby_buckets_.BindInt(4, *day);
    std::optional<std::pair<int64_t, int64_t>> found;  // bucket, group
    alone = true;
    Status read = nearby_buckets_.ForEachRow([&](const Statement& s) {
      alone = false;
      if (s.Int(2) == *day && SameBucketPlace(s, 3, place)) {
        found.emplace(s.Int(0), s.Int(1));
      }
      return Status::Ok();
    });
    nearby_buckets_.Reset();
    DYAD_RETURN_IF_ERROR(read);
    if (found) {
      bucket_group_[found->first] = found->second;
      return found->first;
    }
  }

  Key key(std::string(mention.source_code), std::string(mention.target_code),
          std::string(mention.root));
  // A mention that links to nothing is a merged event of its own at once,
  // and so is a new bucket with no bucket of its key within a day (most new
  // events): only a new bucket among others is placed by the regrouping in
  // Finish. Later buckets of this Put see this one and regroup with it.
  int64_t group = 0;
  if (alone) {
    Result<int64_t> made = NewGroup(key);
    if (!made.ok()) return made.status();
    group = *made;
  }
  bind_key(insert_bucket_);
  // Mentions that link to nothing keep day NULL, so no lookup finds them.
  if (links) insert_bucket_.BindInt(4, *day);
  bind_place(insert_bucket_);
  insert_bucket_.BindInt(9, group);
  DYAD_RETURN_IF_ERROR(insert_bucket_.Run());
  const int64_t bucket = sqlite3_last_insert_rowid(db_);
  bucket_group_[bucket] = group;
  if (!alone) dirty_days_[key].insert(*day);
  return bucket;
}

void MergedEventWriter::Added(int64_t event_id, int64_t bucket, int64_t idx,
                              std::string_view date, bool has_place) {
  added_.push_back(
      NewMention{event_id, bucket, idx, std::string(date), has_place});
}

Status MergedEventWriter::Regroup(const Key& key, std::set<int64_t> days) {
  // The nearest day of the key's buckets before (or after) `day`. (The key
  // is read inside the lambda: a lambda may not capture structured
  // bindings before C++20, which clang 14 still enforces.)
  const auto next_day = [&](Statement& s,
                            int64_t day) -> Result<std::optional<int64_t>> {
    BindKey(s, std::get<0>(key), std::get<1>(key), std::get<2>(key));
    s.BindInt(4, day);
    std::optional<int64_t> found;
    Result<bool> row = StepOnce(s, [&](const Statement& r) {
      if (!r.IsNull(0)) found = r.Int(0);
    });
    if (!row.ok()) return row.status();
    return found;
  };
  while (!days.empty()) {
    // The chain of days, each at most one from the next, around the first
    // changed day: no group reaches beyond it.
    const int64_t changed = *days.begin();
    int64_t lo = changed;
    int64_t hi = changed;
    while (true) {
      Result<std::optional<int64_t>> before = next_day(day_before_, lo);
      if (!before.ok()) return before.status();
      if (!*before || **before < lo - 1) break;
      lo = **before;
    }
    while (true) {
      Result<std::optional<int64_t>> after = next_day(day_after_, hi);
      if (!after.ok()) return after.status();
      if (!*after || **after > hi + 1) break;
      hi = **after;
    }
    days.erase(days.begin(), days.upper_bound(hi));
    DYAD_RETURN_IF_ERROR(RegroupChain(key, lo, hi));
  }
  return Status::Ok();
}

Status MergedEventWriter::RegroupChain(const Key& key, int64_t lo, int64_t hi) {
  struct Row {
    int64_t id;
    int64_t day;
    bool has_place;
    std::string name;
    std::string country;
    bool has_coordinates;
    double lat;
    double lon;
    int64_t group;  // before regrouping; 0 for a bucket new in this Put
  };
  std::vector<Row> rows;
  BindKey(chain_buckets_, std::get<0>(key), std::get<1>(key), std::get<2>(key));
  chain_buckets_.BindInt(4, lo);
  chain_buckets_.BindInt(5, hi);
  Status read = chain_buckets_.ForEachRow([&](const Statement& s) {
    Row row{s.Int(0),    s.Int(1),    !s.IsNull(2),
            s.Text(2),   s.Text(3),   !s.IsNull(4) && !s.IsNull(5),
            s.Double(4), s.Double(5), s.Int(6)};
    rows.push_back(std::move(row));
    return Status::Ok();
  });
  chain_buckets_.Reset();
  DYAD_RETURN_IF_ERROR(read);

  std::vector<GroupingBucket> buckets;
  buckets.reserve(rows.size());
  for (const Row& row : rows) {
    buckets.push_back(GroupingBucket{row.day, row.has_place, row.name,
                                     row.country, row.has_coordinates, row.lat,
                                     row.lon});
  }
  const std::vector<int> component = GroupBuckets(buckets);
  std::map<int, std::vector<size_t>> members;
  std::map<int64_t, size_t> buckets_of_group;
  for (size_t i = 0; i < rows.size(); ++i) {
    members[component[i]].push_back(i);
    if (rows[i].group != 0) ++buckets_of_group[rows[i].group];
  }

  // A group whose buckets all stay together (new buckets may join it)
  // keeps its row, counts and id; any other grouping gets a new row,
  // counted afresh.
  std::set<int64_t> kept;
  for (const auto& [unused, indexes] : members) {
    std::set<int64_t> old_groups;
    size_t in_old_group = 0;
    for (size_t i : indexes) {
      if (rows[i].group == 0) continue;
      old_groups.insert(rows[i].group);
      ++in_old_group;
    }
    int64_t group = 0;
    if (old_groups.size() == 1 &&
        buckets_of_group[*old_groups.begin()] == in_old_group) {
      group = *old_groups.begin();
      kept.insert(group);
    } else {
      Result<int64_t> made = NewGroup(key);
      if (!made.ok()) return made.status();
      group = *made;
      // Made of buckets new in this Put, it holds only this article's
      // mentions: Finish fills it as it adds them, without a recount.
      if (in_old_group != 0) dirty_groups_.insert(group);
    }
    for (size_t i : indexes) {
      bucket_group_[rows[i].id] = group;
      if (rows[i].group == group) continue;
      set_bucket_group_.BindInt(1, rows[i].id);
      set_bucket_group_.BindInt(2, group);
      DYAD_RETURN_IF_ERROR(set_bucket_group_.Run());
    }
  }
  for (const auto& [group, unused] : buckets_of_group) {
    if (kept.count(group) != 0) continue;
    DYAD_RETURN_IF_ERROR(DeleteGroup(group));
    dirty_groups_.erase(group);
  }
  return Status::Ok();
}

Status MergedEventWriter::AddToGroup(
    int64_t group, const std::vector<const NewMention*>& news) {
  int64_t mentions = 0;
  int64_t articles = 0;
  std::string first_date;
  std::string last_date;
  int64_t representative = 0;
  std::optional<MentionOrder> representative_order;
  std::optional<int64_t> place_event;
  std::optional<MentionOrder> place_order;
  // A group made in this Put is empty until now.
  const bool made_now = unwritten_groups_.count(group) != 0;
  if (!made_now) group_state_.BindInt(1, group);
  Result<bool> row =
      made_now
          ? Result<bool>(true)
          : StepOnce(group_state_, [&](const Statement& s) {
              mentions = s.Int(0);
              articles = s.Int(1);
              first_date = s.Text(2);
              last_date = s.Text(3);
              if (!s.IsNull(6)) {  // the representative's article exists
                representative = s.Int(4);
                representative_order =
                    MentionOrder{s.IsNull(5), s.Text(5), s.Text(6), s.Int(7)};
              }
              if (!s.IsNull(10)) {
                place_event = s.Int(8);
                place_order =
                    MentionOrder{s.IsNull(9), s.Text(9), s.Text(10), s.Int(11)};
              }
            });
  if (!row.ok()) return row.status();
  if (!*row) {
    return Internal(*path_ + ": merged event " + std::to_string(group) +
                    " vanished while storing \"" + doc_id_ + "\"");
  }
  // The article is new to this merged event: had it mentioned it before,
  // ForgetArticle would have marked the event for a recount instead.
  mentions += static_cast<int64_t>(news.size());
  articles += 1;
  // The representative (and so the first date, its date) moves rarely.
  bool first_changed = false;
  for (const NewMention* mention : news) {
    const MentionOrder order{mention->date.empty(), mention->date, doc_id_,
                             mention->idx};
    if (!mention->date.empty()) {
      if (first_date.empty() || mention->date < first_date) {
        first_date = mention->date;
        first_changed = true;
      }
      if (last_date.empty() || mention->date > last_date) {
        last_date = mention->date;
      }
    }
    if (!representative_order || order < *representative_order) {
      representative = mention->event_id;
      representative_order = order;
      first_changed = true;
    }
    if (mention->has_place && (!place_order || order < *place_order)) {
      place_event = mention->event_id;
      place_order = order;
    }
  }
  if (!first_changed && !made_now) {
    // The usual case: no index of merged_events is touched.
    update_counts_.BindInt(1, group);
    update_counts_.BindInt(2, mentions);
    update_counts_.BindInt(3, articles);
    BindOptionalText(update_counts_, 4, last_date);
    if (place_event) update_counts_.BindInt(5, *place_event);
    return update_counts_.Run();
  }
  return WriteGroup(group, GroupValues{mentions, articles, first_date,
                                       last_date, representative, place_event});
}

Status MergedEventWriter::Recount(int64_t group) {
  count_group_.BindInt(1, group);
  int64_t mentions = 0;
  int64_t articles = 0;
  std::string first_date;
  std::string last_date;
  Result<bool> counted = StepOnce(count_group_, [&](const Statement& s) {
    mentions = s.Int(0);
    articles = s.Int(1);
    first_date = s.Text(2);
    last_date = s.Text(3);
  });
  if (!counted.ok()) return counted.status();
  if (mentions == 0) return DeleteGroup(group);
  const auto first = [&](Statement& s) -> Result<std::optional<int64_t>> {
    s.BindInt(1, group);
    std::optional<int64_t> id;
    Result<bool> found =
        StepOnce(s, [&](const Statement& r) { id = r.Int(0); });
    if (!found.ok()) return found.status();
    return id;
  };
  Result<std::optional<int64_t>> representative = first(first_mention_);
  if (!representative.ok()) return representative.status();
  Result<std::optional<int64_t>> place_event = first(first_placed_mention_);
  if (!place_event.ok()) return place_event.status();
  return WriteGroup(group,
                    GroupValues{mentions, articles, first_date, last_date,
                                representative->value_or(0), *place_event});
}

Status MergedEventWriter::Finish() {
  for (const auto& [key, days] : dirty_days_) {
    DYAD_RETURN_IF_ERROR(Regroup(key, days));
  }
  std::map<int64_t, std::vector<const NewMention*>> by_group;
  for (const NewMention& mention : added_) {
    auto group = bucket_group_.find(mention.bucket);
    if (group == bucket_group_.end() || group->second == 0) {
      return Internal(*path_ + ": a new event of \"" + doc_id_ +
                      "\" was left out of every merged event");
    }
    if (dirty_groups_.count(group->second) == 0) {
      by_group[group->second].push_back(&mention);
    }
  }
  for (const auto& [group, news] : by_group) {
    DYAD_RETURN_IF_ERROR(AddToGroup(group, news));
  }
  // In id order, so that a failure is reproducible.
  std::vector<int64_t> dirty(dirty_groups_.begin(), dirty_groups_.end());
  std::sort(dirty.begin(), dirty.end());
  for (int64_t group : dirty) DYAD_RETURN_IF_ERROR(Recount(group));
  if (!unwritten_groups_.empty()) {
    return Internal(*path_ + ": merged event " +
                    std::to_string(unwritten_groups_.begin()->first) +
                    " made for \"" + doc_id_ + "\" was never written");
  }
  Begin(doc_id_);
  return Status::Ok();
}

Status RebuildMergedEvents(sqlite3* db, const std::string& path) {
  DYAD_RETURN_IF_ERROR(Exec(db, path,
                            "DELETE FROM merged_events; DELETE FROM "
                            "event_buckets; UPDATE events SET bucket = NULL"));
  MergedEventWriter writer;
  DYAD_RETURN_IF_ERROR(writer.Prepare(db, &path));

  std::vector<std::pair<int64_t, std::string>> articles;
  Statement list;
  DYAD_RETURN_IF_ERROR(list.Prepare(
      db, &path, "SELECT id, doc_id FROM articles ORDER BY id", false));
  DYAD_RETURN_IF_ERROR(list.ForEachRow([&](const Statement& row) {
    articles.emplace_back(row.Int(0), row.Text(1));
    return Status::Ok();
  }));

  Statement events;
  DYAD_RETURN_IF_ERROR(events.Prepare(
      db, &path,
      "SELECT id, idx, source_code, target_code, coalesce(root, cameo), "
      "date, place_name, place_country, place_lat, place_lon FROM events "
      "WHERE article = ?1 ORDER BY idx",
      true));
  Statement set_bucket;
  DYAD_RETURN_IF_ERROR(set_bucket.Prepare(
      db, &path, "UPDATE events SET bucket = ?2 WHERE id = ?1", true));
  struct Row {
    int64_t id;
    int64_t idx;
    std::string source, target, root, date;
    bool has_place;
    Place place;
  };
  for (const auto& [article, doc_id] : articles) {
    std::vector<Row> rows;
    events.BindInt(1, article);
    Status read = events.ForEachRow([&](const Statement& s) {
      Row row{s.Int(0),  s.Int(1),  s.Text(2),    s.Text(3),
              s.Text(4), s.Text(5), !s.IsNull(6), Place{}};
      row.place.name = s.Text(6);
      row.place.country = s.Text(7);
      row.place.has_coordinates = !s.IsNull(8) && !s.IsNull(9);
      row.place.lat = s.Double(8);
      row.place.lon = s.Double(9);
      rows.push_back(std::move(row));
      return Status::Ok();
    });
    events.Reset();
    DYAD_RETURN_IF_ERROR(read);
    writer.Begin(doc_id);
    for (const Row& row : rows) {
      Result<int64_t> bucket = writer.BucketFor(
          MentionKey{row.source, row.target, row.root, row.date,
                     row.has_place ? &row.place : nullptr});
      if (!bucket.ok()) return bucket.status();
      set_bucket.BindInt(1, row.id);
      set_bucket.BindInt(2, *bucket);
      DYAD_RETURN_IF_ERROR(set_bucket.Run());
      writer.Added(row.id, *bucket, row.idx, row.date, row.has_place);
    }
    DYAD_RETURN_IF_ERROR(writer.Finish());
  }
  return Status::Ok();
}

}  // namespace dyad::store_internal
