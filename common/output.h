// Formatting search responses for people (text) and scripts (json...).
// One formatter per format; the searcher only picks one.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/search.h"
#include "common/status.h"

namespace pressdex {

enum class OutputFormat { kText, kJson };

Result<OutputFormat> ParseOutputFormat(std::string_view name);

struct OutputOptions {
  OutputFormat format = OutputFormat::kText;
  bool color = false;             // ANSI styling (text only)
  std::size_t terminal_width = 100;
};

class ResponseWriter {
 public:
  virtual ~ResponseWriter() = default;
  // Writes one response to `out`.
  virtual void Write(const SearchResponse& response, std::FILE* out) = 0;
};

std::unique_ptr<ResponseWriter> MakeResponseWriter(const OutputOptions& options);

// Should output be coloured? `mode` is auto|always|never; auto means stdout
// is a terminal and NO_COLOR is unset.
Result<bool> ResolveColor(std::string_view mode);

// JSON version of the machine output: bump only on incompatible change.
inline constexpr int kJsonVersion = 1;

}  // namespace pressdex
