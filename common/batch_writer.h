// Bulk builds: a fresh database written in parallel. Documents arrive in file
// order and are gathered into batches; writer threads each write a batch into
// a temporary database of its own (no fsync: scratch), and at the end the
// batches are compacted, in order, into a new database that replaces the
// target in one rename (common/db_folder.h). Compaction numbers documents in
// batch order, so the result holds what the single in-place writer would have
// written, in the same order, whatever the thread count, and it comes out
// compacted (full B-tree blocks: smaller, faster to search).
//
// Until that rename the target is untouched: a crash leaves it as it was (the
// scratch folder is removed by the next run, which starts over); an
// interrupted run (Commit after StopRequested) still compacts and installs
// the batches of the files done, so the next run goes on from there.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "common/index_writer.h"
#include "common/status.h"

namespace pressdex {

struct BatchWriterOptions {
  std::string target;                          // the database folder to replace
  std::size_t shards = 0;                      // 0: one database; N: N shards + XAPIANDB stub
  std::size_t threads = 1;                     // writer threads
  std::size_t batch_documents = 2000;          // documents per temporary database...
  std::size_t batch_bytes = 32 * 1024 * 1024;  // ...or this many bytes of source files
  // Called as compaction at the end goes through the tables (done of total),
  // from the thread that calls Commit().
  std::function<void(std::size_t done, std::size_t total)> on_compact;
};

// Commit() installs the new database: call it once, at the end. It throws
// (Xapian::Error or std::runtime_error) when a batch could not be written or
// the result could not be installed; what was installed is consistent.
Result<std::unique_ptr<IndexWriter>> MakeBatchWriter(const BatchWriterOptions& options, IndexStats& stats,
                                                     CommitObserver on_commit);

}  // namespace pressdex
