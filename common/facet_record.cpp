#include "common/facet_record.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "common/normalize.h"
#include "common/schema.h"

namespace pressdex {
namespace {

using namespace std::chrono;

// User metadata: "pressdex:facet:o:17" names number 17 of the organisations;
// "pressdex:facet-key:o:<folded name>" gives the number of a name. Both live
// beside the file states (common/index_state.cpp), under their own prefix.
constexpr std::string_view kDictionaryPrefix = "pressdex:facet";
constexpr std::string_view kNamePrefix = "pressdex:facet:";
constexpr std::string_view kKeyPrefix = "pressdex:facet-key:";
// Xapian limits a metadata key; a longer folded name keeps its start and a hash.
constexpr std::size_t kMaxNameKeyBytes = 200;

// The dictionaries of a record, in their order after the date.
struct DictionaryField {
  FacetField field;
  char letter;
  schema::Slot slot;
  bool list;
  bool folded;  // spellings merged as the filters fold them
};
constexpr DictionaryField kDictionaryFields[] = {
    {FacetField::kIssuer, 'i', schema::kIssuerSlot, false, true},
    {FacetField::kLang, 'l', schema::kLangSlot, false, false},
    {FacetField::kPlace, 'p', schema::kPlaceSlot, false, true},
    {FacetField::kSource, 's', schema::kSourceSlot, false, true},
    {FacetField::kOrg, 'o', schema::kOrgsSlot, true, true},
    {FacetField::kTopic, 't', schema::kTopicsSlot, true, false},
};
constexpr std::size_t kFieldCount = std::size(kDictionaryFields);

char LetterOf(FacetField field) {
  for (const auto& f : kDictionaryFields) {
    if (f.field == field) return f.letter;
  }
  return '?';  // the date has no dictionary
}

std::string NameKey(char letter, std::uint32_t number) { return fmt::format("{}{}:{}", kNamePrefix, letter, number); }

std::string KeyKey(char letter, std::string_view key) {
  std::string out = fmt::format("{}{}:", kKeyPrefix, letter);
  if (key.size() <= kMaxNameKeyBytes) {
    out += key;
  } else {
    out += key.substr(0, kMaxNameKeyBytes - 17);
    out += fmt::format("#{:016x}", std::hash<std::string_view>{}(key));
  }
  return out;
}

bool ParseNumber(std::string_view s, std::uint32_t& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

void PutVarint(std::string& out, std::uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Dates travel as days since 1970, zig-zagged (earlier dates stay small), + 1.
std::uint32_t EncodeDay(std::string_view yyyymmdd) {
  std::uint32_t ymd = 0;
  if (yyyymmdd.size() != 8 || !ParseNumber(yyyymmdd, ymd)) return 0;
  const year_month_day d{year{int(ymd / 10000)}, month{ymd / 100 % 100}, day{ymd % 100}};
  if (!d.ok() || int(d.year()) < 1) return 0;
  const auto days = static_cast<std::int32_t>(sys_days{d}.time_since_epoch().count());
  const auto zigzag = (static_cast<std::uint32_t>(days) << 1) ^ static_cast<std::uint32_t>(days >> 31);
  return zigzag + 1;
}

}  // namespace

std::uint32_t FacetRecord::YmdOfDay(std::uint32_t encoded) {
  if (encoded == 0) return 0;
  const std::uint32_t zigzag = encoded - 1;
  const auto days = static_cast<std::int32_t>((zigzag >> 1) ^ (0U - (zigzag & 1U)));
  const year_month_day d{sys_days{std::chrono::days{days}}};
  return static_cast<std::uint32_t>(int(d.year())) * 10000 + unsigned(d.month()) * 100 + unsigned(d.day());
}

struct FacetDictionary::Impl {
  struct Field {
    std::unordered_map<std::string, std::uint32_t> numbers;  // by key: what this writer has met or looked up
    std::uint32_t next = 0;
    bool next_known = false;
  };
  const Xapian::Database* db = nullptr;
  Field fields[kFieldCount];
  std::vector<std::pair<std::string, std::string>> entries;

  std::uint32_t NumberOf(std::size_t index, std::string_view name);
};

std::uint32_t FacetDictionary::Impl::NumberOf(std::size_t index, std::string_view name) {
  const DictionaryField& info = kDictionaryFields[index];
  Field& field = fields[index];
  std::string key = info.folded ? FoldKey(name) : std::string(name);
  if (auto it = field.numbers.find(key); it != field.numbers.end()) return it->second;
  std::uint32_t number = 0;
  if (db != nullptr) {
    if (ParseNumber(db->get_metadata(KeyKey(info.letter, key)), number)) {
      field.numbers.emplace(std::move(key), number);
      return number;
    }
    if (!field.next_known) {
      // The first new name of this field in this run: past the highest number stored.
      const std::string prefix = fmt::format("{}{}:", kNamePrefix, info.letter);
      for (auto it = db->metadata_keys_begin(prefix); it != db->metadata_keys_end(prefix); ++it) {
        std::uint32_t stored = 0;
        if (ParseNumber(std::string_view(*it).substr(prefix.size()), stored))
          field.next = std::max(field.next, stored + 1);
      }
    }
  }
  field.next_known = true;
  number = field.next++;
  entries.emplace_back(NameKey(info.letter, number), std::string(name));
  entries.emplace_back(KeyKey(info.letter, key), std::to_string(number));
  field.numbers.emplace(std::move(key), number);
  return number;
}

FacetDictionary::FacetDictionary(const Xapian::Database* db) : impl_(std::make_unique<Impl>()) { impl_->db = db; }
FacetDictionary::~FacetDictionary() = default;

void FacetDictionary::AddRecord(Xapian::Document& document) {
  std::string record;
  PutVarint(record, EncodeDay(document.get_value(schema::kDateSlot)));
  std::vector<std::uint32_t> numbers;
  for (std::size_t i = 0; i < kFieldCount; ++i) {
    const DictionaryField& info = kDictionaryFields[i];
    const std::string value = document.get_value(info.slot);
    if (!info.list) {
      PutVarint(record, value.empty() ? 0 : impl_->NumberOf(i, value) + 1);
      continue;
    }
    numbers.clear();
    for (const std::string& item : schema::DecodeList(value)) {
      if (item.empty()) continue;
      const std::uint32_t number = impl_->NumberOf(i, item);
      // Each distinct value counts once per release.
      if (std::find(numbers.begin(), numbers.end(), number) == numbers.end()) numbers.push_back(number);
    }
    PutVarint(record, static_cast<std::uint32_t>(numbers.size()));
    for (const std::uint32_t number : numbers) PutVarint(record, number);
  }
  document.add_value(schema::kFacetRecordSlot, record);
}

std::vector<std::pair<std::string, std::string>> FacetDictionary::TakeEntries() {
  return std::exchange(impl_->entries, {});
}

std::uint32_t FacetRecord::Single(FacetField field) const {
  switch (field) {
    case FacetField::kIssuer: return issuer;
    case FacetField::kLang: return lang;
    case FacetField::kPlace: return place;
    case FacetField::kSource: return source;
    default: return 0;
  }
}

bool DecodeFacetRecord(std::string_view encoded, FacetRecord& record) {
  // A faceted search decodes one record per match: one pass, most numbers a byte.
  const auto* p = reinterpret_cast<const unsigned char*>(encoded.data());
  const auto* const end = p + encoded.size();
  const auto next = [&](std::uint32_t& v) {
    if (p != end && *p < 0x80) {
      v = *p++;
      return true;
    }
    v = 0;
    for (int shift = 0; shift < 35 && p != end; shift += 7) {
      const unsigned char byte = *p++;
      v |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return true;
    }
    return false;
  };
  if (!next(record.day) || !next(record.issuer) || !next(record.lang) || !next(record.place) || !next(record.source))
    return false;
  for (std::vector<std::uint32_t>* list : {&record.orgs, &record.topics}) {
    std::uint32_t n = 0;
    if (!next(n) || n > static_cast<std::size_t>(end - p)) return false;
    list->resize(n);
    for (std::uint32_t& number : *list) {
      if (!next(number)) return false;
    }
  }
  return p == end;
}

bool HasFacetRecords(const Xapian::Database& db) {
  const Xapian::doccount documents = db.get_doccount();
  return documents > 0 && db.get_value_freq(schema::kFacetRecordSlot) == documents;
}

std::string FacetName(const Xapian::Database& db, FacetField field, std::uint32_t number) {
  return db.get_metadata(NameKey(LetterOf(field), number));
}

bool FacetDictionariesAgree(const std::vector<Xapian::Database>& dbs) {
  // Xapian reads a group of databases' metadata from the first alone: each
  // is read on its own.
  std::map<std::string, std::string> seen;
  for (const Xapian::Database& db : dbs) {
    for (auto it = db.metadata_keys_begin(std::string(kDictionaryPrefix));
         it != db.metadata_keys_end(std::string(kDictionaryPrefix)); ++it) {
      std::string value = db.get_metadata(*it);
      const auto [entry, fresh] = seen.emplace(*it, value);
      if (!fresh && entry->second != value) return false;
    }
  }
  return true;
}

void RebuildFacetRecords(Xapian::WritableDatabase& db) {
  std::vector<std::string> old;
  for (auto it = db.metadata_keys_begin(std::string(kDictionaryPrefix));
       it != db.metadata_keys_end(std::string(kDictionaryPrefix)); ++it)
    old.push_back(*it);
  for (const auto& key : old) db.set_metadata(key, "");  // an empty value deletes the key
  // The docids first: the documents change under a postlist iterator otherwise.
  std::vector<Xapian::docid> docids;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) docids.push_back(*it);
  FacetDictionary dictionary;
  for (const Xapian::docid did : docids) {
    Xapian::Document document = db.get_document(did);
    dictionary.AddRecord(document);
    db.replace_document(did, document);
  }
  for (const auto& [key, value] : dictionary.TakeEntries()) db.set_metadata(key, value);
}

}  // namespace pressdex
