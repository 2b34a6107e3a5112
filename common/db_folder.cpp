#include "common/db_folder.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

namespace pressdex {
namespace fs = std::filesystem;
namespace {

std::string ScratchPrefix(const std::string& target) {
  const fs::path path = fs::path(target).lexically_normal();
  const std::string name = path.has_filename() ? path.filename().string() : path.parent_path().filename().string();
  return "." + name + ".pressdex-scratch-";
}

fs::path ParentOf(const std::string& target) {
  fs::path path = fs::absolute(fs::path(target)).lexically_normal();
  if (!path.has_filename()) path = path.parent_path();
  return path.parent_path();
}

void SyncFolder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

bool DatabaseExists(const std::string& folder) {
  std::error_code ec;
  const fs::path path(folder);
  return fs::exists(path / "iamglass", ec) || fs::exists(path / "iamchert", ec) || fs::exists(path / "XAPIANDB", ec);
}

namespace {

// Names Xapian (glass, chert, replication) and Pressdex put in a database folder.
bool OwnEntry(const fs::directory_entry& entry) {
  const std::string name = entry.path().filename().string();
  auto ends_with = [&](std::string_view suffix) {
    return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (name == "iamglass" || name == "iamchert" || name == "flintlock" || name == "XAPIANDB" || name == "XAPIANDB.new" ||
      name == "pressdex-index.lock")
    return true;
  if (ends_with(".glass") || ends_with(".DB") || ends_with(".baseA") || ends_with(".baseB") || ends_with(".tmp") ||
      name.rfind("changes", 0) == 0)
    return true;
  // shard0, shard1...: folders the stub lists, each a database itself.
  std::error_code ec;
  return name.size() > 5 && name.rfind("shard", 0) == 0 &&
         name.find_first_not_of("0123456789", 5) == std::string::npos && entry.is_directory(ec);
}

}  // namespace

Status CheckDatabaseFolder(const std::string& folder) {
  std::error_code ec;
  const auto status = fs::status(folder, ec);
  if (ec || status.type() == fs::file_type::not_found) return Status::Ok();
  if (status.type() != fs::file_type::directory)
    return Status::InvalidArgument(fmt::format("--db {} is a file, not a database folder", folder));
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (!OwnEntry(*it))
      return Status::InvalidArgument(fmt::format(
          "--db {} holds {}, which is not part of a Pressdex database; a rebuild would replace the whole folder, "
          "so give --db an empty or new folder (not the folder being indexed)",
          folder, it->path().filename().string()));
  }
  return Status::Ok();
}

bool HoldsWorkingDirectory(const std::string& folder) {
  std::error_code ec;
  const fs::path db = fs::weakly_canonical(folder, ec);
  if (ec) return false;
  const fs::path cwd = fs::current_path(ec);
  if (ec) return false;
  auto d = db.begin();
  auto c = cwd.begin();
  for (; d != db.end() && !d->empty(); ++d, ++c) {
    if (c == cwd.end() || *d != *c) return false;
  }
  return true;
}

Result<std::string> MakeScratchFolder(const std::string& target) {
  const fs::path folder = ParentOf(target) / (ScratchPrefix(target) + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(folder, ec);
  if (!fs::create_directories(folder, ec) || ec)
    return Status::IoError("cannot create scratch folder " + folder.string() + ": " + ec.message());
  return folder.string();
}

void RemoveStaleScratch(const std::string& target) {
  const std::string prefix = ScratchPrefix(target);
  std::error_code ec;
  for (fs::directory_iterator it(ParentOf(target), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) == 0) RemoveTree(it->path().string());
  }
}

Status ReplaceFolder(const std::string& target, const std::string& replacement) {
  std::error_code ec;
  const bool exists = fs::exists(target, ec);
  int rc = exists ? ::renameat2(AT_FDCWD, replacement.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE)
                  : ::rename(replacement.c_str(), target.c_str());
  if (rc != 0 && exists && (errno == EINVAL || errno == ENOSYS)) {
    // A file system without RENAME_EXCHANGE: two renames, so for a moment
    // there is no database at `target` (a search then fails and can retry).
    const std::string old = replacement + ".old";
    rc = ::rename(target.c_str(), old.c_str());
    if (rc == 0) {
      rc = ::rename(replacement.c_str(), target.c_str());
      if (rc != 0) ::rename(old.c_str(), target.c_str());
    }
  }
  if (rc != 0)
    return Status::IoError(
        fmt::format("cannot move the new database {} to {}: {}", replacement, target, std::strerror(errno)));
  SyncFolder(ParentOf(target));
  return Status::Ok();
}

void RemoveTree(const std::string& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
}

}  // namespace pressdex
