#include "common/extract/title.h"

#include "common/extract/text_util.h"

namespace pressdex {

namespace {

std::string Shorten(std::string title) {
  constexpr std::size_t kMax = 160;
  if (title.size() <= kMax) return title;
  std::size_t cut = title.rfind(' ', kMax);
  if (cut == std::string::npos || cut < kMax / 2) cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
  return extract::Trim(title.substr(0, cut)) + "\xE2\x80\xA6";  // …
}

int CountWords(std::string_view s) {
  int words = 0;
  bool in = false;
  for (const char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in) ++words;
    in = !space;
  }
  return words;
}

// A line that is a paragraph rather than a headline: long, or several sentences.
bool ReadsLikeHeadline(std::string_view line) {
  const int words = CountWords(line);
  if (words == 0) return false;
  if (line.size() > 300) return false;
  if (words > 30) return false;
  const char last = line.back();
  if (last == '.' && words > 16) return false;
  return true;
}

// The first sentence of `s`: up to ". " before a capital, "。", or the end.
std::string_view FirstSentence(std::string_view s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ' && extract::IsAsciiUpper(s[i + 2])) {
      // "Mr. Smith", "U.S. Treasury": a one- or two-letter word before the dot is an abbreviation.
      std::size_t w = i;
      while (w > 0 && s[w - 1] != ' ') --w;
      if (i - w <= 2 || s.substr(w, i - w).find('.') != std::string_view::npos) continue;
      return s.substr(0, i + 1);
    }
  }
  return s;
}

}  // namespace

TitleChoice ChooseTitle(std::string_view stated, const std::vector<std::string>& lines, std::size_t skip_line,
                        std::size_t skip) {
  TitleChoice choice;
  choice.title = extract::Trim(stated);
  if (!choice.title.empty()) {
    choice.title = Shorten(std::move(choice.title));
    return choice;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (line.empty()) continue;
    if (i == skip_line) {
      line = extract::TrimView(line.substr(std::min(skip, line.size())));
      if (line.empty()) continue;
    } else if (ReadsLikeHeadline(line)) {
      choice.title = Shorten(std::string(line));
      choice.line = i;
      return choice;
    }
    choice.title = Shorten(std::string(FirstSentence(line)));
    return choice;
  }
  return choice;
}

}  // namespace pressdex
