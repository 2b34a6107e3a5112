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
  const CLD2::Language lang =
      CLD2::DetectLanguageCheckUTF8(text.data(), PrefixLength(text), true, &reliable, &valid_prefix);
  return Guess(lang, reliable);
}

LanguageFit FitLanguage(std::string_view text) {
  CLD2::Language top3[3];
  int percent3[3] = {0, 0, 0};
  double score3[3] = {0, 0, 0};
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  const CLD2::Language lang =
      CLD2::ExtDetectLanguageSummaryCheckUTF8(text.data(), PrefixLength(text), true, nullptr, 0, top3, percent3, score3,
                                              nullptr, &text_bytes, &reliable, &valid_prefix);
  LanguageFit fit;
  fit.guess = Guess(lang, reliable);
  if (!fit.guess.code.empty() && lang == top3[0]) fit.score = score3[0];
  return fit;
}

}  // namespace pressdex
