// pressdex-index: option parsing and wiring; the work is in common/index_run.
#include <fmt/format.h>

#include <unistd.h>
#include <csignal>
#include <cstdio>
#include <exception>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/cli.h"
#include "common/compact.h"
#include "common/db_path.h"
#include "common/index_run.h"
#include "common/progress.h"
#include "common/terminal.h"

// Read by jemalloc when the indexer is linked with it (indexer/CMakeLists.txt),
// ignored otherwise: give freed pages back within a second instead of ten, so
// the batches written and dropped do not pile up in the peak RSS.
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's
const char* malloc_conf = "dirty_decay_ms:1000,muzzy_decay_ms:0";
}

namespace {

constexpr const char* kProgram = "pressdex-index";

// Problems and the text summary go to stderr; stdout carries only what was
// asked for: the list of files added/updated/removed (--dry-run, --verbose),
// one per line and flushed as it goes so a pipe sees progress, or the JSON
// summary (--format json).
// Reports go out through WriteText, which never throws: a reader gone from
// the pipe (`pressdex-index -v | head -1`) must not stop the indexing; the
// failed write is reported once at the end (exit 4).
using pressdex::WriteText;

class CliReporter : public pressdex::IndexReporter {
 public:
  CliReporter(bool quiet, bool list_actions, std::FILE* actions_out, std::optional<pressdex::ProgressPrinter> progress)
      : quiet_(quiet), list_actions_(list_actions), actions_out_(actions_out), progress_(std::move(progress)) {}

  void Problem(const std::string& path, const std::string& message) override {
    if (quiet_) return;
    ClearProgress();
    WriteText(stderr, fmt::format("{}: {}: {}\n", kProgram, path, message));
  }
  void Warning(const std::string& path, const std::string& message) override {
    if (quiet_) return;
    ClearProgress();
    WriteText(stderr, fmt::format("{}: {}: warning: {}\n", kProgram, path, message));
  }
  void Progress(std::string_view phase, std::size_t files_done, std::size_t files_total,
                std::size_t releases) override {
    if (progress_) progress_->Update(phase, files_done, files_total, releases);
  }
  void Compacting(std::size_t tables_done, std::size_t tables_total) override {
    if (progress_) progress_->Update("compacting", tables_done, tables_total, 0, "tables");
  }
  // Before any other line on stderr, and before the summary.
  void ClearProgress() {
    if (progress_) progress_->Finish();
  }
  void Action(pressdex::FileAction action, const std::string& path) override {
    actions_[pressdex::FileActionName(action)].push_back(path);
    if (!list_actions_) return;
    WriteText(actions_out_, fmt::format("{} {}\n", pressdex::FileActionName(action), path));
    std::fflush(actions_out_);
  }
  void Committed(std::size_t documents) override {
    if (!list_actions_) return;
    WriteText(actions_out_, fmt::format("commit {} documents\n", documents));
    std::fflush(actions_out_);
  }
  void Waiting(const std::string& message) override {
    WriteText(stderr, fmt::format("{}: {}; waiting for it to finish (--wait)\n", kProgram, message));
  }
  const std::map<std::string_view, std::vector<std::string>>& actions() const { return actions_; }

