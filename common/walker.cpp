#include "common/walker.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include <sys/stat.h>

#include "common/readers.h"

namespace fs = std::filesystem;

namespace pressdex {
namespace {

long long MtimeSeconds(const fs::file_time_type& t) {
  const auto sys = std::chrono::file_clock::to_sys(t);
  return std::chrono::duration_cast<std::chrono::seconds>(sys.time_since_epoch()).count();
}

std::string Join(const std::string& folder, const std::string& name) {
  if (folder.empty() || folder == ".") return name;
  if (folder == "/") return "/" + name;
  return folder + "/" + name;
}

struct Walker {
  const WalkOptions& options;
  const WalkEvents& events;
  std::set<std::pair<dev_t, ino_t>> visited_dirs;  // loop protection when following links

  void VisitFile(const std::string& display, const std::string& folder, const fs::directory_entry& entry) {
    std::error_code ec;
    if (FormatForPath(display) == Format::kUnknown) {
      if (events.on_skip) events.on_skip(display, "unsupported file type");
      return;
    }
    WalkedFile file;
    file.path = display;
    file.folder = folder;
    file.size = static_cast<long long>(entry.file_size(ec));
    if (ec) {
      if (events.on_error) events.on_error(display, ec.message());
      return;
    }
    const auto mtime = entry.last_write_time(ec);
    if (ec) {
      if (events.on_error) events.on_error(display, ec.message());
      return;
    }
    file.mtime = MtimeSeconds(mtime);
    if (events.on_file) events.on_file(std::move(file));
  }

  void VisitDir(const fs::path& dir, const std::string& display) {
    std::error_code ec;
    if (options.follow_symlinks) {
      struct stat st {};
      if (::stat(dir.c_str(), &st) == 0 && !visited_dirs.insert({st.st_dev, st.st_ino}).second) {
        if (events.on_error) events.on_error(display, "symbolic link loop (folder already visited)");
        return;
      }
    }
    fs::directory_iterator it(dir, ec);
    if (ec) {
      if (events.on_error) events.on_error(display, "cannot read folder: " + ec.message());
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      entries.push_back(*it);
    }
    if (ec && events.on_error) events.on_error(display, "folder listing stopped: " + ec.message());
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    for (const auto& entry : entries) {
      const std::string name = entry.path().filename().string();
      if (!options.include_hidden && !name.empty() && name[0] == '.') continue;
      const std::string child = Join(display, name);
      const bool is_link = entry.is_symlink(ec);
      if (is_link && !options.follow_symlinks) {
        if (events.on_skip) events.on_skip(child, "symbolic link (use --follow-symlinks)");
        continue;
      }
      const auto status = entry.status(ec);
      if (ec) {
        if (events.on_error) events.on_error(child, is_link ? "broken or looping symbolic link" : ec.message());
        ec.clear();
        continue;
      }
      if (fs::is_directory(status)) {
        VisitDir(entry.path(), child);
      } else if (fs::is_regular_file(status)) {
        VisitFile(child, display, entry);
      } else if (events.on_skip) {
        events.on_skip(child, "not a regular file");
      }
    }
  }
};

}  // namespace

std::string DisplayRoot(const std::string& root) {
  if (root.empty()) return ".";
  std::string out = fs::path(root).lexically_normal().string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out.empty() ? "." : out;
}

void Walk(const std::vector<std::string>& roots, const WalkOptions& options, const WalkEvents& events) {
  Walker walker{options, events, {}};
  for (const auto& root : roots) {
    const std::string display = DisplayRoot(root);
    std::error_code ec;
    const auto status = fs::status(root, ec);
    if (ec || !fs::exists(status)) {
      if (events.on_error) events.on_error(display, "no such file or folder");
      continue;
    }
    if (fs::is_directory(status)) {
      walker.VisitDir(root, display);
    } else {
      const fs::directory_entry entry(root, ec);
      const auto parent = fs::path(display).parent_path().string();
      walker.VisitFile(display, parent.empty() ? "." : parent, entry);
    }
  }
}

}  // namespace pressdex
