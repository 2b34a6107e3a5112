// Spelling suggestions ("Did you mean: asean") from Xapian's spelling table.
//
// Index side: the folded, unstemmed words of every title and body are
// counted per file (SpellingWords, built with the documents on the worker
// threads) and summed in the writer. Xapian rewrites (and recompresses) every
// spelling fragment a commit touches, so adding words at each of Reuters'
// commits cost 4.6 times what adding them once did (callgrind, 3,000 files,
// 10 commits against 1): the writers (common/index_writer.h) add the words
// once, at the run's last commit or in a bulk build's last batch, or earlier
// once kSpellingFlushWords distinct words are waiting. An in-place run killed
// before then leaves its committed releases out of the spelling table until
// `--rebuild` (suggestions are a convenience; documents and file states stay
// consistent). Written in place, an updated or removed release takes its
// words back (its title and body, read from the database and segmented
// again; taken back when the new words are added), so the frequencies are
// those of the releases the database holds. (Before the third session they
// only grew, as with Omega; a stale word was harmless, since a suggestion
// must find more releases, but it still cost a lookup.)
//
// Search side: when a query finds fewer than kFewHits releases, each
// free-text word is replaced by Xapian's suggestion for it (a word at most
// two edits away that more releases use), and the corrected query is offered
// only if it finds more releases than the query as typed. Xapian merges the
// spelling tables of several databases.
#pragma once

#include <xapian.h>

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/query.h"

namespace pressdex {

// A query with fewer matches than this may get a suggestion.
inline constexpr Xapian::doccount kFewHits = 3;
// Distinct words held back from the spelling table before a commit must
// write them (about 15 MB of memory).
inline constexpr std::size_t kSpellingFlushWords = 250000;

// Words with how often they were seen, for the spelling table.
class SpellingWords {
 public:
  // Counts a folded word; skips what is no use as a correction (numbers,
  // single letters, very long tokens).
  void Add(std::string_view folded);
  void Add(std::span<const std::string> folded);
  void Merge(const SpellingWords& other);
  // Adds every word to `db`'s spelling table and forgets them.
  void Flush(Xapian::WritableDatabase& db);
  // Takes every word back from `db`'s spelling table (the words of releases
  // replaced or removed) and forgets them.
  void TakeBack(Xapian::WritableDatabase& db);

  bool empty() const { return counts_.empty(); }
  std::size_t size() const { return counts_.size(); }
  Xapian::termcount count(const std::string& word) const;

 private:
  // Looked up by string_view: most words are seen before, and a lookup should not build a string.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Xapian::termcount, Hash, std::equal_to<>> counts_;
};

// `query` with each free-text word (not negated, not a wildcard, not a filter
// value) that `db` has a spelling suggestion for replaced by it, keeping
// everything else as typed; "" when no word changed. Words that kFewHits or
// more releases hold as written are taken as spelled right.
std::string CorrectSpelling(const Xapian::Database& db, std::string_view query, const std::vector<QueryWord>& words);

}  // namespace pressdex
