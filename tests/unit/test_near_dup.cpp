// Near-duplicate clusters: sketches of word shingles, the similarity that
// confirms a candidate, and cluster keys assigned in order against what a
// database already holds, or (bulk builds) what the index keeps itself.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "common/document_builder.h"
#include "common/near_dup.h"
#include "common/schema.h"
#include "test_facets_fixture.h"

using namespace pressdex;

namespace {

const std::string kStory =
    "PHNOM PENH, 27 October 2022 -- ASEAN labour ministers agreed on Thursday to strengthen social protection "
    "for migrant workers across the region, including portable social security benefits for those who move "
    "between member states for work. Meeting in the Cambodian capital, the ministers adopted a declaration "
    "that calls on governments to include migrant workers in national emergency relief schemes, after the "
    "pandemic left many stranded without wages, housing or health care. The International Labour "
    "Organization welcomed the declaration and offered technical help to draft the regional guidelines, "
    "which are due to be presented at the next meeting of senior labour officials in Jakarta next year.";

const std::string kOtherStory =
    "SINGAPORE, 13 September 2019 -- The ASEAN Specialised Meteorological Centre raised the transboundary "
    "haze alert to level three as hotspots multiplied across Sumatra and Kalimantan, and warned that dry "
    "weather would persist until the monsoon arrives. Air quality in several cities reached unhealthy levels "
    "and schools were closed in parts of Malaysia while firefighters struggled to contain peatland fires that "
    "burn underground for weeks.";

std::string WithChrome(const std::string& header, const std::string& story, const std::string& footer) {
  return header + "\n\n" + story + "\n\n" + footer;
}

Xapian::Document Doc(const std::string& id, const std::string& text, near_dup::Sketch& sketch) {
  Release r = test::MakeRelease(id, "2022-10-27", {}, {}, text);
  IndexedWords words;
  Xapian::Document doc = BuildDocument(r, {}, &words);
  sketch = near_dup::MakeSketch(words.body);
  return doc;
}

std::set<std::string> Shared(const near_dup::Sketch& a, const near_dup::Sketch& b) {
  std::set<std::string> shared;
  for (const auto& band : a.bands) {
    if (std::find(b.bands.begin(), b.bands.end(), band) != b.bands.end()) shared.insert(band);
  }
  return shared;
}

// Writes documents one file at a time, as the indexer does: into a database
// the index reads (written in place), or not (bulk: the index keeps its own).
struct Indexed {
  explicit Indexed(bool readable = true, std::size_t memory_entries = near_dup::ClusterIndex::kMemoryEntries)
      : readable(readable), clusters(memory_entries) {}
  bool readable;
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  near_dup::ClusterIndex clusters;
  std::string Add(const std::string& id, const std::string& text) {
    near_dup::Sketch sketch;
    std::vector<std::pair<std::string, Xapian::Document>> docs{{id, Doc(id, text, sketch)}};
    clusters.Assign(readable ? &db : nullptr, docs, {sketch});
    db.replace_document(schema::IdTerm(id), docs[0].second);
    return docs[0].second.get_value(schema::kClusterSlot);
  }
};

}  // namespace

TEST_CASE("the same story with other headers and footers is similar enough to cluster", "[near_dup]") {
  near_dup::Sketch a;
  near_dup::Sketch b;
  Doc("a",
      WithChrome("Borneo Herald Online\nHome | Nation | World | Business\nSubscribe to our newsletter", kStory,
                 "Copyright 2022 Borneo Herald Online. All rights reserved.\nShare this: Facebook | X"),
      a);
  Doc("b",
      WithChrome("THE STRAITS LEDGER\nNews > Region > Labour", kStory,
                 "Follow The Straits Ledger on social media.\nRead more: regional labour news"),
      b);
  const double similarity = near_dup::Similarity(a.signature, b.signature);
  CHECK(similarity >= near_dup::kMinSimilarity);
  CHECK(similarity < 1.0);
  CHECK_FALSE(Shared(a, b).empty());  // found as a candidate through a band

  near_dup::Sketch other;
  Doc("c", kOtherStory, other);
  CHECK(near_dup::Similarity(a.signature, other.signature) < 0.1);
  CHECK(Shared(a, other).empty());
}

TEST_CASE("identical bodies have identical sketches, tiny bodies have no bands", "[near_dup]") {
  const auto one = near_dup::SketchText(kStory);
  const auto two = near_dup::SketchText(kStory);
  CHECK(one.bands == two.bands);
  CHECK(one.bands.size() == near_dup::kBands);
  CHECK(near_dup::Similarity(one.signature, two.signature) == 1.0);
  CHECK(near_dup::SketchText("Photo release. No text.").bands.empty());
}

