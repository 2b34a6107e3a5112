// Bulk builds (temporary databases compacted into place) and sharded
// databases change where and how documents are written, never what: the same
// files give the same documents, in the same order, and the same search
// results as one database written in place.
#include <xapian.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/facet_record.h"
#include "common/schema.h"
#include "common/shards.h"
#include "e2e/harness.h"
#include "e2e/test_index_support.h"

using namespace pressdex::test;
namespace fs = std::filesystem;

namespace {

// Every document of a database (or of a sharded folder), docid first, with
// its terms, positions, values and data.
std::vector<std::string> Dump(const Xapian::Database& db) {
  std::vector<std::string> out;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    std::string all = "docid " + std::to_string(*it) + "\n";
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      all += *t + ":" + std::to_string(t.get_wdf()) + "@";
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) all += std::to_string(*p) + ",";
      all += '\n';
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
      all += "v" + std::to_string(v.get_valueno()) + "=" + *v + "\n";
    out.push_back(all + doc.get_data());
  }
  return out;
}

std::vector<std::string> Dump(const std::string& path) { return Dump(Xapian::Database(path)); }

std::string RankedIds(const std::string& db, const std::vector<std::string>& query) {
  std::vector<std::string> args{"--db", db, "--any", "--format", "tsv", "--fields", "id,score", "-n", "0"};
  args.insert(args.end(), query.begin(), query.end());
  const RunResult r = Search(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// Every facet of the whole collection, all values: what the facet records
// (one database) and the facet slots (shards) must agree on.
nlohmann::json AllFacets(const std::string& db) {
  std::vector<std::string> args{"--db", db, "--all", "--format", "json", "-n", "0"};
  for (const char* facet : {"org:0", "issuer:0", "topic:0", "lang:0", "place:0", "source:0", "date:day"})
    args.insert(args.end(), {"--facet", facet});
  const RunResult r = Search(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out).at("facets");
}

bool HasRecords(const std::string& db) { return pressdex::HasFacetRecords(Xapian::Database(db)); }

nlohmann::json IndexJson(std::vector<std::string> args) {
  args.insert(args.begin(), {"--format", "json"});
  const RunResult r = Index(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("a bulk build holds the same documents in the same order as one written in place", "[e2e][index][bulk]") {
  TempDir dir;
  const RunResult direct = Index({"--db", dir / "direct", "-q", "-j", "1", "--bulk", "never", CorpusDir()});
  const RunResult bulk = Index({"--db", dir / "bulk", "-q", "-j", "3", "--bulk", "always", CorpusDir()});
  REQUIRE(direct.exit_code == 0);
  REQUIRE(bulk.exit_code == 0);
  const auto a = Dump(dir / "direct");
  const auto b = Dump(dir / "bulk");
  REQUIRE(a.size() > 30);
  CHECK(a == b);
  const std::vector<std::string> query{"asean", "health", "vaccine", "trade"};
  CHECK(RankedIds(dir / "direct", query) == RankedIds(dir / "bulk", query));
  // No scratch folder is left beside it.
  for (const auto& entry : fs::directory_iterator(dir.path()))
    CHECK(entry.path().filename().string().find("pressdex-scratch") == std::string::npos);
  // And an incremental run on it finds nothing to do.
  const auto again = IndexJson({"--db", dir / "bulk", CorpusDir()});
  CHECK(again.at("added") == 0);
  CHECK(again.at("updated") == 0);
  CHECK(again.at("releases_written") == 0);
}

TEST_CASE("a bulk rebuild replaces the old database as a whole", "[e2e][index][bulk]") {
  TempDir dir;
  const std::string db = dir / "db";
  WriteFile(dir / "one/only.txt", "Only release\n\nJAKARTA, 3 March 2021 - A lonely zyxwordq release.\n");
  REQUIRE(Index({"--db", db, "-q", dir / "one"}).exit_code == 0);
  const auto summary = IndexJson({"--db", db, "--rebuild", "--bulk", "always", CorpusDir()});
  CHECK(summary.at("releases_total").get<std::size_t>() > 30);
  CHECK(Search({"--db", db, "zyxwordq"}).exit_code == 1);  // the old release is gone with the old database
  CHECK(Search({"--db", db, "asean"}).exit_code == 0);
}

TEST_CASE("kill -9 during a bulk build leaves the old database as it was", "[e2e][index][bulk][crash]") {
  TempDir dir;
  const std::string db = dir / "db";
  const std::string corpus = dir / "corpus";
  WriteFile(dir / "one/only.txt", "Only release\n\nJAKARTA, 3 March 2021 - A lonely zyxwordq release.\n");
  REQUIRE(Index({"--db", db, "-q", dir / "one"}).exit_code == 0);
  MakeCorpus(corpus, 600);
  {
    IndexerProcess indexer({"--db", db, "--rebuild", "--bulk", "always", "-v", corpus}, dir / "stderr");
    std::string line;
    for (int i = 0; i < 300 && indexer.ReadLine(line); ++i) {
    }
    indexer.Signal(SIGKILL);
    REQUIRE(indexer.Wait() == 128 + SIGKILL);
  }
  CHECK(Xapian::Database(db).get_doccount() == 1);
  CHECK(Search({"--db", db, "zyxwordq"}).exit_code == 0);
  if (const std::string check = XapianCheckBinary(); !check.empty()) CHECK(Run({check, db}).exit_code == 0);
  // The next run clears the dead run's scratch folder and does the job.
  const auto summary = IndexJson({"--db", db, "--rebuild", "--bulk", "always", corpus});
  CHECK(summary.at("releases_total") == 600);
  for (const auto& entry : fs::directory_iterator(dir.path()))
    CHECK(entry.path().filename().string().find("pressdex-scratch") == std::string::npos);
}

TEST_CASE("SIGINT during a bulk build installs the files done and the next run completes",
          "[e2e][index][bulk][crash]") {
  TempDir dir;
  const std::string db = dir / "db";
  const std::string corpus = dir / "corpus";
  MakeCorpus(corpus, 3000);
  IndexerProcess indexer({"--db", db, "--bulk", "always", "-v", corpus}, dir / "stderr");
  std::string line;
  for (int i = 0; i < 1500 && indexer.ReadLine(line); ++i) {
  }
  indexer.Signal(SIGINT);
  indexer.Drain();
  REQUIRE(indexer.Wait() == 130);
  const Xapian::Database partial(db);
  CHECK(partial.get_doccount() < 3000);
  const auto summary = IndexJson({"--db", db, corpus});
  CHECK(summary.at("added").get<std::size_t>() + partial.get_doccount() == 3000);
  CHECK(summary.at("releases_total") == 3000);
}

TEST_CASE("shards N writes N shards and a stub and searches equal one database", "[e2e][index][shards]") {
  TempDir dir;
  const std::string single = dir / "single";
  const std::string sharded = dir / "sharded";
  const std::string bulk = dir / "bulk";
  REQUIRE(Index({"--db", single, "-q", CorpusDir()}).exit_code == 0);
  REQUIRE(Index({"--db", sharded, "-q", "--shards", "3", "--bulk", "never", CorpusDir()}).exit_code == 0);
  REQUIRE(Index({"--db", bulk, "-q", "--shards", "3", "--bulk", "always", CorpusDir()}).exit_code == 0);
  auto paths = pressdex::shards::ShardPaths(sharded);
  REQUIRE(paths.ok());
  REQUIRE(paths->size() == 3);
  std::size_t total = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    const Xapian::Database shard((*paths)[i]);
    CHECK(shard.get_doccount() > 0);  // 36 files spread over 3 shards
    total += shard.get_doccount();
    // Every document sits in the shard its file's path hashes to.
    for (auto it = shard.postlist_begin(""); it != shard.postlist_end(""); ++it) {
      const auto data = pressdex::schema::DecodeDocumentData(shard.get_document(*it).get_data());
      REQUIRE(data.ok());
      CHECK(pressdex::shards::ShardOf(data->path, 3) == i);
    }
    // The bulk build wrote the same shard.
    CHECK(Dump((*paths)[i]) == Dump((fs::path(bulk) / pressdex::shards::ShardName(i)).string()));
  }
  CHECK(total == Xapian::Database(single).get_doccount());
  const std::vector<std::string> query{"asean", "health", "vaccine", "trade"};
  CHECK(RankedIds(single, query) == RankedIds(sharded, query));
  CHECK(RankedIds(single, query) == RankedIds(bulk, query));
  // One database counts facets from its records, shards from the slots.
  CHECK(HasRecords(single));
  const auto facets = AllFacets(single);
  CHECK(facets.at("org").at("values").size() > 20);
  CHECK(facets == AllFacets(sharded));
  CHECK(facets == AllFacets(bulk));
}

TEST_CASE("a sharded database updates a changed file in its own shard", "[e2e][index][shards]") {
  TempDir dir;
  const std::string db = dir / "db";
  const std::string corpus = dir / "corpus";
  const auto words = MakeCorpus(corpus, 40, 10);
  REQUIRE(Index({"--db", db, "-q", "--shards", "2", corpus}).exit_code == 0);
  const std::string changed = words.begin()->first;
  WriteFile(changed, "Changed release\n\nJAKARTA, 4 March 2021 - The ministry said qqnewwordqq today.\n");
  const auto summary = IndexJson({"--db", db, corpus});  // the layout is kept without --shards
  CHECK(summary.at("updated") == 1);
  CHECK(summary.at("unchanged") == 39);
  CHECK(summary.at("releases_total") == 40);
  CHECK(Search({"--db", db, "qqnewwordqq", "--format", "paths"}).out == changed + "\n");
  CHECK(Search({"--db", db, words.begin()->second}).exit_code == 1);
  fs::remove(std::next(words.begin())->first);
  const auto removed = IndexJson({"--db", db, corpus});
  CHECK(removed.at("removed") == 1);
  CHECK(removed.at("releases_total") == 39);
}

TEST_CASE("changing the number of shards needs --rebuild and shards 1 goes back to one database",
          "[e2e][index][shards]") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(Index({"--db", db, "-q", CorpusDir()}).exit_code == 0);
  const RunResult refused = Index({"--db", db, "--shards", "2", CorpusDir()});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("--rebuild") != std::string::npos);
  const std::size_t count = Xapian::Database(db).get_doccount();
  REQUIRE(Index({"--db", db, "-q", "--rebuild", "--shards", "2", CorpusDir()}).exit_code == 0);
  CHECK(fs::exists(db + "/XAPIANDB"));
  CHECK(fs::exists(db + "/shard1/iamglass"));
  CHECK(Xapian::Database(db).get_doccount() == count);  // Xapian opens the folder through its stub
  REQUIRE(Index({"--db", db, "-q", "--rebuild", "--shards", "1", CorpusDir()}).exit_code == 0);
  CHECK(!fs::exists(db + "/XAPIANDB"));
  CHECK(fs::exists(db + "/iamglass"));
  CHECK(Xapian::Database(db).get_doccount() == count);
}

TEST_CASE("compact merges shards into one database and splits it again with the same results",
          "[e2e][index][compact]") {
  TempDir dir;
  const std::string single = dir / "single";
  const std::string db = dir / "db";
  REQUIRE(Index({"--db", single, "-q", CorpusDir()}).exit_code == 0);
  REQUIRE(Index({"--db", db, "-q", "--shards", "3", CorpusDir()}).exit_code == 0);
  const std::vector<std::string> query{"asean", "health", "vaccine", "trade"};
  const std::string expected = RankedIds(single, query);

  const auto facets = AllFacets(single);

  const auto merged = IndexJson({"--db", db, "--compact"});
  CHECK(merged.at("compact").at("shards_before") == 3);
  CHECK(merged.at("compact").at("shards_after") == 1);
  CHECK(fs::exists(db + "/iamglass"));
  CHECK(!fs::exists(db + "/XAPIANDB"));
  CHECK(RankedIds(db, query) == expected);
  // The shards numbered their facet names each on its own: renumbered in the merge.
  CHECK(HasRecords(db));
  CHECK(AllFacets(db) == facets);

  const auto split = IndexJson({"--db", db, "--compact", "--shards", "2"});
  CHECK(split.at("compact").at("shards_after") == 2);
  CHECK(fs::exists(db + "/XAPIANDB"));
  CHECK(RankedIds(db, query) == expected);
  auto paths = pressdex::shards::ShardPaths(db);
  REQUIRE(paths.ok());
  for (std::size_t i = 0; i < paths->size(); ++i) {
    const Xapian::Database shard((*paths)[i]);
    for (auto it = shard.postlist_begin(""); it != shard.postlist_end(""); ++it) {
      const auto data = pressdex::schema::DecodeDocumentData(shard.get_document(*it).get_data());
      REQUIRE(data.ok());
      CHECK(pressdex::shards::ShardOf(data->path, 2) == i);
    }
  }
  // The files' states travelled with their documents: nothing to redo.
  const auto again = IndexJson({"--db", db, CorpusDir()});
  CHECK(again.at("added") == 0);
  CHECK(again.at("updated") == 0);
  CHECK(again.at("releases_total") == Xapian::Database(single).get_doccount());
  CHECK(AllFacets(db) == facets);

  // Shards split straight into another number of shards keep every shard's
  // file states (not the first shard's alone), and merge back to records
  // that count as before.
  REQUIRE(Index({"--db", db, "-q", "--rebuild", "--shards", "3", "--bulk", "never", CorpusDir()}).exit_code == 0);
  const auto resplit = IndexJson({"--db", db, "--compact", "--shards", "2"});
  CHECK(resplit.at("compact").at("shards_before") == 3);
  const auto still = IndexJson({"--db", db, CorpusDir()});
  CHECK(still.at("added") == 0);
  CHECK(still.at("updated") == 0);
  REQUIRE(IndexJson({"--db", db, "--compact"}).at("compact").at("shards_after") == 1);
  CHECK(HasRecords(db));
  CHECK(AllFacets(db) == facets);
}

TEST_CASE("compact without a database is a database error", "[e2e][index][compact]") {
  TempDir dir;
  const RunResult r = Index({"--db", dir / "none", "--compact"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("no database") != std::string::npos);
  CHECK(Index({"--db", dir / "none"}).exit_code == 2);  // neither PATH nor --compact
}

TEST_CASE("progress goes to stderr as plain lines when asked and not a terminal", "[e2e][index][progress]") {
  TempDir dir;
  const RunResult shown = Index({"--db", dir / "a", "--progress", CorpusDir()});
  REQUIRE(shown.exit_code == 0);
  CHECK(shown.out.empty());
  CHECK(shown.err.find("progress: ") != std::string::npos);
  CHECK(shown.err.find("\r") == std::string::npos);
  const RunResult plain = Index({"--db", dir / "b", CorpusDir()});
  CHECK(plain.err.find("progress: ") == std::string::npos);
  const RunResult quiet = Index({"--db", dir / "c", "-q", "--progress", CorpusDir()});
  CHECK(quiet.err.empty());
  // A bulk build says when it compacts (a 1M build spends minutes there).
  const RunResult bulk = Index({"--db", dir / "d", "--bulk", "always", "--progress", CorpusDir()});
  REQUIRE(bulk.exit_code == 0);
  CHECK(bulk.err.find("progress: compacting 6/6 tables  100%") != std::string::npos);
  CHECK(shown.err.find("compacting") == std::string::npos);  // in place: nothing to compact
}

namespace {

// A JSON Lines file of `records` releases, each with its own word and a shared one.
std::string Feed(std::size_t records, const std::string& edition) {
  std::string jsonl;
  for (std::size_t i = 0; i < records; ++i) {
    jsonl += nlohmann::json{{"title", "Ministry notice " + std::to_string(i) + " " + edition},
                            {"body", "JAKARTA - The ministry said " + UniqueWord(i) +
                                         " was agreed with partners on feedword cooperation, " + edition + "."},
                            {"date", "2022-03-0" + std::to_string(1 + i % 9)}}
                 .dump() +
             "\n";
  }
  return jsonl;
}

std::size_t Matches(const std::string& db, const std::string& word) {
  const RunResult r = Search({"--db", db, "--format", "count", word});
  INFO(r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return std::stoul(r.out);
}

}  // namespace

// Files of more than kRecordsPerPart releases (common/index_pipeline.h) are
// built and written in parts, so they are never all in memory as documents;
// in bulk, batches are handed over inside such a file. The result must be
// the file's releases and state, whole, as before.
TEST_CASE("a JSON Lines file of many releases is written in parts, the same in place and in bulk",
          "[e2e][index][bulk]") {
  TempDir dir;
  constexpr std::size_t kRecords = 700;  // three parts of 256
  WriteFile(dir / "c/feed.jsonl", Feed(kRecords, "first edition"));
  // In place with batches of 100: the file is committed after each part.
  REQUIRE(
      Index({"--db", dir / "direct", "-q", "-j", "2", "--bulk", "never", "--batch-size", "100", dir / "c"}).exit_code ==
      0);
  CHECK(Xapian::Database(dir / "direct").get_revision() >= 3);
  // Batches of 100: seven batches are handed over inside the file.
  REQUIRE(
      Index({"--db", dir / "bulk", "-q", "-j", "3", "--bulk", "always", "--batch-size", "100", dir / "c"}).exit_code ==
      0);
  const auto direct = Dump(dir / "direct");
  CHECK(direct.size() == kRecords);
  CHECK(direct == Dump(dir / "bulk"));
  CHECK(Matches(dir / "direct", "feedword") == kRecords);
  CHECK(Matches(dir / "bulk", UniqueWord(kRecords - 1)) == 1);
  const auto again = IndexJson({"--db", dir / "bulk", dir / "c"});
  CHECK(again.at("unchanged") == 1);
  CHECK(again.at("releases_written") == 0);

  // A shorter new edition written in place over the old: the parts replace
  // what they hold, the rest of the old releases go.
  WriteFile(dir / "c/feed.jsonl", Feed(300, "second edition"));
  const auto update = IndexJson({"--db", dir / "direct", "--bulk", "never", dir / "c"});
  CHECK(update.at("updated") == 1);
  CHECK(update.at("releases_removed") == kRecords - 300);
  REQUIRE(Index({"--db", dir / "fresh", "-q", dir / "c"}).exit_code == 0);
  // (Not document by document: an updated release may keep the
  // near-duplicate cluster of its earlier version.)
  CHECK(RankedIds(dir / "direct", {"feedword", "second"}) == RankedIds(dir / "fresh", {"feedword", "second"}));
  CHECK(Matches(dir / "direct", "feedword") == 300);
  CHECK(Matches(dir / "direct", "first") == 0);
  CHECK(Matches(dir / "direct", UniqueWord(299)) == 1);
  CHECK(Matches(dir / "direct", UniqueWord(400)) == 0);
}

TEST_CASE("facets after in-place changes equal those of a fresh build of the same files", "[e2e][index][facets]") {
  TempDir dir;
  const std::string corpus = dir / "corpus";
  fs::copy(CorpusDir(), corpus, fs::copy_options::recursive);
  const std::string db = dir / "db";
  REQUIRE(Index({"--db", db, "-q", corpus}).exit_code == 0);
  // A new organisation in a changed file, a file gone, a new file: the
  // in-place run numbers the new names after the stored ones.
  const std::string changed = corpus + "/health/adb-asean-regional-vaccine-stockpile-2021.txt";
  REQUIRE(fs::exists(changed));
  WriteFile(changed,
            "Regional stockpile agreed\n\nMANILA, 3 March 2021 - The Zyxland Vaccine Authority and the "
            "Asian Development Bank agreed a regional vaccine stockpile.\n");
  fs::remove(corpus + "/health/asean-dengue-day-philippines-4s-campaign-2023.txt");
  WriteFile(corpus + "/health/new-release.txt",
            "A new release\n\nJAKARTA, 5 May 2024 - The Qwerty Harbour "
            "Authority met the ASEAN Secretariat on port health.\n");
  const auto update = IndexJson({"--db", db, corpus});
  CHECK(update.at("updated") >= 1);  // the folder's others too when its learned boilerplate moves
  CHECK(update.at("added") == 1);
  CHECK(update.at("removed") == 1);
  const std::string fresh = dir / "fresh";
  REQUIRE(Index({"--db", fresh, "-q", corpus}).exit_code == 0);
  CHECK(HasRecords(db));
  const auto facets = AllFacets(db);
  CHECK(facets == AllFacets(fresh));
  CHECK(facets.dump().find("Zyxland Vaccine Authority") != std::string::npos);
  CHECK(facets.dump().find("Qwerty Harbour Authority") != std::string::npos);
}
