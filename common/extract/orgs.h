// Every organisation a release names, each under one canonical name with its
// aliases: gazetteer names, inline acronym definitions and head-word names
// put together.
#pragma once

#include <atomic>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/extract/gazetteer.h"
#include "common/release.h"

namespace pressdex {

// Acronyms learned from inline definitions across a corpus ("ASEAN
// Socio-Cultural Community (ASCC)" in one release lets another release's
// bare "ASCC" resolve). Thread-safe. When releases disagree, the long form
// defined most often wins, ties by the smaller name, so the answer does not
// depend on which thread got there first once both were seen; what a release
// analysed before any definition was seen cannot know it, which is why the
// gazetteer should list the well-known acronyms itself.
// One inline definition "Long Form (ACR)", and how many times it was seen.
struct AliasDefinition {
  std::string acronym;
  std::string long_form;
  int count = 0;
  bool operator==(const AliasDefinition&) const = default;
};

class AliasRegistry {
 public:
  // While learning is off, Learn() does nothing: the indexer learns every
  // definition of a folder first, in file order, then analyses the files on
  // many threads with a registry that no longer changes, so what a release
  // gets does not depend on thread timing (-j1 and -jN index the same).
  void set_learning(bool on) { learning_ = on; }
  void Learn(const std::string& acronym, const std::string& long_form);
  std::optional<std::string> LongForm(const std::string& acronym) const;
  std::optional<std::string> Acronym(const std::string& long_form) const;

  // Everything learned, counts summed, sorted by acronym then long form.
  std::vector<AliasDefinition> Definitions() const;
  // Makes the registry exactly `definitions` (counts of the same pair add
  // up), and stops learning. Both lookups then depend only on the counts,
  // never on the order definitions were seen in: an acronym means its most
  // frequent long form, a long form its most frequent acronym (ties: the
  // smaller string).
  void Replace(const std::vector<AliasDefinition>& definitions);

 private:
  std::atomic<bool> learning_{true};
  mutable std::mutex mu_;
  std::map<std::string, std::map<std::string, int>> by_acronym_;  // acronym -> long form -> count
  std::map<std::string, std::string> by_long_key_;                // FoldKey(long form) -> acronym
};

struct FoundOrganisation {
  Organisation org;
  std::size_t first_offset = 0;  // byte offset of the first mention in the text
};

// Organisations named in `text`, in order of first mention. `registry` may be
// null (then nothing is learned or looked up across releases). `lang`: the
// release's language, for the gazetteer's names scoped to one (Gazetteer).
std::vector<FoundOrganisation> ExtractOrganisations(std::string_view text, const Gazetteer& gazetteer,
                                                    AliasRegistry* registry, std::string_view lang = {});

// Learns the organisation acronyms `text` defines inline, as
// ExtractOrganisations would, without extracting anything else.
void LearnAcronymDefinitions(std::string_view text, const Gazetteer& gazetteer, AliasRegistry* registry);

// An organisation named by metadata, kept exactly as written, with the
// gazetteer's names for it as aliases.
Organisation ResolveStatedOrganisation(std::string_view name, const Gazetteer& gazetteer, std::string_view lang = {});

}  // namespace pressdex
