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
#include <unordered_set>

#include <fmt/format.h>

#include "common/batch_writer.h"
#include "common/db_folder.h"
#include "common/extract/data_files.h"
#include "common/extract/file_clock.h"
#include "common/index_lock.h"
#include "common/index_pipeline.h"
#include "common/index_state.h"
#include "common/index_writer.h"
#include "common/near_dup.h"
#include "common/normalize.h"
#include "common/schema.h"
#include "common/shards.h"
#include "common/work_queue.h"

namespace pressdex {
namespace {

// Bump when the analysis or the document layout changes in a way that old
// documents must be rebuilt for: every file then counts as changed (and is
// re-indexed in place, resumably) on the next run.
// 3: orgs and topics also spread over slot ranges (facets on remote shards).
// 4: dates: a year-less dateline reconciled with the file time, read on the
//    indexer's clock; body dates ahead of the file skipped (release_date.h).
// 5: document data as key=value lines, not JSON (JSON data still decodes).
// 6: near-duplicate clusters (band and cluster terms, kClusterSlot).
// 7: Thai/Lao ฯ leaves its word's term; gazetteer names in caseless scripts;
//    dates: year-less datelines never after the file, body dates only near
//    the top, per-file date order; "SITE.CO, Place –" datelines; a lone CR
//    ends a line; legacy charsets (TIS-620, windows-1258) detected.
// 8: font-size controls ("A- A+ (Ubah saiz teks)") are chrome; a stray
//    control character no longer hides a release's language from CLD2;
//    "# key = value" header lines of text files are metadata; headlines are
//    kept whole (they were cut at 160 characters, and the cut words lost);
//    copies of one story in a folder no longer learn each other as chrome.
// 9: gazetteer names scoped to a language (EEC, SEC, EXIM in Thai releases),
//    Thai banks named; a hyphen between Thai and Latin letters ends a word.
// 10: facet records (schema::kFacetRecordSlot) and their dictionary.
// 11: a Thai abbreviation glued to the word before it is a word of its own
//     (ประชุมครม. -> ประชุม ครม).
// 12: cleaning counts words in scripts without spaces (a long Thai sentence
//     with a web address is content); a stray "." line and short
//     capitalised lines (subheadings, table rows' names) are no footer sign.
// 13: "Related news" and the headlines under it, at the end, are dropped.
// 14: a common noun and a head word alone ("Call Center") name no organisation.
// 15: a short capitalised line between two of the story's lines is a
//     subheading or a name, kept (it was dropped as a menu item).
// 16: a site menu closing a short story (entries with a blurb under each)
//     is footer even when its blurbs outweigh the story.
// 17: short bulleted items in sentence case are a list, kept.
// 18: organisations: "New" starts a name mid-sentence ("New York University"),
//     headlines in title case name none, a day or month is no complement
//     ("Committee on Monday").
// 19: organisations: heads institutes, laboratory, hospital, clinic, library,
//     corps, guard; a name goes on to a later head ("Chicago Police
//     Department").
constexpr std::string_view kAnalysisVersion = "19";

std::string FileBytesOrEmpty(const std::string& path) {
  if (path.empty()) return {};
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Everything besides a file's own bytes that decides what its documents hold.
std::string SettingsFingerprint(const AnalyserOptions& o) {
  // The clock file times are read on decides the dates of files dated by them.
  const auto clock = FileClock::Create(o.time_zone);
  // An unstated date order lets files' own dates decide theirs: not the same as a stated dmy.
  const std::string date_order = std::string(o.date_order_stated ? "" : "auto-") + (o.day_first ? "dmy" : "mdy");
  const std::string settings =
      fmt::format("{}|{}|{}|{}|{}|{}|{}|{}", kAnalysisVersion, PRESSDEX_VERSION, o.default_lang, date_order,
                  o.orgs_file, o.taxonomy_file, schema::kMaxTermBytes, clock.ok() ? clock->id() : o.time_zone);
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

enum class Plan { kAdd, kUpdate, kUnchanged, kFailed };

struct PlannedFile {
  const WalkedFile* file = nullptr;
  // PathForIndex(file->path), kept only where it differs (a name that is
  // not UTF-8): a copy of every path was 150 bytes a file of the plan.
  std::string escaped_path;
  const std::string& path() const { return escaped_path.empty() ? file->path : escaped_path; }
  Plan plan = Plan::kAdd;
  const FileState* stored = nullptr;
  std::string touched_content;               // set when only the modification time changed
  std::vector<AliasDefinition> definitions;  // read before indexing (add and update)
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

  // Files the plan reads and writes (added or updated).
  // The files a run will add or update, and their bytes.
  struct Workload {
    std::size_t files = 0;
    long long bytes = 0;
  };
  Workload ToIndex() const {
    Workload work;
    for (const Folder& folder : folders_) {
      for (const PlannedFile& file : folder.files) {
        if (file.plan != Plan::kAdd && file.plan != Plan::kUpdate) continue;
        ++work.files;
        work.bytes += file.file->size;
      }
    }
    return work;
  }

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
    std::unordered_set<const FileState*>
        seen;  // stored states the walk found again (not a set of paths: 1M paths weigh)
    for (const WalkedFile& file : walked_) {
      PlannedFile planned;
      planned.file = &file;
      if (std::string for_index = PathForIndex(file.path); for_index != file.path)
        planned.escaped_path = std::move(for_index);
      const std::string folder = PathForIndex(*file.folder);
      auto [it, inserted] = folder_index.try_emplace(folder, folders_.size());
      if (inserted) folders_.push_back(Folder{folder, {}, false});
      Folder& group = folders_[it->second];

      if (auto s = stored.files.find(planned.path()); s != stored.files.end()) {
        planned.stored = &*s;
        seen.insert(planned.stored);
      }
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
    // Paths stored relative (older indexers kept the roots as given) are
    // read against this folder: a file indexed as "corpus/a.txt" from here
    // and now walked as "/here/corpus/a.txt" is in scope and not seen, so
    // its old entry goes and the file comes back under its absolute path.
    const std::string here = WorkingFolder();
    auto in_scope = [&](const std::string& stored_path) {
      std::string path = stored_path;
      if (!path.empty() && path[0] != '/' && !here.empty())
        path = (std::filesystem::path(here) / path).lexically_normal().string();
      for (const auto& p : protected_) {
        if (PathIsUnder(path, p)) return false;  // not seen because of an error, not gone
      }
      for (const auto& s : scopes) {
        if (PathIsUnder(path, s)) return true;
      }
      return false;
    };
    std::size_t relative_elsewhere = 0;  // stored relative, and not below the roots from here
    const std::string* example = nullptr;
    for (const FileState& state : stored.files) {
      const std::string& path = state.path;
      if (seen.count(&state) != 0) continue;
      if (!in_scope(path)) {
        if (!path.empty() && path[0] != '/' && relative_elsewhere++ == 0) example = &path;
        continue;
      }
      removals_.push_back(&state);
      removed_paths_.insert(path);
      if (auto it = folder_index.find(state.folder); it != folder_index.end()) folders_[it->second].dirty = true;
    }
    if (relative_elsewhere > 0) {
      // Those files may be the ones walked now, under their absolute paths:
      // they would be in the database twice until run from that folder.
      reporter_.Warning(PathForMessage(options_.db_path),
                        fmt::format("{} file(s) were indexed by an older pressdex-index under paths relative to the "
                                    "folder it ran in (e.g. '{}'); run it once from that folder to convert them "
                                    "(or use --rebuild)",
                                    relative_elsewhere, PathForMessage(*example)));
    }
    for (const auto& [folder, state] : stored.folders) {
      if (folder_index.count(folder) == 0 && in_scope(folder)) gone_folders_.push_back(folder);
    }
  }

  // Organisation acronyms defined inline apply across the corpus, so a
  // release's organisations depend on other files. To keep that exact (and
  // independent of file order and of which files a run reads), every file's
  // definitions are kept in its state, the table of the whole database is
  // rebuilt from them (the files to index are read for theirs first), and
  // when an acronym's meaning changes, the unchanged files whose releases
  // mention it are indexed again. `db` is the database as it stands.
  void ResolveDefinitions(const Xapian::Database& db) {
    std::vector<PlannedFile*> to_read;
    std::unordered_set<std::string> reindexed;
    for (Folder& folder : folders_) {
      for (PlannedFile& file : folder.files) {
        if (file.plan == Plan::kAdd || file.plan == Plan::kUpdate) to_read.push_back(&file);
      }
    }
    constexpr std::size_t kWindow = 4096;  // bounds the results waiting
    for (std::size_t start = 0; start < to_read.size() && !StopRequested(); start += kWindow) {
      const std::size_t end = std::min(to_read.size(), start + kWindow);
      std::vector<std::future<std::optional<std::vector<AliasDefinition>>>> pending;
      for (std::size_t i = start; i < end; ++i) {
        pending.push_back(queue_.Submit([this, file = to_read[i]->file]() {
          const LoadedFile loaded = LoadFile(*file, options_.max_size);
          return loaded.error.ok() ? std::optional(analyser_.DefinitionsIn(loaded.records)) : std::nullopt;
        }));
      }
      for (std::size_t i = start; i < end; ++i) {
        auto definitions = pending[i - start].get();
        if (!definitions) continue;  // unreadable: its old releases (if any) stay, and their definitions
        to_read[i]->definitions = std::move(*definitions);
        reindexed.insert(to_read[i]->path());
      }
      reporter_.Progress("reading", end, to_read.size(), 0);
    }

    std::vector<AliasDefinition> before, after;
    for (const FileState& state : stored_->files) {
      before.insert(before.end(), state.definitions.begin(), state.definitions.end());
      if (reindexed.count(state.path) == 0 && !removed_paths_.count(state.path))
        after.insert(after.end(), state.definitions.begin(), state.definitions.end());
    }
    for (const PlannedFile* file : to_read) {
      if (reindexed.count(file->path()) != 0)
        after.insert(after.end(), file->definitions.begin(), file->definitions.end());
    }
    analyser_.UseDefinitions(after);
    if (stored_->files.empty()) return;

    // What changed meaning: acronyms whose long form differs, long forms
    // whose acronym differs.
    AliasRegistry old_table, new_table;
    old_table.Replace(before);
    new_table.Replace(after);
    std::set<std::string> terms;
    const Xapian::Stem english("english");
    auto add_acronym = [&](const std::string& acronym) {
      std::string lower = FoldKey(acronym);
      terms.insert(english(lower));
      terms.insert(std::move(lower));
      terms.insert(schema::FieldTerm(schema::kOrgPrefix, acronym));
    };
    std::set<std::string> acronyms, long_forms;
    for (const auto& d : before) acronyms.insert(d.acronym), long_forms.insert(d.long_form);
    for (const auto& d : after) acronyms.insert(d.acronym), long_forms.insert(d.long_form);
    for (const auto& acronym : acronyms) {
      if (old_table.LongForm(acronym) == new_table.LongForm(acronym)) continue;
      add_acronym(acronym);
      for (const auto& form : {old_table.LongForm(acronym), new_table.LongForm(acronym)})
        if (form) terms.insert(schema::FieldTerm(schema::kOrgPrefix, *form));
    }
    for (const auto& form : long_forms) {
      const auto a = old_table.Acronym(form), b = new_table.Acronym(form);
      if (a == b) continue;
      terms.insert(schema::FieldTerm(schema::kOrgPrefix, form));
      if (a) add_acronym(*a);
      if (b) add_acronym(*b);
    }
    if (terms.empty()) return;
    std::unordered_set<std::string> affected;
    for (const auto& term : terms) {
      for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        const auto data = schema::DecodeDocumentData(db.get_document(*it).get_data());
        if (data.ok()) affected.insert(data->path);
      }
    }
    for (Folder& folder : folders_) {
      for (PlannedFile& file : folder.files) {
        if (file.plan != Plan::kUnchanged || affected.count(file.path()) == 0) continue;
        file.plan = Plan::kUpdate;  // its definitions are the stored ones: its bytes did not change
        file.definitions = file.stored->definitions;
        folder.dirty = true;
      }
    }
  }

  // Indexes what the plan says, folder by folder, then removes what is gone.
  void Execute(IndexWriter& writer) {
    clusters_.SetScratchParent(writer.ScratchFolder());
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
  void ReportProgress() {
    if (files_total_ == 0) files_total_ = ToIndex().files + FilesTooLarge();
    reporter_.Progress("indexing", ++files_done_, files_total_, stats_.documents_written);
  }

  std::size_t FilesTooLarge() const {
    std::size_t n = 0;
    for (const Folder& folder : folders_) {
      for (const PlannedFile& file : folder.files) n += file.plan == Plan::kFailed;
    }
    return n;
  }

  void Fail(const std::string& path, const std::string& message) {
    ++stats_.failed;
    reporter_.Problem(PathForMessage(path), message);
  }

  // Loading and analysing run on the work queue; writes happen here, in file
  // order, so the database gets the same documents in the same order for any -j.
  void ProcessFolder(Folder& folder, IndexWriter& writer) {
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
          prepared.loaded =
              std::make_shared<const LoadedFile>(pre ? std::move(*pre) : LoadFile(*file, options_.max_size));
          if (prepared.loaded->error.ok())
            prepared.built = BuildFileDocuments(*prepared.loaded, analyser_, *boilerplate_ptr);
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
        ReportProgress();
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
      IndexOne(planned, prepared, boilerplate, boilerplate_fp, writer);
      writer.MaybeCommit();
      ReportProgress();
    }
    for (auto& [index, pending] : building) pending.wait();  // nothing outlives the folder's data
  }

  struct Prepared {
    std::shared_ptr<const LoadedFile> loaded;  // shared with the tasks that build its later parts
    BuiltFile built;                           // its first part (common/index_pipeline.h: kRecordsPerPart)
  };

  void IndexOne(const PlannedFile& planned, Prepared& prepared, const std::vector<std::string>& boilerplate,
                const std::string& boilerplate_fp, IndexWriter& writer) {
    const LoadedFile& loaded = *prepared.loaded;
    const std::string shown = PathForMessage(loaded.file.path);
    if (!loaded.error.ok()) {
      // Its documents from an earlier run (if any) stay: a file that cannot be
      // read today (permissions, a half-written copy) is not a deleted file.
      Fail(loaded.file.path, loaded.error.message());
      return;
    }
    if (!loaded.warnings.empty()) ++stats_.warnings;
    for (const auto& warning : loaded.warnings) reporter_.Warning(shown, warning);

    // A file of many releases: its later parts are built on the pool a few
    // ahead of the writer, never all at once, and written as they come; the
    // last one goes with the state (IndexWriter::WriteFilePart).
    const std::size_t parts = PartCount(loaded);
    std::deque<std::future<BuiltFile>> ahead;
    std::size_t next_part = 1;
    auto build_ahead = [&] {
      while (ahead.size() < queue_.jobs() * 2 && next_part < parts) {
        // The lines by value: a task may outlive this frame if a write throws.
        ahead.push_back(queue_.Submit([this, file = prepared.loaded, part = next_part++, lines = boilerplate] {
          return BuildFileDocuments(*file, analyser_, lines, part);
        }));
      }
    };
    build_ahead();
    FileState state;
    state.path = planned.path();
    state.folder = loaded.folder;
    state.size = loaded.file.size;
    state.mtime_ns = loaded.file.mtime_ns;
    state.settings = settings_;
    state.boilerplate = boilerplate_fp;
    state.definitions = planned.definitions;
    std::vector<std::string> problems = loaded.problems;
    std::size_t documents = 0;
    BuiltFile built = std::move(prepared.built);
    for (std::size_t part = 1;; ++part) {
      problems.insert(problems.end(), built.problems.begin(), built.problems.end());
      documents += built.documents.size();
      if (part == parts) break;
      if (!built.documents.empty()) {
        // Near-duplicate clusters are assigned here, in file order, so they are the same for any -j.
        if (!options_.dry_run) clusters_.Assign(writer.Written(), built.documents, built.sketches);
        writer.WriteFilePart(state, built.documents, built.lexicon);
      }
      built = ahead.front().get();
      ahead.pop_front();
      build_ahead();
    }
    if (documents == 0) {
      Fail(loaded.file.path, problems.empty() ? "no release could be built" : problems.front());
      return;
    }
    for (const auto& problem : problems) reporter_.Problem(shown, problem);
    stats_.failed_records += problems.size();

    state.content = loaded.content;
    state.documents = documents;
    state.problems = std::move(problems);
    const bool is_new = planned.plan == Plan::kAdd;
    reporter_.Action(is_new ? FileAction::kAdd : FileAction::kUpdate, shown);
    if (!options_.dry_run) clusters_.Assign(writer.Written(), built.documents, built.sketches);
    writer.WriteFile(state, built.documents, built.lexicon);
    ++(is_new ? stats_.added : stats_.updated);
  }

  const IndexOptions& options_;
  near_dup::ClusterIndex clusters_;  // earlier releases, for near-duplicate lookups
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
  std::unordered_set<std::string> removed_paths_;
  std::vector<std::string> gone_folders_;
  std::size_t files_done_ = 0;
  std::size_t files_total_ = 0;
};

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

namespace {

// The shards of the database at `db_path` opened for reading (nothing when
// there is no database yet), and the states they hold, merged.
struct Existing {
  std::vector<std::string> shard_paths;  // empty: a plain database
  Xapian::Database db;
  StoredState stored;
  bool exists = false;
};

Result<Existing> OpenExisting(const std::string& db_path) {
  Existing existing;
  auto shard_paths = shards::ShardPaths(db_path);
  if (!shard_paths.ok()) return shard_paths.status();
  existing.shard_paths = std::move(shard_paths.value());
  existing.exists = DatabaseExists(db_path);
  if (!existing.exists) return existing;
  if (existing.shard_paths.empty()) {
    existing.db = Xapian::Database(db_path);
    existing.stored = LoadStoredState(existing.db);
    return existing;
  }
  for (const auto& path : existing.shard_paths) {
    const Xapian::Database shard(path);
    existing.db.add_database(shard);
    StoredState stored = LoadStoredState(shard);
    existing.stored.files.merge(stored.files);
    existing.stored.folders.merge(stored.folders);
  }
  return existing;
}

// Everything in a database folder but the indexer's lock: the old layout
// goes before a rebuild into another one.
void ClearDatabaseFolder(const std::string& db_path) {
  const std::string lock = std::filesystem::path(IndexLock::LockFilePath(db_path)).filename().string();
  std::error_code ec;
  for (std::filesystem::directory_iterator it(db_path, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename() != lock) RemoveTree(it->path().string());
  }
}

std::size_t WantedShards(const IndexOptions& options, std::size_t have) {
  if (options.shards == 0) return have;
  return options.shards == 1 ? 0 : options.shards;
}

std::size_t DocumentCount(const std::string& db_path) {
  if (!DatabaseExists(db_path)) return 0;
  auto shard_paths = shards::ShardPaths(db_path);
  if (!shard_paths.ok() || shard_paths->empty()) return Xapian::Database(db_path).get_doccount();
  Xapian::Database all;
  for (const auto& path : *shard_paths) all.add_database(Xapian::Database(path));
  return all.get_doccount();
}

}  // namespace

Result<IndexStats> RunIndex(const IndexOptions& given, IndexReporter& reporter) {
  const auto started = std::chrono::steady_clock::now();
  IndexOptions options = given;
  for (std::string& root : options.roots) root = AbsoluteRoot(root);
  auto analyser = Analyser::Create(options.analyser);
  if (!analyser.ok()) return analyser.status();

  // The lock comes first: a second indexer must not even walk. Before it,
  // the folder must be one a database may take over (the lock file goes in it).
  std::optional<IndexLock> lock;
  if (!options.dry_run) {
    if (Status s = CheckDatabaseFolder(options.db_path); !s.ok()) return s;
    auto acquired = IndexLock::Acquire(
        options.db_path, options.wait_for_lock, [&](const std::string& message) { reporter.Waiting(message); },
        [] { return StopRequested().load(); });
    if (!acquired.ok()) return acquired.status();
    lock.emplace(std::move(acquired.value()));
    RemoveStaleScratch(options.db_path);
  }

  Run run(options, reporter, **analyser);
  try {
    auto existing = OpenExisting(options.db_path);
    if (!existing.ok()) return existing.status();
    const std::size_t have = existing->shard_paths.size();
    const std::size_t want = WantedShards(options, have);
    const bool empty = existing->db.get_doccount() == 0 && existing->stored.files.empty();
    if (want != have && !options.rebuild && !empty)
      return Status::InvalidArgument(
          fmt::format("database {} has {}; to split it into {}, run again with --rebuild (every file is read again){}",
                      options.db_path, have == 0 ? "no shards" : fmt::format("{} shards", have),
                      want == 0 ? "one database" : fmt::format("{} shards", want),
                      have == 0 ? "" : ", or merge the shards into one database with --compact"));

    run.WalkRoots();
    const StoredState stored = options.rebuild ? StoredState{} : std::move(existing->stored);
    run.Decide(stored);
    run.ResolveDefinitions(existing->db);

    const bool fresh = options.rebuild || empty;
    const auto work = run.ToIndex();
    // A bulk build swaps the whole folder for the new one: not possible for
    // the working directory, which is then written in place.
    const bool swappable = !HoldsWorkingDirectory(options.db_path);
    if (!options.dry_run && fresh && options.bulk == BulkMode::kAlways && !swappable)
      return Status::InvalidArgument("--bulk always: --db " + options.db_path +
                                     " is the working directory (or holds it), which a bulk build can't replace; "
                                     "use another folder or --bulk never");
    const bool bulk =
        !options.dry_run && fresh && swappable &&
        (options.bulk == BulkMode::kAlways ||
         (options.bulk == BulkMode::kAuto && (work.files >= kBulkMinFiles || work.bytes >= kBulkMinBytes)));
    std::vector<std::unique_ptr<Xapian::WritableDatabase>> writables;
    auto on_commit = [&](std::size_t documents) {
      if (writables.size() > 1) {
        documents = 0;
        for (const auto& w : writables) documents += w->get_doccount();
      }
      reporter.Committed(documents);
    };
    std::unique_ptr<IndexWriter> writer;
    if (options.dry_run) {
      writer = MakeDirectWriter(nullptr, options.commit_every, run.stats(), on_commit);
    } else if (bulk) {
      existing->db.close();
      BatchWriterOptions bulk_options;
      bulk_options.target = options.db_path;
      bulk_options.shards = want;
      bulk_options.threads = options.jobs == 0 ? WorkQueue::DefaultJobs() : options.jobs;
      bulk_options.on_compact = [&reporter](std::size_t done, std::size_t total) { reporter.Compacting(done, total); };
      auto made = MakeBatchWriter(bulk_options, run.stats(), on_commit);
      if (!made.ok()) return made.status();
      writer = std::move(made.value());
    } else {
      existing->db.close();
      if (fresh && want != have) ClearDatabaseFolder(options.db_path);
      const int flags = options.rebuild ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN;
      if (want == 0) {
        writables.push_back(std::make_unique<Xapian::WritableDatabase>(options.db_path, flags));
        writer = MakeDirectWriter(writables.back().get(), options.commit_every, run.stats(), on_commit);
      } else {
        std::vector<std::unique_ptr<IndexWriter>> shard_writers;
        for (std::size_t i = 0; i < want; ++i) {
          const auto path = std::filesystem::path(options.db_path) / shards::ShardName(i);
          writables.push_back(std::make_unique<Xapian::WritableDatabase>(path.string(), flags));
          shard_writers.push_back(
              MakeDirectWriter(writables.back().get(), options.commit_every, run.stats(), on_commit));
        }
        if (Status s = shards::WriteStub(options.db_path, want); !s.ok()) return s;
        writer = MakeShardedWriter(std::move(shard_writers));
      }
    }
    run.Execute(*writer);
    writer.reset();
    writables.clear();
    run.stats().total_documents = options.dry_run ? existing->db.get_doccount() : DocumentCount(options.db_path);
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
