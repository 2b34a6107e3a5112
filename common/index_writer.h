// Where an indexing run's changes go. The run calls a writer from one thread,
// in file order; a file's documents and its state always travel together, so
// whatever a writer has made durable, documents and state agree.
//
// Three writers: one database written in place (incremental runs), several
// shard databases, each file's documents in the shard its path hashes to
// (ShardedWriter), and fresh builds written in parallel into temporary
// databases that are compacted into place at the end (common/batch_writer.h).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/index_state.h"
#include "common/spelling.h"
#include "common/synonyms.h"

namespace pressdex {

struct IndexStats;
using FileDocuments = std::vector<std::pair<std::string, Xapian::Document>>;  // (release id, document)

// What a file's releases add to the spelling and synonym tables. Writers
// hold the words back and write them late: Xapian rewrites every spelling
// fragment a commit touches (common/spelling.h).
struct FileLexicon {
  SpellingWords spelling;
  std::vector<SynonymGroup> synonyms;
};

class IndexWriter {
 public:
  virtual ~IndexWriter() = default;

  // Replaces every document of the file with `documents` and records its
  // state; `lexicon` goes to the spelling and synonym tables.
  virtual void WriteFile(const FileState& state, FileDocuments& documents, const FileLexicon& lexicon) = 0;
  // A file of many releases is written in parts (kRecordsPerPart,
  // common/index_pipeline.h), so that its documents are never all in memory:
  // the parts before the last come here, the last one with the state through
  // WriteFile. `file` is the state the file will have, less what only its
  // end knows (content hash, counts, problems). Written in place, a file of
  // more than a batch is committed on the way with that state marked
  // incomplete (no content hash: the next run indexes it again; its documents
  // counted, so a removal still finds them all); a bulk build installs a file
  // whole or not at all.
  virtual void WriteFilePart(const FileState& file, FileDocuments& documents, const FileLexicon& lexicon) = 0;
  // Same content, new modification time: only the state changes.
  virtual void TouchFile(const FileState& state) = 0;
  // The file is gone: its documents and state go.
  virtual void RemoveFile(const FileState& state) = 0;
  virtual void SetFolder(const FolderState& state) = 0;
  virtual void RemoveFolder(const std::string& folder) = 0;
  // Between files: makes what is pending durable when a batch is full.
  virtual void MaybeCommit() = 0;
  // Makes everything so far durable. Called once more at the end of a run
  // (interrupted or not).
  virtual void Commit() = 0;
  // The database written, this run's writes included, for looking up earlier
  // releases (near-duplicates); null when the writes are not readable yet
  // (bulk builds) or go nowhere (dry runs).
  virtual const Xapian::Database* Written() const = 0;
  // A folder this writer removes when it is done (and a later run removes if
  // this one dies), for other scratch files of the run; "" when none.
  virtual std::string ScratchFolder() const { return {}; }
};

// Called after each commit with the documents now durable (all shards).
using CommitObserver = std::function<void(std::size_t documents)>;

// Writes into `db` in place, committing every `commit_every` changes
// (documents written or removed, states recorded). With a null `db` it only
// counts (dry runs).
std::unique_ptr<IndexWriter> MakeDirectWriter(Xapian::WritableDatabase* db, std::size_t commit_every, IndexStats& stats,
                                              CommitObserver on_commit);

// Routes each file (and its documents) to shards[ShardOf(path, n)]; folder
// states go to every shard. Each shard commits on its own; as every shard
// holds its files' states with their documents, each stays consistent.
std::unique_ptr<IndexWriter> MakeShardedWriter(std::vector<std::unique_ptr<IndexWriter>> shards);

}  // namespace pressdex
