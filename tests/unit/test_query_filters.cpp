// Filters in the query language: field filters OR within a field and AND
// across fields, negation, dates (points, ranges, open, relative), errors,
// filter-only queries newest first, and scores that filters never change.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "common/query.h"
#include "common/search.h"
#include "test_facets_fixture.h"

using namespace pressdex;
using namespace std::chrono;

namespace {

const sys_days kToday = sys_days{year{2021} / 3 / 31};

DateRange Dates(std::string_view value) {
  auto r = ParseDateFilter(value, kToday);
  INFO(value);
  REQUIRE(r.ok());
  return *r;
}

std::string DateError(std::string_view value) {
  auto r = ParseDateFilter(value, kToday);
  INFO(value);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Status::Code::kInvalidArgument);
  return r.status().message();
}

Organisation Org(std::string name, std::vector<std::string> aliases = {}) {
  return {std::move(name), std::move(aliases)};
}

// A small database every test here shares.
class Fixture {
 public:
  Fixture() {
    test::WriteDatabase(
        dir_.path(),
        {
            test::MakeRelease("a", "2020-04-29", {Org("ASEAN Secretariat", {"ASEC"})}, {"health"},
                              "masks masks masks for health workers"),
            test::MakeRelease("b", "2020-04-01", {Org("World Health Organization", {"WHO"})}, {"health"},
                              "masks for everyone"),
            test::MakeRelease("c", "2019-12-31",
                              {Org("ASEAN Secretariat", {"ASEC"}), Org("World Health Organization", {"WHO"})},
                              {"economy"}, "trade and masks"),
            test::MakeRelease("d", "2021-03-15", {Org("UNICEF")}, {"education"}, "schools reopen"),
            test::MakeRelease("e", "", {Org("UNICEF")}, {"health"}, "masks in schools"),
        });
    auto s = Searcher::Open({dir_.path()});
    REQUIRE(s.ok());
    searcher_ = std::move(s.value());
  }

  // Ids of the releases matching `query`, in result order.
  std::vector<std::string> Ids(const std::string& query, SortOrder sort = SortOrder::kRelevance) {
    SearchRequest request;
    request.query = query;
    request.limit = 0;
    request.snippets = false;
    request.sort = sort;
    request.query_options.today = kToday;
    auto response = searcher_->Search(request);
    INFO(query);
    REQUIRE(response.ok());
    std::vector<std::string> ids;
    for (const auto& hit : response->hits) ids.push_back(hit.doc.id);
    return ids;
  }
  std::set<std::string> Set(const std::string& query) {
    const auto ids = Ids(query);
    return {ids.begin(), ids.end()};
  }
  std::map<std::string, double> Scores(const std::string& query) {
    SearchRequest request;
    request.query = query;
    request.limit = 0;
    request.snippets = false;
    auto response = searcher_->Search(request);
    REQUIRE(response.ok());
    std::map<std::string, double> scores;
    for (const auto& hit : response->hits) scores[hit.doc.id] = hit.score;
    return scores;
  }
  Status Error(const std::string& query) {
    SearchRequest request;
    request.query = query;
    request.query_options.today = kToday;
    auto response = searcher_->Search(request);
    INFO(query);
    REQUIRE_FALSE(response.ok());
    return response.status();
  }

 private:
  test::ScratchDir dir_;
  std::unique_ptr<Searcher> searcher_;
};

using Ids = std::set<std::string>;

}  // namespace

TEST_CASE("date filter values: points, ranges, open ends", "[query][dates]") {
  CHECK(Dates("2020").from == "20200101");
  CHECK(Dates("2020").to == "20201231");
  CHECK(Dates("2020-02").to == "20200229");  // leap year
  CHECK(Dates("2021-02").to == "20210228");
  CHECK(Dates("2020-04-29").from == "20200429");
  CHECK(Dates("2020-04-29").to == "20200429");
  CHECK(Dates("2020-04-01..2020-06-30").from == "20200401");
  CHECK(Dates("2020-04-01..2020-06-30").to == "20200630");
  CHECK(Dates("2019..2020-03").to == "20200331");
  CHECK(Dates("..2019").from.empty());
  CHECK(Dates("..2019").to == "20191231");
  CHECK(Dates("2021..").from == "20210101");
  CHECK(Dates("2021..").to.empty());
}

