// Text as an old editor would have saved it in a legacy charset, made with
// ICU's converters from UTF-8 (unit and end-to-end tests of decoding).
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

namespace pressdex::test {

// `utf8` in `charset`; "" if a character has no mapping there.
inline std::string EncodeAs(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(charset, &status), &ucnv_close);
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return {};
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::string out(static_cast<std::size_t>(text.length()) * 4 + 16, '\0');
  const int32_t n = text.extract(out.data(), static_cast<int32_t>(out.size()), converter.get(), status);
  if (U_FAILURE(status)) return {};
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// Vietnamese as windows-1258 writes it: a letter the charset lacks (ệ) as
// the letter it has (ê) plus a combining tone mark (U+0323), which is what
// iconv and Windows produce. ICU's encoder does not decompose, so each such
// letter is split here: its canonical decomposition with one mark taken out
// and the rest composed again, until both halves have a mapping. "" if some
// character has no windows-1258 form.
inline std::string EncodeWindows1258(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return {};
  auto mapped = [](const icu::UnicodeString& s) {
    std::string utf8_part;
    s.toUTF8String(utf8_part);
    return EncodeAs(utf8_part, "windows-1258");
  };
  const icu::UnicodeString text = nfc->normalize(icu::UnicodeString::fromUTF8(utf8), status);
  std::string out;
  for (int32_t i = 0; i < text.length();) {
    const icu::UnicodeString c(text.char32At(i));
    i += c.length();
    std::string bytes = mapped(c);
    const icu::UnicodeString parts = nfd->normalize(c, status);
    for (int32_t k = 1; bytes.empty() && k < parts.length(); ++k) {
      icu::UnicodeString rest = parts;
      rest.remove(k, 1);
      const std::string letter = mapped(nfc->normalize(rest, status));
      const std::string mark = mapped(icu::UnicodeString(parts.charAt(k)));
      if (!letter.empty() && !mark.empty()) bytes = letter + mark;
    }
    if (bytes.empty()) return {};
    out += bytes;
  }
  return out;
}

}  // namespace pressdex::test
