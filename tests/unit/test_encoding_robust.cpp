// Decoding file bytes: every encoding a scraped corpus throws at us ends as
// valid UTF-8 or a clear refusal.
#include <catch2/catch.hpp>

#include "common/encoding.h"
#include "common/normalize.h"

using namespace pressdex;

namespace {
std::string Utf16Le(std::u16string_view s, bool bom = true) {
  std::string out = bom ? "\xFF\xFE" : "";
  for (const char16_t c : s) out += {static_cast<char>(c & 0xFF), static_cast<char>(c >> 8)};
  return out;
}
std::string Utf16Be(std::u16string_view s) {
  std::string out = "\xFE\xFF";
  for (const char16_t c : s) out += {static_cast<char>(c >> 8), static_cast<char>(c & 0xFF)};
  return out;
}
}  // namespace

TEST_CASE("encoding: ASCII and UTF-8 pass through, a UTF-8 BOM is dropped", "[encoding]") {
  CHECK(DecodeToUtf8("plain").value().utf8 == "plain");
  const auto vi = DecodeToUtf8("Việt Nam");
  CHECK(vi.value().utf8 == "Việt Nam");
  CHECK(vi.value().charset == "UTF-8");
  CHECK(DecodeToUtf8("\xEF\xBB\xBFHello").value().utf8 == "Hello");
}

TEST_CASE("encoding: UTF-16 with a BOM, both byte orders", "[encoding]") {
  const auto le = DecodeToUtf8(Utf16Le(u"Hà Nội, 2020"));
  REQUIRE(le.ok());
  CHECK(le.value().utf8 == "Hà Nội, 2020");
  CHECK(le.value().charset == "UTF-16LE");
  const auto be = DecodeToUtf8(Utf16Be(u"ข่าว Thai"));
  REQUIRE(be.ok());
  CHECK(be.value().utf8 == "ข่าว Thai");
  // A BOM followed by an odd byte count still decodes (the stray byte is replaced).
  CHECK(DecodeToUtf8(Utf16Le(u"ab") + "x").ok());
}

TEST_CASE("encoding: Latin-1 and Windows-1252 are detected and converted, not dropped", "[encoding]") {
  const auto fr = DecodeToUtf8(
      "Le minist\xE8re de la sant\xE9 a annonc\xE9 une r\xE9"
      "forme des h\xF4pitaux.");
  REQUIRE(fr.ok());
  CHECK(fr.value().utf8 == "Le ministère de la santé a annoncé une réforme des hôpitaux.");
  CHECK(IsValidUtf8(fr.value().utf8));
  CHECK(fr.value().replaced == 0);
  const auto quotes = DecodeToUtf8(
      "He said \x93hello\x94 \x96 it cost \x80"
      "5.");
  REQUIRE(quotes.ok());
  CHECK(quotes.value().utf8 == "He said “hello” – it cost €5.");
}

TEST_CASE("encoding: mostly-UTF-8 text with broken bytes is repaired and counted", "[encoding]") {
  const auto r = DecodeToUtf8("Việt Nam café \xC3 broken \xFF end");
  REQUIRE(r.ok());
  CHECK(IsValidUtf8(r.value().utf8));
  CHECK(r.value().replaced == 2);
  CHECK_THAT(r.value().utf8, Catch::StartsWith("Việt Nam café"));
  // A character cut at the end of the file.
  const auto cut = DecodeToUtf8("Hà Nội \xE1\xBB");
  REQUIRE(cut.ok());
  CHECK(IsValidUtf8(cut.value().utf8));
}

TEST_CASE("encoding: binary data is refused with a reason", "[encoding]") {
  const auto png = DecodeToUtf8(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  REQUIRE_FALSE(png.ok());
  CHECK_THAT(png.status().message(), Catch::Contains("binary"));
  std::string controls(1000, 'a');
  for (std::size_t i = 0; i < controls.size(); i += 5) controls[i] = '\x02';
  CHECK_FALSE(DecodeToUtf8(controls).ok());
  CHECK_FALSE(DecodeToUtf8(Utf16Le(u"\x01\x02\x03\x04\x05\x06")).ok());
}

TEST_CASE("encoding: whatever the bytes, the result is valid UTF-8 or an error", "[encoding]") {
  std::uint32_t x = 12345;
  for (int round = 0; round < 300; ++round) {
    std::string bytes;
    const int n = 1 + round * 7 % 400;
    for (int i = 0; i < n; ++i) {
      x = x * 1664525u + 1013904223u;
      bytes.push_back(static_cast<char>(x >> 24));
    }
    const auto r = DecodeToUtf8(bytes);
    if (r.ok()) CHECK(IsValidUtf8(r.value().utf8));
  }
}
