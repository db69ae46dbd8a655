// The store's SQLite schema: creating it in a new file and recognising it
// (and its version) in an existing one.
#ifndef DYAD_STORE_SCHEMA_H_
#define DYAD_STORE_SCHEMA_H_

#include <sqlite3.h>

#include <string>

#include "dyad/status.h"

namespace dyad::store_internal {

// PRAGMA application_id of every dyad store: "DYAD" in ASCII.
inline constexpr int kApplicationId = 0x44594144;

// Makes sure `db` holds a dyad store of a version this build understands.
// A file with no tables at all gets the current schema when `writable`.
// Fails with kDataLoss when the file is not a database, kInvalidArgument
// when it is another program's database or a newer dyad's, kNotFound when
// it is empty and may not be written.
Status EnsureSchema(sqlite3* db, const std::string& path, bool writable,
                    int schema_version);

}  // namespace dyad::store_internal

#endif  // DYAD_STORE_SCHEMA_H_
