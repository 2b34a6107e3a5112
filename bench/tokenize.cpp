// Tokeniser throughput per language: ForEachToken (ICU word break + folding)
// over a file of texts (one per line), plus what the indexer adds per token
// (ForEachSubword, the exact-accent fold), as AddTokens does. Median of
// --runs passes. Built and run by bench/tokenize.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/normalize.h"
#include "common/segment.h"
#include "common/tokenizer.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: tokenize-bench RUNS LANG=FILE...\n");
    return 2;
  }
  const int runs = std::max(1, std::atoi(argv[1]));
  std::printf(
      "| lang | texts | MB | tokens | tokens/s (tokenize) | MB/s | tokens/s (+ index extras) | sub-words per 100 "
      "tokens |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|\n");
  for (int a = 2; a < argc; ++a) {
    const std::string arg = argv[a];
    const auto eq = arg.find('=');
    const std::string lang = arg.substr(0, eq), path = arg.substr(eq + 1);
    std::ifstream in(path);
    if (!in) {
      std::fprintf(stderr, "tokenize-bench: cannot read %s\n", path.c_str());
      return 1;
    }
    std::vector<std::string> texts;
    std::size_t bytes = 0;
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      bytes += line.size();
      texts.push_back(pressdex::SanitizeUtf8(line));
    }
    auto median = [](std::vector<double> v) {
      std::sort(v.begin(), v.end());
      return v[v.size() / 2];
    };
    std::size_t tokens = 0, subwords = 0;
    std::vector<double> plain, full;
    for (int r = 0; r < runs; ++r) {
      tokens = 0;
      auto t0 = std::chrono::steady_clock::now();
      for (const auto& t : texts) pressdex::ForEachToken(t, [&](const pressdex::Token&) { ++tokens; });
      plain.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      subwords = 0;
      std::size_t exact = 0;
      t0 = std::chrono::steady_clock::now();
      for (const auto& t : texts) {
        pressdex::ForEachToken(t, [&](const pressdex::Token& tok) {
          if (pressdex::IsAscii(tok.raw)) return;
          pressdex::ForEachSubword(tok.term, [&](std::string_view, unsigned) { ++subwords; });
          if (pressdex::MayHaveFoldedAccents(tok.raw)) exact += pressdex::FoldTokenKeepAccents(tok.raw).size();
        });
      }
      full.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      if (exact == 1) std::fputs("", stderr);  // keep the work observable
    }
    const double p = median(plain), f = median(full);
    std::printf("| %s | %zu | %.1f | %zu | %.0f | %.1f | %.0f | %.1f |\n", lang.c_str(), texts.size(), bytes / 1e6,
                tokens, tokens / p, bytes / 1e6 / p, tokens / f, 100.0 * subwords / std::max<std::size_t>(1, tokens));
  }
  return 0;
}
