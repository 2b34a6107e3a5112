// Helpers for the indexer's end-to-end tests: a child process the test can
// read line by line and signal, generated corpora with one unique word per
// file, and database checks.
#pragma once

#include <xapian.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/schema.h"
#include "e2e/harness.h"

extern char** environ;  // NOLINT: POSIX

namespace pressdex::test {

// A running pressdex-index whose stdout is read through a small pipe (so the
// child blocks once the test stops reading: the test decides where it is),
// and whose stderr goes to a file.
class IndexerProcess {
 public:
  IndexerProcess(const std::vector<std::string>& args, const std::string& stderr_path) {
    int out[2];
    if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    fcntl(out[0], F_SETPIPE_SZ, 4096);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> argv{PRESSDEX_INDEX_BIN};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> argp;
    for (auto& a : argv) argp.push_back(a.data());
    argp.push_back(nullptr);
    const int rc = Spawn(&pid_, argp[0], &actions, argp.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (rc != 0) {
      close(out[0]);
      throw std::runtime_error("cannot start pressdex-index");
    }
    fd_ = out[0];
  }
  ~IndexerProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      Wait();
    }
    if (fd_ >= 0) close(fd_);
  }
  IndexerProcess(const IndexerProcess&) = delete;
  IndexerProcess& operator=(const IndexerProcess&) = delete;

  // The next line of stdout; false at end of output.
  bool ReadLine(std::string& line) {
    line.clear();
    while (true) {
      if (const auto nl = buffer_.find('\n'); nl != std::string::npos) {
        line = buffer_.substr(0, nl);
        buffer_.erase(0, nl + 1);
        return true;
      }
      char chunk[4096];
      const ssize_t n = read(fd_, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        line = buffer_;
        buffer_.clear();
        return !line.empty();
      }
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }
  // Everything left on stdout.
  std::string Drain() {
    std::string rest, line;
    while (ReadLine(line)) rest += line + "\n";
    return rest;
  }
  void Signal(int sig) { kill(pid_, sig); }
  // Exit status, or 128+signal.
  int Wait() {
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  std::string buffer_;
};

// A word no other file holds: "zq" + letters for n (digits would do, but
// letters survive any tokenizer unchanged).
inline std::string UniqueWord(std::size_t n) {
  std::string word = "zq";
  do {
    word.push_back(static_cast<char>('a' + n % 26));
    n /= 26;
  } while (n > 0);
  return word + "x";
}

// `count` small releases in folders of `per_folder`; returns path -> unique word.
inline std::map<std::string, std::string> MakeCorpus(const std::string& root, std::size_t count,
                                                     std::size_t per_folder = 100) {
  std::map<std::string, std::string> words;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string path =
        root + "/folder" + std::to_string(i / per_folder) + "/release-" + std::to_string(i) + ".txt";
    const std::string word = UniqueWord(i);
    WriteFile(path, "Ministry statement number " + std::to_string(i) +
                        "\n\nJAKARTA, 3 March 2021 - The ministry said " + word +
                        " was discussed at the meeting on trade and health cooperation.\n\nFurther talks follow.\n");
    words[path] = word;
  }
  return words;
}

inline bool DatabaseExists(const std::string& db) { return std::filesystem::exists(db + "/iamglass"); }

// xapian-check from PATH ("" when not installed).
inline std::string XapianCheckBinary() {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    const std::string candidate = dirs.substr(start, end - start) + "/xapian-check";
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return {};
}

// id -> everything a search can see of the document: terms (with wdf and
// positions count), values and data. Two databases with equal fingerprints
// answer every query alike.
// `with_clusters` false leaves out the near-duplicate cluster key (term and
// value): it depends on the order releases came in (an updated release
// leaves its cluster, the others keep its key; a rebuild sees only today's
// texts), so an updated database and a rebuild may rightly differ there.
inline std::map<std::string, std::string> DocumentsFingerprint(const std::string& db_path, bool with_clusters = true) {
  std::map<std::string, std::string> out;
  Xapian::Database db(db_path);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    std::string id, all;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      const std::string term = *t;
      if (term.rfind(schema::kIdPrefix, 0) == 0) id = term;
      if (!with_clusters && term.rfind(schema::kClusterPrefix, 0) == 0) continue;
      all += term + ":" + std::to_string(t.get_wdf()) + ":" + std::to_string(t.positionlist_count()) + " ";
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
      if (!with_clusters && v.get_valueno() == schema::kClusterSlot) continue;
      all += "|" + std::to_string(v.get_valueno()) + "=" + *v;
    }
    all += "|" + doc.get_data();
    out[id] = all;
  }
  return out;
}

}  // namespace pressdex::test
