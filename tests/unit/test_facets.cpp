// Facets: spec parsing, exact per-release counting, date buckets, the
// serialisable spy (remote shards merge), text and JSON rendering.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <map>
#include <memory>

#include "common/document_builder.h"
#include "common/facet_render.h"
#include "common/facet_spy.h"
#include "common/facets.h"
#include "common/schema.h"
#include "test_facets_fixture.h"

using namespace pressdex;
using pressdex::test::Spec;

namespace {

Release MakeRelease(std::string id, std::string date, std::vector<std::string> orgs, std::vector<std::string> topics,
                    std::string lang = "en") {
  Release r;
  r.id = std::move(id);
  r.path = r.id;
  r.title = "Title of " + r.id;
  r.text = "common body words about health";
  r.date = std::move(date);
  r.lang = std::move(lang);
  for (auto& o : orgs) r.orgs.push_back(Organisation{o, {}});
  if (!r.orgs.empty()) r.issuer = r.orgs.front();
  r.topics = std::move(topics);
  return r;
}

Xapian::WritableDatabase Db(const std::vector<Release>& releases) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& r : releases) db.add_document(BuildDocument(r));
  return db;
}

// Runs `query` over `db` with `spies` attached, seeing every match.
void Spy(const Xapian::Database& db, const Xapian::Query& query, std::initializer_list<Xapian::MatchSpy*> spies) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  for (Xapian::MatchSpy* spy : spies) enquire.add_matchspy(spy);
  enquire.get_mset(0, 10, db.get_doccount());
}
void Spy(const Xapian::Database& db, const Xapian::Query& query, Xapian::MatchSpy& spy) { Spy(db, query, {&spy}); }

std::map<std::string, Xapian::doccount> AsMap(const FacetResult& r) {
  std::map<std::string, Xapian::doccount> m;
  for (const auto& v : r.values) m[v.value] = v.count;
  return m;
}

}  // namespace

TEST_CASE("facet specs: FIELD[:N], date granularity, clear errors", "[facets]") {
  CHECK(Spec("org").field == FacetField::kOrg);
  CHECK(Spec("org").limit == 10);
  CHECK(Spec("topic:20").limit == 20);
  CHECK(Spec("issuer:0").limit == 0);
  CHECK(Spec("date").limit == 0);  // a histogram shows its whole span
  CHECK(Spec("date").granularity == DateGranularity::kAuto);
  CHECK(Spec("date:month").granularity == DateGranularity::kMonth);
  CHECK(Spec("date:year:5").limit == 5);
  CHECK(Spec("date:7").limit == 7);
  for (const char* bad : {"orgs", "", "org:", "org:x", "org:-1", "date:week", "date:month:x", "lang:5:5"}) {
    INFO(bad);
    const auto spec = ParseFacetSpec(bad);
    REQUIRE_FALSE(spec.ok());
    CHECK(spec.status().code() == Status::Code::kInvalidArgument);
  }
  CHECK(ParseFacetSpec("orgs").status().message().find("org, issuer, topic") != std::string::npos);
  const auto defaults = DefaultFacets();
  REQUIRE(defaults.size() == 3);
  CHECK(FacetFieldName(defaults[0].field) == "date");
  CHECK(FacetFieldName(defaults[1].field) == "org");
  CHECK(FacetFieldName(defaults[2].field) == "topic");
}

TEST_CASE("list facets count each value once per release", "[facets]") {
  // The second release names WHO twice: it still counts once.
  auto db = Db({MakeRelease("a", "2020-04-01", {"ASEAN Secretariat", "WHO"}, {"health"}),
                MakeRelease("b", "2020-04-02", {"WHO", "UNICEF", "WHO"}, {"health", "health", "economy"}),
                MakeRelease("c", "", {}, {})});
  FacetSpy orgs(schema::kOrgsSlot, FacetSpy::Kind::kList);
  FacetSpy topics(schema::kTopicsSlot, FacetSpy::Kind::kList);
  Spy(db, Xapian::Query::MatchAll, {&orgs, &topics});
  CHECK(orgs.documents() == 3);
  CHECK(orgs.without_value() == 1);
  CHECK(AsMap(SummariseFacet(Spec("org"), orgs)) ==
        std::map<std::string, Xapian::doccount>{{"ASEAN Secretariat", 1}, {"UNICEF", 1}, {"WHO", 2}});
  CHECK(AsMap(SummariseFacet(Spec("topic"), topics)) ==
        std::map<std::string, Xapian::doccount>{{"economy", 1}, {"health", 2}});
}

