// Format and field names, colour resolution, the writer factory, and the
// two smallest writers (paths, count). The rest live in output_*.cpp.
#include "common/output.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>

#include "common/output_internal.h"

namespace pressdex {
namespace {

struct FormatName {
  OutputFormat format;
  std::string_view name;
};
constexpr std::array<FormatName, 7> kFormats{{
    {OutputFormat::kText, "text"},
    {OutputFormat::kJson, "json"},
    {OutputFormat::kJsonl, "jsonl"},
    {OutputFormat::kTsv, "tsv"},
    {OutputFormat::kCsv, "csv"},
    {OutputFormat::kPaths, "paths"},
    {OutputFormat::kCount, "count"},
}};

struct FieldEntry {
  Field field;
  std::string_view name;
};
// The documented order (--help, man page, completion).
constexpr std::array<FieldEntry, 15> kFields{{
    {Field::kRank, "rank"},
    {Field::kScore, "score"},
    {Field::kDate, "date"},
    {Field::kTitle, "title"},
    {Field::kPath, "path"},
    {Field::kId, "id"},
    {Field::kPlace, "place"},
    {Field::kSource, "source"},
    {Field::kLang, "lang"},
    {Field::kIssuer, "issuer"},
    {Field::kOrgs, "orgs"},
    {Field::kTopics, "topics"},
    {Field::kSnippet, "snippet"},
    {Field::kUrl, "url"},
    {Field::kDuplicates, "duplicates"},
}};

// Prints one path per line (or NUL-terminated), nothing else.
class PathsWriter : public ResponseWriter {
 public:
  explicit PathsWriter(bool null_separated) : end_(null_separated ? '\0' : '\n') {}
  void Write(const SearchResponse& r, std::size_t, std::FILE* out) override {
    for (const auto& hit : r.hits) {
      std::fwrite(hit.doc.path.data(), 1, hit.doc.path.size(), out);
      std::fputc(end_, out);
    }
  }

 private:
  char end_;
};

// The exact number of matches; one line per query, an empty line for a
// malformed batch query so lines stay aligned with the queries.
class CountWriter : public ResponseWriter {
 public:
  void Write(const SearchResponse& r, std::size_t, std::FILE* out) override { fmt::print(out, "{}\n", r.total); }
  void WriteError(std::size_t, std::string_view, const Status&, std::FILE* out) override { std::fputc('\n', out); }
};

}  // namespace

Result<OutputFormat> ParseOutputFormat(std::string_view name) {
  for (const auto& f : kFormats) {
    if (f.name == name) return f.format;
  }
  return Status::InvalidArgument(
      fmt::format("unknown format '{}': use one of {}", name, fmt::join(OutputFormatNames(), ", ")));
}

const std::vector<std::string>& OutputFormatNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& f : kFormats) v.emplace_back(f.name);
    return v;
  }();
  return names;
}

Result<std::vector<Field>> ParseFields(std::string_view list) {
  std::vector<Field> fields;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    std::string_view name = list.substr(start, comma - start);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    const auto* it = std::find_if(kFields.begin(), kFields.end(), [&](const FieldEntry& e) { return e.name == name; });
    if (it == kFields.end()) {
      return Status::InvalidArgument(
          fmt::format("unknown field '{}' in --fields: use {}", name, fmt::join(FieldNames(), ",")));
    }
    if (std::find(fields.begin(), fields.end(), it->field) != fields.end())
      return Status::InvalidArgument(fmt::format("field '{}' appears twice in --fields", name));
    fields.push_back(it->field);
    start = comma + 1;
  }
  return fields;
}

std::string_view FieldName(Field field) {
  for (const auto& e : kFields) {
    if (e.field == field) return e.name;
  }
  return "?";
}

const std::vector<std::string>& FieldNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& e : kFields) v.emplace_back(e.name);
    return v;
  }();
  return names;
}

