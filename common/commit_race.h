// What a reader is told when an indexer's commits overtake it.
#pragma once

#include <xapian.h>

#include <sys/types.h>
#include <ctime>
#include <optional>
#include <string>

namespace pressdex {

// Whether `e` may only mean that commits landed while this reader read: a
// reader two commits behind gets DatabaseModifiedError, but glass can also
// report the blocks it then finds reused as corruption or a missing
// document. Such errors must reach Searcher::Search, which opens the newest
// commit and searches again; anyone else catching Xapian errors rethrows them.
// Whether it was the race only a newer commit can tell (Database::reopen).
bool MayBeCommitRace(const Xapian::Error& e);

// Which commit a glass database folder is at, for one that will not open:
// each commit replaces the version file, so its inode and time change.
struct CommitStamp {
  ino_t inode = 0;
  std::timespec modified{};
  bool operator==(const CommitStamp& other) const {
    return inode == other.inode && modified.tv_sec == other.modified.tv_sec &&
           modified.tv_nsec == other.modified.tv_nsec;
  }
};
// nullopt when there is no version file (another backend, or no database).
std::optional<CommitStamp> CommitStampOf(const std::string& path);

}  // namespace pressdex
