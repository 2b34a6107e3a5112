#include <catch2/catch.hpp>

#include "common/extract/data_files.h"
#include "common/extract/language_id.h"
#include "common/extract/taxonomy.h"

using namespace pressdex;

TEST_CASE("taxonomy: shipped IPTC top level with slugs and names", "[extract][topics]") {
  Taxonomy t;
  auto path = FindDataFile("taxonomy.toml");
  REQUIRE(path.ok());
  REQUIRE(t.AddFile(*path).ok());
  CHECK(t.topics().size() == 17);
  const auto health = t.Classify("Ministers agree on COVID-19 vaccines",
                                 "Health ministers agreed to pool vaccines against the pandemic and support hospitals "
                                 "with medical supplies and masks.");
  REQUIRE_FALSE(health.empty());
  CHECK(health.front() == "health");
  const auto sport = t.Classify("Viet Nam wins SEA Games football gold", "The national team won the tournament final.");
  REQUIRE_FALSE(sport.empty());
  CHECK(sport.front() == "sport");
  CHECK(t.Classify("Hello", "Nothing to see.").empty());
  const auto thai = t.Classify("กระทรวงสาธารณสุขเดินหน้าฉีดวัคซีนโควิด", "โรงพยาบาลทั่วประเทศฉีดวัคซีนให้ผู้ป่วย");
  REQUIRE_FALSE(thai.empty());
  CHECK(thai.front() == "health");
}

TEST_CASE("taxonomy: a user's taxonomy, errors as Status", "[extract][topics]") {
  Taxonomy t;
  REQUIRE(
      t.AddToml("[topics.widgets]\nname = \"Widgets\"\n[topics.widgets.keywords]\nwidget = 3\n\"blue widget\" = 5\n",
                "u")
          .ok());
  CHECK(t.Classify("Blue widgets", "A blue widget and another widget.") == std::vector<std::string>{"widgets"});
  Taxonomy bad;
  CHECK_FALSE(bad.AddToml("[topics.x.keywords]\nfoo = \"high\"\n", "u").ok());
  CHECK_FALSE(bad.AddToml("title = 1\n", "u").ok());
}

TEST_CASE("language: CLD2 per release", "[extract][language]") {
  auto en = IdentifyLanguage(
      "The Chinese government reinforced their support to the ASEAN Secretariat through an additional donation of "
      "surgical masks.");
  CHECK(en.code == "en");
  auto vi = IdentifyLanguage(
      "Việt Nam chính thức tiêm vắc-xin phòng COVID-19 cho những người đầu tiên tại Hà Nội và Thành phố Hồ Chí Minh.");
  CHECK(vi.code == "vi");
  auto th = IdentifyLanguage("กระทรวงสาธารณสุขเริ่มการฉีดวัคซีนป้องกันโรคโควิด 19 ปูพรมทั่วประเทศในวันนี้ โดยเปิดจุดฉีดวัคซีน");
  CHECK(th.code == "th");
  auto none = IdentifyLanguage("1234 5678");
  CHECK_FALSE(none.reliable);
}

TEST_CASE("language: a stray control character does not hide the language", "[extract][language]") {
  // Valid UTF-8 that CLD2's own check rejects (a backspace, DEL, a C1
  // control, a noncharacter): scraped articles carry such bytes.
  const std::string text =
      "Các nhà khoa học tại Phòng thí nghiệm Quốc gia ở Mỹ đang nỗ lực tìm kiếm một giải pháp mới để thay đổi quỹ "
      "đạo của các tiểu hành tinh có thể lao vào, đe dọa Trái đất.";
  for (const std::string junk : {"\b", "\x7F", "\xC2\x85", "\xEF\xBF\xBE"}) {
    const auto guess = IdentifyLanguage(text + junk + text);
    CHECK(guess.code == "vi");
    CHECK(guess.reliable);
    CHECK(FitLanguage(junk + text).guess.code == "vi");
  }
}
