// File readers: bytes of one file in, the press releases it holds out.
// Readers only take apart the file's structure; interpreting the text
// (dates, organisations...) is the Analyser's job.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/release.h"
#include "common/status.h"

namespace pressdex {

enum class Format { kUnknown, kText, kMarkdown, kHtml, kJson, kJsonl };

// By file extension (case-insensitive): .txt .md/.markdown .html/.htm .json .jsonl/.ndjson
Format FormatForPath(std::string_view path);
std::string_view FormatName(Format format);

struct ReadResult {
  std::vector<SourceRecord> records;
  // Problems with parts of the file (a bad JSONL line...) while other parts
  // were read; each names where in the file it is.
  std::vector<std::string> problems;
};

// Parses UTF-8 `text` (see DecodeToUtf8) as `format`. A Status error means
// nothing usable was found; partial success returns records plus problems.
Result<ReadResult> ReadRecords(Format format, std::string_view text);

// Individual readers, exposed for tests and fuzzers.
Result<ReadResult> ReadPlainText(std::string_view text);
Result<ReadResult> ReadMarkdown(std::string_view text);
Result<ReadResult> ReadHtml(std::string_view text);
Result<ReadResult> ReadJson(std::string_view text);
Result<ReadResult> ReadJsonLines(std::string_view text);

}  // namespace pressdex
