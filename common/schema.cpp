#include "common/schema.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdint>

#include "common/normalize.h"

namespace pressdex::schema {
namespace {

std::uint64_t Fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// Cuts at a UTF-8 character boundary at or before `max_bytes`.
std::string_view CutUtf8(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut);
}

std::string CappedTerm(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (prefix.size() + value.size() <= kMaxTermBytes) {
    term += value;
    return term;
  }
  // Keep a readable head and make it unique with a hash of the whole value.
  const std::string tail = fmt::format("#{:016x}", Fnv1a(value));
  term += CutUtf8(value, kMaxTermBytes - prefix.size() - tail.size());
  term += tail;
  return term;
}

}  // namespace

std::string IdTerm(std::string_view id) { return CappedTerm(kIdPrefix, id); }

std::string FileTerm(std::string_view path) { return CappedTerm(kFilePrefix, path); }

std::string FieldTerm(std::string_view prefix, std::string_view value) { return CappedTerm(prefix, FoldKey(value)); }

std::string EncodeList(const std::vector<std::string>& items) {
  // Xapian's own length-prefixed encoding would do too; a separator that can't
  // appear in UTF-8 text keeps values readable in xapian-delve.
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out.push_back('\x1f');
    out += item;
  }
  return out;
}

std::vector<std::string> DecodeList(std::string_view encoded) {
  std::vector<std::string> items;
  if (encoded.empty()) return items;
  std::size_t start = 0;
  while (true) {
    const std::size_t sep = encoded.find('\x1f', start);
    items.emplace_back(encoded.substr(start, sep - start));
    if (sep == std::string_view::npos) break;
    start = sep + 1;
  }
  return items;
}

std::string SortKey(std::string_view iso_date, std::string_view id) {
  // Newest first under an ascending sort: store 99999999 - YYYYMMDD.
  long ymd = 0;
  for (const char c : iso_date) {
    if (c >= '0' && c <= '9') ymd = ymd * 10 + (c - '0');
  }
  if (iso_date.size() != 10) ymd = 0;
  return fmt::format("{:08d}", 99999999 - ymd) + '\0' + std::string(id);
}

// Document data format 2: one "key=value" line per non-empty field, as
// Omega writes its "url=...\nsample=..." data, so `xapian-delve -d` still
// shows plain text; reading it is a scan for newlines. Format 1 was a JSON
// object, whose parse (a DOM of std::map nodes) cost ~50,000 instructions per
// hit listed, 8 % of a one-shot top-10 call (callgrind). In values a backslash
// is written "\\" and a newline "\n" (nothing else needs escaping: a value
// runs to the end of its line); lists join their items with \x1f
// (EncodeList). Unknown keys are skipped, so fields can be added.
namespace {

void PutLine(std::string& out, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  if (!IsValidUtf8(value)) {
    PutLine(out, key, SanitizeUtf8(value));  // as format 1 (JSON) replaced bad bytes
    return;
  }
  out += key;
  out += '=';
  for (const char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  out += '\n';
}

void Unescape(std::string_view value, std::string& out) {
  if (value.find('\\') == std::string_view::npos) {
    out.assign(value);
    return;
  }
  out.clear();
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      ++i;
      out += value[i] == 'n' ? '\n' : value[i];
    } else {
      out += value[i];
    }
  }
}

constexpr struct {
  std::string_view key;
  std::string DocumentData::*field;
} kTextKeys[] = {
    {"id", &DocumentData::id},
    {"path", &DocumentData::path},
    {"title", &DocumentData::title},
    {"date", &DocumentData::date},
    {"date_source", &DocumentData::date_source},
    {"lang", &DocumentData::lang},
    {"url", &DocumentData::url},
    {"place", &DocumentData::place},
    {"source", &DocumentData::source},
    {"issuer", &DocumentData::issuer},
    {"text", &DocumentData::text},
};

Result<DocumentData> DecodeLines(std::string_view encoded) {
  DocumentData d;
  std::string value;
  while (!encoded.empty()) {
    const std::size_t newline = encoded.find('\n');
    const std::string_view line = encoded.substr(0, newline);
    encoded.remove_prefix(newline == std::string_view::npos ? encoded.size() : newline + 1);
    const std::size_t equals = line.find('=');
    if (equals == std::string_view::npos || equals == 0)
      return Status::Corruption("document data: a line is not key=value");
    const std::string_view key = line.substr(0, equals);
    Unescape(line.substr(equals + 1), value);
    if (key == "orgs" || key == "topics") {
      (key == "orgs" ? d.orgs : d.topics) = DecodeList(value);
    } else if (key == "mtime" || key == "size") {
      long long n = 0;
      std::from_chars(value.data(), value.data() + value.size(), n);
      (key == "mtime" ? d.mtime : d.size) = n;
    } else {
      for (const auto& [name, field] : kTextKeys) {
        if (key == name) {
          d.*field = value;
          break;
        }
      }
    }
  }
  return d;
}

// Format 1, still found in databases written before format 2.
Result<DocumentData> DecodeJson(std::string_view encoded) {
  const nlohmann::json j = nlohmann::json::parse(encoded, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Status::Corruption("document data is not a JSON object");
  DocumentData d;
  auto get = [&](const char* key, std::string& out) {
    if (auto it = j.find(key); it != j.end() && it->is_string()) out = it->get<std::string>();
  };
  auto get_list = [&](const char* key, std::vector<std::string>& out) {
    if (auto it = j.find(key); it != j.end() && it->is_array()) {
      for (const auto& v : *it) {
        if (v.is_string()) out.push_back(v.get<std::string>());
      }
    }
  };
  get("id", d.id);
  get("path", d.path);
  get("title", d.title);
  get("date", d.date);
  get("date_source", d.date_source);
  get("lang", d.lang);
  get("url", d.url);
  get("place", d.place);
  get("source", d.source);
  get("issuer", d.issuer);
  get_list("orgs", d.orgs);
  get_list("topics", d.topics);
  get("text", d.text);
  if (auto it = j.find("mtime"); it != j.end() && it->is_number_integer()) d.mtime = it->get<long long>();
  if (auto it = j.find("size"); it != j.end() && it->is_number_integer()) d.size = it->get<long long>();
  return d;
}

}  // namespace

std::string EncodeDocumentData(const DocumentData& d) {
  std::string out;
  out.reserve(256 + d.text.size());
  PutLine(out, "id", d.id);
  PutLine(out, "path", d.path);
  PutLine(out, "title", d.title);
  if (!d.date.empty()) {
    PutLine(out, "date", d.date);
    PutLine(out, "date_source", d.date_source);
  }
  PutLine(out, "lang", d.lang);
  PutLine(out, "url", d.url);
  PutLine(out, "place", d.place);
  PutLine(out, "source", d.source);
  PutLine(out, "issuer", d.issuer);
  PutLine(out, "orgs", EncodeList(d.orgs));
  PutLine(out, "topics", EncodeList(d.topics));
  PutLine(out, "text", d.text);
  if (d.mtime != 0) PutLine(out, "mtime", std::to_string(d.mtime));
  if (d.size != 0) PutLine(out, "size", std::to_string(d.size));
  return out;
}

Result<DocumentData> DecodeDocumentData(std::string_view encoded) {
  if (encoded.empty()) return Status::Corruption("document data is empty");
  if (encoded.front() == '{') return DecodeJson(encoded);
  return DecodeLines(encoded);
}

}  // namespace pressdex::schema
