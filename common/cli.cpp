#include "common/cli.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unicode/uloc.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <utility>

#include "common/language.h"
#include "common/terminal.h"

namespace pressdex::cli {

namespace {

// "--db ''" (an unset variable in a script) must not mean the default database.
const CLI::Validator& NotEmpty() {
  static const CLI::Validator not_empty(
      [](std::string& value) -> std::string { return value.empty() ? "must not be empty" : ""; }, "");
  return not_empty;
}

// A language the analysis knows by code or name, else any ISO 639 code ICU
// lists (a corpus may be in a language no stemmer covers).
const CLI::Validator& LanguageCode() {
  static const CLI::Validator language(
      [](std::string& value) -> std::string {
        if (std::string code = NormaliseLanguageCode(value); !code.empty()) {
          value = std::move(code);
          return {};
        }
        std::string lower;
        for (const char c : value) lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        for (const char* const* iso = uloc_getISOLanguages(); *iso != nullptr; ++iso) {
          if (lower == *iso) {
            value = lower;
            return {};
          }
        }
        return "unknown language '" + TerminalSafe(value) + "': use an ISO 639 code (en, id, ms, vi, th, ...)";
      },
      "");
  return language;
}

}  // namespace

CLI::Option* AddLanguageOption(CLI::App& app, std::string& lang, const std::string& description) {
  return app.add_option("--lang", lang, description)->type_name("CODE")->default_str("en")->check(LanguageCode());
}

CLI::Option* AddDatabaseOption(CLI::App& app, std::string& db) {
  return app
      .add_option("--db", db,
                  "Database folder (default: $PRESSDEX_DB, else "
                  "${XDG_DATA_HOME:-~/.local/share}/pressdex/db)")
      ->type_name("DIR")
      ->check(NotEmpty());
}

CLI::Option* AddDatabasesOption(CLI::App& app, std::vector<std::string>& dbs) {
  return app
      .add_option("--db", dbs,
                  "Database folder or stub file; repeat to search several as one (default: $PRESSDEX_DB, "
                  "else ${XDG_DATA_HOME:-~/.local/share}/pressdex/db)")
      ->type_name("DIR")
      ->check(NotEmpty())
      ->allow_extra_args(false)  // one path per --db, so query words after it stay words
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

const CLI::Validator& Positive() {
  static const CLI::Validator positive(
      [](std::string& value) -> std::string {
        long long n = 0;
        const char* end = value.data() + value.size();
        const auto [stop, error] = std::from_chars(value.data(), end, n);
        if (error != std::errc() || stop != end || n <= 0) return "must be a whole number above 0, not '" + value + "'";
        return {};
      },
      "POSITIVE");
  return positive;
}

namespace {

// Whether "-n,--limit" holds `name`, read in place: this runs at every
// start, where extract::SplitList's copies cost 18,000 instructions.
bool HasName(std::string_view names, std::string_view name) {
  while (!names.empty()) {
    const std::size_t comma = names.find(',');
    if (names.substr(0, comma) == name) return true;
    if (comma == std::string_view::npos) break;
    names.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

void LazyOptions::Add(std::string names, Adder add) { entries_.push_back({std::move(names), std::move(add)}); }

void LazyOptions::Register(CLI::App& app, int argc, char** argv) const {
  std::vector<bool> named(entries_.size(), false);
  bool all = false;
  for (int i = 1; i < argc && !all; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg.size() < 2 || arg[0] != '-') continue;  // a word, or an option's value
    if (arg[1] != '-' && arg.size() > 2) {          // "-n5", "-0n"
      all = true;
      break;
    }
    const std::string_view name = arg.substr(0, arg.find('='));
    bool known = false;
    for (std::size_t e = 0; e < entries_.size(); ++e) {
      if (HasName(entries_[e].names, name)) named[e] = known = true;
    }
    all = !known;  // --help, -h, or an option CLI11 should report as unknown
  }
  if (!all) app.set_help_flag();  // named, it would have registered everything
  for (std::size_t e = 0; e < entries_.size(); ++e) {
    if (all || named[e] || !entries_[e].names.starts_with('-')) entries_[e].add(app, entries_[e].names);
  }
}

int Parse(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "{}: {}\nRun '{} --help' for usage.\n", app.get_name(), e.what(), app.get_name());
    return kUsage;
  }
  return -1;
}

namespace {

void ReopenClosedStandardStreams() {
  for (const int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    // open() takes the lowest free number: `fd` itself, the lower ones being open.
    const int opened = ::open("/dev/null", fd == STDERR_FILENO ? O_WRONLY : O_RDONLY);
    if (opened >= 0 && opened != fd) {
      ::dup2(opened, fd);
      ::close(opened);
    }
  }
}

// Flushes stdout; false (errno set) when anything written to it was lost.
bool StdoutWritten() {
  errno = 0;
  const bool flushed = std::fflush(stdout) == 0;
  return flushed && std::ferror(stdout) == 0;
}

// Messages from here on never throw (WriteText): stderr may be a closed pipe too.
int OutputFailed(const char* program) {
  const int error = errno;
  WriteText(stderr, error != 0 ? fmt::format("{}: cannot write to standard output: {}\n", program, std::strerror(error))
                               : fmt::format("{}: cannot write to standard output\n", program));
  return kOutput;
}

}  // namespace

int RunGuarded(const char* program, int (*main)(int, char**), int argc, char** argv) {
  ReopenClosedStandardStreams();
  int code = kOk;
  try {
    code = main(argc, argv);
  } catch (const std::exception& e) {
    // A write that failed in the middle of the results (fmt throws) is an
    // output error, not an internal one.
    if (std::ferror(stdout) != 0) return OutputFailed(program);
    WriteText(stderr, fmt::format("{}: internal error: {}\n", program, e.what()));
    return kDatabase;
  }
  if (!StdoutWritten()) return OutputFailed(program);
  return code;
}

int Fail(const char* program, const Status& status) {
  fmt::print(stderr, "{}: {}\n", program, status.message());
  switch (status.code()) {
    case Status::Code::kInvalidArgument:
    case Status::Code::kUnsupported: return kUsage;
    case Status::Code::kNotFound:
    case Status::Code::kIoError:
    case Status::Code::kCorruption:
    case Status::Code::kBusy: return kDatabase;
    case Status::Code::kInterrupted: return kInterrupted;
    case Status::Code::kOk: break;
  }
  return kOk;
}

std::string ExitCodeHelp(bool for_search) {
  if (for_search) {
    return "Exit status:\n"
           "  0    at least one release matched\n"
           "  1    nothing matched\n"
           "  2    usage error or malformed query (the message says where)\n"
           "  3    database missing, unreadable or damaged\n"
           "  4    the results could not be written (standard output closed or full)\n"
           "  130  interrupted\n";
  }
  return "Exit status:\n"
         "  0    every file was indexed\n"
         "  1    some files failed (each named on stderr); the rest were indexed\n"
         "  2    usage error\n"
         "  3    database could not be opened or written (or another indexer holds it)\n"
         "  4    the report could not be written to standard output (closed or full)\n"
         "  130  interrupted (what was done is committed)\n";
}

}  // namespace pressdex::cli
