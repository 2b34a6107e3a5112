#include "common/ranking.h"

namespace pressdex {

Xapian::IneB2Weight RankingWeight() { return Xapian::IneB2Weight(kNormalisationC); }

}  // namespace pressdex
