// Files in legacy charsets: the right one is chosen, also for the two ICU's
// detector does not know (Thai TIS-620, Vietnamese windows-1258), and a file
// no charset reads convincingly is flagged. The bytes are made here from
// UTF-8 text with ICU's converters, as an old editor would have saved them.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <catch2/catch.hpp>

#include <string>

#include "common/encoding.h"
#include "common/legacy_charset.h"
#include "common/normalize.h"
#include "tests/legacy_bytes.h"

using namespace pressdex;

namespace {

using test::EncodeAs;
using test::EncodeWindows1258;

// `utf8` in `charset`; every character must have a mapping.
std::string Encode(const std::string& utf8, const char* charset) {
  std::string bytes = EncodeAs(utf8, charset);
  INFO(charset);
  REQUIRE_FALSE(bytes.empty());
  return bytes;
}

std::string Nfc(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out;
  icu::Normalizer2::getNFCInstance(status)->normalize(icu::UnicodeString::fromUTF8(utf8), status).toUTF8String(out);
  return out;
}

const std::string kThai =
    "กระทรวงสาธารณสุขเดินหน้าฉีดวัคซีนโควิด 19 ปูพรมทั่วประเทศ\n7 มิถุนายน 2564\n\n"
    "กรุงเทพฯ 7 มิถุนายน 2564 – กระทรวงสาธารณสุข (สธ.) เริ่มการฉีดวัคซีนป้องกันโรคโควิด 19 "
    "ปูพรมทั่วประเทศในวันนี้ โดยเปิดหน่วยบริการฉีดวัคซีนในโรงพยาบาลและจุดฉีดนอกโรงพยาบาลครบทั้ง 77 จังหวัด\n\n"
    "ปลัดกระทรวงสาธารณสุขกล่าวว่า วัคซีนที่ใช้ในระยะนี้ ได้แก่ วัคซีนแอสตร้าเซนเนก้าที่ผลิตในประเทศไทย "
    "และวัคซีนซิโนแวค โดยให้ความสำคัญกับผู้สูงอายุ 60 ปีขึ้นไป และผู้ที่มีโรคประจำตัว\n";

const std::string kVietnamese =
    "Việt Nam chính thức tiêm vắc-xin phòng COVID-19 cho những người đầu tiên\n\n"
    "Sáng ngày 8 tháng 3 năm 2021, Bộ Y tế đã tổ chức lễ phát động tiêm vắc-xin phòng COVID-19, chính thức "
    "bắt đầu chiến dịch tiêm chủng trên toàn quốc. Những mũi tiêm đầu tiên được thực hiện đồng thời tại "
    "Bệnh viện Bệnh Nhiệt đới Trung ương cơ sở 2 ở Hà Nội và Bệnh viện dã chiến số 2 ở tỉnh Hải Dương.\n\n"
    "Đối tượng được ưu tiên tiêm trước là nhân viên y tế tuyến đầu trực tiếp điều trị bệnh nhân, cán bộ làm "
    "việc tại các khu cách ly và lực lượng truy vết.\n";

}  // namespace

TEST_CASE("legacy charsets: Thai in TIS-620 or windows-874 is read as Thai", "[encoding][legacy]") {
  // windows-874 is TIS-620 plus punctuation (the dash) in 0x80-0x9F.
  const auto r = DecodeToUtf8(Encode(kThai, "windows-874"));
  REQUIRE(r.ok());
  CHECK(r->utf8 == kThai);
  CHECK(r->charset == "windows-874");
  CHECK_FALSE(r->uncertain);

  std::string plain = kThai;
  plain.replace(plain.find("–"), std::string("–").size(), "-");
  const auto tis = DecodeToUtf8(Encode(plain, "TIS-620"));
  REQUIRE(tis.ok());
  CHECK(tis->utf8 == plain);
  CHECK(tis->charset == "windows-874");
}

TEST_CASE("legacy charsets: Vietnamese in windows-1258 is read as Vietnamese, tones composed", "[encoding][legacy]") {
  const std::string bytes = EncodeWindows1258(kVietnamese);
  REQUIRE_FALSE(bytes.empty());
  // The separate tone marks are really there: "Việt" is V i ê U+0323 t.
  REQUIRE(bytes.rfind("Vi\xEA\xF2t", 0) == 0);
  const auto r = DecodeToUtf8(bytes);
  REQUIRE(r.ok());
  CHECK(r->charset == "windows-1258");
  CHECK_FALSE(r->uncertain);
  CHECK(r->utf8 == Nfc(kVietnamese));
  CHECK_THAT(r->utf8, Catch::Contains("Bệnh viện Bệnh Nhiệt đới"));
}

