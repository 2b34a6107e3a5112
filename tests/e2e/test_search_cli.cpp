// End-to-end: pressdex-search as a script sees it — formats, --fields,
// listing, batch mode, exit codes, stdout/stderr discipline.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>

#include "e2e/harness.h"
#include "tests/text_helpers.h"

using namespace pressdex::test;
using nlohmann::json;

namespace {

RunResult S(std::vector<std::string> args, const std::string& input = "", const std::vector<std::string>& env = {}) {
  args.insert(args.begin(), {"--db", CorpusDb()});
  return Search(args, input, env);
}

std::size_t CountOf(std::vector<std::string> args) {
  args.insert(args.begin(), {"--format", "count"});
  const RunResult r = S(args);
  INFO(r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return std::stoul(r.out);
}

}  // namespace

TEST_CASE("count is the exact number of matches and agrees with the full listing", "[e2e][cli]") {
  const RunResult count = S({"--format", "count", "asean"});
  CHECK(count.exit_code == 0);
  CHECK(count.out.find_first_not_of("0123456789\n") == std::string::npos);
  const std::size_t n = std::stoul(count.out);
  CHECK(n > 10);
  const RunResult paths = S({"--format", "paths", "-n", "0", "asean"});
  CHECK(Lines(paths.out).size() == n);
  const RunResult none = S({"--format", "count", "zzzqqqnothing"});
  CHECK(none.exit_code == 1);
  CHECK(none.out == "0\n");
}

TEST_CASE("option --all and an empty query list every release, -n 0 means no limit", "[e2e][cli]") {
  const std::size_t total = CountOf({"--all"});
  CHECK(total >= 30);
  CHECK(CountOf({""}) == total);
  CHECK(S({"--format", "count"}).exit_code == 2);  // no query at all: a usage error, not everything
  CHECK(CountOf({"--all", "lang:vi"}) < total);    // --all with filters narrows
  const RunResult r = S({"--all", "--format", "jsonl", "--fields", "path,date,orgs,topics", "-n", "0"});
  REQUIRE(r.exit_code == 0);
  const auto lines = Lines(r.out);
  CHECK(lines.size() == total);
  for (const auto& line : lines) {
    const auto j = nlohmann::ordered_json::parse(line);
    REQUIRE(j.size() == 4);
    CHECK(j.begin().key() == "path");  // ordered as --fields says
    CHECK(j["orgs"].is_array());
    CHECK((j["date"].is_null() || j["date"].get<std::string>().size() == 10));
  }
  const RunResult ids = S({"--all", "--format", "tsv", "--fields", "id", "--no-header", "-n", "0"});
  const auto id_lines = Lines(ids.out);
  CHECK(std::set<std::string>(id_lines.begin(), id_lines.end()).size() == total);  // every release once
  // With a filter and the oldest first.
  const RunResult old =
      S({"--all", "--sort", "oldest", "--format", "tsv", "--fields", "date", "--no-header", "-n", "0"});
  auto dates = Lines(old.out);
  dates.erase(std::remove(dates.begin(), dates.end(), ""), dates.end());
  CHECK(std::is_sorted(dates.begin(), dates.end()));
}

TEST_CASE("tsv: header then one line per result, every line with the same columns", "[e2e][cli]") {
  const RunResult r =
      S({"--format", "tsv", "--fields", "rank,score,date,title,path,id,place,source,lang,issuer,orgs,topics,snippet",
         "-n", "0", "asean"});
  REQUIRE(r.exit_code == 0);
  const auto lines = Lines(r.out);
  REQUIRE(lines.size() == CountOf({"asean"}) + 1);
  CHECK(lines[0] == "rank\tscore\tdate\ttitle\tpath\tid\tplace\tsource\tlang\tissuer\torgs\ttopics\tsnippet");
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto cols = Split(lines[i], '\t');
    REQUIRE(cols.size() == 13);
    CHECK(cols[0] == std::to_string(i));
  }
  CHECK(r.out.find('\033') == std::string::npos);
}

