// Batch mode: answer many queries, one per input line, in one process, so a
// script pays the start-up once. Free of any CLI concern (testable with
// string streams and temporary files).
#pragma once

#include <atomic>
#include <cstdio>
#include <istream>
#include <memory>
#include <streambuf>
#include <string_view>

#include "common/output.h"
#include "common/search.h"
#include "common/status.h"

namespace pressdex {

struct BatchStats {
  std::size_t lines = 0;      // input lines read, blank and comment lines included
  std::size_t queries = 0;    // queries answered or rejected
  std::size_t matched = 0;    // queries with at least one match
  std::size_t malformed = 0;  // queries rejected as malformed
  bool interrupted = false;   // `stop` was raised before the input ended
};

struct BatchIo {
  std::istream& in;  // one query per line; blank lines and "#..." skipped
  std::FILE* out;    // results, in input order; flushed whenever `in` has no input ready (see RunBatch)
  std::FILE* err;    // "PROGRAM: line L (query N): message" per malformed query
  std::string_view program;
  const std::atomic<bool>* stop = nullptr;  // raised by a signal handler: finish the current query and end
  bool explain = false;                     // ExplainText of each query to `err`
};

// Reads a file descriptor for RunBatch: unlike std::cin, whose reads
// retry on EINTR, a read a signal interrupts ends the input once `stop` is
// raised, so Ctrl-C ends a batch that is waiting for its next query.
// in_avail() asks the kernel what the descriptor holds (FIONREAD).
class InterruptibleInput : public std::streambuf {
 public:
  InterruptibleInput(int fd, const std::atomic<bool>* stop)
      : fd_(fd), stop_(stop), buffer_(std::make_unique_for_overwrite<char[]>(kBufferSize)) {}

 protected:
  int_type underflow() override;
  std::streamsize showmanyc() override;

 private:
  // On the heap: 64 KB in the caller's frame would be probed page by page
  // (stack clash protection) on every call, batch or not.
  static constexpr std::size_t kBufferSize = 64 * 1024;
  int fd_;
  const std::atomic<bool>* stop_;
  std::unique_ptr<char[]> buffer_;
};

// Runs each query as `base` with its query text replaced. Answers are
// flushed before each read that may wait for input, so a co-process that
// waits for an answer before writing its next query always gets it. A malformed query
// is reported (stderr, plus an in-stream error object where the format has
// one) and the batch goes on. A database error ends the batch and is
// returned (IoError/NotFound): what was printed before it stays valid. A
// failed write to `out` ends the batch too (`out`'s error flag tells).
Result<BatchStats> RunBatch(Searcher& searcher, const SearchRequest& base, ResponseWriter& writer, const BatchIo& io);

// 2 if any query was malformed, else 0 if any matched, else 1 (130 when
// interrupted).
int BatchExitCode(const BatchStats& stats);

}  // namespace pressdex
