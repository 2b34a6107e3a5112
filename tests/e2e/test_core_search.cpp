// End-to-end: the real pressdex-index and pressdex-search over corpus/.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>

#include "e2e/harness.h"
#include "e2e/search_json.h"

using namespace pressdex::test;
using nlohmann::json;

namespace {

const std::string kMasks = "corpus/asean/asec-receives-masks-from-china-2020.txt";
const std::string kAscc = "corpus/asean/ascc-partnership-conference-covid-recovery.txt";

}  // namespace

TEST_CASE("masks ranks the ASEC masks release first", "[e2e][core]") {
  const json r = SearchJson({"masks"});
  const auto paths = Paths(r);
  REQUIRE_FALSE(paths.empty());
  CHECK(EndsWith(paths.front(), kMasks));
}

TEST_CASE("a phrase matches the ASCC release and not the masks one", "[e2e][core]") {
  const auto paths = Paths(SearchJson({"\"partnership conference\""}));
  CHECK(AnyEndsWith(paths, kAscc));
  CHECK_FALSE(AnyEndsWith(paths, kMasks));
  // The words apart, in another order, are not the phrase.
  CHECK_FALSE(AnyEndsWith(Paths(SearchJson({"\"conference partnership\""})), kAscc));
}

TEST_CASE("stemming: donations finds a release that says donation", "[e2e][core]") {
  CHECK(AnyEndsWith(Paths(SearchJson({"donations"})), kMasks));
}

TEST_CASE("case never matters", "[e2e][core]") {
  for (const char* q : {"guangxi", "GUANGXI", "Guangxi"}) {
    const auto paths = Paths(SearchJson({q}));
    REQUIRE(paths.size() == 1);
    CHECK(EndsWith(paths.front(), kMasks));
  }
}

TEST_CASE("diacritics never matter", "[e2e][core]") {
  const auto plain = Paths(SearchJson({"viet", "nam"}));
  const auto accented = Paths(SearchJson({"Việt", "Nam"}));
  CHECK_FALSE(plain.empty());
  CHECK(plain == accented);
}

TEST_CASE("boolean operators, love/hate, wildcard and title field", "[e2e][core]") {
  const auto masks = Paths(SearchJson({"masks"}));
  const auto guangxi_or_partnership = Paths(SearchJson({"guangxi", "OR", "\"partnership conference\""}));
  CHECK(AnyEndsWith(guangxi_or_partnership, kMasks));
  CHECK(AnyEndsWith(guangxi_or_partnership, kAscc));
  CHECK(Paths(SearchJson({"guangxi", "AND", "\"partnership conference\""})).empty());
  CHECK_FALSE(AnyEndsWith(Paths(SearchJson({"masks", "-guangxi"})), kMasks));
  CHECK_FALSE(AnyEndsWith(Paths(SearchJson({"masks", "NOT", "guangxi"})), kMasks));
  CHECK(AnyEndsWith(Paths(SearchJson({"guangx*"})), kMasks));
  CHECK(AnyEndsWith(Paths(SearchJson({"title:partnership"})), kAscc));
  CHECK_FALSE(AnyEndsWith(Paths(SearchJson({"title:xijun"})), kMasks));  // only in its body
  CHECK(AnyEndsWith(Paths(SearchJson({"xijun"})), kMasks));
  CHECK(Paths(SearchJson({"(guangxi", "OR", "zzzz)", "AND", "masks"})).size() == 1);
}

TEST_CASE("hyphenated and numeric words match as written", "[e2e][core]") {
  CHECK(AnyEndsWith(Paths(SearchJson({"COVID-19"})), kMasks));
  CHECK(AnyEndsWith(Paths(SearchJson({"Secretary-General"})), kMasks));
  CHECK(AnyEndsWith(Paths(SearchJson({"20,000", "surgical"})), kMasks));
}

TEST_CASE("json output has the documented shape", "[e2e][core]") {
  const json r = SearchJson({"-n", "2", "asean"});
  CHECK(r.at("version") == 1);
  CHECK(r.at("query") == "asean");
  CHECK(r.at("total").get<int>() >= 2);
  CHECK(r.at("exact").is_boolean());
  CHECK(r.at("offset") == 0);
  REQUIRE(r.at("results").size() == 2);
  for (const auto& hit : r.at("results")) {
    for (const char* key : {"rank", "id", "path", "title", "date", "score", "snippet"}) CHECK(hit.contains(key));
    if (!hit.at("date").is_null()) {
      const std::string date = hit.at("date");
      CHECK(date.size() == 10);
      CHECK(date[4] == '-');
      CHECK(date[7] == '-');
    }
  }
  CHECK(r.at("results")[0].at("rank") == 1);
  CHECK(r.at("results")[1].at("rank") == 2);
  CHECK(r.at("results")[0].at("score").get<double>() >= r.at("results")[1].at("score").get<double>());
}

