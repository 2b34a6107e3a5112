#include "common/encoding.h"

#include <unicode/utf8.h>

#include "common/legacy_charset.h"
#include "common/normalize.h"

namespace pressdex {
namespace {

// NUL or many control bytes other than whitespace mean binary data, not text.
bool LooksBinary(std::string_view bytes) {
  const std::size_t n = bytes.size() < 8192 ? bytes.size() : 8192;
  std::size_t controls = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b) ++controls;
  }
  return n > 0 && controls * 20 > n;  // over 5 % control characters
}

struct Utf8Census {
  std::size_t multibyte = 0;  // valid non-ASCII characters
  std::size_t invalid = 0;    // invalid sequences
};

Utf8Census CountUtf8(std::string_view bytes) {
  Utf8Census census;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0)
      ++census.invalid;
    else
      ++census.multibyte;
  }
  return census;
}

}  // namespace

Result<DecodedText> DecodeToUtf8(std::string_view bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return Status::InvalidArgument("file too large to decode");
  auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  if (starts("\xEF\xBB\xBF"))
    bytes.remove_prefix(3);  // then decoded as UTF-8 below
  else if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    const char* cs = starts("\xFF\xFE") ? "UTF-16LE" : "UTF-16BE";
    auto converted = ConvertFrom(bytes.substr(2), cs);
    if (!converted.ok()) return converted.status();
    if (LooksBinary(converted->utf8)) return Status::InvalidArgument("binary content after a UTF-16 byte order mark");
    return DecodedText{std::move(converted->utf8), cs};
  }
  if (LooksBinary(bytes)) return Status::InvalidArgument("binary content (NUL or control bytes), not text");
  if (IsAscii(bytes)) return DecodedText{std::string(bytes), "US-ASCII"};

  const Utf8Census census = CountUtf8(bytes);
  if (census.invalid == 0) return DecodedText{std::string(bytes), "UTF-8"};
  // Mostly good UTF-8 with a few broken bytes (a bad copy-paste, a cut in the
  // middle of a character): repair it rather than reading all of it as Latin-1.
  if (census.multibyte >= census.invalid) return DecodedText{SanitizeUtf8(bytes), "UTF-8", census.invalid};

  // Not UTF-8: a legacy charset (common/legacy_charset.h says how it is chosen).
  const CharsetGuess guess = GuessLegacyCharset(bytes);
  auto converted = ConvertFrom(bytes, guess.charset.c_str());
  if (!converted.ok()) return DecodedText{SanitizeUtf8(bytes), "UTF-8", census.invalid};
  return DecodedText{SanitizeUtf8(converted->utf8), guess.charset, 0, guess.uncertain};
}

}  // namespace pressdex
