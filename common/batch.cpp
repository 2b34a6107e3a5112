#include "common/batch.h"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <streambuf>
#include <string>

#include "common/cli.h"

namespace pressdex {
namespace {

// The query on a line, or empty for blank and comment lines. Leading blanks
// stay: an error's column then counts from the start of the line, as it
// does for the same text given as an argument.
std::string_view QueryOf(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n' || line.back() == ' ' || line.back() == '\t'))
    line.remove_suffix(1);
  const std::size_t start = line.find_first_not_of(" \t");
  if (start == std::string_view::npos || line[start] == '#') return {};
  return line;
}

// Reads one line (without its newline) into `line`; false at the end of the
// input. Before any read that may have to wait for input it flushes `out`:
// a co-process that writes a query and waits for the answer before sending
// the next one gets it, while queries that are already there (a file, a
// busy pipe) are answered in large writes. Flushing after every answer
// instead cost a write(2) per query and, into a pipe, a wake-up of the
// reader per query: on a loaded 2-core machine each one a context switch.
bool ReadLine(std::streambuf& in, std::string& line, std::FILE* out) {
  line.clear();
  while (true) {
    if (in.in_avail() <= 0) std::fflush(out);  // in_avail: buffered bytes, else what the fd has ready
    const int c = in.sbumpc();
    if (c == std::char_traits<char>::eof()) return !line.empty();
    if (c == '\n') return true;
    line.push_back(static_cast<char>(c));
  }
}

}  // namespace

InterruptibleInput::int_type InterruptibleInput::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  for (;;) {
    const ssize_t n = ::read(fd_, buffer_.get(), kBufferSize);
    if (n > 0) {
      setg(buffer_.get(), buffer_.get(), buffer_.get() + n);
      return traits_type::to_int_type(*gptr());
    }
    if (n < 0 && errno == EINTR && (stop_ == nullptr || !stop_->load())) continue;
    return traits_type::eof();  // the end, a stop, or a read error: no more queries
  }
}

std::streamsize InterruptibleInput::showmanyc() {
  int ready = 0;
  return ::ioctl(fd_, FIONREAD, &ready) == 0 && ready > 0 ? ready : 0;
}

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
    if (!ReadLine(*io.in.rdbuf(), line, io.out)) {
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
    // Answers nobody can read (a closed or full output): stop reading
    // queries; the caller reports the failed write.
    if (std::ferror(io.out) != 0) break;
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
