#include "common/schema.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

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

std::string EncodeDocumentData(const DocumentData& d) {
  nlohmann::json j;
  j["id"] = d.id;
  j["path"] = d.path;
  j["title"] = d.title;
  if (!d.date.empty()) {
    j["date"] = d.date;
    j["date_source"] = d.date_source;
  }
  auto put = [&](const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
  };
  put("lang", d.lang);
  put("url", d.url);
  put("place", d.place);
  put("source", d.source);
  put("issuer", d.issuer);
  if (!d.orgs.empty()) j["orgs"] = d.orgs;
  if (!d.topics.empty()) j["topics"] = d.topics;
  j["text"] = d.text;
  j["mtime"] = d.mtime;
  j["size"] = d.size;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<DocumentData> DecodeDocumentData(std::string_view encoded) {
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

}  // namespace pressdex::schema
