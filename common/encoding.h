// Brings file bytes to valid UTF-8: BOMs honoured, UTF-16 and legacy 8-bit
// charsets (Latin-1, Windows-1252...) detected with ICU and converted,
// UTF-8 with a few broken bytes repaired, binary content refused.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace pressdex {

struct DecodedText {
  std::string utf8;
  std::string charset;       // what the bytes were: "UTF-8", "UTF-16LE", "windows-1252"...
  std::size_t replaced = 0;  // invalid UTF-8 sequences replaced by U+FFFD (data lost: worth a warning)
};

// InvalidArgument("binary content ...") for data that is not text. Never throws.
Result<DecodedText> DecodeToUtf8(std::string_view bytes);

}  // namespace pressdex
