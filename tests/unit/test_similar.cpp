// "More like this": the query made from a release's ESet terms finds its
// neighbours and never the release itself.
#include <catch2/catch.hpp>

#include <set>

#include "common/search.h"
#include "common/similar.h"
#include "test_facets_fixture.h"

using namespace pressdex;

namespace {

Release Make(std::string id, std::string date, std::string topic, std::string title, std::string text) {
  Release r = test::MakeRelease(std::move(id), std::move(date), {}, {std::move(topic)}, std::move(text));
  r.title = std::move(title);
  if (const auto hash = r.path.find('#'); hash != std::string::npos) r.path.resize(hash);
  return r;
}

class Fixture {
 public:
  Fixture() {
    test::WriteDatabase(dir_.path(), {
                                         Make("haze/asmc.txt", "2019-09-13", "environment", "Haze alert raised",
                                              "haze alert raised as peatland fires spread smoke across the border"),
                                         Make("haze/nea.txt", "2019-09-14", "environment", "Schools close in haze",
                                              "smoke haze from peatland fires closes schools, agency says"),
                                         Make("trade/rcep.txt", "2020-11-15", "trade", "Fifteen economies sign RCEP",
                                              "fifteen economies sign the trade agreement at the summit"),
                                         Make("trade/durian.txt", "2022-06-12", "trade", "Durian exports by rail",
                                              "durian exports by rail to china rise as trade grows"),
                                         Make("json/feed.jsonl#1", "2022-01-01", "environment", "Peatland restoration",
                                              "peatland restoration cuts haze and smoke"),
                                     });
    db_ = Xapian::Database(dir_.path());
  }
  const Xapian::Database& db() const { return db_; }
  std::string path() const { return dir_.path(); }

 private:
  test::ScratchDir dir_;
  Xapian::Database db_;
};

std::vector<std::string> Ids(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  std::vector<std::string> ids;
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    ids.push_back(schema::DecodeDocumentData(it.get_document().get_data())->id);
  }
  return ids;
}

}  // namespace

TEST_CASE("like: the release's own words find its neighbours, not itself", "[similar]") {
  const Fixture f;
  auto like = BuildLikeQuery(f.db(), "haze/asmc.txt");
  REQUIRE(like.ok());
  REQUIRE(like->sources.size() == 1);
  const auto ids = Ids(f.db(), like->query);
  REQUIRE_FALSE(ids.empty());
  CHECK(std::find(ids.begin(), ids.end(), "haze/asmc.txt") == ids.end());
  // The two other haze releases first; the trade ones share only "the" and "as", which are not taken.
  REQUIRE(ids.size() == 2);
  CHECK(std::set<std::string>(ids.begin(), ids.end()) == std::set<std::string>{"haze/nea.txt", "json/feed.jsonl#1"});
  // ESet terms are plain words, never prefixed (boolean) terms.
  for (const auto& term : like->terms) CHECK_FALSE((term[0] >= 'A' && term[0] <= 'Z'));
  CHECK(like->description.find("similar to haze/asmc.txt") == 0);
}

TEST_CASE("like: a release is named by id, by its file, or by another spelling of the path", "[similar]") {
  const Fixture f;
  CHECK(BuildLikeQuery(f.db(), "json/feed.jsonl#1").ok());
  CHECK(BuildLikeQuery(f.db(), "json/feed.jsonl").ok());  // the file: every release in it
  CHECK(BuildLikeQuery(f.db(), "./haze//nea.txt").ok());
  auto missing = BuildLikeQuery(f.db(), "haze/nowhere.txt");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Status::Code::kInvalidArgument);
  CHECK(missing.status().message().find("haze/nowhere.txt") != std::string::npos);
}

TEST_CASE("like through the searcher: filters narrow, paging and sorting apply", "[similar]") {
  const Fixture f;
  auto searcher = Searcher::Open({f.path()});
  REQUIRE(searcher.ok());
  SearchRequest request;
  request.like = "trade/rcep.txt";
  request.match_all = true;
  auto all = (*searcher)->Search(request);
  REQUIRE(all.ok());
  REQUIRE(all->total >= 1);
  CHECK(all->hits.front().doc.id == "trade/durian.txt");
  CHECK(all->understood.like.find("similar to trade/rcep.txt") == 0);

  request.like = "haze/asmc.txt";
  request.query = "date:2022";
  auto filtered = (*searcher)->Search(request);
  REQUIRE(filtered.ok());
  REQUIRE(filtered->hits.size() == 1);
  CHECK(filtered->hits.front().doc.id == "json/feed.jsonl#1");
}
