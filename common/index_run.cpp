#include "common/index_run.h"

#include <xapian.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <unordered_map>

#include "common/document_builder.h"
#include "common/encoding.h"
#include "common/extract/boilerplate.h"
#include "common/readers.h"
#include "common/schema.h"

namespace pressdex {
namespace {

Result<std::string> ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(std::string("cannot open: ") + std::strerror(errno));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IoError("read error");
  return bytes;
}

// A file read and taken apart, before analysis.
struct LoadedFile {
  WalkedFile file;
  std::vector<SourceRecord> records;
};

class Writer {
 public:
  Writer(Xapian::WritableDatabase& db, std::size_t commit_every) : db_(db), commit_every_(commit_every) {}

  // Replaces the releases of one file; releases the file no longer holds go.
  std::size_t WriteFile(const std::string& path, std::vector<std::pair<std::string, Xapian::Document>>& docs) {
    std::set<Xapian::docid> previous;
    const std::string file_term = schema::FileTerm(path);
    for (auto it = db_.postlist_begin(file_term); it != db_.postlist_end(file_term); ++it) previous.insert(*it);
    for (auto& [id, doc] : docs) {
      const Xapian::docid did = db_.replace_document(schema::IdTerm(id), doc);
      previous.erase(did);
      MaybeCommit();
    }
    for (const Xapian::docid did : previous) db_.delete_document(did);
    return previous.size();
  }

  void MaybeCommit() {
    if (++pending_ >= commit_every_) Commit();
  }
  void Commit() {
    db_.commit();
    pending_ = 0;
  }

 private:
  Xapian::WritableDatabase& db_;
  std::size_t commit_every_;
  std::size_t pending_ = 0;
};

}  // namespace

std::atomic<bool>& StopRequested() {
  static std::atomic<bool> stop{false};
  return stop;
}

Result<IndexStats> RunIndex(const IndexOptions& options, IndexReporter& reporter) {
  const auto started = std::chrono::steady_clock::now();
  IndexStats stats;

  auto analyser = Analyser::Create(options.analyser);
  if (!analyser.ok()) return analyser.status();

  // Walk first: the folder groups and the total are needed before reading.
  std::vector<WalkedFile> files;
  WalkEvents events;
  events.on_file = [&](WalkedFile f) { files.push_back(std::move(f)); };
  events.on_skip = [&](const std::string&, const std::string& reason) { ++stats.skipped[reason]; };
  events.on_error = [&](const std::string& path, const std::string& problem) {
    ++stats.files_failed;
    reporter.Problem(path, problem);
  };
  Walk(options.roots, options.walk, events);
  stats.files_seen = files.size();

  std::unique_ptr<Xapian::WritableDatabase> db;
  try {
    std::filesystem::create_directories(std::filesystem::path(options.db_path).parent_path().empty()
                                            ? std::filesystem::path(".")
                                            : std::filesystem::path(options.db_path).parent_path());
    db = std::make_unique<Xapian::WritableDatabase>(
        options.db_path, options.rebuild ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::Busy("database " + options.db_path + " is being updated by another indexer");
  } catch (const Xapian::Error& e) {
    return Status::IoError("cannot open database " + options.db_path + " for writing: " + e.get_msg());
  } catch (const std::filesystem::filesystem_error& e) {
    return Status::IoError("cannot create database folder for " + options.db_path + ": " + e.what());
  }

  // Group by folder, keeping walk order, so boilerplate is learned per folder.
  std::vector<std::string> folder_order;
  std::unordered_map<std::string, std::vector<std::size_t>> by_folder;
  for (std::size_t i = 0; i < files.size(); ++i) {
    auto [it, inserted] = by_folder.try_emplace(files[i].folder);
    if (inserted) folder_order.push_back(files[i].folder);
    it->second.push_back(i);
  }

  Writer writer(*db, options.commit_every);
  std::size_t done = 0;
  bool interrupted = false;
  try {
    for (const auto& folder : folder_order) {
      if (StopRequested()) {
        interrupted = true;
        break;
      }
      std::vector<LoadedFile> loaded;
      for (const std::size_t index : by_folder[folder]) {
        const WalkedFile& file = files[index];
        if (file.size > options.max_size) {
          ++stats.skipped["larger than --max-size"];
          reporter.Problem(file.path, "skipped: " + std::to_string(file.size) + " bytes is over --max-size (" +
                                          std::to_string(options.max_size) + ")");
          continue;
        }
        auto bytes = ReadBytes(file.path);
        if (!bytes.ok()) {
          ++stats.files_failed;
          reporter.Problem(file.path, bytes.status().message());
          continue;
        }
        if (bytes->empty()) {
          ++stats.files_failed;
          reporter.Problem(file.path, "empty file");
          continue;
        }
        auto text = DecodeToUtf8(*bytes);
        if (!text.ok()) {
          ++stats.files_failed;
          reporter.Problem(file.path, text.status().message());
          continue;
        }
        auto read = ReadRecords(FormatForPath(file.path), text->utf8);
        if (!read.ok()) {
          ++stats.files_failed;
          reporter.Problem(file.path, read.status().message());
          continue;
        }
        if (!read->problems.empty()) ++stats.files_failed;
        for (const auto& problem : read->problems) reporter.Problem(file.path, problem);
        loaded.push_back(LoadedFile{file, std::move(read->records)});
      }

      std::vector<std::string_view> texts;
      for (const auto& l : loaded) {
        for (const auto& r : l.records) {
          if (!r.from_markup) texts.push_back(r.text);
        }
      }
      const std::vector<std::string> boilerplate = LearnBoilerplate(texts);

      for (auto& l : loaded) {
        FileInfo info{l.file.path, l.file.folder, l.file.mtime, l.file.size};
        std::vector<std::pair<std::string, Xapian::Document>> docs;
        for (const auto& record : l.records) {
          Release release = (*analyser)->Analyse(record, info, boilerplate);
          docs.emplace_back(release.id, BuildDocument(release));
        }
        stats.releases += docs.size();
        stats.removed += writer.WriteFile(l.file.path, docs);
        ++stats.files_indexed;
        reporter.Progress(++done, files.size());
      }
    }
    writer.Commit();
    stats.total_documents = db->get_doccount();
  } catch (const Xapian::Error& e) {
    return Status::IoError("writing " + options.db_path + " failed: " + e.get_description());
  }
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (interrupted) return Status::Interrupted("interrupted; committed what was done");
  return stats;
}

}  // namespace pressdex