TEST_CASE("relative dates count back from today", "[query][dates]") {
  CHECK(Dates("30d..").from == "20210301");
  CHECK(Dates("30d..").to.empty());
  CHECK(Dates("30d").from == "20210301");  // "the last 30 days"
  CHECK(Dates("30d").to.empty());
  CHECK(Dates("2w..").from == "20210317");
  CHECK(Dates("1m..").from == "20210228");  // 31 March - 1 month, clamped to the month's end
  CHECK(Dates("1y..").from == "20200331");
  CHECK(Dates("2y..1y").to == "20200331");
  CHECK(Dates("2020..30d").to == "20210301");
}

TEST_CASE("malformed dates are errors that say what is wrong", "[query][dates]") {
  for (const char* bad : {"2020-13", "2020-02-30", "20200429", "April", "2020-4", "20d20", "", "x..2020", "2020..y"})
    CHECK(DateError(bad).find("bad date") != std::string::npos);
  CHECK(DateError("..").find("at least one end") != std::string::npos);
  CHECK(DateError("2021..2020").find("ends before it starts") != std::string::npos);
  CHECK(DateError("99999999999d").find("bad date") != std::string::npos);  // no overflow, no exception
}

TEST_CASE("field filters: any alias, any case, OR within a field, AND across fields", "[query][filters]") {
  Fixture f;
  CHECK(f.Set("masks org:ASEC") == Ids{"a", "c"});
  CHECK(f.Set("masks org:asec") == Ids{"a", "c"});
  CHECK(f.Set("masks org:\"asean secretariat\"") == Ids{"a", "c"});
  CHECK(f.Set("masks org:ASEC org:WHO") == Ids{"a", "b", "c"});
  CHECK(f.Set("masks org:ASEC org:WHO topic:health") == Ids{"a", "b"});
  CHECK(f.Set("masks issuer:WHO") == Ids{"b"});
  CHECK(f.Set("masks lang:en") == Ids{"a", "b", "c", "e"});
  CHECK(f.Set("masks lang:English") == Ids{"a", "b", "c", "e"});
  CHECK(f.Set("masks lang:vi").empty());
}

TEST_CASE("negated filters exclude", "[query][filters]") {
  Fixture f;
  CHECK(f.Set("masks -org:WHO") == Ids{"a", "e"});
  CHECK(f.Set("masks -org:WHO -topic:health").empty());
  CHECK(f.Set("masks topic:health -org:UNICEF") == Ids{"a", "b"});
  CHECK(f.Set("masks -date:2020") == Ids{"c", "e"});  // undated releases are not in 2020
}

TEST_CASE("filters next to AND / NOT read as the user meant", "[query][filters]") {
  Fixture f;
  CHECK(f.Set("masks AND org:WHO") == f.Set("masks org:WHO"));
  CHECK(f.Set("org:WHO AND masks") == f.Set("masks org:WHO"));
  CHECK(f.Set("masks NOT org:WHO") == f.Set("masks -org:WHO"));
  CHECK(f.Set("masks AND NOT org:WHO") == f.Set("masks -org:WHO"));
  CHECK(f.Set("org:UNICEF NOT masks") == Ids{"d"});
  CHECK(f.Set("masks AND NOT trade") == Ids{"a", "b", "e"});
  const Status s = f.Error("masks OR org:WHO");
  CHECK(s.code() == Status::Code::kInvalidArgument);
  CHECK(s.message().find("org:A org:B") != std::string::npos);
}

TEST_CASE("date filters: periods, ranges, open and relative ranges", "[query][filters][dates]") {
  Fixture f;
  CHECK(f.Set("masks date:2020") == Ids{"a", "b"});
  CHECK(f.Set("masks date:2020-04") == Ids{"a", "b"});
  CHECK(f.Set("masks date:2020-04-29") == Ids{"a"});
  CHECK(f.Set("masks date:2019-12-31..2020-04-01") == Ids{"b", "c"});
  CHECK(f.Set("masks date:..2019") == Ids{"c"});
  CHECK(f.Set("date:2021..") == Ids{"d"});
  CHECK(f.Set("date:30d..") == Ids{"d"});  // today is 2021-03-31 here
  CHECK(f.Set("date:1y") == Ids{"a", "b", "d"});
  CHECK(f.Set("masks date:2019 date:2021") == Ids{"c"});  // two dates: either
}

TEST_CASE("malformed date filters fail the query with the column", "[query][dates]") {
  Fixture f;
  const Status s = f.Error("masks date:2020-13");
  CHECK(s.code() == Status::Code::kInvalidArgument);
  CHECK(s.message().find("column 7") != std::string::npos);
  CHECK(s.message().find("2020-13") != std::string::npos);
  CHECK(f.Error("date:").message().find("needs a value") != std::string::npos);
  // Columns count characters, not bytes.
  CHECK(f.Error("Việt date:2020-13").message().find("column 6") != std::string::npos);
  CHECK(f.Error("東京 \"a").message().find("column 4") != std::string::npos);
}

