#include "common/shards.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "common/index_state.h"

namespace pressdex::shards {

std::size_t ShardOf(std::string_view path, std::size_t count) {
  if (count <= 1) return 0;
  return static_cast<std::size_t>(Fingerprint(path) % count);
}

std::string ShardName(std::size_t index) { return fmt::format("shard{}", index); }

std::string StubPath(const std::string& folder) { return (std::filesystem::path(folder) / "XAPIANDB").string(); }

Result<std::vector<std::string>> ShardPaths(const std::string& folder) {
  const std::string stub = StubPath(folder);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(stub, ec)) return std::vector<std::string>{};
  std::ifstream in(stub);
  if (!in) return Status::IoError("cannot read " + stub);
  std::vector<std::string> paths;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string backend, name, extra;
    if (!(words >> backend) || backend[0] == '#') continue;
    words >> name;
    if (backend != "auto" || name != ShardName(paths.size()) || (words >> extra))
      return Status::InvalidArgument(stub + ": not a stub written by pressdex-index (line '" + line +
                                     "'); a stub with remote or hand-named shards can be searched, not indexed into");
    paths.push_back((std::filesystem::path(folder) / name).string());
  }
  if (paths.empty()) return Status::InvalidArgument(stub + " lists no shard");
  return paths;
}

Status WriteStub(const std::string& folder, std::size_t count) {
  const std::string stub = StubPath(folder);
  const std::string temporary = stub + ".new";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << "# Written by pressdex-index: the shards of this database (Xapian stub format).\n";
    for (std::size_t i = 0; i < count; ++i) out << "auto " << ShardName(i) << '\n';
    out.flush();
    if (!out) return Status::IoError("cannot write " + temporary);
  }
  if (std::rename(temporary.c_str(), stub.c_str()) != 0) return Status::IoError("cannot rename " + temporary);
  return Status::Ok();
}

}  // namespace pressdex::shards
