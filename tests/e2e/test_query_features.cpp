// End-to-end: spelling suggestions, synonyms, --like and near-duplicate
// collapsing, through the real binaries.
#include <xapian.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include "e2e/harness.h"
#include "e2e/search_json.h"
#include "text_helpers.h"

using namespace pressdex::test;
using nlohmann::json;

namespace {

const std::string kAscc = "corpus/asean/ascc-partnership-conference-covid-recovery.txt";
const std::string kHerald = "corpus/syndicated/asean-labour-ministers-migrant-workers-borneo-herald.txt";
const std::string kLedger = "corpus/syndicated/asean-labour-ministers-migrant-workers-straits-ledger.txt";
const std::string kKarhutla = "corpus/multilingual/klhk-manggala-agni-padamkan-karhutla-2019.html";

bool Has(const std::vector<std::string>& paths, const std::string& suffix) { return AnyEndsWith(paths, suffix); }

// One story as three outlets carry it: the same text between each site's own
// header and footer. A second, unrelated story sits in each outlet's folder.
const std::string kStory =
    "PHNOM PENH, 27 October 2022 -- ASEAN labour ministers agreed on Thursday to strengthen social protection\n"
    "for migrant workers across the region, including portable social security benefits for those who move\n"
    "between member states for work.\n\n"
    "Meeting in the Cambodian capital, the ministers adopted a declaration that calls on governments to include\n"
    "migrant workers in national emergency relief schemes, after the pandemic left many stranded without\n"
    "wages, housing or health care.\n\n"
    "The International Labour Organization welcomed the declaration and offered technical help to draft the\n"
    "regional guidelines, due at the next meeting of senior labour officials in Jakarta next year.\n";

// Other news, one story per outlet: different stories under the same chrome.
const std::vector<std::string> kOtherNews = {
    "Heavy rain is expected over the weekend, the weather bureau said, and farmers in the lowlands were told "
    "to bring in the rice harvest early before the rivers rise.",
    "The central bank kept its policy rate unchanged on Wednesday, citing easing inflation and steady rain-fed "
    "farm output, and said it would watch food prices closely.",
    "Schools in the capital will reopen on Monday after a week of flooding from monsoon rain, the education "
    "ministry announced, with classes moved online where buildings remain damaged.",
};

void WriteOutlets(const TempDir& dir, const std::vector<std::string>& outlets) {
  std::size_t n = 0;
  for (const auto& outlet : outlets) {
    WriteFile(dir / ("news/" + outlet + "/labour.txt"), outlet + " Online\nHome | Nation | World | Business\n\n" +
                                                            kStory + "\nCopyright 2022 " + outlet +
                                                            ". All rights reserved.\nShare this: Facebook | X\n");
    WriteFile(dir / ("news/" + outlet + "/other.txt"),
              outlet + " Online\nHome | Nation | World | Business\n\n" + kOtherNews[n++ % kOtherNews.size()] +
                  "\nCopyright 2022 " + outlet + ". All rights reserved.\nShare this: Facebook | X\n");
  }
}

}  // namespace

TEST_CASE("spelling: a word no release has gets a suggestion, in text and JSON", "[e2e][spelling]") {
  const RunResult text = Search({"--db", CorpusDb(), "ascean"});
  CHECK(text.exit_code == 1);
  CHECK(text.out.find("No releases match.\nDid you mean: asean\n") != std::string::npos);
  const json j = SearchJson({"ascean", "masks"});
  CHECK(j.at("suggestion") == "asean masks");
  // Enough hits: no suggestion, and no key.
  CHECK_FALSE(SearchJson({"asean"}).contains("suggestion"));
  // A correction that finds nothing more is no suggestion.
  CHECK_FALSE(SearchJson({"zzqxv"}).contains("suggestion"));
}

TEST_CASE("spelling: a rare word some release writes is never corrected", "[e2e][spelling]") {
  // One release each says haze, solo, Yagi; "have", "sold", "bagi" are
  // commoner and one edit away, but these are words, not misspellings.
  for (const char* word : {"haze", "solo", "yagi"}) {
    const json j = SearchJson({word});
    CHECK(j.at("total") == 1);
    CHECK_FALSE(j.contains("suggestion"));
  }
  CHECK_FALSE(SearchJson({"Regional", "haze"}).contains("suggestion"));
}

