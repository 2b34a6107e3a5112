// How Pressdex weighs a match: the one place for the BM25 parameters. They
// were chosen on one test collection and checked on four others (no
// per-collection tuning); method and figures in docs/relevance.md.
#pragma once

#include <xapian.h>

namespace pressdex {

struct Bm25Parameters {
  double k1;           // term-frequency saturation (0: presence only)
  double k2;           // document-length correction (Xapian extension; 0 = classic BM25)
  double k3;           // query-term-frequency saturation (repeated query words)
  double b;            // length normalisation (0: none, 1: full)
  double min_normlen;  // floor on length / average length, so tiny documents don't dominate
};

// Xapian's defaults are {1, 0, 1, 0.5, 0.5}. k1 and b were chosen on TIME
// (news, like press releases) from a grid of k1 0.8..3.0 and b 0.4..0.9;
// the same values also beat the defaults on MED, CRAN, CISI and CACM.
// k3 does not matter here: QueryParser gives each word its own leaf.
inline constexpr Bm25Parameters kBm25{1.6, 0.0, 1.0, 0.6, 0.5};

// The weighting scheme every ranked search uses.
Xapian::BM25Weight RankingWeight();

}  // namespace pressdex
