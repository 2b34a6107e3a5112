#include "common/extract/title.h"

#include "common/extract/date_parse.h"
#include "common/extract/text_util.h"

namespace pressdex {

namespace {

// At most `max_chars` characters (not bytes: a Thai headline takes 3 bytes
// a letter), cut at a space where one is near, with "…" when cut.
std::string Shorten(std::string title, std::size_t max_chars) {
  std::size_t max_bytes = 0, chars = 0;
  while (max_bytes < title.size() && chars < max_chars) {
    ++max_bytes;
    while (max_bytes < title.size() && (static_cast<unsigned char>(title[max_bytes]) & 0xC0) == 0x80) ++max_bytes;
    ++chars;
  }
  if (max_bytes >= title.size()) return title;
  std::size_t cut = title.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut < max_bytes / 2) cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
  return extract::Trim(title.substr(0, cut)) + "\xE2\x80\xA6";  // …
}

// A headline the release states or sets on its own line is kept whole: its
// line leaves the body, so a word cut from it could not be found at all (a
// DOJ headline runs to 240 characters). The bound only stops a runaway
// field.
constexpr std::size_t kMaxHeadlineChars = 1000;
// A title made from the lead's first sentence is an excerpt: the sentence
// stays in the body.
constexpr std::size_t kMaxLeadTitleChars = 160;

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
  if (line.size() > 600) return false;
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

namespace {

int CodePoints(std::string_view s) {
  int n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Every word starts with a capital. Scripts without case (Thai, Khmer...)
// have no capitals at all, so their lines are never "all capitalised".
bool AllCapitalised(std::string_view line) {
  bool word_start = true;
  bool any_upper = false;
  std::size_t i = 0;
  while (i < line.size()) {
    const char32_t c = extract::NextCodePoint(line, &i);
    if (c == ' ') {
      word_start = true;
      continue;
    }
    if (word_start && extract::IsLowerChar(c)) return false;
    if (word_start && extract::IsUpperChar(c)) any_upper = true;
    word_start = false;
  }
  return any_upper;
}

// A header line that can be the headline: not a site name or section label
// ("VietnamPlus", "Y tế"), not a date strip ("Jumat, 29 Mei 2020 18:45 WIB").
bool SubstantialHeadline(std::string_view line) {
  if (!ReadsLikeHeadline(line)) return false;
  // Menus, breadcrumbs and bylines ("By staff | Published 13 September 2019").
  if (line.find(" | ") != std::string_view::npos || line.rfind("By ", 0) == 0) return false;
  const int words = CountWords(line);
  if (words < 4 && CodePoints(line) < 25) return false;
  // "KENYATAAN MEDIA", "Kementerian Sumber Manusia Malaysia": a label or a name.
  if (words <= 5 && AllCapitalised(line)) return false;
  if (auto m = DateParser::Get().FindFirst(line, true, false); m && line.size() - (m->end - m->begin) <= 24)
    return false;
  return true;
}

// Hard-wrapped prose (e-mail, wire copy): the line stops mid-sentence and the
// next one carries on. Such lines are a paragraph, never a header block.
bool ContinuesIntoNext(std::string_view line, std::string_view next) {
  if (line.empty() || next.empty()) return false;
  const char last = line.back();
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == '"') return false;
  if (last == ',' || last == ';' || last == '-') return true;
  const auto first = static_cast<unsigned char>(next.front());
  if (first >= 'a' && first <= 'z') return true;
  // Two long lines in a row are wrapped text, whatever their case, unless the
  // first is page chrome: site names and menus use separators prose doesn't.
  auto separated = [](std::string_view l) {
    return l.find(" | ") != std::string_view::npos || l.find("  ") != std::string_view::npos ||
           l.find(" > ") != std::string_view::npos || l.find(" \xC2\xBB ") != std::string_view::npos;
  };
  return !separated(line) && !separated(next) && CountWords(line) >= 8 && line.size() >= 55 && next.size() >= 40;
}

}  // namespace

TitleChoice ChooseTitle(std::string_view stated, const std::vector<std::string>& lines, std::size_t skip_line,
                        std::size_t skip, std::size_t header_limit) {
  TitleChoice choice;
  choice.title = extract::Trim(stated);
  if (!choice.title.empty()) {
    choice.title = Shorten(std::move(choice.title), kMaxHeadlineChars);
    return choice;
  }
  if (skip_line == std::string::npos) {
    // The header block: lines before the first paragraph. Scraped pages put
    // the site's name and section there before the headline, so the last
    // substantial headline-like line wins; a lone first line is the headline.
    constexpr std::size_t kParagraph = 100;
    std::size_t first = std::string::npos, best = std::string::npos;
    for (std::size_t i = 0; i < lines.size() && i < header_limit; ++i) {
      const std::string& line = lines[i];
      if (line.empty()) {
        if (best != std::string::npos) break;  // a blank line after the headline ends the header
        continue;
      }
      if (line.size() >= kParagraph && !ReadsLikeHeadline(line)) break;
      if (i + 1 < lines.size() && ContinuesIntoNext(line, lines[i + 1])) break;
      // A sentence ends the header too (hard-wrapped or one-sentence-per-line text).
      if (first != std::string::npos && line.back() == '.' && CountWords(line) > 3) break;
      if (first == std::string::npos) first = i;
      if (SubstantialHeadline(line)) best = i;
      if (line.size() >= kParagraph) break;
    }
    if (best == std::string::npos && first != std::string::npos && ReadsLikeHeadline(lines[first])) best = first;
    if (best != std::string::npos) {
      choice.title = Shorten(lines[best], kMaxHeadlineChars);
      choice.line = best;
      return choice;
    }
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (line.empty()) continue;
    if (i == skip_line) {
      line = extract::TrimView(line.substr(std::min(skip, line.size())));
      if (line.empty()) continue;
    }
    choice.title = Shorten(std::string(FirstSentence(line)), kMaxLeadTitleChars);
    return choice;
  }
  return choice;
}

}  // namespace pressdex
