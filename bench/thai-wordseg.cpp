// Thai word-boundary accuracy against the hand-segmented wisesight samples
// (../shared/data/wisesight_thai_wordseg, one message per line, '|' between
// words, spaces their own tokens). Scores ICU's dictionary word break
// iterator as it comes (the baseline) and Pressdex's segmentation
// (ForEachSegment: ICU plus the script-run cuts of tokenizer.cpp).
// Boundary P/R/F1: every position inside a message where a word ends
// (spaces and punctuation are tokens too, as in the gold). Word P/R/F1: a
// word counts when both its ends are right and nothing cuts it.
// Built and run by bench/thai-wordseg.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/tokenizer.h"

namespace {

struct Counts {
  long tp = 0, fp = 0, fn = 0;
  void Add(const std::set<std::size_t>& got, const std::set<std::size_t>& gold) {
    for (auto b : got) (gold.count(b) ? tp : fp)++;
    for (auto b : gold) fn += got.count(b) ? 0 : 1;
  }
  void AddWords(const std::set<std::pair<std::size_t, std::size_t>>& got,
                const std::set<std::pair<std::size_t, std::size_t>>& gold) {
    for (const auto& w : got) (gold.count(w) ? tp : fp)++;
    for (const auto& w : gold) fn += got.count(w) ? 0 : 1;
  }
  double P() const { return tp + fp ? double(tp) / double(tp + fp) : 0; }
  double R() const { return tp + fn ? double(tp) / double(tp + fn) : 0; }
  double F1() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
};

std::set<std::pair<std::size_t, std::size_t>> Words(const std::set<std::size_t>& cuts, std::size_t size) {
  std::set<std::pair<std::size_t, std::size_t>> words;
  std::size_t start = 0;
  for (auto c : cuts) {
    words.emplace(start, c);
    start = c;
  }
  words.emplace(start, size);
  return words;
}

std::set<std::size_t> IcuCuts(const std::string& text) {
  static std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    return std::unique_ptr<icu::BreakIterator>(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  }();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  breaker->setText(ut, status);
  std::set<std::size_t> cuts;
  for (int32_t b = breaker->first(); b != icu::BreakIterator::DONE; b = breaker->next()) {
    if (b > 0 && static_cast<std::size_t>(b) < text.size()) cuts.insert(static_cast<std::size_t>(b));
  }
  utext_close(ut);
  return cuts;
}

std::set<std::size_t> PressdexCuts(const std::string& text) {
  std::set<std::size_t> cuts;
  pressdex::ForEachSegment(text, [&](std::size_t, std::size_t end, bool) {
    if (end < text.size()) cuts.insert(end);
  });
  return cuts;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: thai-wordseg FILE.label...\n");
    return 2;
  }
  std::printf("| file | messages | segmenter | boundary P | boundary R | boundary F1 | word F1 |\n");
  std::printf("|---|---:|---|---:|---:|---:|---:|\n");
  for (int a = 1; a < argc; ++a) {
    std::ifstream in(argv[a]);
    if (!in) {
      std::fprintf(stderr, "thai-wordseg: cannot read %s\n", argv[a]);
      return 1;
    }
    Counts icu, pdx, icu_words, pdx_words;
    long messages = 0;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      ++messages;
      std::string text;
      std::set<std::size_t> gold;
      for (const char c : line) {
        if (c == '|') {
          if (!text.empty()) gold.insert(text.size());
        } else {
          text.push_back(c);
        }
      }
      gold.erase(text.size());
      const auto icu_cuts = IcuCuts(text);
      const auto pdx_cuts = PressdexCuts(text);
      icu.Add(icu_cuts, gold);
      pdx.Add(pdx_cuts, gold);
      icu_words.AddWords(Words(icu_cuts, text.size()), Words(gold, text.size()));
      pdx_words.AddWords(Words(pdx_cuts, text.size()), Words(gold, text.size()));
    }
    std::string name = argv[a];
    name = name.substr(name.find_last_of('/') + 1);
    std::printf("| %s | %ld | ICU 72 dictionary | %.4f | %.4f | %.4f | %.4f |\n", name.c_str(), messages, icu.P(),
                icu.R(), icu.F1(), icu_words.F1());
    std::printf("| %s | %ld | Pressdex | %.4f | %.4f | %.4f | %.4f |\n", name.c_str(), messages, pdx.P(), pdx.R(),
                pdx.F1(), pdx_words.F1());
  }
  return 0;
}
