// The indexer under fire: SIGKILL at random points, Ctrl-C, and a second
// indexer on the same database. The database must always open, pass
// xapian-check, hold exactly what was committed, and the next run must
// finish the job.
#include <unistd.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "common/index_lock.h"
#include "common/index_state.h"
#include "e2e/test_index_support.h"

using namespace pressdex::test;

namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// xapian-check finds nothing wrong with the database (skipped without xapian-tools).
void CheckStructure(const std::string& db_path) {
  if (const std::string check = XapianCheckBinary(); !check.empty()) {
    const RunResult r = Run({check, db_path});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
  }
}

// The committed state is self-consistent: the per-file state recorded in the
// same commits accounts for exactly the documents present, and each document
// is found by searching its file's unique word.
void CheckCommittedState(const std::string& db_path, const std::map<std::string, std::string>& words) {
  if (!DatabaseExists(db_path)) return;  // killed before the first commit
  CheckStructure(db_path);
  const Xapian::Database db(db_path);
  const pressdex::StoredState stored = pressdex::LoadStoredState(db);
  std::size_t stated = 0;
  for (const pressdex::FileState& state : stored.files) stated += state.documents;
  REQUIRE(stated == db.get_doccount());

  Xapian::Enquire enquire(db);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const auto data = pressdex::schema::DecodeDocumentData(db.get_document(*it).get_data());
    REQUIRE(data.ok());
    REQUIRE(stored.files.count(data->path) == 1);
    const auto word = words.find(data->path);
    REQUIRE(word != words.end());
    enquire.set_query(Xapian::Query(word->second));
    const Xapian::MSet found = enquire.get_mset(0, 10);
    REQUIRE(found.size() == 1);
    REQUIRE(*found.begin() == *it);
  }
  // The search binary opens it too and sees the same number of releases.
  const RunResult count = Search({"--db", db_path, "--all", "--format", "count"});
  INFO(count.err);
  REQUIRE(std::stoul(count.out) == db.get_doccount());
}

}  // namespace

TEST_CASE("kill -9 at random points leaves a consistent database and the next run finishes", "[index][crash]") {
  if (XapianCheckBinary().empty()) WARN("xapian-check not on PATH (apt install xapian-tools): structure check skipped");
  TempDir dir;
  const std::string corpus = dir / "corpus";
  const std::string db = dir / "db";
  constexpr std::size_t kFiles = 1200;
  const auto words = MakeCorpus(corpus, kFiles);

  std::mt19937 rng(20240611);  // fixed seed: the same kill points every run
  std::size_t kills = 0;
  for (int round = 0; round < 6; ++round) {
    // Kill after reading a random number of the indexer's progress lines; the
    // child runs ahead of the reader, so the real point is later still.
    const std::size_t lines = std::uniform_int_distribution<std::size_t>(0, kFiles / 2)(rng);
    IndexerProcess indexer({"--db", db, "--batch-size", "40", "-v", corpus}, dir / "stderr");
    std::string line;
    std::size_t read = 0;
    bool finished = false;
    while (read < lines) {
      if (!indexer.ReadLine(line)) {
        finished = true;
        break;
      }
      ++read;
    }
    indexer.Signal(SIGKILL);
    const int status = indexer.Wait();
    if (!finished) {
      REQUIRE(status == 128 + SIGKILL);
      ++kills;
    }
    CheckCommittedState(db, words);
  }
  REQUIRE(kills >= 3);

  const RunResult last = Index({"--db", db, "--format", "json", corpus});
  INFO(last.err);
  REQUIRE(last.exit_code == 0);
  const auto summary = nlohmann::json::parse(last.out);
  REQUIRE(summary.at("releases_total") == kFiles);
  REQUIRE(summary.at("failed") == 0);
  CheckCommittedState(db, words);
  REQUIRE(Xapian::Database(db).get_doccount() == kFiles);

  // And a run after that has nothing left to do.
  const RunResult again = Index({"--db", db, "--format", "json", corpus});
  const auto quiet = nlohmann::json::parse(again.out);
  REQUIRE(quiet.at("unchanged") == kFiles);
  REQUIRE(quiet.at("releases_written") == 0);
}

