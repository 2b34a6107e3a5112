// One indexing run: walk the roots, read and analyse every file, and write
// the releases to the database through Xapian commits.
#pragma once

#include <atomic>
#include <map>
#include <string>
#include <vector>

#include "common/analyse.h"
#include "common/status.h"
#include "common/walker.h"

namespace pressdex {

struct IndexOptions {
  std::string db_path;
  std::vector<std::string> roots;
  AnalyserOptions analyser;
  WalkOptions walk;
  long long max_size = 50LL * 1024 * 1024;  // bytes; larger files are skipped
  bool rebuild = false;                     // start from an empty database
  std::size_t commit_every = 5000;          // releases per Xapian commit
};

struct IndexStats {
  std::size_t files_seen = 0;       // supported files found by the walk
  std::size_t files_indexed = 0;    // files whose releases were written
  std::size_t files_failed = 0;     // files (or parts of files) that could not be read
  std::size_t releases = 0;         // releases written
  std::size_t removed = 0;          // releases removed (records gone from a file)
  std::map<std::string, std::size_t> skipped;  // reason -> count
  std::size_t total_documents = 0;  // in the database after the run
  double seconds = 0;
};

// Receives what happens during a run; the CLI prints it.
class IndexReporter {
 public:
  virtual ~IndexReporter() = default;
  virtual void Problem(const std::string& path, const std::string& message) = 0;
  virtual void Progress(std::size_t /*done*/, std::size_t /*total*/) {}
};

// Set (e.g. by a signal handler) to stop after the current file; what is
// done is committed and the run returns Status::Interrupted.
std::atomic<bool>& StopRequested();

// Busy when another writer holds the database, IoError when it can't be
// opened or written, Interrupted after StopRequested().
Result<IndexStats> RunIndex(const IndexOptions& options, IndexReporter& reporter);

}  // namespace pressdex
