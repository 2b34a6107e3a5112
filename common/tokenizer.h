// Word segmentation for every script, through ICU's word break iterator
// (dictionary-based for Thai, Lao, Khmer, Burmese, Chinese and Japanese).
// Indexing, querying and snippet highlighting all segment through here, so a
// word is split the same way wherever it is seen.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pressdex {

struct Token {
  std::string_view raw;   // the word as written, a view into the input
  std::size_t begin = 0;  // byte offsets into the input
  std::size_t end = 0;
  std::string term;  // folded form (FoldForMatch), ready for stemming
};

using TokenSink = std::function<void(const Token&)>;

// Calls `sink` for each word of `utf8` in order; spaces and punctuation are
// skipped. `utf8` must be valid UTF-8 (see SanitizeUtf8). Words are ICU's,
// except that Thai, Lao, Khmer or Burmese letters glued to Latin letters or
// digits are cut apart ("ใน7วัน" -> ใน 7 วัน, "ตายๆHONDA" -> ตาย honda).
void ForEachToken(std::string_view utf8, const TokenSink& sink);
// The same for the words `wanted` accepts as written, unfolded: the others
// are not folded at all (snippets look for a few words in a whole body).
using RawWordFilter = std::function<bool(std::string_view raw)>;
void ForEachToken(std::string_view utf8, const TokenSink& sink, const RawWordFilter& wanted);

// Every segment of `utf8` in order: the words ForEachToken reads
// (is_word) and the spaces and punctuation between them. Byte offsets. For
// tools that score the segmentation itself (bench/thai-wordseg).
using SegmentSink = std::function<void(std::size_t begin, std::size_t end, bool is_word)>;
void ForEachSegment(std::string_view utf8, const SegmentSink& sink);

// Convenience: the folded terms of `utf8`.
std::vector<std::string> Terms(std::string_view utf8);

// Folds a single token as ForEachToken would (acronym dots removed, etc.).
std::string FoldToken(std::string_view raw);

// FoldToken keeping diacritics ("Việt" -> "việt"): the exact-accent form
// indexed under schema::kRawPrefix.
std::string FoldTokenKeepAccents(std::string_view raw);

// The exact-accent forms of the words of `utf8` that folding changes
// ("Việt Nam" -> {"việt"}): what an exact-accent search requires, as
// schema::kRawPrefix terms, on top of the folded query.
std::vector<std::string> ExactAccentForms(std::string_view utf8);

}  // namespace pressdex