TEST_CASE("filter-only queries list matches newest first, undated last", "[query][filters]") {
  Fixture f;
  CHECK(f.Ids("org:UNICEF") == std::vector<std::string>{"d", "e"});
  CHECK(f.Ids("org:ASEC org:WHO") == std::vector<std::string>{"a", "b", "c"});
  CHECK(f.Ids("-org:ASEC") == std::vector<std::string>{"d", "b", "e"});
  CHECK(f.Ids("org:ASEC org:WHO", SortOrder::kOldest) == std::vector<std::string>{"c", "b", "a"});
}

TEST_CASE("filters never change scores", "[query][filters]") {
  Fixture f;
  const auto plain = f.Scores("masks");
  for (const char* filtered : {"masks org:ASEC", "masks topic:health", "masks date:2020", "masks -org:UNICEF",
                               "masks date:2019..2020 lang:en"}) {
    INFO(filtered);
    const auto scores = f.Scores(filtered);
    REQUIRE_FALSE(scores.empty());
    for (const auto& [id, score] : scores) CHECK(score == Approx(plain.at(id)).epsilon(1e-12));
  }
}

TEST_CASE("relevance ties break by date, newest first, then id", "[query]") {
  test::ScratchDir dir;
  test::WriteDatabase(dir.path(), {test::MakeRelease("b", "2020-01-01", {}, {}, "same words"),
                                   test::MakeRelease("a", "2020-01-01", {}, {}, "same words"),
                                   test::MakeRelease("c", "2021-01-01", {}, {}, "same words")});
  auto searcher = Searcher::Open({dir.path()});
  REQUIRE(searcher.ok());
  SearchRequest request;
  request.query = "same";
  request.snippets = false;
  auto response = (*searcher)->Search(request);
  REQUIRE(response.ok());
  std::vector<std::string> ids;
  for (const auto& hit : response->hits) ids.push_back(hit.doc.id);
  // Titles differ ("Release a"...), bodies are the same: scores tie.
  CHECK(ids == std::vector<std::string>{"c", "a", "b"});

  // Pages cut through the tie: each is its slice of the whole order (a
  // page's end inside the tie takes the sorted match, one after it doesn't).
  for (std::size_t offset = 0; offset < 3; ++offset) {
    for (std::size_t limit = 1; limit <= 3; ++limit) {
      INFO("offset " << offset << " limit " << limit);
      request.offset = offset;
      request.limit = limit;
      auto page = (*searcher)->Search(request);
      REQUIRE(page.ok());
      std::vector<std::string> got;
      for (const auto& hit : page->hits) got.push_back(hit.doc.id);
      const std::size_t end = std::min<std::size_t>(offset + limit, ids.size());
      CHECK(got == std::vector<std::string>(ids.begin() + static_cast<std::ptrdiff_t>(offset),
                                            ids.begin() + static_cast<std::ptrdiff_t>(end)));
      CHECK(page->total == 3);
    }
  }
}

TEST_CASE("excluded words alone exclude: every release without them", "[query]") {
  Fixture f;
  // QueryParser reads a lone "-word" as the word itself; Pressdex must not.
  CHECK(f.Set("-masks") == Ids{"d"});
  CHECK(f.Set("-schools -trade") == Ids{"a", "b"});
  CHECK(f.Set("NOT masks") == Ids{"d"});
  CHECK(f.Set("-\"masks for\"") == Ids{"c", "d", "e"});
  CHECK(f.Set("-(schools OR trade)") == Ids{"a", "b"});
  CHECK(f.Set("-masks org:UNICEF") == Ids{"d"});
  CHECK(f.Set("-title:zzz").size() == 5);
  // Nothing to rank by: listed newest first, undated last.
  CHECK(f.Ids("-schools") == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("a sign before a phrase or parentheses applies to all of it", "[query]") {
  Fixture f;
  CHECK(f.Set("masks -\"masks for\"") == Ids{"c", "e"});
  CHECK(f.Set("masks -(schools OR trade)") == Ids{"a", "b"});
  CHECK(f.Set("masks +\"for health\"") == Ids{"a"});
}

TEST_CASE("a query with nothing searchable finds nothing, an empty one finds all", "[query]") {
  Fixture f;
  for (const char* q : {"!!!", "*", "-", "+", ":", "\"\"", "\xC3"}) {
    INFO(q);
    CHECK(f.Set(q).empty());
  }
  CHECK(f.Set("   ").size() == 5);
  CHECK(f.Set("-org:WHO") == Ids{"a", "d", "e"});
}
