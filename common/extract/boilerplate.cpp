#include "common/extract/boilerplate.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "common/extract/date_parse.h"
#include "common/extract/text_util.h"

namespace pressdex {

std::vector<std::string> LearnBoilerplate(const std::vector<std::string_view>& texts) {
  // A line in at least half of a folder's files (and in at least three) is
  // the site's, not a story's: menus, footers, "Share this". Counting views
  // into the texts keeps this one pass with no copies.
  constexpr std::size_t kMinFiles = 3;
  constexpr std::size_t kMaxLine = 2000;  // longer "lines" are whole stories glued together
  if (texts.size() < kMinFiles) return {};
  std::unordered_map<std::string_view, std::size_t> files_with_line;
  std::unordered_set<std::string_view> seen;
  for (const std::string_view text : texts) {
    seen.clear();
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view line = extract::TrimView(text.substr(start, end - start));
      start = end + 1;
      if (!line.empty() && line.size() <= kMaxLine && seen.insert(line).second) ++files_with_line[line];
    }
  }
  const std::size_t threshold = std::max(kMinFiles, (texts.size() + 1) / 2);
  std::vector<std::string> out;
  for (const auto& [line, count] : files_with_line) {
    if (count < threshold) continue;
    // A date shared by a day's stories ("วันพุธที่ 30 กันยายน 2563" in a
    // folder per day) dates them: it is not chrome.
    if (DateParser::Get().FindFirst(line, true, false)) continue;
    out.emplace_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace pressdex
