// pressdex-search: option parsing and wiring; the work is in common/search,
// common/output and common/batch.
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "common/batch.h"
#include "common/cli.h"
#include "common/db_path.h"
#include "common/facets.h"
#include "common/output.h"
#include "common/query_args.h"
#include "common/search.h"
#include "common/synonyms.h"
#include "common/terminal.h"

namespace {
constexpr const char* kProgram = "pressdex-search";

// Marks a "-word" argument (exclude a word) so CLI11 takes it for a query
// word, not an unknown option; stripped again before the query is joined.
constexpr char kWordMark = '\x01';

std::atomic<bool> g_stop{false};
void OnSignal(int) { g_stop = true; }

// "-trial", "-org:WHO" are query words; "-n", "-n5", "-0", "-h" and every
// "--long" option are options. Everything after "--" is a word anyway.
bool IsNegatedWord(std::string_view arg) {
  if (arg.size() < 2 || arg[0] != '-' || arg[1] == '-') return false;
  if (arg == "-0" || arg == "-h") return false;
  if (arg[1] == 'n' && arg.find_first_not_of("0123456789", 2) == std::string_view::npos) return false;
  return true;
}

std::string JoinWords(const std::vector<std::string>& words, const Xapian::Database& db) {
  std::vector<std::string> unmarked;
  for (const auto& w : words) unmarked.push_back((!w.empty() && w[0] == kWordMark) ? w.substr(1) : w);
  // Puts back the quotes of org:"A B" that the shell took, telling them by
  // the values the database holds from 'org:ASEC covid' typed as one argument.
  return pressdex::JoinQueryArgs(unmarked, pressdex::KnownIn(db));
}

bool Given(const CLI::Option* option) { return option != nullptr && option->count() > 0; }

int Main(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  for (std::size_t i = 1; i < args.size() && args[i] != "--"; ++i) {
    if (IsNegatedWord(args[i])) args[i].insert(args[i].begin(), kWordMark);
  }
  std::vector<char*> arg_ptrs;
  for (auto& a : args) arg_ptrs.push_back(a.data());

  CLI::App app{"Search a Pressdex database of press releases.", kProgram};
  std::vector<std::string> dbs;
  std::vector<std::string> words;
  pressdex::SearchRequest request;
  std::string format = "text";
  std::string fields;
  std::string color = "auto";
  std::string sort = "relevance";
  std::vector<std::string> facet_args;
  bool default_facets = false;
  bool no_header = false;
  bool null_separated = false;
  bool batch = false;
  bool explain = false;
  bool no_collapse = false;
  std::string synonyms_file;
  // Null where the command line does not name the option (cli::LazyOptions).
  const CLI::Option* limit_option = nullptr;
  const CLI::Option* offset_option = nullptr;
  const CLI::Option* sort_option = nullptr;
  const CLI::Option* fields_option = nullptr;

  pressdex::cli::LazyOptions options;
  options.Add("--version", [](CLI::App& a, const std::string& names) { a.set_version_flag(names, PRESSDEX_VERSION); });
  options.Add("--db", [&](CLI::App& a, const std::string&) { pressdex::cli::AddDatabasesOption(a, dbs); });
  options.Add("query", [&](CLI::App& a, const std::string& names) {
    a.add_option(names, words,
                 "The query: words, \"phrases\", AND/OR/NOT, +word/-word, (...), mask*, title:word, "
                 "filters org: issuer: topic: lang: place: source: date:")
        ->type_name("QUERY...");
  });
  options.Add("-n,--limit", [&](CLI::App& a, const std::string& names) {
    limit_option = a.add_option(names, request.limit, "How many results to show (0: all)")->default_str("10");
  });
  options.Add("--offset", [&](CLI::App& a, const std::string& names) {
    offset_option = a.add_option(names, request.offset, "Skip this many results first (paging)")->default_str("0");
  });
  options.Add("--any", [&](CLI::App& a, const std::string& names) {
    a.add_flag(names, request.query_options.any, "Match any word (OR) instead of all (AND)");
  });
  options.Add("--all", [&](CLI::App& a, const std::string& names) {
    a.add_flag(names, request.match_all, "Match every release (also what an empty query means)");
  });
  options.Add("--sort", [&](CLI::App& a, const std::string& names) {
    sort_option = a.add_option(names, sort, "Order: relevance (ties newest first), newest or oldest")
                      ->check(CLI::IsMember({"relevance", "newest", "oldest"}))
                      ->default_str("relevance");
  });
  options.Add("--lang", [&](CLI::App& a, const std::string&) {
    pressdex::cli::AddLanguageOption(a, request.query_options.lang, "Language of the query's words (stemming)");
  });
  options.Add("--facet", [&](CLI::App& a, const std::string& names) {
    a.add_option(names, facet_args,
                 "Count matches per value of FIELD (org, issuer, topic, lang, place, source, date; "
                 "date:year|month|day); N values (default 10). Repeatable")
        ->type_name("FIELD[:N]")
        ->allow_extra_args(false);  // one value per --facet: the words after it are the query
  });
  options.Add("--facets", [&](CLI::App& a, const std::string& names) {
    a.add_flag(names, default_facets, "The default facets: date, org, topic");
  });
  options.Add("--format", [&](CLI::App& a, const std::string& names) {
    a.add_option(names, format, "Output: text, json, jsonl, tsv, csv, paths or count")
        ->check(CLI::IsMember(pressdex::OutputFormatNames()))
        ->default_str("text");
  });
  options.Add("--fields", [&](CLI::App& a, const std::string& names) {
    fields_option =
        a.add_option(names, fields,
                     "Columns of tsv/csv, keys of jsonl, in this order: "
                     "rank,score,date,title,path,id,place,source,lang,issuer,orgs,topics,snippet,url,duplicates")
            ->type_name("LIST");
  });
  options.Add("--no-header",
              [&](CLI::App& a, const std::string& names) { a.add_flag(names, no_header, "tsv/csv: no header line"); });
  options.Add("-0,--null", [&](CLI::App& a, const std::string& names) {
    a.add_flag(names, null_separated, "paths: end each path with NUL (for xargs -0)");
  });
  options.Add("--exact", [&](CLI::App& a, const std::string& names) {
    a.add_flag(names, request.exact_total, "Count every match for an exact total (count always does)");
  });
  options.Add("--batch", [&](CLI::App& a, const std::string& names) {
    a.add_flag(names, batch, "Read one query per line from stdin (blank and # lines skipped) and answer each in turn");
  });
  options.Add("--explain", [&](CLI::App& a, const std::string& names) {
    a.add_flag(names, explain, "Print how the query was understood (terms, filters, dates) to stderr");
  });
  options.Add("--like", [&](CLI::App& a, const std::string& names) {
    a.add_option(names, request.like,
                 "Releases similar to this one (its path or id as results show them); query words and "
                 "filters narrow them")
        ->type_name("PATH|ID");
  });
  options.Add("--no-collapse", [&](CLI::App& a, const std::string& names) {
    a.add_flag(names, no_collapse,
               "List near-duplicates (the same story from several outlets) one by one; text, json and "
               "--fields ...,duplicates otherwise show each once with its count");
  });
  options.Add("--synonyms", [&](CLI::App& a, const std::string& names) {
    a.add_option(names, synonyms_file,
                 "TOML file of synonym groups: a query word also finds its synonyms (see docs/relevance.md)")
        ->type_name("FILE");
  });
  options.Add("--color", [&](CLI::App& a, const std::string& names) {
    a.add_option(names, color, "Colour: auto, always or never (NO_COLOR is honoured)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->default_str("auto");
  });
  options.Register(app, argc, arg_ptrs.data());
  // Built only for --help; CLI11 ends a footer callback's text with a newline.
  app.footer([] {
    return fmt::format(
        "{}\nExamples:\n"
        "  pressdex-search masks                         releases about masks, best first\n"
        "  pressdex-search '\"partnership conference\"'    an exact phrase\n"
        "  pressdex-search 'covid AND (vaccine OR vaccines) -trial'\n"
        "  pressdex-search flood org:ASEC date:2020.. --facets\n"
        "  pressdex-search --format json -n 5 asean | jq '.results[].path'\n"
        "  pressdex-search --format paths -0 org:ASEC | xargs -0 grep -l typhoon\n"
        "  pressdex-search --format count topic:health\n"
        "  pressdex-search --like corpus/trade/rcep-signed-15-economies-2020.txt date:2021..\n"
        "  pressdex-search --synonyms synonyms.toml covid          covid, coronavirus, SARS-CoV-2\n"
        "  pressdex-search --no-collapse '\"migrant workers\"'     every syndicated copy\n"
        "  pressdex-search --all --format jsonl --fields path,date,orgs,topics -n 0 > all.jsonl\n"
        "  printf 'flood\\nmasks\\n' | pressdex-search --batch --format tsv --fields path",
        pressdex::cli::ExitCodeHelp(true));
  });

  if (const int code = pressdex::cli::Parse(app, argc, arg_ptrs.data()); code >= 0) return code;

  auto usage = [](const std::string& message) {
    fmt::print(stderr, "{}: {}\nRun '{} --help' for usage.\n", kProgram, message, kProgram);
    return pressdex::cli::kUsage;
  };

  // No database holds more releases than Xapian's 32-bit count: larger
  // values mean the same (all of them / beyond the last) and cannot overflow.
  constexpr std::size_t kMaxReleases = std::numeric_limits<Xapian::doccount>::max();
  request.limit = std::min(request.limit, kMaxReleases);
  request.offset = std::min(request.offset, kMaxReleases);

  pressdex::OutputOptions output;
  output.format = *pressdex::ParseOutputFormat(format);
  output.color = *pressdex::ResolveColor(color);
  output.header = !no_header;
  output.null_separated = null_separated;
  output.batch = batch;
  if (Given(fields_option)) {  // "--fields ''" too: an empty list is no list
    auto parsed = pressdex::ParseFields(fields);
    if (!parsed.ok()) return usage(parsed.status().message());
    output.fields = std::move(parsed.value());
    if (output.format != pressdex::OutputFormat::kTsv && output.format != pressdex::OutputFormat::kCsv &&
        output.format != pressdex::OutputFormat::kJsonl)
      return usage(fmt::format("--fields applies to tsv, csv and jsonl, not {}", format));
  }
  if (output.format == pressdex::OutputFormat::kText)
    output.terminal_width = pressdex::TerminalWidth(STDOUT_FILENO, 100);

  if (default_facets) request.facets = pressdex::DefaultFacets();
  for (const auto& f : facet_args) {
    auto spec = pressdex::ParseFacetSpec(f);
    if (!spec.ok()) return usage(spec.status().message());
    request.facets.push_back(*spec);
  }
  request.sort = sort == "newest"   ? pressdex::SortOrder::kNewest
                 : sort == "oldest" ? pressdex::SortOrder::kOldest
                                    : pressdex::SortOrder::kRelevance;
  request.snippets = pressdex::NeedsSnippets(output);
  request.duplicate_counts = pressdex::NeedsDuplicates(output);
  request.suggest = pressdex::NeedsSuggestion(output);
  if (!pressdex::NeedsHits(output)) {
    // count: the exact number of matches, no page of hits to read.
    request.hits = false;
    request.exact_total = true;
    request.offset = 0;
    request.limit = 1;
  }

  // Near-duplicates are collapsed where the output says how many each hit
  // stands for (text, json, a duplicates field); paths and plain tsv keep every file for scripts.
  request.collapse = !no_collapse && request.duplicate_counts;
  pressdex::Synonyms user_synonyms;
  if (!synonyms_file.empty()) {
    auto loaded = pressdex::Synonyms::Load(synonyms_file);
    if (!loaded.ok()) return usage(loaded.status().message());
    user_synonyms = std::move(loaded.value());
    request.query_options.synonyms = &user_synonyms;
  }

  if (batch && !words.empty()) return usage("--batch reads queries from stdin; give none on the command line");
  // No query at all is more likely a mistake than a wish to list everything;
  // --all or an explicitly empty query ('') lists every release.
  if (!batch && words.empty() && !request.match_all && request.like.empty())
    return usage("no query given (use --all to list every release)");

  // Once, before any answer (in a batch, not per query); the run goes on as
  // it would without the useless options, so output and exit code stay.
  const pressdex::GivenOptions given{.format = output.format,
                                     .batch = batch,
                                     .facets = default_facets,
                                     .facet = !facet_args.empty(),
                                     .no_header = no_header,
                                     .null_separated = null_separated,
                                     .limit = Given(limit_option),
                                     .offset = Given(offset_option),
                                     .sort = Given(sort_option),
                                     .all = request.match_all,
                                     .color_always = color == "always"};
  for (const auto& warning : pressdex::UnusedOptionWarnings(given))
    fmt::print(stderr, "{}: warning: {}\n", kProgram, warning);

  if (dbs.empty()) dbs.push_back(pressdex::ResolveDatabasePath(""));
  auto searcher = pressdex::Searcher::Open(dbs);
  if (!searcher.ok()) return pressdex::cli::Fail(kProgram, searcher.status());
  request.query = JoinWords(words, (*searcher)->database());
  if (!batch && request.query.empty()) request.match_all = true;
  auto writer = pressdex::MakeResponseWriter(output);

  if (batch) {
    // Ctrl-C ends the batch after the current query (the read is not restarted).
    struct sigaction action {};
    action.sa_handler = OnSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    pressdex::InterruptibleInput input(STDIN_FILENO, &g_stop);
    std::istream in(&input);
    const pressdex::BatchIo io{in, stdout, stderr, kProgram, &g_stop, explain};
    auto stats = pressdex::RunBatch(**searcher, request, *writer, io);
    if (!stats.ok()) return pressdex::cli::Fail(kProgram, stats.status());
    return pressdex::BatchExitCode(*stats);
  }

  auto response = (*searcher)->Search(request);
  if (!response.ok()) return pressdex::cli::Fail(kProgram, response.status());
  if (explain) fmt::print(stderr, "{}", pressdex::ExplainText(*response, request.sort));
  if (!pressdex::NeedsHits(output)) response->hits.clear();
  writer->Begin(stdout);
  writer->Write(*response, 0, stdout);
  std::fflush(stdout);
  return response->total > 0 ? pressdex::cli::kOk : pressdex::cli::kNoMatch;
}

}  // namespace

int main(int argc, char** argv) { return pressdex::cli::RunGuarded(kProgram, Main, argc, argv); }