TEST_CASE("names that differ only in case or accents are one facet value, as the filter finds them", "[facets]") {
  auto db = Db({MakeRelease("a", "", {"KEMENTERIAN Kesihatan Malaysia"}, {}),
                MakeRelease("b", "", {"Kementerian Kesihatan Malaysia"}, {}),
                MakeRelease("c", "", {"Kementerian Kesihatan Malaysia", "Société Générale"}, {}),
                MakeRelease("d", "", {"Societe Generale"}, {}), MakeRelease("e", "", {"WHO"}, {}),
                MakeRelease("f", "", {"Kementerian  Kesihatan Malaysia"}, {})});
  FacetSpy orgs(schema::kOrgsSlot, FacetSpy::Kind::kList);
  FacetSpy issuers(schema::kIssuerSlot, FacetSpy::Kind::kSingle);
  Spy(db, Xapian::Query::MatchAll, {&orgs, &issuers});
  const FacetResult r = SummariseFacet(Spec("org"), orgs);
  // Shown in the spelling most releases use; a tie goes to the first in byte order.
  CHECK(AsMap(r) == std::map<std::string, Xapian::doccount>{
                        {"Kementerian Kesihatan Malaysia", 4}, {"Societe Generale", 2}, {"WHO", 1}});
  CHECK(r.distinct == 3);
  for (const auto& v : r.values) CHECK(db.get_termfreq(schema::FieldTerm(schema::kOrgPrefix, v.value)) == v.count);
  CHECK(AsMap(SummariseFacet(Spec("issuer"), issuers))["Kementerian Kesihatan Malaysia"] == 4);
}

TEST_CASE("facet values: by count then value, limited, the rest counted in more", "[facets]") {
  FacetSpy spy(schema::kLangSlot, FacetSpy::Kind::kSingle);
  std::vector<Release> releases;
  const std::vector<std::pair<std::string, int>> langs{{"en", 5}, {"vi", 3}, {"th", 3}, {"id", 1}, {"ms", 1}};
  int n = 0;
  for (const auto& [lang, count] : langs)
    for (int i = 0; i < count; ++i) releases.push_back(MakeRelease(std::to_string(n++), "", {}, {}, lang));
  Spy(Db(releases), Xapian::Query::MatchAll, spy);
  const FacetResult r = SummariseFacet(Spec("lang:3"), spy);
  REQUIRE(r.values.size() == 3);
  CHECK(r.values[0].value == "en");
  CHECK(r.values[0].count == 5);
  CHECK(r.values[1].value == "th");  // ties in byte order
  CHECK(r.values[2].value == "vi");
  CHECK(r.more == 2);
  CHECK(r.distinct == 5);
  CHECK(r.exact);
  CHECK(SummariseFacet(Spec("lang:0"), spy).values.size() == 5);
}

TEST_CASE("date facet: automatic granularity from the span of the matches", "[facets]") {
  auto granularity = [](std::vector<std::string> dates) {
    std::vector<Release> rs;
    for (std::size_t i = 0; i < dates.size(); ++i) rs.push_back(MakeRelease(std::to_string(i), dates[i], {}, {}));
    FacetSpy spy(schema::kDateSlot, FacetSpy::Kind::kDate);
    Spy(Db(rs), Xapian::Query::MatchAll, spy);
    return SummariseFacet(Spec("date"), spy).granularity;
  };
  CHECK(granularity({"2020-04-01", "2020-04-29"}) == "day");
  CHECK(granularity({"2020-04-01", "2020-06-29"}) == "month");
  CHECK(granularity({"2017-01-01", "2020-06-29"}) == "month");
  CHECK(granularity({"2009-01-01", "2018-04-29"}) == "year");
  CHECK(granularity({}) == "year");
}

