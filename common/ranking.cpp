#include "common/ranking.h"

namespace pressdex {

Xapian::BM25Weight RankingWeight() {
  const Bm25Parameters& p = kBm25;
  return Xapian::BM25Weight(p.k1, p.k2, p.k3, p.b, p.min_normlen);
}

}  // namespace pressdex
