#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "common/progress.h"
#include "common/shards.h"

using pressdex::FormatProgress;
using pressdex::ProgressSnapshot;

TEST_CASE("progress line: counts, percent, rate and time left", "[progress]") {
  const std::string line = FormatProgress(ProgressSnapshot{"", 1234, 19043, 2468, 2.0}, 0);
  CHECK(line == "1,234/19,043 files  6%  1,234 releases/s  ETA 0:29");
}

TEST_CASE("progress line: a bar when the terminal is wide enough, never wider", "[progress]") {
  const std::string line = FormatProgress(ProgressSnapshot{"", 50, 100, 50, 10.0}, 100);
  REQUIRE(line.front() == '[');
  CHECK(line.size() <= 100);
  const std::size_t filled = line.find(' ') - 1;
  const std::size_t bar = line.find(']') - 1;
  CHECK(filled * 2 == bar);
  CHECK(FormatProgress(ProgressSnapshot{"", 50, 100, 50, 10.0}, 20).front() != '[');
}

TEST_CASE("progress line: no rate before half a second and no ETA when done", "[progress]") {
  CHECK(FormatProgress(ProgressSnapshot{"", 0, 10, 0, 0.1}, 0) == "0/10 files  0%");
  CHECK(FormatProgress(ProgressSnapshot{"", 10, 10, 20, 4.0}, 0) == "10/10 files  100%  5 releases/s");
}

TEST_CASE("shard of a path: stable, in range, and spread", "[shards]") {
  std::set<std::size_t> used;
  for (int i = 0; i < 200; ++i) {
    const std::string path = "/news/2020/release-" + std::to_string(i) + ".txt";
    const std::size_t shard = pressdex::shards::ShardOf(path, 4);
    CHECK(shard < 4);
    CHECK(pressdex::shards::ShardOf(path, 4) == shard);
    used.insert(shard);
  }
  CHECK(used.size() == 4);
  CHECK(pressdex::shards::ShardOf("/any/path.txt", 1) == 0);
  // Fixed across builds and machines: FNV-1a of the path.
  CHECK(pressdex::shards::ShardOf("corpus/asean.txt", 1000) == pressdex::shards::ShardOf("corpus/asean.txt", 1000));
}

TEST_CASE("progress line: the phase comes first, and no rate while nothing is written", "[progress]") {
  CHECK(FormatProgress(ProgressSnapshot{"reading", 5, 10, 0, 2.0}, 0) == "reading 5/10 files  50%  ETA 0:02");
  CHECK(FormatProgress(ProgressSnapshot{"compacting", 3, 6, 0, 2.0, "tables"}, 0) ==
        "compacting 3/6 tables  50%  ETA 0:02");
}
