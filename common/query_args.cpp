#include "common/query_args.h"

#include <algorithm>
#include <string_view>

#include "common/normalize.h"
#include "common/schema.h"

namespace pressdex {
namespace {

bool IsField(std::string_view name) {
  const std::string folded = FoldKey(name);
  if (folded == "date") return true;
  const auto named = [&](const auto& f) { return f.name == folded; };
  return std::any_of(std::begin(schema::kFilterFields), std::end(schema::kFilterFields), named) ||
         std::any_of(std::begin(schema::kTextFields), std::end(schema::kTextFields), named);
}

std::string Requote(const std::string& arg) {
  if (arg.find_first_of(" \t") == std::string::npos || arg.find('"') != std::string::npos) return arg;
  const std::size_t start = !arg.empty() && (arg[0] == '-' || arg[0] == '+') ? 1 : 0;
  const std::size_t colon = arg.find(':', start);
  if (colon == std::string::npos || colon == start) return arg;
  const std::string_view name(arg.data() + start, colon - start);
  if (name.find_first_of(" \t") != std::string_view::npos || !IsField(name)) return arg;
  return arg.substr(0, colon + 1) + '"' + arg.substr(colon + 1) + '"';
}

}  // namespace

std::string JoinQueryArgs(std::span<const std::string> args) {
  std::string out;
  for (const auto& arg : args) {
    if (!out.empty()) out += ' ';
    out += Requote(arg);
  }
  return out;
}

}  // namespace pressdex
