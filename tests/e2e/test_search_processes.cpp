// End-to-end with processes running at once: searches while the indexer
// commits (every answer is some committed state, never an error), and
// Ctrl-C ending a batch with status 130. No timing: every wait is on an
// event (a line read, a process exit).
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

#include "e2e/harness.h"

extern char** environ;

using namespace pressdex::test;

namespace {

// A child process with optional pipes to its stdin and from its stdout.
class Child {
 public:
  // `log_file`: where the child's stderr (and stdout, unless piped) go.
  Child(std::vector<std::string> argv, bool pipe_stdin, bool pipe_stdout, const std::string& log_file = "") {
    int in[2] = {-1, -1}, out[2] = {-1, -1};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (pipe_stdin) {
      if (pipe(in) != 0) throw std::runtime_error("pipe");
      posix_spawn_file_actions_adddup2(&actions, in[0], 0);
      posix_spawn_file_actions_addclose(&actions, in[1]);
    }
    if (pipe_stdout) {
      if (pipe(out) != 0) throw std::runtime_error("pipe");
      posix_spawn_file_actions_adddup2(&actions, out[1], 1);
      posix_spawn_file_actions_addclose(&actions, out[0]);
    }
    if (!log_file.empty()) {
      posix_spawn_file_actions_addopen(&actions, 2, log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      if (!pipe_stdout) posix_spawn_file_actions_adddup2(&actions, 2, 1);
    }
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    const int rc = Spawn(&pid_, args[0], &actions, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (pipe_stdin) close(in[0]);
    if (pipe_stdout) close(out[1]);
    if (rc != 0) throw std::runtime_error("cannot run " + argv[0]);
    if (pipe_stdin) in_ = fdopen(in[1], "w");
    if (pipe_stdout) out_ = fdopen(out[0], "r");
  }
  ~Child() {
    CloseStdin();
    if (out_ != nullptr) std::fclose(out_);
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      Wait();
    }
  }
  void Send(const std::string& text) {
    std::fputs(text.c_str(), in_);
    std::fflush(in_);
  }
  std::string ReadLine() {
    std::string line;
    for (int c = std::fgetc(out_); c != EOF && c != '\n'; c = std::fgetc(out_)) line.push_back(static_cast<char>(c));
    return line;
  }
  void CloseStdin() {
    if (in_ != nullptr) std::fclose(in_);
    in_ = nullptr;
  }
  void Signal(int sig) { kill(pid_, sig); }
  // nullopt while running (without blocking), else the shell-style status.
  std::optional<int> Poll() {
    if (exited_) return status_;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) != pid_) return std::nullopt;
    return Record(status);
  }
  int Wait() {
    if (exited_) return status_;
    int status = 0;
    waitpid(pid_, &status, 0);
    return Record(status);
  }

 private:
  int Record(int status) {
    exited_ = true;
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return status_;
  }
  pid_t pid_ = -1;
  std::FILE* in_ = nullptr;
  std::FILE* out_ = nullptr;
  bool exited_ = false;
  int status_ = -1;
};

