#include <catch2/catch.hpp>

#include "common/extract/date_parse.h"

using pressdex::DateParser;
using pressdex::FormatIsoDate;

namespace {
std::string First(std::string_view text, bool day_first = true) {
  auto m = DateParser::Get().FindFirst(text, day_first, false);
  return m ? FormatIsoDate(m->date) : "none";
}
}  // namespace

TEST_CASE("date: English, ISO and numeric forms", "[extract][date]") {
  CHECK(First("JAKARTA, 29 April 2020 – The") == "2020-04-29");
  CHECK(First("April 29, 2020") == "2020-04-29");
  CHECK(First("29 Apr 2020") == "2020-04-29");
  CHECK(First("March 3rd, 1987") == "1987-03-03");
  CHECK(First("published 2020-04-29.") == "2020-04-29");
  CHECK(First("Wed, 29 Apr 2020 10:00:00 GMT") == "2020-04-29");
}

TEST_CASE("date: numeric order follows --date-order, impossible orders swap", "[extract][date]") {
  CHECK(First("on 04/05/2020") == "2020-05-04");
  CHECK(First("on 04/05/2020", false) == "2020-04-05");
  CHECK(First("29/04/2020") == "2020-04-29");
  CHECK(First("04/29/2020") == "2020-04-29");
}

TEST_CASE("date: Indonesian, Malay, Vietnamese and Thai (Buddhist era) month names from ICU", "[extract][date]") {
  CHECK(First("Jakarta, 29 Mei 2020") == "2020-05-29");
  CHECK(First("5 Ogos 2021") == "2021-08-05");
  CHECK(First("ngày 29 tháng 4 năm 2020") == "2020-04-29");
  CHECK(First("ngày 29/4/2020") == "2020-04-29");
  CHECK(First("วันจันทร์ที่ 24 สิงหาคม 2563") == "2020-08-24");
  CHECK(First("วันนี้ (24 ส.ค.63) เวลา") == "2020-08-24");
  CHECK(First("29 de abril de 2020") == "2020-04-29");
  CHECK(First("ในวันศุกร์ที่ ๒๕ กันยายน ๒๕๖๓ เวลา") == "2020-09-25");
}

TEST_CASE("date: no date is invented", "[extract][date]") {
  CHECK(First("3 years ago in 2020") == "none");
  CHECK(First("rose 12.5 pct in April 2020") == "none");
  CHECK(First("version 1.2.2020.3") == "none");
  CHECK(First("no digits at all") == "none");
}

TEST_CASE("date: partial dates and the latest year up to a reference", "[extract][date]") {
  using pressdex::LatestYearUpTo;
  auto d = DateParser::Get().ParseExact("Feb 26", true);
  REQUIRE(d);
  CHECK(d->year == 0);
  CHECK(d->month == 2);
  CHECK(d->day == 26);
  CHECK(LatestYearUpTo(12, 30, {2021, 1, 2}, 0) == 2020);
  CHECK(LatestYearUpTo(2, 26, {1987, 2, 27}, 0) == 1987);
  // Months ahead is last year's, however near: never the next year's.
  CHECK(LatestYearUpTo(3, 3, {2026, 11, 24}, 2) == 2026);
  CHECK(LatestYearUpTo(12, 1, {2026, 11, 24}, 2) == 2025);
  // The slack reaches into the next day or two, across a new year too.
  CHECK(LatestYearUpTo(11, 26, {2026, 11, 24}, 2) == 2026);
  CHECK(LatestYearUpTo(11, 27, {2026, 11, 24}, 2) == 2025);
  CHECK(LatestYearUpTo(1, 1, {2020, 12, 31}, 2) == 2021);
  CHECK(LatestYearUpTo(1, 2, {2020, 12, 31}, 2) == 2021);
  CHECK(LatestYearUpTo(1, 3, {2020, 12, 31}, 2) == 2020);
  CHECK(LatestYearUpTo(1, 1, {2020, 12, 31}, 0) == 2020);
  CHECK(LatestYearUpTo(12, 31, {2021, 1, 1}, 2) == 2020);
  // A leap day goes back to the last leap year, across 1900 (no leap year) too.
  CHECK(LatestYearUpTo(2, 29, {2024, 3, 1}, 2) == 2024);
  CHECK(LatestYearUpTo(2, 29, {2024, 2, 28}, 2) == 2024);
  CHECK(LatestYearUpTo(2, 29, {2024, 2, 26}, 2) == 2020);
  CHECK(LatestYearUpTo(2, 29, {2023, 6, 1}, 2) == 2020);
  CHECK(LatestYearUpTo(2, 29, {1903, 6, 1}, 2) == 1896);
  CHECK(LatestYearUpTo(2, 30, {2023, 6, 1}, 2) == 0);
  const auto t = pressdex::DateFromUnixTime(1588118400);  // 2020-04-29T00:00Z
  CHECK(FormatIsoDate(t) == "2020-04-29");
}

TEST_CASE("date: the order of day and month a field shows", "[extract][date]") {
  using pressdex::NumericOrder;
  const auto order = [](std::string_view s) { return DateParser::Get().FieldOrder(s); };
  CHECK(order("10-25-2017") == NumericOrder::kMonthFirst);
  CHECK(order("25-10-2017") == NumericOrder::kDayFirst);
  CHECK(order("10/25/2017 09:00") == NumericOrder::kMonthFirst);
  CHECK(order(" 13.08.2018") == NumericOrder::kDayFirst);
  CHECK(order("08-12-2018") == NumericOrder::kEither);
  // Year first, month in words, nothing parsable: no order shown.
  CHECK(order("2018-08-13") == NumericOrder::kNone);
  CHECK(order("2018-08-13T10:00:00Z") == NumericOrder::kNone);
  CHECK(order("13 August 2018") == NumericOrder::kNone);
  CHECK(order("August 13, 2018") == NumericOrder::kNone);
  CHECK(order("") == NumericOrder::kNone);
  CHECK(order("13-13-2018") == NumericOrder::kNone);
  // The first date decides, as for the date the field is read as.
  CHECK(order("13 August 2018, updated 08-14-2018") == NumericOrder::kNone);
}

TEST_CASE("date: metadata fields", "[extract][date]") {
  auto d = DateParser::Get().ParseField("2020-04-29T10:00:00Z", true);
  REQUIRE(d);
  CHECK(FormatIsoDate(*d) == "2020-04-29");
  CHECK_FALSE(DateParser::Get().ParseField("", true));
  CHECK_FALSE(DateParser::Get().ParseField("soon", true));
}

TEST_CASE("date: ISO 8601 basic format only as a whole field", "[extract][date]") {
  const auto iso = [](std::string_view field) {
    const auto d = DateParser::Get().ParseField(field, true);
    return d ? FormatIsoDate(*d) : std::string("none");
  };
  CHECK(iso("20210414") == "2021-04-14");
  CHECK(iso(" 20201001 ") == "2020-10-01");
  CHECK(iso("20210414T093000Z") == "2021-04-14");
  CHECK(iso("20211341") == "none");  // month 13
  CHECK(iso("12345678") == "none");
  CHECK(iso("0000101") == "none");
  CHECK(iso("202104141") == "none");  // nine digits: a number
}
