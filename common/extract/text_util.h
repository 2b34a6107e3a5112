// Small text helpers shared by the extractors (not a public API of the
// library: the extractors' own headers are).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pressdex::extract {

std::string_view TrimView(std::string_view s);
std::string Trim(std::string_view s);

// The items of a separated list ("health, covid; vaccines"), trimmed,
// empty items dropped. `separators` are the characters that separate.
std::vector<std::string> SplitList(std::string_view text, std::string_view separators = ",");

// Lines of `text` (without the '\n'), untrimmed, views into `text`.
std::vector<std::string_view> SplitLines(std::string_view text);

// Decodes the UTF-8 code point at `*i` and advances `*i`; invalid bytes give
// U+FFFD and advance by one byte.
char32_t NextCodePoint(std::string_view s, std::size_t* i);
// The code point that ends just before `end` (0 at the start of `s`).
char32_t PrevCodePoint(std::string_view s, std::size_t end);

bool IsAsciiAlpha(char c);
bool IsAsciiDigit(char c);
bool IsAsciiUpper(char c);
bool IsAsciiLower(char c);
std::string AsciiLower(std::string_view s);

// Unicode letter/mark/digit (ICU properties for non-ASCII).
bool IsWordChar(char32_t c);
bool IsUpperChar(char32_t c);
bool IsLowerChar(char32_t c);
// Scripts written without spaces between words: Thai, Lao, Burmese, Khmer,
// kana and CJK ideographs.
bool IsUnspaced(char32_t c);

// Dashes that separate a dateline from the story: "-", "--", "–", "—".
bool StartsWithDash(std::string_view s, std::size_t* length);

// Lower-case (ASCII fast path, ICU folding otherwise) with diacritics removed:
// the key words are compared by across the extractors.
std::string WordKey(std::string_view raw);

// Title case for names written in capitals: "SAN FRANCISCO" -> "San Francisco".
// Mixed-case input is returned unchanged.
std::string TitleCaseIfShouting(std::string_view s);

// Appends `s` to `out` with a separator if `out` is not empty.
void AppendWithSpace(std::string* out, std::string_view s);

}  // namespace pressdex::extract
