#include "common/work_queue.h"

#include <sched.h>

#include <algorithm>
#include <system_error>

namespace pressdex {

// The work is CPU-bound: threads beyond a few per core add nothing but
// stacks (8 MiB of address space each; -j 400 under a 2 GB ulimit left none
// for the work itself).
WorkQueue::WorkQueue(std::size_t jobs) : jobs_(std::clamp<std::size_t>(jobs, 1, 4 * DefaultJobs())) {
  if (jobs_ == 1) return;
  try {
    StartThreads(workers_, jobs_, [this] { Work(); });
  } catch (const std::system_error&) {
    // Not even one worker: run tasks inline, as with -j1.
  }
  jobs_ = workers_.empty() ? 1 : workers_.size();
}

void WorkQueue::StartThreads(std::vector<std::thread>& threads, std::size_t count, const std::function<void()>& body) {
  const std::size_t before = threads.size();
  for (std::size_t i = 0; i < count; ++i) {
    try {
      threads.emplace_back(body);
    } catch (const std::system_error&) {
      if (threads.size() == before) throw;
      return;
    }
  }
}

WorkQueue::~WorkQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& worker : workers_) worker.join();
}

void WorkQueue::Push(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    tasks_.push_back(std::move(task));
  }
  ready_.notify_one();
}

void WorkQueue::Work() {
  while (true) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return;
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    task();
  }
}

std::size_t WorkQueue::DefaultJobs() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    const int n = CPU_COUNT(&set);
    if (n > 0) return static_cast<std::size_t>(n);
  }
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

}  // namespace pressdex
