// libFuzzer entry point; what it exercises is in fuzz/targets.cpp.
#include "fuzz/targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  pressdex::fuzz::Analyse(bytes);
  return 0;
}