TEST_CASE("date facet: chronological buckets, gaps as zero, unknown last", "[facets]") {
  auto db = Db({MakeRelease("a", "2020-01-15", {}, {}), MakeRelease("b", "2020-01-20", {}, {}),
                MakeRelease("c", "2020-04-02", {}, {}), MakeRelease("d", "", {}, {}), MakeRelease("e", "", {}, {})});
  FacetSpy spy(schema::kDateSlot, FacetSpy::Kind::kDate);
  Spy(db, Xapian::Query::MatchAll, spy);
  const FacetResult month = SummariseFacet(Spec("date"), spy);
  CHECK(month.granularity == "month");
  std::vector<std::pair<std::string, Xapian::doccount>> got;
  for (const auto& v : month.values) got.emplace_back(v.value, v.count);
  CHECK(got == std::vector<std::pair<std::string, Xapian::doccount>>{
                   {"2020-01", 2}, {"2020-02", 0}, {"2020-03", 0}, {"2020-04", 1}, {"unknown", 2}});

  const FacetResult year = SummariseFacet(Spec("date:year"), spy);
  REQUIRE(year.values.size() == 2);
  CHECK(year.values[0].value == "2020");
  CHECK(year.values[0].count == 3);

  const FacetResult day = SummariseFacet(Spec("date:day"), spy);
  CHECK(day.values.front().value == "2020-01-15");
  CHECK(day.values.size() == 79 + 1);  // 2020-01-15 .. 2020-04-02, then unknown

  // The latest N buckets; earlier non-empty ones counted in `more`.
  const FacetResult last2 = SummariseFacet(Spec("date:month:2"), spy);
  REQUIRE(last2.values.size() == 3);
  CHECK(last2.values[0].value == "2020-03");
  CHECK(last2.values[1].value == "2020-04");
  CHECK(last2.more == 1);
}

TEST_CASE("date facet: values that are not calendar dates count as unknown", "[facets]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* value : {"20200229", "20210229", "20201301", "2020-01-01", "20200100", "abcdefgh", "20200131"}) {
    Xapian::Document doc;
    doc.add_value(schema::kDateSlot, value);
    db.add_document(doc);
  }
  FacetSpy spy(schema::kDateSlot, FacetSpy::Kind::kDate);
  Spy(db, Xapian::Query::MatchAll, spy);
  const FacetResult r = SummariseFacet(Spec("date:year"), spy);
  REQUIRE(r.values.size() == 2);
  CHECK(r.values[0].value == "2020");
  CHECK(r.values[0].count == 2);  // 2020-02-29 (a leap day) and 2020-01-31
  CHECK(r.values[1].value == "unknown");
  CHECK(r.values[1].count == 5);
}

TEST_CASE("date facet: nothing dated still reports unknown", "[facets]") {
  FacetSpy spy(schema::kDateSlot, FacetSpy::Kind::kDate);
  Spy(Db({MakeRelease("a", "", {}, {})}), Xapian::Query::MatchAll, spy);
  const FacetResult r = SummariseFacet(Spec("date"), spy);
  REQUIRE(r.values.size() == 1);
  CHECK(r.values[0].value == "unknown");
  CHECK(r.values[0].count == 1);
}

TEST_CASE("facet spy: serialised results of two shards merge to the whole", "[facets]") {
  const std::vector<Release> left{MakeRelease("a", "2020-01-15", {"WHO", "ASEAN Secretariat"}, {"health"}),
                                  MakeRelease("b", "", {"WHO"}, {})};
  const std::vector<Release> right{MakeRelease("c", "2020-03-01", {"WHO", "UNICEF"}, {"health", "education"}),
                                   MakeRelease("d", "2021-01-01", {}, {"education"})};
  std::vector<Release> both = left;
  both.insert(both.end(), right.begin(), right.end());

  for (const auto& [slot, kind] :
       std::vector<std::pair<Xapian::valueno, FacetSpy::Kind>>{{schema::kOrgsSlot, FacetSpy::Kind::kList},
                                                               {schema::kTopicsSlot, FacetSpy::Kind::kList},
                                                               {schema::kDateSlot, FacetSpy::Kind::kDate},
                                                               {schema::kLangSlot, FacetSpy::Kind::kSingle}}) {
    FacetSpy local(slot, kind);

    // The way a remote server builds its spy: by name, from the registry.
    Xapian::Registry registry;
    RegisterFacetSpy(registry);
    const Xapian::MatchSpy* proto = registry.get_match_spy(local.name());
    REQUIRE(proto != nullptr);
    std::unique_ptr<Xapian::MatchSpy> shard1(proto->unserialise(local.serialise(), registry));
    std::unique_ptr<Xapian::MatchSpy> shard2(local.clone());
    Spy(Db(left), Xapian::Query::MatchAll, *shard1);
    Spy(Db(right), Xapian::Query::MatchAll, *shard2);
    local.merge_results(shard1->serialise_results());
    local.merge_results(shard2->serialise_results());

    FacetSpy whole(slot, kind);
    Spy(Db(both), Xapian::Query::MatchAll, whole);
    CHECK(local.documents() == 4);
    CHECK(local.documents() == whole.documents());
    CHECK(local.without_value() == whole.without_value());
    CHECK(local.counts() == whole.counts());
  }
}

