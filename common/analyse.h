// Turns what a reader found (SourceRecord) into a Release: cleaned text,
// title, date, place, source, organisations, topics and language. The
// extractors it runs live in common/extract/, one per file.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/extract/orgs.h"
#include "common/release.h"
#include "common/status.h"

namespace pressdex {

struct AnalyserOptions {
  std::string default_lang = "en";  // when language identification is unsure
  bool day_first = true;            // 04/05/2020 is 4 May (false: --date-order mdy)
  bool date_order_stated = false;   // --date-order given: it decides even where a file's dates show another order
  std::string orgs_file;            // extra gazetteer (TOML), added to the shipped one
  std::string taxonomy_file;        // replaces the shipped topic taxonomy when set
  std::string time_zone;            // clock file times are read on (IANA id); empty: the machine's
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
  // The organisation acronyms the records define inline ("Long Form (ACR)"),
  // counted; touches nothing shared.
  std::vector<AliasDefinition> DefinitionsIn(const std::vector<SourceRecord>& records) const;
  // Every later Analyse() resolves bare acronyms (and gives long forms their
  // acronym) from exactly these definitions: the indexer passes those of
  // every file of the database, so what a release gets depends neither on
  // file order nor on which files this run happens to read
  // (docs/indexing.md). Without a call, Analyse() learns as it goes.
  void UseDefinitions(const std::vector<AliasDefinition>& definitions) const;

  Release Analyse(const SourceRecord& record, const FileInfo& file, const std::vector<std::string>& boilerplate) const;

 private:
  struct Impl;
  explicit Analyser(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pressdex
