// Finds the files to index below the paths given on the command line.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/paths.h"  // the path forms walked files are named in

namespace pressdex {

struct WalkedFile {
  std::string path;  // the root as walked (absolute for the indexer), joined with the path below it; raw bytes
  // The same for its folder, shared by the folder's files (a million files:
  // 100 MB less than a copy each).
  std::shared_ptr<const std::string> folder;
  long long mtime = 0;     // seconds since the epoch
  long long mtime_ns = 0;  // nanoseconds since the epoch (change detection)
  long long size = 0;
};

struct WalkOptions {
  bool follow_symlinks = false;
  bool include_hidden = false;  // names starting with '.' (e.g. .git) are skipped unless set
};

struct WalkEvents {
  std::function<void(WalkedFile)> on_file;                                          // a file with a supported extension
  std::function<void(const std::string& path, const std::string& reason)> on_skip;  // seen, not indexed
  // Could not be walked (unreadable or vanished folder, symbolic link loop...).
  // Files below `path` were not seen, so callers must not take them for deleted.
  std::function<void(const std::string& path, const std::string& problem)> on_error;
};

// Walks each root (a folder, recursively, or a single file) in a stable
// (sorted) order. Errors (unreadable folders, loops, vanished paths) are
// reported through on_error and the walk goes on. Never throws.
void Walk(const std::vector<std::string>& roots, const WalkOptions& options, const WalkEvents& events);

}  // namespace pressdex
