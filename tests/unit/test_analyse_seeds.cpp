// The Analyser end to end on the two real seed releases and on the corpus
// samples in each language.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/analyse.h"
#include "common/normalize.h"
#include "common/readers.h"

using namespace pressdex;

namespace {

const Analyser& TheAnalyser() {
  static const std::unique_ptr<Analyser> a = [] {
    AnalyserOptions options;
    options.time_zone = "UTC";  // file times below are read on one clock, whatever the machine's
    auto made = Analyser::Create(options);
    REQUIRE(made.ok());
    return std::move(made).value();
  }();
  return *a;
}

// corpus/<rel> when the corpus helper has copied it there, else the seed.
std::string Locate(const std::string& corpus_rel, const std::string& seed) {
  const std::string in_corpus = std::string(PRESSDEX_SOURCE_DIR) + "/corpus/" + corpus_rel;
  if (std::filesystem::exists(in_corpus)) return in_corpus;
  const std::string in_seeds = std::string(PRESSDEX_SHARED_DIR) + "/seeds/" + seed;
  if (!seed.empty() && std::filesystem::exists(in_seeds)) return in_seeds;
  return {};
}

std::optional<Release> AnalyseFile(const std::string& path, long long mtime = 0) {
  if (path.empty()) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  auto read = ReadRecords(FormatForPath(path), buf.str());
  REQUIRE(read.ok());
  REQUIRE_FALSE(read->records.empty());
  return TheAnalyser().Analyse(read->records.front(), FileInfo{path, "", mtime, 0, {}}, {});
}

const Organisation* Org(const Release& r, std::string_view name_or_alias) {
  for (const auto& o : r.orgs) {
    if (FoldKey(o.name) == FoldKey(name_or_alias)) return &o;
    for (const auto& a : o.aliases) {
      if (FoldKey(a) == FoldKey(name_or_alias)) return &o;
    }
  }
  return nullptr;
}

bool HasAlias(const Organisation* o, std::string_view alias) {
  return o != nullptr && std::find(o->aliases.begin(), o->aliases.end(), alias) != o->aliases.end();
}

bool TopicInFirst(const Release& r, std::string_view topic, std::size_t n) {
  for (std::size_t i = 0; i < r.topics.size() && i < n; ++i) {
    if (r.topics[i] == topic) return true;
  }
  return false;
}

constexpr long long k2026 = 1764547200;  // 2025-12-01: a copy's file time, never the story's date

}  // namespace

TEST_CASE("analyse: seed 1, ASEC receives masks from China", "[analyse][seeds]") {
  const auto r =
      AnalyseFile(Locate("asean/asec-receives-masks-from-china-2020.txt", "000_0afb072f4765fb6e.txt"), k2026);
  if (!r) {
    WARN("seed 1 not found in corpus/ or ../shared/seeds: skipped");
    return;
  }
  CHECK(r->date == "2020-04-29");
  CHECK(r->date_source == "dateline");
  CHECK(r->place == "Jakarta");
  CHECK(r->lang == "en");
  const Organisation* asec = Org(*r, "ASEAN Secretariat");
  REQUIRE(asec);
  CHECK(HasAlias(asec, "ASEC"));
  CHECK(Org(*r, "ASEC") == asec);
  CHECK(HasAlias(Org(*r, "ASEAN Socio-Cultural Community"), "ASCC"));
  CHECK(r->issuer.name == "ASEAN Secretariat");
  CHECK(TopicInFirst(*r, "health", 1));
  // The site's menu and its blurbs are gone; the story is not.
  CHECK(r->text.find("Menu") == std::string::npos);
  CHECK(r->text.find("WHAT WE DO") == std::string::npos);
  CHECK(r->text.find("SITEMAP") == std::string::npos);
  CHECK(r->text.find("rodmap") == std::string::npos);
  CHECK(r->text.find("Founding Fathers") == std::string::npos);  // the ABOUT ASEAN blurb
  CHECK(r->text.find("ASEAN organs") == std::string::npos);      // the WHAT WE DO blurb
  CHECK(r->text.find("surgical masks") != std::string::npos);
  CHECK(r->text.find("ASEAN Plus Three Health Ministers") != std::string::npos);
}