TEST_CASE("facet spy: malformed serialised data is an error, and changes nothing", "[facets]") {
  FacetSpy spy(schema::kOrgsSlot, FacetSpy::Kind::kList);
  CHECK_THROWS_AS(spy.merge_results("\x05"), Xapian::SerialisationError);
  CHECK_THROWS_AS(spy.merge_results(std::string("\x01\x00\x01\x09WHO", 7)), Xapian::SerialisationError);
  CHECK(spy.documents() == 0);
  CHECK(spy.counts().empty());
  CHECK_THROWS_AS(spy.unserialise(std::string("\x02\x07", 2), Xapian::Registry()), Xapian::SerialisationError);
}

TEST_CASE("facet collector: one spy per field, results in the order asked", "[facets]") {
  auto db = Db({MakeRelease("a", "2020-01-15", {"WHO"}, {"health"}),
                MakeRelease("b", "2020-01-16", {"WHO", "UNICEF"}, {"education"})});
  FacetCollector collector({Spec("topic"), Spec("org:1"), Spec("date"), Spec("org:5")});
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  collector.Attach(enquire, db);
  enquire.get_mset(0, 0, db.get_doccount());
  const auto results = collector.Results();
  REQUIRE(results.size() == 3);  // org asked twice: the later spec wins, first place kept
  CHECK(results[0].field == FacetField::kTopic);
  CHECK(results[1].field == FacetField::kOrg);
  CHECK(results[1].values.size() == 2);
  CHECK(results[2].field == FacetField::kDate);
  CHECK(results[2].granularity == "day");
}

TEST_CASE("list fields are also spread one distinct value per slot of their range", "[facets][schema]") {
  // The ranges sit above every fixed slot and apart from each other.
  CHECK(schema::kOrgValueSlots.base > schema::kTextSlot);
  CHECK(schema::kOrgValueSlots.base + schema::kOrgValueSlots.size <= schema::kTopicValueSlots.base);
  CHECK(schema::kTopicValueSlots.size > 0);

  Release r = MakeRelease("a", "2020-01-15", {"WHO", "UNICEF", "WHO", "", "ASEAN Secretariat"},
                          {"health", "economy", "health"});
  const Xapian::Document doc = BuildDocument(r);
  CHECK(doc.get_value(schema::kOrgValueSlots[0]) == "WHO");
  CHECK(doc.get_value(schema::kOrgValueSlots[1]) == "UNICEF");
  CHECK(doc.get_value(schema::kOrgValueSlots[2]) == "ASEAN Secretariat");
  CHECK(doc.get_value(schema::kOrgValueSlots[3]).empty());
  CHECK(doc.get_value(schema::kTopicValueSlots[0]) == "health");
  CHECK(doc.get_value(schema::kTopicValueSlots[1]) == "economy");
  CHECK(doc.get_value(schema::kTopicValueSlots[2]).empty());
  // The list slots the local FacetSpy reads stay as they were.
  CHECK(schema::DecodeList(doc.get_value(schema::kOrgsSlot)).size() == 4);

  const Xapian::Document none = BuildDocument(MakeRelease("b", "", {}, {}));
  CHECK(none.get_value(schema::kOrgValueSlots[0]).empty());
  CHECK(none.get_value(schema::kTopicValueSlots[0]).empty());
}

