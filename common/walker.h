// Finds the files to index below the paths given on the command line.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace pressdex {

struct WalkedFile {
  std::string path;    // display path: the root as given, joined with the path below it
  std::string folder;  // display path of its folder
  long long mtime = 0;
  long long size = 0;
};

struct WalkOptions {
  bool follow_symlinks = false;
  bool include_hidden = false;  // names starting with '.' (e.g. .git) are skipped unless set
};

struct WalkEvents {
  std::function<void(WalkedFile)> on_file;  // a file with a supported extension
  std::function<void(const std::string& path, const std::string& reason)> on_skip;     // seen, not indexed
  std::function<void(const std::string& path, const std::string& problem)> on_error;  // could not be walked
};

// Walks each root (a folder, recursively, or a single file) in a stable
// (sorted) order. Errors (unreadable folders, loops, vanished paths) are
// reported through on_error and the walk goes on.
void Walk(const std::vector<std::string>& roots, const WalkOptions& options, const WalkEvents& events);

// "corpus/" -> "corpus", "./a//b" -> "a/b": how a root is shown in paths.
std::string DisplayRoot(const std::string& root);

}  // namespace pressdex
