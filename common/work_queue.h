// A fixed set of worker threads running submitted tasks, for the indexer's
// per-file stages. With one job, tasks run inline in the caller: -j1 is the
// plain sequential program, not a one-thread pool.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace pressdex {

class WorkQueue {
 public:
  // At most 4 threads per core (DefaultJobs) however many are asked for.
  explicit WorkQueue(std::size_t jobs);
  ~WorkQueue();  // finishes queued tasks, then joins
  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;

  std::size_t jobs() const { return jobs_; }

  // Runs `task` on a worker (or now, with one job); the future holds its result.
  template <typename F>
  auto Submit(F task) -> std::future<decltype(task())> {
    using R = decltype(task());
    auto packaged = std::make_shared<std::packaged_task<R()>>(std::move(task));
    std::future<R> result = packaged->get_future();
    if (workers_.empty()) {
      (*packaged)();
    } else {
      Push([packaged] { (*packaged)(); });
    }
    return result;
  }

  // The default job count: every core the process may use.
  static std::size_t DefaultJobs();

  // Starts up to `count` threads running `body` into `threads`; when the
  // system refuses one (a thread limit, address space), stops there: the
  // work then runs on fewer threads (at least one must start, else the
  // error is thrown) instead of a destructor meeting a joinable thread.
  static void StartThreads(std::vector<std::thread>& threads, std::size_t count, const std::function<void()>& body);

 private:
  void Push(std::function<void()> task);
  void Work();

  std::size_t jobs_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace pressdex
