// Pieces the per-format writers share (output_*.cpp); not for use outside
// the output module.
#pragma once

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/output.h"

namespace pressdex::output_internal {

using Json = nlohmann::ordered_json;

// One result as JSON with the given keys, in order. Unknown values (no date,
// no place...) are null; orgs/topics are arrays.
Json HitJson(const SearchHit& hit, const std::vector<Field>& fields);
// The json document for one response (results with `fields`); `number` > 0
// adds the batch query number.
Json ResponseJson(const SearchResponse& response, const std::vector<Field>& fields, std::size_t number);
// Serialises without ever throwing on bad UTF-8 (replaced by U+FFFD).
std::string Dump(const Json& j, bool pretty);

// A field as plain text for tsv/csv (no escaping yet): dates ISO or empty,
// lists joined with '|', scores with 4 decimals.
std::string FieldText(const SearchHit& hit, Field field);

std::unique_ptr<ResponseWriter> MakeTextWriter(const OutputOptions& options);
std::unique_ptr<ResponseWriter> MakeJsonWriter(const OutputOptions& options);
std::unique_ptr<ResponseWriter> MakeJsonlWriter(const OutputOptions& options);
std::unique_ptr<ResponseWriter> MakeDelimitedWriter(const OutputOptions& options);  // tsv, csv
std::unique_ptr<ResponseWriter> MakePathsWriter(const OutputOptions& options);
std::unique_ptr<ResponseWriter> MakeCountWriter(const OutputOptions& options);

}  // namespace pressdex::output_internal
