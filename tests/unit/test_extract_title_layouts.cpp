// Titles of plain-text releases in the layouts scrapes really have.
#include <catch2/catch.hpp>

#include "common/analyse.h"

using namespace pressdex;

namespace {
Release AnalyseText(const std::string& text) {
  static const auto analyser = Analyser::Create(AnalyserOptions{});
  REQUIRE(analyser.ok());
  SourceRecord record;
  record.text = text;
  return (*analyser)->Analyse(record, FileInfo{"x.txt", ".", 0, 0, {}}, {});
}
}  // namespace

TEST_CASE("site name, menu, breadcrumb, headline, byline: the headline wins", "[extract][title]") {
  const Release r = AnalyseText(
      "Green Asia Post\n"
      "Environment | Climate | Energy | Wildlife | Oceans\n"
      "Regional haze alert raised to highest level as fires burn in Sumatra and Kalimantan\n"
      "By Green Asia Post staff | Published 13 September 2019\n\n"
      "SINGAPORE, 13 September 2019 – The ASEAN Specialised Meteorological Centre raised its alert.\n");
  CHECK(r.title == "Regional haze alert raised to highest level as fires burn in Sumatra and Kalimantan");
}

TEST_CASE("a long site line and a long menu line are still a header", "[extract][title]") {
  const Release r = AnalyseText(
      "AHA Centre | ASEAN Coordinating Centre for Humanitarian Assistance on disaster management\n"
      "Home   About Us   Operations   Knowledge Hub   Publications   News & Events   Contact\n"
      "News & Events > Press Releases\n"
      "ASEAN-ERAT deployed to northern Viet Nam after Typhoon Yagi\n\n"
      "JAKARTA, 10 September 2024 – The AHA Centre has deployed a team.\n");
  CHECK(r.title == "ASEAN-ERAT deployed to northern Viet Nam after Typhoon Yagi");
  CHECK(r.text.find("Knowledge Hub") == std::string::npos);
}

TEST_CASE("a Thai headline is not taken for an all-capitals label", "[extract][title]") {
  const Release r = AnalyseText(
      "ข่าวสุขภาพไทย\n"
      "หน้าแรก | ข่าว | สุขภาพ | เศรษฐกิจ\n"
      "กระทรวงสาธารณสุขเดินหน้าฉีดวัคซีนโควิด 19 ปูพรมทั่วประเทศ\n"
      "7 มิถุนายน 2564\n\n"
      "กระทรวงสาธารณสุขเริ่มฉีดวัคซีนให้ประชาชนทั่วประเทศตั้งแต่วันนี้\n");
  CHECK(r.title == "กระทรวงสาธารณสุขเดินหน้าฉีดวัคซีนโควิด 19 ปูพรมทั่วประเทศ");
}

TEST_CASE("hard-wrapped prose keeps its first lines in the text", "[extract][title]") {
  const Release r = AnalyseText(
      "THE ALLIES AFTER NASSAU IN DECEMBER 1960, THE U.S. FIRST PROPOSED TO HELP NATO DEVELOP\n"
      "ITS OWN NUCLEAR STRIKE FORCE. BUT EUROPE MADE NO ATTEMPT TO DEVISE A PLAN.\n"
      "LAST WEEK, AS THEY STUDIED THE NASSAU ACCORD BETWEEN PRESIDENT KENNEDY AND\n"
      "PRIME MINISTER MACMILLAN, EUROPEANS SAW EMERGING THE FIRST OUTLINES OF THE NUCLEAR\n"
      "FORCE.\n");
  CHECK(r.text.find("NUCLEAR STRIKE FORCE") != std::string::npos);
  CHECK(r.text.find("DEVISE A PLAN") != std::string::npos);
}

TEST_CASE("a long headline is kept whole, a title made of the lead sentence is cut", "[extract][title]") {
  // A DOJ-style headline of 191 characters on its own line leaves the body:
  // cut, its last words could not be found at all.
  const std::string headline =
      "Attorney General announces the results of a nationwide operation against fraud schemes targeting elderly "
      "citizens across forty states, resulting in charges against 200 defendants in Wyoming";
  const Release r =
      AnalyseText(headline + "\n\nWASHINGTON, 5 June 2018 - The department announced the results today.\n");
  CHECK(r.title == headline);

  const std::string lead(300, 'a');
  const Release from_lead = AnalyseText("WASHINGTON, 5 June 2018 - " + lead + " b.\n");
  CHECK(from_lead.title.size() <= 160 + 3);
  CHECK(from_lead.title.ends_with("\xE2\x80\xA6"));
}
