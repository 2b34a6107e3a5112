#include "common/batch_writer.h"

#include <sys/resource.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "common/db_folder.h"
#include "common/facet_record.h"
#include "common/index_lock.h"
#include "common/index_run.h"
#include "common/shards.h"
#include "common/work_queue.h"

namespace pressdex {
namespace {

namespace fs = std::filesystem;
using Metadata = std::vector<std::pair<std::string, std::string>>;

struct Batch {
  std::size_t number = 0;
  std::vector<std::vector<Xapian::Document>> documents;  // per shard
  std::vector<Metadata> metadata;                        // per shard
  std::size_t document_count = 0;
  std::size_t bytes = 0;
  // A file written in parts (WriteFilePart) goes on in the next batch: this
  // batch holds some of its documents but not its state.
  bool ends_inside_file = false;
  // Spelling words and synonyms held back so far, for the first shard's
  // database (compaction merges the tables; a search merges the shards').
  SpellingWords spelling;
  std::vector<SynonymGroup> synonyms;
};

// Compaction opens every table of every batch at once.
void RaiseOpenFileLimit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
  }
}

class BatchWriter final : public IndexWriter {
 public:
  BatchWriter(const BatchWriterOptions& options, std::string scratch, IndexStats& stats, CommitObserver on_commit)
      : options_(options),
        shard_count_(options.shards == 0 ? 1 : options.shards),
        scratch_(std::move(scratch)),
        stats_(stats),
        on_commit_(std::move(on_commit)),
        facets_(shard_count_) {
    current_ = NewBatch(0);
    // More batches written at once than cores only holds more in memory.
    const std::size_t threads = std::clamp<std::size_t>(options.threads, 1, WorkQueue::DefaultJobs());
    WorkQueue::StartThreads(workers_, threads, [this] { WorkerLoop(); });
  }

  ~BatchWriter() override {
    StopWorkers();
    RemoveTree(scratch_);  // after a successful Commit it holds only the old database
  }

  void WriteFile(const FileState& state, FileDocuments& documents, const FileLexicon& lexicon) override {
    Add(state.path, documents, lexicon);
    current_.metadata[ShardOf(state.path)].emplace_back(FileStateKey(state.path), EncodeFileState(state));
    current_.bytes += static_cast<std::size_t>(state.size);
    current_.ends_inside_file = false;
  }

  // A full batch is handed over even inside a file (memory stays bounded);
  // Install only takes batches that end between files.
  void WriteFilePart(const FileState& file, FileDocuments& documents, const FileLexicon& lexicon) override {
    Add(file.path, documents, lexicon);
    current_.ends_inside_file = true;
    if (current_.document_count >= options_.batch_documents) Dispatch();
  }

  // A fresh build has no earlier documents; these only record state.
  void TouchFile(const FileState& state) override {
    current_.metadata[ShardOf(state.path)].emplace_back(FileStateKey(state.path), EncodeFileState(state));
  }
  void RemoveFile(const FileState& state) override {
    current_.metadata[ShardOf(state.path)].emplace_back(FileStateKey(state.path), "");
  }
  void SetFolder(const FolderState& state) override {
    for (auto& metadata : current_.metadata)
      metadata.emplace_back(FolderStateKey(state.folder), EncodeFolderState(state));
  }
  void RemoveFolder(const std::string& folder) override {
    for (auto& metadata : current_.metadata) metadata.emplace_back(FolderStateKey(folder), "");
  }

  void MaybeCommit() override {
    if (current_.document_count >= options_.batch_documents || current_.bytes >= options_.batch_bytes) {
      // Spelling words go into one batch, written once, unless many wait (common/spelling.h).
      if (spelling_.size() >= kSpellingFlushWords) HandOverLexicon();
      Dispatch();
    }
  }

  void Commit() override {
    if (installed_) return;
    installed_ = true;
    HandOverLexicon();
    Dispatch();
    StopWorkers();
    Install();
  }

  const Xapian::Database* Written() const override { return nullptr; }  // nothing is readable before Install
  std::string ScratchFolder() const override { return scratch_; }

 private:
  std::size_t ShardOf(const std::string& path) const { return shards::ShardOf(path, shard_count_); }

