#include "common/extract/data_files.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

namespace pressdex {

Result<std::string> FindDataFile(std::string_view name) {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("PRESSDEX_DATA_DIR"); env != nullptr && *env != '\0') dirs.emplace_back(env);
#ifdef PRESSDEX_INSTALLED_DATA_DIR
  dirs.emplace_back(PRESSDEX_INSTALLED_DATA_DIR);
#endif
#ifdef PRESSDEX_DATA_DIR
  dirs.emplace_back(PRESSDEX_DATA_DIR);
#endif
  std::string tried;
  for (const std::string& dir : dirs) {
    const std::filesystem::path path = std::filesystem::path(dir) / std::string(name);
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return path.string();
    tried += (tried.empty() ? "" : ", ") + dir;
  }
  return Status::NotFound("data file " + std::string(name) + " not found in " +
                          (tried.empty() ? "(no data directory)" : tried) + "; set PRESSDEX_DATA_DIR");
}

Result<toml::table> ParseDataToml(std::string_view toml_text, std::string_view origin) {
  try {
    return toml::parse(toml_text, origin);
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(std::string(origin) + ":" + std::to_string(e.source().begin.line) + ": " +
                                   std::string(e.description()));
  }
}

}  // namespace pressdex
