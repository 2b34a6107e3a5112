// toml++'s implementation, compiled into pressdex_common instead of linking
// Debian's libtomlplusplus.so: one shared library fewer for the loader to map
// and relocate at every pressdex-search start (issue #5; bench/cli). The
// headers are the package's; TOML_HEADER_ONLY=0 comes from common/CMakeLists.txt.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