TEST_CASE("value-count spies (the remote kind) give the FacetSpy counts, every field", "[facets]") {
  // One release names 40 organisations: 40 slots of the range, one spy each.
  std::vector<std::string> many;
  for (int i = 0; i < 40; ++i) many.push_back("Org " + std::to_string(i % 37));  // 3 repeats
  std::vector<Release> releases{
      MakeRelease("a", "2020-01-15", {"WHO", "ASEAN Secretariat"}, {"health"}, "en"),
      MakeRelease("b", "2020-01-16", {"WHO", "UNICEF", "WHO"}, {"health", "economy", "health"}, "vi"),
      MakeRelease("c", "2021-03-01", many, {"economy"}, "th"),
      MakeRelease("d", "", {}, {}, "en"),
      MakeRelease("e", "2019-12-31", {"UNICEF", "Org 5"}, {"education", "health"}, "en"),
  };
  releases[0].place = "Jakarta";
  releases[1].place = "Hà Nội";
  releases[2].place = "Jakarta";
  releases[0].source = "VNA";
  releases[4].source = "Antara";
  Xapian::WritableDatabase db = Db(releases);
  Xapian::Document odd;  // a date slot holding something else counts as unknown on both sides
  odd.add_value(schema::kDateSlot, "20201301");
  db.add_document(odd);

  for (const char* date : {"date", "date:year", "date:month", "date:day"}) {
    INFO(date);
    const std::vector<FacetSpec> specs{Spec("org:0"),   Spec("topic:0"),  Spec("issuer:0"), Spec("lang:0"),
                                       Spec("place:0"), Spec("source:0"), Spec(date)};
    for (const Xapian::Query& query :
         {Xapian::Query(Xapian::Query::MatchAll), Xapian::Query(schema::FieldTerm(schema::kTopicPrefix, "health"))}) {
      const auto spy = test::CountFacets(db, specs, FacetCounter::kFacetSpy, query);
      const auto counted = test::CountFacets(db, specs, FacetCounter::kValueCount, query);
      REQUIRE(spy.size() == counted.size());
      for (std::size_t i = 0; i < spy.size(); ++i) {
        INFO(FacetFieldName(spy[i].field));
        CHECK(counted[i].field == spy[i].field);
        CHECK(counted[i].granularity == spy[i].granularity);
        CHECK(AsMap(counted[i]) == AsMap(spy[i]));
        CHECK(counted[i].distinct == spy[i].distinct);
        CHECK(counted[i].exact);
      }
    }
  }
  // Spot checks against hand counts, so both sides can't be wrong alike.
  FacetCollector collector({Spec("org:0"), Spec("date:year")}, FacetCounter::kValueCount);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  collector.Attach(enquire, db);
  enquire.get_mset(0, 0, db.get_doccount());
  const auto results = collector.Results();
  const auto orgs = AsMap(results[0]);
  CHECK(orgs.at("WHO") == 2);
  CHECK(orgs.at("UNICEF") == 2);
  CHECK(orgs.at("Org 5") == 2);
  CHECK(orgs.at("Org 36") == 1);
  CHECK(orgs.size() == 3 + 37);
  CHECK(AsMap(results[1]) ==
        std::map<std::string, Xapian::doccount>{{"2019", 1}, {"2020", 2}, {"2021", 1}, {"unknown", 2}});
}

TEST_CASE("value-count spies over a database written before the slot ranges: inexact, said so", "[facets]") {
  Xapian::WritableDatabase db = Db({MakeRelease("a", "2020-01-15", {"WHO"}, {"health"})});
  Xapian::Document old;  // the list slot alone, as older indexers wrote it
  old.add_value(schema::kOrgsSlot, schema::EncodeList({"WHO"}));
  db.add_document(old);
  FacetCollector collector({Spec("org"), Spec("topic"), Spec("lang")}, FacetCounter::kValueCount);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  collector.Attach(enquire, db);
  enquire.get_mset(0, 0, db.get_doccount());
  const auto results = collector.Results();
  CHECK_FALSE(results[0].exact);  // org: one document lacks its spread values
  CHECK(results[1].exact);        // topic: every document that has topics has the spread
  CHECK(results[2].exact);
}

TEST_CASE("facets as JSON: one shape per field, date with granularity and unknown", "[facets][render]") {
  FacetResult org;
  org.field = FacetField::kOrg;
  org.values = {{"ASEAN Secretariat", 3}, {"WHO", 1}};
  org.more = 2;
  FacetResult date;
  date.field = FacetField::kDate;
  date.granularity = "month";
  date.values = {{"2020-04", 1}, {"unknown", 0}};
  const auto j = FacetsToJson({org, date});
  CHECK(
      j.dump() ==
      R"({"org":{"values":[{"value":"ASEAN Secretariat","count":3},{"value":"WHO","count":1}],"more":2,"exact":true},)"
      R"("date":{"granularity":"month","values":[{"value":"2020-04","count":1},{"value":"unknown","count":0}],)"
      R"("more":0,"exact":true}})");
  CHECK(FacetsToJson({}).dump() == "{}");
}

