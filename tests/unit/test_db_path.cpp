#include <catch2/catch.hpp>

#include <cstdlib>
#include <optional>
#include <string>

#include "common/db_path.h"

namespace {
// Sets an environment variable for the scope of a test, restoring it after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      setenv(name, value, 1);
    else
      unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};
}  // namespace

TEST_CASE("the --db option wins over everything", "[db_path]") {
  ScopedEnv db("PRESSDEX_DB", "/env/db");
  CHECK(pressdex::ResolveDatabasePath("/opt/db") == "/opt/db");
}

TEST_CASE("then $PRESSDEX_DB", "[db_path]") {
  ScopedEnv db("PRESSDEX_DB", "/env/db");
  ScopedEnv xdg("XDG_DATA_HOME", "/xdg");
  CHECK(pressdex::ResolveDatabasePath("") == "/env/db");
}

TEST_CASE("then $XDG_DATA_HOME/pressdex/db", "[db_path]") {
  ScopedEnv db("PRESSDEX_DB", nullptr);
  ScopedEnv xdg("XDG_DATA_HOME", "/xdg");
  CHECK(pressdex::ResolveDatabasePath("") == "/xdg/pressdex/db");
}

TEST_CASE("else ~/.local/share/pressdex/db", "[db_path]") {
  ScopedEnv db("PRESSDEX_DB", nullptr);
  ScopedEnv xdg("XDG_DATA_HOME", nullptr);
  ScopedEnv home("HOME", "/home/ann");
  CHECK(pressdex::ResolveDatabasePath("") == "/home/ann/.local/share/pressdex/db");
}
