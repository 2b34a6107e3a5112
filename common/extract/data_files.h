// Where the shipped data files (orgs.toml, taxonomy.toml) are found: the
// directory named by $PRESSDEX_DATA_DIR, then the installed share/pressdex,
// then the source tree's data/ (for runs from a build directory).
#pragma once

#include <toml++/toml.h>

#include <string>
#include <string_view>

#include "common/status.h"

namespace pressdex {

// Full path of data file `name` in the first directory that has it.
Result<std::string> FindDataFile(std::string_view name);

// Parses a TOML data file's text; a syntax error is an InvalidArgument
// naming `origin` and the line.
Result<toml::table> ParseDataToml(std::string_view toml_text, std::string_view origin);

}  // namespace pressdex
