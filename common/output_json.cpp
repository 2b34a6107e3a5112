// json and jsonl writers. Every byte of JSON comes from nlohmann, so
// escaping is never hand-written; invalid UTF-8 in stored data becomes U+FFFD
// instead of an exception.
#include <fmt/format.h>

#include "common/facet_render.h"
#include "common/output_internal.h"

namespace pressdex::output_internal {
namespace {

Json StringOrNull(const std::string& s) { return s.empty() ? Json() : Json(s); }

Json ErrorJson(std::size_t number, std::string_view query, const Status& error) {
  Json j;
  j["version"] = kJsonVersion;
  if (number > 0) j["number"] = number;
  j["query"] = query;
  j["error"] = error.message();
  return j;
}

class JsonWriter : public ResponseWriter {
 public:
  explicit JsonWriter(const OutputOptions& o) : batch_(o.batch) {}
  void Write(const SearchResponse& r, std::size_t number, std::FILE* out) override {
    // Batch: one compact document per line, so a reader can split on lines.
    fmt::print(out, "{}\n", Dump(ResponseJson(r, DefaultFields(OutputFormat::kJson), number), !batch_));
  }
  void WriteError(std::size_t number, std::string_view query, const Status& error, std::FILE* out) override {
    fmt::print(out, "{}\n", Dump(ErrorJson(number, query, error), false));
  }

 private:
  bool batch_;
};

class JsonlWriter : public ResponseWriter {
 public:
  explicit JsonlWriter(const OutputOptions& o)
      : batch_(o.batch), fields_(o.fields.empty() ? DefaultFields(OutputFormat::kJsonl) : o.fields) {}
  void Write(const SearchResponse& r, std::size_t number, std::FILE* out) override {
    if (batch_) {
      fmt::print(out, "{}\n", Dump(ResponseJson(r, fields_, number), false));
      return;
    }
    for (const auto& hit : r.hits) fmt::print(out, "{}\n", Dump(HitJson(hit, fields_), false));
  }
  void WriteError(std::size_t number, std::string_view query, const Status& error, std::FILE* out) override {
    fmt::print(out, "{}\n", Dump(ErrorJson(number, query, error), false));
  }

 private:
  bool batch_;
  std::vector<Field> fields_;
};

}  // namespace

Json HitJson(const SearchHit& hit, const std::vector<Field>& fields) {
  const auto& d = hit.doc;
  Json j = Json::object();
  for (const Field f : fields) {
    const std::string key(FieldName(f));
    switch (f) {
      case Field::kRank: j[key] = hit.rank; break;
      case Field::kScore: j[key] = hit.score; break;
      case Field::kDate: j[key] = StringOrNull(d.date); break;
      case Field::kTitle: j[key] = d.title; break;
      case Field::kPath: j[key] = d.path; break;
      case Field::kId: j[key] = d.id; break;
      case Field::kPlace: j[key] = StringOrNull(d.place); break;
      case Field::kSource: j[key] = StringOrNull(d.source); break;
      case Field::kLang: j[key] = StringOrNull(d.lang); break;
      case Field::kIssuer: j[key] = StringOrNull(d.issuer); break;
      case Field::kOrgs: j[key] = d.orgs; break;
      case Field::kTopics: j[key] = d.topics; break;
      case Field::kSnippet: j[key] = hit.snippet.text; break;
      case Field::kUrl: j[key] = StringOrNull(d.url); break;
      case Field::kDuplicates: j[key] = hit.duplicates; break;
    }
  }
  return j;
}

Json ResponseJson(const SearchResponse& r, const std::vector<Field>& fields, std::size_t number) {
  Json j;
  j["version"] = kJsonVersion;
  if (number > 0) j["number"] = number;
  j["query"] = r.query;
  j["parsed"] = r.parsed;
  j["total"] = r.total;
  j["exact"] = r.exact;
  j["offset"] = r.offset;
  Json results = Json::array();
  for (const auto& hit : r.hits) results.push_back(HitJson(hit, fields));
  j["results"] = std::move(results);
  j["facets"] = FacetsToJson(r.facets);
  if (!r.suggestion.empty()) j["suggestion"] = r.suggestion;
  return j;
}

std::string Dump(const Json& j, bool pretty) {
  return j.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

std::unique_ptr<ResponseWriter> MakeJsonWriter(const OutputOptions& options) {
  return std::make_unique<JsonWriter>(options);
}

std::unique_ptr<ResponseWriter> MakeJsonlWriter(const OutputOptions& options) {
  return std::make_unique<JsonlWriter>(options);
}

}  // namespace pressdex::output_internal
