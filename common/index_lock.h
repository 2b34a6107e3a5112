// The indexer's own lock on a database folder. Xapian has a write lock too,
// but it cannot say who holds it; this one names the holder's pid. It is an
// flock(2) on <db>/pressdex-index.lock, so it is released by the kernel when
// the holder exits, however it exits (kill -9 included): a stale lock file
// never blocks the next run.
#pragma once

#include <functional>
#include <string>

#include "common/status.h"

namespace pressdex {

class IndexLock {
 public:
  // Creates the database folder if needed and takes the lock. Without
  // `wait`, Busy("database is being updated by another indexer (pid N)")
  // when someone holds it. With `wait`, polls until it is free; `on_wait`
  // is called once (with that same message) when waiting starts, and
  // `stop` is asked between polls (Interrupted when it says so).
  static Result<IndexLock> Acquire(const std::string& db_path, bool wait,
                                   const std::function<void(const std::string&)>& on_wait = {},
                                   const std::function<bool()>& stop = {});

  IndexLock(IndexLock&& other) noexcept;
  IndexLock& operator=(IndexLock&& other) noexcept;
  IndexLock(const IndexLock&) = delete;
  IndexLock& operator=(const IndexLock&) = delete;
  ~IndexLock();  // releases the lock (the file stays: removing it would race)

  static std::string LockFilePath(const std::string& db_path);

 private:
  explicit IndexLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace pressdex
