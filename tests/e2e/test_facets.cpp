// End-to-end facets and filters: the real binaries, JSON shape, exact counts
// over the whole match set, metadata labels kept as given, text drawing.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "e2e/harness.h"

using namespace pressdex::test;
using nlohmann::json;

namespace {

json SearchJson(const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db, "--format", "json"});
  const RunResult r = Search(args);
  INFO(r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return json::parse(r.out);
}

std::map<std::string, long> Counts(const json& facet) {
  std::map<std::string, long> counts;
  for (const auto& v : facet.at("values")) counts[v.at("value").get<std::string>()] = v.at("count").get<long>();
  return counts;
}

std::size_t Lines(const std::string& text, std::size_t max_columns) {
  // Columns counted as code points: the drawing is ASCII plus block characters.
  std::size_t over = 0;
  std::size_t columns = 0;
  for (const unsigned char c : text) {
    if (c == '\n') {
      if (columns > max_columns) ++over;
      columns = 0;
    } else if ((c & 0xC0) != 0x80) {
      ++columns;
    }
  }
  return over;
}

}  // namespace

TEST_CASE("facets: --facets gives date, org, topic in JSON, one shape, exact", "[e2e][facets]") {
  const json r = SearchJson(CorpusDb(), {"--all", "--facets", "-n", "2"});
  const long total = r.at("total").get<long>();
  REQUIRE(total > 10);
  const json& facets = r.at("facets");
  std::vector<std::string> keys;
  for (const auto& [key, value] : facets.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"date", "org", "topic"});
  for (const auto& [key, facet] : facets.items()) {
    INFO(key);
    CHECK(facet.at("exact") == true);
    CHECK(facet.at("more").is_number_unsigned());
    for (const auto& v : facet.at("values")) CHECK(v.at("count").get<long>() <= total);
  }
  // Dates: chronological buckets of one granularity, unknown last; every
  // release is in exactly one bucket — the whole match set, not the page.
  const json& date = facets.at("date");
  const std::string granularity = date.at("granularity");
  CHECK((granularity == "year" || granularity == "month" || granularity == "day"));
  const json& values = date.at("values");
  REQUIRE(values.size() >= 2);
  CHECK(values.back().at("value") == "unknown");
  long sum = 0;
  std::string previous;
  for (const auto& v : values) {
    sum += v.at("count").get<long>();
    const std::string value = v.at("value");
    if (value == "unknown") continue;
    CHECK(value.size() == (granularity == "year" ? 4u : granularity == "month" ? 7u : 10u));
    CHECK(value > previous);
    previous = value;
  }
  CHECK(sum == total);
  // Organisations: most releases first.
  const json& org = facets.at("org").at("values");
  REQUIRE(org.size() == 10);
  for (std::size_t i = 1; i < org.size(); ++i) CHECK(org[i - 1].at("count") >= org[i].at("count"));
}

TEST_CASE("facets: --facet FIELD:N shows N values and counts the rest", "[e2e][facets]") {
  const json all = SearchJson(CorpusDb(), {"--all", "--facet", "topic:0"});
  const json two = SearchJson(CorpusDb(), {"--all", "--facet", "topic:2", "--facet", "date:year"});
  const auto& every = all.at("facets").at("topic");
  REQUIRE(every.at("values").size() > 2);
  CHECK(every.at("more") == 0);
  CHECK(two.at("facets").at("topic").at("values").size() == 2);
  CHECK(two.at("facets").at("topic").at("more").get<std::size_t>() == every.at("values").size() - 2);
  CHECK(two.at("facets").at("date").at("granularity") == "year");
}

TEST_CASE("facet counts agree with the filters they invite", "[e2e][facets][filters]") {
  const json r = SearchJson(CorpusDb(), {"--all", "--facet", "topic:3", "--facet", "lang:3"});
  for (const char* field : {"topic", "lang"}) {
    for (const auto& v : r.at("facets").at(field).at("values")) {
      const std::string filter = std::string(field) + ":\"" + v.at("value").get<std::string>() + "\"";
      INFO(filter);
      const json narrowed = SearchJson(CorpusDb(), {filter, "--facet", field});
      CHECK(narrowed.at("total") == v.at("count"));
      // Within the narrowed set, that value is on every release.
      CHECK(Counts(narrowed.at("facets").at(field))[v.at("value").get<std::string>()] == v.at("count").get<long>());
    }
  }
}

