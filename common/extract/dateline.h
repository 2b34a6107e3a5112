// Datelines: the "JAKARTA, 29 April 2020 –" or "Jakarta (VNA) –" that opens a
// story, or a line at the top that holds only the date.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/extract/date_parse.h"

namespace pressdex {

struct Dateline {
  std::size_t line = 0;           // index into the lines searched
  std::size_t length = 0;         // bytes of the dateline at the start of that line, dash included
  std::string place;              // normalised: "Jakarta"; empty for a date-only line
  std::string agency;             // "VNA" from "(VNA)"; empty when none
  std::optional<DateParts> date;  // year 0 when the dateline gives none ("Feb 26")
};

// Looks at the first few non-empty lines from `first_line` on. `lines` as
// CleanLines returns them.
std::optional<Dateline> FindDateline(const std::vector<std::string>& lines, std::size_t first_line, bool day_first);

}  // namespace pressdex
