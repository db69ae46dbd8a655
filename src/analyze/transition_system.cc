#include "analyze/transition_system.h"

namespace dyad::analyze {

void Configuration::Reset(int n) {
  n_ = n;
  buffer_ = 1;
  stack_.clear();
  stack_.reserve(n + 1);
  stack_.push_back(0);
  head_.assign(n + 1, -1);
  label_.assign(n + 1, -1);
  left_count_.assign(n + 1, 0);
  right_count_.assign(n + 1, 0);
  left_.assign(n + 1, {-1, -1});
  right_.assign(n + 1, {-1, -1});
}

bool Configuration::Legal(int cls, int root_label) const {
  bool buffer_empty = buffer_ > n_;
  if (cls == kShift) return !buffer_empty;
  if (stack_.size() < 2) return false;
  int label = ClassLabel(cls);
  if (IsLeft(cls)) return !buffer_empty && label != root_label;
  if (Stack(1) == 0) return buffer_empty && label == root_label;
  return label != root_label;
}

void Configuration::AddArc(int head, int dependent, int label) {
  head_[dependent] = head;
  label_[dependent] = label;
  if (dependent < head) {
    // Left children arrive right to left (the nearest first), so the
    // newest one is the leftmost.
    left_[head][1] = left_[head][0];
    left_[head][0] = dependent;
    ++left_count_[head];
  } else {
    // Right children arrive left to right: the newest is the rightmost.
    right_[head][1] = right_[head][0];
    right_[head][0] = dependent;
    ++right_count_[head];
  }
}

void Configuration::Apply(int cls) {
  if (cls == kShift) {
    stack_.push_back(buffer_++);
    return;
  }
  int s0 = stack_.back();
  stack_.pop_back();
  AddArc(IsLeft(cls) ? buffer_ : stack_.back(), s0, ClassLabel(cls));
}

bool IsProjective(const GoldTree& tree) {
  int n = tree.n();
  int roots = 0;
  for (int d = 1; d <= n; ++d) {
    int h = tree.heads[d];
    if (h < 0 || h > n || h == d) return false;
    roots += h == 0;
    int lo = h < d ? h : d, hi = h < d ? d : h;
    // Every word strictly between head and dependent must descend from
    // the head.
    for (int k = lo + 1; k < hi; ++k) {
      int a = k;
      int steps = 0;
      while (a != 0 && a != h && steps <= n) {
        a = tree.heads[a];
        ++steps;
      }
      if (a != h) return false;
    }
  }
  return roots == 1;
}

namespace {

// Whether every word strictly between `head` and `dependent` descends from
// `head` (heads must be acyclic).
bool ArcIsProjective(const GoldTree& tree, int head, int dependent) {
  int lo = head < dependent ? head : dependent;
  int hi = head < dependent ? dependent : head;
  for (int k = lo + 1; k < hi; ++k) {
    int a = k;
    while (a != 0 && a != head) a = tree.heads[a];
    if (a != head) return false;
  }
  return true;
}

}  // namespace

int Projectivize(GoldTree* tree) {
  int n = tree->n();
  int roots = 0;
  for (int d = 1; d <= n; ++d) {
    int h = tree->heads[d];
    if (h < 0 || h > n || h == d) return -1;
    roots += h == 0;
    // Cycle check: the path up from d reaches the root within n steps.
    int a = d;
    for (int steps = 0; a != 0 && steps <= n; ++steps) a = tree->heads[a];
    if (a != 0) return -1;
  }
  if (roots != 1) return -1;
  int lifts = 0;
  for (;;) {
    int best = -1, best_length = 0;
    for (int d = 1; d <= n; ++d) {
      int h = tree->heads[d];
      int length = h < d ? d - h : h - d;
      if (h == 0 || (best >= 0 && length >= best_length)) continue;
      if (!ArcIsProjective(*tree, h, d)) {
        best = d;
        best_length = length;
      }
    }
    if (best < 0) return lifts;
    // The head is not the root (arcs from the root never cross in a tree
    // with one root word), so it has a head to lift to.
    tree->heads[best] = tree->heads[tree->heads[best]];
    ++lifts;
  }
}

void TransitionCosts(const Configuration& config, const GoldTree& gold,
                     int num_labels, int root_label, std::vector<int>* costs) {
  int classes = ClassCount(num_labels);
  costs->assign(classes, -1);
  int n = config.n();
  int b0 = config.Buffer(0);
  int s0 = config.Stack(0);
  int s1 = config.Stack(1);
  if (b0 >= 0 && config.Legal(kShift, root_label)) {
    int cost = 0;
    int hb = gold.heads[b0];
    for (int i = 0; i < config.stack_size(); ++i) {
      int k = config.Stack(i);
      if (hb == k && k != s0) ++cost;
      if (k != 0 && gold.heads[k] == b0) ++cost;
    }
    (*costs)[kShift] = cost;
  }
  if (s1 < 0) return;
  int deps_in_buffer = 0;
  for (int k = config.buffer_start(); k <= n; ++k) {
    deps_in_buffer += gold.heads[k] == s0;
  }
  int hs = gold.heads[s0];
  int gold_label = gold.labels[s0];
  bool head_in_buffer = b0 >= 0 && hs >= b0;
  for (int l = 0; l < num_labels; ++l) {
    int left = LeftClass(l);
    if (config.Legal(left, root_label)) {
      int cost = deps_in_buffer;
      if (hs == b0) {
        cost += l != gold_label;
      } else if (hs == s1 || head_in_buffer) {
        ++cost;
      }
      (*costs)[left] = cost;
    }
    int right = RightClass(l);
    if (config.Legal(right, root_label)) {
      int cost = deps_in_buffer + (head_in_buffer ? 1 : 0);
      if (hs == s1) cost += l != gold_label;
      (*costs)[right] = cost;
    }
  }
}

int StaticOracle(const Configuration& config, const GoldTree& gold) {
  int s0 = config.Stack(0);
  int s1 = config.Stack(1);
  int b0 = config.Buffer(0);
  if (s1 >= 0 && b0 >= 0 && gold.heads[s0] == b0) {
    return LeftClass(gold.labels[s0]);
  }
  if (s1 >= 0 && gold.heads[s0] == s1 && (s1 != 0 || b0 < 0)) {
    bool pending = false;
    for (int k = config.buffer_start(); k <= config.n(); ++k) {
      if (gold.heads[k] == s0) {
        pending = true;
        break;
      }
    }
    if (!pending) return RightClass(gold.labels[s0]);
  }
  return kShift;
}

}  // namespace dyad::analyze
