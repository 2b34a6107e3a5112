// What both tools ask of the terminal.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace pressdex {

// Columns of the terminal on `fd`: $COLUMNS when set (20-1000), else the
// tty's width, else `fallback` (not a terminal).
std::size_t TerminalWidth(int fd, std::size_t fallback);

// `text` (from the data: titles, paths, organisation names) made safe to
// print for people: a control character would act on the terminal (ESC[31m
// in a title turns it red, others move the cursor or retitle the window), so
// each C0/C1 control and DEL becomes '?', a tab or line break a space. Byte
// for byte, so offsets into `text` (snippet highlights) stay right.
std::string TerminalSafe(std::string_view text);

// Writes `text` to `out` with fwrite, never throwing (fmt::print throws when
// the reader of a pipe is gone or the disk is full): for reports that must
// not stop the work; the stream's error flag tells the caller afterwards.
void WriteText(std::FILE* out, std::string_view text);

}  // namespace pressdex
