// What the indexer remembers about each file between runs, kept as Xapian
// user metadata so it is committed in the same commit as the documents it
// describes: after a crash, state and documents always agree.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/extract/orgs.h"
#include "common/status.h"

namespace pressdex {

// 64-bit FNV-1a: content hashes and fingerprints (not cryptographic; a
// change must merely never look like no change by accident).
std::uint64_t Fingerprint(std::string_view bytes, std::uint64_t seed = 0xcbf29ce484222325ULL);
std::string HexFingerprint(std::uint64_t value);

struct FileState {
  std::string path;    // PathForIndex of the file (the documents' path)
  std::string folder;  // PathForIndex of its folder
  long long size = 0;
  long long mtime_ns = 0;
  std::string content;      // HexFingerprint of the bytes
  std::string settings;     // fingerprint of the analysis settings it was indexed with
  std::string boilerplate;  // fingerprint of its folder's boilerplate lines it was indexed with
  std::size_t documents = 0;
  std::vector<std::string> problems;         // parts of the file that were not indexed (re-reported while unchanged)
  std::vector<AliasDefinition> definitions;  // organisation acronyms its releases define inline
};

// Metadata keys (prefix + path, hashed when too long for a key).
std::string FileStateKey(std::string_view path);
std::string FolderStateKey(std::string_view folder);

std::string EncodeFileState(const FileState& state);
Result<FileState> DecodeFileState(std::string_view encoded);

struct FolderState {
  std::string folder;
  std::string boilerplate;  // fingerprint of the folder's learned boilerplate lines
};
std::string EncodeFolderState(const FolderState& state);
Result<FolderState> DecodeFolderState(std::string_view encoded);

// File states ordered by path, found by path (a string or a view): the path
// is not kept a second time as a key (a million files: 150 MB less).
struct FileStateByPath {
  using is_transparent = void;
  bool operator()(const FileState& a, const FileState& b) const { return a.path < b.path; }
  bool operator()(const FileState& a, std::string_view b) const { return a.path < b; }
  bool operator()(std::string_view a, const FileState& b) const { return a < b.path; }
};

struct StoredState {
  std::set<FileState, FileStateByPath> files;
  std::map<std::string, FolderState> folders;  // by folder
};

// Every file and folder state in `db` (entries that do not decode are dropped:
// their files will look new and be indexed again).
StoredState LoadStoredState(const Xapian::Database& db);

}  // namespace pressdex
