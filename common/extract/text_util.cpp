#include "common/extract/text_util.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "common/normalize.h"

namespace pressdex::extract {

std::string_view TrimView(std::string_view s) {
  // Also trims no-break and zero-width spaces that scraped pages are full of.
  auto is_space_at_front = [](std::string_view v, std::size_t* n) {
    if (v.empty()) return false;
    const unsigned char c = static_cast<unsigned char>(v[0]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
      *n = 1;
      return true;
    }
    if (v.substr(0, 2) == "\xC2\xA0") {
      *n = 2;
      return true;
    }
    if (v.substr(0, 3) == "\xE2\x80\x8B" || v.substr(0, 3) == "\xEF\xBB\xBF") {
      *n = 3;
      return true;
    }
    return false;
  };
  auto is_space_at_back = [](std::string_view v, std::size_t* n) {
    if (v.empty()) return false;
    const unsigned char c = static_cast<unsigned char>(v.back());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
      *n = 1;
      return true;
    }
    if (v.size() >= 2 && v.substr(v.size() - 2) == "\xC2\xA0") {
      *n = 2;
      return true;
    }
    if (v.size() >= 3 && v.substr(v.size() - 3) == "\xE2\x80\x8B") {
      *n = 3;
      return true;
    }
    return false;
  };
  std::size_t n = 0;
  while (is_space_at_front(s, &n)) s.remove_prefix(n);
  while (is_space_at_back(s, &n)) s.remove_suffix(n);
  return s;
}

std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

std::vector<std::string> SplitList(std::string_view text, std::string_view separators) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(separators, start);
    if (end == std::string_view::npos) end = text.size();
    if (const std::string_view item = TrimView(text.substr(start, end - start)); !item.empty())
      items.emplace_back(item);
    start = end + 1;
  }
  return items;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

char32_t NextCodePoint(std::string_view s, std::size_t* i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  const unsigned char c = p[*i];
  if (c < 0x80) {
    ++*i;
    return c;
  }
  int len = 0;
  char32_t cp = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    cp = c & 0x07;
  } else {
    ++*i;
    return 0xFFFD;
  }
  if (*i + len > n) {
    ++*i;
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) {
    const unsigned char cc = p[*i + k];
    if ((cc & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  *i += len;
  return cp;
}

char32_t PrevCodePoint(std::string_view s, std::size_t end) {
  if (end == 0) return 0;
  std::size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && end - start < 4) --start;
  std::size_t i = start;
  return NextCodePoint(s, &i);
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (IsAsciiUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) return IsAsciiAlpha(static_cast<char>(c)) || IsAsciiDigit(static_cast<char>(c));
  if (c == 0xFFFD) return false;
  const int8_t t = u_charType(static_cast<UChar32>(c));
  return (t >= U_UPPERCASE_LETTER && t <= U_OTHER_LETTER) || t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
         t == U_DECIMAL_DIGIT_NUMBER || t == U_ENCLOSING_MARK;
}

bool IsUpperChar(char32_t c) {
  if (c < 0x80) return IsAsciiUpper(static_cast<char>(c));
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool IsLowerChar(char32_t c) {
  if (c < 0x80) return IsAsciiLower(static_cast<char>(c));
  return u_islower(static_cast<UChar32>(c));
}

bool IsUnspaced(char32_t c) {
  return (c >= 0x0E00 && c <= 0x0EFF) ||                                // Thai, Lao
         (c >= 0x1000 && c <= 0x109F) ||                                // Myanmar
         (c >= 0x1780 && c <= 0x17FF) ||                                // Khmer
         (c >= 0x3040 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF);  // kana, CJK
}

bool StartsWithDash(std::string_view s, std::size_t* length) {
  if (s.substr(0, 2) == "--") {
    *length = 2;
    return true;
  }
  if (s.substr(0, 3) == "\xE2\x80\x93" || s.substr(0, 3) == "\xE2\x80\x94") {
    *length = 3;
    return true;
  }
  if (!s.empty() && s[0] == '-') {
    *length = 1;
    return true;
  }
  return false;
}

std::string WordKey(std::string_view raw) {
  bool ascii = true;
  for (const char c : raw) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return AsciiLower(raw);
  return FoldForMatch(raw);
}

std::string TitleCaseIfShouting(std::string_view s) {
  bool has_lower = false, has_upper = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const char32_t c = NextCodePoint(s, &i);
    if (IsLowerChar(c)) has_lower = true;
    if (IsUpperChar(c)) has_upper = true;
  }
  if (has_lower || !has_upper) return std::string(s);
  // Upper-case the first letter of each word, lower-case the rest: enough
  // for place names ("ST. LOUIS" -> "St. Louis", "HÀ NỘI" -> "Hà Nội").
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  icu::UnicodeString out16;
  bool word_start = true;
  for (int32_t k = 0; k < u.length();) {
    const UChar32 c = u.char32At(k);
    k += U16_LENGTH(c);
    if (u_isalpha(c)) {
      out16.append(word_start ? u_totitle(c) : u_tolower(c));
      word_start = false;
    } else {
      out16.append(c);
      word_start = !(c == '\'' || c == 0x2019 || u_charType(c) == U_NON_SPACING_MARK);
    }
  }
  std::string out;
  out16.toUTF8String(out);
  return out;
}

void AppendWithSpace(std::string* out, std::string_view s) {
  if (!out->empty()) out->push_back(' ');
  out->append(s);
}

}  // namespace pressdex::extract
