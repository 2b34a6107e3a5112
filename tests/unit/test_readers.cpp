// Each reader takes its format apart into SourceRecords.
#include <catch2/catch.hpp>

#include "common/readers.h"
#include "common/record_fields.h"

using namespace pressdex;

TEST_CASE("format follows the extension, case-insensitively", "[readers]") {
  CHECK(FormatForPath("a/b.txt") == Format::kText);
  CHECK(FormatForPath("a/B.HTML") == Format::kHtml);
  CHECK(FormatForPath("x.htm") == Format::kHtml);
  CHECK(FormatForPath("x.md") == Format::kMarkdown);
  CHECK(FormatForPath("x.json") == Format::kJson);
  CHECK(FormatForPath("x.jsonl") == Format::kJsonl);
  CHECK(FormatForPath("x.pdf") == Format::kUnknown);
  CHECK(FormatForPath("dir.d/noext") == Format::kUnknown);
}

TEST_CASE("plain text is kept whole, CRs dropped", "[readers]") {
  auto r = ReadPlainText("Title line\r\n\r\nBody text.\r\n");
  REQUIRE(r.ok());
  REQUIRE(r->records.size() == 1);
  CHECK(r->records[0].text == "Title line\n\nBody text.\n");
  CHECK(r->records[0].id_suffix.empty());
}

TEST_CASE("plain text: a block of '# key = value' header lines is metadata", "[readers]") {
  // The Underthesea Vietnamese news corpus writes its files this way.
  auto r = ReadPlainText(
      "# doc_id = news_world_015\n"
      "# url = https://dantri.com.vn/the-gioi/a.htm\n"
      "# date = 20210414\n"
      "# Topics: world; health\n"
      "Tiêu đề bài báo\n"
      "Câu đầu tiên.\n");
  REQUIRE(r.ok());
  const SourceRecord& rec = r->records.at(0);
  CHECK(rec.meta.url == "https://dantri.com.vn/the-gioi/a.htm");
  CHECK(rec.meta.date == "20210414");
  CHECK(rec.meta.topics == std::vector<std::string>{"world", "health"});
  CHECK(rec.text == "Tiêu đề bài báo\nCâu đầu tiên.\n");

  // Not a header: a heading, a hashtag, keys no field knows, a block below the top.
  for (const std::string text : {"# Floods in Luzon\nBody.\n", "#ASEAN: together\nBody.\n",
                                 "# doc_id = 15\n# sent_id = 2\nBody.\n", "Title\n# date = 20210414\nBody.\n"}) {
    auto kept = ReadPlainText(text);
    REQUIRE(kept.ok());
    CHECK(kept->records.at(0).text == text);
    CHECK(kept->records.at(0).meta.date.empty());
  }
  // Header lines and nothing else: no release.
  CHECK_FALSE(ReadPlainText("# date = 20210414\n# url = https://x.test/\n\n").ok());
  CHECK(ReadPlainText("# title = Only a title\n").ok());
}

TEST_CASE("record fields: one table of key names for every reader", "[readers]") {
  CHECK(FieldOfKey("datePublished") == RecordField::kDate);
  CHECK(FieldOfKey("DATE") == RecordField::kDate);
  CHECK(FieldOfKey("headline") == RecordField::kTitle);
  CHECK(FieldOfKey("Organizations") == RecordField::kOrganisations);
  CHECK_FALSE(FieldOfKey("doc_id"));
  CHECK_FALSE(FieldOfKey(""));
  // The same names in JSON and in Markdown front matter.
  auto json = ReadJson(R"({"headline": "H", "text": "Body.", "datePublished": "2021-04-14", "city": "Hanoi"})");
  auto md = ReadMarkdown("---\nheadline: H\ndatePublished: 2021-04-14\ncity: Hanoi\n---\nBody.\n");
  REQUIRE(json.ok());
  REQUIRE(md.ok());
  for (const SourceRecord* rec : {&json->records.at(0), &md->records.at(0)}) {
    CHECK(rec->title == "H");
    CHECK(rec->meta.date == "2021-04-14");
    CHECK(rec->meta.place == "Hanoi");
  }
  // Front matter states metadata: a "description" key never replaces the body.
  auto described = ReadMarkdown("---\ntitle: T\ndescription: A summary.\n---\nThe body.\n");
  REQUIRE(described.ok());
  CHECK(described->records.at(0).text.find("The body.") != std::string::npos);
}