std::vector<Field> DefaultFields(OutputFormat format) {
  switch (format) {
    case OutputFormat::kTsv:
    case OutputFormat::kCsv: return {Field::kRank, Field::kScore, Field::kDate, Field::kTitle, Field::kPath};
    default: break;
  }
  // json/jsonl: every field, in the order of the json results.
  return {Field::kRank,   Field::kId,      Field::kPath,   Field::kTitle,  Field::kDate,
          Field::kScore,  Field::kSnippet, Field::kPlace,  Field::kSource, Field::kLang,
          Field::kIssuer, Field::kOrgs,    Field::kTopics, Field::kUrl,    Field::kDuplicates};
}

namespace {

// Text and JSON always show `field`; the delimited formats when it is one of
// the columns asked for (or of their default ones).
bool ShowsField(const OutputOptions& options, Field field) {
  switch (options.format) {
    case OutputFormat::kText:
    case OutputFormat::kJson: return true;
    case OutputFormat::kJsonl:
    case OutputFormat::kTsv:
    case OutputFormat::kCsv: {
      const auto fields = options.fields.empty() ? DefaultFields(options.format) : options.fields;
      return std::find(fields.begin(), fields.end(), field) != fields.end();
    }
    case OutputFormat::kPaths:
    case OutputFormat::kCount: break;
  }
  return false;
}

}  // namespace

bool NeedsSnippets(const OutputOptions& options) { return ShowsField(options, Field::kSnippet); }

bool NeedsDuplicates(const OutputOptions& options) { return ShowsField(options, Field::kDuplicates); }

bool NeedsSuggestion(const OutputOptions& options) {
  return options.format == OutputFormat::kText || options.format == OutputFormat::kJson ||
         (options.format == OutputFormat::kJsonl && options.batch);
}

bool NeedsHits(const OutputOptions& options) { return options.format != OutputFormat::kCount; }

namespace {

std::string_view NameOf(OutputFormat format) {
  for (const auto& f : kFormats) {
    if (f.format == format) return f.name;
  }
  return "?";
}

// Facets belong to the text listing and to every JSON document of a
// response: json's, and jsonl's in a batch (there one document per query,
// elsewhere one line per hit with no room for them).
bool ShowsFacets(OutputFormat format, bool batch) {
  return format == OutputFormat::kText || format == OutputFormat::kJson || (format == OutputFormat::kJsonl && batch);
}

// "--a has", "--a and --b have", "--a, --b and --c have": options that are
// useless for one reason share one line.
std::string HaveNoEffect(const std::vector<std::string_view>& names) {
  std::string subject;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) subject += i + 1 == names.size() ? " and " : ", ";
    subject += names[i];
  }
  return fmt::format("{} {} no effect", subject, names.size() == 1 ? "has" : "have");
}

}  // namespace

std::vector<std::string> UnusedOptionWarnings(const GivenOptions& given) {
  std::vector<std::string> warnings;
  const std::string_view format = NameOf(given.format);
  auto warn = [&](const std::vector<std::string_view>& names, std::string_view why) {
    if (!names.empty()) warnings.push_back(fmt::format("{} with --format {} ({})", HaveNoEffect(names), format, why));
  };

  std::vector<std::string_view> facets;
  if (given.facets) facets.emplace_back("--facets");
  if (given.facet) facets.emplace_back("--facet");
  if (!ShowsFacets(given.format, given.batch)) warn(facets, "facets show in text, json, and jsonl with --batch");

  const bool delimited = given.format == OutputFormat::kTsv || given.format == OutputFormat::kCsv;
  if (given.no_header && !delimited) warn({"--no-header"}, "only tsv and csv have a header line");
  if (given.null_separated && given.format != OutputFormat::kPaths) warn({"-0/--null"}, "it applies to paths only");

  // count prints the number of matches only: no page of results to cut or order.
  std::vector<std::string_view> paging;
  if (given.limit) paging.emplace_back("-n/--limit");
  if (given.offset) paging.emplace_back("--offset");
  if (given.sort) paging.emplace_back("--sort");
  if (given.format == OutputFormat::kCount) warn(paging, "it prints the number of matches only");

  if (given.color_always && given.format != OutputFormat::kText) warn({"--color always"}, "only text is coloured");

  // A batch answers the queries of its input lines; blank ones are skipped, not taken for "everything".
  if (given.all && given.batch)
    warnings.push_back(
        fmt::format("{} with --batch (each line of standard input is the query)", HaveNoEffect({"--all"})));
  return warnings;
}

