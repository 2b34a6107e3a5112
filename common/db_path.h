// Where the database lives; the same rule for every tool.
#pragma once

#include <string>
#include <string_view>

namespace pressdex {

// --db DIR if given, else $PRESSDEX_DB, else
// ${XDG_DATA_HOME:-$HOME/.local/share}/pressdex/db.
std::string ResolveDatabasePath(std::string_view from_option);

}  // namespace pressdex
