// Language identification of a release's text (CLD2).
#pragma once

#include <string>
#include <string_view>

namespace pressdex {

struct LanguageGuess {
  std::string code;       // ISO 639-1 ("en", "vi", "th"...); "" when CLD2 found nothing
  bool reliable = false;  // CLD2's own verdict; callers fall back to --lang when false
};

// Identifies the language of valid UTF-8 `text` (only its first few KB are
// read: enough for CLD2 and keeps the cost flat). Thread-safe.
LanguageGuess IdentifyLanguage(std::string_view text);

// IdentifyLanguage with how well the text fits the language, for judging
// whether a decoding of unknown bytes is text at all (common/legacy_charset).
struct LanguageFit {
  LanguageGuess guess;
  // CLD2's normalised score for the language (0 with no language): garbled
  // text scores lower than real text; comparable within one language only.
  double score = 0.0;
};
LanguageFit FitLanguage(std::string_view text);

// `utf8` as CLD2 can read it: control characters (C0 but tab and newlines;
// C1, what windows-1252 makes of its unassigned bytes), noncharacters and
// U+FFFD made spaces. CLD2 finds no language at all in text holding any of
// them (one stray backspace hid a Vietnamese article's). Returns `utf8`
// itself when nothing needs it, else `scratch`, filled. Both functions above
// apply it.
std::string_view ReadableText(std::string_view utf8, std::string& scratch);

}  // namespace pressdex