TEST_CASE("markdown front matter and body", "[readers]") {
  const std::string md =
      "---\n"
      "title: \"Floods in Luzon\"\n"
      "date: 2021-11-02\n"
      "organisation: AHA Centre\n"
      "topics: [disaster, relief]\n"
      "language: en\n"
      "---\n"
      "# Heading that is not the title\n\n"
      "The **AHA Centre** sent [relief items](https://example.org) to Luzon.\n"
      "![photo](img.jpg)\n"
      "- first point\n";
  auto r = ReadMarkdown(md);
  REQUIRE(r.ok());
  const SourceRecord& rec = r->records.at(0);
  CHECK(rec.title == "Floods in Luzon");
  CHECK(rec.meta.date == "2021-11-02");
  CHECK(rec.meta.issuer == "AHA Centre");
  CHECK(rec.meta.topics == std::vector<std::string>{"disaster", "relief"});
  CHECK(rec.meta.language == "en");
  CHECK(rec.text.find("The AHA Centre sent relief items to Luzon.") != std::string::npos);
  CHECK(rec.text.find("https://") == std::string::npos);
  CHECK(rec.text.find("photo") == std::string::npos);
  CHECK(rec.text.find("first point") != std::string::npos);
}

TEST_CASE("markdown title falls back to the first heading", "[readers]") {
  auto r = ReadMarkdown("# Dengue cases fall\n\nCases fell by half.\n");
  REQUIRE(r.ok());
  CHECK(r->records.at(0).title == "Dengue cases fall");
  CHECK(r->records.at(0).text == "Cases fell by half.");
}

TEST_CASE("html: article text without chrome, title from h1, metadata", "[readers]") {
  const std::string html = R"(<!doctype html><html lang="vi"><head>
<title>Site | Some page</title>
<meta property="article:published_time" content="2022-06-12T08:00:00+07:00">
<meta name="keywords" content="health, vaccines">
<style>p{color:red}</style><script>var menu = 1;</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<header>Site banner</header>
<article><h1>Vaccine stockpile opens</h1><p>The stockpile   opened
today.</p><p>Second paragraph.</p><figure><figcaption>Photo: Ministry</figcaption></figure></article>
<aside>Related stories</aside><footer>Copyright 2022</footer></body></html>)";
  auto r = ReadHtml(html);
  REQUIRE(r.ok());
  const SourceRecord& rec = r->records.at(0);
  CHECK(rec.title == "Vaccine stockpile opens");
  CHECK(rec.meta.date == "2022-06-12T08:00:00+07:00");
  CHECK(rec.meta.language == "vi");
  CHECK(rec.meta.keywords == std::vector<std::string>{"health", "vaccines"});
  CHECK(rec.text == "The stockpile opened today.\n\nSecond paragraph.");
  for (const char* chrome : {"Home", "banner", "Related", "Copyright", "menu", "color", "Photo:"})
    CHECK(rec.text.find(chrome) == std::string::npos);
}

TEST_CASE("html without article uses the body", "[readers]") {
  auto r = ReadHtml("<html><head><title>Only title</title></head><body><p>Body words.</p></body></html>");
  REQUIRE(r.ok());
  CHECK(r->records.at(0).title == "Only title");
  CHECK(r->records.at(0).text == "Body words.");
}

TEST_CASE("json: one object or an array of them", "[readers]") {
  auto one = ReadJson(
      R"({"title":"T","content":"Body.","published_at":"2020-01-02","organisations":["WHO","ASEAN"],"topics":"health; covid","lang":"en","url":"https://x"})");
  REQUIRE(one.ok());
  REQUIRE(one->records.size() == 1);
  const SourceRecord& rec = one->records[0];
  CHECK(rec.id_suffix.empty());
  CHECK(rec.title == "T");
  CHECK(rec.text == "Body.");
  CHECK(rec.meta.date == "2020-01-02");
  CHECK(rec.meta.organisations == std::vector<std::string>{"WHO", "ASEAN"});
  CHECK(rec.meta.topics == std::vector<std::string>{"health", "covid"});
  CHECK(rec.meta.url == "https://x");

  auto many = ReadJson(R"([{"title":"A","body":"x"},{"title":"B","text":"y"}])");
  REQUIRE(many.ok());
  REQUIRE(many->records.size() == 2);
  CHECK(many->records[0].id_suffix == "#1");
  CHECK(many->records[1].id_suffix == "#2");
  CHECK(many->records[1].text == "y");
}

TEST_CASE("json errors say what is wrong", "[readers]") {
  auto bad = ReadJson("{\"title\": ");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("malformed JSON") != std::string::npos);
  CHECK_FALSE(ReadJson("42").ok());
}

TEST_CASE("jsonl: one record per line, numbered by line, bad lines reported", "[readers]") {
  auto r = ReadJsonLines("{\"title\":\"A\",\"body\":\"a\"}\n\n{broken\n{\"title\":\"C\",\"body\":\"c\"}\n");
  REQUIRE(r.ok());
  REQUIRE(r->records.size() == 2);
  CHECK(r->records[0].id_suffix == "#1");
  CHECK(r->records[1].id_suffix == "#4");
  REQUIRE(r->problems.size() == 1);
  CHECK(r->problems[0].rfind("line 3:", 0) == 0);
}
