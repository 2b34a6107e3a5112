// One indexing run: walk the roots, compare with what the database already
// holds, and bring it up to date through batched Xapian commits. Only new or
// changed files are read; documents of files that are gone are removed.
// A crash at any moment leaves the database at its last commit, and the next
// run finishes the job (see docs/indexing.md).
#pragma once

#include <atomic>
#include <map>
#include <string>
#include <vector>

#include "common/analyse.h"
#include "common/status.h"
#include "common/walker.h"

namespace pressdex {

// How a fresh build (an empty database, or --rebuild) is written: in place,
// committing every batch, or in parallel into temporary databases compacted
// into place at the end (common/batch_writer.h). Incremental runs on a
// database that holds releases always write in place.
enum class BulkMode { kAuto, kAlways, kNever };
// kAuto builds in bulk from this many files to index (docs/indexing.md: below
// it both ways take about the same time, and in place a crash keeps the
// batches committed so far).
constexpr std::size_t kBulkMinFiles = 2000;
// ... or from this many bytes: a large JSON Lines file is one transaction in
// place (all of it waits in Xapian's buffers until its state is written),
// while a bulk build hands each full batch over (DOJ's 55 MB file: 580 MiB
// peak in place, 365 MiB in bulk, and 20 % less time).
constexpr long long kBulkMinBytes = 16LL * 1024 * 1024;

struct IndexOptions {
  std::string db_path;
  std::vector<std::string> roots;
  AnalyserOptions analyser;
  WalkOptions walk;
  long long max_size = 50LL * 1024 * 1024;  // bytes; larger files are skipped (and counted as failed)
  bool rebuild = false;                     // start from an empty database
  bool dry_run = false;                     // decide and report, write nothing (no lock taken)
  bool wait_for_lock = false;               // wait for another indexer instead of failing
  std::size_t jobs = 0;                     // threads reading and analysing files; 0 = every core
  std::size_t commit_every = 2000;          // documents written or removed per commit (files are never split)
  std::size_t shards = 0;                   // 0: keep the database's layout; 1: one database; N: N shards
  BulkMode bulk = BulkMode::kAuto;
};

enum class FileAction { kAdd, kUpdate, kRemove };
std::string_view FileActionName(FileAction action);  // "add", "update", "remove"

struct IndexStats {
  std::size_t files_seen = 0;      // supported files found by the walk
  std::size_t added = 0;           // files indexed for the first time
  std::size_t updated = 0;         // files indexed again (changed, or their folder's boilerplate changed)
  std::size_t removed = 0;         // files gone from disk whose documents were removed
  std::size_t unchanged = 0;       // files left as they were (not read)
  std::size_t failed = 0;          // files (or folders) that could not be indexed; each reported
  std::size_t failed_records = 0;  // records skipped inside files that were otherwise indexed
  std::size_t warnings = 0;        // files indexed with a caveat (repaired bytes, renamed path)
  std::size_t documents_written = 0;
  std::size_t documents_removed = 0;
  std::map<std::string, std::size_t> skipped;  // reason -> count (not failures: unsupported types...)
  std::size_t total_documents = 0;             // in the database after the run
  std::size_t commits = 0;
  bool interrupted = false;  // StopRequested(): what was done is committed
  bool dry_run = false;
  double seconds = 0;

  bool any_failed() const { return failed > 0 || failed_records > 0; }
};

// Receives what happens during a run; the CLI prints it. Paths are printable
// one-liners (PathForMessage).
class IndexReporter {
 public:
  virtual ~IndexReporter() = default;
  // A file, folder or part of a file could not be indexed.
  virtual void Problem(const std::string& path, const std::string& message) = 0;
  // Indexed, with a caveat.
  virtual void Warning(const std::string& path, const std::string& message) { Problem(path, message); }
  // A file was (or, in a dry run, would be) added, updated or removed.
  virtual void Action(FileAction /*action*/, const std::string& /*path*/) {}
  // A commit made `documents` the database's document count.
  virtual void Committed(std::size_t /*documents*/) {}
  // How far the run is: after each file read for its acronym definitions
  // (phase "reading"), then after each file indexed, added, updated or
  // failed (phase "indexing").
  virtual void Progress(std::string_view /*phase*/, std::size_t /*files_done*/, std::size_t /*files_total*/,
                        std::size_t /*releases*/) {}
  // A bulk build compacting its batches into the new database (tables done of total).
  virtual void Compacting(std::size_t /*tables_done*/, std::size_t /*tables_total*/) {}
  // Another indexer holds the database; waiting (--wait).
  virtual void Waiting(const std::string& /*message*/) {}
};

// Set (e.g. by a signal handler) to stop after the current file; what is
// done is committed and the stats say interrupted.
std::atomic<bool>& StopRequested();

// Busy when another indexer holds the database (and !wait_for_lock), IoError
// when it can't be opened or written, Interrupted when stopped while waiting
// for the lock. Problems with files are not errors: they are reported and
// counted, and the run goes on.
Result<IndexStats> RunIndex(const IndexOptions& options, IndexReporter& reporter);

}  // namespace pressdex
