#include "common/readers.h"

#include <algorithm>
#include <cctype>

#include "common/normalize.h"

namespace pressdex {

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
  record.text.reserve(text.size());
  // Line ends: "\r\n" (Windows) and a lone "\r" (old Mac) both end a line.
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      record.text.push_back(text[i]);
    } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
      record.text.push_back('\n');
    }
  }
  ReadResult result;
  result.records.push_back(std::move(record));
  return result;
}

}  // namespace pressdex
