#include "common/index_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <thread>
#include <utility>

namespace pressdex {
namespace {

std::string HolderMessage(int fd) {
  char buf[32] = {};
  const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  std::string pid = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) pid = "unknown";
  return "database is being updated by another indexer (pid " + pid + ")";
}

}  // namespace

std::string IndexLock::LockFilePath(const std::string& db_path) { return db_path + "/pressdex-index.lock"; }

Result<IndexLock> IndexLock::Acquire(const std::string& db_path, bool wait,
                                     const std::function<void(const std::string&)>& on_wait,
                                     const std::function<bool()>& stop) {
  std::error_code ec;
  std::filesystem::create_directories(db_path, ec);
  if (ec) return Status::IoError("cannot create database folder " + db_path + ": " + ec.message());
  const std::string lock_path = LockFilePath(db_path);
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IoError("cannot open lock file " + lock_path + ": " + std::strerror(errno));
  IndexLock lock(fd);  // closes fd on every early return

  bool announced = false;
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EINTR) continue;
    if (errno != EWOULDBLOCK) return Status::IoError("cannot lock " + lock_path + ": " + std::strerror(errno));
    const std::string holder = HolderMessage(fd);
    if (!wait) return Status::Busy(holder);
    if (!announced && on_wait) on_wait(holder);
    announced = true;
    if (stop && stop()) return Status::Interrupted("interrupted while waiting for the database lock");
    // Polling (not a blocking flock) so that Ctrl-C is noticed while waiting.
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size()))
    return Status::IoError("cannot write lock file " + lock_path + ": " + std::strerror(errno));
  return Result<IndexLock>(std::move(lock));
}

IndexLock::IndexLock(IndexLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

IndexLock& IndexLock::operator=(IndexLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

IndexLock::~IndexLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace pressdex