TEST_CASE("a near-duplicate joins the cluster of the release indexed before it", "[near_dup]") {
  for (const bool readable : {true, false}) {
    INFO((readable ? "written in place" : "bulk build"));
    Indexed index(readable);
    const std::string first = index.Add("herald.txt", WithChrome("Borneo Herald Online", kStory, "Copyright Herald"));
    const std::string other = index.Add("haze.txt", kOtherStory);
    const std::string second =
        index.Add("ledger.txt", WithChrome("THE STRAITS LEDGER\nNews > Region", kStory, "Follow the Ledger"));
    CHECK_FALSE(first.empty());
    CHECK(second == first);
    CHECK(other != first);
    // The key term lets a search count a cluster's members.
    CHECK(index.db.get_termfreq(std::string(schema::kClusterPrefix) + first) == 2);
  }
}

TEST_CASE("releases of one file see each other, keys do not depend on what else is indexed", "[near_dup]") {
  std::vector<near_dup::Sketch> sketches(3);
  std::vector<std::pair<std::string, Xapian::Document>> docs{
      {"f.jsonl#1", Doc("f.jsonl#1", kStory, sketches[0])},
      {"f.jsonl#2", Doc("f.jsonl#2", kOtherStory, sketches[1])},
      {"f.jsonl#3", Doc("f.jsonl#3", kStory + " Reporting by Bernama.", sketches[2])},
  };
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  near_dup::ClusterIndex clusters;
  clusters.Assign(&db, docs, sketches);
  const auto key = [&](std::size_t i) { return docs[i].second.get_value(schema::kClusterSlot); };
  CHECK(key(2) == key(0));
  CHECK(key(1) != key(0));

  // The first release of a cluster gives the key: the same alone as with others.
  Indexed alone;
  CHECK(alone.Add("f.jsonl#1", kStory) == key(0));
}

TEST_CASE("an edited release with new content does not keep its old cluster", "[near_dup]") {
  Indexed index;
  const std::string original = index.Add("a.txt", kStory);
  const std::string copy = index.Add("b.txt", WithChrome("Another outlet", kStory, "Share this"));
  REQUIRE(copy == original);
  // a.txt now carries a different story: its copy's cluster must not follow it.
  CHECK(index.Add("a.txt", kOtherStory) != original);
  // A small correction keeps the release in its cluster.
  CHECK(index.Add("b.txt", WithChrome("Another outlet", kStory, "Corrected: 28 October")) == original);
}

TEST_CASE("a bulk build finds the same clusters whether its releases are kept in memory or moved to disk",
          "[near_dup]") {
  const std::vector<std::pair<std::string, std::string>> releases{
      {"a.txt", kStory},
      {"b.txt", kOtherStory},
      {"c.txt", WithChrome("Borneo Herald Online", kStory, "Copyright Herald")},
      {"d.txt", WithChrome("Another outlet", kOtherStory, "Share this")},
      {"e.txt", WithChrome("THE STRAITS LEDGER\nNews > Region", kStory, "Follow the Ledger")},
      {"f.txt", kOtherStory + " Reporting by Bernama."},
  };
  const auto keys = [&](Indexed& index) {
    std::vector<std::string> out;
    for (const auto& [id, text] : releases) out.push_back(index.Add(id, text));
    return out;
  };
  Indexed in_place;
  const std::vector<std::string> expected = keys(in_place);
  REQUIRE(expected[2] == expected[0]);
  REQUIRE(expected[3] == expected[1]);
  for (const std::size_t memory :
       {std::size_t{1}, std::size_t{2}, std::size_t{4}, near_dup::ClusterIndex::kMemoryEntries}) {
    INFO("releases kept in memory: " << memory);
    Indexed bulk(false, memory);
    CHECK(keys(bulk) == expected);
  }
}

// A bulk build's near-duplicate scratch database goes into the build's own
// scratch folder (removed with it, also by the next run after a crash), not
// into the temporary directory, where killed runs left them behind.
TEST_CASE("the cluster index keeps its scratch database in the folder it is given", "[near_dup]") {
  test::ScratchDir parent;
  near_dup::ClusterIndex clusters(/*memory_entries=*/1);
  clusters.SetScratchParent(parent.path());
  for (const std::string id : {"a", "b", "c"}) {
    near_dup::Sketch sketch;
    std::vector<std::pair<std::string, Xapian::Document>> docs{{id, Doc(id, kStory, sketch)}};
    clusters.Assign(nullptr, docs, {sketch});
  }
  CHECK(std::filesystem::exists(std::filesystem::path(parent.path()) / "clusters" / "db" / "iamglass"));
}
