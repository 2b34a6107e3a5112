// Site chrome learned from a folder: lines that repeat across many of the
// folder's files (menus, footers, "Share this") are boilerplate, not news.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pressdex {

// Given the texts of the files of one folder, returns the (trimmed) lines that
// are boilerplate. Deterministic: the same texts give the same lines, in
// sorted order, whatever order the texts come in.
std::vector<std::string> LearnBoilerplate(const std::vector<std::string_view>& texts);

}  // namespace pressdex
