// The headline of a release.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pressdex {

struct TitleChoice {
  std::string title;
  // Index of the line the title was taken whole from (it and the header
  // lines above it then leave the body text); npos when it came from
  // metadata or a sentence of the lead.
  std::size_t line = std::string::npos;
};

// The stated title when there is one; else the last headline-like line of
// the header block above the first paragraph (site names, section labels and
// date strips skipped; `line` tells which); else the first sentence of the
// lead, after `skip` bytes of dateline on line `skip_line`. A headline is
// kept whole (up to 1,000 characters); a lead sentence is cut to 160.
// `header_limit`: the header block ends before this line (the dateline's).
TitleChoice ChooseTitle(std::string_view stated, const std::vector<std::string>& lines,
                        std::size_t skip_line = std::string::npos, std::size_t skip = 0,
                        std::size_t header_limit = std::string::npos);

}  // namespace pressdex
