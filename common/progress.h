// The indexer's progress line: files done of the files to index, releases per
// second and the time left. Redrawn in place on a terminal; printed as plain
// periodic lines when stderr is not one (--progress).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace pressdex {

struct ProgressSnapshot {
  std::string phase;  // shown first when not empty: "reading", "indexing"
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  std::size_t releases = 0;    // written so far
  double seconds = 0;          // since the start
  std::string unit = "files";  // what files_done and files_total count
};

// "indexing [#######        ]  1,234/19,043 files  6%  1,480 releases/s  ETA 0:12",
// the bar sized to fit `width` columns (no bar when width is 0).
std::string FormatProgress(const ProgressSnapshot& snapshot, std::size_t width);

class ProgressPrinter {
 public:
  // `terminal`: redraw one line (at most 10 times a second); otherwise a
  // line every `period`.
  ProgressPrinter(std::FILE* out, bool terminal, std::chrono::milliseconds period = std::chrono::seconds(5));
  void Update(std::string_view phase, std::size_t files_done, std::size_t files_total, std::size_t releases,
              std::string_view unit = "files");
  // Clears the redrawn line (terminal) so the summary starts on a clean line.
  void Finish();

 private:
  std::FILE* out_;
  bool terminal_;
  std::chrono::milliseconds period_;
  std::chrono::steady_clock::time_point started_;
  std::chrono::steady_clock::time_point last_{};
  bool drawn_ = false;
  std::string phase_;
};

}  // namespace pressdex
