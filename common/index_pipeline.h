// The per-file stages of indexing, as pure functions with no database access:
// load (read -> hash -> decode -> parse) and build (analyse -> Xapian
// documents). They touch nothing shared, so they may run on many threads at
// once; every database write stays in index_run.cpp.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/analyse.h"
#include "common/index_writer.h"
#include "common/near_dup.h"
#include "common/release.h"
#include "common/status.h"
#include "common/walker.h"

namespace pressdex {

struct LoadedFile {
  WalkedFile file;
  std::string path;     // PathForIndex(file.path): what the index calls it
  std::string folder;   // PathForIndex(file.folder)
  std::string content;  // HexFingerprint of the bytes ("" when they could not be read)
  Status error;         // not ok: nothing of the file can be indexed (message names the problem)
  std::vector<SourceRecord> records;
  std::vector<std::string> problems;  // parts that were skipped ("line 3: malformed JSON: ...")
  std::vector<std::string> warnings;  // indexed, with a caveat (bytes repaired...)
  std::optional<bool> day_first;      // the day/month order its records' dates show (StatedDayFirst)
};

// Reads and takes apart one file. Files over `max_size` bytes are refused
// unread. Never throws: every failure ends up in `error`.
LoadedFile LoadFile(const WalkedFile& file, long long max_size);

// Only reads and hashes the file: to confirm a change when its time changed
// but not its size. "" when it cannot be read.
std::string ContentFingerprint(const WalkedFile& file, long long max_size);

// Boilerplate lines learned from a folder's loaded files (those without error).
std::vector<std::string> LearnFolderBoilerplate(const std::vector<const LoadedFile*>& files);
std::string BoilerplateFingerprint(const std::vector<std::string>& lines);

struct BuiltFile {
  std::vector<std::pair<std::string, Xapian::Document>> documents;  // (release id, document)
  std::vector<std::string> problems;                                // records that could not be built
  std::vector<near_dup::Sketch> sketches;                           // one per document (common/near_dup.h)
  FileLexicon lexicon;  // title and body words; organisations' names the releases write
};

// A file of more records than this (JSON Lines) is built and written in
// parts of this many: a built document takes tens of KB in memory (DOJ's
// 12,694 releases in one 55 MB file took 1 GB built whole), a record its text.
inline constexpr std::size_t kRecordsPerPart = 256;

// How many parts `loaded` is built in (at least 1).
std::size_t PartCount(const LoadedFile& loaded);

// Analyses records [part * kRecordsPerPart, ...) of `loaded`, a part's worth,
// and builds their documents. Thread-safe.
BuiltFile BuildFileDocuments(const LoadedFile& loaded, const Analyser& analyser,
                             const std::vector<std::string>& boilerplate, std::size_t part = 0);

}  // namespace pressdex
