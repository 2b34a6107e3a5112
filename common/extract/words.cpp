#include "common/extract/words.h"

#include <unordered_set>

#include <unicode/uchar.h>

#include "common/extract/text_util.h"

namespace pressdex::extract {

namespace {

bool IsConnector(char32_t c) { return c == '-' || c == '\'' || c == 0x2019 || c == '&' || c == '.'; }

// Letters with case (Latin, Vietnamese...) and letters without (Thai, Han...).
enum class LetterKind { kOther, kCased, kCaseless };
LetterKind KindOf(char32_t c) {
  if (c < 0x80) return IsAsciiAlpha(static_cast<char>(c)) ? LetterKind::kCased : LetterKind::kOther;
  const auto u = static_cast<UChar32>(c);
  if (!u_isalpha(u)) return LetterKind::kOther;
  return u_hasBinaryProperty(u, UCHAR_CASED) ? LetterKind::kCased : LetterKind::kCaseless;
}

// A connector between a caseless and a cased letter joins two words, not one:
// "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-EXIM BANK" (site, section, headline) is no
// name in capitals, while "COVID-19", "Co-operation" and "Bộ-Ngành" stay whole.
// `word`: the word so far; `after`: the character after the connector.
bool ScriptChanges(std::string_view word, char32_t after) {
  const LetterKind b = KindOf(after);
  if (b == LetterKind::kOther) return false;
  LetterKind a = LetterKind::kOther;  // of the word's last letter (marks and digits say nothing)
  for (std::size_t i = 0; i < word.size();) {
    const LetterKind k = KindOf(NextCodePoint(word, &i));
    if (k != LetterKind::kOther) a = k;
  }
  return a != LetterKind::kOther && a != b;
}

}  // namespace

std::string MakeKey(std::string_view raw) {
  std::string key = WordKey(raw);
  std::string out;
  out.reserve(key.size());
  for (const char c : key) {
    if (c != '.') out.push_back(c);
  }
  return out;
}

// Words only a headline in title case capitalises mid-sentence.
bool IsTitleCaseMarker(const Word& w) {
  static const std::unordered_set<std::string_view> markers = {"to",  "for", "in", "on", "with",
                                                               "and", "of",  "at", "by", "from"};
  return w.initial_upper && !w.all_caps && !w.sentence_start && markers.count(w.key) != 0;
}

// Marks each run of capitalised words, unbroken by punctuation, that holds a
// title-case marker ("... Urges Appropriations Committee To Fund ...").
void MarkTitleRuns(std::vector<Word>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!IsTitleCaseMarker(words[i]) || words[i].in_title_run) continue;
    std::size_t first = i, last = i;
    while (first > 0 && words[first - 1].initial_upper && !words[first - 1].break_after) --first;
    while (last + 1 < words.size() && words[last + 1].initial_upper && !words[last].break_after) ++last;
    for (std::size_t k = first; k <= last; ++k) words[k].in_title_run = true;
  }
}

std::vector<Word> ScanWords(std::string_view text) {
  std::vector<Word> words;
  words.reserve(text.size() / 6);
  bool sentence_start = true;
  bool paren = false;
  std::size_t line_first_word = 0;
  std::vector<char> cased;  // per word: has cased letters
  auto finish_line = [&]() {
    int cased_words = 0, caps = 0;
    for (std::size_t k = line_first_word; k < words.size(); ++k) {
      if (cased[k]) ++cased_words;
      if (words[k].all_caps) ++caps;
    }
    if (cased_words >= 3 && caps * 10 >= cased_words * 6) {
      for (std::size_t k = line_first_word; k < words.size(); ++k) words[k].in_caps_line = true;
    }
    line_first_word = words.size();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const char32_t c = NextCodePoint(text, &i);
    if (!IsWordChar(c)) {
      if (c == '\n') {
        if (!words.empty()) words.back().break_after = true;
        finish_line();
        sentence_start = true;
      } else if (c == '.' || c == '!' || c == '?' || c == 0x3002) {
        if (!words.empty()) words.back().break_after = true;
        sentence_start = true;
      } else if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == 0x201C || c == 0x201D ||
                 c == '[' || c == ']' || c == '/' || c == 0x2013 || c == 0x2014 || c == '|') {
        if (!words.empty()) words.back().break_after = true;
        if (c == ')' && !words.empty() && words.back().end == start) words.back().paren_after = true;
        if (c == 0x2013 || c == 0x2014) sentence_start = true;
      } else if (c == '-' && start > 0 && text[start - 1] == ' ') {
        if (!words.empty()) words.back().break_after = true;
        sentence_start = true;
      }
      paren = c == '(';
      continue;
    }
    // A word: word characters joined by inner connectors.
    std::size_t end = i;
    bool has_inner_dot = false;
    while (end < text.size()) {
      std::size_t j = end;
      const char32_t d = NextCodePoint(text, &j);
      if (IsWordChar(d)) {
        end = j;
        continue;
      }
      if (IsConnector(d) && j < text.size()) {
        std::size_t k = j;
        const char32_t e = NextCodePoint(text, &k);
        if (IsWordChar(e) && !ScriptChanges(text.substr(start, end - start), e)) {
          if (d == '.') has_inner_dot = true;
          end = k;
          continue;
        }
        // "U.S." keeps its last dot.
        if (d == '.' && has_inner_dot) {
          end = j;
          break;
        }
      }
      break;
    }
    Word w;
    w.begin = start;
    w.raw = text.substr(start, end - start);
    // Possessives: "China's", "ASEAN’s", "Officials’".
    for (const std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
      if (w.raw.size() > suffix.size() + 1 && w.raw.substr(w.raw.size() - suffix.size()) == suffix) {
        w.raw.remove_suffix(suffix.size());
        w.possessive = true;
        break;
      }
    }
    w.end = w.begin + w.raw.size();
    w.initial_upper = IsUpperChar(c);
    int letters = 0, lower = 0;
    std::size_t k = 0;
    while (k < w.raw.size()) {
      const char32_t e = NextCodePoint(w.raw, &k);
      if (IsLowerChar(e)) ++lower;
      if (IsUpperChar(e) || IsLowerChar(e)) ++letters;
    }
    w.all_caps = letters >= 2 && lower == 0;
    w.sentence_start = sentence_start;
    w.paren_before = paren;
    w.key = MakeKey(w.raw);
    words.push_back(std::move(w));
    cased.push_back(letters > 0);
    sentence_start = false;
    paren = false;
    i = end;
  }
  if (!words.empty()) words.back().break_after = true;
  finish_line();
  MarkTitleRuns(words);
  return words;
}

std::string SpanText(std::string_view text, const std::vector<Word>& words, std::size_t first, std::size_t count) {
  std::string out;
  const std::string_view span = text.substr(words[first].begin, words[first + count - 1].end - words[first].begin);
  bool space = false;
  for (const char c : span) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace pressdex::extract
