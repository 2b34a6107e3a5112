#include "common/batch.h"

#include <fmt/format.h>

#include <string>

#include "common/cli.h"

namespace pressdex {
namespace {

// The query on a line, or empty for blank and comment lines.
std::string_view QueryOf(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n' || line.back() == ' ' || line.back() == '\t'))
    line.remove_suffix(1);
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  if (!line.empty() && line.front() == '#') return {};
  return line;
}

}  // namespace

Result<BatchStats> RunBatch(Searcher& searcher, const SearchRequest& base, ResponseWriter& writer, const BatchIo& io) {
  BatchStats stats;
  SearchRequest request = base;
  request.match_all = false;
  std::string line;
  writer.Begin(io.out);
  while (true) {
    if (io.stop != nullptr && io.stop->load()) {
      stats.interrupted = true;
      break;
    }
    if (!std::getline(io.in, line)) {
      // A signal interrupts the read (no SA_RESTART): that is a stop, not the end.
      if (io.stop != nullptr && io.stop->load()) stats.interrupted = true;
      break;
    }
    ++stats.lines;
    const std::string_view query = QueryOf(line);
    if (query.empty()) continue;
    const std::size_t number = ++stats.queries;
    request.query.assign(query);
    auto response = searcher.Search(request);
    if (!response.ok()) {
      if (response.status().code() != Status::Code::kInvalidArgument) return response.status();
      ++stats.malformed;
      fmt::print(io.err, "{}: line {} (query {}): {}\n", io.program, stats.lines, number, response.status().message());
      writer.WriteError(number, query, response.status(), io.out);
    } else {
      if (response->total > 0) ++stats.matched;
      if (io.explain)
        fmt::print(io.err, "{}: line {} (query {}):\n{}", io.program, stats.lines, number,
                   ExplainText(*response, request.sort));
      writer.Write(*response, number, io.out);
    }
    // A co-process reading our answers must see each one as soon as it exists.
    std::fflush(io.out);
  }
  std::fflush(io.out);
  return stats;
}

int BatchExitCode(const BatchStats& stats) {
  if (stats.interrupted) return cli::kInterrupted;
  if (stats.malformed > 0) return cli::kUsage;
  return stats.matched > 0 ? cli::kOk : cli::kNoMatch;
}

}  // namespace pressdex
