// Brings file bytes to valid UTF-8: BOMs honoured, UTF-16 and legacy 8-bit
// charsets (Latin-1, Windows-1252...) detected with ICU and converted,
// binary content refused.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace pressdex {

struct DecodedText {
  std::string utf8;
  std::string charset;  // what the bytes were: "UTF-8", "UTF-16LE", "windows-1252"...
};

// InvalidArgument("binary content ...") for data that is not text.
Result<DecodedText> DecodeToUtf8(std::string_view bytes);

}  // namespace pressdex
