// How paths are written: a root as shown and as walked, a file name as the
// index stores it and as a message shows it. Shared by the indexer's walk
// and the searcher's --like, without the walk itself.
#pragma once

#include <string>
#include <string_view>

namespace pressdex {

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
