#include "common/spelling.h"

namespace pressdex {
namespace {

// Longer tokens are URLs, hashes or glued-together words: nothing to suggest.
constexpr std::size_t kMaxWordBytes = 40;

bool WorthSuggesting(std::string_view word) {
  if (word.size() < 2 || word.size() > kMaxWordBytes) return false;
  bool letter = false;
  for (const char c : word) {
    if (c >= '0' && c <= '9') return false;  // figures, dates, codes
    if (static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z')) letter = true;
  }
  return letter;
}

// Xapian 1.4's Database has no get_spelling_frequency: a seek in the
// (merged) spelling table says the same.
bool InSpellingTable(const Xapian::Database& db, const std::string& word) {
  Xapian::TermIterator it = db.spellings_begin();
  it.skip_to(word);
  return it != db.spellings_end() && *it == word;
}

}  // namespace

void SpellingWords::Add(std::string_view folded) {
  if (!WorthSuggesting(folded)) return;
  if (const auto it = counts_.find(folded); it != counts_.end()) {
    ++it->second;
  } else {
    counts_.emplace(std::string(folded), 1);
  }
}

void SpellingWords::Add(std::span<const std::string> folded) {
  for (const auto& w : folded) Add(w);
}

void SpellingWords::Merge(const SpellingWords& other) {
  for (const auto& [word, n] : other.counts_) counts_[word] += n;
}

void SpellingWords::Flush(Xapian::WritableDatabase& db) {
  for (const auto& [word, n] : counts_) db.add_spelling(word, n);
  counts_.clear();
}

void SpellingWords::TakeBack(Xapian::WritableDatabase& db) {
  for (const auto& [word, n] : counts_) db.remove_spelling(word, n);
  counts_.clear();
}

Xapian::termcount SpellingWords::count(const std::string& word) const {
  const auto it = counts_.find(word);
  return it == counts_.end() ? 0 : it->second;
}

std::string CorrectSpelling(const Xapian::Database& db, std::string_view query, const std::vector<QueryWord>& words) {
  std::string corrected;
  std::size_t copied = 0;
  bool changed = false;
  for (const QueryWord& w : words) {
    if (w.negated || w.wildcard || !WorthSuggesting(w.folded)) continue;
    // A word several releases hold as it is (unstemmed words often are
    // terms) is no misspelling: skip Xapian's costly trigram search for it.
    if (db.get_termfreq(w.folded) >= kFewHits) continue;
    std::string suggestion;
    try {
      // A word some release writes as typed is a word, however rare: "haze"
      // in one release is not "have" misspelt. (A misspelling in the corpus
      // then finds its release, which is what was typed.)
      if (InSpellingTable(db, w.folded)) continue;
      suggestion = db.get_spelling_suggestion(w.folded);
    } catch (const Xapian::UnimplementedError&) {
      return {};  // a remote shard keeps no spelling table
    }
    if (suggestion.empty() || suggestion == w.folded || w.begin < copied || w.end > query.size()) continue;
    corrected.append(query.substr(copied, w.begin - copied));
    corrected += suggestion;
    copied = w.end;
    changed = true;
  }
  if (!changed) return {};
  corrected.append(query.substr(copied));
  return corrected;
}

}  // namespace pressdex
