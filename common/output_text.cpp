// The text writer: for people at a terminal (colour only when asked for).
#include <fmt/format.h>

#include "common/facet_render.h"
#include "common/output_internal.h"
#include "common/terminal.h"

namespace pressdex::output_internal {
namespace {

constexpr std::string_view kBold = "\033[1m";
constexpr std::string_view kDim = "\033[2m";
constexpr std::string_view kCyan = "\033[36m";
constexpr std::string_view kYellowBold = "\033[1;33m";
constexpr std::string_view kReset = "\033[0m";

std::string Highlighted(const Snippet& snippet, bool color) {
  Snippet s = snippet;
  s.text = TerminalSafe(s.text);  // same length: the highlights still fit
  if (!color) return s.text;
  std::string out;
  std::size_t pos = 0;
  for (const auto& [b, e] : s.highlights) {
    if (b < pos) continue;
    out.append(s.text, pos, b - pos);
    out += kYellowBold;
    out.append(s.text, b, e - b);
    out += kReset;
    pos = e;
  }
  out.append(s.text, pos, std::string::npos);
  return out;
}

class TextWriter : public ResponseWriter {
 public:
  explicit TextWriter(const OutputOptions& o) : o_(o) {}

  void Write(const SearchResponse& r, std::size_t number, std::FILE* out) override {
    if (number > 0) fmt::print(out, "{}\n", Style(kBold, fmt::format("── {}: {}", number, TerminalSafe(r.query))));
    for (const auto& hit : r.hits) {
      const std::string date = hit.doc.date.empty() ? std::string("----------") : TerminalSafe(hit.doc.date);
      fmt::print(out, "{:>3}. {} {}\n", hit.rank, Style(kDim, date), Style(kBold, TerminalSafe(hit.doc.title)));
      fmt::print(out, "     {}\n", Style(kCyan, TerminalSafe(hit.doc.path)));
      if (hit.duplicates > 0)
        fmt::print(out, "     {}\n",
                   Style(kDim, fmt::format("and {} near-duplicate{}", hit.duplicates, hit.duplicates == 1 ? "" : "s")));
      if (!hit.snippet.text.empty()) fmt::print(out, "     {}\n", Highlighted(hit.snippet, o_.color));
      fmt::print(out, "\n");
    }
    const std::string about = r.exact ? "" : "about ";
    if (r.total == 0) {
      fmt::print(out, "No releases match.\n");
    } else if (r.hits.empty()) {
      fmt::print(out, "{}{} release{}; none from {} on\n", about, r.total, r.total == 1 ? "" : "s", r.offset + 1);
    } else {
      fmt::print(out, "{}–{} of {}{} release{}\n", r.offset + 1, r.offset + r.hits.size(), about, r.total,
                 r.total == 1 ? "" : "s");
    }
    if (!r.suggestion.empty()) fmt::print(out, "Did you mean: {}\n", Style(kBold, TerminalSafe(r.suggestion)));
    if (!r.facets.empty()) {
      FacetTextOptions facet_options;
      facet_options.width = o_.terminal_width;
      facet_options.color = o_.color;
      fmt::print(out, "\n{}", RenderFacetsText(r.facets, facet_options));
    }
    if (number > 0) fmt::print(out, "\n");
  }

  void WriteError(std::size_t number, std::string_view query, const Status&, std::FILE* out) override {
    // The error itself goes to stderr; keep the query's place in the listing.
    fmt::print(out, "{}\n(malformed query; see the error)\n\n",
               Style(kBold, fmt::format("── {}: {}", number, TerminalSafe(query))));
  }

 private:
  std::string Style(std::string_view code, std::string_view text) const {
    return o_.color ? fmt::format("{}{}{}", code, text, kReset) : std::string(text);
  }

  OutputOptions o_;
};

}  // namespace

std::unique_ptr<ResponseWriter> MakeTextWriter(const OutputOptions& options) {
  return std::make_unique<TextWriter>(options);
}

}  // namespace pressdex::output_internal
