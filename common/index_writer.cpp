#include "common/index_writer.h"

#include <optional>
#include <set>

#include "common/facet_record.h"
#include "common/index_run.h"
#include "common/schema.h"
#include "common/shards.h"
#include "common/tokenizer.h"

namespace pressdex {
namespace {

class DirectWriter final : public IndexWriter {
 public:
  DirectWriter(Xapian::WritableDatabase* db, std::size_t commit_every, IndexStats& stats, CommitObserver on_commit)
      : db_(db),
        facets_(db),
        commit_every_(commit_every == 0 ? 1 : commit_every),
        stats_(stats),
        on_commit_(std::move(on_commit)) {}

  void WriteFilePart(const FileState& file, FileDocuments& documents, const FileLexicon& lexicon) override {
    stats_.documents_written += documents.size();
    if (db_ == nullptr) return;
    BeginFile(file.path);
    spelling_.Merge(lexicon.spelling);
    synonyms_.Add(lexicon.synonyms);
    for (auto& [id, document] : documents) {
      facets_.AddRecord(document);
      previous_.erase(db_->replace_document(schema::IdTerm(id), document));
    }
    for (const auto& [key, value] : facets_.TakeEntries()) db_->set_metadata(key, value);
    pending_ += documents.size();
    written_in_file_ += documents.size();
    // More than a batch of one file: committed on the way (memory stays
    // bounded), its state saying it is incomplete.
    if (pending_ >= commit_every_) {
      FileState incomplete = file;
      incomplete.content.clear();
      incomplete.mtime_ns = 0;
      incomplete.documents = written_in_file_ + previous_.size();
      db_->set_metadata(FileStateKey(file.path), EncodeFileState(incomplete));
      db_->commit_transaction();
      CommitNow(/*last=*/false);
      db_->begin_transaction(/*flushed=*/false);
    }
  }

  void WriteFile(const FileState& state, FileDocuments& documents, const FileLexicon& lexicon) override {
    WriteFilePart(state, documents, lexicon);
    if (db_ == nullptr) return;
    // The file's documents from before that no part replaced.
    for (const Xapian::docid did : previous_) db_->delete_document(did);
    stats_.documents_removed += previous_.size();
    pending_ += previous_.size() + 1;
    // Written last: a crash before the commit leaves the old state, so the
    // file still looks changed and is indexed again.
    db_->set_metadata(FileStateKey(state.path), EncodeFileState(state));
    db_->commit_transaction();
    open_file_.clear();
    previous_.clear();
    written_in_file_ = 0;
  }

  void TouchFile(const FileState& state) override {
    if (db_ == nullptr) return;
    db_->set_metadata(FileStateKey(state.path), EncodeFileState(state));
    ++pending_;
  }

  void RemoveFile(const FileState& state) override {
    const std::string file_term = schema::FileTerm(state.path);
    if (db_ == nullptr) {
      stats_.documents_removed += state.documents;
      return;
    }
    for (auto it = db_->postlist_begin(file_term); it != db_->postlist_end(file_term); ++it) Unspell(*it);
    const Xapian::doccount count = db_->get_termfreq(file_term);
    if (count > 0) db_->delete_document(file_term);
    db_->set_metadata(FileStateKey(state.path), "");  // an empty value deletes the key
    stats_.documents_removed += count;
    pending_ += count + 1;
  }

  void SetFolder(const FolderState& state) override {
    if (db_ == nullptr) return;
    db_->set_metadata(FolderStateKey(state.folder), EncodeFolderState(state));
    ++pending_;
  }

  void RemoveFolder(const std::string& folder) override {
    if (db_ == nullptr) return;
    db_->set_metadata(FolderStateKey(folder), "");
    ++pending_;
  }

  // Commits only between files, so a file's documents and state go together.
  void MaybeCommit() override {
    if (pending_ >= commit_every_) CommitNow(/*last=*/false);
  }

  void Commit() override { CommitNow(/*last=*/true); }

  const Xapian::Database* Written() const override { return db_; }

 private:
  // The spelling words wait for the run's last commit unless many are
  // waiting: each commit rewrites every fragment touched since the last.
  void CommitNow(bool last) {
    if (db_ == nullptr || (pending_ == 0 && !(last && !(spelling_.empty() && unspelled_.empty())))) return;
    if (last || spelling_.size() + unspelled_.size() >= kSpellingFlushWords) {
      spelling_.Flush(*db_);  // before taking back: a count never drops below zero on the way
      unspelled_.TakeBack(*db_);
    }
    synonyms_.Flush(*db_);
    db_->commit();
    pending_ = 0;
    ++stats_.commits;
    if (on_commit_) on_commit_(db_->get_doccount());
  }

