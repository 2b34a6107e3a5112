// JSON and JSON Lines releases: one object, an array of objects, or one
// object per line. Field names vary between sources; the common ones are read.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "common/extract/text_util.h"
#include "common/normalize.h"
#include "common/readers.h"
#include "common/record_fields.h"

namespace pressdex {
namespace {

using nlohmann::json;

std::string AsText(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_array()) {
    std::string joined;
    for (const auto& item : v) {
      const std::string s = AsText(item);
      if (s.empty()) continue;
      if (!joined.empty()) joined += "\n\n";
      joined += s;
    }
    return joined;
  }
  if (v.is_object()) {
    for (const char* key : {"name", "title", "value"}) {
      if (auto it = v.find(key); it != v.end() && it->is_string()) return it->get<std::string>();
    }
  }
  return {};
}

std::vector<std::string> AsList(const json& v) {
  std::vector<std::string> out;
  if (v.is_array()) {
    for (const auto& item : v) {
      std::string s = AsText(item);
      if (!s.empty()) out.push_back(std::move(s));
    }
  } else if (v.is_string()) {
    // "health, covid" or "health; covid": either separator is common.
    out = extract::SplitList(v.get_ref<const std::string&>(), ",;");
  }
  return out;
}

// The first present, non-empty field among `keys`.
const json* Field(const json& obj, std::span<const std::string_view> keys) {
  for (const std::string_view key : keys) {
    if (auto it = obj.find(key); it != obj.end() && !it->is_null()) {
      if (it->is_string() && it->get_ref<const std::string&>().empty()) continue;
      return &*it;
    }
  }
  return nullptr;
}

Result<SourceRecord> RecordFromObject(const json& obj) {
  if (!obj.is_object()) return Status::InvalidArgument("record is not a JSON object");
  SourceRecord r;
  for (const RecordField field : AllRecordFields()) {
    if (const json* v = Field(obj, KeysOf(field)))
      AssignField(r, field, IsListField(field) ? AsList(*v) : std::vector<std::string>{AsText(*v)});
  }
  if (IsBlankText(r.title) && IsBlankText(r.text))
    return Status::InvalidArgument("record has neither title nor body text");
  return r;
}

std::string Describe(const json::exception& e) {
  // nlohmann messages start with "[json.exception.parse_error.101] "; keep the human part.
  std::string what = e.what();
  if (auto pos = what.find("] "); pos != std::string::npos) what = what.substr(pos + 2);
  return what;
}

}  // namespace

Result<ReadResult> ReadJson(std::string_view text) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {
    return Status::InvalidArgument("malformed JSON: " + Describe(e));
  }
  ReadResult result;
  if (doc.is_object()) {
    auto record = RecordFromObject(doc);
    if (!record.ok()) return record.status();
    result.records.push_back(std::move(record.value()));
    return result;
  }
  if (!doc.is_array()) return Status::InvalidArgument("JSON is neither an object nor an array of objects");
  for (std::size_t i = 0; i < doc.size(); ++i) {
    auto record = RecordFromObject(doc[i]);
    if (!record.ok()) {
      result.problems.push_back(fmt::format("record {}: {}", i + 1, record.status().message()));
      continue;
    }
    record->id_suffix = fmt::format("#{}", i + 1);
    result.records.push_back(std::move(record.value()));
  }
  if (result.records.empty() && !result.problems.empty())
    return Status::InvalidArgument("no usable record: " + result.problems.front());
  return result;
}

Result<ReadResult> ReadJsonLines(std::string_view text) {
  ReadResult result;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    json doc;
    try {
      doc = json::parse(line);
    } catch (const json::exception& e) {
      result.problems.push_back(fmt::format("line {}: malformed JSON: {}", line_number, Describe(e)));
      continue;
    }
    auto record = RecordFromObject(doc);
    if (!record.ok()) {
      result.problems.push_back(fmt::format("line {}: {}", line_number, record.status().message()));
      continue;
    }
    // Line numbers keep ids stable when other lines change.
    record->id_suffix = fmt::format("#{}", line_number);
    result.records.push_back(std::move(record.value()));
  }
  if (result.records.empty() && !result.problems.empty())
    return Status::InvalidArgument("no usable record: " + result.problems.front());
  return result;
}

}  // namespace pressdex