TEST_CASE("analyse: seed 2, ASCC partnership conference (VNA)", "[analyse][seeds]") {
  const auto r =
      AnalyseFile(Locate("asean/ascc-partnership-conference-covid-recovery.txt", "001_80c3f1dc0be5ca74.txt"), k2026);
  if (!r) {
    WARN("seed 2 not found in corpus/ or ../shared/seeds: skipped");
    return;
  }
  CHECK(r->title == "ASEAN holds first partnership conference on COVID-19 recovery");
  CHECK(r->place == "Jakarta");
  CHECK(r->source == "VNA");
  HasAlias(Org(*r, "Vietnam News Agency"), "VNA");
  const Organisation* ascc = Org(*r, "ASCC");
  REQUIRE(ascc);
  CHECK(ascc->name == "ASEAN Socio-Cultural Community");
  CHECK(HasAlias(Org(*r, "ASEAN Secretariat"), "ASEC"));
  CHECK(r->issuer.name == "ASEAN Socio-Cultural Community");  // the wire (VNA) is not the issuer
  CHECK(TopicInFirst(*r, "health", 3));
  // The text states no date: the file time is used, and says so.
  CHECK(r->date == "2025-12-01");
  CHECK(r->date_source == "mtime");
  // Caption, credit and "See more" are gone; the photo credit is not the source.
  CHECK(r->text.find("ảnh 1") == std::string::npos);
  CHECK(r->text.find("Photo") == std::string::npos);
  CHECK(r->text.find("Xinhua") == std::string::npos);
  CHECK(r->text.find("See more") == std::string::npos);
  CHECK(r->text.find("222 delegates") != std::string::npos);
}

TEST_CASE("analyse: no date anywhere and no file time gives no date", "[analyse]") {
  SourceRecord rec;
  rec.text = "A short note with no date in it at all, from nobody in particular.";
  const Release r = TheAnalyser().Analyse(rec, FileInfo{"x.txt", "", 0, 0, {}}, {});
  CHECK(r.date.empty());
  CHECK(r.date_source.empty());
}

TEST_CASE("analyse: stated metadata wins and stays as written", "[analyse]") {
  SourceRecord rec;
  rec.title = "Man sentenced for tax fraud";
  rec.text = "WASHINGTON, March 3 - A man was sentenced today for tax fraud, the Justice Department said.";
  rec.meta.date = "2016-03-04";
  rec.meta.organisations = {"Tax Division", "USAO - Florida, Southern"};
  rec.meta.topics = {"Tax"};
  const Release r = TheAnalyser().Analyse(rec, FileInfo{"doj.jsonl", "", k2026, 0, {}}, {});
  CHECK(r.date == "2016-03-04");
  CHECK(r.date_source == "metadata");
  CHECK(r.issuer.name == "Tax Division");
  CHECK(Org(r, "USAO - Florida, Southern"));
  CHECK(Org(r, "DOJ"));
  REQUIRE_FALSE(r.topics.empty());
  CHECK(r.topics.front() == "Tax");
  CHECK(r.place == "Washington");
}

TEST_CASE("analyse: corpus samples in each language", "[analyse][corpus]") {
  struct Sample {
    const char* path;
    const char* lang;
    const char* date;
    const char* place;
    const char* topic;
  };
  const Sample samples[] = {
      {"multilingual/bo-y-te-tiem-vac-xin-covid-19-dau-tien-2021.txt", "vi", "2021-03-08", "Hà Nội", "health"},
      {"multilingual/kemenkes-protokol-kesehatan-normal-baru-2020.txt", "id", "2020-05-29", "Jakarta", "health"},
      {"multilingual/gaji-minimum-rm1500-berkuat-kuasa-mei-2022.txt", "ms", "2022-04-26", "Putrajaya", "labour"},
      {"multilingual/kasuang-satharanasuk-chit-wakkhin-thua-prathet-2564.txt", "th", "2021-06-07", "กรุงเทพฯ", "health"},
  };
  int found = 0;
  for (const Sample& s : samples) {
    const std::string path = Locate(s.path, "");
    if (path.empty()) continue;
    ++found;
    INFO(s.path);
    const auto r = AnalyseFile(path, k2026);
    REQUIRE(r);
    CHECK(r->lang == s.lang);
    CHECK(r->date == s.date);
    CHECK(r->place == s.place);
    CHECK(TopicInFirst(*r, s.topic, 2));
    CHECK(r->text.find(" | ") == std::string::npos);  // the site's navigation bar
  }
  if (found == 0) WARN("corpus/multilingual samples not present yet: skipped");
}

TEST_CASE("analyse: a year-less wire dateline takes its year from the page's date strip", "[analyse][corpus]") {
  // "Last update: 26/02/2024 06:41 PM" above "KUALA LUMPUR, Feb 26 (Bernama) --":
  // the page's year, not the copy's file time's (2025-12-01 here).
  const auto r = AnalyseFile(Locate("security/aseanapol-online-scam-task-force-2024.txt", ""), k2026);
  if (!r) {
    WARN("corpus/security sample not present: skipped");
    return;
  }
  CHECK(r->date == "2024-02-26");
  CHECK(r->date_source == "dateline");
  CHECK(r->place == "Kuala Lumpur");
  CHECK(r->source == "Bernama");
}
