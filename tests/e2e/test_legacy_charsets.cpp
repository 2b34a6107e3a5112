// End-to-end: releases saved in legacy charsets (Thai TIS-620/windows-874,
// Vietnamese windows-1258, Latin-1, windows-1251, GB18030) are indexed as the
// text they are and found like their UTF-8 originals; bytes no charset reads
// convincingly are indexed with a warning naming the file. The legacy files
// are made here, from corpus/ and from sentences below, with ICU.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>

#include "e2e/harness.h"
#include "tests/legacy_bytes.h"

using namespace pressdex::test;
using nlohmann::json;

namespace {

const std::string kThaiVaccine = "multilingual/kasuang-satharanasuk-chit-wakkhin-thua-prathet-2564.txt";
const std::string kVietVaccine = "multilingual/bo-y-te-tiem-vac-xin-covid-19-dau-tien-2021.txt";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// path -> title of every release `query` finds in `db`.
std::map<std::string, std::string> Titles(const std::string& db, const std::string& query) {
  const RunResult r = Search({"--db", db, "--format", "json", "-n", "0", query});
  INFO(query << ": " << r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  const json response = json::parse(r.out);
  std::map<std::string, std::string> titles;
  for (const auto& hit : response.at("results"))
    titles[hit.at("path").get<std::string>()] = hit.at("title").get<std::string>();
  return titles;
}

std::string TitleOf(const std::map<std::string, std::string>& titles, const std::string& suffix) {
  for (const auto& [path, title] : titles)
    if (path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
      return title;
  return {};
}

}  // namespace

TEST_CASE("legacy charsets: Thai and Vietnamese files are indexed as text and found", "[e2e][legacy]") {
  TempDir dir;
  std::string thai = Slurp(CorpusDir() + "/" + kThaiVaccine);
  for (std::size_t at; (at = thai.find("©")) != std::string::npos;) thai.replace(at, 2, "(c)");  // not in TIS-620
  const std::string thai_bytes = EncodeAs(thai, "windows-874");
  const std::string viet_bytes = EncodeWindows1258(Slurp(CorpusDir() + "/" + kVietVaccine));
  REQUIRE_FALSE(thai_bytes.empty());
  REQUIRE_FALSE(viet_bytes.empty());
  WriteFile(dir / "in/thai.txt", thai_bytes);
  WriteFile(dir / "in/viet.txt", viet_bytes);
  WriteFile(dir / "in/french.txt",
            EncodeAs("Communiqué de presse\n\nLe ministère de la Santé a annoncé le début de la campagne de "
                     "vaccination. Les hôpitaux français sont prêts à accueillir les personnes âgées.\n",
                     "ISO-8859-1"));
  WriteFile(dir / "in/russian.txt",
            EncodeAs("Пресс-релиз\n\nМинистерство здравоохранения сообщило о начале массовой вакцинации. В первую "
                     "очередь прививки получат медицинские работники и учителя.\n",
                     "windows-1251"));
  WriteFile(
      dir / "in/chinese.txt",
      EncodeAs("湄公河委员会发布干旱报告\n\n湄公河委员会今天发布干旱报告。报告指出，今年旱季流域降雨量明显低于往年，"
               "下游多个省份出现水位下降。委员会呼吁各成员国加强数据共享。\n",
               "GB18030"));
  std::string noise = "Noise\n\n";  // high bytes in word-like runs: no language in any charset
  std::uint32_t x = 7;
  for (int i = 0; i < 600; ++i) {
    x = x * 1664525u + 1013904223u;
    noise.push_back(i % 7 == 6 ? ' ' : static_cast<char>(0xA0 + (x >> 24) % 0x60));
  }
  WriteFile(dir / "in/noise.txt", noise);

  const RunResult r = Index({"--db", dir / "db", "--format", "json", dir / "in"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json summary = json::parse(r.out);
  CHECK(summary.at("added") == 6);
  CHECK(summary.at("failed") == 0);
  // One warning, naming the file and the charset it was read as.
  CHECK(summary.at("warnings") == 1);
  CHECK(r.err.find("thai.txt") == std::string::npos);
  CHECK(r.err.find("viet.txt") == std::string::npos);
  CHECK(r.err.find("french.txt") == std::string::npos);
  CHECK(r.err.find("russian.txt") == std::string::npos);
  CHECK(r.err.find("chinese.txt") == std::string::npos);
  CHECK_THAT(r.err, Catch::Contains(dir / "in/noise.txt: warning: decoded as "));
  CHECK_THAT(r.err, Catch::Contains("; the encoding was uncertain"));

  const std::string db = dir / "db";
  // Found by their words, with the titles their UTF-8 originals get.
  const auto thai_hits = Titles(db, "วัคซีน");
  CHECK(thai_hits.size() == 1);
  CHECK(TitleOf(thai_hits, "/in/thai.txt") == TitleOf(Titles(CorpusDb(), "วัคซีน"), kThaiVaccine));
  CHECK(Titles(db, "\"กระทรวงสาธารณสุข\"").size() == 1);
  const auto viet_hits = Titles(db, "\"bệnh viện\"");
  CHECK(viet_hits.size() == 1);
  CHECK(TitleOf(viet_hits, "/in/viet.txt") == TitleOf(Titles(CorpusDb(), "\"bệnh viện\""), kVietVaccine));
  CHECK(Titles(db, "\"benh vien\"") == viet_hits);  // accents fold as for UTF-8 text
  CHECK(Titles(db, "hôpitaux").size() == 1);
  CHECK(Titles(db, "вакцинации").size() == 1);
  CHECK(Titles(db, "湄公河").size() == 1);
}