  // A file is written in a transaction: Xapian otherwise commits by itself
  // every 10,000 changes (XAPIAN_FLUSH_THRESHOLD), which could make part of a
  // large JSON Lines file durable without any state for it. An unflushed
  // transaction commits nothing itself; the file joins the next commit (or,
  // past a batch, commits on the way with an incomplete state: WriteFilePart).
  void BeginFile(const std::string& path) {
    if (open_file_ == path) return;
    db_->begin_transaction(/*flushed=*/false);
    open_file_ = path;
    previous_.clear();
    const std::string file_term = schema::FileTerm(path);
    for (auto it = db_->postlist_begin(file_term); it != db_->postlist_end(file_term); ++it) previous_.insert(*it);
    for (const Xapian::docid did : previous_) Unspell(did);  // each is replaced or removed
  }

  // Counts the spelling words of a release about to be replaced or removed,
  // to take back from the spelling table with the new words (CommitNow).
  void Unspell(Xapian::docid did) {
    const Xapian::Document old = db_->get_document(did);
    const auto data = schema::DecodeDocumentData(old.get_data());
    if (data.ok()) unspelled_.Add(Terms(data->title));
    // The body: its own value, or the data in databases written before it had one.
    unspelled_.Add(Terms(data.ok() && !data->text.empty() ? data->text : old.get_value(schema::kTextSlot)));
  }

  Xapian::WritableDatabase* db_;
  FacetDictionary facets_;            // numbers the records' names, in db_'s dictionary
  std::string open_file_;             // the file whose parts are being written
  std::set<Xapian::docid> previous_;  // its documents from before not yet replaced
  std::size_t written_in_file_ = 0;   // its documents written so far
  std::size_t commit_every_;
  IndexStats& stats_;
  CommitObserver on_commit_;
  std::size_t pending_ = 0;
  SpellingWords spelling_;
  SpellingWords unspelled_;  // words of the releases replaced or removed
  SynonymBatch synonyms_;
};

class ShardedWriter final : public IndexWriter {
 public:
  explicit ShardedWriter(std::vector<std::unique_ptr<IndexWriter>> shards) : shards_(std::move(shards)) {}

  void WriteFile(const FileState& state, FileDocuments& documents, const FileLexicon& lexicon) override {
    For(state.path).WriteFile(state, documents, lexicon);
  }
  void WriteFilePart(const FileState& file, FileDocuments& documents, const FileLexicon& lexicon) override {
    For(file.path).WriteFilePart(file, documents, lexicon);
  }
  void TouchFile(const FileState& state) override { For(state.path).TouchFile(state); }
  void RemoveFile(const FileState& state) override { For(state.path).RemoveFile(state); }
  void SetFolder(const FolderState& state) override {
    for (auto& shard : shards_) shard->SetFolder(state);
  }
  void RemoveFolder(const std::string& folder) override {
    for (auto& shard : shards_) shard->RemoveFolder(folder);
  }
  void MaybeCommit() override {
    for (auto& shard : shards_) shard->MaybeCommit();
  }
  void Commit() override {
    for (auto& shard : shards_) shard->Commit();
  }
  // Every shard's writable database, read as one.
  const Xapian::Database* Written() const override {
    if (!combined_) {
      combined_.emplace();
      for (const auto& shard : shards_) {
        const Xapian::Database* written = shard->Written();
        if (written == nullptr) {
          combined_.reset();
          return nullptr;
        }
        combined_->add_database(*written);
      }
    }
    return &*combined_;
  }

 private:
  IndexWriter& For(const std::string& path) { return *shards_[shards::ShardOf(path, shards_.size())]; }

  std::vector<std::unique_ptr<IndexWriter>> shards_;
  mutable std::optional<Xapian::Database> combined_;
};

}  // namespace

std::unique_ptr<IndexWriter> MakeDirectWriter(Xapian::WritableDatabase* db, std::size_t commit_every, IndexStats& stats,
                                              CommitObserver on_commit) {
  return std::make_unique<DirectWriter>(db, commit_every, stats, std::move(on_commit));
}

std::unique_ptr<IndexWriter> MakeShardedWriter(std::vector<std::unique_ptr<IndexWriter>> shards) {
  return std::make_unique<ShardedWriter>(std::move(shards));
}

}  // namespace pressdex
