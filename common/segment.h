// Sub-word terms for scripts written without spaces. ICU's dictionaries glue
// compounds (Khmer ក្រសួងសុខាភិបាល "Ministry of Health" is one word), so the
// indexer also indexes the dictionary words a long compound is made of; and
// for Chinese/Japanese each Han character of a multi-character word, so a
// word missing from the dictionary (which a query splits into single
// characters) still matches as a phrase. The query side never calls this: it
// searches what ForEachToken yields, and those terms are in the index either
// way.
#pragma once

#include <functional>
#include <string_view>

namespace pressdex {

// Calls `sink(part, ordinal)` for each sub-word of `term` (a folded token
// from ForEachToken), in order; nothing when `term` is not a long compound in
// Thai, Lao, Khmer or Burmese script, nor a multi-character Han word.
// `ordinal` is the part's place in the word (0 for the first; for Han, the
// character's index), so the indexer can post it both at the word's position
// (the part followed by the next word is a phrase) and at the word's position
// + ordinal (two parts of one word are a phrase). The views point into
// `term`. Thread-safe; returns at once for ASCII.
using SubwordSink = std::function<void(std::string_view part, unsigned ordinal)>;
void ForEachSubword(std::string_view term, const SubwordSink& sink);

// True if `word` is an entry of ICU's dictionary for its script (Thai, Lao,
// Khmer, Burmese, Chinese/Japanese). For tests and tools.
bool InDictionary(std::string_view word);

// True if ICU has a dictionary for the script of `word`'s first character:
// only then can InDictionary say yes (common/legacy_charset uses the pair to
// tell Thai from byte soup in Thai letters).
bool HasDictionary(std::string_view word);

}  // namespace pressdex
