// Brings file bytes to valid UTF-8: BOMs honoured, UTF-16 converted, legacy
// charsets (Latin-1, windows-1251, TIS-620, windows-1258, GB18030...) chosen
// as common/legacy_charset.h says and converted, UTF-8 with a few broken
// bytes repaired, binary content refused.
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
  bool uncertain = false;    // a legacy charset, and no reading of the bytes was convincing: worth a warning
};

// InvalidArgument("binary content ...") for data that is not text. Never throws.
Result<DecodedText> DecodeToUtf8(std::string_view bytes);

}  // namespace pressdex
