#include "common/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

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

void ForEachToken(std::string_view utf8, const TokenSink& sink) {
  if (utf8.empty()) return;
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
    token.begin = static_cast<std::size_t>(start);
    token.end = static_cast<std::size_t>(end);
    token.raw = utf8.substr(token.begin, token.end - token.begin);
    token.term = FoldToken(token.raw);
    if (token.term.empty()) continue;
    sink(token);
  }
  utext_close(text);
}

std::vector<std::string> Terms(std::string_view utf8) {
  std::vector<std::string> terms;
  ForEachToken(utf8, [&](const Token& t) { terms.push_back(t.term); });
  return terms;
}

}  // namespace pressdex
