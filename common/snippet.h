// Snippets: the passage of a release that best shows why it matched, with
// the matching words marked. Words are found by the same tokenizer and
// stemmer as at index time, so "Việt Nam" highlights for a query "viet nam".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pressdex {

struct Snippet {
  std::string text;                                             // plain text, "…" where cut
  std::vector<std::pair<std::size_t, std::size_t>> highlights;  // byte ranges into `text`
};

struct SnippetRequest {
  std::vector<std::string> terms;           // stemmed query terms
  std::vector<std::string> wildcard_stems;  // folded prefixes of wildcard words
  std::string lang;                         // the release's language (its stemmer)
  std::size_t max_bytes = 240;
};

Snippet MakeSnippet(std::string_view text, const SnippetRequest& request);

}  // namespace pressdex