TEST_CASE("metadata organisations and topics appear in facets exactly as given", "[e2e][facets]") {
  TempDir dir;
  WriteFile(
      dir / "in/doj.jsonl",
      R"({"title": "Accountant Indicted for Tax Fraud", "date": "2018-04-13", "components": ["Tax Division", "USAO - Florida, Southern"], "topics": ["Tax"], "body": "A federal grand jury returned an indictment."})"
      "\n"
      R"({"title": "Settlement in Housing Case", "date": "2018-03-02", "components": ["Civil Rights Division", "USAO - Florida, Southern"], "topics": ["Civil Rights", "Tax"], "body": "The department settled a lawsuit."})"
      "\n"
      R"({"title": "Annual Newsletter", "date": "2017-12-01", "components": ["Antitrust Division"], "topics": [], "body": "The division issued its newsletter."})"
      "\n");
  const RunResult index = Index({"--db", dir / "db", dir / "in"});
  INFO(index.err);
  REQUIRE(index.exit_code == 0);
  const json r = SearchJson(dir / "db", {"--all", "--facet", "org:0", "--facet", "topic:0", "--facet", "issuer:0"});
  const auto orgs = Counts(r.at("facets").at("org"));
  CHECK(orgs.at("USAO - Florida, Southern") == 2);
  CHECK(orgs.at("Tax Division") == 1);
  CHECK(orgs.at("Civil Rights Division") == 1);
  CHECK(orgs.at("Antitrust Division") == 1);
  const auto topics = Counts(r.at("facets").at("topic"));
  CHECK(topics.at("Tax") == 2);
  CHECK(topics.at("Civil Rights") == 1);
  // And each filters back to what it counted, by any case.
  CHECK(SearchJson(dir / "db", {"org:\"usao - florida, southern\""}).at("total") == 2);
  CHECK(SearchJson(dir / "db", {"topic:\"Civil Rights\""}).at("total") == 1);
  CHECK(SearchJson(dir / "db", {"-topic:tax"}).at("total") == 1);
}

TEST_CASE("text output draws tables and a date histogram that fit the terminal", "[e2e][facets]") {
  for (const std::string columns : {"60", "120"}) {
    const RunResult r = Search({"--db", CorpusDb(), "--all", "--facets", "-n", "1"}, "", {"COLUMNS=" + columns});
    INFO(r.out);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("Dates by ") != std::string::npos);
    CHECK(r.out.find("Organisations (") != std::string::npos);
    CHECK(r.out.find("Topics (") != std::string::npos);
    CHECK(r.out.find("\xE2\x96\x88") != std::string::npos);  // █
    CHECK(r.out.find("… and ") != std::string::npos);
    CHECK(r.out.find("\x1b[") == std::string::npos);  // not a terminal: no colour
    // The facet block (after the hits) never runs past the terminal.
    CHECK(Lines(r.out.substr(r.out.find("Dates by ")), std::stoul(columns)) == 0);
  }
}

TEST_CASE("filter-only queries list releases newest first", "[e2e][filters]") {
  const json r = SearchJson(CorpusDb(), {"lang:en", "-n", "0"});
  const auto& results = r.at("results");
  REQUIRE(results.size() > 5);
  std::string previous = "9999-99-99";
  bool undated = false;
  for (const auto& hit : results) {
    const std::string date = hit.value("date", "");
    if (date.empty()) {
      undated = true;
      continue;
    }
    CHECK_FALSE(undated);  // undated ones come last
    CHECK(date <= previous);
    previous = date;
  }
}

TEST_CASE("malformed dates and unknown facets are usage errors (exit 2)", "[e2e][filters]") {
  for (const std::string bad : {"date:2020-13", "date:2020-02-30", "date:2021..2020", "date:yesterday"}) {
    const RunResult r = Search({"--db", CorpusDb(), "masks", bad});
    INFO(bad << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("date") != std::string::npos);
    CHECK(r.out.empty());
  }
  const RunResult facet = Search({"--db", CorpusDb(), "masks", "--facet", "organisation"});
  CHECK(facet.exit_code == 2);
  CHECK(facet.err.find("unknown facet 'organisation'") != std::string::npos);
  const RunResult both = Search({"--db", CorpusDb(), "masks", "OR", "org:WHO"});
  CHECK(both.exit_code == 2);
}

TEST_CASE("a filter value the shell unquoted still reads as one value", "[e2e][filters]") {
  // `pressdex-search org:"World Health Organization"` in a shell passes the
  // single argument org:World Health Organization.
  const json quoted = SearchJson(CorpusDb(), {"org:\"World Health Organization\""});
  const json unquoted = SearchJson(CorpusDb(), {"org:World Health Organization"});
  CHECK(quoted.at("total").get<long>() > 0);
  CHECK(unquoted.at("total") == quoted.at("total"));
  CHECK(unquoted.at("query") == "org:\"World Health Organization\"");
}
