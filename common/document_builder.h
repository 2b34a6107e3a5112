// Turns a Release into the Xapian document the schema describes: terms with
// positions, boolean field terms, value slots and document data.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/release.h"

namespace pressdex {

struct TermWeights {
  // Title words count this many times in the body field (wdf), so a match in
  // the title outranks one in passing; they also go under the title prefix.
  unsigned title = 3;
};

// The folded, unstemmed words of a release's title and body, in order, as
// the document was built from them: what the spelling table and
// near-duplicate detection read, so the text is segmented only once.
struct IndexedWords {
  std::vector<std::string> title;
  std::vector<std::string> body;
};

// Thread-safe: each call builds an independent document. Fills `words` when given.
Xapian::Document BuildDocument(const Release& release, const TermWeights& weights = {}, IndexedWords* words = nullptr);

}  // namespace pressdex
