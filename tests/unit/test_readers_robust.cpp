// Readers on broken input: a clear Status or partial results, never a crash.
#include <catch2/catch.hpp>

#include "common/readers.h"

using namespace pressdex;

TEST_CASE("readers: truncated and malformed JSON are errors that say so", "[readers][robust]") {
  for (const char* text : {"{\"title\": \"x\", \"body\": \"never closed", "{\"title\": \"x\",, }", "", "   ", "[",
                           "nul\x01l", "{\"title\": 1e999999}", "[[[[[[[[[[[[[[[[[[[["}) {
    INFO(text);
    const auto r = ReadJson(text);
    REQUIRE_FALSE(r.ok());
    CHECK_FALSE(r.status().message().empty());
  }
  CHECK_THAT(ReadJson("{\"title\": \"x\"").status().message(), Catch::Contains("malformed JSON"));
}

TEST_CASE("readers: JSON arrays keep their good records and name the bad ones", "[readers][robust]") {
  const auto r = ReadJson(R"([{"title":"a","body":"x"}, 42, {"nothing":"here"}, {"title":"b","body":"y"}])");
  REQUIRE(r.ok());
  CHECK(r->records.size() == 2);
  REQUIRE(r->problems.size() == 2);
  CHECK_THAT(r->problems[0], Catch::StartsWith("record 2"));
  CHECK(r->records[1].id_suffix == "#4");
}

TEST_CASE("readers: a JSONL file with a bad line keeps the good lines", "[readers][robust]") {
  const auto r =
      ReadJsonLines("{\"title\":\"a\",\"body\":\"one\"}\n{broken\n\n[1,2]\n{\"title\":\"c\",\"body\":\"three\"}");
  REQUIRE(r.ok());
  REQUIRE(r->records.size() == 2);
  CHECK(r->records[0].id_suffix == "#1");
  CHECK(r->records[1].id_suffix == "#5");  // line numbers: ids stay stable when other lines change
  REQUIRE(r->problems.size() == 2);
  CHECK_THAT(r->problems[0], Catch::StartsWith("line 2: malformed JSON"));
  CHECK_THAT(r->problems[1], Catch::StartsWith("line 4"));
  CHECK_FALSE(ReadJsonLines("{bad\n{worse\n").ok());
}

TEST_CASE("readers: malformed HTML is repaired the way browsers do", "[readers][robust]") {
  const auto r = ReadHtml(
      "<html><head><title>T</title><body><h1>Broken <b>heading</h1><p>body text <div><p>more "
      "<table><tr><td>cell</p></body");
  REQUIRE(r.ok());
  CHECK_THAT(r->records[0].title, Catch::Contains("Broken"));
  CHECK_THAT(r->records[0].text, Catch::Contains("body text"));
  CHECK_FALSE(ReadHtml("<html><body></body></html>").ok());
  CHECK_FALSE(ReadHtml("").ok());
}

TEST_CASE("readers: absurdly deep nesting is refused fast, moderately deep is read", "[readers][robust]") {
  auto nested = [](const char* open, int n, const char* inner) {
    std::string s;
    for (int i = 0; i < n; ++i) s += open;
    return s + inner;
  };
  // 2,000 levels: parsed (on a thread with a big stack), text found.
  const auto fine = ReadHtml(nested("<div>", 2000, "deepword"));
  REQUIRE(fine.ok());
  CHECK_THAT(fine->records[0].text, Catch::Contains("deepword"));
  // 300,000 levels would take the HTML5 tree builder minutes: refused at once.
  const auto absurd = ReadHtml(nested("<div>", 300000, "x"));
  REQUIRE_FALSE(absurd.ok());
  CHECK_THAT(absurd.status().message(), Catch::Contains("nests"));
  // Unclosed <p> and <li> (old-style HTML) do not count as nesting.
  CHECK(ReadHtml(nested("<p>para ", 20000, "end")).ok());
  CHECK(ReadHtml(nested("<!-- <div> -->", 20000, "<p>comment-only divs")).ok());
  // JSON and Markdown nesting.
  CHECK_FALSE(ReadJson(nested("[", 200000, "")).ok());
  CHECK_FALSE(ReadJson(nested("[", 100000, "") + std::string(100000, ']')).ok());  // no object in it
  std::string links = nested("[", 20000, "x");
  for (int i = 0; i < 20000; ++i) links += "](y)";
  CHECK(ReadMarkdown(links).ok());
}

TEST_CASE("readers: Markdown with broken front matter still gives its body", "[readers][robust]") {
  const auto unclosed = ReadMarkdown("---\ntitle: x\nno closing fence\n\nBody text.");
  REQUIRE(unclosed.ok());
  const auto bad_toml = ReadMarkdown("+++\ntitle = = \"x\"\n+++\n# Heading\n\nBody words.\n");
  REQUIRE(bad_toml.ok());
  CHECK(bad_toml->records[0].title == "Heading");
  CHECK_FALSE(ReadMarkdown("").ok());
  CHECK_FALSE(ReadMarkdown("---\n---\n").ok());
  CHECK(ReadMarkdown("[unclosed link](").ok());
  CHECK(ReadMarkdown("![img](x) [a]( [b]").ok());
}

TEST_CASE("readers: plain text of any shape", "[readers][robust]") {
  // Nothing to read is an error that says so, not a blank release.
  for (const std::string& blank : {std::string(), std::string("\r\r\r"), std::string("  \n\t\n"),
                                   std::string("\xEF\xBB\xBF"), std::string("\xC2\xA0\xE3\x80\x80\n")}) {
    const auto r = ReadPlainText(blank);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().message().find("no text") != std::string::npos);
  }
  // Old Mac line ends (a lone CR) end lines like LF and CRLF do.
  const auto mac = ReadPlainText("RICE REPORT\r\rBANGKOK, March 3 - the harvest\rwas strong\r");
  REQUIRE(mac.ok());
  CHECK(mac->records[0].text == "RICE REPORT\n\nBANGKOK, March 3 - the harvest\nwas strong\n");
  const auto windows = ReadPlainText("a\r\nb\r\n");
  REQUIRE(windows.ok());
  CHECK(windows->records[0].text == "a\nb\n");
  CHECK(ReadRecords(Format::kUnknown, "x").status().code() == Status::Code::kUnsupported);
}

TEST_CASE("readers: a record of white space only is refused like an empty one", "[readers][robust]") {
  CHECK_FALSE(ReadRecords(Format::kJson, R"({"title": "  ", "content": "   "})").ok());
  CHECK_FALSE(ReadRecords(Format::kJson, "{\"title\": \"\\u00a0\", \"body\": \"\\t\"}").ok());
  CHECK(ReadRecords(Format::kJson, R"({"title": " x ", "content": " "})").ok());
}
