#include "common/extract/language_id.h"

#include <cld2/public/compact_lang_det.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

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

// Whether `utf8` may hold a code point ReadableText changes: a byte scan,
// so text without one (nearly all) is neither copied nor decoded.
bool MayNeedSpaces(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x20 ? (b != '\t' && b != '\n' && b != '\r') : b == 0x7F) return true;
    if (b < 0xC2) continue;
    const auto b1 = i + 1 < utf8.size() ? static_cast<unsigned char>(utf8[i + 1]) : 0;
    const auto b2 = i + 2 < utf8.size() ? static_cast<unsigned char>(utf8[i + 2]) : 0;
    const auto b3 = i + 3 < utf8.size() ? static_cast<unsigned char>(utf8[i + 3]) : 0;
    if (b == 0xC2 && b1 < 0xA0) return true;                                        // C1 controls
    if (b == 0xEF && b1 == 0xB7 && b2 >= 0x90 && b2 <= 0xAF) return true;           // U+FDD0..U+FDEF
    if (b == 0xEF && b1 == 0xBF && b2 >= 0xBD) return true;                         // U+FFFD..U+FFFF
    if (b >= 0xF0 && (b1 & 0x0F) == 0x0F && b2 == 0xBF && b3 >= 0xBE) return true;  // U+nFFFE, U+nFFFF
  }
  return false;
}

// The first few KB of `text`, as CLD2 can read them.
std::string_view Prefix(std::string_view text, std::string& scratch) {
  return ReadableText(text.substr(0, static_cast<std::size_t>(PrefixLength(text))), scratch);
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

std::string_view ReadableText(std::string_view utf8, std::string& scratch) {
  if (!MayNeedSpaces(utf8)) return utf8;
  scratch.clear();
  scratch.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    const int32_t begin = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    const bool control = u_charType(c) == U_CONTROL_CHAR && c != '\t' && c != '\n' && c != '\r';
    if (c < 0 || control || c == 0xFFFD || U_IS_UNICODE_NONCHAR(c))
      scratch += ' ';
    else
      scratch.append(utf8.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(i - begin)));
  }
  return scratch;
}

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
