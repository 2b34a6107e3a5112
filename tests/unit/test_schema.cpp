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
  CHECK_FALSE(DecodeDocumentData("").ok());
}

TEST_CASE("document data: readable key=value lines, every byte kept", "[schema]") {
  DocumentData d;
  d.id = "dir\\a=b.txt";
  d.path = "line\nbreak\\n/x.txt";  // a real newline, then a backslash and an n
  d.title = "Tiêu đề\r\ttabbed \\ slash";
  d.url = "https://example.org/?a=1&b=2";
  d.orgs = {"ASEAN Secretariat", "W\nHO"};
  d.topics = {"health", "trade"};
  d.size = 7;
  const std::string encoded = EncodeDocumentData(d);
  // One field per line, as xapian-delve shows it; the newline in a value is escaped.
  CHECK(encoded.rfind("id=dir\\\\a=b.txt\npath=line\\nbreak\\\\n/x.txt\n", 0) == 0);
  CHECK(encoded.find("\nurl=https://example.org/?a=1&b=2\n") != std::string::npos);
  auto back = DecodeDocumentData(encoded);
  REQUIRE(back.ok());
  CHECK(back->id == d.id);
  CHECK(back->path == d.path);
  CHECK(back->title == d.title);
  CHECK(back->url == d.url);
  CHECK(back->orgs == d.orgs);
  CHECK(back->topics == d.topics);
  CHECK(back->date.empty());
  CHECK(back->mtime == 0);
  CHECK(back->size == 7);
  // Invalid UTF-8 is replaced (U+FFFD), as the JSON of format 1 did.
  d.title = "bad \xC3 byte";
  CHECK(DecodeDocumentData(EncodeDocumentData(d))->title == "bad \xEF\xBF\xBD byte");
  // Keys it doesn't know (a later version's) are skipped.
  auto later = DecodeDocumentData("id=x\nfuture=1\ntitle=T\n");
  REQUIRE(later.ok());
  CHECK(later->id == "x");
  CHECK(later->title == "T");
}

TEST_CASE("document data written as JSON (before format 2) still decodes", "[schema]") {
  const std::string old =
      R"({"date":"1987-03-19","date_source":"dateline","id":"a.txt","lang":"en","mtime":543110400,)"
      R"("orgs":["WHO","ASEAN Secretariat"],"path":"/r/a.txt","size":283,"text":"","title":"AARON \"Q\"",)"
      R"("topics":["arts"]})";
  auto d = DecodeDocumentData(old);
  REQUIRE(d.ok());
  CHECK(d->id == "a.txt");
  CHECK(d->path == "/r/a.txt");
  CHECK(d->title == "AARON \"Q\"");
  CHECK(d->date == "1987-03-19");
  CHECK(d->date_source == "dateline");
  CHECK(d->lang == "en");
  CHECK(d->orgs == std::vector<std::string>{"WHO", "ASEAN Secretariat"});
  CHECK(d->topics == std::vector<std::string>{"arts"});
  CHECK(d->mtime == 543110400);
  CHECK(d->size == 283);
}
