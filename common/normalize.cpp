#include "common/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

namespace pressdex {
namespace {

const icu::Normalizer2& NfkcCasefold() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  return *n;
}

const icu::Normalizer2& Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  return *n;
}

const icu::Normalizer2& Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  return *n;
}

bool IsStrippableScript(UChar32 base) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(base, &status);
  return script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC || script == USCRIPT_COMMON;
}

// Letters that carry their "accent" as part of the code point and so survive NFD.
UChar32 BaseLetter(UChar32 c) {
  switch (c) {
    case 0x0111: return 'd';  // đ (Vietnamese)
    case 0x00F0: return 'd';  // ð
    case 0x00F8: return 'o';  // ø
    case 0x0142: return 'l';  // ł
    case 0x0127: return 'h';  // ħ
    case 0x0131: return 'i';  // dotless i
    default: return c;
  }
}

std::string FinishFold(const icu::UnicodeString& folded, bool strip_accents) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString work = strip_accents ? Nfd().normalize(folded, status) : folded;
  if (U_FAILURE(status)) work = folded;
  icu::UnicodeString out;
  UChar32 last_base = 0;
  for (int32_t i = 0; i < work.length();) {
    UChar32 c = work.char32At(i);
    i += U16_LENGTH(c);
    if (c == 0x2019 || c == 0x2018 || c == 0x201B || c == 0x02BC) c = '\'';
    if (c == 0x0E46 || c == 0x0EC6) continue;  // ๆ ໆ repetition marks
    if (strip_accents) {
      if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) {
        if (IsStrippableScript(last_base)) continue;
      } else {
        last_base = c;
      }
      c = BaseLetter(c);
    }
    out.append(c);
  }
  if (strip_accents) {
    status = U_ZERO_ERROR;
    icu::UnicodeString composed = Nfc().normalize(out, status);
    if (U_SUCCESS(status)) out = composed;
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::string Fold(std::string_view utf8, bool strip_accents) {
  if (IsAscii(utf8)) {
    std::string out(utf8);
    for (char& ch : out) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString input =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString folded = NfkcCasefold().normalize(input, status);
  if (U_FAILURE(status)) folded = input;
  return FinishFold(folded, strip_accents);
}

}  // namespace

bool IsAscii(std::string_view s) {
  // Eight bytes at a time: snippets ask this of every hit's whole body.
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + 32 <= s.size(); i += 32) {
    std::uint64_t w[4];
    std::memcpy(w, s.data() + i, sizeof w);
    if (((w[0] | w[1] | w[2] | w[3]) & kHighBits) != 0) return false;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
  }
  return true;
}

bool MayHaveFoldedAccents(std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b < 0xC3) continue;
    // U+00C0..U+04FF (Latin-1 letters to Cyrillic, combining marks U+0300..).
    if (b <= 0xD3) return true;
    // U+1E00..U+1EFF: Latin Extended Additional (Vietnamese ạ ả ấ ... ỹ).
    if (b == 0xE1 && i + 1 < utf8.size()) {
      const auto next = static_cast<unsigned char>(utf8[i + 1]);
      if (next >= 0xB8 && next <= 0xBB) return true;
    }
  }
  return false;
}

std::string FoldForMatch(std::string_view utf8) { return Fold(utf8, true); }

std::string FoldKeepAccents(std::string_view utf8) { return Fold(utf8, false); }

std::string FoldKey(std::string_view utf8) {
  const std::string folded = FoldForMatch(utf8);
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (const char ch : folded) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(ch);
  }
  return out;
}

namespace {

bool IsMyanmarConsonant(UChar32 c) { return c >= 0x1000 && c <= 0x1021; }
bool IsMyanmar(UChar32 c) { return c >= 0x1000 && c <= 0x109F; }

}  // namespace

bool IsLikelyZawgyi(std::string_view utf8) {
  // Most text has no Myanmar letter (E1 80..82): find that out with memchr.
  bool myanmar_seen = false;
  for (auto at = utf8.find('\xE1'); at != std::string_view::npos && !myanmar_seen; at = utf8.find('\xE1', at + 1)) {
    const auto next = at + 1 < utf8.size() ? static_cast<unsigned char>(utf8[at + 1]) : 0;
    myanmar_seen = next >= 0x80 && next <= 0x82;
  }
  if (!myanmar_seen) return false;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  int myanmar = 0;
  int zawgyi = 0;
  UChar32 prev = 0;
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (IsMyanmar(c)) {
      ++myanmar;
      UChar32 next = -1;
      if (i < length) {
        int32_t j = i;
        U8_NEXT(s, j, length, next);
      }
      const bool after_consonant_or_medial = IsMyanmarConsonant(prev) || (prev >= 0x103B && prev <= 0x103E);
      // Unicode stores the vowel sign E (ေ) and the medials after their
      // consonant; Zawgyi types ေ and ya-yit (U+103B there) first.
      if ((c == 0x1031 || c == 0x103B) && !after_consonant_or_medial && IsMyanmarConsonant(next)) ++zawgyi;
      // In Unicode U+1039 (virama) always stacks a consonant; Zawgyi uses it as the asat.
      if (c == 0x1039 && !IsMyanmarConsonant(next)) ++zawgyi;
      // Zawgyi's pre-stacked consonants and glyph variants (Mon/Shan letters in Unicode).
      if (c == 0x105A || (c >= 0x1060 && c <= 0x1097) || c == 0x1033 || c == 0x1034) ++zawgyi;
    }
    prev = c;
  }
  // Real Unicode text has next to none of these; Zawgyi has several per sentence.
  return myanmar >= 4 && zawgyi >= 2 && zawgyi * 50 >= myanmar;
}

bool IsValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string SanitizeUtf8(std::string_view bytes) {
  if (IsAscii(bytes) || IsValidUtf8(bytes)) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(bytes.substr(start, i - start));
    }
  }
  return out;
}

bool IsBlankText(std::string_view utf8) {
  static constexpr std::string_view kBlanks[] = {
      "\xC2\xA0",      // no-break space
      "\xE2\x80\x8B",  // zero-width space
      "\xE3\x80\x80",  // ideographic space
      "\xEF\xBB\xBF",  // byte-order mark
  };
  std::size_t i = 0;
  while (i < utf8.size()) {
    const char c = utf8[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    bool blank = false;
    for (const std::string_view b : kBlanks) {
      if (utf8.substr(i, b.size()) == b) {
        i += b.size();
        blank = true;
        break;
      }
    }
    if (!blank) return false;
  }
  return true;
}

}  // namespace pressdex