std::unique_ptr<ResponseWriter> MakeResponseWriter(const OutputOptions& options) {
  using namespace output_internal;
  switch (options.format) {
    case OutputFormat::kText: return MakeTextWriter(options);
    case OutputFormat::kJson: return MakeJsonWriter(options);
    case OutputFormat::kJsonl: return MakeJsonlWriter(options);
    case OutputFormat::kTsv:
    case OutputFormat::kCsv: return MakeDelimitedWriter(options);
    case OutputFormat::kPaths: return std::make_unique<PathsWriter>(options.null_separated);
    case OutputFormat::kCount: return std::make_unique<CountWriter>();
  }
  return MakeTextWriter(options);
}

Result<bool> ResolveColor(std::string_view mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (mode != "auto")
    return Status::InvalidArgument(fmt::format("--color must be auto, always or never, not '{}'", mode));
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) != 0;
}

std::string ExplainText(const SearchResponse& r, SortOrder sort) {
  const auto& u = r.understood;
  std::vector<std::string> terms = u.terms;
  for (const auto& w : u.wildcard_stems) terms.push_back(w + "*");
  std::string order = sort == SortOrder::kNewest ? "newest" : sort == SortOrder::kOldest ? "oldest" : "relevance";
  if (sort == SortOrder::kRelevance && !u.has_text) order = "newest (no words to rank by)";
  auto or_none = [](const std::string& s) { return s.empty() ? std::string("(none)") : s; };
  // The parser input is padded with spaces around every word; show it tidy.
  std::string words;
  for (const char c : u.parser_input) {
    if (c == ' ' && (words.empty() || words.back() == ' ')) continue;
    words += c;
  }
  if (!words.empty() && words.back() == ' ') words.pop_back();
  // Lines for what only some queries have (similar releases, synonyms) appear only then.
  std::string extra;
  if (!u.like.empty()) extra += fmt::format("like:     {}\n", u.like);
  if (!u.synonyms.empty()) extra += fmt::format("synonyms: {}\n", fmt::join(u.synonyms, "; "));
  return fmt::format(
      "query:    {}\n"
      "words:    {}\n"
      "terms:    {}\n"
      "filters:  {}\n"
      "{}"
      "order:    {}\n"
      "xapian:   {}\n",
      r.query.empty() ? "(every release)" : r.query, or_none(words), or_none(fmt::format("{}", fmt::join(terms, " "))),
      or_none(fmt::format("{}", fmt::join(u.filters, "; "))), extra, order, r.parsed);
}

namespace output_internal {

std::string FieldText(const SearchHit& hit, Field field) {
  const auto& d = hit.doc;
  auto join = [](const std::vector<std::string>& items) { return fmt::format("{}", fmt::join(items, "|")); };
  switch (field) {
    case Field::kRank: return std::to_string(hit.rank);
    case Field::kScore: return fmt::format("{:.4f}", hit.score);
    case Field::kDate: return d.date;
    case Field::kTitle: return d.title;
    case Field::kPath: return d.path;
    case Field::kId: return d.id;
    case Field::kPlace: return d.place;
    case Field::kSource: return d.source;
    case Field::kLang: return d.lang;
    case Field::kIssuer: return d.issuer;
    case Field::kOrgs: return join(d.orgs);
    case Field::kTopics: return join(d.topics);
    case Field::kSnippet: return hit.snippet.text;
    case Field::kUrl: return d.url;
    case Field::kDuplicates: return std::to_string(hit.duplicates);
  }
  return {};
}

}  // namespace output_internal
}  // namespace pressdex
