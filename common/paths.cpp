#include "common/paths.h"

#include <sys/stat.h>
#include <unicode/utf8.h>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

namespace fs = std::filesystem;

namespace pressdex {

namespace {

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

}  // namespace pressdex
