#include "common/index_run.h"

#include <xapian.h>

#include <chrono>
#include <deque>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "common/extract/data_files.h"
#include "common/index_lock.h"
#include "common/index_pipeline.h"
#include "common/index_state.h"
#include "common/schema.h"
#include "common/work_queue.h"

namespace pressdex {
namespace {

// Bump when the analysis or the document layout changes in a way that old
// documents must be rebuilt for: every file then counts as changed (and is
// re-indexed in place, resumably) on the next run.
constexpr std::string_view kAnalysisVersion = "1";

std::string FileBytesOrEmpty(const std::string& path) {
  if (path.empty()) return {};
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Everything besides a file's own bytes that decides what its documents hold.
std::string SettingsFingerprint(const AnalyserOptions& o) {
  const std::string settings =
      fmt::format("{}|{}|{}|{}|{}|{}|{}", kAnalysisVersion, PRESSDEX_VERSION, o.default_lang,
                  o.day_first ? "dmy" : "mdy", o.orgs_file, o.taxonomy_file, schema::kMaxTermBytes);
  std::uint64_t h = Fingerprint(settings);
  h = Fingerprint(FileBytesOrEmpty(o.orgs_file), h);
  h = Fingerprint(FileBytesOrEmpty(o.taxonomy_file), h);
  // The shipped gazetteer and taxonomy too: editing them changes documents.
  for (const char* shipped : {"orgs.toml", "taxonomy.toml"}) {
    const auto path = FindDataFile(shipped);
    h = Fingerprint(path.ok() ? FileBytesOrEmpty(*path) : std::string(), h);
  }
  return HexFingerprint(h);
}

// Every write to the database goes through here (none in a dry run).
class Writer {
 public:
  Writer(Xapian::WritableDatabase* db, std::size_t commit_every, IndexReporter& reporter, IndexStats& stats)
      : db_(db), commit_every_(commit_every == 0 ? 1 : commit_every), reporter_(reporter), stats_(stats) {}

  // Replaces the documents of one file and records its state, in one batch.
  void WriteFile(const FileState& state, std::vector<std::pair<std::string, Xapian::Document>>& documents) {
    stats_.documents_written += documents.size();
    if (db_ == nullptr) return;
    std::set<Xapian::docid> previous;
    const std::string file_term = schema::FileTerm(state.path);
    for (auto it = db_->postlist_begin(file_term); it != db_->postlist_end(file_term); ++it) previous.insert(*it);
    for (auto& [id, document] : documents) previous.erase(db_->replace_document(schema::IdTerm(id), document));
    for (const Xapian::docid did : previous) db_->delete_document(did);
    stats_.documents_removed += previous.size();
    // Written last: a crash before the commit leaves the old state, so the
    // file still looks changed and is indexed again.
    db_->set_metadata(FileStateKey(state.path), EncodeFileState(state));
    pending_ += documents.size() + previous.size() + 1;
  }

  // Same content, new modification time: only the state changes.
  void TouchFile(const FileState& state) {
    if (db_ == nullptr) return;
    db_->set_metadata(FileStateKey(state.path), EncodeFileState(state));
    ++pending_;
  }

  void RemoveFile(const FileState& state) {
    const std::string file_term = schema::FileTerm(state.path);
    if (db_ == nullptr) {
      stats_.documents_removed += state.documents;
      return;
    }
    const Xapian::doccount count = db_->get_termfreq(file_term);
    if (count > 0) db_->delete_document(file_term);
    db_->set_metadata(FileStateKey(state.path), "");  // empty value deletes the key
    stats_.documents_removed += count;
    pending_ += count + 1;
  }

  void SetFolder(const FolderState& state) {
    if (db_ == nullptr) return;
    db_->set_metadata(FolderStateKey(state.folder), EncodeFolderState(state));
    ++pending_;
  }
  void RemoveFolder(const std::string& folder) {
    if (db_ == nullptr) return;
    db_->set_metadata(FolderStateKey(folder), "");
    ++pending_;
  }

  // Commits only between files, so a file's documents and state go together.
  void MaybeCommit() {
    if (pending_ >= commit_every_) Commit();
  }
  void Commit() {
    if (db_ == nullptr || pending_ == 0) return;
    db_->commit();
    pending_ = 0;
    ++stats_.commits;
    reporter_.Committed(db_->get_doccount());
  }

 private:
  Xapian::WritableDatabase* db_;
  std::size_t commit_every_;
  IndexReporter& reporter_;
  IndexStats& stats_;
  std::size_t pending_ = 0;
};

enum class Plan { kAdd, kUpdate, kUnchanged, kFailed };

struct PlannedFile {
  const WalkedFile* file = nullptr;
  std::string path;  // PathForIndex
  Plan plan = Plan::kAdd;
  const FileState* stored = nullptr;
  std::string touched_content;  // set when only the modification time changed
};

struct Folder {
  std::string folder;  // PathForIndex
  std::vector<PlannedFile> files;
  bool dirty = false;  // something in it changed: relearn its boilerplate
};

class Run {
 public:
  Run(const IndexOptions& options, IndexReporter& reporter, const Analyser& analyser)
      : options_(options), reporter_(reporter), analyser_(analyser), settings_(SettingsFingerprint(options.analyser)) {
    stats_.dry_run = options.dry_run;
  }

  IndexStats& stats() { return stats_; }

  void WalkRoots() {
    WalkEvents events;
    events.on_file = [&](WalkedFile f) { walked_.push_back(std::move(f)); };
    events.on_skip = [&](const std::string&, const std::string& reason) { ++stats_.skipped[reason]; };
    events.on_error = [&](const std::string& path, const std::string& problem) {
      ++stats_.failed;
      reporter_.Problem(PathForMessage(path), problem);
      protected_.push_back(PathForIndex(path));
    };
    Walk(options_.roots, options_.walk, events);
    stats_.files_seen = walked_.size();
  }

  // Decides, from sizes, times and (when only the time moved) content
  // hashes, which files need indexing. Reads nothing else.
  void Decide(const StoredState& stored) {
    stored_ = &stored;
    std::unordered_map<std::string, std::size_t> folder_index;
    std::set<std::string> seen;
    for (const WalkedFile& file : walked_) {
      PlannedFile planned;
      planned.file = &file;
      planned.path = PathForIndex(file.path);
      seen.insert(planned.path);
      const std::string folder = PathForIndex(file.folder);
      auto [it, inserted] = folder_index.try_emplace(folder, folders_.size());
      if (inserted) folders_.push_back(Folder{folder, {}, false});
      Folder& group = folders_[it->second];

      if (auto s = stored.files.find(planned.path); s != stored.files.end()) planned.stored = &s->second;
      if (file.size > options_.max_size) {
        planned.plan = Plan::kFailed;  // reported when its folder is processed
      } else if (planned.stored == nullptr) {
        planned.plan = Plan::kAdd;
      } else {
        const FileState& st = *planned.stored;
        bool same_content = st.size == file.size && st.mtime_ns == file.mtime_ns;
        if (!same_content && st.size == file.size) {
          // Touched, or rewritten with the same size: the hash decides.
          const std::string content = ContentFingerprint(file, options_.max_size);
          same_content = !content.empty() && content == st.content;
          if (same_content) planned.touched_content = content;
        }
        const auto folder_state = stored.folders.find(folder);
        const std::string folder_fp = folder_state == stored.folders.end() ? "" : folder_state->second.boilerplate;
        const bool same_analysis = st.settings == settings_ && st.boilerplate == folder_fp;
        planned.plan = same_content && same_analysis ? Plan::kUnchanged : Plan::kUpdate;
      }
      if (planned.plan == Plan::kAdd || planned.plan == Plan::kUpdate) group.dirty = true;
      group.files.push_back(std::move(planned));
    }

    // Files the database knows below the roots that the walk did not find.
    std::vector<std::string> scopes;
    for (const auto& root : options_.roots) scopes.push_back(PathForIndex(DisplayRoot(root)));
    auto in_scope = [&](const std::string& path) {
      for (const auto& p : protected_) {
        if (PathIsUnder(path, p)) return false;  // not seen because of an error, not gone
      }
      for (const auto& s : scopes) {
        if (PathIsUnder(path, s)) return true;
      }
      return false;
    };
    for (const auto& [path, state] : stored.files) {
      if (seen.count(path) != 0 || !in_scope(path)) continue;
      removals_.push_back(&state);
      if (auto it = folder_index.find(state.folder); it != folder_index.end()) folders_[it->second].dirty = true;
    }
    for (const auto& [folder, state] : stored.folders) {
      if (folder_index.count(folder) == 0 && in_scope(folder)) gone_folders_.push_back(folder);
    }
  }

  // Indexes what the plan says, folder by folder, then removes what is gone.
  void Execute(Writer& writer) {
    for (Folder& folder : folders_) {
      if (StopRequested()) {
        stats_.interrupted = true;
        break;
      }
      ProcessFolder(folder, writer);
      if (stats_.interrupted) break;
    }
    if (!stats_.interrupted) {
      for (const FileState* state : removals_) {
        reporter_.Action(FileAction::kRemove, PathForMessage(state->path));
        writer.RemoveFile(*state);
        ++stats_.removed;
        writer.MaybeCommit();
      }
      for (const auto& folder : gone_folders_) writer.RemoveFolder(folder);
    }
    writer.Commit();
  }

 private:
  void Fail(const std::string& path, const std::string& message) {
    ++stats_.failed;
    reporter_.Problem(PathForMessage(path), message);
  }

  // Loading and analysing run on the work queue; writes happen here, in file
  // order, so the database gets the same documents in the same order for any -j.
  void ProcessFolder(Folder& folder, Writer& writer) {
    const std::size_t n = folder.files.size();
    std::vector<std::optional<LoadedFile>> loaded(n);
    std::string boilerplate_fp;
    std::vector<std::string> boilerplate;
    if (folder.dirty) {
      // Every file of a changed folder is loaded: boilerplate is learned from all of them.
      std::vector<std::future<LoadedFile>> loading(n);
      for (std::size_t i = 0; i < n; ++i) {
        if (folder.files[i].plan == Plan::kFailed) continue;
        const WalkedFile* file = folder.files[i].file;
        loading[i] = queue_.Submit([file, max = options_.max_size] { return LoadFile(*file, max); });
      }
      std::vector<const LoadedFile*> for_learning;
      for (std::size_t i = 0; i < n; ++i) {
        if (!loading[i].valid()) continue;
        loaded[i] = loading[i].get();
        for_learning.push_back(&*loaded[i]);
      }
      if (StopRequested()) {
        stats_.interrupted = true;
        return;
      }
      boilerplate = LearnFolderBoilerplate(for_learning);
      boilerplate_fp = BoilerplateFingerprint(boilerplate);
      const auto stored = stored_->folders.find(folder.folder);
      // Set before the files: if the run dies half-way, files analysed with the
      // old lines no longer match it and are redone next time.
      if (stored == stored_->folders.end() || stored->second.boilerplate != boilerplate_fp)
        writer.SetFolder(FolderState{folder.folder, boilerplate_fp});
    }

    for (std::size_t i = 0; i < n; ++i) {
      PlannedFile& planned = folder.files[i];
      if (planned.plan == Plan::kUnchanged && folder.dirty && planned.stored->boilerplate != boilerplate_fp)
        planned.plan = Plan::kUpdate;  // the folder's boilerplate changed under it
    }
    // Acronyms defined in this folder's files, learned in file order before
    // the files are analysed in parallel (see AliasRegistry).
    std::vector<const SourceRecord*> records;
    for (std::size_t i = 0; i < n; ++i) {
      if (!loaded[i] || (folder.files[i].plan != Plan::kAdd && folder.files[i].plan != Plan::kUpdate)) continue;
      for (const SourceRecord& record : loaded[i]->records) records.push_back(&record);
    }
    analyser_.LearnDefinitions(records, /*freeze=*/true);

    // A bounded window of files being built ahead of the writer keeps memory flat.
    const std::size_t window = queue_.jobs() * 4;
    std::deque<std::pair<std::size_t, std::future<Prepared>>> building;
    std::size_t next = 0;
    auto fill = [&] {
      while (building.size() < window && next < n) {
        const std::size_t i = next++;
        const Plan plan = folder.files[i].plan;
        if (plan != Plan::kAdd && plan != Plan::kUpdate) continue;
        auto task = [this, file = folder.files[i].file, pre = std::move(loaded[i]),
                     boilerplate_ptr = &boilerplate]() mutable {
          Prepared prepared;
          prepared.loaded = pre ? std::move(*pre) : LoadFile(*file, options_.max_size);
          if (prepared.loaded.error.ok())
            prepared.built = BuildFileDocuments(prepared.loaded, analyser_, *boilerplate_ptr);
          return prepared;
        };
        loaded[i].reset();
        building.emplace_back(i, queue_.Submit(std::move(task)));
      }
    };
    fill();

    for (std::size_t i = 0; i < n; ++i) {
      PlannedFile& planned = folder.files[i];
      const WalkedFile& file = *planned.file;
      if (planned.plan == Plan::kFailed) {
        Fail(file.path, fmt::format("skipped: {} bytes is over --max-size ({} bytes)", file.size, options_.max_size));
        continue;
      }
      if (planned.plan == Plan::kUnchanged) {
        ++stats_.unchanged;
        // Problems found when it was indexed still stand: say so again.
        for (const auto& problem : planned.stored->problems) reporter_.Problem(PathForMessage(file.path), problem);
        stats_.failed_records += planned.stored->problems.size();
        if (!planned.touched_content.empty()) {
          FileState state = *planned.stored;
          state.mtime_ns = file.mtime_ns;
          writer.TouchFile(state);
        }
        continue;
      }
      // Add or update: its build was queued in file order.
      Prepared prepared = building.front().second.get();
      building.pop_front();
      fill();
      if (StopRequested()) {
        stats_.interrupted = true;
        break;
      }
      IndexOne(planned, prepared, boilerplate_fp, writer);
      writer.MaybeCommit();
    }
    for (auto& [index, pending] : building) pending.wait();  // nothing outlives the folder's data
    analyser_.LearnDefinitions({}, /*freeze=*/false);
  }

  struct Prepared {
    LoadedFile loaded;
    BuiltFile built;
  };

  void IndexOne(const PlannedFile& planned, Prepared& prepared, const std::string& boilerplate_fp, Writer& writer) {
    const LoadedFile& loaded = prepared.loaded;
    const std::string shown = PathForMessage(loaded.file.path);
    if (!loaded.error.ok()) {
      // Its documents from an earlier run (if any) stay: a file that cannot be
      // read today (permissions, a half-written copy) is not a deleted file.
      Fail(loaded.file.path, loaded.error.message());
      return;
    }
    if (!loaded.warnings.empty()) ++stats_.warnings;
    for (const auto& warning : loaded.warnings) reporter_.Warning(shown, warning);
    BuiltFile& built = prepared.built;
    std::vector<std::string> problems = loaded.problems;
    problems.insert(problems.end(), built.problems.begin(), built.problems.end());
    if (built.documents.empty()) {
      Fail(loaded.file.path, problems.empty() ? "no release could be built" : problems.front());
      return;
    }
    for (const auto& problem : problems) reporter_.Problem(shown, problem);
    stats_.failed_records += problems.size();

    FileState state;
    state.path = planned.path;
    state.folder = loaded.folder;
    state.size = loaded.file.size;
    state.mtime_ns = loaded.file.mtime_ns;
    state.content = loaded.content;
    state.settings = settings_;
    state.boilerplate = boilerplate_fp;
    state.documents = built.documents.size();
    state.problems = std::move(problems);
    const bool is_new = planned.plan == Plan::kAdd;
    reporter_.Action(is_new ? FileAction::kAdd : FileAction::kUpdate, shown);
    writer.WriteFile(state, built.documents);
    ++(is_new ? stats_.added : stats_.updated);
  }

  const IndexOptions& options_;
  WorkQueue queue_{options_.jobs == 0 ? WorkQueue::DefaultJobs() : options_.jobs};
  IndexReporter& reporter_;
  const Analyser& analyser_;
  const std::string settings_;
  IndexStats stats_;
  std::vector<WalkedFile> walked_;
  std::vector<std::string> protected_;  // paths the walk could not see into: not to take for deleted
  const StoredState* stored_ = nullptr;
  std::vector<Folder> folders_;
  std::vector<const FileState*> removals_;
  std::vector<std::string> gone_folders_;
};

bool DatabaseExists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(std::filesystem::path(path) / "iamglass", ec) ||
         std::filesystem::exists(std::filesystem::path(path) / "iamchert", ec);
}

}  // namespace

std::string_view FileActionName(FileAction action) {
  switch (action) {
    case FileAction::kAdd: return "add";
    case FileAction::kUpdate: return "update";
    case FileAction::kRemove: return "remove";
  }
  return "?";
}

std::atomic<bool>& StopRequested() {
  static std::atomic<bool> stop{false};
  return stop;
}

Result<IndexStats> RunIndex(const IndexOptions& options, IndexReporter& reporter) {
  const auto started = std::chrono::steady_clock::now();
  auto analyser = Analyser::Create(options.analyser);
  if (!analyser.ok()) return analyser.status();

  // The lock comes first: a second indexer must not even walk.
  std::optional<IndexLock> lock;
  if (!options.dry_run) {
    auto acquired = IndexLock::Acquire(
        options.db_path, options.wait_for_lock, [&](const std::string& message) { reporter.Waiting(message); },
        [] { return StopRequested().load(); });
    if (!acquired.ok()) return acquired.status();
    lock.emplace(std::move(acquired.value()));
  }

  Run run(options, reporter, **analyser);
  try {
    run.WalkRoots();
    std::unique_ptr<Xapian::WritableDatabase> writable;
    Xapian::Database readable;  // empty: nothing indexed yet
    if (options.dry_run) {
      if (!options.rebuild && DatabaseExists(options.db_path)) readable = Xapian::Database(options.db_path);
    } else {
      writable = std::make_unique<Xapian::WritableDatabase>(
          options.db_path, options.rebuild ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN);
    }
    const Xapian::Database& db = writable ? *writable : readable;
    const StoredState stored = options.rebuild ? StoredState{} : LoadStoredState(db);
    run.Decide(stored);
    Writer writer(writable.get(), options.commit_every, reporter, run.stats());
    run.Execute(writer);
    run.stats().total_documents = db.get_doccount();
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::Busy("database " + options.db_path + " is locked by another Xapian writer: " + e.get_msg());
  } catch (const Xapian::DatabaseOpeningError& e) {
    return Status::IoError("cannot open database " + options.db_path + ": " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return Status::IoError("database " + options.db_path + ": " + e.get_description());
  } catch (const std::exception& e) {
    return Status::IoError("indexing into " + options.db_path + " failed: " + e.what());
  }
  IndexStats stats = run.stats();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

}  // namespace pressdex
