#include "common/extract/acronyms.h"

#include "common/extract/gazetteer.h"
#include "common/extract/text_util.h"

namespace pressdex {

using extract::Word;

namespace {

char Lower(char c) { return extract::IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAlnum(char c) {
  return extract::IsAsciiAlpha(c) || extract::IsAsciiDigit(c) || static_cast<unsigned char>(c) >= 0x80;
}

// Start offset in `long_text` of the shortest long form for `acronym`, or npos.
std::size_t SchwartzHearst(std::string_view acronym, std::string_view long_text) {
  long s = static_cast<long>(acronym.size()) - 1;
  long l = static_cast<long>(long_text.size()) - 1;
  while (s >= 0) {
    const char c = Lower(acronym[static_cast<std::size_t>(s)]);
    if (!IsAlnum(c)) {
      --s;
      continue;
    }
    while (l >= 0 && (Lower(long_text[static_cast<std::size_t>(l)]) != c ||
                      (s == 0 && l > 0 && IsAlnum(long_text[static_cast<std::size_t>(l - 1)])))) {
      --l;
    }
    if (l < 0) return std::string_view::npos;
    --l;
    --s;
  }
  return static_cast<std::size_t>(l + 1);
}

bool IsLeadingFiller(std::string_view key) {
  return key == "the" || key == "a" || key == "an" || key == "its" || key == "our" || key == "their";
}

}  // namespace

std::vector<AcronymDefinition> FindAcronymDefinitions(std::string_view text, const std::vector<Word>& words) {
  std::vector<AcronymDefinition> out;
  for (std::size_t a = 1; a < words.size(); ++a) {
    const Word& acr = words[a];
    if (!acr.paren_before || !acr.paren_after || !IsAcronymLike(acr.raw)) continue;
    // The words right before the bracket, within the same clause.
    const std::size_t last = a - 1;
    if (text.substr(words[last].end, acr.begin - words[last].end).find('(') == std::string_view::npos) continue;
    std::size_t letters = 0;
    for (const char c : acr.raw) letters += extract::IsAsciiAlpha(c) || extract::IsAsciiDigit(c);
    const std::size_t max_words = std::min(letters + 5, letters * 2);
    std::size_t first = last;
    while (first > 0 && last - first + 1 < max_words && !words[first - 1].break_after) --first;
    const std::size_t base = words[first].begin;
    const std::string_view window = text.substr(base, words[last].end - base);
    const std::size_t start = SchwartzHearst(acr.raw, window);
    if (start == std::string_view::npos) continue;
    std::size_t w = first;
    while (w < last && words[w].end <= base + start) ++w;
    // The long form starts at a word start, capitalised, after any "the".
    while (w < last && IsLeadingFiller(words[w].key)) ++w;
    if (!words[w].initial_upper) continue;
    const std::size_t count = last - w + 1;
    // A one-word "long form" is usually the acronym spelt differently.
    if (count < 2 && words[w].raw.size() <= acr.raw.size() + 2) continue;
    AcronymDefinition def;
    def.long_form = extract::SpanText(text, words, w, count);
    def.acronym = std::string(acr.raw);
    def.first_word = w;
    def.word_count = count;
    def.acronym_word = a;
    out.push_back(std::move(def));
  }
  return out;
}

}  // namespace pressdex
