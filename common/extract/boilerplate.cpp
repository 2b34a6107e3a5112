#include "common/extract/boilerplate.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "common/extract/date_parse.h"
#include "common/extract/text_util.h"

namespace pressdex {
namespace {

constexpr std::size_t kMinFiles = 3;
constexpr std::size_t kMaxLine = 2000;  // longer "lines" are whole stories glued together
// A line this long is a sentence or a paragraph of a story, not a menu item.
constexpr std::size_t kSubstantialLine = 80;
// A file whose substantial lines are this much shared is a copy of a story
// other files carry too (syndicated, republished), not a page with chrome.
constexpr double kCopyShare = 0.8;

using LineCounts = std::unordered_map<std::string_view, std::size_t>;

// The distinct non-empty trimmed lines of `text`, in order, as views.
// `seen` is scratch, kept between calls so it is allocated once.
std::vector<std::string_view> DistinctLines(std::string_view text, std::unordered_set<std::string_view>& seen) {
  std::vector<std::string_view> lines;
  seen.clear();
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = extract::TrimView(text.substr(start, end - start));
    start = end + 1;
    if (!line.empty() && line.size() <= kMaxLine && seen.insert(line).second) lines.push_back(line);
  }
  return lines;
}

std::size_t Threshold(std::size_t files) { return std::max(kMinFiles, (files + 1) / 2); }

// A date shared by a day's stories ("วันพุธที่ 30 กันยายน 2563" in a folder
// per day) dates them: it is not chrome.
bool IsDate(std::string_view line) { return DateParser::Get().FindFirst(line, true, false).has_value(); }

}  // namespace

std::vector<std::string> LearnBoilerplate(const std::vector<std::string_view>& texts) {
  // A line in at least half of a folder's files (and in at least three) is
  // the site's, not a story's: menus, footers, "Share this".
  if (texts.size() < kMinFiles) return {};
  std::unordered_set<std::string_view> seen;
  LineCounts files_with_line;
  for (const std::string_view text : texts) {
    for (const std::string_view line : DistinctLines(text, seen)) ++files_with_line[line];
  }
  const std::size_t threshold = Threshold(texts.size());
  const auto shared = [&](std::string_view line, const LineCounts& counts, std::size_t needed) {
    const auto it = counts.find(line);
    return it != counts.end() && it->second >= needed;
  };
  if (std::none_of(files_with_line.begin(), files_with_line.end(),
                   [&](const auto& entry) { return entry.second >= threshold; }))
    return {};  // most folders: nothing repeats enough, nothing more to do

  // Copies of one story (the same release from three outlets in one folder)
  // share their paragraphs, which would pass for chrome and leave the copies
  // without their story: such files are left out of the count, and a line
  // is chrome only if enough of the other files carry it. A site's pages
  // share menus and footers but each has its own story.
  std::vector<bool> is_copy(texts.size(), false);
  std::size_t copies = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    std::size_t substantial = 0, substantial_shared = 0;
    for (const std::string_view line : DistinctLines(texts[i], seen)) {
      if (line.size() < kSubstantialLine) continue;
      substantial += line.size();
      if (shared(line, files_with_line, threshold)) substantial_shared += line.size();
    }
    if (substantial_shared > 0 && static_cast<double>(substantial_shared) >= kCopyShare * substantial) {
      is_copy[i] = true;
      ++copies;
    }
  }
  const LineCounts* counts = &files_with_line;
  LineCounts without_copies;
  const std::size_t counted_files = texts.size() - copies;
  if (copies > 0) {
    if (counted_files < kMinFiles) return {};
    for (std::size_t i = 0; i < texts.size(); ++i) {
      if (is_copy[i]) continue;
      for (const std::string_view line : DistinctLines(texts[i], seen)) ++without_copies[line];
    }
    counts = &without_copies;
  }

  const std::size_t needed = Threshold(counted_files);
  std::vector<std::string> out;
  for (const auto& [line, count] : *counts) {
    if (count < needed || IsDate(line)) continue;
    out.emplace_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace pressdex
