// Dates through the indexer: a JSON Lines feed whose stated dates are
// month-first is read that way, file by file, unless --date-order is given.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "e2e/harness.h"

using namespace pressdex::test;

namespace {

// Release id (file name + "#N") -> date, from a database of `dir`.
std::map<std::string, std::string> Dates(const TempDir& dir, const std::vector<std::string>& extra) {
  std::vector<std::string> args{"--db", dir / "db", "--rebuild", "--quiet"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(dir / "feeds");
  const RunResult index = Index(args);
  INFO(index.err);
  REQUIRE(index.exit_code == 0);
  const RunResult r = Search({"--db", dir / "db", "--all", "--format", "jsonl", "--fields", "id,date", "-n", "0"});
  REQUIRE(r.exit_code == 0);
  std::map<std::string, std::string> dates;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const auto j = nlohmann::json::parse(line);
    const std::string id = j.at("id");
    dates[id.substr(id.rfind('/') + 1)] = j.at("date");
  }
  return dates;
}

}  // namespace

TEST_CASE("indexing: a feed's month-first dates are read month first", "[index][date]") {
  TempDir dir;
  // Month first: 10-25-2017 can be read no other way.
  WriteFile(dir / "feeds/mdy.jsonl",
            R"({"title": "Cuti sekolah", "text": "Cuti sekolah bermula.", "date": "10-25-2017"})"
            "\n"
            R"({"title": "Virus beguk", "text": "Sekolah ditutup empat hari.", "date": "08-12-2018"})"
            "\n"
            R"({"title": "GST", "text": "Bayaran balik GST.", "date": "2018-08-13"})"
            "\n");
  // Only ambiguous dates: the default order, whatever the other file shows.
  WriteFile(dir / "feeds/ambiguous.jsonl",
            R"({"title": "Harga minyak", "text": "Harga minyak turun.", "date": "08-12-2018"})"
            "\n");
  // Both orders in one file: nothing to follow.
  WriteFile(dir / "feeds/mixed.jsonl", R"({"title": "Satu", "text": "Berita satu.", "date": "10-25-2017"})"
                                       "\n"
                                       R"({"title": "Dua", "text": "Berita dua.", "date": "25-10-2017"})"
                                       "\n"
                                       R"({"title": "Tiga", "text": "Berita tiga.", "date": "08-12-2018"})"
                                       "\n");

  auto d = Dates(dir, {});
  CHECK(d["mdy.jsonl#1"] == "2017-10-25");
  CHECK(d["mdy.jsonl#2"] == "2018-08-12");
  CHECK(d["mdy.jsonl#3"] == "2018-08-13");
  CHECK(d["ambiguous.jsonl#1"] == "2018-12-08");
  CHECK(d["mixed.jsonl#3"] == "2018-12-08");

  // An order the user gives is followed everywhere.
  d = Dates(dir, {"--date-order", "dmy"});
  CHECK(d["mdy.jsonl#1"] == "2017-10-25");  // no other reading: impossible orders swap
  CHECK(d["mdy.jsonl#2"] == "2018-12-08");
  d = Dates(dir, {"--date-order", "mdy"});
  CHECK(d["ambiguous.jsonl#1"] == "2018-08-12");
  CHECK(d["mixed.jsonl#3"] == "2018-08-12");
}
