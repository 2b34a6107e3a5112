// pressdex-index --compact: rewrites a database with full B-tree blocks
// (xapian-compact), merging a sharded database into one, or splitting one
// into N shards (documents copied to the shard their file's path hashes to,
// with their files' states: no file is read again). The new database
// replaces the old in one rename, under the indexer's lock, like a bulk build.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "common/status.h"

namespace pressdex {

struct CompactOptions {
  std::string db_path;
  std::size_t shards = 1;  // shards of the result: 1 = one database
  bool wait_for_lock = false;
};

struct CompactStats {
  std::size_t documents = 0;
  std::size_t shards_before = 1;
  std::size_t shards_after = 1;
  std::uintmax_t bytes_before = 0;
  std::uintmax_t bytes_after = 0;
  double seconds = 0;
};

// NotFound when there is no database; Busy when an indexer holds it.
Result<CompactStats> CompactIndex(const CompactOptions& options,
                                  const std::function<void(const std::string&)>& on_wait = {});

}  // namespace pressdex