TEST_CASE("csv parses with an RFC 4180 reader into the same rows as tsv", "[e2e][cli]") {
  const RunResult csv = S({"--format", "csv", "--fields", "path,title", "--no-header", "-n", "0", "asean"});
  const RunResult tsv = S({"--format", "tsv", "--fields", "path,title", "--no-header", "-n", "0", "asean"});
  REQUIRE(csv.exit_code == 0);
  // Records end with CRLF; quoted fields double their quotes.
  std::vector<std::vector<std::string>> records(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < csv.out.size(); ++i) {
    const char c = csv.out[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.out.size() && csv.out[i + 1] == '"')
        field += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().push_back(field), field.clear();
    } else if (c == '\r' && csv.out[i + 1] == '\n') {
      records.back().push_back(field), field.clear();
      records.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  records.pop_back();
  const auto tsv_lines = Lines(tsv.out);
  REQUIRE(records.size() == tsv_lines.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    REQUIRE(records[i].size() == 2);
    CHECK(records[i][0] + "\t" + records[i][1] == tsv_lines[i]);  // corpus titles hold no tab or backslash
  }
}

TEST_CASE("paths -0 ends every path with NUL, for xargs -0", "[e2e][cli]") {
  const RunResult nl = S({"--format", "paths", "-n", "0", "masks"});
  const RunResult nul = S({"-0", "--format", "paths", "-n", "0", "masks"});
  REQUIRE(nul.exit_code == 0);
  CHECK(nul.out.find('\n') == std::string::npos);
  CHECK(Lines(nul.out, '\0') == Lines(nl.out));
  CHECK(nul.out.back() == '\0');
}

TEST_CASE("json carries the stable keys and facets in the documented shape", "[e2e][cli]") {
  const RunResult r = S({"--format", "json", "--facet", "org:3", "--facet", "date:year", "asean"});
  REQUIRE(r.exit_code == 0);
  const json j = json::parse(r.out);
  for (const char* key : {"version", "query", "parsed", "total", "exact", "offset", "results", "facets"})
    CHECK(j.contains(key));
  CHECK(j["version"] == 1);
  CHECK(j["exact"] == true);
  const auto& org = j["facets"]["org"];
  CHECK(org["values"].size() == 3);
  CHECK(org["values"][0].contains("value"));
  CHECK(org["values"][0].contains("count"));
  CHECK(org["more"].is_number());
  CHECK(j["facets"]["date"]["granularity"] == "year");
  for (const auto& hit : j["results"]) {
    for (const char* key : {"rank", "id", "path", "title", "date", "score", "snippet", "place", "source", "lang",
                            "issuer", "orgs", "topics", "url"})
      CHECK(hit.contains(key));
  }
  // Text output draws the same facets after the hits.
  const RunResult text = S({"--facets", "asean"});
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("asean") != std::string::npos);
}

TEST_CASE("option --sort newest and oldest order by date", "[e2e][cli]") {
  for (const std::string sort : {"newest", "oldest"}) {
    const RunResult r = S({"--sort", sort, "--format", "tsv", "--fields", "date", "--no-header", "-n", "0", "asean"});
    auto dates = Lines(r.out);
    dates.erase(std::remove(dates.begin(), dates.end(), ""), dates.end());
    REQUIRE(dates.size() > 3);
    if (sort == "newest")
      CHECK(std::is_sorted(dates.rbegin(), dates.rend()));
    else
      CHECK(std::is_sorted(dates.begin(), dates.end()));
  }
}

TEST_CASE("a -word on the command line excludes it, wherever it stands", "[e2e][cli]") {
  const std::size_t all = CountOf({"asean"});
  const std::size_t without = CountOf({"asean", "-masks"});
  CHECK(without < all);
  CHECK(CountOf({"-masks", "asean"}) == without);
  CHECK(CountOf({"asean", "-n", "3", "-masks"}) == without);
}

TEST_CASE("batch: one answer per query, numbered, in order, bad lines reported, exit 2", "[e2e][cli][batch]") {
  const std::string input = "masks\n\n# comment\nzzzqqqnothing\n(unclosed\nflood org:\"ASEAN Secretariat\"\n";
  const RunResult tsv = S({"--batch", "--format", "tsv", "--fields", "path"}, input);
  CHECK(tsv.exit_code == 2);
  CHECK(tsv.err.find("line 5 (query 3)") != std::string::npos);
  const auto lines = Lines(tsv.out);
  REQUIRE(lines.size() >= 2);
  CHECK(lines[0] == "qnum\tpath");
  std::set<std::string> numbers;
  for (std::size_t i = 1; i < lines.size(); ++i) numbers.insert(Split(lines[i], '\t')[0]);
  CHECK(numbers.count("1") == 1);
  CHECK(numbers.count("2") == 0);  // no match
  CHECK(numbers.count("3") == 0);  // malformed

  const RunResult js = S({"--batch", "--format", "json", "-n", "2"}, input);
  CHECK(js.exit_code == 2);
  const auto docs = Lines(js.out);
  REQUIRE(docs.size() == 4);
  for (std::size_t i = 0; i < docs.size(); ++i) CHECK(json::parse(docs[i])["number"] == i + 1);
  CHECK(json::parse(docs[2]).contains("error"));
  CHECK(json::parse(docs[1])["total"] == 0);

  const RunResult ok = S({"--batch", "--format", "count"}, "masks\nzzzqqqnothing\n");
  CHECK(ok.exit_code == 0);
  CHECK(Lines(ok.out).size() == 2);
  CHECK(Lines(ok.out)[1] == "0");
  CHECK(S({"--batch", "--format", "count"}, "zzzqqq\nqqqzzz\n").exit_code == 1);
  // A query given as well as --batch is a usage error.
  CHECK(S({"--batch", "masks"}, "masks\n").exit_code == 2);
}

