// The layout of a sharded database: a folder holding shard databases
// shard0 ... shardN-1 and a Xapian stub file XAPIANDB that lists them, so
// Xapian, pressdex-search and xapian-tcpsrv open the folder as one database.
// A file's documents live in the shard its path hashes to: re-indexing a file
// updates it in its own shard, and every shard holds the states of its own
// files, so each shard is consistent on its own.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace pressdex::shards {

// Which of `count` shards the documents of the file at `path` (PathForIndex,
// the id of its releases without a "#N" record suffix) live in. Stable: the
// same path gives the same shard on every machine and run.
std::size_t ShardOf(std::string_view path, std::size_t count);

std::string ShardName(std::size_t index);  // "shard0"
std::string StubPath(const std::string& folder);

// The shard databases of the sharded database at `folder`, in order; empty
// when `folder` is not sharded (no XAPIANDB stub). InvalidArgument when its
// stub is not the plain list of local shards pressdex-index writes (a
// hand-made stub with remote shards can be searched, not indexed into).
Result<std::vector<std::string>> ShardPaths(const std::string& folder);

// Writes the stub listing `count` shards (through a temporary file and a
// rename, so a reader never sees half of it).
Status WriteStub(const std::string& folder, std::size_t count);

}  // namespace pressdex::shards
