// The organisation gazetteer: canonical names and aliases from TOML files
// (data/orgs.toml shipped with the project, plus the user's --orgs file).
//
//   [[org]]
//   name = "ASEAN Secretariat"
//   aliases = ["ASEC"]
//   aliases_in = { th = ["..."] }   # names it goes by in releases in that language only
//
// A name may mean different organisations in different places: "EEC" is the
// European Economic Community in a 1987 wire story and Thailand's Eastern
// Economic Corridor in a Thai government release. Aliases scoped to a
// language are looked for only in releases in that language, where they win
// over the same name's unscoped meaning.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/extract/words.h"
#include "common/release.h"
#include "common/status.h"

namespace pressdex {

class Gazetteer {
 public:
  // Adds the organisations of a TOML document; an organisation whose name or
  // alias is already known is merged into the known one. `origin` names the
  // document in error messages.
  Status AddToml(std::string_view toml, std::string_view origin);
  Status AddFile(const std::string& path);

  std::size_t size() const { return orgs_.size(); }
  const Organisation& org(std::size_t i) const { return orgs_[i]; }

  // The organisation a name or alias as written refers to. Acronyms
  // (all capitals) compare case-sensitively, other names by folded key.
  // `lang`: the release's language (ISO 639-1), for the aliases scoped to it.
  std::optional<std::size_t> Find(std::string_view name, std::string_view lang = {}) const;

  struct Hit {
    std::size_t org = 0;
    std::size_t first_word = 0;
    std::size_t word_count = 0;
    std::size_t begin = 0;     // byte offset of the mention in the scanned text
    bool inside_word = false;  // a name found inside one longer word (see Match)
  };
  // Mentions of known organisations in scanned words, longest match first at
  // each position, in text order, not overlapping. A name written in a cased
  // script starts at a capitalised word ("Bank of Thailand", not "bank of
  // thailand"); one written in a caseless script (Thai, Lao, Khmer, Burmese,
  // Chinese) at any word. ScanWords reads unspaced text as long words, so a
  // one-word caseless name is also found inside a word, where ICU's word
  // breaks (ForEachSegment) start and end it ("วันนี้องค์การอนามัยโลกแถลง");
  // such hits have inside_word set, several may share a word.
  // `lang` as for Find.
  std::vector<Hit> Match(const std::vector<extract::Word>& words, std::string_view lang = {}) const;

 private:
  struct Pattern {
    std::vector<std::string> keys;  // word keys
    std::string exact;              // acronyms: the letters as written (no dots); else empty
    std::size_t org = 0;
    bool caseless = false;  // the first word is in a script without capitals
    std::string lang;       // only in releases in this language; "" everywhere
  };
  struct ScopedAlias {
    std::string lang;
    std::string alias;
  };
  void AddOrganisation(const std::string& name, const std::vector<std::string>& aliases,
                       const std::vector<ScopedAlias>& scoped);
  void AddPattern(std::string_view surface, std::size_t org, const std::string& lang = {});
  // Whether pattern `p` applies in a release in `lang`.
  static bool Applies(const Pattern& p, std::string_view lang) { return p.lang.empty() || p.lang == lang; }
  // Hits inside words[i] for the one-word caseless names (see Match).
  void MatchInside(const std::vector<extract::Word>& words, std::size_t i, std::string_view lang,
                   std::vector<Hit>& hits) const;

  std::vector<Organisation> orgs_;
  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_first_key_;  // -> patterns_
  // Keyed "lang\0key" for a name scoped to a language (ScopedKey).
  std::unordered_map<std::string, std::size_t> by_name_key_;  // joined keys -> org
  std::unordered_map<std::string, std::size_t> by_acronym_;   // exact -> org
  bool has_scoped_ = false;
  std::vector<std::size_t> inside_;  // one-word caseless patterns -> patterns_
};

// True for a word written like an acronym: 2-12 characters, starts with a
// capital, at least two capitals, no run of lower-case letters longer than
// two ("ASEAN", "ASEC", "UNICEF", "FAO", "AfDB", "ECOSOC"...).
bool IsAcronymLike(std::string_view raw);

}  // namespace pressdex
