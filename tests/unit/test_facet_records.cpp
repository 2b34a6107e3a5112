// Facet records: every facet field of a release in one value, numbered by a
// dictionary in the database; counted from them, facets must equal the
// counts from the plain facet slots.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "common/document_builder.h"
#include "common/facet_record.h"
#include "common/facets.h"
#include "common/schema.h"
#include "test_facets_fixture.h"

using namespace pressdex;
using pressdex::test::Spec;

namespace {

Release Make(std::string id, std::string date, std::vector<std::string> orgs, std::vector<std::string> topics,
             std::string lang = "en", std::string place = "", std::string source = "") {
  std::vector<Organisation> named;
  for (auto& o : orgs) named.push_back(Organisation{o, {}});
  Release r = test::MakeRelease(std::move(id), std::move(date), std::move(named), std::move(topics));
  r.lang = std::move(lang);
  r.place = std::move(place);
  r.source = std::move(source);
  return r;
}

// Writes `releases` to `db` as a writer does: records numbered by `dictionary`, its names stored.
void Write(Xapian::WritableDatabase& db, FacetDictionary& dictionary, const std::vector<Release>& releases) {
  for (const auto& r : releases) {
    Xapian::Document doc = BuildDocument(r);
    dictionary.AddRecord(doc);
    db.add_document(doc);
  }
  for (const auto& [key, value] : dictionary.TakeEntries()) db.set_metadata(key, value);
}

FacetRecord Decoded(const Xapian::Database& db, Xapian::docid did) {
  FacetRecord record;
  REQUIRE(DecodeFacetRecord(db.get_document(did).get_value(schema::kFacetRecordSlot), record));
  return record;
}

}  // namespace

TEST_CASE("facet records: every field round trips through the dictionary", "[facets][records]") {
  test::ScratchDir dir;
  Xapian::WritableDatabase db(dir.path() + "/db", Xapian::DB_CREATE);
  FacetDictionary dictionary;
  Write(db, dictionary,
        {Make("a", "2020-04-29", {"WHO", "UNICEF", "WHO"}, {"health", "economy"}, "vi", "Hà Nội", "VNA"),
         Make("b", "1945-08-17", {"UNICEF"}, {}, "id", "", ""), Make("c", "", {}, {"health"}, "en", "Hà Nội", "")});
  db.commit();
  REQUIRE(HasFacetRecords(db));

  const FacetRecord a = Decoded(db, 1);
  CHECK(a.Ymd() == 20200429);
  REQUIRE(a.orgs.size() == 2);  // WHO once
  CHECK(FacetName(db, FacetField::kOrg, a.orgs[0]) == "WHO");
  CHECK(FacetName(db, FacetField::kOrg, a.orgs[1]) == "UNICEF");
  REQUIRE(a.topics.size() == 2);
  CHECK(FacetName(db, FacetField::kTopic, a.topics[1]) == "economy");
  CHECK(FacetName(db, FacetField::kLang, a.lang - 1) == "vi");
  CHECK(FacetName(db, FacetField::kPlace, a.place - 1) == "Hà Nội");
  CHECK(FacetName(db, FacetField::kSource, a.source - 1) == "VNA");
  CHECK(FacetName(db, FacetField::kIssuer, a.issuer - 1) == "WHO");

  const FacetRecord b = Decoded(db, 2);
  CHECK(b.Ymd() == 19450817);  // before 1970 too
  REQUIRE(b.orgs.size() == 1);
  CHECK(b.orgs[0] == a.orgs[1]);  // one number per name, in every release
  CHECK(b.place == 0);
  CHECK(b.source == 0);

  const FacetRecord c = Decoded(db, 3);
  CHECK(c.Ymd() == 0);
  CHECK(c.orgs.empty());
  CHECK(c.issuer == 0);
  CHECK(c.place == a.place);
}

TEST_CASE("facet records: a date that is not a calendar day is undated", "[facets][records]") {
  Xapian::Document doc;
  doc.add_value(schema::kDateSlot, "20200231");
  FacetDictionary dictionary;
  dictionary.AddRecord(doc);
  FacetRecord record;
  REQUIRE(DecodeFacetRecord(doc.get_value(schema::kFacetRecordSlot), record));
  CHECK(record.Ymd() == 0);
  doc.add_value(schema::kDateSlot, "20240229");
  dictionary.AddRecord(doc);
  REQUIRE(DecodeFacetRecord(doc.get_value(schema::kFacetRecordSlot), record));
  CHECK(record.Ymd() == 20240229);
}

