// Helpers for end-to-end tests: run the real binaries, capture what they
// print, and build throw-away databases.
#pragma once

#include <spawn.h>

#include <string>
#include <vector>

namespace pressdex::test {

struct RunResult {
  int exit_code = -1;  // the exit status, or 128+signal if killed
  std::string out;
  std::string err;
};

// posix_spawn with SIGPIPE's default disposition in the child, whatever this
// process does with it (Run ignores it here: a tool that exits without
// reading its input must not kill the test binary); `own_group`: in a
// process group of its own. Returns posix_spawn's code.
int Spawn(pid_t* pid, const char* path, const posix_spawn_file_actions_t* actions, char* const argv[],
          char* const envp[], bool own_group = false);

// Runs `argv` (argv[0] is the program path) with `input` on stdin and extra
// environment assignments ("NAME=value"; "NAME=" unsets... sets empty).
RunResult Run(const std::vector<std::string>& argv, const std::string& input = "",
              const std::vector<std::string>& env = {});

// pressdex-search / pressdex-index with the given arguments.
RunResult Search(const std::vector<std::string>& args, const std::string& input = "",
                 const std::vector<std::string>& env = {});
RunResult Index(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

// A fresh temporary folder, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// A database of corpus/, built once per test process and shared (read-only).
const std::string& CorpusDb();

// Path of the repository's corpus folder.
std::string CorpusDir();

// Writes `content` to `path`, creating folders.
void WriteFile(const std::string& path, const std::string& content);

}  // namespace pressdex::test
