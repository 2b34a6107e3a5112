// A light word scanner for the extractors that look at capitalisation and
// punctuation (organisations, acronyms, topics). Cheaper than ICU word
// breaking and keeps what those extractors need: case, sentence starts,
// brackets. Thai and other unspaced scripts come out as long runs, which is
// fine for these uses (they match names by key, not by segmentation).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pressdex::extract {

struct Word {
  std::string_view raw;   // as written, without a possessive "'s"
  std::size_t begin = 0;  // byte span of `raw` in the scanned text
  std::size_t end = 0;
  std::string key;              // lower-case, no diacritics, no dots: "u.s" -> "us"
  bool initial_upper = false;   // starts with an upper-case letter
  bool all_caps = false;        // at least two letters, none lower-case
  bool sentence_start = false;  // first word of a sentence, line or clause after a dash
  bool paren_before = false;    // "(" right before
  bool paren_after = false;     // ")" right after
  bool break_after = false;     // punctuation or a line end follows: names stop here
  bool possessive = false;      // "'s" followed (and is not in `raw`)
  bool in_caps_line = false;    // the line is written in capitals (a wire headline)
  // In a run of capitalised words that capitalises "To", "For", "In"... too:
  // a headline in title case ("Senator Urges Appropriations Committee To Fund").
  bool in_title_run = false;
};

std::vector<Word> ScanWords(std::string_view text);

// The key of a word or of any piece of one (Word::key): keys of pieces cut
// where ICU cuts words add up to the word's key.
std::string MakeKey(std::string_view raw);

// Words joined with single spaces, as they appear between words[first] and
// words[first + count - 1] in `text` (inner punctuation kept).
std::string SpanText(std::string_view text, const std::vector<Word>& words, std::size_t first, std::size_t count);

}  // namespace pressdex::extract
