#include "common/output.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

namespace pressdex {
namespace {

constexpr std::string_view kBold = "\033[1m";
constexpr std::string_view kDim = "\033[2m";
constexpr std::string_view kCyan = "\033[36m";
constexpr std::string_view kYellowBold = "\033[1;33m";
constexpr std::string_view kReset = "\033[0m";

std::string Highlighted(const Snippet& s, bool color) {
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
  void Write(const SearchResponse& r, std::FILE* out) override {
    auto style = [&](std::string_view code, std::string_view text) {
      return o_.color ? fmt::format("{}{}{}", code, text, kReset) : std::string(text);
    };
    for (const auto& hit : r.hits) {
      const std::string date = hit.doc.date.empty() ? std::string("----------") : hit.doc.date;
      fmt::print(out, "{:>3}. {} {}\n", hit.rank, style(kDim, date), style(kBold, hit.doc.title));
      fmt::print(out, "     {}\n", style(kCyan, hit.doc.path));
      if (!hit.snippet.text.empty()) fmt::print(out, "     {}\n", Highlighted(hit.snippet, o_.color));
      fmt::print(out, "\n");
    }
    const std::string about = r.exact ? "" : "about ";
    if (r.hits.empty()) {
      fmt::print(out, "No releases match.\n");
    } else {
      fmt::print(out, "{}{}–{} of {}{} release{}\n", style(kDim, ""), r.offset + 1, r.offset + r.hits.size(), about,
                 r.total, r.total == 1 ? "" : "s");
    }
  }

 private:
  OutputOptions o_;
};

nlohmann::ordered_json HitJson(const SearchHit& hit) {
  nlohmann::ordered_json j;
  j["rank"] = hit.rank;
  j["id"] = hit.doc.id;
  j["path"] = hit.doc.path;
  j["title"] = hit.doc.title;
  j["date"] = hit.doc.date.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(hit.doc.date);
  j["score"] = hit.score;
  j["snippet"] = hit.snippet.text;
  return j;
}

class JsonWriter : public ResponseWriter {
 public:
  void Write(const SearchResponse& r, std::FILE* out) override {
    nlohmann::ordered_json j;
    j["version"] = kJsonVersion;
    j["query"] = r.query;
    j["parsed"] = r.parsed;
    j["total"] = r.total;
    j["exact"] = r.exact;
    j["offset"] = r.offset;
    j["results"] = nlohmann::ordered_json::array();
    for (const auto& hit : r.hits) j["results"].push_back(HitJson(hit));
    const std::string text = j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    fmt::print(out, "{}\n", text);
  }
};

}  // namespace

Result<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "text") return OutputFormat::kText;
  if (name == "json") return OutputFormat::kJson;
  return Status::InvalidArgument(fmt::format("unknown format '{}'", name));
}

std::unique_ptr<ResponseWriter> MakeResponseWriter(const OutputOptions& options) {
  switch (options.format) {
    case OutputFormat::kJson: return std::make_unique<JsonWriter>();
    case OutputFormat::kText: break;
  }
  return std::make_unique<TextWriter>(options);
}

Result<bool> ResolveColor(std::string_view mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (mode != "auto") return Status::InvalidArgument(fmt::format("--color must be auto, always or never, not '{}'", mode));
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) != 0;
}

}  // namespace pressdex
