// Which options the format or batch mode leaves without effect: each such
// combination yields one warning; the combinations scripts use every day
// yield none (a warning there would be noise on every call).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/output.h"

namespace {

using pressdex::GivenOptions;
using pressdex::OutputFormat;
using pressdex::UnusedOptionWarnings;

constexpr OutputFormat kEveryFormat[] = {OutputFormat::kText, OutputFormat::kJson, OutputFormat::kJsonl,
                                         OutputFormat::kTsv,  OutputFormat::kCsv,  OutputFormat::kPaths,
                                         OutputFormat::kCount};

GivenOptions In(OutputFormat format, bool batch = false) {
  GivenOptions given;
  given.format = format;
  given.batch = batch;
  return given;
}

// The single warning `given` yields (a failed check when there is not exactly one).
std::string OnlyWarning(const GivenOptions& given) {
  const std::vector<std::string> warnings = UnusedOptionWarnings(given);
  INFO(Catch::Detail::stringify(warnings));
  REQUIRE(warnings.size() == 1);
  return warnings.front();
}

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("no option beyond the format yields no warning in any format or mode", "[output][options]") {
  for (const OutputFormat format : kEveryFormat) {
    CHECK(UnusedOptionWarnings(In(format)).empty());
    CHECK(UnusedOptionWarnings(In(format, true)).empty());
  }
}

TEST_CASE("facets warn where the output has no place for them", "[output][options]") {
  for (const OutputFormat format :
       {OutputFormat::kTsv, OutputFormat::kCsv, OutputFormat::kPaths, OutputFormat::kCount, OutputFormat::kJsonl}) {
    GivenOptions given = In(format);
    given.facets = true;
    const std::string warning = OnlyWarning(given);
    CHECK(Contains(warning, "--facets has no effect with --format "));
    given.facets = false;
    given.facet = true;
    CHECK(Contains(OnlyWarning(given), "--facet has no effect"));
    given.facets = true;  // both: one line naming both
    CHECK(Contains(OnlyWarning(given), "--facets and --facet have no effect"));
  }
  // In a batch jsonl prints one document per query, facets included; tsv still has no place for them.
  GivenOptions jsonl_batch = In(OutputFormat::kJsonl, true);
  jsonl_batch.facet = true;
  CHECK(UnusedOptionWarnings(jsonl_batch).empty());
  GivenOptions tsv_batch = In(OutputFormat::kTsv, true);
  tsv_batch.facets = true;
  CHECK(Contains(OnlyWarning(tsv_batch), "--format tsv"));
}

TEST_CASE("facets in text and json yield no warning", "[output][options]") {
  for (const OutputFormat format : {OutputFormat::kText, OutputFormat::kJson}) {
    for (const bool batch : {false, true}) {
      GivenOptions given = In(format, batch);
      given.facets = true;
      given.facet = true;
      CHECK(UnusedOptionWarnings(given).empty());
    }
  }
}

TEST_CASE("option --no-header warns outside tsv and csv", "[output][options]") {
  for (const OutputFormat format : kEveryFormat) {
    GivenOptions given = In(format);
    given.no_header = true;
    if (format == OutputFormat::kTsv || format == OutputFormat::kCsv) {
      CHECK(UnusedOptionWarnings(given).empty());
    } else {
      CHECK(Contains(OnlyWarning(given), "--no-header has no effect"));
    }
  }
}

TEST_CASE("option --null warns outside paths", "[output][options]") {
  for (const OutputFormat format : kEveryFormat) {
    GivenOptions given = In(format, format == OutputFormat::kJson);  // batch or not: the same rule
    given.null_separated = true;
    if (format == OutputFormat::kPaths) {
      CHECK(UnusedOptionWarnings(given).empty());
    } else {
      CHECK(Contains(OnlyWarning(given), "-0/--null has no effect"));
    }
  }
}

TEST_CASE("paging and order warn with count in one line and nowhere else", "[output][options]") {
  GivenOptions given = In(OutputFormat::kCount);
  given.limit = true;
  CHECK(OnlyWarning(given) == "-n/--limit has no effect with --format count (it prints the number of matches only)");
  given.offset = true;
  given.sort = true;
  CHECK(Contains(OnlyWarning(given), "-n/--limit, --offset and --sort have no effect with --format count"));
  given.batch = true;
  CHECK(UnusedOptionWarnings(given).size() == 1);
  for (const OutputFormat format : kEveryFormat) {
    if (format == OutputFormat::kCount) continue;
    GivenOptions paged = In(format);
    paged.limit = paged.offset = paged.sort = true;
    CHECK(UnusedOptionWarnings(paged).empty());
  }
}

TEST_CASE("option --color always warns outside text but auto and never do not", "[output][options]") {
  for (const OutputFormat format : kEveryFormat) {
    GivenOptions given = In(format);
    given.color_always = true;
    if (format == OutputFormat::kText) {
      CHECK(UnusedOptionWarnings(given).empty());
    } else {
      CHECK(Contains(OnlyWarning(given), "--color always has no effect"));
    }
  }
}

TEST_CASE("option --all warns in a batch only and not beside a query", "[output][options]") {
  for (const OutputFormat format : kEveryFormat) {
    GivenOptions one_shot = In(format);
    one_shot.all = true;
    CHECK(UnusedOptionWarnings(one_shot).empty());
    GivenOptions batch = In(format, true);
    batch.all = true;
    CHECK(OnlyWarning(batch) == "--all has no effect with --batch (each line of standard input is the query)");
  }
}

TEST_CASE("several useless options give one line each in a fixed order", "[output][options]") {
  GivenOptions given = In(OutputFormat::kCount, true);
  given.facets = true;
  given.no_header = true;
  given.null_separated = true;
  given.limit = true;
  given.color_always = true;
  given.all = true;
  const std::vector<std::string> warnings = UnusedOptionWarnings(given);
  REQUIRE(warnings.size() == 6);
  CHECK(warnings[0].starts_with("--facets "));
  CHECK(warnings[1].starts_with("--no-header "));
  CHECK(warnings[2].starts_with("-0/--null "));
  CHECK(warnings[3].starts_with("-n/--limit "));
  CHECK(warnings[4].starts_with("--color always "));
  CHECK(warnings[5].starts_with("--all "));
  for (const auto& w : warnings) CHECK(w.find('\n') == std::string::npos);
}

TEST_CASE("the everyday script combinations yield no warning", "[output][options]") {
  GivenOptions export_all = In(OutputFormat::kJsonl);
  export_all.all = export_all.limit = true;
  CHECK(UnusedOptionWarnings(export_all).empty());
  GivenOptions csv = In(OutputFormat::kCsv);
  csv.all = csv.sort = csv.limit = csv.no_header = true;
  CHECK(UnusedOptionWarnings(csv).empty());
  GivenOptions xargs = In(OutputFormat::kPaths);
  xargs.null_separated = xargs.limit = xargs.offset = true;
  CHECK(UnusedOptionWarnings(xargs).empty());
  GivenOptions people = In(OutputFormat::kText);
  people.facets = people.facet = people.limit = people.offset = people.sort = people.color_always = true;
  CHECK(UnusedOptionWarnings(people).empty());
  GivenOptions batch_tsv = In(OutputFormat::kTsv, true);
  batch_tsv.no_header = batch_tsv.limit = true;
  CHECK(UnusedOptionWarnings(batch_tsv).empty());
}