TEST_CASE("SIGINT commits what is done and exits 130, the next run completes", "[index][crash]") {
  TempDir dir;
  const std::string corpus = dir / "corpus";
  const std::string db = dir / "db";
  constexpr std::size_t kFiles = 600;
  const auto words = MakeCorpus(corpus, kFiles);

  IndexerProcess indexer({"--db", db, "--batch-size", "20", "-v", corpus}, dir / "stderr");
  std::string line;
  while (indexer.ReadLine(line) && line.rfind("commit ", 0) != 0) {
  }
  REQUIRE(line.rfind("commit ", 0) == 0);
  // The child blocks on its full stdout pipe until we read on, so it cannot
  // have finished: the signal lands mid-run.
  indexer.Signal(SIGINT);
  indexer.Drain();
  REQUIRE(indexer.Wait() == 130);
  REQUIRE(ReadAll(dir / "stderr").find("Interrupted: what was done is committed") != std::string::npos);
  CheckCommittedState(db, words);
  const auto partial = Xapian::Database(db).get_doccount();
  REQUIRE(partial > 0);
  REQUIRE(partial < kFiles);

  const RunResult next = Index({"--db", db, "--format", "json", corpus});
  REQUIRE(next.exit_code == 0);
  const auto summary = nlohmann::json::parse(next.out);
  REQUIRE(summary.at("added") == kFiles - partial);
  REQUIRE(summary.at("unchanged") == partial);
  REQUIRE(summary.at("releases_total") == kFiles);
}

TEST_CASE("a second indexer on a locked database says who holds it, exits 3 and touches nothing", "[index][lock]") {
  TempDir dir;
  const std::string corpus = dir / "corpus";
  const std::string db = dir / "db";
  MakeCorpus(corpus, 5);
  // This test process plays the running indexer: same lock, same protocol.
  auto lock = pressdex::IndexLock::Acquire(db, false);
  REQUIRE(lock.ok());

  const RunResult second = Index({"--db", db, corpus});
  REQUIRE(second.exit_code == 3);
  REQUIRE(second.err.find("database is being updated by another indexer (pid " + std::to_string(getpid()) + ")") !=
          std::string::npos);
  REQUIRE_FALSE(DatabaseExists(db));

  SECTION("--wait waits for the lock, then indexes") {
    IndexerProcess waiting({"--db", db, "--wait", "--format", "json", corpus}, dir / "stderr");
    // Hold the lock until the child says it is waiting (it polls; no timing involved).
    for (int i = 0; i < 600 && ReadAll(dir / "stderr").find("waiting") == std::string::npos; ++i) usleep(100000);
    REQUIRE(ReadAll(dir / "stderr").find("waiting for it to finish") != std::string::npos);
    lock = pressdex::Status::Ok();  // release
    const std::string out = waiting.Drain();
    REQUIRE(waiting.Wait() == 0);
    REQUIRE(nlohmann::json::parse(out).at("added") == 5);
  }
  SECTION("Ctrl-C while waiting exits 130 without touching the database") {
    IndexerProcess waiting({"--db", db, "--wait", corpus}, dir / "stderr");
    for (int i = 0; i < 600 && ReadAll(dir / "stderr").find("waiting") == std::string::npos; ++i) usleep(100000);
    waiting.Signal(SIGINT);
    REQUIRE(waiting.Wait() == 130);
    REQUIRE_FALSE(DatabaseExists(db));
  }
}

