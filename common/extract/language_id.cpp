#include "common/extract/language_id.h"

#include <cld2/public/compact_lang_det.h>

#include "common/extract/text_util.h"

namespace pressdex {
namespace {

constexpr std::size_t kMaxBytes = 4096;

// The first few KB of `text`, never cut inside a UTF-8 sequence: CLD2 would
// call the text invalid.
int PrefixLength(std::string_view text) {
  std::size_t n = std::min(text.size(), kMaxBytes);
  while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return static_cast<int>(n);
}

// Code points CLD2's UTF-8 check rejects though the text is valid UTF-8:
// C0 controls but tab and line ends, DEL, C1 controls, the noncharacters
// U+FDD0..U+FDEF and U+xFFFE/U+xFFFF of the BMP. One stray backspace made
// CLD2 give up on a whole Vietnamese article (it then got --lang).
std::size_t NonInterchangeLength(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x20) return (b == '\t' || b == '\n' || b == '\r') ? 0 : 1;
  if (b == 0x7F) return 1;
  if (i + 1 < s.size() && b == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) return 2;
  if (i + 2 < s.size() && b == 0xEF) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b1 == 0xB7 && b2 >= 0x90 && b2 <= 0xAF) || (b1 == 0xBF && b2 >= 0xBE)) return 3;
  }
  return 0;
}

// The first few KB of `text` as CLD2 will take them: cut at a character
// boundary, the code points above made spaces (in a copy, only if any).
std::string_view Prefix(std::string_view text, std::string& scratch) {
  const std::string_view prefix = text.substr(0, static_cast<std::size_t>(PrefixLength(text)));
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (NonInterchangeLength(prefix, i) == 0) continue;
    scratch.assign(prefix);
    for (std::size_t j = i; j < scratch.size();) {
      const std::size_t n = NonInterchangeLength(scratch, j);
      if (n == 0) {
        ++j;
        continue;
      }
      scratch.replace(j, n, n, ' ');
      j += n;
    }
    return scratch;
  }
  return prefix;
}

LanguageGuess Guess(CLD2::Language lang, bool reliable) {
  LanguageGuess guess;
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return guess;
  std::string code = CLD2::LanguageCode(lang);
  // CLD2 speaks some pre-2000 codes and script variants; the index wants ISO 639-1.
  if (const auto dash = code.find('-'); dash != std::string::npos) code.resize(dash);
  if (code == "iw")
    code = "he";
  else if (code == "in")
    code = "id";
  else if (code == "jw")
    code = "jv";
  guess.code = extract::AsciiLower(code);
  guess.reliable = reliable;
  return guess;
}

}  // namespace

LanguageGuess IdentifyLanguage(std::string_view text) {
  bool reliable = false;
  int valid_prefix = 0;
  std::string scratch;
  const std::string_view prefix = Prefix(text, scratch);
  const CLD2::Language lang =
      CLD2::DetectLanguageCheckUTF8(prefix.data(), static_cast<int>(prefix.size()), true, &reliable, &valid_prefix);
  return Guess(lang, reliable);
}

LanguageFit FitLanguage(std::string_view text) {
  std::string scratch;
  const std::string_view prefix = Prefix(text, scratch);
  CLD2::Language top3[3];
  int percent3[3] = {0, 0, 0};
  double score3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  const CLD2::Language lang =
      CLD2::ExtDetectLanguageSummaryCheckUTF8(prefix.data(), static_cast<int>(prefix.size()), true, nullptr, 0, top3,
                                              percent3, score3, nullptr, &text_bytes, &reliable, &valid_prefix);
  LanguageFit fit;
  fit.guess = Guess(lang, reliable);
  if (!fit.guess.code.empty() && lang == top3[0]) fit.score = score3[0];
  return fit;
}

}  // namespace pressdex
