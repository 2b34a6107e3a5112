// Small string helpers the unit and end-to-end tests share.
#pragma once

#include <sstream>
#include <string>
#include <vector>

namespace pressdex::test {

// The lines of `s` (or its `sep`-separated records), without separators.
inline std::vector<std::string> Lines(const std::string& s, char sep = '\n') {
  std::vector<std::string> lines;
  std::stringstream in(s);
  for (std::string line; std::getline(in, line, sep);) lines.push_back(line);
  return lines;
}

// Every `sep`-separated part of `s`, empty ones included.
inline std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto pos = s.find(sep, start);
    parts.push_back(s.substr(start, pos - start));
    if (pos == std::string::npos) break;
    start = pos + 1;
  }
  return parts;
}

}  // namespace pressdex::test
