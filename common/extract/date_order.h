// The order of day and month a file's records write their dates in. A feed
// writes every date one way, so "10-25-2017" in one record proves that
// "08-12-2018" in another is 12 August: the Malaysian news records are
// month-first throughout, and read day-first (--date-order's default) 84 of
// their 268 dates came out wrong.
#pragma once

#include <optional>
#include <vector>

#include "common/release.h"

namespace pressdex {

// true (day first) when some record's stated date can only be read day
// first and none only month first; false the other way round; nullopt when
// the dates show no order, or both.
std::optional<bool> StatedDayFirst(const std::vector<SourceRecord>& records);

}  // namespace pressdex
