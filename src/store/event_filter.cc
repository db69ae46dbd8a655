#include "store/event_filter.h"

#include <initializer_list>

namespace dyad::store_internal {
namespace {

// Concatenates pieces. Used instead of chains of operator+, on which gcc 12
// warns falsely (-Wrestrict) when a literal meets a temporary.
std::string Concat(std::initializer_list<std::string_view> pieces) {
  std::string joined;
  for (std::string_view piece : pieces) joined += piece;
  return joined;
}

class FilterBuilder {
 public:
  // Returns "?N" for a new parameter holding `value`.
  std::string Param(std::string value) {
    params_.push_back(std::move(value));
    return Concat({"?", std::to_string(params_.size())});
  }

  // "column starts with prefix" as an index-friendly range, or "" when the
  // prefix is empty (no constraint).
  std::string PrefixMatch(std::string_view column, const std::string& prefix) {
    if (prefix.empty()) return "";
    const std::string low = Param(prefix);
    std::optional<std::string> bound = PrefixUpperBound(prefix);
    if (!bound) return Concat({"(", column, " >= ", low, ")"});
    const std::string high = Param(*bound);
    return Concat(
        {"(", column, " >= ", low, " AND ", column, " < ", high, ")"});
  }

  void Require(std::string condition) {
    if (!condition.empty()) conditions_.push_back(std::move(condition));
  }

  EventFilter Build() && {
    EventFilter filter;
    for (size_t i = 0; i < conditions_.size(); ++i) {
      filter.where += i == 0 ? "WHERE " : " AND ";
      filter.where += conditions_[i];
    }
    filter.params = std::move(params_);
    return filter;
  }

 private:
  std::vector<std::string> conditions_;
  std::vector<std::string> params_;
};

std::string And(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return Concat({"(", a, " AND ", b, ")"});
}

std::string Or(const std::string& a, const std::string& b) {
  return Concat({"(", a, " OR ", b, ")"});
}

}  // namespace

std::optional<std::string> PrefixUpperBound(std::string_view prefix) {
  std::string bound(prefix);
  while (!bound.empty()) {
    unsigned char last = static_cast<unsigned char>(bound.back());
    if (last != 0xff) {
      bound.back() = static_cast<char>(last + 1);
      return bound;
    }
    bound.pop_back();
  }
  return std::nullopt;
}

EventFilter BuildEventFilter(const EventQuery& query) {
  // Parameters are numbered in the order they are made, so each step is its
  // own statement: the SQL text must not depend on evaluation order.
  FilterBuilder builder;
  if (!query.actor.empty()) {
    std::string as_source = builder.PrefixMatch("e.source_code", query.actor);
    std::string as_target = builder.PrefixMatch("e.target_code", query.actor);
    builder.Require(Or(as_source, as_target));
  }
  std::string source = builder.PrefixMatch("e.source_code", query.source);
  std::string target = builder.PrefixMatch("e.target_code", query.target);
  std::string forward = And(source, target);
  if (query.both_directions && !forward.empty()) {
    std::string reversed_source =
        builder.PrefixMatch("e.source_code", query.target);
    std::string reversed_target =
        builder.PrefixMatch("e.target_code", query.source);
    builder.Require(Or(forward, And(reversed_source, reversed_target)));
  } else {
    builder.Require(forward);
  }
  builder.Require(builder.PrefixMatch("e.cameo", query.cameo));
  if (!query.root.empty()) {
    // A root is the first two digits of its codes: the cameo range lets the
    // events_cameo index serve root queries; the equality keeps it exact.
    std::string range = builder.PrefixMatch("e.cameo", query.root);
    std::string root = Concat({"e.root = ", builder.Param(query.root)});
    builder.Require(And(range, root));
  }
  if (!query.date_from.empty()) {
    builder.Require(Concat({"e.date >= ", builder.Param(query.date_from)}));
  }
  if (!query.date_to.empty()) {
    // Inclusive of every date that starts with date_to.
    if (std::optional<std::string> bound = PrefixUpperBound(query.date_to)) {
      builder.Require(Concat({"e.date < ", builder.Param(*bound)}));
    } else {
      builder.Require("e.date IS NOT NULL");
    }
  }
  return std::move(builder).Build();
}

}  // namespace dyad::store_internal
