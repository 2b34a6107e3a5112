// Finds the files to index below the paths given on the command line.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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

// "corpus/" -> "corpus", "./a//b" -> "a/b": how a root is shown in paths.
std::string DisplayRoot(const std::string& root);

// "corpus/" -> "/home/me/corpus": the form the indexer walks a root in, so
// that a file is the same release whichever folder the indexer ran from
// (and `--format paths` output works from anywhere). Symbolic links are kept
// as written, the working folder's too (WorkingFolder). A root that can't
// be made absolute is returned as DisplayRoot.
std::string AbsoluteRoot(const std::string& root);

// The working folder as the user's shell names it ($PWD when that is this
// folder, else getcwd()); "" when there is none.
std::string WorkingFolder();

// File names are bytes; the index and JSON output need UTF-8. Valid UTF-8 is
// kept as is; each invalid byte becomes the four characters "\xNN", and a
// backslash that begins "\x" and two hex digits becomes "\x5C", so no two
// names share a path.
std::string PathForIndex(std::string_view path);

// A path as one printable line for messages: PathForIndex, with control
// characters (a newline in a name) written as \n, \t, \xNN.
std::string PathForMessage(std::string_view path);

// True when `path` lies at or below `folder` (both display paths, as Walk
// makes them; "." holds every relative path that does not climb out).
bool PathIsUnder(std::string_view path, std::string_view folder);

}  // namespace pressdex
