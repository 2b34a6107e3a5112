// Re-running the indexer: only new or changed files are read, files that
// are gone lose their releases, and the result is always the database a
// full rebuild would make.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "common/index_state.h"
#include "e2e/test_index_support.h"
#include "tests/in_folder.h"

using namespace pressdex::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json IndexJson(std::vector<std::string> args) {
  args.insert(args.begin(), {"--format", "json"});
  const RunResult r = Index(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

std::size_t Count(const std::string& db, const std::string& query) {
  const RunResult r = Search({"--db", db, "--format", "count", query});
  INFO(query << ": " << r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return std::stoul(r.out);
}

// The incremental database must equal a fresh --rebuild of the same files.
void RequireSameAsRebuild(const TempDir& dir, const std::string& db, const std::vector<std::string>& roots) {
  std::vector<std::string> args{"--db", dir / "rebuilt", "--rebuild", "-q"};
  args.insert(args.end(), roots.begin(), roots.end());
  REQUIRE(Index(args).exit_code == 0);
  const auto incremental = DocumentsFingerprint(db, /*with_clusters=*/false);
  const auto rebuilt = DocumentsFingerprint(dir / "rebuilt", /*with_clusters=*/false);
  REQUIRE(incremental.size() == rebuilt.size());
  for (const auto& [id, doc] : rebuilt) {
    INFO(id);
    REQUIRE(incremental.count(id) == 1);
    REQUIRE(incremental.at(id) == doc);
  }
}

void SetMtime(const std::string& path, fs::file_time_type t) { fs::last_write_time(path, t); }

}  // namespace

TEST_CASE("an unchanged corpus is left untouched, changes, additions and removals are applied",
          "[index][incremental]") {
  TempDir dir;
  const std::string c = dir / "c";
  const std::string db = dir / "db";
  MakeCorpus(c, 30, 10);
  WriteFile(c + "/feed.jsonl", "{\"title\":\"A\",\"body\":\"jsonfirst\"}\n{\"title\":\"B\",\"body\":\"jsonsecond\"}\n");

  auto s = IndexJson({"--db", db, c});
  CHECK(s.at("added") == 31);
  CHECK(s.at("releases_total") == 32);

  s = IndexJson({"--db", db, c});
  CHECK(s.at("unchanged") == 31);
  CHECK(s.at("added") == 0);
  CHECK(s.at("updated") == 0);
  CHECK(s.at("releases_written") == 0);
  CHECK(s.at("commits") == 0);

  SECTION("a touched file (new time, same bytes) is confirmed unchanged by its hash") {
    const std::string f = c + "/folder0/release-1.txt";
    SetMtime(f, fs::last_write_time(f) + std::chrono::hours(1));
    s = IndexJson({"--db", db, c});
    CHECK(s.at("unchanged") == 31);
    CHECK(s.at("releases_written") == 0);
    // ...and its new time is remembered, so the next run need not hash it.
    s = IndexJson({"--db", db, c});
    CHECK(s.at("commits") == 0);
  }
  SECTION("same size, new bytes, new time: updated") {
    const std::string f = c + "/folder0/release-1.txt";
    const auto before = fs::last_write_time(f);
    const auto size = fs::file_size(f);
    const std::string head = "Ministry statement number X\n\nJAKARTA - sizeword ";
    WriteFile(f, head + std::string(size - head.size() - 1, 'y') + "\n");
    REQUIRE(fs::file_size(f) == size);
    SetMtime(f, before + std::chrono::seconds(5));
    s = IndexJson({"--db", db, c});
    CHECK(s.at("updated") == 1);
    CHECK(Count(db, "sizeword") == 1);
    CHECK(Count(db, UniqueWord(1)) == 0);
    RequireSameAsRebuild(dir, db, {c});
  }
  SECTION("added, changed and deleted files, a deleted folder and a shrunk JSONL file") {
    WriteFile(c + "/folder0/new.txt", "New release\n\nnewword arrives.\n");
    WriteFile(c + "/folder1/release-11.txt", "Changed release\n\nchangedword is longer than before, by far.\n");
    fs::remove(c + "/folder1/release-12.txt");
    fs::remove_all(c + "/folder2");
    WriteFile(c + "/feed.jsonl", "{\"title\":\"A\",\"body\":\"jsonfirst\"}\n");
    const RunResult dry = Index({"--db", db, "--dry-run", c});
    CHECK(dry.exit_code == 0);
    CHECK_THAT(dry.out, Catch::Contains("add " + c + "/folder0/new.txt"));
    CHECK_THAT(dry.out, Catch::Contains("update " + c + "/folder1/release-11.txt"));
    CHECK_THAT(dry.out, Catch::Contains("update " + c + "/feed.jsonl"));
    CHECK_THAT(dry.out, Catch::Contains("remove " + c + "/folder1/release-12.txt"));
    CHECK_THAT(dry.out, Catch::Contains("remove " + c + "/folder2/release-25.txt"));
    CHECK(Count(db, "newword") == 0);  // a dry run writes nothing
    CHECK(Xapian::Database(db).get_doccount() == 32);

    s = IndexJson({"--db", db, c});
    CHECK(s.at("added") == 1);
    CHECK(s.at("updated") == 2);
    CHECK(s.at("removed") == 11);
    CHECK(s.at("releases_total") == 32 + 1 - 11 - 1);
    CHECK(Count(db, "newword") == 1);
    CHECK(Count(db, "changedword") == 1);
    CHECK(Count(db, UniqueWord(12)) == 0);
    CHECK(Count(db, UniqueWord(25)) == 0);
    CHECK(Count(db, "jsonsecond") == 0);
    CHECK(Count(db, "jsonfirst") == 1);
    RequireSameAsRebuild(dir, db, {c});
  }
  SECTION("--rebuild starts from empty") {
    fs::remove_all(c + "/folder2");
    s = IndexJson({"--db", db, "--rebuild", c});
    CHECK(s.at("added") == 21);
    CHECK(s.at("unchanged") == 0);
    CHECK(s.at("releases_total") == 22);
  }
  SECTION("changed analysis settings re-index every file") {
    s = IndexJson({"--db", db, "--date-order", "mdy", c});
    CHECK(s.at("updated") == 31);
    s = IndexJson({"--db", db, "--date-order", "mdy", c});
    CHECK(s.at("unchanged") == 31);
  }
}

TEST_CASE("indexing one root never removes what came from another", "[index][incremental]") {
  TempDir dir;
  MakeCorpus(dir / "a", 3);
  WriteFile(dir / "b/one.txt", "B release\n\nbword here.\n");
  IndexJson({"--db", dir / "db", dir / "a"});
  auto s = IndexJson({"--db", dir / "db", dir / "b"});
  CHECK(s.at("added") == 1);
  CHECK(s.at("removed") == 0);
  CHECK(s.at("releases_total") == 4);
  // A single file given as a root is its own scope.
  fs::remove(dir / "b/one.txt");
  WriteFile(dir / "b/two.txt", "Two\n\ntwoword\n");
  s = IndexJson({"--db", dir / "db", dir / "b/two.txt"});
  CHECK(s.at("removed") == 0);
  s = IndexJson({"--db", dir / "db", dir / "b"});
  CHECK(s.at("removed") == 1);
  CHECK(s.at("releases_total") == 4);
}

TEST_CASE("when a folder's learned boilerplate changes, its other files are re-indexed", "[index][incremental]") {
  TempDir dir;
  const std::string c = dir / "site";
  const std::string chrome = "Share this page on Facebook and Twitter\nSubscribe to our newsletter\n";
  for (int i = 0; i < 3; ++i)
    WriteFile(c + "/r" + std::to_string(i) + ".txt",
              "Release " + std::to_string(i) + "\n\n" + chrome + "The ministry said " + UniqueWord(i) + " today.\n");
  auto s = IndexJson({"--db", dir / "db", c});
  REQUIRE(s.at("added") == 3);
  // Three files share the lines: they are chrome, not news.
  CHECK(Count(dir / "db", "newsletter") == 0);

  fs::remove(c + "/r2.txt");
  s = IndexJson({"--db", dir / "db", c});
  CHECK(s.at("removed") == 1);
  // Two files no longer make boilerplate: the untouched two must be redone.
  CHECK(s.at("updated") == 2);
  CHECK(Count(dir / "db", "newsletter") == 2);
  RequireSameAsRebuild(dir, dir / "db", {c});

  WriteFile(c + "/r2.txt", "Release 2\n\n" + chrome + "Back again.\n");
  s = IndexJson({"--db", dir / "db", c});
  CHECK(s.at("added") == 1);
  CHECK(s.at("updated") == 2);
  CHECK(Count(dir / "db", "newsletter") == 0);
  RequireSameAsRebuild(dir, dir / "db", {c});
}

TEST_CASE("option --format json and --dry-run on a new database", "[index][incremental]") {
  TempDir dir;
  MakeCorpus(dir / "c", 4);
  const RunResult r = Index({"--db", dir / "db", "--dry-run", "--format", "json", dir / "c"});
  REQUIRE(r.exit_code == 0);
  const json s = json::parse(r.out);
  CHECK(s.at("dry_run") == true);
  CHECK(s.at("added") == 4);
  CHECK(s.at("add").size() == 4);
  CHECK(s.at("releases_total") == 0);
  CHECK_FALSE(DatabaseExists(dir / "db"));
  for (const char* key : {"added", "updated", "removed", "unchanged", "failed"}) CHECK(s.contains(key));
}

TEST_CASE("an acronym defined in a new file updates older releases that use it, and removing it undoes that",
          "[index][incremental][orgs]") {
  TempDir dir;
  const std::string older = dir / "older";
  const std::string newer = dir / "newer";
  WriteFile(older + "/uses.txt",
            "Fish prices\n\nJAKARTA, 3 March 2021 - Officials of the ZFA met fish farmers on Monday to discuss "
            "prices.\n");
  WriteFile(older + "/other.txt", "Rice prices\n\nJAKARTA, 4 March 2021 - Rice farmers met traders on Monday.\n");
  auto s = IndexJson({"--db", dir / "db", older});
  REQUIRE(s.at("added") == 2);
  CHECK(Count(dir / "db", "org:ZFA") == 0);  // nobody has said what ZFA is

  WriteFile(newer + "/defines.txt",
            "New agency\n\nJAKARTA, 5 March 2021 - The Zentaro Fisheries Agency (ZFA) opened an office in "
            "Jakarta.\n");
  s = IndexJson({"--db", dir / "db", older, newer});
  CHECK(s.at("added") == 1);
  CHECK(s.at("updated") == 1);  // uses.txt, not other.txt
  CHECK(s.at("unchanged") == 1);
  CHECK(Count(dir / "db", "org:ZFA") == 2);
  CHECK(Count(dir / "db", "org:\"Zentaro Fisheries Agency\"") == 2);
  RequireSameAsRebuild(dir, dir / "db", {older, newer});

  fs::remove(newer + "/defines.txt");
  s = IndexJson({"--db", dir / "db", older, newer});
  CHECK(s.at("removed") == 1);
  CHECK(s.at("updated") == 1);
  CHECK(Count(dir / "db", "org:ZFA") == 0);
  RequireSameAsRebuild(dir, dir / "db", {older, newer});
}

TEST_CASE("a file is one release whichever folder the indexer ran from", "[index][incremental]") {
  TempDir dir;
  const std::string file = dir / "docs/a.txt";
  WriteFile(file, "Relief reaches the valley\n\nJAKARTA, 4 March 2021 - Teams delivered qqvalleyqq kits today.\n");
  {
    InFolder here(dir.path());
    CHECK(IndexJson({"--db", "db", "docs"}).at("added") == 1);
  }
  {
    InFolder below(dir / "docs");
    const auto again = IndexJson({"--db", "../db", "."});
    CHECK(again.at("added") == 0);
    CHECK(again.at("unchanged") == 1);
  }
  CHECK(IndexJson({"--db", dir / "db", dir / "docs"}).at("unchanged") == 1);
  CHECK(Count(dir / "db", "qqvalleyqq") == 1);
  // Paths come out whole: a script may use them from anywhere.
  CHECK(Search({"--db", dir / "db", "--format", "paths", "qqvalleyqq"}).out == file + "\n");
}

TEST_CASE("files an older indexer stored under relative paths are converted from their folder",
          "[index][incremental]") {
  TempDir dir;
  WriteFile(dir / "docs/a.txt", "Relief reaches the valley\n\nJAKARTA, 4 March 2021 - Teams delivered kits today.\n");
  fs::create_directories(dir / "elsewhere");
  REQUIRE(IndexJson({"--db", dir / "db", dir / "docs"}).at("added") == 1);
  {
    // What an older indexer run from `dir` as `pressdex-index --db db docs` left
    // for a file since deleted.
    Xapian::WritableDatabase db(dir / "db", Xapian::DB_OPEN);
    pressdex::FileState old;
    old.path = "docs/gone.txt";
    old.folder = "docs";
    old.size = 10;
    db.set_metadata(pressdex::FileStateKey(old.path), pressdex::EncodeFileState(old));
    db.commit();
  }
  {
    InFolder elsewhere(dir / "elsewhere");  // "docs/gone.txt" means nothing here: named, kept
    const RunResult r = Index({"--db", dir / "db", dir / "docs"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("1 file(s) were indexed by an older pressdex-index") != std::string::npos);
    CHECK(r.err.find("docs/gone.txt") != std::string::npos);
  }
  {
    InFolder here(dir.path());  // read against its folder, it is in scope and gone
    const RunResult r = Index({"--db", "db", "--format", "json", "docs"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("older pressdex-index") == std::string::npos);
    CHECK(json::parse(r.out).at("removed") == 1);
  }
}

TEST_CASE("a folder reached through a symbolic link keeps the path the shell shows, for --like too",
          "[index][incremental]") {
  TempDir dir;
  const std::string body = "\n\nJAKARTA, 4 March 2021 - Relief teams delivered water kits and tents to the valley.\n";
  WriteFile(dir / "real/docs/a.txt", "Relief reaches the valley" + body);
  WriteFile(dir / "real/docs/b.txt", "More relief for the valley" + body);
  fs::create_directory_symlink(dir / "real", dir / "link");
  InFolder link(dir / "link");  // getcwd() says .../real; the shell's $PWD says .../link
  const std::vector<std::string> shell{"PWD=" + dir / "link"};
  REQUIRE(Index({"--db", "db", "-q", "docs"}, shell).exit_code == 0);
  CHECK(Search({"--db", "db", "--format", "paths", "tents"}, "", shell).out ==
        dir / "link/docs/a.txt\n" + dir / "link/docs/b.txt\n");
  const RunResult like = Search({"--db", "db", "--like", "docs/a.txt", "--format", "paths"}, "", shell);
  INFO(like.err);
  CHECK(like.exit_code == 0);
  CHECK(like.out == dir / "link/docs/b.txt\n");
}
