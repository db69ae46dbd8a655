#include "code/dependency_tree.h"

namespace dyad::coder_internal {

DependencyTree::DependencyTree(const Document& doc, const Sentence& sentence)
    : doc_(doc),
      first_(static_cast<int>(sentence.first_token)),
      size_(static_cast<int>(sentence.token_count)),
      heads_(size_, -1),
      children_(size_) {
  for (int t = 0; t < size_; ++t) {
    int h = token(t).head - first_;
    heads_[t] = h >= 0 && h < size_ && h != t ? h : -1;
  }
  // A head chain longer than the sentence runs in a cycle: cut it where it
  // closes, so the tree has roots again.
  for (int t = 0; t < size_; ++t) {
    std::vector<bool> seen(size_, false);
    for (int u = t; u >= 0; u = heads_[u]) {
      if (seen[u]) {
        heads_[u] = -1;
        break;
      }
      seen[u] = true;
    }
  }
  RepairVerbConjunctions();
  for (int t = 0; t < size_; ++t)
    if (heads_[t] >= 0) children_[heads_[t]].push_back(t);
}

void DependencyTree::RepairVerbConjunctions() {
  auto is_nominal = [&](int t) {
    const std::string& u = token(t).upos;
    return u == "NOUN" || u == "PROPN" || u == "NUM" || u == "PRON";
  };
  for (int t = 0; t < size_; ++t) {
    if (token(t).upos != "VERB" || BaseRelation(token(t).deprel) != "conj")
      continue;
    int h = heads_[t];
    if (h < 0 || !is_nominal(h)) continue;
    // "condemned an attack ... on Thursday and promised aid": a finite verb
    // joined to a noun is a misparse; it joins the verb above that noun.
    const std::string& x = token(t).xpos;
    if (x != "VBD" && x != "VBZ" && x != "VBP" && x != "VBN") continue;
    int v = heads_[h];
    while (v >= 0 && token(v).upos != "VERB") v = heads_[v];
    if (v < 0 || v > t) continue;
    heads_[t] = v;
    // Its object then hangs on the first verb as a second one.
    int first_object = -1;
    for (int o = 0; o < size_; ++o) {
      if (heads_[o] != v || BaseRelation(token(o).deprel) != "obj") continue;
      if (o < t) {
        first_object = o;
      } else if (first_object >= 0) {
        heads_[o] = t;
        break;
      }
    }
  }
}

int DependencyTree::Depth(int t) const {
  int d = 0;
  for (int h = heads_[t]; h >= 0; h = heads_[h]) ++d;
  return d;
}

int DependencyTree::ChildWith(
    int t, std::initializer_list<std::string_view> relations) const {
  for (int c : children_[t])
    for (std::string_view r : relations)
      if (token(c).deprel == r) return c;
  return -1;
}

std::string_view DependencyTree::CaseOf(int t) const {
  for (int c : children_[t])
    if (BaseRelation(token(c).deprel) == "case") return token(c).lemma;
  return {};
}

bool DependencyTree::IsPassive(int t) const {
  return ChildWith(t, {"nsubj:pass", "aux:pass", "csubj:pass"}) >= 0;
}

bool DependencyTree::IsFiniteClause(int t) const {
  for (int c : children_[t]) {
    std::string_view rel = BaseRelation(token(c).deprel);
    if (rel == "nsubj" || rel == "csubj" || rel == "expl") return true;
  }
  const std::string& x = token(t).xpos;
  return x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD";
}

bool DependencyTree::IsInfinitival(int t) const {
  for (int c : children_[t])
    if (token(c).deprel == "mark" && token(c).lemma == "to") return true;
  return false;
}

std::vector<bool> DependencyTree::Subtree(int t) const {
  std::vector<bool> in(size_, false);
  std::vector<int> stack = {t};
  while (!stack.empty()) {
    int u = stack.back();
    stack.pop_back();
    if (in[u]) continue;
    in[u] = true;
    for (int c : children_[u]) stack.push_back(c);
  }
  return in;
}

}  // namespace dyad::coder_internal