TEST_CASE("spelling: a bulk build writes the spelling table too", "[e2e][spelling]") {
  TempDir dir;
  REQUIRE(Index({"--db", dir / "db", "-q", "--bulk", "always", "-j", "2", CorpusDir()}).exit_code == 0);
  CHECK(SearchJson({"ascean"}, dir / "db").value("suggestion", "") == "asean");
  // And its synonyms.
  CHECK(Has(Paths(SearchJson({"ASEC"}, dir / "db")), kAscc));
}

// How often the spelling table of `db` has `word` (0: not at all).
Xapian::doccount SpellingFrequency(const std::string& db, const std::string& word) {
  const Xapian::Database database(db);
  for (auto it = database.spellings_begin(); it != database.spellings_end(); ++it) {
    if (*it == word) return it.get_termfreq();
  }
  return 0;
}

TEST_CASE("spelling: an updated or removed release takes its words back", "[e2e][spelling]") {
  TempDir dir;
  const std::string db = dir / "db";
  WriteFile(dir / "c/a.txt", "Harbour report\n\nThe zqharbourword survey ended in March.\n");
  WriteFile(dir / "c/b.txt", "Other report\n\nThe zqharbourword survey began again.\n");
  REQUIRE(Index({"--db", db, "-q", dir / "c"}).exit_code == 0);
  CHECK(SpellingFrequency(db, "zqharbourword") == 2);
  CHECK(SpellingFrequency(db, "survey") == 2);

  WriteFile(dir / "c/a.txt", "Harbour report\n\nThe dredging survey ended in April.\n");
  REQUIRE(Index({"--db", db, "-q", dir / "c"}).exit_code == 0);
  CHECK(SpellingFrequency(db, "zqharbourword") == 1);
  CHECK(SpellingFrequency(db, "survey") == 2);  // taken back and added again
  CHECK(SpellingFrequency(db, "dredging") == 1);
  CHECK(SpellingFrequency(db, "march") == 0);

  std::filesystem::remove(dir / "c/b.txt");
  REQUIRE(Index({"--db", db, "-q", dir / "c"}).exit_code == 0);
  CHECK(SpellingFrequency(db, "zqharbourword") == 0);
  CHECK(Xapian::Database(db).get_spelling_suggestion("zqharbourwrd").empty());
  CHECK(SpellingFrequency(db, "survey") == 1);
}

TEST_CASE("spelling works over several databases searched as one", "[e2e][spelling]") {
  TempDir dir;
  REQUIRE(Index({"--db", dir / "trade", "-q", CorpusDir() + "/trade"}).exit_code == 0);
  REQUIRE(Index({"--db", dir / "asean", "-q", CorpusDir() + "/asean"}).exit_code == 0);
  // "durian" is only in the second database given, "asean" in both.
  const json j = SearchJson({"--db", dir / "trade", "durain"}, dir / "asean");
  CHECK(j.at("suggestion") == "durian");
  CHECK(Paths(SearchJson({"--db", dir / "trade", "durian"}, dir / "asean")).size() == 1);
  CHECK(SearchJson({"durain"}, dir / "asean").value("suggestion", "") != "durian");  // not in that one alone
}

TEST_CASE("synonyms: an organisation's acronym also finds its full name", "[e2e][synonyms]") {
  // The ASCC seed names the ASEAN Secretariat but never writes ASEC.
  CHECK_FALSE(Has(Paths(SearchJson({"asec"})), kAscc));
  CHECK(Has(Paths(SearchJson({"ASEC"})), kAscc));
  const RunResult explain = Search({"--db", CorpusDb(), "--explain", "--format", "count", "ASEC"});
  CHECK(explain.err.find("synonyms: ASEC = ASEAN Secretariat") != std::string::npos);
}

