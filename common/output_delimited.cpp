// tsv and csv writers: a header line, then one record per result.
// tsv: backslash escapes (\t \n \r \\), so every record is exactly one line
// and `cut -f`, `awk -F'\t'` and `IFS=$'\t' read` split it cleanly.
// csv: RFC 4180 (fields with , " CR or LF quoted, quotes doubled, CRLF
// record ends).

#include "common/output_internal.h"

namespace pressdex::output_internal {
namespace {

void AppendTsv(std::string& line, std::string_view field) {
  for (const char c : field) {
    switch (c) {
      case '\t': line += "\\t"; break;
      case '\n': line += "\\n"; break;
      case '\r': line += "\\r"; break;
      case '\\': line += "\\\\"; break;
      default: line += c;
    }
  }
}

void AppendCsv(std::string& line, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    line += field;
    return;
  }
  line += '"';
  for (const char c : field) {
    if (c == '"') line += '"';
    line += c;
  }
  line += '"';
}

class DelimitedWriter : public ResponseWriter {
 public:
  explicit DelimitedWriter(const OutputOptions& o)
      : csv_(o.format == OutputFormat::kCsv),
        header_(o.header),
        batch_(o.batch),
        fields_(o.fields.empty() ? DefaultFields(o.format) : o.fields) {}

  void Begin(std::FILE* out) override {
    if (!header_) return;
    std::vector<std::string> names;
    if (batch_) names.emplace_back("qnum");
    for (const Field f : fields_) names.emplace_back(FieldName(f));
    Record(names, out);
  }

  void Write(const SearchResponse& r, std::size_t number, std::FILE* out) override {
    std::vector<std::string> values;
    for (const auto& hit : r.hits) {
      values.clear();
      if (batch_) values.push_back(std::to_string(number));
      for (const Field f : fields_) values.push_back(FieldText(hit, f));
      Record(values, out);
    }
  }

 private:
  void Record(const std::vector<std::string>& values, std::FILE* out) {
    line_.clear();
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) line_ += csv_ ? ',' : '\t';
      if (csv_)
        AppendCsv(line_, values[i]);
      else
        AppendTsv(line_, values[i]);
    }
    line_ += csv_ ? "\r\n" : "\n";
    std::fwrite(line_.data(), 1, line_.size(), out);
  }

  bool csv_;
  bool header_;
  bool batch_;
  std::vector<Field> fields_;
  std::string line_;  // reused between records
};

}  // namespace

std::unique_ptr<ResponseWriter> MakeDelimitedWriter(const OutputOptions& options) {
  return std::make_unique<DelimitedWriter>(options);
}

}  // namespace pressdex::output_internal
