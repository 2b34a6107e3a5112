// pressdex-search: option parsing and wiring; the work is in common/search
// and common/output.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "common/cli.h"
#include "common/db_path.h"
#include "common/output.h"
#include "common/search.h"

namespace {
constexpr const char* kProgram = "pressdex-search";

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}
}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Search a Pressdex database of press releases.", kProgram};
  app.set_version_flag("--version", PRESSDEX_VERSION);
  std::string db;
  std::vector<std::string> words;
  pressdex::SearchRequest request;
  std::string format = "text";
  std::string color = "auto";

  pressdex::cli::AddDatabaseOption(app, db);
  app.add_option("query", words, "The query: words, \"phrases\", AND/OR/NOT, +word/-word, (...), mask*, title:word")
      ->type_name("QUERY...");
  app.add_option("-n,--limit", request.limit, "How many results to show (0: all)")->default_str("10");
  app.add_option("--offset", request.offset, "Skip this many results first (paging)")->default_str("0");
  app.add_flag("--any", request.query_options.any, "Match any word (OR) instead of all (AND)");
  app.add_flag("--all", request.match_all, "Match every release (with an empty query)");
  app.add_option("--lang", request.query_options.lang, "Language of the query's words (stemming)")
      ->type_name("CODE")
      ->default_str("en");
  app.add_option("--format", format, "Output: text or json")->check(CLI::IsMember({"text", "json"}))->default_str("text");
  app.add_option("--color", color, "Colour: auto, always or never (NO_COLOR is honoured)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str("auto");
  app.positionals_at_end(false);
  app.footer(fmt::format(
      "Examples:\n"
      "  pressdex-search masks                       releases about masks, best first\n"
      "  pressdex-search '\"partnership conference\"'  an exact phrase\n"
      "  pressdex-search covid AND (vaccine OR vaccines) -trial\n"
      "  pressdex-search title:flood --any relief aid\n"
      "  pressdex-search --format json -n 5 asean | jq '.results[].path'\n\n{}",
      pressdex::cli::ExitCodeHelp(true)));

  if (const int code = pressdex::cli::Parse(app, argc, argv); code >= 0) return code;

  request.query = JoinWords(words);
  if (request.query.empty() && !request.match_all) {
    fmt::print(stderr, "{}: no query given (use --all to list every release)\nRun '{} --help' for usage.\n", kProgram,
               kProgram);
    return pressdex::cli::kUsage;
  }
  if (request.query.empty()) request.match_all = true;

  pressdex::OutputOptions output;
  output.format = *pressdex::ParseOutputFormat(format);
  output.color = *pressdex::ResolveColor(color);

  auto searcher = pressdex::Searcher::Open({pressdex::ResolveDatabasePath(db)});
  if (!searcher.ok()) return pressdex::cli::Fail(kProgram, searcher.status());
  auto response = (*searcher)->Search(request);
  if (!response.ok()) return pressdex::cli::Fail(kProgram, response.status());

  pressdex::MakeResponseWriter(output)->Write(*response, stdout);
  std::fflush(stdout);
  return response->total > 0 ? pressdex::cli::kOk : pressdex::cli::kNoMatch;
}