TEST_CASE("a lock left by a killed indexer does not block the next run", "[index][lock]") {
  TempDir dir;
  const std::string db = dir / "db";
  MakeCorpus(dir / "corpus", 3);
  // A lock file naming a dead process, as kill -9 leaves it: flock died with it.
  WriteFile(pressdex::IndexLock::LockFilePath(db), "999999\n");
  const RunResult r = Index({"--db", db, dir / "corpus"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// Xapian commits by itself every XAPIAN_FLUSH_THRESHOLD changes (10,000 by
// default); inside a file that would make some of its releases durable
// without its state. Written in place, a file is one transaction: with the
// threshold at 10, a 30-record file still gives one commit.
TEST_CASE("a large JSON Lines file is never committed half-way by Xapian's own flush", "[index][crash]") {
  TempDir dir;
  std::string jsonl;
  for (int i = 0; i < 30; ++i) {
    jsonl += nlohmann::json{{"title", "Harbour notice " + std::to_string(i)},
                            {"body", "The harbour office issued notice number " + std::to_string(i) + " today."},
                            {"date", "2021-01-01"}}
                 .dump() +
             "\n";
  }
  WriteFile(dir / "feed.jsonl", jsonl);
  const RunResult r =
      Index({"--db", dir / "db", "--bulk", "never", "-q", dir / "feed.jsonl"}, {"XAPIAN_FLUSH_THRESHOLD=10"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  Xapian::Database db(dir / "db");
  CHECK(db.get_doccount() == 30);
  CHECK(db.get_revision() == 1);
}

// Written in place, a file of more than a batch of releases is committed on
// the way, its state marked incomplete: killed in the middle, the database
// still accounts for every document, and the next run indexes the file again.
TEST_CASE("kill -9 inside a large JSON Lines file written in place leaves a consistent database", "[index][crash]") {
  TempDir dir;
  constexpr int kRecords = 3000;
  // Long enough bodies that a part takes a while to build.
  std::string filler;
  for (int w = 0; w < 120; ++w) filler += " " + UniqueWord(100000 + w * 7);
  std::string jsonl;
  for (int i = 0; i < kRecords; ++i) {
    jsonl += nlohmann::json{{"title", "Harbour notice " + std::to_string(i)},
                            {"body", "The harbour office issued notice " + UniqueWord(i) + " today." + filler},
                            {"date", "2021-01-01"}}
                 .dump() +
             "\n";
  }
  WriteFile(dir / "c/feed.jsonl", jsonl);
  const std::string db = dir / "db";
  {
    // With batches of 10 the file is committed after each part of 256
    // releases, each commit reported on stdout ("commit N documents"). Killed
    // as soon as the second is read: the rest of the file (parts of tens of
    // milliseconds each) is still to come.
    IndexerProcess indexer({"--db", db, "--bulk", "never", "--batch-size", "10", "-v", dir / "c"}, dir / "stderr");
    std::string line;
    for (int read = 0; read < 2; ++read) REQUIRE(indexer.ReadLine(line));
    REQUIRE(line.rfind("commit ", 0) == 0);
    indexer.Signal(SIGKILL);
    REQUIRE(indexer.Wait() == 128 + SIGKILL);
  }
  {
    CheckStructure(db);
    const Xapian::Database killed(db);
    const pressdex::StoredState stored = pressdex::LoadStoredState(killed);
    REQUIRE(stored.files.size() == 1);
    const pressdex::FileState& state = *stored.files.begin();
    CHECK(state.content.empty());  // incomplete
    CHECK(state.documents == killed.get_doccount());
    CHECK(killed.get_doccount() > 0);
    CHECK(killed.get_doccount() < static_cast<Xapian::doccount>(kRecords));
  }
  const RunResult again = Index({"--db", db, "--format", "json", dir / "c"});
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(nlohmann::json::parse(again.out).at("updated") == 1);
  CHECK(Xapian::Database(db).get_doccount() == static_cast<Xapian::doccount>(kRecords));
  const RunResult last = Index({"--db", db, "--format", "json", dir / "c"});
  CHECK(nlohmann::json::parse(last.out).at("unchanged") == 1);
  // Removing the file removes every release of it.
  std::filesystem::remove(dir / "c/feed.jsonl");
  REQUIRE(Index({"--db", db, "-q", dir / "c"}).exit_code == 0);
  CHECK(Xapian::Database(db).get_doccount() == 0);
}
