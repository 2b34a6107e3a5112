#include "common/facet_render.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/terminal.h"

namespace pressdex {
namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kBarColor = "\x1b[36m";
constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …

// Partial blocks, one to eight eighths of a cell wide.
constexpr std::string_view kEighths[] = {"",
                                         "\xE2\x96\x8F",   // ▏
                                         "\xE2\x96\x8E",   // ▎
                                         "\xE2\x96\x8D",   // ▍
                                         "\xE2\x96\x8C",   // ▌
                                         "\xE2\x96\x8B",   // ▋
                                         "\xE2\x96\x8A",   // ▊
                                         "\xE2\x96\x89",   // ▉
                                         "\xE2\x96\x88"};  // █

int CodePointWidth(UChar32 c) {
  if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF) return 0;
  const auto type = static_cast<UCharCategory>(u_charType(c));
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_CONTROL_CHAR || type == U_FORMAT_CHAR)
    return 0;
  const auto ea = static_cast<UEastAsianWidth>(u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH));
  return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

// The longest head of `text` that fits in `columns`, with "…" when cut.
std::string Fit(std::string_view text, std::size_t columns) {
  if (DisplayWidth(text) <= columns) return std::string(text);
  if (columns == 0) return "";
  std::size_t used = 0;
  int32_t i = 0;
  int32_t keep = 0;
  const auto n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    const int w = c < 0 ? 1 : CodePointWidth(c);
    if (used + static_cast<std::size_t>(w) > columns - 1) break;
    used += static_cast<std::size_t>(w);
    keep = i;
  }
  return std::string(text.substr(0, static_cast<std::size_t>(keep))) + std::string(kEllipsis);
}

std::string Pad(std::string_view text, std::size_t columns) {
  std::string out(text);
  const std::size_t w = DisplayWidth(text);
  if (w < columns) out.append(columns - w, ' ');
  return out;
}

std::string_view Title(FacetField field) {
  switch (field) {
    case FacetField::kOrg: return "Organisations";
    case FacetField::kIssuer: return "Issuers";
    case FacetField::kTopic: return "Topics";
    case FacetField::kLang: return "Languages";
    case FacetField::kPlace: return "Places";
    case FacetField::kSource: return "Sources";
    case FacetField::kDate: return "Dates";
  }
  return "";
}

std::string Styled(std::string_view text, std::string_view style, bool color) {
  if (!color) return std::string(text);
  return fmt::format("{}{}{}", style, text, kReset);
}

std::string Heading(const FacetResult& facet, bool color) {
  std::string head = Styled(Title(facet.field), kBold, color);
  if (facet.field == FacetField::kDate) {
    head += fmt::format(" by {}", facet.granularity);
  } else {
    head += fmt::format(" ({} {})", facet.distinct, facet.distinct == 1 ? "value" : "values");
  }
  if (!facet.exact) head += " (approximate counts)";
  return head + "\n";
}

void RenderTable(const FacetResult& facet, const FacetTextOptions& options, std::string& out) {
  if (facet.values.empty()) {
    out += Styled("  none among the matches\n", kDim, options.color);
    return;
  }
  std::size_t count_width = 1;
  for (const auto& v : facet.values) count_width = std::max(count_width, fmt::formatted_size("{}", v.count));
  // Names get what the counts leave, but no more than the longest needs.
  const std::size_t room = options.width > count_width + 6 ? options.width - count_width - 6 : 10;
  std::vector<std::string> names;  // values come from the data: no control characters onto the terminal
  for (const auto& v : facet.values) names.push_back(TerminalSafe(v.value));
  std::size_t name_width = 0;
  for (const auto& name : names) name_width = std::max(name_width, DisplayWidth(name));
  name_width = std::min(name_width, std::max<std::size_t>(room, 10));
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += "  ";
    out += Pad(Fit(names[i], name_width), name_width);
    out += fmt::format("  {:>{}}\n", facet.values[i].count, count_width);
  }
  if (facet.more > 0) out += Styled(fmt::format("  {} and {} more\n", kEllipsis, facet.more), kDim, options.color);
}

void RenderHistogram(const FacetResult& facet, const FacetTextOptions& options, std::string& out) {
  Xapian::doccount top = 0;
  std::size_t label_width = 7;  // "unknown"
  std::size_t count_width = 1;
  for (const auto& v : facet.values) {
    if (v.value != "unknown") top = std::max(top, v.count);
    label_width = std::max(label_width, DisplayWidth(v.value));
    count_width = std::max(count_width, fmt::formatted_size("{}", v.count));
  }
  if (facet.more > 0)
    out += Styled(fmt::format("  {} and {} earlier {}{} with releases\n", kEllipsis, facet.more, facet.granularity,
                              facet.more == 1 ? "" : "s"),
                  kDim, options.color);
  // "  LABEL  COUNT BAR": the bar takes whatever the terminal has left.
  const std::size_t fixed = 2 + label_width + 2 + count_width + 1;
  const std::size_t bar_cells = options.width > fixed + 10 ? options.width - fixed : 10;
  for (const auto& v : facet.values) {
    const bool unknown = v.value == "unknown";
    if (unknown && v.count == 0) continue;
    out += "  ";
    out += Pad(v.value, label_width);
    out += fmt::format("  {:>{}}", v.count, count_width);
    std::size_t eighths = 0;
    if (!unknown && top > 0 && v.count > 0) {
      // Rounded to the nearest eighth; never invisible when there is something.
      eighths = static_cast<std::size_t>((static_cast<double>(v.count) * bar_cells * 8) / top + 0.5);
      eighths = std::max<std::size_t>(eighths, 1);
    }
    if (eighths > 0) {
      std::string bar;
      for (std::size_t i = 0; i < eighths / 8; ++i) bar += kEighths[8];
      bar += kEighths[eighths % 8];
      out += ' ';
      out += Styled(bar, kBarColor, options.color);
    }
    out += '\n';
  }
}

}  // namespace

std::size_t DisplayWidth(std::string_view text) {
  std::size_t width = 0;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    width += static_cast<std::size_t>(c < 0 ? 1 : CodePointWidth(c));
  }
  return width;
}

std::string RenderFacetsText(const std::vector<FacetResult>& facets, const FacetTextOptions& options) {
  std::string out;
  for (const FacetResult& facet : facets) {
    out += Heading(facet, options.color);
    if (facet.field == FacetField::kDate)
      RenderHistogram(facet, options, out);
    else
      RenderTable(facet, options, out);
    out += '\n';
  }
  return out;
}

nlohmann::ordered_json FacetsToJson(const std::vector<FacetResult>& facets) {
  nlohmann::ordered_json all = nlohmann::ordered_json::object();
  for (const FacetResult& facet : facets) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    if (facet.field == FacetField::kDate) j["granularity"] = facet.granularity;
    nlohmann::ordered_json values = nlohmann::ordered_json::array();
    for (const auto& v : facet.values) {
      nlohmann::ordered_json item = nlohmann::ordered_json::object();
      item["value"] = v.value;
      item["count"] = v.count;
      values.push_back(std::move(item));
    }
    j["values"] = std::move(values);
    j["more"] = facet.more;
    j["exact"] = facet.exact;
    all[std::string(FacetFieldName(facet.field))] = std::move(j);
  }
  return all;
}

}  // namespace pressdex
