// Turns a Release into the Xapian document the schema describes: terms with
// positions, boolean field terms, value slots and document data.
#pragma once

#include <xapian.h>

#include <string_view>

#include "common/release.h"

namespace pressdex {

struct TermWeights {
  // Title words count this many times in the body field (wdf), so a match in
  // the title outranks one in passing; they also go under the title prefix.
  unsigned title = 3;
};

// Thread-safe: each call builds an independent document.
Xapian::Document BuildDocument(const Release& release, const TermWeights& weights = {});

}  // namespace pressdex
