// JSON searches for the end-to-end tests: run pressdex-search --format json
// and read the result paths.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "e2e/harness.h"

namespace pressdex::test {

// The JSON answer of a search (exit 0 or 1) on `db` (default: corpus/'s).
inline nlohmann::json SearchJson(std::vector<std::string> args, const std::string& db = CorpusDb()) {
  args.insert(args.begin(), {"--db", db, "--format", "json"});
  const RunResult r = Search(args);
  INFO(r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return nlohmann::json::parse(r.out);
}

inline std::vector<std::string> Paths(const nlohmann::json& response) {
  std::vector<std::string> paths;
  for (const auto& hit : response.at("results")) paths.push_back(hit.at("path").get<std::string>());
  return paths;
}

inline bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

inline bool AnyEndsWith(const std::vector<std::string>& paths, const std::string& suffix) {
  return std::any_of(paths.begin(), paths.end(), [&](const std::string& p) { return EndsWith(p, suffix); });
}

}  // namespace pressdex::test
