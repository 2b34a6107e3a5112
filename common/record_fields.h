// The metadata a release file may state and the key names sources use for
// it: one table for JSON records, Markdown front matter and the header lines
// of plain-text files, so every reader knows the same names.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/release.h"

namespace pressdex {

enum class RecordField {
  kTitle,
  kBody,
  kLead,  // a subtitle or summary, put before the body
  kDate,
  kUrl,
  kLanguage,
  kIssuer,
  kOrganisations,
  kTopics,
  kKeywords,
  kPlace,
  kSource,
};

// Every field, in the order readers fill them.
std::span<const RecordField> AllRecordFields();

// The key names of `field`, preferred first: a record that has several
// takes the first present ("title" over "headline").
std::span<const std::string_view> KeysOf(RecordField field);

// The field a key names, ignoring ASCII case ("datePublished", "Title");
// nullopt for keys no field uses.
std::optional<RecordField> FieldOfKey(std::string_view key);

// Whether the field holds a list (organisations, topics, keywords).
bool IsListField(RecordField field);

// Stores `values` as `field` of `record`: a list field takes them all, the
// others the first. kLead goes before the body unless the body holds it, so
// assign the body first. Nothing happens for an empty `values`.
void AssignField(SourceRecord& record, RecordField field, std::vector<std::string> values);

// For front matter and header lines, which state metadata about the text
// that follows: the field `key` names, unless it is the body or lead (the
// file's text is the body).
std::optional<RecordField> HeaderFieldOfKey(std::string_view key);
// Assigns `values` to that field; false (nothing assigned) if there is none.
bool AssignHeaderField(SourceRecord& record, std::string_view key, std::vector<std::string> values);

}  // namespace pressdex