  void Add(const std::string& path, FileDocuments& documents, const FileLexicon& lexicon) {
    spelling_.Merge(lexicon.spelling);
    synonyms_.Add(lexicon.synonyms);
    const std::size_t shard = ShardOf(path);
    auto& shard_documents = current_.documents[shard];
    for (auto& [id, document] : documents) {
      facets_[shard].AddRecord(document);
      shard_documents.push_back(std::move(document));
    }
    // A name goes with the batch of the first record to use it: the batches
    // installed (a prefix of them) hold every name their records use.
    for (auto& entry : facets_[shard].TakeEntries()) current_.metadata[shard].push_back(std::move(entry));
    current_.document_count += documents.size();
    stats_.documents_written += documents.size();
  }

  void HandOverLexicon() {
    current_.spelling.Merge(spelling_);
    spelling_ = SpellingWords();
    for (auto& group : synonyms_.TakePending()) current_.synonyms.push_back(std::move(group));
  }

  Batch NewBatch(std::size_t number) const {
    Batch batch;
    batch.number = number;
    batch.documents.resize(shard_count_);
    batch.metadata.resize(shard_count_);
    return batch;
  }

  std::string BatchPath(std::size_t number, std::size_t shard) const {
    return (fs::path(scratch_) / fmt::format("batch{:06}-{}", number, shard)).string();
  }

  // Hands the current batch to the writers; waits while one is already
  // queued, which bounds memory to the batches being written plus two.
  void Dispatch() {
    if (current_.document_count == 0 && current_.spelling.empty() && current_.synonyms.empty() &&
        std::all_of(current_.metadata.begin(), current_.metadata.end(), [](const Metadata& m) { return m.empty(); }))
      return;
    const std::size_t next = current_.number + 1;
    ends_inside_file_.push_back(current_.ends_inside_file);
    {
      std::unique_lock lock(mutex_);
      space_.wait(lock, [&] { return queue_.empty(); });
      queue_.push_back(std::move(current_));
      ++batches_;
    }
    work_.notify_one();
    current_ = NewBatch(next);
  }

  void WorkerLoop() {
    while (true) {
      Batch batch;
      {
        std::unique_lock lock(mutex_);
        work_.wait(lock, [&] { return closed_ || !queue_.empty(); });
        if (queue_.empty()) return;
        batch = std::move(queue_.front());
        queue_.pop_front();
      }
      space_.notify_one();
      std::string error;
      try {
        WriteBatch(batch);
      } catch (const Xapian::Error& e) {
        error = e.get_description();
      } catch (const std::exception& e) {
        error = e.what();
      }
      std::lock_guard lock(mutex_);
      if (!error.empty()) errors_.emplace(batch.number, error);
      documents_in_.emplace(batch.number, batch.document_count);
    }
  }

  void WriteBatch(Batch& batch) const {
    for (std::size_t shard = 0; shard < shard_count_; ++shard) {
      // Scratch: no fsync, and one commit at the end (the batch is smaller
      // than Xapian's flush threshold).
      Xapian::WritableDatabase db(BatchPath(batch.number, shard),
                                  Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC | Xapian::DB_BACKEND_GLASS);
      for (auto& document : batch.documents[shard]) {
        db.add_document(document);
        document = Xapian::Document();  // free it as soon as it is written
      }
      for (const auto& [key, value] : batch.metadata[shard]) db.set_metadata(key, value);
      if (shard == 0) {
        batch.spelling.Flush(db);
        WriteSynonyms(db, batch.synonyms);
      }
      db.commit();
      db.close();
    }
  }

