#include "common/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

namespace pressdex {

std::size_t TerminalWidth(int fd, std::size_t fallback) {
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
    const long n = std::strtol(columns, nullptr, 10);
    if (n >= 20 && n <= 1000) return static_cast<std::size_t>(n);
  }
  winsize ws{};
  if (::isatty(fd) && ::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
  return fallback;
}

std::string TerminalSafe(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c == '\t' || c == '\n' || c == '\r') {
      out[i] = ' ';
    } else if (c < 0x20 || c == 0x7F) {
      out[i] = '?';
    } else if (c == 0xC2 && i + 1 < out.size() && static_cast<unsigned char>(out[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(out[i + 1]) <= 0x9F) {
      out[i] = '?';  // U+0080-U+009F, the C1 controls (CSI among them), in UTF-8
      out[++i] = '?';
    }
  }
  return out;
}

void WriteText(std::FILE* out, std::string_view text) { std::fwrite(text.data(), 1, text.size(), out); }

}  // namespace pressdex
