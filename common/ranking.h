// How Pressdex weighs a match: the one place for the weighting scheme and its
// parameter. Chosen on one test collection and checked on four others (no
// per-collection tuning); method and figures in docs/relevance.md.
#pragma once

#include <xapian.h>

namespace pressdex {

// Xapian's IneB2, a divergence-from-randomness model: a word weighs by how
// far its count in a release exceeds what chance would put there (inverse
// expected document frequency), damped as the count grows (Bernoulli
// after-effect), the count first scaled to the release's length
// (normalisation 2, parameter c). It replaced BM25 (k1=1.6, b=0.6) after
// scoring best on TIME among BM25, BM25+, BB2, IfB2, InL2, PL2, DPH, DLH and
// two language models, and it also beat BM25 on MED, CRAN, CISI and CACM.
// c = 1 is Xapian's default; TIME is flat between 1 and 2.
inline constexpr double kNormalisationC = 1.0;

// The weighting scheme every ranked search uses.
Xapian::IneB2Weight RankingWeight();

}  // namespace pressdex
