#include "common/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <memory>

#include "common/normalize.h"

namespace pressdex {
namespace {

Result<std::string> Convert(std::string_view bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), charset);
  if (text.isBogus()) return Status::InvalidArgument(std::string("cannot convert from ") + charset);
  std::string out;
  text.toUTF8String(out);
  (void)status;
  return out;
}

// Control bytes other than whitespace mean binary data, not text.
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

}  // namespace

Result<DecodedText> DecodeToUtf8(std::string_view bytes) {
  auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  if (starts("\xEF\xBB\xBF")) return DecodedText{SanitizeUtf8(bytes.substr(3)), "UTF-8"};
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    const char* cs = starts("\xFF\xFE") ? "UTF-16LE" : "UTF-16BE";
    auto converted = Convert(bytes.substr(2), cs);
    if (!converted.ok()) return converted.status();
    return DecodedText{std::move(converted.value()), cs};
  }
  if (IsAscii(bytes)) {
    if (LooksBinary(bytes)) return Status::InvalidArgument("binary content (control bytes), not text");
    return DecodedText{std::string(bytes), "US-ASCII"};
  }
  if (IsValidUtf8(bytes)) {
    if (LooksBinary(bytes)) return Status::InvalidArgument("binary content (control bytes), not text");
    return DecodedText{std::string(bytes), "UTF-8"};
  }
  if (LooksBinary(bytes)) return Status::InvalidArgument("binary content (NUL or control bytes), not text");

  // Not UTF-8: ask ICU which legacy charset it most likely is.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), &ucsdet_close);
  if (U_FAILURE(status)) return DecodedText{SanitizeUtf8(bytes), "UTF-8 (repaired)"};
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  const char* name = U_SUCCESS(status) && match != nullptr ? ucsdet_getName(match, &status) : nullptr;
  if (name == nullptr || U_FAILURE(status)) name = "windows-1252";
  std::string charset = name;
  // ICU reports ISO-8859-1 for text that is usually Windows-1252 (curly quotes in 0x80-0x9F).
  if (charset == "ISO-8859-1" || charset == "UTF-8") charset = "windows-1252";
  auto converted = Convert(bytes, charset.c_str());
  if (!converted.ok()) return DecodedText{SanitizeUtf8(bytes), "UTF-8 (repaired)"};
  return DecodedText{SanitizeUtf8(converted.value()), charset};
}

}  // namespace pressdex