TEST_CASE("synonyms: a user's TOML file expands free text", "[e2e][synonyms]") {
  TempDir dir;
  WriteFile(dir / "synonyms.toml", "# haze in Indonesian\n[[synonym]]\nterms = [\"haze\", \"kabut asap\"]\n");
  CHECK_FALSE(Has(Paths(SearchJson({"haze"})), kKarhutla));
  const auto expanded = Paths(SearchJson({"--synonyms", dir / "synonyms.toml", "haze"}));
  CHECK(Has(expanded, kKarhutla));
  CHECK(Has(expanded, "environment/asmc-transboundary-haze-alert-level-3-2019.txt"));

  WriteFile(dir / "bad.toml", "[[synonym]]\nterms = [\"haze\"]\n");
  const RunResult bad = Search({"--db", CorpusDb(), "--synonyms", dir / "bad.toml", "haze"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("bad.toml: [[synonym]] number 1") != std::string::npos);
  CHECK(Search({"--db", CorpusDb(), "--synonyms", dir / "missing.toml", "haze"}).exit_code == 2);
}

TEST_CASE("more like this (--like): similar releases, never the release itself, with filters and paging",
          "[e2e][like]") {
  // The corpus database holds absolute paths, as its root was given.
  const std::string herald = CorpusDir() + "/syndicated/asean-labour-ministers-migrant-workers-borneo-herald.txt";
  const auto similar = Paths(SearchJson({"--like", herald, "--no-collapse", "-n", "0"}));
  REQUIRE_FALSE(similar.empty());
  CHECK(EndsWith(similar.front(), kLedger));  // its syndicated copy first
  CHECK_FALSE(Has(similar, kHerald));
  // The same path written another way.
  const std::string other_way =
      CorpusDir() + "/./syndicated//../syndicated/asean-labour-ministers-migrant-workers-borneo-herald.txt";
  CHECK(Paths(SearchJson({"--like", other_way, "--no-collapse", "-n", "0"})) == similar);

  // Filters narrow; paging pages.
  const json older = SearchJson({"--like", herald, "--no-collapse", "-n", "0", "date:..2021"});
  CHECK(older.at("results").size() < similar.size());
  for (const auto& hit : older.at("results")) CHECK(hit.at("date").get<std::string>() < "2022");
  const auto page = Paths(SearchJson({"--like", herald, "--no-collapse", "-n", "2", "--offset", "1"}));
  REQUIRE(similar.size() >= 3);
  CHECK(page == std::vector<std::string>{similar[1], similar[2]});
  const RunResult count = Search({"--db", CorpusDb(), "--like", herald, "--format", "count"});
  CHECK(std::stoul(count.out) == similar.size());

  const RunResult missing = Search({"--db", CorpusDb(), "--like", "corpus/nowhere.txt"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("corpus/nowhere.txt") != std::string::npos);
  const RunResult explain = Search({"--db", CorpusDb(), "--explain", "--format", "count", "--like", herald});
  CHECK(explain.err.find("like:     similar to " + herald) != std::string::npos);
}

TEST_CASE("near-duplicates: syndicated copies show once, with their count", "[e2e][near-dup]") {
  const RunResult text = Search({"--db", CorpusDb(), "\"migrant workers\""});
  CHECK(text.out.find("and 1 near-duplicate\n") != std::string::npos);
  const json collapsed = SearchJson({"\"migrant workers\""});
  REQUIRE(collapsed.at("results").size() == 1);
  CHECK(collapsed.at("results")[0].at("duplicates") == 1);
  CHECK(collapsed.at("total") == 2);  // releases, near-duplicates included
  const json all = SearchJson({"--no-collapse", "\"migrant workers\""});
  REQUIRE(all.at("results").size() == 2);
  for (const auto& hit : all.at("results")) CHECK(hit.at("duplicates") == 0);
  // paths lists every file for scripts; a duplicates field asks for collapsing.
  CHECK(Lines(Search({"--db", CorpusDb(), "--format", "paths", "\"migrant workers\""}).out).size() == 2);
  const RunResult tsv =
      Search({"--db", CorpusDb(), "--format", "tsv", "--no-header", "--fields", "duplicates", "\"migrant workers\""});
  CHECK(tsv.out == "1\n");
}

TEST_CASE("near-duplicates: releases that differ only in boilerplate cluster, for any -j and across runs",
          "[e2e][near-dup]") {
  TempDir dir;
  WriteOutlets(dir, {"Borneo Herald", "Straits Ledger", "Mekong Post"});
  std::vector<std::string> listings;
  // In place or as a bulk build (parallel batches compacted at the end), any -j: the same clusters.
  for (const auto& [jobs, bulk] : {std::pair{"1", "never"}, {"3", "never"}, {"1", "always"}, {"3", "always"}}) {
    const std::string db = dir / (std::string("db-j") + jobs + "-" + bulk);
    REQUIRE(Index({"--db", db, "-q", "-j", jobs, "--bulk", bulk, dir / "news"}).exit_code == 0);
    const json j = SearchJson({"migrant", "workers"}, db);
    REQUIRE(j.at("results").size() == 1);
    CHECK(j.at("results")[0].at("duplicates") == 2);
    CHECK(j.at("total") == 3);
    CHECK(SearchJson({"--no-collapse", "migrant", "workers"}, db).at("results").size() == 3);
    // The other stories are different stories, in spite of their shared chrome.
    CHECK(SearchJson({"rain"}, db).at("results").size() == 3);
    listings.push_back(Search({"--db", db, "--all", "-n", "0", "--format", "tsv", "--fields", "path,duplicates"}).out);
  }
  for (const auto& listing : listings) CHECK(listing == listings[0]);

  // A copy indexed in a later run finds the earlier one through its band terms.
  TempDir later;
  WriteOutlets(later, {"Borneo Herald"});
  const std::string db = later / "db";
  REQUIRE(Index({"--db", db, "-q", later / "news"}).exit_code == 0);
  WriteOutlets(later, {"Straits Ledger"});
  REQUIRE(Index({"--db", db, "-q", later / "news"}).exit_code == 0);
  const json j = SearchJson({"migrant", "workers"}, db);
  REQUIRE(j.at("results").size() == 1);
  CHECK(j.at("results")[0].at("duplicates") == 1);
}

TEST_CASE("three outlet copies in one folder keep their headline and story and collapse", "[e2e][collapse]") {
  TempDir dir;
  for (const std::string outlet : {"Coastal Times", "Island Daily", "Reef Report"}) {
    WriteFile(
        dir / ("c/" + outlet + ".txt"),
        outlet +
            "\n\nCouncil launches mangrove restoration programme\n\n"
            "MANILA, 12 March 2024 - The Regional Fisheries Council announced a programme to restore mangrove "
            "forests.\n\nThe programme will plant seedlings on degraded coastline and train local communities.\n\n"
            "(c) " +
            outlet + "\n");
  }
  REQUIRE(Index({"--db", dir / "db", "-q", dir / "c"}).exit_code == 0);
  CHECK(Search({"--db", dir / "db", "--format", "count", "seedlings"}).out == "3\n");
  CHECK(Search({"--db", dir / "db", "--format", "count", "title:mangrove"}).out == "3\n");
  const json r = json::parse(Search({"--db", dir / "db", "--format", "json", "seedlings"}).out);
  REQUIRE(r["results"].size() == 1);
  CHECK(r["results"][0]["title"] == "Council launches mangrove restoration programme");
  CHECK(r["results"][0]["duplicates"] == 2);
}

TEST_CASE("synonyms: a name and its exclusion split the collection", "[e2e][synonyms]") {
  const auto count = [](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", CorpusDb(), "--format", "count"});
    return std::stoi(Search(args).out);
  };
  const int all = count({"--all"});
  CHECK(count({"ASEC"}) + count({"NOT ASEC"}) == all);
  TempDir dir;
  WriteFile(dir / "syn.toml", "[[synonym]]\nterms = [\"durian\", \"typhoon\"]\n");
  CHECK(count({"--synonyms", dir / "syn.toml", "durian"}) + count({"--synonyms", dir / "syn.toml", "NOT durian"}) ==
        all);
}

TEST_CASE("synonyms: a stopword in a user group is no alternative", "[e2e][synonyms]") {
  TempDir dir;
  WriteFile(dir / "plain.toml", "[[synonym]]\nterms = [\"durian\", \"mangosteen\"]\n");
  WriteFile(dir / "stop.toml", "[[synonym]]\nterms = [\"durian\", \"mangosteen\", \"the\"]\n");
  const auto count = [&](const std::string& file) {
    return Search({"--db", CorpusDb(), "--format", "count", "--synonyms", dir / file, "durian"}).out;
  };
  CHECK(count("stop.toml") == count("plain.toml"));
}
