#include "common/db_path.h"

#include <cstdlib>

namespace pressdex {
namespace {
std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string(value) : std::string();
}
}  // namespace

std::string ResolveDatabasePath(std::string_view from_option) {
  if (!from_option.empty()) return std::string(from_option);
  if (std::string env = Env("PRESSDEX_DB"); !env.empty()) return env;
  std::string base = Env("XDG_DATA_HOME");
  if (base.empty()) {
    const std::string home = Env("HOME");
    base = (home.empty() ? std::string(".") : home) + "/.local/share";
  }
  return base + "/pressdex/db";
}

}  // namespace pressdex
