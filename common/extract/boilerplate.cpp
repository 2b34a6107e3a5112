#include "common/extract/boilerplate.h"

#include <algorithm>
#include <map>
#include <set>

namespace pressdex {
namespace {
std::string Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}
}  // namespace

std::vector<std::string> LearnBoilerplate(const std::vector<std::string_view>& texts) {
  constexpr std::size_t kMinFiles = 3;
  if (texts.size() < kMinFiles) return {};
  std::map<std::string, std::size_t> files_with_line;
  for (const std::string_view text : texts) {
    std::set<std::string> seen;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string line = Trim(text.substr(start, end - start));
      start = end + 1;
      if (!line.empty()) seen.insert(std::move(line));
    }
    for (const auto& line : seen) ++files_with_line[line];
  }
  std::vector<std::string> out;
  const std::size_t threshold = std::max(kMinFiles, (texts.size() + 1) / 2);
  for (const auto& [line, count] : files_with_line) {
    if (count >= threshold) out.push_back(line);
  }
  return out;
}

}  // namespace pressdex
