// Writers for every --format: what scripts rely on (one record per line,
// escaping, valid JSON with stable keys, --fields order).
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "common/output.h"
#include "tests/text_helpers.h"

using pressdex::test::Lines;
using pressdex::test::Split;

namespace {

using pressdex::Field;
using pressdex::OutputFormat;
using pressdex::OutputOptions;

// Runs `fn` with a FILE* and returns what it wrote.
template <typename Fn>
std::string Capture(Fn fn) {
  char* buffer = nullptr;
  std::size_t size = 0;
  std::FILE* f = open_memstream(&buffer, &size);
  REQUIRE(f != nullptr);
  fn(f);
  std::fclose(f);
  std::string out(buffer, size);
  std::free(buffer);
  return out;
}

pressdex::SearchResponse Sample() {
  pressdex::SearchResponse r;
  r.query = "masks \"tab\"";
  r.parsed = "Query(mask@1)";
  r.total = 2;
  r.exact = true;
  pressdex::SearchHit a;
  a.rank = 1;
  a.score = 2.5;
  a.doc.id = "a.txt";
  a.doc.path = "dir/a\tb\nc.txt";
  a.doc.title = "Masks, \"donated\"\tto ASEC";
  a.doc.date = "2020-04-29";
  a.doc.orgs = {"ASEAN Secretariat", "WHO"};
  a.doc.topics = {"health"};
  a.doc.place = "Jakarta";
  a.snippet.text = "…20,000 masks…";
  pressdex::SearchHit b;
  b.rank = 2;
  b.score = 1;
  b.doc.id = "b.txt";
  b.doc.path = "b\\x.txt";
  b.doc.title = "Plain";
  r.hits = {a, b};
  return r;
}

std::string Write(const OutputOptions& o, const pressdex::SearchResponse& r, std::size_t number = 0) {
  return Capture([&](std::FILE* f) {
    auto w = pressdex::MakeResponseWriter(o);
    w->Begin(f);
    w->Write(r, number, f);
  });
}

}  // namespace

TEST_CASE("formats and fields parse by name, errors name the culprit", "[output]") {
  for (const auto& name : pressdex::OutputFormatNames()) CHECK(pressdex::ParseOutputFormat(name).ok());
  CHECK(pressdex::OutputFormatNames().size() == 7);
  CHECK_FALSE(pressdex::ParseOutputFormat("xml").ok());

  auto fields = pressdex::ParseFields("path,date,orgs");
  REQUIRE(fields.ok());
  CHECK(*fields == std::vector<Field>{Field::kPath, Field::kDate, Field::kOrgs});
  auto all = pressdex::ParseFields("rank,score,date,title,path,id,place,source,lang,issuer,orgs,topics,snippet");
  REQUIRE(all.ok());
  CHECK(all->size() == 13);
  auto bad = pressdex::ParseFields("path,colour");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("'colour'") != std::string::npos);
  CHECK_FALSE(pressdex::ParseFields("").ok());
  CHECK_FALSE(pressdex::ParseFields("path,").ok());
  // A column twice would be a tsv column and one jsonl key: neither is asked.
  const auto twice = pressdex::ParseFields("rank,path,rank");
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.status().message().find("'rank' appears twice") != std::string::npos);
}

TEST_CASE("snippets are made only for formats that show them", "[output]") {
  OutputOptions o;
  o.format = OutputFormat::kPaths;
  CHECK_FALSE(pressdex::NeedsSnippets(o));
  o.format = OutputFormat::kTsv;
  CHECK_FALSE(pressdex::NeedsSnippets(o));
  o.fields = {Field::kPath, Field::kSnippet};
  CHECK(pressdex::NeedsSnippets(o));
  o.format = OutputFormat::kJson;
  CHECK(pressdex::NeedsSnippets(o));
  o.format = OutputFormat::kCount;
  CHECK_FALSE(pressdex::NeedsHits(o));
}

TEST_CASE("tsv: header, one line per result, tabs newlines backslashes escaped", "[output]") {
  OutputOptions o;
  o.format = OutputFormat::kTsv;
  o.fields = {Field::kRank, Field::kPath, Field::kTitle, Field::kDate, Field::kOrgs};
  const auto lines = Lines(Write(o, Sample()));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "rank\tpath\ttitle\tdate\torgs");
  const auto first = Split(lines[1], '\t');
  REQUIRE(first.size() == 5);
  CHECK(first[1] == "dir/a\\tb\\nc.txt");
  CHECK(first[2] == "Masks, \"donated\"\\tto ASEC");
  CHECK(first[4] == "ASEAN Secretariat|WHO");
  const auto second = Split(lines[2], '\t');
  REQUIRE(second.size() == 5);
  CHECK(second[1] == "b\\\\x.txt");
  CHECK(second[3].empty());  // no date: empty, not a placeholder

  o.header = false;
  CHECK(Lines(Write(o, Sample())).size() == 2);
}

