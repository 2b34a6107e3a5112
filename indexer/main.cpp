// pressdex-index: option parsing and wiring; the work is in common/index_run.
#include <fmt/format.h>

#include <csignal>
#include <string>
#include <vector>

#include "common/cli.h"
#include "common/db_path.h"
#include "common/index_run.h"

namespace {

constexpr const char* kProgram = "pressdex-index";

class StderrReporter : public pressdex::IndexReporter {
 public:
  explicit StderrReporter(bool quiet) : quiet_(quiet) {}
  void Problem(const std::string& path, const std::string& message) override {
    if (!quiet_) fmt::print(stderr, "{}: {}: {}\n", kProgram, path, message);
  }

 private:
  bool quiet_;
};

void OnSignal(int) { pressdex::StopRequested() = true; }

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Index press releases (.txt .md .html .json .jsonl) into a Pressdex database.", kProgram};
  app.set_version_flag("--version", PRESSDEX_VERSION);
  std::string db;
  std::vector<std::string> paths;
  pressdex::IndexOptions options;
  std::string date_order = "dmy";
  bool quiet = false;

  pressdex::cli::AddDatabaseOption(app, db);
  app.add_option("paths", paths, "Files or folders to index (folders are walked recursively)")
      ->required()
      ->type_name("PATH...");
  app.add_option("--lang", options.analyser.default_lang,
                 "Language when a release does not tell and detection is unsure (ISO code)")
      ->type_name("CODE")
      ->default_str("en");
  app.add_option("--date-order", date_order, "How to read 04/05/2020: dmy (4 May) or mdy (April 5)")
      ->check(CLI::IsMember({"dmy", "mdy"}))
      ->default_str("dmy");
  app.add_option("--orgs", options.analyser.orgs_file, "Extra organisations gazetteer (TOML), added to the shipped one")
      ->type_name("FILE")
      ->check(CLI::ExistingFile);
  app.add_option("--taxonomy", options.analyser.taxonomy_file, "Topic taxonomy (TOML) replacing the shipped one")
      ->type_name("FILE")
      ->check(CLI::ExistingFile);
  app.add_option("--max-size", options.max_size, "Skip files larger than this many bytes")
      ->type_name("BYTES")
      ->default_str("52428800");
  app.add_flag("--follow-symlinks", options.walk.follow_symlinks, "Follow symbolic links while walking");
  app.add_flag("--rebuild", options.rebuild, "Start from an empty database");
  app.add_flag("-q,--quiet", quiet, "Print nothing but errors that stop the run");
  app.footer(fmt::format(
      "Examples:\n"
      "  pressdex-index corpus/                      index a folder into the default database\n"
      "  pressdex-index --db build/db corpus/        ...into build/db\n"
      "  pressdex-index --rebuild --db news.db a/ b/ start over from two folders\n"
      "  PRESSDEX_DB=~/news.db pressdex-index feed.jsonl\n\n{}",
      pressdex::cli::ExitCodeHelp(false)));

  if (const int code = pressdex::cli::Parse(app, argc, argv); code >= 0) return code;
  options.analyser.day_first = date_order == "dmy";
  options.db_path = pressdex::ResolveDatabasePath(db);
  options.roots = paths;

  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);

  StderrReporter reporter(quiet);
  auto result = pressdex::RunIndex(options, reporter);
  if (!result.ok()) return pressdex::cli::Fail(kProgram, result.status());
  const pressdex::IndexStats& s = *result;
  if (!quiet) {
    std::string skipped;
    for (const auto& [reason, count] : s.skipped) skipped += fmt::format("{}{} {}", skipped.empty() ? "" : ", ", count, reason);
    fmt::print(stderr,
               "{}: {} release{} from {} of {} file{} in {:.2f} s; {} failed; skipped: {}; "
               "removed: {}. Database {} holds {} release{}.\n",
               kProgram, s.releases, s.releases == 1 ? "" : "s", s.files_indexed, s.files_seen,
               s.files_seen == 1 ? "" : "s", s.seconds, s.files_failed, skipped.empty() ? "none" : skipped, s.removed,
               options.db_path, s.total_documents, s.total_documents == 1 ? "" : "s");
  }
  return s.files_failed > 0 ? pressdex::cli::kNoMatch : pressdex::cli::kOk;
}
