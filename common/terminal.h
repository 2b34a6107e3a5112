// What both tools ask of the terminal.
#pragma once

#include <cstddef>

namespace pressdex {

// Columns of the terminal on `fd`: $COLUMNS when set (20-1000), else the
// tty's width, else `fallback` (not a terminal).
std::size_t TerminalWidth(int fd, std::size_t fallback);

}  // namespace pressdex