TEST_CASE("facets as text: tables, \"and K more\", bars that fit the terminal", "[facets][render]") {
  FacetResult org;
  org.field = FacetField::kOrg;
  org.values = {{"ASEAN Secretariat", 30}, {"Bộ Y tế", 4}};
  org.distinct = 4;
  org.more = 2;
  FacetResult date;
  date.field = FacetField::kDate;
  date.granularity = "month";
  date.values = {{"2020-03", 1}, {"2020-04", 40}, {"2020-05", 0}, {"unknown", 2}};

  for (std::size_t width : {40u, 80u, 200u}) {
    FacetTextOptions options;
    options.width = width;
    const std::string text = RenderFacetsText({org, date}, options);
    INFO(text);
    CHECK(text.find("Organisations (4 values)") != std::string::npos);
    CHECK(text.find("… and 2 more") != std::string::npos);
    CHECK(text.find("Dates by month") != std::string::npos);
    CHECK(text.find("\x1b[") == std::string::npos);  // no colour unless asked
    std::size_t start = 0;
    std::size_t full_bar = 0;
    while (start < text.size()) {
      const std::size_t end = text.find('\n', start);
      const std::string line = text.substr(start, end - start);
      CHECK(DisplayWidth(line) <= width);
      if (line.find("2020-04") != std::string::npos) full_bar = DisplayWidth(line);
      if (line.find("2020-03") != std::string::npos) CHECK(line.find("\xE2\x96") != std::string::npos);  // visible
      if (line.find("2020-05") != std::string::npos) CHECK(line.find("\xE2\x96") == std::string::npos);  // empty
      start = end + 1;
    }
    CHECK(full_bar == width);  // the largest bucket spans the terminal
  }
  FacetResult cut = date;
  cut.more = 3;
  CHECK(RenderFacetsText({cut}, {}).find("… and 3 earlier months with releases") != std::string::npos);
  FacetTextOptions color;
  color.color = true;
  CHECK(RenderFacetsText({date}, color).find("\x1b[") != std::string::npos);
  CHECK(RenderFacetsText({}, {}).empty());
}

TEST_CASE("display width: wide characters 2, combining marks 0", "[facets][render]") {
  CHECK(DisplayWidth("abc") == 3);
  CHECK(DisplayWidth("Bộ Y tế") == 7);
  CHECK(DisplayWidth("e\xCC\x81") == 1);  // e + combining acute
  CHECK(DisplayWidth("東京") == 4);
  CHECK(DisplayWidth("ที่") == 1);  // Thai: a consonant and two combining marks
}

TEST_CASE("facets of joined databases count the values of every part", "[facets][shards]") {
  // Xapian hands match spies each part's own docids: values must not be
  // looked up afterwards in the joined database by those numbers. In-memory
  // parts have no uuid to tell a joined database from one.
  const Xapian::Database one =
      Db({MakeRelease("a", "2020-01-15", {"WHO", "ASEAN Secretariat"}, {"health"}),
          MakeRelease("b", "2020-01-16", {"WHO", "UNICEF"}, {"health", "economy"}), MakeRelease("c", "", {}, {})});
  const Xapian::Database two = Db({MakeRelease("d", "2021-03-01", {"UNICEF"}, {"economy"}),
                                   MakeRelease("e", "2019-12-31", {"WHO"}, {"education", "health"})});
  Xapian::Database joined;
  joined.add_database(one);
  joined.add_database(two);
  const auto results =
      test::CountFacets(joined, {Spec("org:0"), Spec("topic:0")}, FacetCounter::kFacetSpy, Xapian::Query::MatchAll);
  CHECK(AsMap(results[0]) ==
        std::map<std::string, Xapian::doccount>{{"ASEAN Secretariat", 1}, {"UNICEF", 2}, {"WHO", 3}});
  CHECK(AsMap(results[1]) == std::map<std::string, Xapian::doccount>{{"economy", 2}, {"education", 1}, {"health", 3}});
}