TEST_CASE("batch answers match one-shot answers", "[e2e][cli][batch]") {
  const std::vector<std::string> queries = {"masks", "flood OR typhoon", "asean -masks", "vaccine date:2021"};
  std::string input;
  for (const auto& q : queries) input += q + "\n";
  const RunResult batch = S({"--batch", "--format", "jsonl", "--fields", "path", "-n", "5"}, input);
  const auto lines = Lines(batch.out);
  REQUIRE(lines.size() == queries.size());
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const RunResult one = S({"--format", "jsonl", "--fields", "path", "-n", "5", queries[i]});
    json expected = json::array();
    for (const auto& line : Lines(one.out)) expected.push_back(json::parse(line));
    CHECK(json::parse(lines[i])["results"] == expected);
  }
}

TEST_CASE("exit codes: 0 matched, 1 none, 2 usage or query, 3 database", "[e2e][cli]") {
  CHECK(S({"masks"}).exit_code == 0);
  CHECK(S({"zzzqqqnothing"}).exit_code == 1);
  CHECK(S({"(unclosed"}).exit_code == 2);
  CHECK(S({"date:2020-13"}).exit_code == 2);
  CHECK(S({"--format", "xml", "masks"}).exit_code == 2);
  CHECK(S({"--fields", "path,colour", "--format", "tsv", "masks"}).exit_code == 2);
  CHECK(S({"--fields", "path", "--format", "json", "masks"}).exit_code == 2);
  CHECK(S({"--fields", "", "--format", "json", "masks"}).exit_code == 2);
  CHECK(S({"--fields", "", "--format", "tsv", "masks"}).exit_code == 2);
  CHECK(S({"--lang", "xx", "masks"}).exit_code == 2);  // no such language
  CHECK(S({"--lang", "English", "masks"}).exit_code == 0);
  CHECK(S({"--lang", "sw", "masks"}).exit_code == 0);  // ISO 639, no stemmer: no stemming
  CHECK(S({"--facet", "colour", "masks"}).exit_code == 2);
  CHECK(S({"--sort", "sideways", "masks"}).exit_code == 2);
  CHECK(Search({"--db", "/nonexistent/pressdex-db", "masks"}).exit_code == 3);
  TempDir dir;
  WriteFile(dir / "db/garbage", "not a database");
  const RunResult bad = Search({"--db", dir / "db", "masks"});
  CHECK(bad.exit_code == 3);
  CHECK(bad.out.empty());
  CHECK(bad.err.find("pressdex-search:") == 0);
  const RunResult help = Search({"--help"});
  for (const char* code : {"0 ", "1 ", "2 ", "3 ", "4 ", "130"})
    CHECK(help.out.find(std::string("  ") + code) != std::string::npos);
}

TEST_CASE("errors go to stderr only, stdout holds results only", "[e2e][cli]") {
  const RunResult bad = S({"--format", "json", "(unclosed"});
  CHECK(bad.out.empty());
  CHECK_FALSE(bad.err.empty());
  const RunResult explain = S({"--explain", "--format", "count", "Masks org:ASEC date:2020"});
  CHECK(explain.out == std::to_string(CountOf({"Masks org:ASEC date:2020"})) + "\n");
  CHECK(explain.err.find("terms:    mask") != std::string::npos);
  CHECK(explain.err.find("org=asec") != std::string::npos);
  CHECK(explain.err.find("date 20200101..20201231") != std::string::npos);
}

