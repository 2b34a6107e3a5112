// What each fuzz target does with its input (declared in fuzz/targets.h).
// Compiled once into the fuzzing library and once into the unit tests, so
// the eleven entry points stay one-line files that build in no time.
#include "fuzz/targets.h"

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/analyse.h"
#include "common/document_builder.h"
#include "common/encoding.h"
#include "common/extract/data_files.h"
#include "common/extract/date_parse.h"
#include "common/extract/dateline.h"
#include "common/extract/gazetteer.h"
#include "common/extract/orgs.h"
#include "common/extract/text_util.h"
#include "common/normalize.h"
#include "common/query.h"

namespace pressdex::fuzz {

namespace {

// Bytes as the indexer would hand them to a reader: decoded, or (when the
// decoder refuses them) forced to valid UTF-8 anyway, to reach the reader.
std::string AsText(std::string_view bytes) {
  auto decoded = DecodeToUtf8(bytes);
  return decoded.ok() ? std::move(decoded.value().utf8) : SanitizeUtf8(bytes);
}

}  // namespace

void Decode(std::string_view bytes) {
  auto r = DecodeToUtf8(bytes);
  if (r.ok() && !IsValidUtf8(r.value().utf8)) __builtin_trap();  // the decoder's promise
}

void Read(Format format, std::string_view bytes) {
  const std::string text = AsText(bytes);
  auto r = ReadRecords(format, text);
  if (!r.ok()) return;
  for (const auto& record : r->records) {
    if (!IsValidUtf8(record.text) || !IsValidUtf8(record.title)) __builtin_trap();
  }
}

void Dates(std::string_view bytes) {
  const std::string text = AsText(bytes);
  const DateParser& parser = DateParser::Get();
  for (const bool day_first : {true, false}) {
    if (auto d = parser.ParseField(text, day_first); d && d->full() && FormatIsoDate(*d).empty()) __builtin_trap();
    if (auto m = parser.FindFirst(text, day_first, true); m && (m->begin > m->end || m->end > text.size()))
      __builtin_trap();
    (void)parser.FindFirst(text, day_first, false, 64);
    (void)parser.ParseExact(text, day_first);
  }
}

void Datelines(std::string_view bytes) {
  const std::string text = AsText(bytes);
  std::vector<std::string> lines;
  for (const std::string_view line : extract::SplitLines(text)) lines.emplace_back(line);
  for (const bool day_first : {true, false}) {
    if (auto d = FindDateline(lines, 0, day_first); d && (d->line >= lines.size() || d->length > lines[d->line].size()))
      __builtin_trap();
  }
}

namespace {

const Gazetteer& ShippedGazetteer() {
  static const Gazetteer* gazetteer = [] {
    auto* g = new Gazetteer();  // NOLINT: lives for the process, like the fuzzer
    if (auto path = FindDataFile("orgs.toml"); path.ok()) (void)g->AddFile(*path);
    return g;
  }();
  return *gazetteer;
}

}  // namespace

void Organisations(std::string_view bytes) {
  const std::string text = AsText(bytes);
  AliasRegistry registry;
  for (const auto& found : ExtractOrganisations(text, ShippedGazetteer(), &registry)) {
    if (found.first_offset > text.size() || !IsValidUtf8(found.org.name)) __builtin_trap();
  }
  (void)ResolveStatedOrganisation(text.substr(0, 200), ShippedGazetteer());
}

void Query(std::string_view bytes) {
  const std::string text = AsText(bytes);
  static const Xapian::Database empty;
  QueryOptions options;
  options.any = !text.empty() && (text[0] & 1);
  (void)ParseQuery(text, options, empty);
}

// The whole per-file pipeline: reader (chosen by the first byte), analysis
// with every extractor, document building.
void Analyse(std::string_view bytes) {
  if (bytes.empty()) return;
  static const Format kFormats[] = {Format::kText, Format::kMarkdown, Format::kHtml, Format::kJson, Format::kJsonl};
  const Format format = kFormats[static_cast<unsigned char>(bytes[0]) % 5];
  static const std::unique_ptr<Analyser> analyser = [] {
    auto a = Analyser::Create(AnalyserOptions{});
    if (!a.ok()) __builtin_trap();
    return std::move(a.value());
  }();
  const std::string text = AsText(bytes.substr(1));
  auto r = ReadRecords(format, text);
  if (!r.ok()) return;
  const FileInfo info{"fuzz/input.txt", "fuzz", 1588000000, static_cast<long long>(bytes.size()), {}};
  for (const auto& record : r->records) {
    const Release release = analyser->Analyse(record, info, {"Home", "Share this"});
    (void)BuildDocument(release);
  }
}

}  // namespace pressdex::fuzz
