// What the two command-line tools share: exit codes, the options both take,
// and how parse errors are reported.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace pressdex::cli {

// Stable exit codes (documented in --help and the man pages).
enum ExitCode : int {
  kOk = 0,        // search: something matched; index: every file indexed
  kNoMatch = 1,   // search: nothing matched; index: some files failed
  kUsage = 2,     // bad option or malformed query
  kDatabase = 3,  // database missing, unreadable, locked or unwritable
  kOutput = 4,    // the results could not be written (standard output closed or full)
  kInterrupted = 130,
};

// --db DIR, with the resolution rule in its help text.
CLI::Option* AddDatabaseOption(CLI::App& app, std::string& db);
// The searcher's form: --db may be given several times (shards searched as one).
CLI::Option* AddDatabasesOption(CLI::App& app, std::vector<std::string>& dbs);

// --lang CODE (default en), `description` saying what it is for. Takes an
// ISO 639 code or a name the indexer knows ("en", "vi_VN", "Bahasa Melayu"),
// stored as the code; anything else is a usage error.
CLI::Option* AddLanguageOption(CLI::App& app, std::string& lang, const std::string& description);

// Checks a whole number above 0 (after any transform, e.g. a size suffix),
// with a plain message: CLI11's PositiveNumber names a range up to 1.8e308.
const CLI::Validator& Positive();

// The options of a tool whose start-up counts (pressdex-search), each
// registered with CLI11 only when the command line names it: CLI11 compares
// a new option with every one before it, and building the whole table cost a
// one-shot search more than reading its query (bench/RESULTS.md), where a
// call names two or three. A command line this cannot read as plain option
// names (-h/--help, an option it does not know, "-n5", "-0n") gets every
// option, so help, errors and the rarer forms are CLI11's as ever.
class LazyOptions {
 public:
  // `names` as CLI11 takes them ("-n,--limit"); a positional ("query") is
  // always registered. `add` registers the option under the names it is
  // given and keeps what it needs (e.g. the CLI::Option*, which stays null
  // when the option is not added).
  using Adder = std::function<void(CLI::App&, const std::string& names)>;
  void Add(std::string names, Adder add);
  // Registers on `app` the options argv names (all of them, as above).
  void Register(CLI::App& app, int argc, char** argv) const;

 private:
  struct Entry {
    std::string names;
    Adder add;
  };
  std::vector<Entry> entries_;
};

// Parses argv; on error prints it (with a hint to --help) to stderr.
// Returns -1 to go on, or the exit code to return (0 after --help/--version).
int Parse(CLI::App& app, int argc, char** argv);

// Maps a Status to the exit code its kind calls for and prints its message
// to stderr as "PROGRAM: message".
int Fail(const char* program, const Status& status);

// Runs a tool's main. Before it, a closed standard stream is reopened on
// /dev/null (stdout read-only, so writing to it fails and is reported):
// otherwise the first file the tool opens, a database table, would take its
// number and receive what was meant for it. After it, a failed write to
// stdout is reported and exits kOutput. An exception that escaped every
// Status (not expected) is reported as an internal error instead of aborting.
int RunGuarded(const char* program, int (*main)(int, char**), int argc, char** argv);

// The exit-code table both tools print at the end of --help.
std::string ExitCodeHelp(bool for_search);

}  // namespace pressdex::cli
