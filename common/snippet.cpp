#include "common/snippet.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "common/language.h"
#include "common/normalize.h"
#include "common/segment.h"
#include "common/tokenizer.h"

namespace pressdex {
namespace {

struct Hit {
  std::size_t begin;
  std::size_t end;
  std::size_t term;  // index into the distinct terms, to reward variety
};

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Where `part` (bytes [part_begin, part_end) of the folded `term`) lies in the
// word as written, `raw`: folding changes lengths (NFKC splits Thai ำ into
// two characters, drops ๆ and zero-width characters), so the raw prefix
// whose fold is the term's prefix is looked for at each character boundary.
// The whole word when no boundary fits.
std::pair<std::size_t, std::size_t> RawSpan(std::string_view raw, std::string_view term, std::size_t part_begin,
                                            std::size_t part_end) {
  std::size_t begin = std::string_view::npos, end = std::string_view::npos;
  for (std::size_t k = 0; k <= raw.size() && end == std::string_view::npos; ++k) {
    if (k < raw.size() && (static_cast<unsigned char>(raw[k]) & 0xC0) == 0x80) continue;
    const std::size_t folded = FoldForMatch(raw.substr(0, k)).size();
    if (folded == part_begin) begin = k;  // the last such boundary: what folds away goes before
    if (folded == part_end && begin != std::string_view::npos && k > begin) end = k;
  }
  if (begin == std::string_view::npos || end == std::string_view::npos ||
      FoldForMatch(raw.substr(begin, end - begin)) != term.substr(part_begin, part_end - part_begin))
    return {0, raw.size()};
  return {begin, end};
}

// The last word boundary in [from, limit] of `text`, `from` being one.
std::size_t LastWordBoundary(std::string_view text, std::size_t from, std::size_t limit) {
  // A little past `limit`, so the word there is read whole.
  std::size_t stop = std::min(text.size(), limit + 64);
  while (stop < text.size() && (static_cast<unsigned char>(text[stop]) & 0xC0) == 0x80) ++stop;
  std::size_t last = from;
  ForEachSegment(text.substr(from, stop - from), [&](std::size_t, std::size_t end, bool) {
    if (from + end <= limit) last = from + end;
  });
  return last;
}

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
  std::vector<std::string> wildcard_keys;
  for (const auto& prefix : request.wildcard_stems) wildcard_keys.push_back(prefix + "*");
  // The query term a folded word stands for: its stem, or a wildcard's
  // prefix; empty for most words, without a copy (every word of the scan
  // comes here).
  // Most words of a text can't match: where the stemmer keeps first bytes,
  // only words starting as a query stem does are stemmed (stemming the rest
  // was half of a one-shot call's snippet work on cold caches).
  std::array<bool, 256> may_match{};
  const bool filtered = StemKeepsFirstByte(request.lang);
  for (const auto& term : request.terms) {
    if (!term.empty()) may_match[static_cast<unsigned char>(term[0])] = true;
  }
  // An ASCII word folds to its lower case (less any dots): one whose first
  // letter no query stem or wildcard starts with can't match and isn't even
  // folded (folding every word was 40 % of a snippet's instructions).
  std::array<bool, 256> may_start = may_match;
  for (const auto& prefix : request.wildcard_stems) {
    if (!prefix.empty()) may_start[static_cast<unsigned char>(prefix[0])] = true;
  }
  const bool no_wildcard_matches_all = std::none_of(request.wildcard_stems.begin(), request.wildcard_stems.end(),
                                                    [](const std::string& prefix) { return prefix.empty(); });
  const RawWordFilter may_fold = [&](std::string_view raw) {
    if (!filtered || !no_wildcard_matches_all || raw.empty() || !IsAscii(raw)) return true;
    const auto first = static_cast<unsigned char>(raw[0]);
    if (first >= 'A' && first <= 'Z') return may_start[first - 'A' + 'a'];
    if ((first >= 'a' && first <= 'z') || (first >= '0' && first <= '9')) return may_start[first];
    return true;  // folding may drop a leading mark: fold and see
  };
  auto key_of = [&](const std::string& term) -> std::string_view {
    if (term.empty() || !filtered || may_match[static_cast<unsigned char>(term[0])]) {
      if (auto it = wanted.find(stems.Stem(term)); it != wanted.end()) return *it;
    }
    for (std::size_t i = 0; i < request.wildcard_stems.size(); ++i) {
      if (term.starts_with(request.wildcard_stems[i])) return wildcard_keys[i];
    }
    return {};
  };
  auto add_hit = [&](std::size_t begin, std::size_t end, std::string_view key) {
    auto it = std::find(distinct.begin(), distinct.end(), key);
    const std::size_t index = static_cast<std::size_t>(it - distinct.begin());
    if (it == distinct.end()) distinct.emplace_back(key);
    hits.push_back(Hit{begin, end, index});
  };
  ForEachToken(
      scan,
      [&](const Token& token) {
        if (const std::string_view key = key_of(token.term); !key.empty()) {
          add_hit(token.begin, token.end, key);
          return;
        }
        // The index also holds the parts of long compounds and the characters of
        // Chinese words (ForEachSubword, as AddTokens posts them), so a query
        // word can match inside a longer word: มหานคร in กรุงเทพมหานคร. Without
        // this the snippet of such a release was its first lines, word missing.
        if (IsAscii(token.raw)) return;
        ForEachSubword(token.term, [&](std::string_view part, unsigned) {
          const std::string_view key = key_of(std::string(part));
          if (key.empty()) return;
          const auto part_begin = static_cast<std::size_t>(part.data() - token.term.data());
          const auto [begin, end] = RawSpan(token.raw, token.term, part_begin, part_begin + part.size());
          add_hit(token.begin + begin, token.begin + end, key);
        });
      },
      may_fold);

  // Best window: most distinct terms, then most hits, then earliest.
  std::size_t best_start = 0;
  std::size_t keep = 0;  // the window ends after this: the first hit's end
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
        keep = hits[i].end;
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
    // End at a space, but never before the first hit: Thai puts spaces
    // between sentences, not words, so the last space could come before it
    // (the snippet then showed the lead-in only). Without a space after the
    // hit, end at a word boundary.
    keep = std::clamp(keep, best_start, end);
    std::size_t cut = end;
    while (cut > keep && !IsSpaceByte(text[cut])) --cut;
    if (cut > keep)
      end = cut;
    else if (keep > best_start)
      end = LastWordBoundary(text, keep, end);
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
