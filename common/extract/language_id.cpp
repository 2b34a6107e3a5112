#include "common/extract/language_id.h"

#include <cld2/public/compact_lang_det.h>

#include "common/extract/text_util.h"

namespace pressdex {

LanguageGuess IdentifyLanguage(std::string_view text) {
  constexpr std::size_t kMaxBytes = 4096;
  std::size_t n = std::min(text.size(), kMaxBytes);
  // Never cut a UTF-8 sequence in half: CLD2 would call the text invalid.
  while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  bool reliable = false;
  int valid_prefix = 0;
  const CLD2::Language lang =
      CLD2::DetectLanguageCheckUTF8(text.data(), static_cast<int>(n), true, &reliable, &valid_prefix);
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

}  // namespace pressdex