TEST_CASE("paging: --offset continues where -n stopped", "[e2e][core]") {
  const auto all = Paths(SearchJson({"-n", "6", "asean"}));
  const auto first = Paths(SearchJson({"-n", "3", "asean"}));
  const auto second = Paths(SearchJson({"-n", "3", "--offset", "3", "asean"}));
  REQUIRE(all.size() == 6);
  CHECK(std::vector<std::string>(all.begin(), all.begin() + 3) == first);
  CHECK(std::vector<std::string>(all.begin() + 3, all.end()) == second);
}

TEST_CASE("the same query prints the same order every time", "[e2e][core]") {
  const RunResult a = Search({"--db", CorpusDb(), "--any", "asean", "health", "-n", "0"});
  const RunResult b = Search({"--db", CorpusDb(), "--any", "asean", "health", "-n", "0"});
  CHECK(a.exit_code == 0);
  CHECK(a.out == b.out);
}

TEST_CASE("text output: rank, title, path, snippet, colour only when asked", "[e2e][core]") {
  const RunResult plain = Search({"--db", CorpusDb(), "guangxi"});
  CHECK(plain.exit_code == 0);
  CHECK(plain.out.find("  1. ") == 0);
  CHECK(plain.out.find(kMasks) != std::string::npos);
  CHECK(plain.out.find("Guangxi") != std::string::npos);
  CHECK(plain.out.find('\033') == std::string::npos);  // stdout is a pipe
  const RunResult colour = Search({"--db", CorpusDb(), "--color", "always", "guangxi"});
  CHECK(colour.out.find("\033[") != std::string::npos);
  const RunResult no_color = Search({"--db", CorpusDb(), "--color", "auto", "guangxi"}, "", {"NO_COLOR=1"});
  CHECK(no_color.out.find('\033') == std::string::npos);
}

