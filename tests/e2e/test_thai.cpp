// End-to-end: Thai releases written here, indexed and searched by the real
// binaries, for what an audit of Thai search found missing: words written
// with the abbreviation mark ฯ, Thai organisation names from the gazetteer,
// and snippets of words found inside compounds.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "e2e/harness.h"
#include "e2e/search_json.h"

using namespace pressdex::test;
using nlohmann::json;

namespace {

using Files = std::map<std::string, std::string>;  // name -> content

// A database of `files`, indexed by the real pressdex-index.
class ThaiDb {
 public:
  explicit ThaiDb(const Files& files) {
    for (const auto& [name, content] : files) WriteFile(dir_ / ("in/" + name), content);
    const RunResult r = Index({"--db", db(), dir_ / "in"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  std::string db() const { return dir_ / "db"; }

  // The file names (not paths) of the releases a query finds, sorted.
  std::vector<std::string> Find(std::vector<std::string> args) const {
    args.insert(args.begin(), {"-n", "0"});
    std::vector<std::string> names;
    for (const std::string& path : Paths(SearchJson(args, db()))) names.push_back(path.substr(path.rfind('/') + 1));
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  TempDir dir_;
};

std::string Release(const std::string& title, const std::string& body) { return title + "\n\n" + body + "\n"; }

}  // namespace

TEST_CASE("Thai: a word written with ฯ is found by the word, typed with or without the mark",
          "[e2e][languages][thai]") {
  const ThaiDb db(Files{
      {"bangkok.txt", Release("ประกาศ", "วันนี้ทางราชการแจ้งว่า กรุงเทพฯ ได้ประชุมร่วมกันแล้ว")},
      {"pm.txt", Release("แถลงข่าว", "นายกรัฐมนตรีฯ ได้เดินทางไปตรวจเยี่ยมพื้นที่")},
      {"measures.txt", Release("มาตรการ", "รัฐบาลออกมาตรการฯ ช่วยเหลือเกษตรกร ผัก ผลไม้ฯลฯ")},
      {"plain.txt", Release("ข่าว", "ผู้ว่าราชการจังหวัดเชียงใหม่ได้ประชุมร่วมกับประชาชน")},
  });
  using V = std::vector<std::string>;
  CHECK(db.Find({"กรุงเทพ"}) == V{"bangkok.txt"});
  CHECK(db.Find({"กรุงเทพฯ"}) == V{"bangkok.txt"});
  CHECK(db.Find({"นายกรัฐมนตรี"}) == V{"pm.txt"});
  CHECK(db.Find({"รัฐมนตรี"}) == V{"pm.txt"});
  CHECK(db.Find({"มาตรการ"}) == V{"measures.txt"});  // the title of measures.txt has it too
  CHECK(db.Find({"มาตรการฯ"}) == V{"measures.txt"});
  CHECK(db.Find({"ผลไม้"}) == V{"measures.txt"});
  // ฯลฯ left no stray term: the letter ล alone is in no release.
  CHECK(db.Find({"ล"}).empty());
}

TEST_CASE("Thai: the snippet shows a word found inside a compound, marked", "[e2e][languages][thai]") {
  std::string body;
  for (int i = 0; i < 8; ++i) body += "รัฐบาลได้ประชุมหารือร่วมกับหน่วยงานที่เกี่ยวข้องเพื่อติดตามสถานการณ์ ";
  body += "ผู้ว่าราชการกรุงเทพมหานครแถลงข่าวเรื่องน้ำท่วม ";
  for (int i = 0; i < 8; ++i) body += "รัฐบาลได้ประชุมหารือร่วมกับหน่วยงานที่เกี่ยวข้องเพื่อติดตามสถานการณ์ ";
  const ThaiDb db(Files{{"bma.txt", Release("ประกาศ", body)}});
  const json response = SearchJson({"มหานคร"}, db.db());
  REQUIRE(response.at("results").size() == 1);
  const std::string snippet = response.at("results")[0].at("snippet").get<std::string>();
  CHECK(snippet.find("กรุงเทพมหานคร") != std::string::npos);
  // In colour, exactly the query word is marked.
  const RunResult colour = Search({"--db", db.db(), "--color", "always", "มหานคร"});
  CHECK(colour.out.find("กรุงเทพ\033[1;33mมหานคร\033[0m") != std::string::npos);
}

TEST_CASE("Thai: organisation names from the gazetteer are extracted", "[e2e][languages][thai]") {
  const ThaiDb db(Files{
      {"bot.txt", Release("ทดสอบ", "ธนาคารแห่งประเทศไทย ประกาศอัตราดอกเบี้ยใหม่ในวันนี้ เพื่อสนับสนุนเศรษฐกิจ")},
      {"who.txt", Release("ทดสอบสอง", "วันนี้องค์การอนามัยโลกแถลงข่าวเกี่ยวกับโควิด")},
      {"none.txt", Release("ทดสอบสาม", "วันนี้ธนาคารไทยพาณิชย์แถลงข่าวเกี่ยวกับสินเชื่อ")},
      {"en.txt", Release("Test", "The Bank of Thailand announced rates. The World Health Organization said.")},
  });
  const RunResult r = Search({"--db", db.db(), "--all", "--format", "jsonl", "--fields", "path,orgs"});
  REQUIRE(r.exit_code == 0);
  std::map<std::string, std::vector<std::string>> orgs;  // file name -> orgs
  std::size_t from = 0;
  for (std::size_t nl; (nl = r.out.find('\n', from)) != std::string::npos; from = nl + 1) {
    const json line = json::parse(r.out.substr(from, nl - from));
    const std::string path = line.at("path").get<std::string>();
    orgs[path.substr(path.rfind('/') + 1)] = line.at("orgs").get<std::vector<std::string>>();
  }
  using V = std::vector<std::string>;
  CHECK(orgs["bot.txt"] == V{"Bank of Thailand"});
  CHECK(orgs["who.txt"] == V{"World Health Organization"});
  CHECK(orgs["none.txt"].empty());
  CHECK(orgs["en.txt"] == V{"Bank of Thailand", "World Health Organization"});
  // The filter finds the Thai release and the English one alike.
  CHECK(db.Find({"org:WHO"}) == V{"en.txt", "who.txt"});
}
