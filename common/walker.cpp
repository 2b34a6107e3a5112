#include "common/walker.h"

#include <fnmatch.h>

#include <fstream>

#include <sys/stat.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <system_error>

#include <fmt/format.h>

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

void AppendEscaped(std::string& out, unsigned char byte) { out += fmt::format("\\x{:02X}", byte); }

}  // namespace

std::string DisplayRoot(const std::string& root) {
  if (root.empty()) return ".";
  std::string out = fs::path(root).lexically_normal().string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out.empty() ? "." : out;
}

std::string WorkingFolder() {
  // $PWD when it is this folder: the path the user sees in a folder reached
  // through a symbolic link, where getcwd() gives the link's target.
  const char* pwd = std::getenv("PWD");
  struct stat logical {};
  struct stat here {};
  if (pwd != nullptr && pwd[0] == '/' && ::stat(pwd, &logical) == 0 && ::stat(".", &here) == 0 &&
      logical.st_dev == here.st_dev && logical.st_ino == here.st_ino) {
    return fs::path(pwd).lexically_normal().string();
  }
  std::error_code ec;
  const fs::path physical = fs::current_path(ec);
  return ec ? std::string() : physical.string();
}

std::string AbsoluteRoot(const std::string& root) {
  const fs::path written(root.empty() ? "." : root);
  if (written.is_absolute()) return DisplayRoot(written.lexically_normal().string());
  const std::string here = WorkingFolder();
  if (here.empty()) return DisplayRoot(root);
  return DisplayRoot((fs::path(here) / written).lexically_normal().string());
}

std::string PathForIndex(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  const auto* s = reinterpret_cast<const uint8_t*>(path.data());
  const auto length = static_cast<int32_t>(path.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      for (int32_t k = start; k < i; ++k) AppendEscaped(out, s[k]);
    } else if (c == '\\' && i + 2 < length && s[i] == 'x' && std::isxdigit(s[i + 1]) && std::isxdigit(s[i + 2])) {
      // A name that really says "\xFF" must not read as the escaped byte
      // 0xFF: two files would get one path. Its backslash is escaped too.
      AppendEscaped(out, '\\');
    } else {
      out.append(path.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
  return out;
}

std::string PathForMessage(std::string_view path) {
  const std::string utf8 = PathForIndex(path);
  std::string out;
  out.reserve(utf8.size());
  for (const char ch : utf8) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\r')
      out += "\\r";
    else if (c < 0x20 || c == 0x7F)
      AppendEscaped(out, c);
    else
      out.push_back(ch);
  }
  return out;
}

bool PathIsUnder(std::string_view path, std::string_view folder) {
  if (folder == ".") return !path.empty() && path.front() != '/' && path != ".." && path.rfind("../", 0) != 0;
  if (path.size() < folder.size() || path.substr(0, folder.size()) != folder) return false;
  if (path.size() == folder.size()) return true;
  return folder.back() == '/' || path[folder.size()] == '/';
}

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