  void StopWorkers() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    work_.notify_all();
    for (auto& worker : workers_) {
      if (worker.joinable()) worker.join();
    }
  }

  // Counts the tables Xapian starts compacting, for the progress line.
  class TableCounter : public Xapian::Compactor {
   public:
    explicit TableCounter(std::function<void()> on_table) : on_table_(std::move(on_table)) {}
    void set_status(const std::string& /*table*/, const std::string& status) override {
      if (status.empty() && on_table_) on_table_();  // a table begins
    }

   private:
    std::function<void()> on_table_;
  };

  // Tables a glass database compacts: postlist, docdata, termlist, position, spelling, synonym.
  static constexpr std::size_t kTables = 6;

  void Compact(const std::vector<std::string>& sources, const std::string& output) {
    if (sources.empty()) {
      Xapian::WritableDatabase empty(output, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
      empty.commit();
      return;
    }
    Xapian::Database all;
    for (const auto& source : sources) all.add_database(Xapian::Database(source));
    TableCounter counter([this] { ReportCompaction(tables_started_++); });  // the tables before this one are done
    // One pass: every batch's postlists merged at once. DBCOMPACT_MULTIPASS
    // (merging them a few at a time into temporary tables, then those) gave
    // byte-identical tables for more CPU: Reuters -j1, 10 batches 9.09 ->
    // 8.34 s, 191 batches of 100 10.42 -> 8.75 s (docs/indexing.md).
    all.compact(output, Xapian::DB_BACKEND_GLASS, 0, counter);
  }

  void ReportCompaction(std::size_t started) const {
    const std::size_t total = kTables * shard_count_;
    if (options_.on_compact) options_.on_compact(std::min(started, total), total);
  }

  // Compacts the batches written before the first that failed into a new
  // database and swaps it in; back to the last batch that ends between files,
  // so that every file installed comes whole, with its state.
  void Install() {
    std::size_t usable = batches_;
    std::string failure;
    if (!errors_.empty()) {
      usable = errors_.begin()->first;
      failure = fmt::format("writing a batch of documents failed: {}", errors_.begin()->second);
    }
    while (usable > 0 && ends_inside_file_[usable - 1]) --usable;
    RaiseOpenFileLimit();
    ReportCompaction(0);
    const std::string fresh = (fs::path(scratch_) / "new").string();
    if (options_.shards == 0) {
      std::vector<std::string> sources;
      for (std::size_t b = 0; b < usable; ++b) sources.push_back(BatchPath(b, 0));
      Compact(sources, fresh);
    } else {
      fs::create_directories(fresh);
      for (std::size_t shard = 0; shard < shard_count_; ++shard) {
        std::vector<std::string> sources;
        for (std::size_t b = 0; b < usable; ++b) sources.push_back(BatchPath(b, shard));
        Compact(sources, (fs::path(fresh) / shards::ShardName(shard)).string());
      }
      if (Status s = shards::WriteStub(fresh, shard_count_); !s.ok()) throw std::runtime_error(s.message());
    }
    ReportCompaction(kTables * shard_count_);
    for (std::size_t b = 0; b < usable; ++b) {
      for (std::size_t shard = 0; shard < shard_count_; ++shard) RemoveTree(BatchPath(b, shard));
    }
    // The new folder carries the indexer's lock, held, before it goes live.
    auto lock = IndexLock::Acquire(fresh, /*wait=*/false);
    if (!lock.ok()) throw std::runtime_error(lock.status().message());
    new_lock_.emplace(std::move(lock.value()));
    if (Status s = ReplaceFolder(options_.target, fresh); !s.ok()) throw std::runtime_error(s.message());
    std::size_t documents = 0;
    for (std::size_t b = 0; b < usable; ++b) documents += documents_in_[b];
    ++stats_.commits;
    if (on_commit_) on_commit_(documents);
    if (!failure.empty()) throw std::runtime_error(failure);
  }

  const BatchWriterOptions options_;
  const std::size_t shard_count_;
  const std::string scratch_;
  IndexStats& stats_;
  CommitObserver on_commit_;
  std::vector<FacetDictionary> facets_;  // per shard: each shard is a database of its own
  Batch current_;
  SpellingWords spelling_;
  SynonymBatch synonyms_;
  std::size_t batches_ = 0;
  std::size_t tables_started_ = 0;      // by the compaction, for on_compact
  std::vector<bool> ends_inside_file_;  // per batch dispatched
  bool installed_ = false;
  std::optional<IndexLock> new_lock_;

  std::mutex mutex_;
  std::condition_variable work_;
  std::condition_variable space_;
  std::deque<Batch> queue_;
  bool closed_ = false;
  std::map<std::size_t, std::string> errors_;
  std::map<std::size_t, std::size_t> documents_in_;
  std::vector<std::thread> workers_;
};

}  // namespace

Result<std::unique_ptr<IndexWriter>> MakeBatchWriter(const BatchWriterOptions& options, IndexStats& stats,
                                                     CommitObserver on_commit) {
  auto scratch = MakeScratchFolder(options.target);
  if (!scratch.ok()) return scratch.status();
  return std::unique_ptr<IndexWriter>(
      std::make_unique<BatchWriter>(options, std::move(scratch.value()), stats, std::move(on_commit)));
}

}  // namespace pressdex