TEST_CASE("facet records: truncated or padded values are not records", "[facets][records]") {
  Xapian::Document doc = BuildDocument(Make("a", "2020-04-29", {"WHO", "UNICEF"}, {"health"}));
  FacetDictionary dictionary;
  dictionary.AddRecord(doc);
  const std::string encoded = doc.get_value(schema::kFacetRecordSlot);
  FacetRecord record;
  REQUIRE(DecodeFacetRecord(encoded, record));
  for (std::size_t n = 0; n < encoded.size(); ++n) CHECK_FALSE(DecodeFacetRecord(encoded.substr(0, n), record));
  CHECK_FALSE(DecodeFacetRecord(encoded + '\x01', record));
}

TEST_CASE("facet records: spellings that fold alike share a number and keep the first", "[facets][records]") {
  test::ScratchDir dir;
  Xapian::WritableDatabase db(dir.path() + "/db", Xapian::DB_CREATE);
  FacetDictionary dictionary;
  Write(db, dictionary,
        {Make("a", "", {"KEMENTERIAN Kesihatan Malaysia"}, {}), Make("b", "", {"Kementerian  Kesihatan Malaysia"}, {}),
         Make("c", "", {"Kementerian Kesihatan Malaysia", "Société Générale"}, {}),
         Make("d", "", {"Societe Generale"}, {})});
  db.commit();
  const auto facets = test::CountFacets(db, {Spec("org:0")}, FacetCounter::kFacetSpy, Xapian::Query::MatchAll);
  REQUIRE(facets[0].values.size() == 2);
  CHECK(facets[0].values[0].value == "KEMENTERIAN Kesihatan Malaysia");
  CHECK(facets[0].values[0].count == 3);
  CHECK(facets[0].values[1].value == "Société Générale");
  CHECK(facets[0].values[1].count == 2);
  CHECK(facets[0].distinct == 2);
}

TEST_CASE("facet records: a dictionary read from the database goes on numbering after it", "[facets][records]") {
  test::ScratchDir dir;
  Xapian::WritableDatabase db(dir.path() + "/db", Xapian::DB_CREATE);
  {
    FacetDictionary first;
    Write(db, first, {Make("a", "", {"WHO", "UNICEF"}, {"health"})});
    db.commit();
  }
  FacetDictionary later(&db);  // an in-place run: names looked up as needed
  Write(db, later, {Make("b", "", {"ASEAN Secretariat", "unicef"}, {"economy", "health"})});
  db.commit();
  const FacetRecord a = Decoded(db, 1);
  const FacetRecord b = Decoded(db, 2);
  REQUIRE(b.orgs.size() == 2);
  CHECK(b.orgs[0] == 2);          // new: after WHO 0 and UNICEF 1
  CHECK(b.orgs[1] == a.orgs[1]);  // stored: the same number, however spelt
  CHECK(FacetName(db, FacetField::kOrg, 2) == "ASEAN Secretariat");
  CHECK(b.topics[1] == a.topics[0]);
}

TEST_CASE("facet records: dictionaries that disagree are seen, and renumbering makes one", "[facets][records]") {
  test::ScratchDir dir;
  Xapian::WritableDatabase one(dir.path() + "/one", Xapian::DB_CREATE);
  Xapian::WritableDatabase two(dir.path() + "/two", Xapian::DB_CREATE);
  Xapian::WritableDatabase three(dir.path() + "/three", Xapian::DB_CREATE);
  FacetDictionary d1, d2, d3;
  const std::vector<Release> first{Make("a", "2020-01-02", {"WHO"}, {"health"}),
                                   Make("b", "2020-01-03", {"UNICEF", "WHO"}, {"economy"})};
  const std::vector<Release> second{Make("c", "2021-05-06", {"UNICEF"}, {"economy", "health"}, "vi")};
  Write(one, d1, first);
  Write(two, d2, second);  // UNICEF is number 0 here, 1 in `one`
  Write(three, d3, first);
  for (auto* db : {&one, &two, &three}) db->commit();
  CHECK_FALSE(FacetDictionariesAgree({one, two}));
  CHECK(FacetDictionariesAgree({one, three}));
  CHECK(FacetDictionariesAgree({one}));

  // Merged as compaction does (records copied as they are), then renumbered.
  Xapian::WritableDatabase merged(dir.path() + "/merged", Xapian::DB_CREATE);
  for (const Xapian::Database* source : {static_cast<Xapian::Database*>(&one), static_cast<Xapian::Database*>(&two)}) {
    for (auto it = source->postlist_begin(""); it != source->postlist_end(""); ++it)
      merged.add_document(source->get_document(*it));
  }
  RebuildFacetRecords(merged);
  merged.commit();
  REQUIRE(HasFacetRecords(merged));
  const std::vector<FacetSpec> specs{Spec("org:0"), Spec("topic:0"), Spec("lang:0"), Spec("date:day")};
  const auto from_records = test::CountFacets(merged, specs, FacetCounter::kFacetSpy, Xapian::Query::MatchAll);
  const auto from_slots = test::CountFacets(merged, specs, FacetCounter::kSlots, Xapian::Query::MatchAll);
  REQUIRE(from_records.size() == from_slots.size());
  for (std::size_t i = 0; i < from_records.size(); ++i) {
    INFO(FacetFieldName(from_records[i].field));
    std::map<std::string, Xapian::doccount> a, b;
    for (const auto& v : from_records[i].values) a[v.value] = v.count;
    for (const auto& v : from_slots[i].values) b[v.value] = v.count;
    CHECK(a == b);
  }
  std::map<std::string, Xapian::doccount> orgs;
  for (const auto& v : from_records[0].values) orgs[v.value] = v.count;
  CHECK(orgs == std::map<std::string, Xapian::doccount>{{"UNICEF", 2}, {"WHO", 2}});
}

