#include "common/readers.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "common/extract/text_util.h"
#include "common/normalize.h"
#include "common/record_fields.h"

namespace pressdex {
namespace {

// "# date = 20210414", "# url: https://...": (key, value) of a header line.
std::optional<std::pair<std::string_view, std::string_view>> HeaderLine(std::string_view line) {
  if (line.empty() || line[0] != '#') return std::nullopt;
  std::size_t i = 1;
  while (i < line.size() && line[i] == ' ') ++i;
  const std::size_t key_begin = i;
  const auto is_key_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  };
  while (i < line.size() && is_key_char(line[i])) ++i;
  const std::string_view key = line.substr(key_begin, i - key_begin);
  if (key.empty() || key.size() > 40 || !std::isalpha(static_cast<unsigned char>(key[0]))) return std::nullopt;
  while (i < line.size() && line[i] == ' ') ++i;
  if (i == line.size() || (line[i] != '=' && line[i] != ':')) return std::nullopt;
  return std::pair{key, extract::TrimView(line.substr(i + 1))};
}

// Header lines some corpora put before the text ("# doc_id = news_world_015",
// "# url = https://...", "# date = 20210414": the Underthesea Vietnamese
// news corpus). Only a block at the very top in which every line has that
// shape and some key names a metadata field (common/record_fields.h) is
// read, so a release that opens with "# Heading" or "#hashtag" keeps it.
// Returns where the text after the block (and its blank lines) starts.
std::size_t ReadHeaderLines(std::string_view text, SourceRecord& record) {
  std::vector<std::pair<std::string_view, std::string_view>> lines;
  std::size_t end = 0;
  while (end < text.size()) {
    const std::size_t eol = std::min(text.find('\n', end), text.size());
    const auto header = HeaderLine(text.substr(end, eol - end));
    if (!header) break;
    lines.push_back(*header);
    end = std::min(eol + 1, text.size());
  }
  const bool known =
      std::any_of(lines.begin(), lines.end(), [](const auto& kv) { return HeaderFieldOfKey(kv.first).has_value(); });
  if (!known) return 0;
  for (const auto& [key, value] : lines) {
    const auto field = HeaderFieldOfKey(key);
    if (!field || value.empty()) continue;
    AssignField(record, *field,
                IsListField(*field) ? extract::SplitList(value, ",;") : std::vector<std::string>{std::string(value)});
  }
  while (end < text.size() && (text[end] == '\n' || text[end] == ' ' || text[end] == '\t')) ++end;
  return end;
}

}  // namespace

Format FormatForPath(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return Format::kUnknown;
  std::string ext(name.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == "txt" || ext == "text") return Format::kText;
  if (ext == "md" || ext == "markdown") return Format::kMarkdown;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  if (ext == "json") return Format::kJson;
  if (ext == "jsonl" || ext == "ndjson") return Format::kJsonl;
  return Format::kUnknown;
}

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kText: return "text";
    case Format::kMarkdown: return "markdown";
    case Format::kHtml: return "html";
    case Format::kJson: return "json";
    case Format::kJsonl: return "jsonl";
    case Format::kUnknown: break;
  }
  return "unknown";
}

Result<ReadResult> ReadRecords(Format format, std::string_view text) {
  switch (format) {
    case Format::kText: return ReadPlainText(text);
    case Format::kMarkdown: return ReadMarkdown(text);
    case Format::kHtml: return ReadHtml(text);
    case Format::kJson: return ReadJson(text);
    case Format::kJsonl: return ReadJsonLines(text);
    case Format::kUnknown: break;
  }
  return Status::Unsupported("unsupported file type");
}

Result<ReadResult> ReadPlainText(std::string_view text) {
  if (IsBlankText(text)) return Status::InvalidArgument("text file has no text (only white space)");
  SourceRecord record;
  std::string lines;
  lines.reserve(text.size());
  // Line ends: "\r\n" (Windows) and a lone "\r" (old Mac) both end a line.
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      lines.push_back(text[i]);
    } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
      lines.push_back('\n');
    }
  }
  const std::size_t body = ReadHeaderLines(lines, record);
  if (IsBlankText(std::string_view(lines).substr(body)) && IsBlankText(record.title))
    return Status::InvalidArgument("text file has only header lines, no text");
  record.text = body == 0 ? std::move(lines) : lines.substr(body);
  ReadResult result;
  result.records.push_back(std::move(record));
  return result;
}

}  // namespace pressdex
