// Facets drawn for people (text) and shaped for scripts (JSON). The same
// data either way: values in FacetResult order, "… and K more".
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/facets.h"

namespace pressdex {

struct FacetTextOptions {
  std::size_t width = 100;  // terminal columns; the date bars scale to it
  bool color = false;       // ANSI styling
};

// A compact table per field (value, count, "… and K more") and the date
// histogram as horizontal bars of Unicode block characters, each facet
// ending with a blank line. Empty for no facets.
std::string RenderFacetsText(const std::vector<FacetResult>& facets, const FacetTextOptions& options);

// {"org": {"values": [{"value": "ASEAN Secretariat", "count": 3}, ...],
//          "more": 2, "exact": true},
//  "date": {"granularity": "month", "values": [..., {"value": "unknown",
//           "count": 0}], "more": 0, "exact": true}}
// Keys in the order requested.
nlohmann::ordered_json FacetsToJson(const std::vector<FacetResult>& facets);

// Terminal columns a UTF-8 string takes (wide East Asian characters 2,
// combining marks 0). Exposed for tests.
std::size_t DisplayWidth(std::string_view text);

}  // namespace pressdex