 private:
  bool quiet_;
  bool list_actions_;
  std::FILE* actions_out_;
  std::optional<pressdex::ProgressPrinter> progress_;
  std::map<std::string_view, std::vector<std::string>> actions_;
};

void OnSignal(int signal) {
  pressdex::StopRequested() = true;
  std::signal(signal, SIG_DFL);  // a second Ctrl-C stops at once (commits keep the database safe)
}

std::string Plural(std::size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

void PrintText(const pressdex::IndexStats& s, const std::string& db_path) {
  std::string skipped;
  for (const auto& [reason, count] : s.skipped)
    skipped += fmt::format("{}{} {}", skipped.empty() ? "" : ", ", count, reason);
  std::string text = fmt::format("{}: {}{}: {} added, {} updated, {} removed, {} unchanged, {} failed", kProgram,
                                 s.dry_run ? "dry run (nothing written): " : "", Plural(s.files_seen, "file"), s.added,
                                 s.updated, s.removed, s.unchanged, s.failed);
  if (s.failed_records > 0)
    text += fmt::format(" (+{} skipped inside indexed files)", Plural(s.failed_records, "record"));
  if (s.warnings > 0) text += fmt::format(", {} with warnings", s.warnings);
  text += fmt::format("; skipped: {}.\n", skipped.empty() ? "none" : skipped);
  text += fmt::format("{}: {} written, {} removed in {:.2f} s. Database {} holds {}.{}\n", kProgram,
                      Plural(s.documents_written, "release"), s.documents_removed, s.seconds, db_path,
                      Plural(s.total_documents, "release"),
                      s.interrupted ? " Interrupted: what was done is committed." : "");
  WriteText(stderr, text);
}

void PrintCompact(const pressdex::CompactStats& c, const std::string& db_path) {
  auto layout = [](std::size_t shards) { return shards == 1 ? std::string("one database") : Plural(shards, "shard"); };
  WriteText(stderr, fmt::format("{}: compacted {} ({} -> {}): {}, {:.1f} MB -> {:.1f} MB in {:.2f} s.\n", kProgram,
                                db_path, layout(c.shards_before), layout(c.shards_after),
                                Plural(c.documents, "release"), static_cast<double>(c.bytes_before) / 1e6,
                                static_cast<double>(c.bytes_after) / 1e6, c.seconds));
}

nlohmann::ordered_json CompactJson(const pressdex::CompactStats& c) {
  nlohmann::ordered_json j;
  j["releases"] = c.documents;
  j["shards_before"] = c.shards_before;
  j["shards_after"] = c.shards_after;
  j["bytes_before"] = c.bytes_before;
  j["bytes_after"] = c.bytes_after;
  j["seconds"] = c.seconds;
  return j;
}

nlohmann::ordered_json JsonSummary(const pressdex::IndexStats& s, const std::string& db_path,
                                   const CliReporter& reporter) {
  nlohmann::ordered_json j;
  j["database"] = db_path;
  j["dry_run"] = s.dry_run;
  j["interrupted"] = s.interrupted;
  j["files"] = s.files_seen;
  j["added"] = s.added;
  j["updated"] = s.updated;
  j["removed"] = s.removed;
  j["unchanged"] = s.unchanged;
  j["failed"] = s.failed;
  j["failed_records"] = s.failed_records;
  j["warnings"] = s.warnings;
  j["skipped"] = s.skipped;
  j["releases_written"] = s.documents_written;
  j["releases_removed"] = s.documents_removed;
  j["releases_total"] = s.total_documents;
  j["commits"] = s.commits;
  j["seconds"] = s.seconds;
  if (s.dry_run) {
    for (const std::string_view action : {"add", "update", "remove"}) {
      const auto it = reporter.actions().find(action);
      j[std::string(action)] = it == reporter.actions().end() ? std::vector<std::string>{} : it->second;
    }
  }
  return j;
}

int Main(int argc, char** argv) {
  CLI::App app{
      "Index press releases (.txt .md .html .json .jsonl) into a Pressdex database.\n"
      "Re-running it updates the database: only new or changed files are read, and\n"
      "releases of files that are gone are removed.",
      kProgram};
  app.set_version_flag("--version", PRESSDEX_VERSION);
  std::string db;
  std::vector<std::string> paths;
  pressdex::IndexOptions options;
  std::string date_order = "dmy";
  std::string format = "text";
  bool quiet = false;
  bool verbose = false;

  pressdex::cli::AddDatabaseOption(app, db);
  app.add_option("paths", paths, "Files or folders to index (folders are walked recursively)")->type_name("PATH...");
  pressdex::cli::AddLanguageOption(app, options.analyser.default_lang,
                                   "Language when a release does not tell and detection is unsure (ISO code)");
  const CLI::Option* date_order_option =
      app.add_option("--date-order", date_order,
                     "How to read 04/05/2020: dmy (4 May) or mdy (April 5). Unset: dmy, except a file's stated "
                     "dates when others in the same file show their order (10-25-2017: mdy)")
          ->check(CLI::IsMember({"dmy", "mdy"}))
          ->default_str("dmy");
  app.add_option("--time-zone", options.analyser.time_zone,
                 "Clock the files' modification times are read on, when a release's date comes from it or a "
                 "dateline has no year (IANA zone, e.g. Asia/Jakarta; default: $TZ, else the machine's)")
      ->type_name("ZONE");
  app.add_option("--orgs", options.analyser.orgs_file, "Extra organisations gazetteer (TOML), added to the shipped one")
      ->type_name("FILE")
      ->check(CLI::ExistingFile);
  app.add_option("--taxonomy", options.analyser.taxonomy_file, "Topic taxonomy (TOML) replacing the shipped one")
      ->type_name("FILE")
      ->check(CLI::ExistingFile);
  app.add_option("--max-size", options.max_size,
                 "Skip (and report) files larger than this: bytes, or with a suffix K, M, G (1024-based: 4G, 500M)")
      ->type_name("SIZE")
      ->transform(CLI::AsSizeValue(false))
      ->check(pressdex::cli::Positive())
      ->default_str("50M");
  app.add_option("--batch-size", options.commit_every,
                 "Commit after about this many releases written or removed (a crash loses at most one batch)")
      ->type_name("N")
      ->check(pressdex::cli::Positive())
      ->default_str(std::to_string(options.commit_every));
  app.add_option("-j,--jobs", options.jobs,
                 "Threads that read and analyse files (default: every core; at most 4 per core); the database is the "
                 "same for any N")
      ->type_name("N")
      ->check(pressdex::cli::Positive());
  app.add_option("--shards", options.shards,
                 "Write N shard databases inside the --db folder plus a XAPIANDB stub listing them (each file's "
                 "releases in the shard its path hashes to); 1 = one database. Default: keep the database's layout")
      ->type_name("N")
      ->check(pressdex::cli::Positive());
  std::string bulk = "auto";
  app.add_option("--bulk", bulk,
                 "Fresh builds (empty database or --rebuild): write in parallel into temporary databases compacted "
                 "into place at the end (always), in place with a commit every batch (never), or always from "
                 "2000 files (auto)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str("auto");
  bool compact = false;
  app.add_flag("--compact", compact,
               "Compact the database (after indexing PATHs, if any): shards merge into one database, or with "
               "--shards N it is split into N shards (no file is read again)");
  bool progress = false;
  app.add_flag("--progress", progress,
               "Show progress: a redrawn line when stderr is a terminal (the default there), periodic lines "
               "when it is not");
  app.add_flag("--follow-symlinks", options.walk.follow_symlinks, "Follow symbolic links while walking");
  app.add_flag("--rebuild", options.rebuild, "Start from an empty database");
  app.add_flag("-n,--dry-run", options.dry_run, "List what would be added, updated and removed; change nothing");
  app.add_flag("--wait", options.wait_for_lock, "If another indexer is updating the database, wait for it");
  app.add_option("--format", format, "Summary: text or json (for scripts)")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  app.add_flag("-v,--verbose", verbose, "List every file added, updated or removed, and every commit");
  app.add_flag("-q,--quiet", quiet, "Print nothing but the JSON summary (if asked for) and errors that stop the run");
  app.footer(
      fmt::format("{}\nExamples:\n"
                  "  pressdex-index corpus/                      index a folder (again: only what changed)\n"
                  "  pressdex-index --db build/db corpus/        ...into build/db\n"
                  "  pressdex-index --dry-run corpus/            what would change\n"
                  "  pressdex-index --rebuild --db news.db a/ b/ start over from two folders\n"
                  "  pressdex-index --format json corpus/ | jq .failed\n"
                  "  pressdex-index --db news.db --shards 4 archive/  four shards, searched as one\n"
                  "  pressdex-index --db news.db --compact          merge shards / compact in place\n"
                  "  PRESSDEX_DB=~/news.db pressdex-index feed.jsonl\n",
                  pressdex::cli::ExitCodeHelp(false)));

  if (const int code = pressdex::cli::Parse(app, argc, argv); code >= 0) return code;
  if (paths.empty() && !compact)
    return pressdex::cli::Fail(
        kProgram, pressdex::Status::InvalidArgument("no PATH to index (see --help); --compact needs none"));
  options.analyser.day_first = date_order == "dmy";
  options.analyser.date_order_stated = date_order_option->count() > 0;
  options.bulk = bulk == "always"  ? pressdex::BulkMode::kAlways
                 : bulk == "never" ? pressdex::BulkMode::kNever
                                   : pressdex::BulkMode::kAuto;
  options.db_path = pressdex::ResolveDatabasePath(db);
  options.roots = paths;
  const bool json = format == "json";

  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe fails the write (reported), it doesn't kill the run

  // In JSON mode stdout carries only the JSON document.
  const bool list_actions = !quiet && (verbose || (options.dry_run && !json));
  std::optional<pressdex::ProgressPrinter> printer;
  const bool terminal = isatty(STDERR_FILENO) != 0;
  if (!quiet && (progress || terminal)) printer.emplace(stderr, terminal);
  CliReporter reporter(quiet, list_actions, json ? stderr : stdout, std::move(printer));

  nlohmann::ordered_json summary;
  std::optional<pressdex::IndexStats> indexed;
  if (!paths.empty()) {
    auto result = pressdex::RunIndex(options, reporter);
    reporter.ClearProgress();
    if (!result.ok()) return pressdex::cli::Fail(kProgram, result.status());
    indexed = *result;
    if (json)
      summary = JsonSummary(*indexed, options.db_path, reporter);
    else if (!quiet)
      PrintText(*indexed, options.db_path);
    if (indexed->interrupted || indexed->dry_run) compact = false;
  }
  if (compact) {
    if (json && !indexed) summary["database"] = options.db_path;
    pressdex::CompactOptions compact_options;
    compact_options.db_path = options.db_path;
    compact_options.shards = options.shards == 0 ? 1 : options.shards;
    compact_options.wait_for_lock = options.wait_for_lock;
    auto compacted = pressdex::CompactIndex(compact_options, [&](const std::string& m) { reporter.Waiting(m); });
    if (!compacted.ok()) return pressdex::cli::Fail(kProgram, compacted.status());
    if (json)
      summary["compact"] = CompactJson(*compacted);
    else if (!quiet)
      PrintCompact(*compacted, options.db_path);
  }
  if (json) {
    WriteText(stdout, summary.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  }
  if (!indexed) return pressdex::cli::kOk;
  if (indexed->interrupted) return pressdex::cli::kInterrupted;
  return indexed->any_failed() ? pressdex::cli::kNoMatch : pressdex::cli::kOk;
}

}  // namespace

int main(int argc, char** argv) { return pressdex::cli::RunGuarded(kProgram, Main, argc, argv); }
