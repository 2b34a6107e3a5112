// Whole-folder operations on a database: the scratch folder a bulk build or a
// compaction works in, and swapping a finished database into place in one
// rename, so readers and a crash only ever see the old database or the new one.
#pragma once

#include <string>

#include "common/status.h"

namespace pressdex {

// A folder holds a database: a Xapian database, or a sharded one (XAPIANDB).
bool DatabaseExists(const std::string& folder);

// Whether `folder` may be used as a database folder: it does not exist yet,
// or it holds only what Xapian and Pressdex keep there (tables, the stub,
// shardN folders, the lock). A fresh build and a compaction replace the
// whole folder, so one holding anything else (the corpus itself, a user's
// notes) is refused (InvalidArgument, naming an intruder) rather than
// emptied. A plain file at `folder` is refused too.
Status CheckDatabaseFolder(const std::string& folder);

// Whether `folder` is the working directory or holds it: such a folder can't
// be swapped for a new one by rename (".": EBUSY; a path: the process and
// the user's shell would be left in the old, deleted one).
bool HoldsWorkingDirectory(const std::string& folder);

// A fresh scratch folder beside `target` (same file system, so the result can
// be renamed into place): "<parent>/.<name>.pressdex-scratch-<pid>".
Result<std::string> MakeScratchFolder(const std::string& target);

// Removes scratch folders that runs which died left beside `target`. Only
// safe while holding the target's IndexLock.
void RemoveStaleScratch(const std::string& target);

// Puts the folder `replacement` at `target` in one atomic rename (Linux
// RENAME_EXCHANGE when `target` exists: the old database ends up at
// `replacement`, for the caller to delete). Readers that have the old
// database open keep reading it; the next open sees the new one.
Status ReplaceFolder(const std::string& target, const std::string& replacement);

// rm -rf, ignoring errors (scratch cleanup).
void RemoveTree(const std::string& path);

}  // namespace pressdex
