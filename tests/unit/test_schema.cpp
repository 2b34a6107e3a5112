// Ids, field terms and document data: what makes re-indexing replace, not duplicate.
#include <catch2/catch.hpp>

#include "common/schema.h"

using namespace pressdex::schema;

TEST_CASE("id terms are stable and unique", "[schema]") {
  CHECK(IdTerm("corpus/a.txt") == "Qcorpus/a.txt");
  CHECK(IdTerm("corpus/a.jsonl#3") == IdTerm("corpus/a.jsonl#3"));
  CHECK(IdTerm("corpus/a.jsonl#3") != IdTerm("corpus/a.jsonl#4"));
}

TEST_CASE("long ids are hashed under Xapian's term limit, still unique", "[schema]") {
  const std::string base(300, 'x');
  const std::string a = IdTerm(base + "a");
  const std::string b = IdTerm(base + "b");
  CHECK(a.size() <= kMaxTermBytes);
  CHECK(a != b);
  CHECK(a == IdTerm(base + "a"));
}

TEST_CASE("long ids are cut at a character boundary", "[schema]") {
  std::string id;
  for (int i = 0; i < 120; ++i) id += "ệ";  // 3 bytes each
  const std::string term = IdTerm(id);
  CHECK(term.size() <= kMaxTermBytes);
  const auto hash = term.find('#');
  REQUIRE(hash != std::string::npos);
  CHECK((term.size() - 1 - (term.size() - hash)) % 3 == 0);
}

TEST_CASE("field terms fold case and accents", "[schema]") {
  CHECK(FieldTerm(kOrgPrefix, "ASEC") == FieldTerm(kOrgPrefix, "asec"));
  CHECK(FieldTerm(kPlacePrefix, "JAKARTA") == "XPjakarta");
  CHECK(FieldTerm(kPlacePrefix, "Hà  Nội") == "XPha noi");
}

TEST_CASE("list values round-trip", "[schema]") {
  const std::vector<std::string> items{"ASEAN Secretariat", "WHO", ""};
  CHECK(DecodeList(EncodeList(items)) == items);
  CHECK(DecodeList("").empty());
}

TEST_CASE("sort key: newest first, then id, undated last", "[schema]") {
  CHECK(SortKey("2021-01-01", "b") < SortKey("2020-12-31", "a"));
  CHECK(SortKey("2020-01-01", "a") < SortKey("2020-01-01", "b"));
  CHECK(SortKey("1999-01-01", "z") < SortKey("", "a"));
}

TEST_CASE("document data round-trips", "[schema]") {
  DocumentData d;
  d.id = "a.jsonl#2";
  d.path = "a.jsonl";
  d.title = "Tiêu đề \"quoted\"";
  d.date = "2020-04-29";
  d.date_source = "dateline";
  d.orgs = {"ASEAN Secretariat"};
  d.topics = {"health"};
  d.text = "line1\nline2\t";
  d.mtime = 1588118400;
  d.size = 1234;
  auto back = DecodeDocumentData(EncodeDocumentData(d));
  REQUIRE(back.ok());
  CHECK(back->id == d.id);
  CHECK(back->title == d.title);
  CHECK(back->date == d.date);
  CHECK(back->orgs == d.orgs);
  CHECK(back->text == d.text);
  CHECK(back->mtime == d.mtime);
  CHECK(back->size == d.size);
  CHECK_FALSE(DecodeDocumentData("not json").ok());
}
