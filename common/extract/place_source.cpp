#include "common/extract/place_source.h"

#include "common/extract/date_parse.h"
#include "common/extract/text_util.h"
#include "common/normalize.h"

namespace pressdex {

using extract::NextCodePoint;

std::string NormalisePlace(std::string_view written) {
  std::string_view s = extract::TrimView(written);
  while (!s.empty() && (s.back() == ',' || s.back() == ':' || s.back() == ';')) s.remove_suffix(1);
  s = extract::TrimView(s);
  std::string out;
  // Collapse inner runs of spaces ("NEW  YORK").
  bool space = false;
  for (const char c : s) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return extract::TitleCaseIfShouting(out);
}

namespace {

// Words of `s` and whether each starts with an upper-case letter.
bool AllWordsCapitalised(std::string_view s, int* words, int max_words) {
  *words = 0;
  bool in_word = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const char32_t c = NextCodePoint(s, &i);
    if (extract::IsAsciiDigit(static_cast<char>(c < 0x80 ? c : 0))) return false;
    const bool word = extract::IsWordChar(c);
    if (word && !in_word) {
      ++*words;
      if (*words > max_words) return false;
      if (!extract::IsUpperChar(c) && extract::IsLowerChar(c)) {
        // Lower-case particles inside names: "Bandar Seri Begawan", "Rio de Janeiro".
        const std::string_view rest = s.substr(i - 1);
        if (!(rest.substr(0, 3) == "de " || rest.substr(0, 3) == "da " || rest.substr(0, 3) == "of " ||
              rest.substr(0, 4) == "del " || rest.substr(0, 3) == "am ")) {
          return false;
        }
      }
    }
    in_word = word || (in_word && (c == '.' || c == '-' || c == '\''));
  }
  return *words > 0;
}

}  // namespace

bool LooksLikePlace(std::string_view s) {
  s = extract::TrimView(s);
  if (s.substr(0, 4) == "the ") s.remove_prefix(4);  // "the Netherlands"
  if (s.empty() || s.size() > 40) return false;
  int words = 0;
  if (!AllWordsCapitalised(s, &words, 5)) return false;
  // "April 29" or "Monday" before a dash is a date, not a place.
  if (DateParser::Get().ParseExact(s, true)) return false;
  static constexpr std::string_view kNotPlaces[] = {"monday",    "tuesday", "wednesday", "thursday", "friday",
                                                    "saturday",  "sunday",  "update",    "updated",  "breaking",
                                                    "exclusive", "photo",   "video",     "editorial"};
  const std::string key = FoldKey(s);
  for (const std::string_view w : kNotPlaces) {
    if (key == w) return false;
  }
  return true;
}

bool LooksLikeAgency(std::string_view s) {
  s = extract::TrimView(s);
  if (s.empty() || s.size() > 40) return false;
  const std::string key = FoldKey(s);
  if (key.rfind("photo", 0) == 0 || key.rfind("ảnh", 0) == 0 || key.rfind("file", 0) == 0) return false;
  int words = 0;
  return AllWordsCapitalised(s, &words, 4);
}

}  // namespace pressdex
