// Replays every saved fuzz input (fuzz/regressions/TARGET/*) through the code
// the fuzz target runs: a crash once found stays fixed in every build.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "fuzz/targets.h"

namespace fs = std::filesystem;
namespace fz = pressdex::fuzz;
using pressdex::Format;

TEST_CASE("fuzz regressions: every saved input runs clean", "[fuzz][robust]") {
  const std::map<std::string, std::function<void(std::string_view)>> targets = {
      {"decode", fz::Decode},
      {"read_text", [](std::string_view b) { fz::Read(Format::kText, b); }},
      {"read_markdown", [](std::string_view b) { fz::Read(Format::kMarkdown, b); }},
      {"read_html", [](std::string_view b) { fz::Read(Format::kHtml, b); }},
      {"read_json", [](std::string_view b) { fz::Read(Format::kJson, b); }},
      {"read_jsonl", [](std::string_view b) { fz::Read(Format::kJsonl, b); }},
      {"dates", fz::Dates},
      {"dateline", fz::Datelines},
      {"orgs", fz::Organisations},
      {"query", fz::Query},
      {"analyse", fz::Analyse},
  };
  const fs::path root = fs::path(PRESSDEX_SOURCE_DIR) / "fuzz" / "regressions";
  REQUIRE(fs::is_directory(root));
  std::size_t replayed = 0;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    const std::string name = dir.path().filename().string();
    INFO("fuzz/regressions/" << name << "/ has no matching target in fuzz/targets.h");
    REQUIRE(targets.count(name) == 1);
    for (const auto& input : fs::directory_iterator(dir.path())) {
      std::ifstream in(input.path(), std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      INFO(input.path().string());
      targets.at(name)(bytes.str());
      ++replayed;
    }
  }
  CHECK(replayed > 0);
}

TEST_CASE("fuzz targets accept the empty input and a few odd ones", "[fuzz][robust]") {
  for (const std::string_view input : {std::string_view(), std::string_view("\0", 1), std::string_view("\xFF\xFE"),
                                       std::string_view("\x04{\"title\":\"x\"}"), std::string_view("\x02<p>x")}) {
    fz::Decode(input);
    fz::Read(Format::kJsonl, input);
    fz::Dates(input);
    fz::Datelines(input);
    fz::Organisations(input);
    fz::Query(input);
    fz::Analyse(input);
  }
  SUCCEED();
}
