// -j only changes how fast: the same files give the same documents, terms,
// positions, values and data whatever the number of threads.
#include <xapian.h>
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "common/schema.h"
#include "e2e/harness.h"

using namespace pressdex::test;

namespace {

// Everything a document holds, keyed by its id term, independent of docids.
std::map<std::string, std::string> Dump(const std::string& path) {
  Xapian::Database db(path);
  std::map<std::string, std::string> out;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    std::string id, all;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      const std::string term = *t;
      if (term.rfind(pressdex::schema::kIdPrefix, 0) == 0) id = term;
      all += term + ":" + std::to_string(t.get_wdf()) + "@";
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) all += std::to_string(*p) + ",";
      all += '\n';
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
      all += "v" + std::to_string(v.get_valueno()) + "=" + *v + "\n";
    all += doc.get_data();
    out[id] = all;
  }
  return out;
}

}  // namespace

TEST_CASE("indexing with -j1 and -j3 builds the same database from corpus/", "[e2e][index][jobs]") {
  TempDir dir;
  const RunResult one = Index({"--db", dir / "j1", "-q", "-j", "1", CorpusDir()});
  const RunResult three = Index({"--db", dir / "j3", "-q", "-j", "3", CorpusDir()});
  REQUIRE(one.exit_code == 0);
  REQUIRE(three.exit_code == 0);
  const auto a = Dump(dir / "j1");
  const auto b = Dump(dir / "j3");
  REQUIRE(a.size() > 30);
  CHECK(a.size() == b.size());
  for (const auto& [id, content] : a) {
    INFO(id);
    REQUIRE(b.count(id) == 1);
    CHECK(b.at(id) == content);
  }
  // And the searches agree, order included.
  const auto s1 = Search({"--db", dir / "j1", "--any", "--format", "tsv", "-n", "0", "asean", "health", "vaccine"});
  const auto s3 = Search({"--db", dir / "j3", "--any", "--format", "tsv", "-n", "0", "asean", "health", "vaccine"});
  CHECK(s1.exit_code == 0);
  CHECK(s1.out == s3.out);
}

TEST_CASE("option -j must be a positive number", "[e2e][index][jobs]") {
  TempDir dir;
  CHECK(Index({"--db", dir / "db", "-j", "0", CorpusDir()}).exit_code == 2);
  CHECK(Index({"--db", dir / "db", "-j", "x", CorpusDir()}).exit_code == 2);
}

TEST_CASE("option --time-zone takes an IANA zone and refuses an unknown one", "[e2e][index][dates]") {
  TempDir dir;
  const RunResult bad = Index({"--db", dir / "bad", "--time-zone", "Mars/Base", CorpusDir()});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("Mars/Base") != std::string::npos);
  CHECK(Index({"--db", dir / "ok", "-q", "--time-zone", "Asia/Jakarta", CorpusDir()}).exit_code == 0);
}
