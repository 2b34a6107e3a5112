// Formatting search responses for people (text) and scripts (json, jsonl,
// tsv, csv, paths, count). One writer per format; the searcher only picks
// one. Writers promise: stdout carries results only, machine formats never
// carry colour, every JSON byte comes from nlohmann (valid UTF-8, escaped),
// and every tsv/csv record is exactly one line per result.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/search.h"
#include "common/status.h"

namespace pressdex {

enum class OutputFormat { kText, kJson, kJsonl, kTsv, kCsv, kPaths, kCount };

Result<OutputFormat> ParseOutputFormat(std::string_view name);
// "text|json|jsonl|tsv|csv|paths|count", for help texts and completion.
const std::vector<std::string>& OutputFormatNames();

// A column of tsv/csv or a key of jsonl (--fields).
enum class Field {
  kRank,
  kScore,
  kDate,
  kTitle,
  kPath,
  kId,
  kPlace,
  kSource,
  kLang,
  kIssuer,
  kOrgs,
  kTopics,
  kSnippet,
  kUrl,
  kDuplicates  // near-duplicates collapsed into the hit
};

// "rank,score,date" -> fields in that order. InvalidArgument names the bad one.
Result<std::vector<Field>> ParseFields(std::string_view list);
std::string_view FieldName(Field field);
// Every field name, in the documented order.
const std::vector<std::string>& FieldNames();
// What a format shows when --fields is not given.
std::vector<Field> DefaultFields(OutputFormat format);

struct OutputOptions {
  OutputFormat format = OutputFormat::kText;
  bool color = false;                // ANSI styling (text only)
  std::size_t terminal_width = 100;  // text only (facet bars)
  std::vector<Field> fields;         // tsv/csv/jsonl; empty = DefaultFields(format)
  bool header = true;                // tsv/csv: first line names the columns
  bool null_separated = false;       // paths: end each path with NUL, not newline
  bool batch = false;                // rows carry the query's number; json compacts to one line
};

// True when the format shows snippets (so the search need not make them).
bool NeedsSnippets(const OutputOptions& options);
// True when the format shows each hit's near-duplicate count (text, json, or
// a `duplicates` field), so the search must count them exactly.
bool NeedsDuplicates(const OutputOptions& options);
// True when the format shows a spelling suggestion (text, json, batch jsonl),
// so the search should look for one.
bool NeedsSuggestion(const OutputOptions& options);
// True when the format prints no hits at all (count): the search can skip them.
bool NeedsHits(const OutputOptions& options);

// The options that only some formats or modes use, as the command line gave
// them: whether each was typed, not the value defaults or the format's needs
// left in the request (count's limit of 1, a header that is on by default).
struct GivenOptions {
  OutputFormat format = OutputFormat::kText;
  bool batch = false;
  bool facets = false;          // --facets
  bool facet = false;           // --facet FIELD, once or more
  bool no_header = false;       // --no-header
  bool null_separated = false;  // -0/--null
  bool limit = false;           // -n/--limit, any value
  bool offset = false;          // --offset, any value
  bool sort = false;            // --sort, any value
  bool all = false;             // --all
  bool color_always = false;    // --color always; auto and never are what scripts pass anyway
};

// One message per group of given options that the format or batch mode
// leaves without any effect on the output (--no-header with json, -n with
// count, ...), without the program name or "warning:"; empty when every
// option given counts. Options that only ask for what happens anyway are
// not reported: --exact with count, --no-collapse with paths, --all with a
// query (the query narrows the listing, as filters are documented to).
std::vector<std::string> UnusedOptionWarnings(const GivenOptions& given);

class ResponseWriter {
 public:
  virtual ~ResponseWriter() = default;
  // Once, before the first response (the tsv/csv header line).
  virtual void Begin(std::FILE* out) { (void)out; }
  // Writes one response. `number` is the query's number in a batch (1-based),
  // 0 for a single query.
  virtual void Write(const SearchResponse& response, std::size_t number, std::FILE* out) = 0;
  // A batch query that failed (malformed): formats that can carry an error
  // in-stream (json, jsonl) write an error object; count writes an empty line
  // to keep one line per query. Others write nothing (the caller reports it
  // on stderr).
  virtual void WriteError(std::size_t number, std::string_view query, const Status& error, std::FILE* out) {
    (void)number, (void)query, (void)error, (void)out;
  }
};

std::unique_ptr<ResponseWriter> MakeResponseWriter(const OutputOptions& options);

// --explain: how the query was understood (the words as parsed, terms after
// folding and stemming, filters and date ranges, order), several lines.
std::string ExplainText(const SearchResponse& response, SortOrder sort);

// Should output be coloured? `mode` is auto|always|never; auto means stdout
// is a terminal and NO_COLOR is unset.
Result<bool> ResolveColor(std::string_view mode);

// JSON version of the machine output: bump only on incompatible change.
inline constexpr int kJsonVersion = 1;

}  // namespace pressdex
