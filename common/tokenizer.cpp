#include "common/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <vector>

#include "common/normalize.h"

namespace pressdex {
namespace {

// Break iterators are costly to create (dictionaries load lazily) and not
// thread-safe: one per thread, created on first use only.
icu::BreakIterator* WordBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return breaker.get();
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// ICU keeps "U.S" and "e.g" as one word; the query parser reads "U.S." as the
// acronym "us". Dropping the dots between letters makes both sides agree.
std::string DropAcronymDots(std::string folded) {
  if (folded.find('.') == std::string::npos) return folded;
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (c == '.' && i > 0 && IsAsciiLetter(folded[i - 1])) continue;
    out.push_back(c);
  }
  return out;
}

// A trailing or leading apostrophe is punctuation, not part of the word.
std::string TrimApostrophes(std::string folded) {
  while (!folded.empty() && folded.back() == '\'') folded.pop_back();
  std::size_t start = 0;
  while (start < folded.size() && folded[start] == '\'') ++start;
  return start ? folded.substr(start) : folded;
}

}  // namespace

std::string FoldToken(std::string_view raw) { return TrimApostrophes(DropAcronymDots(FoldForMatch(raw))); }

std::string FoldTokenKeepAccents(std::string_view raw) {
  return TrimApostrophes(DropAcronymDots(FoldKeepAccents(raw)));
}

namespace {

// Lao writes ໝ and ໜ either as one letter or as ຫ + ມ/ນ; NFKC folds them to
// the pair, but ICU's Lao dictionary only knows the single letters, so
// "ຫມາກ" would break as ຫ|ມາກ where "ໝາກ" stays whole. The break iterator
// reads the pairs as the letters; offsets are mapped back to the input.
constexpr std::string_view kLaoHo = "\xE0\xBA\xAB";  // ຫ U+0EAB
struct LaoLigatures {
  std::string text;                 // input with ຫມ -> ໝ, ຫນ -> ໜ
  std::vector<std::size_t> source;  // source[i]: input offset of text byte i (size()+1 entries)
};
bool NeedsLaoLigatures(std::string_view utf8) {
  for (auto at = utf8.find(kLaoHo); at != std::string_view::npos; at = utf8.find(kLaoHo, at + 3)) {
    const std::string_view next = utf8.substr(at + 3, 3);
    if (next == "\xE0\xBA\xA1" || next == "\xE0\xBA\x99") return true;  // ມ ນ
  }
  return false;
}
LaoLigatures ComposeLao(std::string_view utf8) {
  LaoLigatures out;
  out.text.reserve(utf8.size());
  out.source.reserve(utf8.size() + 1);
  for (std::size_t i = 0; i < utf8.size();) {
    const std::string_view pair = utf8.substr(i, 6);
    if (pair.substr(0, 3) == kLaoHo && (pair.substr(3) == "\xE0\xBA\xA1" || pair.substr(3) == "\xE0\xBA\x99")) {
      out.text += pair.substr(3) == "\xE0\xBA\xA1" ? "\xE0\xBB\x9D" : "\xE0\xBB\x9C";  // ໝ ໜ
      for (int k = 0; k < 3; ++k) out.source.push_back(i);
      i += 6;
      continue;
    }
    out.text += utf8[i];
    out.source.push_back(i);
    ++i;
  }
  out.source.push_back(utf8.size());
  return out;
}

void Segment(std::string_view utf8, const std::vector<std::size_t>* source, std::string_view original,
             const TokenSink& sink) {
  icu::BreakIterator* breaker = WordBreaker();
  if (breaker == nullptr) return;
  UErrorCode status = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) return;
  breaker->setText(text, status);
  if (U_FAILURE(status)) {
    utext_close(text);
    return;
  }
  Token token;
  int32_t start = breaker->first();
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE; start = end, end = breaker->next()) {
    if (breaker->getRuleStatus() == UBRK_WORD_NONE) continue;
    token.begin = source ? (*source)[static_cast<std::size_t>(start)] : static_cast<std::size_t>(start);
    token.end = source ? (*source)[static_cast<std::size_t>(end)] : static_cast<std::size_t>(end);
    token.raw = original.substr(token.begin, token.end - token.begin);
    token.term = FoldToken(token.raw);
    if (token.term.empty()) continue;
    sink(token);
  }
  utext_close(text);
}

}  // namespace

void ForEachToken(std::string_view utf8, const TokenSink& sink) {
  if (utf8.empty()) return;
  if (NeedsLaoLigatures(utf8)) {
    const LaoLigatures composed = ComposeLao(utf8);
    Segment(composed.text, &composed.source, utf8, sink);
    return;
  }
  Segment(utf8, nullptr, utf8, sink);
}

std::vector<std::string> Terms(std::string_view utf8) {
  std::vector<std::string> terms;
  ForEachToken(utf8, [&](const Token& t) { terms.push_back(t.term); });
  return terms;
}

}  // namespace pressdex
