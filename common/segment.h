// Sub-word terms for scripts written without spaces. ICU's dictionaries glue
// compounds (Khmer ក្រសួងសុខាភិបាល "Ministry of Health" is one word), so the
// indexer also indexes the dictionary words a long compound is made of, at the
// compound's own position; and for Chinese/Japanese it indexes each Han
// character of a multi-character word, so a word missing from the dictionary
// (which a query splits into single characters) still matches as a phrase.
// The query side never calls this: it searches what ForEachToken yields, and
// those terms are in the index either way.
#pragma once

#include <functional>
#include <string_view>

namespace pressdex {

// Calls `sink` for each sub-word of `term` (a folded token from ForEachToken),
// in order, without repeats; nothing when `term` is not a long compound in
// Thai, Lao, Khmer or Burmese script, nor a multi-character Han word. The
// views point into `term`. Thread-safe; cheap for ASCII (one byte check).
void ForEachSubword(std::string_view term, const std::function<void(std::string_view)>& sink);

// True if `word` is an entry of ICU's dictionary for its script (Thai, Lao,
// Khmer, Burmese, Chinese/Japanese). For tests and tools.
bool InDictionary(std::string_view word);

}  // namespace pressdex
