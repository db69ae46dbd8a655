#include "analyze/ner_features.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "analyze/features.h"

namespace dyad::analyze {
namespace {

constexpr const char* kTypes[kNerTypeCount] = {"PER", "ORG", "LOC"};
constexpr char kPrefixes[4] = {'B', 'I', 'L', 'U'};

enum NerTemplate : uint64_t {
  kBias = 1001,
  kForm,
  kLower,
  kPrefix1,
  kSuffix1 = kPrefix1 + 4,
  kShape = kSuffix1 + 4,
  kPrevLower,
  kNextLower,
  kPrev2Lower,
  kNext2Lower,
  kPrevShape,
  kNextShape,
  kShapeTrigram,
  kPrevLowerLower,
  kLowerNextLower,
  kPos,
  kPrevPos,
  kNextPos,
  kPrev2Pos,
  kNext2Pos,
  kPrevPosPos,
  kPosNextPos,
  kPosShape,
  kFirstShape,
  kGaz,
  kPrevGaz,
  kNextGaz,
  kGazShape,
  kPrevForm,
  kNextForm,
  kPrevLowerPos,
  kPosNextLower,
  kPrevSuffix3,
  kNextSuffix3,
  kLowerTrigram,
  kCasingShape,
  kCasingLower,
  kShapeLeftTrigram,
  kShapeRightTrigram,
  kProperRun,
  kProperRunShape,
  kProfile,
  kProfileShape,
  kPrevProfile,
  kNextProfile,
  kProfileTrigram,
  kActor,
  kPrevActor,
  kNextActor,
  kActorShape,
  kActorGaz,
  kCue,
  kRunCue,
  kRunCueShape,
  kTransition,
  kPlace,
  kPrevPlace,
  kNextPlace,
  kPlaceShape,
  kPlaceProfile,
  kListed,
  kPrevListed,
  kNextListed,
  kListedShape,
  kListedProfile,
  kListedPlace,
};

// How the sentence uses capitals: 1 no word starts with one, 2 every
// letter is upper case, 3 ordinary. Web text written in lower or upper case
// throughout makes shape features mean something else.
uint64_t SentenceCasing(const std::vector<std::string_view>& words) {
  bool any_upper = false, any_lower = false;
  for (std::string_view w : words) {
    for (char c : w) {
      if (c >= 'A' && c <= 'Z') any_upper = true;
      if (c >= 'a' && c <= 'z') any_lower = true;
    }
  }
  if (!any_upper) return 1;
  if (!any_lower) return 2;
  return 3;
}

uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

uint64_t Key(uint64_t templ, uint64_t value) {
  return CombineKeys(Mix(templ), value);
}

// What a word says about the capitalized name it belongs to: kCueOrg for
// the heads of organization names ("Inc.", "Bank", "Ministry"), kCuePlace
// for those of place names ("Street", "Lake"), kCueTitle for the titles
// that open person names ("Mr.", "Dr.").
enum NameCue : uint64_t {
  kCueOrg = 1,
  kCuePlace = 2,
  kCueTitle = 4,
};

uint64_t CueOf(std::string_view lower) {
  static constexpr std::string_view kOrg[] = {
      "inc",          "inc.",          "corp",
      "corp.",        "corporation",   "ltd",
      "ltd.",         "llc",           "co",
      "co.",          "company",       "group",
      "bank",         "ministry",      "university",
      "college",      "school",        "academy",
      "institute",    "hospital",      "clinic",
      "church",       "association",   "council",
      "committee",    "commission",    "agency",
      "department",   "dept.",         "club",
      "foundation",   "society",       "party",
      "union",        "court",         "board",
      "services",     "airlines",      "airways",
      "motors",       "systems",       "technologies",
      "restaurant",   "cafe",          "hotel",
      "store",        "center",        "centre",
      "office",       "news",          "times",
      "magazine",     "network",       "federation",
      "organization", "organisation",  "authority",
      "bureau",       "service",       "industries",
      "enterprises",  "partners",      "associates",
      "team",         "administration"};
  static constexpr std::string_view kPlace[] = {
      "street",    "st",        "st.",      "avenue",    "ave",    "ave.",
      "road",      "rd",        "rd.",      "boulevard", "blvd",   "blvd.",
      "drive",     "lane",      "park",     "lake",      "river",  "mountain",
      "mountains", "mount",     "mt",       "mt.",       "island", "islands",
      "county",    "city",      "province", "beach",     "bay",    "valley",
      "airport",   "square",    "bridge",   "canyon",    "falls",  "coast",
      "highway",   "peninsula", "sea",      "ocean",     "desert", "region"};
  static constexpr std::string_view kTitle[] = {
      "mr",   "mr.",  "mrs",  "mrs.",  "ms",       "ms.",       "dr",
      "dr.",  "miss", "sir",  "prof",  "prof.",    "president", "senator",
      "gov.", "sen.", "rep.", "judge", "minister", "king",      "queen"};
  static const std::unordered_map<std::string_view, uint64_t>* const cues = [] {
    auto* map = new std::unordered_map<std::string_view, uint64_t>;
    for (std::string_view w : kOrg) map->emplace(w, kCueOrg);
    for (std::string_view w : kPlace) map->emplace(w, kCuePlace);
    for (std::string_view w : kTitle) map->emplace(w, kCueTitle);
    return map;
  }();
  auto it = cues->find(lower);
  return it == cues->end() ? 0 : it->second;
}

bool Capitalized(std::string_view word) {
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
}

// Words that may join the capitalized words of one name ("Bank of
// America", "Johnson & Johnson").
bool NameJoiner(std::string_view lower) {
  return lower == "of" || lower == "&" || lower == "and" || lower == "for" ||
         lower == "de" || lower == "the";
}

// Per word: 0 outside a run of capitalized words, else the cues found in
// the run (and the title before it) times 8 plus the word's position in the
// run (1 single, 2 first, 3 inside, 4 last). A word heading an organization
// name tells every word of the name what it is part of.
std::vector<uint64_t> RunCues(const std::vector<std::string_view>& words,
                              const std::vector<std::string>& lower) {
  const size_t n = words.size();
  std::vector<uint64_t> out(n, 0);
  for (size_t a = 0; a < n;) {
    if (!Capitalized(words[a])) {
      ++a;
      continue;
    }
    size_t b = a + 1;
    while (b < n) {
      if (Capitalized(words[b])) {
        ++b;
      } else if (b + 1 < n && NameJoiner(lower[b]) &&
                 Capitalized(words[b + 1])) {
        b += 2;
      } else {
        break;
      }
    }
    uint64_t cues = 0;
    for (size_t i = a; i < b; ++i) cues |= CueOf(lower[i]) & ~kCueTitle;
    if (CueOf(lower[a]) == kCueTitle) cues |= kCueTitle;
    if (a > 0 && CueOf(lower[a - 1]) == kCueTitle) cues |= kCueTitle;
    for (size_t i = a; i < b; ++i) {
      uint64_t where = b - a == 1 ? 1 : i == a ? 2 : i + 1 == b ? 4 : 3;
      out[i] = cues * 8 + where;
    }
    a = b;
  }
  return out;
}

int Prefix(int label) { return (label - 1) % 4; }
int Type(int label) { return (label - 1) / 4; }

}  // namespace

std::string NerLabelName(int label) {
  if (label <= 0 || label >= kNerLabelCount) return "O";
  return std::string(1, kPrefixes[Prefix(label)]) + "-" + kTypes[Type(label)];
}

int NerLabelOf(std::string_view tag) {
  if (tag == "O") return 0;
  if (tag.size() < 3 || tag[1] != '-') return -1;
  int prefix = -1;
  switch (tag[0]) {
    case 'B':
      prefix = 0;
      break;
    case 'I':
      prefix = 1;
      break;
    case 'L':
    case 'E':
      prefix = 2;
      break;
    case 'U':
    case 'S':
      prefix = 3;
      break;
  }
  if (prefix < 0) return -1;
  for (int type = 0; type < kNerTypeCount; ++type) {
    if (tag.substr(2) == kTypes[type]) return 1 + type * 4 + prefix;
  }
  return -1;
}

bool NerTransitionAllowed(int previous, int label) {
  bool inside = previous != kNerStartLabel && previous != 0 &&
                (Prefix(previous) == 0 || Prefix(previous) == 1);
  if (!inside) return label == 0 || Prefix(label) == 0 || Prefix(label) == 3;
  return label != 0 && Type(label) == Type(previous) &&
         (Prefix(label) == 1 || Prefix(label) == 2);
}

bool NerCanEnd(int label) {
  return label == 0 || Prefix(label) == 2 || Prefix(label) == 3;
}

uint64_t NerTransitionKey(int previous) {
  return Key(kTransition, static_cast<uint64_t>(previous) + 1);
}

void ExtractNerFeatures(const std::vector<std::string_view>& words,
                        const std::vector<std::string_view>& pos,
                        const NerGazetteer& gazetteer,
                        const NerGazetteer& word_profiles,
                        const NerGazetteer& actor_names,
                        const NerGazetteer& place_names,
                        const NerGazetteer& name_lists,
                        NerSentenceFeatures* features) {
  const size_t n = words.size();
  // Two padding entries on each side.
  std::vector<WordKeys> keys(n + 4);
  std::vector<uint64_t> pos_keys(n + 4, HashBytes("<pad>"));
  std::vector<uint64_t> gaz(n + 4, 0);
  keys[0] = keys[1] = BoundaryWordKeys(true);
  keys[n + 2] = keys[n + 3] = BoundaryWordKeys(false);
  std::vector<std::string> lower(n);
  for (size_t i = 0; i < n; ++i) {
    ComputeWordKeys(words[i], &keys[i + 2]);
    pos_keys[i + 2] = HashBytes(i < pos.size() ? pos[i] : "");
    lower[i] = NormalizeWord(words[i]);
    for (char& c : lower[i]) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
  }
  std::vector<uint32_t> marks = gazetteer.Match(lower);
  for (size_t i = 0; i < n; ++i) gaz[i + 2] = marks[i] + 1;
  // Profiles are single words, so Match gives (mask << 2) for each; 1 marks
  // a word without a profile, 0 the padding.
  std::vector<uint64_t> profile(n + 4, 0);
  std::vector<uint32_t> profile_marks = word_profiles.Match(lower);
  for (size_t i = 0; i < n; ++i) profile[i + 2] = (profile_marks[i] >> 2) + 1;
  std::vector<uint64_t> place(n + 4, 0);
  std::vector<uint32_t> place_marks = place_names.Match(lower);
  for (size_t i = 0; i < n; ++i) place[i + 2] = place_marks[i] + 1;

  std::vector<uint64_t> listed(n + 4, 0);
  std::vector<uint32_t> listed_marks = name_lists.Match(lower);
  for (size_t i = 0; i < n; ++i) listed[i + 2] = listed_marks[i] + 1;

  std::vector<uint64_t> actor(n + 4, 0);
  std::vector<uint32_t> actor_marks = actor_names.Match(lower);
  for (size_t i = 0; i < n; ++i) actor[i + 2] = actor_marks[i] + 1;
  std::vector<uint64_t> run_cues = RunCues(words, lower);

  const uint64_t casing = SentenceCasing(words);
  // Position of each word in its run of proper-noun tags (NNP, NNPS):
  // 0 outside, 1 single, 2 first, 3 inside, 4 last, plus the run length.
  std::vector<uint64_t> run(n, 0);
  for (size_t a = 0; a < n;) {
    auto proper = [&](size_t i) {
      return i < pos.size() && pos[i].starts_with("NNP");
    };
    if (!proper(a)) {
      ++a;
      continue;
    }
    size_t b = a;
    while (b < n && proper(b)) ++b;
    for (size_t i = a; i < b; ++i) {
      uint64_t where = b - a == 1 ? 1 : i == a ? 2 : i + 1 == b ? 4 : 3;
      run[i] = where * 8 + std::min<size_t>(b - a, 7);
    }
    a = b;
  }
  features->keys.clear();
  features->offsets.assign(1, 0);
  for (size_t w = 0; w < n; ++w) {
    const size_t i = w + 2;
    const WordKeys& k = keys[i];
    auto add = [&](uint64_t templ, uint64_t value) {
      features->keys.push_back(Key(templ, value));
    };
    add(kBias, 0);
    add(kForm, k.form);
    add(kLower, k.lower);
    for (int a = 0; a < 4; ++a) {
      add(kPrefix1 + a, k.prefix[a]);
      add(kSuffix1 + a, k.suffix[a]);
    }
    add(kShape, k.shape);
    add(kPrevLower, keys[i - 1].lower);
    add(kNextLower, keys[i + 1].lower);
    add(kPrev2Lower, keys[i - 2].lower);
    add(kNext2Lower, keys[i + 2].lower);
    add(kPrevShape, keys[i - 1].shape);
    add(kNextShape, keys[i + 1].shape);
    add(kShapeTrigram, CombineKeys(CombineKeys(keys[i - 1].shape, k.shape),
                                   keys[i + 1].shape));
    add(kPrevLowerLower, CombineKeys(keys[i - 1].lower, k.lower));
    add(kLowerNextLower, CombineKeys(k.lower, keys[i + 1].lower));
    add(kPos, pos_keys[i]);
    add(kPrevPos, pos_keys[i - 1]);
    add(kNextPos, pos_keys[i + 1]);
    add(kPrev2Pos, pos_keys[i - 2]);
    add(kNext2Pos, pos_keys[i + 2]);
    add(kPrevPosPos, CombineKeys(pos_keys[i - 1], pos_keys[i]));
    add(kPosNextPos, CombineKeys(pos_keys[i], pos_keys[i + 1]));
    add(kPosShape, CombineKeys(pos_keys[i], k.shape));
    add(kFirstShape, CombineKeys(w == 0 ? 1 : 2, k.shape));
    add(kGaz, gaz[i]);
    add(kPrevGaz, gaz[i - 1]);
    add(kNextGaz, gaz[i + 1]);
    add(kGazShape, CombineKeys(gaz[i], k.shape));
    add(kPrevForm, keys[i - 1].form);
    add(kNextForm, keys[i + 1].form);
    add(kPrevLowerPos, CombineKeys(keys[i - 1].lower, pos_keys[i]));
    add(kPosNextLower, CombineKeys(pos_keys[i], keys[i + 1].lower));
    add(kPrevSuffix3, keys[i - 1].suffix[2]);
    add(kNextSuffix3, keys[i + 1].suffix[2]);
    add(kLowerTrigram, CombineKeys(CombineKeys(keys[i - 1].lower, k.lower),
                                   keys[i + 1].lower));
    add(kCasingShape, CombineKeys(casing, k.shape));
    add(kCasingLower, CombineKeys(casing, k.lower));
    add(kShapeLeftTrigram,
        CombineKeys(CombineKeys(keys[i - 2].shape, keys[i - 1].shape),
                    k.shape));
    add(kShapeRightTrigram, CombineKeys(CombineKeys(k.shape, keys[i + 1].shape),
                                        keys[i + 2].shape));
    add(kProperRun, run[w]);
    add(kProperRunShape, CombineKeys(run[w], k.shape));
    add(kProfile, profile[i]);
    add(kProfileShape, CombineKeys(profile[i], k.shape));
    add(kPrevProfile, profile[i - 1]);
    add(kNextProfile, profile[i + 1]);
    add(kProfileTrigram,
        CombineKeys(CombineKeys(profile[i - 1], profile[i]), profile[i + 1]));
    add(kActor, actor[i]);
    add(kPrevActor, actor[i - 1]);
    add(kNextActor, actor[i + 1]);
    add(kActorShape, CombineKeys(actor[i], k.shape));
    add(kActorGaz, CombineKeys(actor[i], gaz[i]));
    add(kCue, CueOf(lower[w]));
    add(kRunCue, run_cues[w]);
    add(kRunCueShape, CombineKeys(run_cues[w], k.shape));
    add(kPlace, place[i]);
    add(kPrevPlace, place[i - 1]);
    add(kNextPlace, place[i + 1]);
    add(kPlaceShape, CombineKeys(place[i], k.shape));
    add(kPlaceProfile, CombineKeys(place[i], profile[i]));
    if (!name_lists.entries().empty()) {
      add(kListed, listed[i]);
      add(kPrevListed, listed[i - 1]);
      add(kNextListed, listed[i + 1]);
      add(kListedShape, CombineKeys(listed[i], k.shape));
      add(kListedProfile, CombineKeys(listed[i], profile[i]));
      add(kListedPlace, CombineKeys(listed[i], place[i]));
    }
    features->offsets.push_back(static_cast<uint32_t>(features->keys.size()));
  }
}

std::vector<int> NerViterbi(const std::vector<float>& emission,
                            const std::vector<float>& transition,
                            size_t word_count) {
  constexpr int L = kNerLabelCount;
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  std::vector<int> labels(word_count, 0);
  if (word_count == 0) return labels;
  std::vector<float> best(word_count * L, kNone);
  std::vector<int> back(word_count * L, 0);
  for (int y = 0; y < L; ++y) {
    if (!NerTransitionAllowed(kNerStartLabel, y)) continue;
    best[y] = emission[y] + transition[kNerStartLabel * L + y];
  }
  for (size_t i = 1; i < word_count; ++i) {
    for (int y = 0; y < L; ++y) {
      float top = kNone;
      int arg = 0;
      for (int p = 0; p < L; ++p) {
        float prev = best[(i - 1) * L + p];
        if (prev == kNone || !NerTransitionAllowed(p, y)) continue;
        float s = prev + transition[p * L + y];
        if (s > top) {
          top = s;
          arg = p;
        }
      }
      if (top == kNone) continue;
      best[i * L + y] = top + emission[i * L + y];
      back[i * L + y] = arg;
    }
  }
  float top = kNone;
  int arg = 0;
  for (int y = 0; y < L; ++y) {
    float s = best[(word_count - 1) * L + y];
    if (NerCanEnd(y) && s > top) {
      top = s;
      arg = y;
    }
  }
  for (size_t i = word_count; i-- > 0;) {
    labels[i] = arg;
    arg = back[i * L + arg];
  }
  return labels;
}

}  // namespace dyad::analyze
