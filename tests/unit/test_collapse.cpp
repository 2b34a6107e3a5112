// Collapsing near-duplicates in the searcher: one result per cluster, exact
// near-duplicate counts and a total of releases, also when the matcher stops
// early (more matches than it must look at).
#include <catch2/catch.hpp>

#include "common/search.h"
#include "test_facets_fixture.h"

using namespace pressdex;

namespace {

// `fillers` releases that mention the harbour once, and `copies` of one story
// about it in one cluster.
void WriteHarbour(const std::string& path, int fillers, int copies) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  auto add = [&](const Release& r, const std::string& key) {
    Xapian::Document doc = BuildDocument(r);
    doc.add_value(schema::kClusterSlot, key);
    doc.add_boolean_term(std::string(schema::kClusterPrefix) + key);
    db.replace_document(schema::IdTerm(r.id), doc);
  };
  for (int i = 0; i < fillers; ++i) {
    add(test::MakeRelease("filler" + std::to_string(i), "2020-01-01", {}, {},
                          "weekly notice " + std::to_string(i) + " about shipping schedules near the harbour"),
        "f" + std::to_string(i));
  }
  for (int i = 0; i < copies; ++i) {
    add(test::MakeRelease("copy" + std::to_string(i), "2021-05-0" + std::to_string(i + 1), {}, {},
                          "harbour dredging contract awarded for the harbour"),
        "story");
  }
  db.commit();
}

SearchResponse Run(const std::string& path, const std::string& query, std::size_t limit, bool collapse) {
  auto searcher = Searcher::Open({path});
  REQUIRE(searcher.ok());
  SearchRequest request;
  request.query = query;
  request.limit = limit;
  request.collapse = collapse;
  auto response = (*searcher)->Search(request);
  REQUIRE(response.ok());
  return std::move(response.value());
}

}  // namespace

TEST_CASE("collapse: a cluster shows once with its count, the total counts releases", "[collapse]") {
  test::ScratchDir dir;
  // More matches than the matcher must look at (100), so it may stop early:
  // the count comes from the extra match over the shown clusters.
  for (const int fillers : {5, 300}) {
    INFO(fillers << " fillers");
    WriteHarbour(dir.path(), fillers, 3);
    const SearchResponse collapsed = Run(dir.path(), "harbour", 5, true);
    REQUIRE_FALSE(collapsed.hits.empty());
    CHECK(collapsed.hits.front().doc.id.rfind("copy", 0) == 0);
    CHECK(collapsed.hits.front().duplicates == 2);
    int copies_shown = 0;
    for (const auto& hit : collapsed.hits) copies_shown += hit.doc.id.rfind("copy", 0) == 0 ? 1 : 0;
    CHECK(copies_shown == 1);
    for (std::size_t i = 1; i < collapsed.hits.size(); ++i) CHECK(collapsed.hits[i].duplicates == 0);
    CHECK(collapsed.total == static_cast<Xapian::doccount>(fillers + 3));

    const SearchResponse all = Run(dir.path(), "harbour", 5, false);
    CHECK(all.hits.at(1).doc.id.rfind("copy", 0) == 0);  // the copies one after another
    for (const auto& hit : all.hits) CHECK(hit.duplicates == 0);
    CHECK(all.total == collapsed.total);
  }
}

// The searcher collapses on the ranked list in windows from the top; a
// cluster larger than the first window must not leave the page short.
TEST_CASE("collapse: a cluster larger than the first window still fills the page", "[collapse]") {
  test::ScratchDir dir;
  WriteHarbour(dir.path(), 30, 40);  // the 40 copies outrank every filler
  const SearchResponse page1 = Run(dir.path(), "harbour", 5, true);
  REQUIRE(page1.hits.size() == 5);
  CHECK(page1.hits.front().doc.id.rfind("copy", 0) == 0);
  CHECK(page1.hits.front().duplicates == 39);
  for (std::size_t i = 1; i < page1.hits.size(); ++i) CHECK(page1.hits[i].doc.id.rfind("filler", 0) == 0);

  auto searcher = Searcher::Open({dir.path()});
  REQUIRE(searcher.ok());
  SearchRequest request;
  request.query = "harbour";
  request.limit = 5;
  request.offset = 5;
  request.collapse = true;
  const auto page2 = (*searcher)->Search(request);
  REQUIRE(page2.ok());
  REQUIRE(page2->hits.size() == 5);
  for (const auto& hit : page2->hits) {
    CHECK(hit.doc.id.rfind("filler", 0) == 0);
    for (const auto& earlier : page1.hits) CHECK(hit.doc.id != earlier.doc.id);
  }
  CHECK(page2->total == 70);
}
