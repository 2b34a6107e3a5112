// Turns what a reader found (SourceRecord) into a Release: cleaned text,
// title, date, place, source, organisations, topics and language. The
// extractors it runs live in common/extract/, one per file.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/release.h"
#include "common/status.h"

namespace pressdex {

struct AnalyserOptions {
  std::string default_lang = "en";  // when language identification is unsure
  bool day_first = true;            // 04/05/2020 is 4 May (false: --date-order mdy)
  std::string orgs_file;            // extra gazetteer (TOML), added to the shipped one
  std::string taxonomy_file;        // replaces the shipped topic taxonomy when set
};

// Thread-safe after construction: Analyse() is const and may run on many
// threads at once. Per-folder learned state (boilerplate lines) is given to
// Analyse() by the caller, which owns the walk.
class Analyser {
 public:
  static Result<std::unique_ptr<Analyser>> Create(const AnalyserOptions& options);
  ~Analyser();
  Analyser(const Analyser&) = delete;
  Analyser& operator=(const Analyser&) = delete;

  // `boilerplate` holds lines known to repeat across the folder's files (site
  // chrome); they are dropped from the text. May be empty.
  // Learns the acronyms the records define (in the order given) for every
  // later Analyse(); while `freeze` is set, Analyse() itself learns nothing.
  // The indexer calls it per folder before analysing the folder in parallel.
  void LearnDefinitions(const std::vector<const SourceRecord*>& records, bool freeze) const;

  Release Analyse(const SourceRecord& record, const FileInfo& file, const std::vector<std::string>& boilerplate) const;

 private:
  struct Impl;
  explicit Analyser(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pressdex