TEST_CASE("legacy charsets: what the detector knew is still read as before", "[encoding][legacy]") {
  struct Case {
    const char* charset;   // written in
    const char* expected;  // read as
    std::string text;
  };
  const Case cases[] = {
      {"windows-1251", "windows-1251",
       "Министерство здравоохранения сообщило сегодня о начале массовой вакцинации населения. По словам "
       "министра, в первую очередь прививки получат медицинские работники, учителя и люди старше шестидесяти "
       "лет. Вакцина будет бесплатной для всех граждан, а пункты вакцинации откроются во всех регионах страны.\n"},
      {"ISO-8859-1", "windows-1252",
       "Le ministère de la Santé a annoncé aujourd'hui le début de la campagne de vaccination. Les premières "
       "doses seront réservées au personnel soignant et aux personnes âgées de plus de soixante-cinq ans. "
       "Selon le ministre, les hôpitaux français sont prêts à accueillir le public dès la semaine prochaine.\n"},
      {"ISO-8859-1", "windows-1252",
       "Das Bundesministerium für Gesundheit hat heute den Beginn der Impfkampagne bekannt gegeben. Zuerst "
       "erhalten Ärzte, Pflegekräfte und über achtzigjährige Menschen die Impfung. Die Länder öffnen dafür "
       "Impfzentren in allen größeren Städten; die Bürger werden schriftlich über ihren Termin informiert.\n"},
      {"windows-1252", "windows-1252",
       "Kementerian Kesehatan mengumumkan dimulainya program vaksinasi nasional hari ini. \u201cTenaga kesehatan "
       "dan lansia akan menerima vaksin lebih dahulu,\u201d kata Menteri Kesehatan di Jakarta \u2013 vaksin "
       "diberikan gratis kepada seluruh warga negara Indonesia di semua puskesmas.\n"},
      {"GB18030", "GB18030",
       "湄公河委员会今天发布干旱报告。报告指出，今年旱季流域降雨量明显低于往年，下游多个省份出现水位下降。"
       "委员会呼吁各成员国加强数据共享，共同应对气候变化带来的挑战，并建议尽快建立区域预警机制。\n"},
      {"Big5", "Big5",
       "湄公河委員會今天發布乾旱報告。報告指出，今年旱季流域降雨量明顯低於往年，下游多個省份出現水位下降。"
       "委員會呼籲各成員國加強數據共享，共同應對氣候變化帶來的挑戰，並建議盡快建立區域預警機制。\n"},
  };
  for (const Case& c : cases) {
    INFO(c.charset << ": " << c.text.substr(0, 40));
    const auto r = DecodeToUtf8(Encode(c.text, c.charset));
    REQUIRE(r.ok());
    CHECK(r->utf8 == c.text);
    CHECK(r->charset == c.expected);
    CHECK_FALSE(r->uncertain);
  }
}

TEST_CASE("legacy charsets: bytes no charset reads convincingly are decoded as before, flagged", "[encoding][legacy]") {
  // High bytes in word-like runs, no language in any charset.
  std::string bytes;
  std::uint32_t x = 7;
  for (int i = 0; i < 600; ++i) {
    x = x * 1664525u + 1013904223u;
    bytes.push_back(i % 7 == 6 ? ' ' : static_cast<char>(0xA0 + (x >> 24) % 0x60));
  }
  const auto r = DecodeToUtf8(bytes);
  REQUIRE(r.ok());
  CHECK(IsValidUtf8(r->utf8));
  CHECK(r->uncertain);
  CHECK_FALSE(r->charset.empty());
  // Latin-1 with only a quote or two is no doubt: every candidate reads it alike.
  const auto quotes = DecodeToUtf8("He said \x93yes\x94 and left.");
  REQUIRE(quotes.ok());
  CHECK_FALSE(quotes->uncertain);
}

TEST_CASE("legacy charsets: ConvertFrom counts what has no character and writes U+FFFD", "[encoding][legacy]") {
  // A Shift_JIS lead byte before a space is no character; ICU's own
  // substitution would write U+001A, a control character, for some charsets.
  const auto sjis = ConvertFrom("a\x82 b", "Shift_JIS");
  REQUIRE(sjis.ok());
  CHECK(sjis->utf8 == "a\uFFFD b");
  CHECK(sjis->substituted == 1);
  const auto viet = ConvertFrom("Vi\xEA\xF2t Nam", "windows-1258");
  REQUIRE(viet.ok());
  CHECK(viet->utf8 == "Việt Nam");  // composed: one code point for ệ
  CHECK(viet->substituted == 0);
  CHECK_FALSE(ConvertFrom("abc", "no-such-charset").ok());
}

TEST_CASE("legacy charsets: bytes a charset leaves unassigned count against it", "[encoding][legacy]") {
  // Thai as windows-874, with bytes 0xDB-0xDE and 0xFC-0xFF sprinkled in:
  // TIS-620 has no character for them (ICU maps them to private-use code
  // points), so past 0.5 % of the text the reading is not convincing.
  const std::string thai = Encode(kThai, "windows-874");
  CHECK(GuessLegacyCharset(thai).charset == "windows-874");
  std::string spoiled;
  for (std::size_t i = 0; i < thai.size(); ++i) {
    spoiled += thai[i];
    if (i % 20 == 19) spoiled += "\xDB";
  }
  const CharsetGuess guess = GuessLegacyCharset(spoiled);
  CHECK(guess.charset != "windows-874");
  CHECK(guess.uncertain);
}