TEST_CASE("exit status 1 when nothing matches", "[e2e][core]") {
  const RunResult r = Search({"--db", CorpusDb(), "xylophonequartz"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
}

TEST_CASE("exit status 2 for a malformed query, saying where", "[e2e][core]") {
  for (const char* q : {"(masks", "masks)", "\"unterminated phrase", "masks AND", "OR masks"}) {
    const RunResult r = Search({"--db", CorpusDb(), q});
    INFO(q);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("column") != std::string::npos);
  }
}

TEST_CASE("exit status 2 for bad usage", "[e2e][core]") {
  CHECK(Search({"--db", CorpusDb()}).exit_code == 2);  // no query
  CHECK(Search({"--db", CorpusDb(), "--no-such-option", "x"}).exit_code == 2);
  CHECK(Search({"--db", CorpusDb(), "--format", "yaml", "x"}).exit_code == 2);
}

TEST_CASE("exit status 3 for a missing database, naming it and how to create it", "[e2e][core]") {
  TempDir dir;
  const RunResult r = Search({"--db", dir / "nope", "masks"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find(dir / "nope") != std::string::npos);
  CHECK(r.err.find("pressdex-index") != std::string::npos);
}

TEST_CASE("exit status 3 for a folder that is not a database", "[e2e][core]") {
  TempDir dir;
  WriteFile(dir / "notadb/readme.txt", "hello");
  CHECK(Search({"--db", dir / "notadb", "masks"}).exit_code == 3);
}

TEST_CASE("exit status 3 for a damaged database, naming it and what is wrong", "[e2e][core]") {
  // A commit racing the open can look like corruption and is retried; a
  // database damaged for good must still be reported, not retried away.
  TempDir dir;
  WriteFile(dir / "docs/a.txt", "Flood relief\n\nThe ministry sent flood relief to the province.\n");
  const std::string db = dir / "db";
  REQUIRE(Index({"--db", db, "-q", dir / "docs"}).exit_code == 0);
  {
    // Every block of the posting table claims a tree level it is not at.
    std::fstream table(db + "/postlist.glass", std::ios::in | std::ios::out | std::ios::binary);
    REQUIRE(table);
    table.seekg(0, std::ios::end);
    const auto size = static_cast<std::streamoff>(table.tellg());
    for (std::streamoff block = 0; block < size; block += 8192) {
      table.seekp(block + 4);
      table.put('\x07');
    }
  }
  const RunResult r = Search({"--db", db, "flood"});
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
  CHECK(r.err.find(db) != std::string::npos);
  CHECK(r.err.find("DatabaseCorruptError") != std::string::npos);
}

TEST_CASE("the database path comes from PRESSDEX_DB when --db is absent", "[e2e][core]") {
  const RunResult r = Search({"guangxi"}, "", {"PRESSDEX_DB=" + CorpusDb()});
  CHECK(r.exit_code == 0);
}

TEST_CASE("re-indexing replaces rather than duplicates", "[e2e][core]") {
  TempDir dir;
  WriteFile(dir / "docs/a.txt", "Alpha release\n\nThe quokka festival opened.");
  WriteFile(dir / "docs/b.jsonl",
            "{\"title\":\"One\",\"body\":\"quokka one\"}\n{\"title\":\"Two\",\"body\":\"quokka two\"}\n");
  const std::string db = dir / "db";
  REQUIRE(Index({"--db", db, "-q", dir / "docs"}).exit_code == 0);
  REQUIRE(Index({"--db", db, "-q", dir / "docs"}).exit_code == 0);
  const json r = json::parse(Search({"--db", db, "--format", "json", "quokka"}).out);
  CHECK(r.at("total") == 3);
  std::vector<std::string> ids;
  for (const auto& hit : r.at("results")) ids.push_back(hit.at("id"));
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{dir / "docs/a.txt", dir / "docs/b.jsonl#1", dir / "docs/b.jsonl#2"});
}

TEST_CASE("paths are the indexer's argument joined with the path below it", "[e2e][core]") {
  TempDir dir;
  WriteFile(dir / "in/sub/x.md", "# Wombat news\n\nWombats everywhere.");
  const std::string db = dir / "db";
  REQUIRE(Index({"--db", db, "-q", dir / "in/"}).exit_code == 0);
  const json r = json::parse(Search({"--db", db, "--format", "json", "wombat"}).out);
  REQUIRE(r.at("results").size() == 1);
  CHECK(r.at("results")[0].at("path") == dir / "in/sub/x.md");
  CHECK(r.at("results")[0].at("title") == "Wombat news");
}

TEST_CASE("every corpus format is indexed", "[e2e][core]") {
  const json r = SearchJson({"--all", "-n", "0"});
  std::set<std::string> extensions;
  for (const auto& p : Paths(r)) extensions.insert(p.substr(p.find_last_of('.')));
  for (const char* ext : {".txt", ".html", ".md", ".json", ".jsonl"}) CHECK(extensions.count(ext) == 1);
}

TEST_CASE("the indexer prints a summary on stderr and nothing on stdout", "[e2e][core]") {
  TempDir dir;
  WriteFile(dir / "docs/a.txt", "Alpha release\n\nBody.");
  WriteFile(dir / "docs/skip.pdf", "%PDF-1.4");
  const RunResult r = Index({"--db", dir / "db", dir / "docs"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.find("1 release") != std::string::npos);
  CHECK(r.err.find("unsupported file type") != std::string::npos);
}

TEST_CASE("option --help ends with examples and exit codes", "[e2e][core]") {
  for (const RunResult& r : {Search({"--help"}), Index({"--help"})}) {
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Examples:") != std::string::npos);
    CHECK(r.out.find("Exit status:") != std::string::npos);
  }
}

TEST_CASE("every word of a long headline is searchable, also with title:", "[e2e][core]") {
  TempDir dir;
  WriteFile(dir / "c/r.txt",
            "Attorney General announces the results of a nationwide operation against fraud schemes targeting "
            "elderly citizens across forty states, resulting in charges against 200 defendants in Wyoming\n\n"
            "WASHINGTON, 5 June 2018 - The department announced the results today.\n");
  REQUIRE(Index({"--db", dir / "db", "-q", dir / "c"}).exit_code == 0);
  for (const std::string q : {"wyoming", "title:wyoming", "defendants"}) {
    const RunResult r = Search({"--db", dir / "db", "--format", "count", q});
    CHECK(r.out == "1\n");
  }
  const RunResult tsv = Search({"--db", dir / "db", "--format", "tsv", "--fields", "title", "--no-header", "wyoming"});
  CHECK(tsv.out.find("200 defendants in Wyoming\n") != std::string::npos);
}