TEST_CASE("no terminal codes unless asked, NO_COLOR wins over auto", "[e2e][cli]") {
  CHECK(S({"masks"}).out.find('\033') == std::string::npos);  // stdout is a pipe
  CHECK(S({"--color", "always", "masks"}).out.find('\033') != std::string::npos);
  CHECK(S({"--color", "auto", "masks"}, "", {"NO_COLOR=1"}).out.find('\033') == std::string::npos);
  // Machine formats never carry colour, even when forced.
  CHECK(S({"--color", "always", "--format", "tsv", "masks"}).out.find('\033') == std::string::npos);
  CHECK(S({"--color", "always", "--format", "json", "masks"}).out.find('\033') == std::string::npos);
}

TEST_CASE("bash completion knows every long option of both tools", "[e2e][cli]") {
  std::ifstream in(std::string(PRESSDEX_SOURCE_DIR) + "/scripts/completion/pressdex.bash");
  REQUIRE(in.good());
  const std::string script((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const RunResult& help : {Search({"--help"}), Index({"--help"})}) {
    const std::regex option(R"((^|[ ,])(--[a-z][a-z0-9-]+))");
    for (std::sregex_iterator it(help.out.begin(), help.out.end(), option), end; it != end; ++it) {
      const std::string name = (*it)[2];
      INFO(name);
      CHECK(script.find(name) != std::string::npos);
    }
  }
}

TEST_CASE("man pages document every exit status", "[e2e][cli]") {
  for (const char* page : {"pressdex-search.1", "pressdex-index.1"}) {
    std::ifstream in(std::string(PRESSDEX_SOURCE_DIR) + "/docs/man/" + page);
    REQUIRE(in.good());
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text.find(".SH EXIT STATUS") != std::string::npos);
    for (const char* code : {".B 0\n", ".B 1\n", ".B 2\n", ".B 3\n", ".B 4\n", ".B 130\n"})
      CHECK(text.find(code) != std::string::npos);
    CHECK(text.find(".SH EXAMPLES") != std::string::npos);
  }
}

namespace {

// pressdex-search under /bin/sh, for redirections the harness can't make
// (a closed or full standard stream): `redirect` follows the command.
RunResult Shell(const std::vector<std::string>& args, const std::string& redirect) {
  std::vector<std::string> argv{"/bin/sh", "-c", "\"$@\" " + redirect, "sh", PRESSDEX_SEARCH_BIN, "--db", CorpusDb()};
  argv.insert(argv.end(), args.begin(), args.end());
  return Run(argv);
}

}  // namespace

TEST_CASE("closed or full standard streams: no abort, no database file as a stream, exit 4", "[e2e][cli]") {
  // A closed stdin is an empty one: no queries, nothing matched.
  const RunResult no_input = Shell({"--batch", "--format", "count"}, "<&-");
  CHECK(no_input.exit_code == 1);
  CHECK(no_input.out.empty());
  CHECK(no_input.err.empty());
  // A closed stderr loses the message but not the exit status.
  CHECK(
      Run({"/bin/sh", "-c", "\"$@\" 2>&-", "sh", PRESSDEX_SEARCH_BIN, "--db", "/nonexistent/db", "masks"}).exit_code ==
      3);
  // Results that can't be written: said on stderr, exit 4, in every format.
  for (const char* format : {"text", "json", "tsv", "paths", "count"}) {
    INFO(format);
    for (const char* redirect : {">&-", ">/dev/full"}) {
      INFO(redirect);
      const RunResult r = Shell({"--format", format, "masks"}, redirect);
      CHECK(r.exit_code == 4);
      CHECK(r.err.find("pressdex-search: cannot write to standard output") == 0);
    }
  }
  const RunResult batch = Shell({"--batch", "--format", "json"}, ">/dev/full <<'EOF'\nmasks\nasean\nEOF");
  CHECK(batch.exit_code == 4);
}

TEST_CASE("limits and offsets past 32 bits mean all and beyond the end", "[e2e][cli]") {
  const std::size_t all = CountOf({"--all"});
  const RunResult many = S({"--all", "-n", "4294967296", "--format", "paths"});
  CHECK(Lines(many.out).size() == all);
  const RunResult past = S({"--all", "--offset", "4294967296", "-n", "3", "--format", "paths"});
  CHECK(past.exit_code == 0);
  CHECK(past.out.empty());
  const RunResult text = S({"--all", "--offset", "18446744073709551615"});
  CHECK(text.out.find("none from 4294967296 on") != std::string::npos);
}

TEST_CASE("a file that is no stub as --db is a database error, quoted safely", "[e2e][cli]") {
  TempDir dir;
  WriteFile(dir / "text", "hello world\n");
  WriteFile(dir / "binary", std::string("\x01\x02\x1b[2J\0\0binary", 13));
  for (const char* name : {"text", "binary"}) {
    const RunResult r = Search({"--db", dir / name, "masks"});
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("not a Xapian stub file") != std::string::npos);
    CHECK(r.err.find('\x1b') == std::string::npos);
  }
}

