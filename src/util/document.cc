#include "dyad/document.h"

namespace dyad {

const char* PartKindName(PartKind kind) {
  switch (kind) {
    case PartKind::kSection:
      return "section";
    case PartKind::kHeadline:
      return "headline";
    case PartKind::kCaption:
      return "caption";
    case PartKind::kBody:
      return "body";
    case PartKind::kByline:
      return "byline";
    case PartKind::kCategories:
      return "categories";
  }
  return "body";
}

}  // namespace dyad