TEST_CASE("facet records and facet slots give the same facets, limits and ties included", "[facets][records]") {
  test::ScratchDir dir;
  Xapian::WritableDatabase db(dir.path() + "/db", Xapian::DB_CREATE);
  std::vector<Release> releases;
  const std::vector<std::string> orgs{"WHO", "UNICEF", "ASEAN Secretariat", "Bộ Y tế", "Antara", "Bernama", "VNA"};
  const std::vector<std::string> topics{"health", "economy", "trade", "education", "labour"};
  const std::vector<std::string> places{"Jakarta", "Hà Nội", "Bangkok", ""};
  for (int i = 0; i < 60; ++i) {
    std::vector<std::string> named;
    for (std::size_t k = 0; k < orgs.size(); ++k) {
      if ((i * 7 + static_cast<int>(k) * 3) % (static_cast<int>(k) + 2) == 0) named.push_back(orgs[k]);
    }
    std::vector<std::string> about{topics[static_cast<std::size_t>(i) % topics.size()]};
    if (i % 4 == 0) about.push_back(topics[static_cast<std::size_t>(i / 4) % topics.size()]);
    const std::string date =
        i % 9 == 0 ? "" : "2021-" + std::string(i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + "-15";
    releases.push_back(Make("r" + std::to_string(i), date, named, about, i % 5 == 0 ? "vi" : "en",
                            places[static_cast<std::size_t>(i) % places.size()], i % 3 == 0 ? "VNA" : ""));
  }
  FacetDictionary dictionary;
  Write(db, dictionary, releases);
  db.commit();
  REQUIRE(HasFacetRecords(db));
  for (const char* limit : {"0", "1", "2", "3", "5"}) {
    std::vector<FacetSpec> specs;
    for (const char* field : {"org", "issuer", "topic", "lang", "place", "source"})
      specs.push_back(Spec(std::string(field) + ":" + limit));
    specs.push_back(Spec("date"));
    for (const Xapian::Query& query :
         {Xapian::Query(Xapian::Query::MatchAll), Xapian::Query(schema::FieldTerm(schema::kTopicPrefix, "health")),
          Xapian::Query(schema::FieldTerm(schema::kOrgPrefix, "nobody"))}) {
      INFO("limit " << limit << ", query " << query.get_description());
      const auto from_records = test::CountFacets(db, specs, FacetCounter::kFacetSpy, query);
      const auto from_slots = test::CountFacets(db, specs, FacetCounter::kSlots, query);
      REQUIRE(from_records.size() == from_slots.size());
      for (std::size_t i = 0; i < from_records.size(); ++i) {
        INFO(FacetFieldName(from_records[i].field));
        const FacetResult& a = from_records[i];
        const FacetResult& b = from_slots[i];
        REQUIRE(a.values.size() == b.values.size());
        for (std::size_t v = 0; v < a.values.size(); ++v) {
          CHECK(a.values[v].value == b.values[v].value);
          CHECK(a.values[v].count == b.values[v].count);
        }
        CHECK(a.more == b.more);
        CHECK(a.distinct == b.distinct);
        CHECK(a.granularity == b.granularity);
      }
    }
  }
}
