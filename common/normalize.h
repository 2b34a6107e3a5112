// Text folding shared by indexing and querying: whatever the indexer folds one
// way, the query side must fold the same way, so both go through here.
#pragma once

#include <string>
#include <string_view>

namespace pressdex {

// Folds a word or a phrase for matching: NFKC, full Unicode case folding,
// default-ignorables (zero-width space/joiners, soft hyphen) removed,
// diacritics removed from Latin/Greek/Cyrillic letters ("Việt" -> "viet",
// "đ" -> "d"), the Thai and Lao repetition marks (ๆ, ໆ: "say the word
// again") dropped so "ดีๆ" matches "ดี", and typographic apostrophes unified
// to "'". Marks of scripts where they are part of the letter (Thai, Khmer,
// Devanagari...) are kept.
std::string FoldForMatch(std::string_view utf8);

// Like FoldForMatch but keeps diacritics: for exact-accent search.
std::string FoldKeepAccents(std::string_view utf8);

// Lower-cases and collapses whitespace; for display-insensitive keys such as
// organisation aliases and place names ("JAKARTA" == "Jakarta").
std::string FoldKey(std::string_view utf8);

// True if Myanmar-script `utf8` looks encoded in Zawgyi (the legacy font
// encoding that reuses Unicode code points with other meanings and stores
// the vowel sign E before its consonant) rather than in Unicode: counts
// sequences well-formed Unicode Burmese never has. Zawgyi text segments and
// matches badly; there is no converter in ICU, so callers warn.
bool IsLikelyZawgyi(std::string_view utf8);

// Cheap pre-check for FoldForMatch != FoldKeepAccents: true if `utf8` has a
// non-ASCII Latin, Greek or Cyrillic letter or a combining diacritic (a byte
// scan; may say true for words folding leaves alone).
bool MayHaveFoldedAccents(std::string_view utf8);

// True if every byte is ASCII.
bool IsAscii(std::string_view s);

// True when `utf8` holds nothing to read: only white space (ASCII, no-break
// and zero-width spaces, U+3000) and byte-order marks.
bool IsBlankText(std::string_view utf8);

// Replaces invalid UTF-8 sequences with U+FFFD so later stages never see them.
std::string SanitizeUtf8(std::string_view bytes);
bool IsValidUtf8(std::string_view bytes);

}  // namespace pressdex
