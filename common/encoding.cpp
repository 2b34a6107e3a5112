#include "common/encoding.h"

#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

#include "common/normalize.h"

namespace pressdex {
namespace {

Result<std::string> Convert(std::string_view bytes, const char* charset) {
  // Unconvertible bytes become U+FFFD (ICU's substitution callback).
  const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), charset);
  if (text.isBogus()) return Status::InvalidArgument(std::string("cannot convert from ") + charset);
  std::string out;
  text.toUTF8String(out);
  return out;
}

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
    auto converted = Convert(bytes.substr(2), cs);
    if (!converted.ok()) return converted.status();
    if (LooksBinary(converted.value())) return Status::InvalidArgument("binary content after a UTF-16 byte order mark");
    return DecodedText{std::move(converted.value()), cs, 0};
  }
  if (LooksBinary(bytes)) return Status::InvalidArgument("binary content (NUL or control bytes), not text");
  if (IsAscii(bytes)) return DecodedText{std::string(bytes), "US-ASCII", 0};

  const Utf8Census census = CountUtf8(bytes);
  if (census.invalid == 0) return DecodedText{std::string(bytes), "UTF-8", 0};
  // Mostly good UTF-8 with a few broken bytes (a bad copy-paste, a cut in the
  // middle of a character): repair it rather than reading all of it as Latin-1.
  if (census.multibyte >= census.invalid) return DecodedText{SanitizeUtf8(bytes), "UTF-8", census.invalid};

  // Not UTF-8: ask ICU which legacy charset it most likely is.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), &ucsdet_close);
  const char* name = nullptr;
  if (U_SUCCESS(status)) {
    ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    const UCharsetMatch* match = U_SUCCESS(status) ? ucsdet_detect(detector.get(), &status) : nullptr;
    if (match != nullptr && U_SUCCESS(status)) name = ucsdet_getName(match, &status);
    if (U_FAILURE(status)) name = nullptr;
  }
  std::string charset = name != nullptr ? name : "windows-1252";
  // ICU reports ISO-8859-1 for text that is usually Windows-1252 (curly quotes
  // in 0x80-0x9F), and may still say UTF-8 for bytes we found invalid.
  if (charset == "ISO-8859-1" || charset == "UTF-8" || charset.rfind("UTF-16", 0) == 0 ||
      charset.rfind("UTF-32", 0) == 0)
    charset = "windows-1252";
  auto converted = Convert(bytes, charset.c_str());
  if (!converted.ok()) return DecodedText{SanitizeUtf8(bytes), "UTF-8", census.invalid};
  return DecodedText{SanitizeUtf8(converted.value()), charset, 0};
}

}  // namespace pressdex
