#include "common/progress.h"

#include <algorithm>

#include <fmt/format.h>

#include "common/terminal.h"

namespace pressdex {
namespace {

std::string Thousands(std::size_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

std::string Clock(double seconds) {
  const auto s = static_cast<long long>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

std::string FormatProgress(const ProgressSnapshot& p, std::size_t width) {
  const double fraction =
      p.files_total == 0 ? 1.0 : std::min(1.0, static_cast<double>(p.files_done) / static_cast<double>(p.files_total));
  std::string text = fmt::format("{}/{} {}  {}%", Thousands(p.files_done), Thousands(p.files_total), p.unit,
                                 static_cast<int>(fraction * 100));
  if (p.seconds > 0.5) {
    if (p.releases > 0)
      text += fmt::format("  {} releases/s", Thousands(static_cast<std::size_t>(p.releases / p.seconds)));
    if (p.files_done > 0 && p.files_done < p.files_total)
      text += "  ETA " +
              Clock(p.seconds / static_cast<double>(p.files_done) * static_cast<double>(p.files_total - p.files_done));
  }
  const std::string phase = p.phase.empty() ? std::string() : p.phase + " ";
  if (width < phase.size() + text.size() + 12) return phase + text;
  const std::size_t bar = std::min<std::size_t>(40, width - phase.size() - text.size() - 4);
  const auto filled = static_cast<std::size_t>(fraction * static_cast<double>(bar));
  return phase + "[" + std::string(filled, '#') + std::string(bar - filled, ' ') + "]  " + text;
}

ProgressPrinter::ProgressPrinter(std::FILE* out, bool terminal, std::chrono::milliseconds period)
    : out_(out), terminal_(terminal), period_(period), started_(std::chrono::steady_clock::now()) {}

void ProgressPrinter::Update(std::string_view phase, std::size_t files_done, std::size_t files_total,
                             std::size_t releases, std::string_view unit) {
  const auto now = std::chrono::steady_clock::now();
  if (phase != phase_) {  // a new phase: its own clock, and its first line shows at once
    phase_ = std::string(phase);
    started_ = now;
    drawn_ = false;
  }
  const bool last = files_done >= files_total;
  const auto every = terminal_ ? std::chrono::milliseconds(100) : period_;
  if (!last && drawn_ && now - last_ < every) return;
  if (!last && !drawn_ && !terminal_ && now - started_ < period_) return;
  last_ = now;
  const ProgressSnapshot snapshot{
      phase_,           files_done, files_total, releases, std::chrono::duration<double>(now - started_).count(),
      std::string(unit)};
  if (terminal_) {
    const std::size_t width = TerminalWidth(::fileno(out_), 80);
    std::string line = FormatProgress(snapshot, width > 0 ? width - 1 : 0);
    WriteText(out_, fmt::format("\r{}\x1b[K", line));
  } else {
    WriteText(out_, fmt::format("pressdex-index: progress: {}\n", FormatProgress(snapshot, 0)));
  }
  std::fflush(out_);
  drawn_ = true;
}

void ProgressPrinter::Finish() {
  if (terminal_ && drawn_) {
    WriteText(out_, "\r\x1b[K");
    std::fflush(out_);
  }
  drawn_ = false;
}

}  // namespace pressdex
