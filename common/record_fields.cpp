#include "common/record_fields.h"

#include <array>

namespace pressdex {
namespace {

using namespace std::string_view_literals;

// Preferred names first. JSON APIs, CMS exports and static-site front matter
// spell the same things differently.
constexpr std::array kTitleKeys = {"title"sv, "headline"sv, "name"sv};
constexpr std::array kBodyKeys = {"body"sv, "content"sv, "text"sv, "article"sv, "contents"sv, "description"sv};
constexpr std::array kLeadKeys = {"subtitle"sv, "summary"sv, "lead"sv};
constexpr std::array kDateKeys = {"date"sv,           "published"sv, "published_at"sv, "datePublished"sv,
                                  "date_published"sv, "datetime"sv,  "pubdate"sv};
constexpr std::array kUrlKeys = {"url"sv, "link"sv, "permalink"sv, "source_url"sv};
constexpr std::array kLanguageKeys = {"language"sv, "lang"sv, "locale"sv};
constexpr std::array kIssuerKeys = {"issuer"sv,    "organisation"sv, "organization"sv,
                                    "publisher"sv, "agency"sv,       "author_org"sv};
constexpr std::array kOrganisationKeys = {"organisations"sv, "organizations"sv, "orgs"sv, "components"sv, "agencies"sv};
constexpr std::array kTopicKeys = {"topics"sv, "categories"sv, "category"sv, "topic"sv, "section"sv};
constexpr std::array kKeywordKeys = {"keywords"sv, "tags"sv};
constexpr std::array kPlaceKeys = {"place"sv, "location"sv, "dateline_place"sv, "city"sv};
constexpr std::array kSourceKeys = {"source"sv, "outlet"sv, "agency_source"sv};

constexpr std::array kFields = {RecordField::kTitle,    RecordField::kBody,          RecordField::kLead,
                                RecordField::kDate,     RecordField::kUrl,           RecordField::kLanguage,
                                RecordField::kIssuer,   RecordField::kOrganisations, RecordField::kTopics,
                                RecordField::kKeywords, RecordField::kPlace,         RecordField::kSource};

bool SameIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

std::span<const RecordField> AllRecordFields() { return kFields; }

std::span<const std::string_view> KeysOf(RecordField field) {
  switch (field) {
    case RecordField::kTitle: return kTitleKeys;
    case RecordField::kBody: return kBodyKeys;
    case RecordField::kLead: return kLeadKeys;
    case RecordField::kDate: return kDateKeys;
    case RecordField::kUrl: return kUrlKeys;
    case RecordField::kLanguage: return kLanguageKeys;
    case RecordField::kIssuer: return kIssuerKeys;
    case RecordField::kOrganisations: return kOrganisationKeys;
    case RecordField::kTopics: return kTopicKeys;
    case RecordField::kKeywords: return kKeywordKeys;
    case RecordField::kPlace: return kPlaceKeys;
    case RecordField::kSource: return kSourceKeys;
  }
  return {};
}

std::optional<RecordField> FieldOfKey(std::string_view key) {
  for (const RecordField field : kFields) {
    for (const std::string_view k : KeysOf(field)) {
      if (SameIgnoringAsciiCase(k, key)) return field;
    }
  }
  return std::nullopt;
}

bool IsListField(RecordField field) {
  return field == RecordField::kOrganisations || field == RecordField::kTopics || field == RecordField::kKeywords;
}

void AssignField(SourceRecord& record, RecordField field, std::vector<std::string> values) {
  if (values.empty()) return;
  std::string& first = values.front();
  StatedMetadata& meta = record.meta;
  switch (field) {
    case RecordField::kTitle: record.title = std::move(first); break;
    case RecordField::kBody: record.text = std::move(first); break;
    case RecordField::kLead:
      if (!first.empty() && record.text.find(first) == std::string::npos) record.text = first + "\n\n" + record.text;
      break;
    case RecordField::kDate: meta.date = std::move(first); break;
    case RecordField::kUrl: meta.url = std::move(first); break;
    case RecordField::kLanguage: meta.language = std::move(first); break;
    case RecordField::kIssuer: meta.issuer = std::move(first); break;
    case RecordField::kOrganisations: meta.organisations = std::move(values); break;
    case RecordField::kTopics: meta.topics = std::move(values); break;
    case RecordField::kKeywords: meta.keywords = std::move(values); break;
    case RecordField::kPlace: meta.place = std::move(first); break;
    case RecordField::kSource: meta.source = std::move(first); break;
  }
}

std::optional<RecordField> HeaderFieldOfKey(std::string_view key) {
  const std::optional<RecordField> field = FieldOfKey(key);
  if (!field || *field == RecordField::kBody || *field == RecordField::kLead) return std::nullopt;
  return field;
}

bool AssignHeaderField(SourceRecord& record, std::string_view key, std::vector<std::string> values) {
  const std::optional<RecordField> field = HeaderFieldOfKey(key);
  if (!field) return false;
  AssignField(record, *field, std::move(values));
  return true;
}

}  // namespace pressdex
