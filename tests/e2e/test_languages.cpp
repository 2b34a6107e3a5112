// End-to-end: the region's languages through the real pressdex-index and
// pressdex-search, over corpus/multilingual and over small releases written
// here where a case needs text the corpus lacks.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "e2e/harness.h"

using namespace pressdex::test;
using nlohmann::json;

namespace {

const std::string kKhmer = "multilingual/krosuong-sokhapibal-kampuchea-krun-chheam-2019.txt";
const std::string kLao = "multilingual/kasuang-satharanasuk-lao-sak-vaksin-mak-daeng-2023.txt";
const std::string kThaiVaccine = "multilingual/kasuang-satharanasuk-chit-wakkhin-thua-prathet-2564.txt";
const std::string kVietExam = "multilingual/ky-thi-tot-nghiep-thpt-2023-bo-gd-dt.html";
const std::string kIndonesianHealth = "multilingual/kemenkes-protokol-kesehatan-normal-baru-2020.txt";
const std::string kMalayWage = "multilingual/gaji-minimum-rm1500-berkuat-kuasa-mei-2022.txt";

std::vector<std::string> PathsIn(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db, "--format", "json", "-n", "0"});
  const RunResult r = Search(args);
  INFO(r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  const json response = json::parse(r.out);  // not in the for: .at() of a temporary would dangle
  std::vector<std::string> paths;
  for (const auto& hit : response.at("results")) {
    const std::string path = hit.at("path").get<std::string>();
    if (path.find("README") == std::string::npos) paths.push_back(path);  // the corpus README quotes every word
  }
  return paths;
}

std::vector<std::string> Paths(std::vector<std::string> args) { return PathsIn(CorpusDb(), std::move(args)); }

bool Has(const std::vector<std::string>& paths, const std::string& suffix) {
  return std::any_of(paths.begin(), paths.end(), [&](const std::string& p) {
    return p.size() >= suffix.size() && p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0;
  });
}

using Files = std::vector<std::pair<std::string, std::string>>;  // name -> content

// A database of the given files, indexed by the real binary.
class SmallDb {
 public:
  explicit SmallDb(const Files& files) {
    for (const auto& [name, content] : files) WriteFile(dir_ / ("in/" + name), content);
    const RunResult r = Index({"--db", dir_ / "db", dir_ / "in"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  std::vector<std::string> Search(std::vector<std::string> args) const { return PathsIn(dir_ / "db", std::move(args)); }

 private:
  TempDir dir_;
};

}  // namespace

TEST_CASE("Khmer: health finds the Ministry of Health's compound", "[e2e][languages]") {
  CHECK(Has(Paths({"សុខាភិបាល"}), kKhmer));
  CHECK(Has(Paths({"ក្រសួងសុខាភិបាល"}), kKhmer));
  CHECK(Has(Paths({"ជំងឺគ្រុនឈាម"}), kKhmer));  // dengue fever
}

TEST_CASE("Khmer: a word only inside a compound is found, a short false part is not", "[e2e][languages]") {
  const SmallDb db(Files{{"km.txt", "ក្រសួងសុខាភិបាល អំពាវនាវឱ្យប្រជាពលរដ្ឋប្រុងប្រយ័ត្ន\n"}});
  CHECK(db.Search({"សុខាភិបាល"}).size() == 1);
  CHECK(db.Search({"\"សុខាភិបាល អំពាវនាវ\""}).size() == 1);  // a phrase through the compound
  CHECK(db.Search({"នាវ"}).empty());                      // "ship", inside អំពាវនាវ "appeal"
}

TEST_CASE("Lao: public health inside the ministry's name", "[e2e][languages]") {
  CHECK(Has(Paths({"ສາທາລະນະສຸກ"}), kLao));
  CHECK(Has(Paths({"ໝາກແດງ"}), kLao));   // measles
  CHECK(Has(Paths({"ຫມາກແດງ"}), kLao));  // typed as ຫ + ມ
}

TEST_CASE("Thai: a word inside unspaced text, and a quoted phrase", "[e2e][languages]") {
  CHECK(Has(Paths({"วัคซีน"}), kThaiVaccine));
  CHECK(Has(Paths({"\"ฉีดวัคซีน\""}), kThaiVaccine));
  CHECK(Has(Paths({"ฉีดวัคซีน"}), kThaiVaccine));
  CHECK_FALSE(Has(Paths({"\"วัคซีนฉีด\""}), kThaiVaccine));
}

TEST_CASE("Vietnamese: with or without diacritics, any case", "[e2e][languages]") {
  const auto accented = Paths({"kỳ", "thi", "tốt", "nghiệp"});
  CHECK(Has(accented, kVietExam));
  CHECK(Paths({"ky", "thi", "tot", "nghiep"}) == accented);
  CHECK(Paths({"KỲ", "THI", "TỐT", "NGHIỆP"}) == accented);
  CHECK(Paths({"Việt", "Nam"}) == Paths({"viet", "nam"}));
}

TEST_CASE("Indonesian and Malay: stemmed words match from any --lang", "[e2e][languages]") {
  for (const char* lang : {"en", "id"}) {
    INFO(lang);
    CHECK(Has(Paths({"--lang", lang, "kesehatan"}), kIndonesianHealth));
    CHECK(Has(Paths({"--lang", lang, "\"protokol kesehatan\""}), kIndonesianHealth));
  }
  CHECK(Has(Paths({"gaji", "minimum"}), kMalayWage));
  CHECK(Has(Paths({"--lang", "ms", "gaji", "minimum"}), kMalayWage));
}

TEST_CASE("Chinese: a two-character word the dictionary lacks still matches", "[e2e][languages]") {
  const SmallDb db(
      Files{{"zh.md", "---\nlanguage: zh\n---\n# 湄公河委员会发布干旱报告\n\n湄公河委员会今天发布报告。\n"},
            {"other.md", "---\nlanguage: zh\n---\n# 公告\n\n公司发布公告。\n"}});
  CHECK(db.Search({"湄公"}).size() == 1);
  CHECK(db.Search({"湄公河"}).size() == 1);
  CHECK(db.Search({"发布"}).size() == 2);
}

TEST_CASE("Burmese: Zawgyi-encoded text is indexed with a warning", "[e2e][languages]") {
  TempDir dir;
  // "နေကောင်းလား မြန်မာနိုင်ငံ" typed in Zawgyi, next to the same words in Unicode.
  WriteFile(dir / "in/zawgyi.txt",
            "\u1031\u1014\u1031\u1000\u102C\u1004\u1039\u1038\u101C\u102C\u1038 "
            "\u103B\u1019\u1014\u1039\u1019\u102C\u108F\u102D\u102F\u1004\u1039\u1004\u1036\n");
  WriteFile(dir / "in/unicode.txt", "နေကောင်းလား မြန်မာနိုင်ငံ ကျန်းမာရေးဝန်ကြီးဌာန\n");
  const RunResult r = Index({"--db", dir / "db", dir / "in"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("zawgyi.txt") != std::string::npos);
  CHECK(r.err.find("Zawgyi") != std::string::npos);
  CHECK(r.err.find("unicode.txt") == std::string::npos);
  const RunResult s = Search({"--db", dir / "db", "--format", "paths", "ကျန်းမာရေး"});
  CHECK(s.out.find("unicode.txt") != std::string::npos);
}