TEST_CASE("help ends with examples that run as written", "[e2e][cli]") {
  const RunResult help = Search({"--help"});
  const std::size_t examples = help.out.rfind("Examples:");
  REQUIRE(examples != std::string::npos);
  CHECK(help.out.find("Exit status:") < examples);
  CHECK(help.out.find("pressdex-search 'covid AND (vaccine OR vaccines) -trial'") != std::string::npos);
  const RunResult index_help = Index({"--help"});
  CHECK(index_help.out.find("Exit status:") < index_help.out.rfind("Examples:"));
}

TEST_CASE("a whole query in one argument reads as typed, an unquoted value is quoted back", "[e2e][cli]") {
  CHECK(CountOf({"topic:health date:2021"}) == CountOf({"topic:health", "date:2021"}));
  CHECK(CountOf({"org:ASEC masks"}) == CountOf({"org:ASEC", "masks"}));
  CHECK(CountOf({"org:ASEC masks"}) > 0);
  CHECK(CountOf({"org:ASEAN Secretariat"}) == CountOf({"org:\"ASEAN Secretariat\""}));
  CHECK(CountOf({"org:ASEAN Secretariat"}) > 0);
  // -word alone: every release without it.
  CHECK(CountOf({"-masks"}) == CountOf({"--all"}) - CountOf({"masks"}));
  CHECK(CountOf({"!!!"}) == 0);
}

TEST_CASE("an option the format ignores is one warning on stderr with stdout and exit code unchanged", "[e2e][cli]") {
  struct Case {
    std::vector<std::string> args;  // without the useless option
    std::vector<std::string> extra;
    std::string warning;
  };
  const std::vector<Case> cases = {
      {{"--format", "tsv", "asean"}, {"--facets"}, "--facets has no effect with --format tsv"},
      {{"--format", "jsonl", "asean"}, {"--facet", "org"}, "--facet has no effect with --format jsonl"},
      {{"--format", "json", "asean"}, {"--no-header"}, "--no-header has no effect with --format json"},
      {{"--format", "csv", "asean"}, {"-0"}, "-0/--null has no effect with --format csv"},
      {{"--format", "count", "asean"}, {"-n", "3", "--offset", "2"}, "-n/--limit and --offset have no effect"},
      {{"--format", "json", "asean"}, {"--color", "always"}, "--color always has no effect with --format json"},
      {{"xylophonequartz"}, {"--null"}, "-0/--null has no effect with --format text"},  // exit 1 stays 1
  };
  for (const auto& c : cases) {
    std::vector<std::string> with = c.args;
    with.insert(with.begin(), c.extra.begin(), c.extra.end());
    INFO(Catch::Detail::stringify(with));
    const RunResult plain = S(c.args);
    const RunResult warned = S(with);
    CHECK(plain.err.empty());
    CHECK(warned.out == plain.out);
    CHECK(warned.exit_code == plain.exit_code);
    REQUIRE(Lines(warned.err).size() == 1);
    CHECK(warned.err.starts_with("pressdex-search: warning: " + c.warning));
  }
  // A batch warns once, before the answers, not once per query.
  const std::string queries = "asean\nmasks\nflood\n";
  const RunResult plain = S({"--batch", "--format", "tsv"}, queries);
  const RunResult warned = S({"--batch", "--format", "tsv", "--all", "--facets"}, queries);
  CHECK(warned.out == plain.out);
  CHECK(warned.exit_code == plain.exit_code);
  CHECK(Lines(warned.err) ==
        std::vector<std::string>{"pressdex-search: warning: --facets has no effect with --format tsv (facets show in "
                                 "text, json, and jsonl with --batch)",
                                 "pressdex-search: warning: --all has no effect with --batch (each line of standard "
                                 "input is the query)"});
  // What scripts pass routinely stays silent.
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--all", "--format", "csv", "--no-header", "--sort", "oldest", "-n", "0", "lang:vi"},
           {"--format", "paths", "-0", "--color", "never", "asean"},
           {"--format", "json", "--color", "auto", "--facets", "--explain", "asean"},
           {"--format", "count", "--exact", "--no-collapse", "--explain", "asean"}}) {
    INFO(Catch::Detail::stringify(args));
    const RunResult r = S(args);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("warning") == std::string::npos);
  }
}
