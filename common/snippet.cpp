#include "common/snippet.h"

#include <algorithm>
#include <unordered_set>

#include "common/language.h"
#include "common/tokenizer.h"

namespace pressdex {
namespace {

struct Hit {
  std::size_t begin;
  std::size_t end;
  std::size_t term;  // index into the distinct terms, to reward variety
};

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

Snippet MakeSnippet(std::string_view text, const SnippetRequest& request) {
  // Long releases: the passage is almost always near the top; bound the work.
  constexpr std::size_t kScanBytes = 64 * 1024;
  std::string_view scan = text.substr(0, std::min(text.size(), kScanBytes));
  while (!scan.empty() && (static_cast<unsigned char>(scan.back()) & 0xC0) == 0x80) scan.remove_suffix(1);
  if (!scan.empty() && static_cast<unsigned char>(scan.back()) >= 0xC0) scan.remove_suffix(1);

  // Every word is stemmed to compare it with the query's stems; cached, as
  // words repeat (stemming was 60 % of a snippet's instructions uncached).
  StemCache& stems = StemCacheFor(request.lang);
  const std::unordered_set<std::string> wanted(request.terms.begin(), request.terms.end());
  std::vector<Hit> hits;
  std::vector<std::string> distinct;
  ForEachToken(scan, [&](const Token& token) {
    std::string key;
    if (const std::string& stem = stems.Stem(token.term); wanted.count(stem) != 0) {
      key = stem;
    } else {
      for (const auto& prefix : request.wildcard_stems) {
        if (token.term.rfind(prefix, 0) == 0) {
          key = prefix + "*";
          break;
        }
      }
    }
    if (key.empty()) return;
    auto it = std::find(distinct.begin(), distinct.end(), key);
    const std::size_t index = static_cast<std::size_t>(it - distinct.begin());
    if (it == distinct.end()) distinct.push_back(key);
    hits.push_back(Hit{token.begin, token.end, index});
  });

  // Best window: most distinct terms, then most hits, then earliest.
  std::size_t best_start = 0;
  if (!hits.empty()) {
    std::size_t best_distinct = 0, best_count = 0;
    for (std::size_t i = 0; i < hits.size(); ++i) {
      std::vector<bool> seen(distinct.size(), false);
      std::size_t n_distinct = 0, count = 0;
      for (std::size_t j = i; j < hits.size() && hits[j].end - hits[i].begin <= request.max_bytes; ++j) {
        if (!seen[hits[j].term]) {
          seen[hits[j].term] = true;
          ++n_distinct;
        }
        ++count;
      }
      if (n_distinct > best_distinct || (n_distinct == best_distinct && count > best_count)) {
        best_distinct = n_distinct;
        best_count = count;
        best_start = hits[i].begin;
      }
    }
    // Give the first hit some lead-in context, starting at a word boundary.
    const std::size_t lead = request.max_bytes / 5;
    std::size_t start = best_start > lead ? best_start - lead : 0;
    while (start > 0 && !IsSpaceByte(text[start - 1])) --start;
    if (best_start - start > request.max_bytes / 2) start = best_start;
    best_start = start;
  }

  std::size_t end = std::min(text.size(), best_start + request.max_bytes);
  if (end < text.size()) {
    std::size_t cut = end;
    while (cut > best_start && !IsSpaceByte(text[cut])) --cut;
    if (cut > best_start) end = cut;
    while (end > best_start && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  }

  Snippet snippet;
  const bool cut_front = best_start > 0;
  const bool cut_back = end < text.size();
  if (cut_front) snippet.text = "…";
  const std::size_t offset = snippet.text.size();
  // Newlines become spaces so a snippet is one line.
  for (std::size_t i = best_start; i < end; ++i) snippet.text.push_back(IsSpaceByte(text[i]) ? ' ' : text[i]);
  if (cut_back) snippet.text += "…";
  for (const Hit& h : hits) {
    if (h.begin >= best_start && h.end <= end)
      snippet.highlights.emplace_back(h.begin - best_start + offset, h.end - best_start + offset);
  }
  return snippet;
}

}  // namespace pressdex
