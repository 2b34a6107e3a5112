#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/cli.h"

namespace {

// A small table like pressdex-search's: a positional, an option with a
// short name, a flag, an option taking a value.
struct Table {
  std::vector<std::string> words;
  std::size_t limit = 10;
  bool all = false;
  std::string format = "text";
  pressdex::cli::LazyOptions options;

  Table() {
    options.Add("query", [this](CLI::App& a, const std::string& names) { a.add_option(names, words); });
    options.Add("-n,--limit", [this](CLI::App& a, const std::string& names) { a.add_option(names, limit); });
    options.Add("--all", [this](CLI::App& a, const std::string& names) { a.add_flag(names, all); });
    options.Add("--format", [this](CLI::App& a, const std::string& names) { a.add_option(names, format); });
  }
};

// Registers on a fresh app and returns the long or positional names it got.
std::vector<std::string> Registered(std::vector<std::string> args) {
  Table table;
  args.insert(args.begin(), "prog");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  CLI::App app{"test", "prog"};
  table.options.Register(app, static_cast<int>(argv.size()), argv.data());
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) names.push_back(option->get_name());
  return names;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("lazy options: only the options a command line names are registered, and the positionals") {
  CHECK(Registered({"oil", "prices"}) == Names{"query"});
  CHECK(Registered({"-n", "5", "oil"}) == Names{"query", "--limit"});
  CHECK(Registered({"--format=json", "--all"}) == Names{"query", "--all", "--format"});
  // After "--" everything is a word, option-like or not.
  CHECK(Registered({"--format", "tsv", "--", "--all", "-n"}) == Names{"query", "--format"});
}

TEST_CASE("lazy options: help, unknown options and packed short options get the whole table") {
  const Names all{"--help", "query", "--limit", "--all", "--format"};
  CHECK(Registered({"--help"}) == all);
  CHECK(Registered({"-h"}) == all);
  CHECK(Registered({"--bogus", "oil"}) == all);  // CLI11 reports it, knowing every option
  CHECK(Registered({"-n5", "oil"}) == all);
  CHECK(Registered({"-x"}) == all);
}

TEST_CASE("lazy options: a command line parses as it would with the whole table") {
  for (const std::vector<std::string>& line : std::vector<std::vector<std::string>>{
           {"-n", "3", "--format", "tsv", "oil", "prices"},
           {"--all", "--format=json"},
           {"-n5", "oil"},
           {"oil", "--", "--all"},
       }) {
    Table lazy;
    Table whole;
    std::vector<std::string> args = line;
    args.insert(args.begin(), "prog");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    CLI::App lazy_app{"test", "prog"};
    lazy.options.Register(lazy_app, static_cast<int>(argv.size()), argv.data());
    CLI::App whole_app{"test", "prog"};
    char help[] = "--help";  // a command line naming --help registers everything
    std::vector<char*> help_argv{argv[0], help};
    whole.options.Register(whole_app, 2, help_argv.data());
    REQUIRE(whole_app.get_options().size() == 5);
    lazy_app.parse(static_cast<int>(argv.size()), argv.data());
    whole_app.parse(static_cast<int>(argv.size()), argv.data());
    CHECK(lazy.words == whole.words);
    CHECK(lazy.limit == whole.limit);
    CHECK(lazy.all == whole.all);
    CHECK(lazy.format == whole.format);
  }
}