// A minimal RFC 4180 reader for the test: records end with CRLF outside quotes.
static std::vector<std::vector<std::string>> ParseCsv(const std::string& s) {
  std::vector<std::vector<std::string>> records(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"')
        field += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().push_back(field), field.clear();
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      records.back().push_back(field), field.clear();
      records.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  if (records.back().empty()) records.pop_back();
  return records;
}

TEST_CASE("csv follows RFC 4180 and round-trips every field", "[output]") {
  OutputOptions o;
  o.format = OutputFormat::kCsv;
  o.fields = {Field::kTitle, Field::kPath, Field::kRank};
  const std::string out = Write(o, Sample());
  CHECK(out.find("\r\n") != std::string::npos);
  CHECK(out.find("\"Masks, \"\"donated\"\"\tto ASEC\"") != std::string::npos);
  const auto records = ParseCsv(out);
  REQUIRE(records.size() == 3);
  CHECK(records[0] == std::vector<std::string>{"title", "path", "rank"});
  CHECK(records[1] == std::vector<std::string>{"Masks, \"donated\"\tto ASEC", "dir/a\tb\nc.txt", "1"});
  CHECK(records[2] == std::vector<std::string>{"Plain", "b\\x.txt", "2"});
}

TEST_CASE("json: one valid document with the stable keys", "[output]") {
  OutputOptions o;
  o.format = OutputFormat::kJson;
  auto r = Sample();
  r.hits[1].doc.title = std::string("bad \xff utf8");  // never throws, never invalid
  const auto j = nlohmann::json::parse(Write(o, r));
  // (nlohmann::json sorts keys; the order on the wire is checked below.)
  CHECK(j["version"] == 1);
  CHECK(j["query"] == "masks \"tab\"");
  CHECK(j["total"] == 2);
  CHECK(j["exact"] == true);
  CHECK(j["offset"] == 0);
  CHECK(j["facets"].is_object());
  CHECK_FALSE(j.contains("suggestion"));
  REQUIRE(j["results"].size() == 2);
  const auto& first = j["results"][0];
  CHECK(first["path"] == "dir/a\tb\nc.txt");
  CHECK(first["date"] == "2020-04-29");
  CHECK(first["orgs"] == std::vector<std::string>{"ASEAN Secretariat", "WHO"});
  CHECK(first["place"] == "Jakarta");
  CHECK(first["url"].is_null());
  CHECK(j["results"][1]["date"].is_null());
  CHECK(j["results"][1]["title"] == "bad \xEF\xBF\xBD utf8");
  for (const char* key : {"rank", "id", "path", "title", "date", "score", "snippet", "place", "source", "lang",
                          "issuer", "orgs", "topics", "url"})
    CHECK(first.contains(key));

  const std::string text = Write(o, r);
  CHECK(text.find("\"version\"") < text.find("\"query\""));
  CHECK(text.find("\"query\"") < text.find("\"parsed\""));
  CHECK(text.find("\"offset\"") < text.find("\"results\""));
  CHECK(text.find("\"results\"") < text.find("\"facets\""));

  r.suggestion = "masks";
  CHECK(nlohmann::json::parse(Write(o, r))["suggestion"] == "masks");
}

TEST_CASE("json in a batch is one compact line with the query number", "[output]") {
  OutputOptions o;
  o.format = OutputFormat::kJson;
  o.batch = true;
  const std::string out = Write(o, Sample(), 7);
  const auto lines = Lines(out);
  REQUIRE(lines.size() == 1);
  CHECK(nlohmann::json::parse(lines[0])["number"] == 7);
  const std::string error = Capture([&](std::FILE* f) {
    pressdex::MakeResponseWriter(o)->WriteError(3, "(bad", pressdex::Status::InvalidArgument("boom"), f);
  });
  const auto e = nlohmann::json::parse(error);
  CHECK(e["number"] == 3);
  CHECK(e["query"] == "(bad");
  CHECK(e["error"] == "boom");
}

TEST_CASE("jsonl: one result per line with the chosen keys in order", "[output]") {
  OutputOptions o;
  o.format = OutputFormat::kJsonl;
  o.fields = {Field::kPath, Field::kDate, Field::kTopics};
  const auto lines = Lines(Write(o, Sample()));
  REQUIRE(lines.size() == 2);
  CHECK(lines[1] == R"({"path":"b\\x.txt","date":null,"topics":[]})");
  const auto j = nlohmann::json::parse(lines[0]);
  CHECK(j.size() == 3);
  CHECK(j["topics"] == std::vector<std::string>{"health"});
}

TEST_CASE("paths: newline or NUL separated, nothing else", "[output]") {
  OutputOptions o;
  o.format = OutputFormat::kPaths;
  CHECK(Write(o, Sample()) == "dir/a\tb\nc.txt\nb\\x.txt\n");
  o.null_separated = true;
  CHECK(Write(o, Sample()) == std::string("dir/a\tb\nc.txt\0b\\x.txt\0", 22));
}

TEST_CASE("count prints the total, batch errors keep the lines aligned", "[output]") {
  OutputOptions o;
  o.format = OutputFormat::kCount;
  CHECK(Write(o, Sample()) == "2\n");
  const std::string error = Capture([&](std::FILE* f) {
    pressdex::MakeResponseWriter(o)->WriteError(1, "(", pressdex::Status::InvalidArgument("x"), f);
  });
  CHECK(error == "\n");
}

TEST_CASE("text has no terminal codes unless colour is on", "[output]") {
  OutputOptions o;
  o.format = OutputFormat::kText;
  auto r = Sample();
  r.hits[0].snippet.highlights = {{4, 9}};
  const std::string plain = Write(o, r);
  CHECK(plain.find('\033') == std::string::npos);
  CHECK(plain.find("1–2 of 2 releases") != std::string::npos);
  o.color = true;
  CHECK(Write(o, r).find('\033') != std::string::npos);
}

TEST_CASE("text never passes control characters from the data to the terminal", "[output]") {
  OutputOptions o;
  o.format = OutputFormat::kText;
  auto r = Sample();
  r.hits[0].doc.title =
      "Red \x1b[31malert\x1b[0m \xC2\x9B"
      "2J";  // ESC and the C1 CSI
  r.hits[0].doc.path =
      "dir/\x07"
      "bell.txt";
  r.hits[0].snippet.text = "a \x1b]0;title\x07 masks here";
  r.hits[0].snippet.highlights = {{13, 18}};  // "masks", after the controls
  r.facets.push_back({});
  r.facets.back().values.push_back({"Evil\x1b[2J Org", 1});
  for (const bool color : {false, true}) {
    o.color = color;
    const std::string out = Write(o, r);
    // Colour adds ESC itself: look at what is left without its codes.
    std::string stripped = out;
    for (const std::string code : {"\x1b[0m", "\x1b[1m", "\x1b[2m", "\x1b[36m", "\x1b[1;33m"}) {
      for (std::size_t at = stripped.find(code); at != std::string::npos; at = stripped.find(code, at))
        stripped.erase(at, code.size());
    }
    INFO(out);
    CHECK(stripped.find('\x1b') == std::string::npos);
    CHECK(stripped.find('\x07') == std::string::npos);
    CHECK(stripped.find("\xC2\x9B") == std::string::npos);
    CHECK(stripped.find("Red ?[31malert?[0m ??2J") != std::string::npos);
    CHECK(stripped.find("Evil?[2J Org") != std::string::npos);
  }
  o.color = true;
  CHECK(Write(o, r).find("\x1b[1;33mmasks\x1b[0m") != std::string::npos);  // highlight offsets still right
}

TEST_CASE("NO_COLOR and never switch colour off, always forces it", "[output]") {
  CHECK(*pressdex::ResolveColor("always"));
  CHECK_FALSE(*pressdex::ResolveColor("never"));
  CHECK_FALSE(pressdex::ResolveColor("sometimes").ok());
  setenv("NO_COLOR", "1", 1);
  CHECK_FALSE(*pressdex::ResolveColor("auto"));
  unsetenv("NO_COLOR");
}

TEST_CASE("option --explain text names terms, filters and order", "[output]") {
  pressdex::SearchResponse r;
  r.query = "masks org:ASEC";
  r.parsed = "Query(mask@1)";
  r.understood.parser_input = "masks";
  r.understood.terms = {"mask"};
  r.understood.filters = {"org=asec", "date 20200101..20201231"};
  r.understood.has_text = true;
  const std::string text = pressdex::ExplainText(r, pressdex::SortOrder::kRelevance);
  CHECK(text.find("terms:    mask\n") != std::string::npos);
  CHECK(text.find("org=asec; date 20200101..20201231") != std::string::npos);
  CHECK(text.find("order:    relevance") != std::string::npos);
}
