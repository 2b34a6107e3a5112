// Where the shipped data files (orgs.toml, taxonomy.toml) are found: the
// directory named by $PRESSDEX_DATA_DIR, then the installed share/pressdex,
// then the source tree's data/ (for runs from a build directory).
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace pressdex {

// Full path of data file `name` in the first directory that has it.
Result<std::string> FindDataFile(std::string_view name);

}  // namespace pressdex