void WriteReleases(const TempDir& dir, int from, int to) {
  for (int i = from; i < to; ++i) {
    WriteFile(
        dir / fmt::format("docs/r{:04d}.txt", i),
        fmt::format("Release number {}\n\nThe sharedmarker appears in every release; unique{} only here.\n", i, i));
  }
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::stringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("searches while the indexer commits see whole commits and never fail", "[e2e][cli][concurrent]") {
  TempDir dir;
  const std::string db = dir / "db";
  constexpr int kFirst = 40, kTotal = 400, kBatch = 10;
  WriteReleases(dir, 0, kFirst);
  REQUIRE(Index({"--db", db, "-q", dir / "docs"}).exit_code == 0);
  WriteReleases(dir, kFirst, kTotal);

  // The indexer adds 360 releases, committing every ten or so (far more often
  // than its default); -v logs each commit.
  const std::string log = dir / "index.log";
  Child indexer({PRESSDEX_INDEX_BIN, "--db", db, "-v", "--batch-size", std::to_string(kBatch), dir / "docs"}, false,
                false, log);
  std::string batch_input;
  for (int i = 0; i < 20; ++i) batch_input += "sharedmarker\n";

  std::vector<std::size_t> seen;  // every count a search reported
  std::size_t last = kFirst, searches = 0, during = 0;
  bool done = false;
  while (!done || searches < 6) {
    done = indexer.Poll().has_value();
    if (!done) ++during;
    // One-shot searches: each a fresh process at the latest commit.
    const RunResult one = Search({"--db", db, "--format", "count", "sharedmarker"});
    INFO(one.err);
    REQUIRE(one.exit_code == 0);  // never 3: a commit in flight is not an error
    const std::size_t n = std::stoul(one.out);
    CHECK(n >= last);  // commits only add
    CHECK(n <= static_cast<std::size_t>(kTotal));
    seen.push_back(n);
    last = n;
    // One batch process answering many queries while commits land.
    const RunResult batch = Search({"--db", db, "--batch", "--format", "count"}, batch_input);
    INFO(batch.err);
    REQUIRE(batch.exit_code == 0);
    const auto lines = Lines(batch.out);
    CHECK(lines.size() == 20);
    std::size_t previous = 0;
    for (const auto& line : lines) {
      const std::size_t m = std::stoul(line);
      CHECK(m >= previous);  // each query sees the latest commit, never an older one
      CHECK(m >= kFirst);
      seen.push_back(m);
      previous = m;
    }
    // A page of results (reading the hits' stored data) while commits land.
    const RunResult page = Search({"--db", db, "--format", "tsv", "--fields", "path,title", "--no-header", "-n", "20",
                                   "unique7 OR unique350 OR sharedmarker"});
    INFO(page.err);
    INFO("page: " << page.out);  // a torn read once lost a term here (docs/scripting.md)
    REQUIRE(page.exit_code == 0);
    CHECK(Lines(page.out).size() == 20);
    ++searches;
  }
  CHECK(indexer.Wait() == 0);
  INFO("searches while the indexer ran: " << during);
  const RunResult final_count = Search({"--db", db, "--format", "count", "sharedmarker"});
  CHECK(final_count.out == fmt::format("{}\n", kTotal));

  // Every count seen is the document count of a commit: whole commits only.
  std::set<std::size_t> committed{kFirst};
  std::ifstream in(log);
  const std::regex commit_line(R"(commit\D*(\d+) documents?)");
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, commit_line)) committed.insert(std::stoul(m[1]));
  }
  if (committed.size() < 2) {
    WARN("pressdex-index -v logged no commit lines: the whole-commit check is skipped");
  } else {
    for (const std::size_t n : seen) {
      INFO("count " << n);
      CHECK(committed.count(n) == 1);
    }
  }
}

TEST_CASE("Ctrl-C ends a batch with exit status 130 after the answers so far", "[e2e][cli][batch]") {
  Child search({PRESSDEX_SEARCH_BIN, "--db", CorpusDb(), "--batch", "--format", "count"}, true, true);
  search.Send("masks\n");
  const std::string first = search.ReadLine();  // the answer arrives before the input ends
  CHECK(first == "1");                          // only the ASEC release says "masks"
  search.Signal(SIGINT);
  search.CloseStdin();  // if the signal landed before the read, the read ends here
  CHECK(search.Wait() == 130);
}

TEST_CASE("Ctrl-C or SIGTERM ends a batch that waits for its next query", "[e2e][cli][batch]") {
  for (const int sig : {SIGINT, SIGTERM}) {
    Child search({PRESSDEX_SEARCH_BIN, "--db", CorpusDb(), "--batch", "--format", "count"}, true, true);
    search.Send("masks\n");
    CHECK(search.ReadLine() == "1");
    // Standard input stays open: the batch waits in read(2). A signal that
    // lands before the read starts is missed by design, so it is sent again
    // until the process ends (for ever, were the read restarted: the test
    // then fails after 30 s rather than hanging).
    std::optional<int> status;
    for (int tries = 0; tries < 300 && !status; ++tries) {
      search.Signal(sig);
      const timespec pause{0, 100'000'000};
      nanosleep(&pause, nullptr);
      status = search.Poll();
    }
    REQUIRE(status.has_value());
    CHECK(*status == 130);
    CHECK(search.ReadLine().empty());  // no answer after the signal
  }
}
