#include "common/walker.h"

#include <fnmatch.h>

#include <fstream>

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <set>
#include <system_error>

#include "common/readers.h"

namespace fs = std::filesystem;

namespace pressdex {
namespace {

std::string Join(const std::string& folder, const std::string& name) {
  if (folder.empty() || folder == ".") return name;
  if (folder == "/") return "/" + name;
  return folder + "/" + name;
}

// Says what happened in words a user reads: "vanished" rather than ENOENT.
std::string Explain(const std::error_code& ec, std::string_view doing) {
  if (ec == std::errc::no_such_file_or_directory) return std::string(doing) + ": vanished during the walk";
  if (ec == std::errc::too_many_symbolic_link_levels) return std::string(doing) + ": symbolic link loop";
  return std::string(doing) + ": " + ec.message();
}

using DirKey = std::pair<dev_t, ino_t>;

struct Walker {
  const WalkOptions& options;
  const WalkEvents& events;
  std::vector<DirKey> ancestors;  // folders on the way down: a link to one of them is a loop
  std::set<DirKey> visited;       // folders walked already (through another link)

  void Error(const std::string& path, const std::string& problem) const {
    if (events.on_error) events.on_error(path, problem);
  }
  void Skip(const std::string& path, const std::string& reason) const {
    if (events.on_skip) events.on_skip(path, reason);
  }

  void VisitFile(const std::string& display, const std::shared_ptr<const std::string>& folder, const fs::path& path) {
    if (FormatForPath(display) == Format::kUnknown) {
      Skip(display, "unsupported file type");
      return;
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      Error(display, Explain(std::error_code(errno, std::generic_category()), "cannot read file information"));
      return;
    }
    if (!S_ISREG(st.st_mode)) {
      Skip(display, "not a regular file");
      return;
    }
    WalkedFile file;
    file.path = display;
    file.folder = folder;
    file.size = static_cast<long long>(st.st_size);
    file.mtime = static_cast<long long>(st.st_mtim.tv_sec);
    file.mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec;
    if (events.on_file) events.on_file(std::move(file));
  }

  void VisitDir(const fs::path& dir, const std::string& display) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) {
      Error(display, Explain(std::error_code(errno, std::generic_category()), "cannot read folder"));
      return;
    }
    const DirKey key{st.st_dev, st.st_ino};
    if (std::find(ancestors.begin(), ancestors.end(), key) != ancestors.end()) {
      Error(display, "symbolic link loop (leads back to a folder above it); not followed");
      return;
    }
    if (!visited.insert(key).second) {
      Skip(display, "folder already walked through another link");
      return;
    }
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      Error(display, Explain(ec, "cannot read folder"));
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      entries.push_back(*it);
    }
    if (ec) {
      // Some entries were never seen: report the folder so nothing below it is taken for deleted.
      Error(display, Explain(ec, "folder listing stopped"));
      return;
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    ancestors.push_back(key);
    const std::size_t inherited = ignore_patterns.size();
    ReadIgnoreFile(dir);
    std::shared_ptr<const std::string> folder;  // made for the folder's first file
    for (const auto& entry : entries) {
      const std::string name = entry.path().filename().string();
      if (!options.include_hidden && !name.empty() && name[0] == '.') continue;
      const std::string child = Join(display, name);
      if (Ignored(name)) {
        Skip(child, "listed in .pressdexignore");
        continue;
      }
      ec.clear();
      const bool is_link = entry.is_symlink(ec);
      if (is_link && !options.follow_symlinks) {
        Skip(child, "symbolic link (use --follow-symlinks)");
        continue;
      }
      const auto status = entry.status(ec);  // follows links
      if (ec) {
        if (is_link && ec == std::errc::no_such_file_or_directory) {
          Error(child, "broken symbolic link");
        } else {
          Error(child, Explain(ec, "cannot read"));
        }
        continue;
      }
      if (fs::is_directory(status)) {
        VisitDir(entry.path(), child);
      } else if (fs::is_regular_file(status)) {
        if (!folder) folder = std::make_shared<const std::string>(display);
        VisitFile(child, folder, entry.path());
      } else {
        Skip(child, "not a regular file");
      }
    }
    ignore_patterns.resize(inherited);
    ancestors.pop_back();
  }

  // A folder's .pressdexignore lists glob patterns (one per line, '#' for
  // comments) of names to leave out, in that folder and every folder below:
  // a corpus can carry its own README without it becoming a release.
  void ReadIgnoreFile(const fs::path& dir) {
    std::ifstream in(dir / ".pressdexignore");
    std::string line;
    while (std::getline(in, line)) {
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
      const auto start = line.find_first_not_of(" \t");
      if (start == std::string::npos || line[start] == '#') continue;
      ignore_patterns.push_back(line.substr(start));
    }
  }

  bool Ignored(const std::string& name) const {
    return std::any_of(ignore_patterns.begin(), ignore_patterns.end(),
                       [&](const std::string& pattern) { return fnmatch(pattern.c_str(), name.c_str(), 0) == 0; });
  }

  std::vector<std::string> ignore_patterns;
};

}  // namespace

namespace {

// Whether `inner` is `outer` or lies inside it, as written (both DisplayRoot).
bool Within(const std::string& inner, const std::string& outer) {
  if (outer == ".") return inner != ".." && inner.rfind("../", 0) != 0 && (inner.empty() || inner[0] != '/');
  return inner == outer ||
         (inner.size() > outer.size() && inner.compare(0, outer.size(), outer) == 0 && inner[outer.size()] == '/');
}

}  // namespace

void Walk(const std::vector<std::string>& roots, const WalkOptions& options, const WalkEvents& events) {
  Walker walker{options, events, {}, {}, {}};
  // A root given twice, or inside another root ("kk/f0 kk"), is walked once,
  // through the outer one: its files would otherwise be counted twice.
  std::vector<std::string> displays;
  for (const auto& root : roots) displays.push_back(DisplayRoot(root));
  for (std::size_t r = 0; r < roots.size(); ++r) {
    const std::string& root = roots[r];
    const std::string& display = displays[r];
    bool covered = false;
    for (std::size_t o = 0; o < roots.size() && !covered; ++o) {
      if (o == r || !Within(display, displays[o])) continue;
      covered = displays[o] != display || o < r;  // of two equal roots the first is walked
    }
    std::error_code ec;
    const auto status = fs::status(root, ec);
    // A root that is not there is an error even inside another root (the
    // user named it), once however often it was named.
    if (ec || !fs::exists(status)) {
      const auto before = displays.begin() + static_cast<std::ptrdiff_t>(r);
      if (std::find(displays.begin(), before, display) == before)
        walker.Error(display, ec && ec != std::errc::no_such_file_or_directory ? Explain(ec, "cannot read")
                                                                               : "no such file or folder");
      continue;
    }
    if (covered) continue;
    if (fs::is_directory(status)) {
      walker.VisitDir(root, display);
    } else {
      const auto parent = fs::path(display).parent_path().string();
      walker.VisitFile(display, std::make_shared<const std::string>(parent.empty() ? "." : parent), root);
    }
  }
}

}  // namespace pressdex
