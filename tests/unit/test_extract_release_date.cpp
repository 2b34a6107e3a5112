// Which date a release gets: the trust order, the reconciliation of a
// year-less dateline with the file time, and the clock file times are read on.
#include <catch2/catch.hpp>

#include "common/analyse.h"
#include "common/extract/file_clock.h"
#include "common/extract/release_date.h"

using namespace pressdex;

namespace {

// "date source", or "none".
std::string Choose(std::string_view metadata, std::optional<DateParts> dateline, std::string_view body,
                   std::optional<DateParts> file_day) {
  DateEvidence e;
  e.metadata = metadata;
  e.dateline = dateline;
  e.body = body;
  e.file_day = file_day;
  const auto d = ChooseReleaseDate(e);
  return d ? d->date + " " + d->source : "none";
}

constexpr DateParts kMarch3{0, 3, 3};  // "TOKYO, March 3 -"

}  // namespace

TEST_CASE("release date: metadata, then dateline, then body, then file time", "[extract][date]") {
  CHECK(Choose("2016-03-04", kMarch3, "on 1 May 2016", DateParts{2016, 3, 2}) == "2016-03-04 metadata");
  CHECK(Choose("", DateParts{2020, 4, 29}, "on 1 May 2020", DateParts{2025, 12, 1}) == "2020-04-29 dateline");
  CHECK(Choose("", std::nullopt, "held on 1 May 2020 in", DateParts{2025, 12, 1}) == "2020-05-01 body");
  CHECK(Choose("", std::nullopt, "no date here", DateParts{2025, 12, 1}) == "2025-12-01 mtime");
  CHECK(Choose("", std::nullopt, "no date here", std::nullopt) == "none");
  // A year-less dateline with nothing to take the year from dates nothing.
  CHECK(Choose("", kMarch3, "no date here", std::nullopt) == "none");
}

TEST_CASE("release date: a year-less dateline and the file time", "[extract][date]") {
  // Same day: the dateline, its year from the file time.
  CHECK(Choose("", kMarch3, "", DateParts{1987, 3, 3}) == "1987-03-03 dateline");
  // The file existed the day before the dateline's local day (Tokyo's morning
  // is New York's evening): that day, and the file time is what decided it.
  CHECK(Choose("", kMarch3, "", DateParts{1987, 3, 2}) == "1987-03-02 mtime");
  // ...across a year end too.
  CHECK(Choose("", DateParts{0, 1, 1}, "", DateParts{1986, 12, 31}) == "1986-12-31 mtime");
  // A file time after the dateline's day may be a copy or a crawl: the dateline stands.
  CHECK(Choose("", kMarch3, "", DateParts{1987, 3, 4}) == "1987-03-03 dateline");
  // Further apart the file time only lends the year: the latest that keeps
  // the day on or before the file time, give or take the clocks' two days.
  CHECK(Choose("", DateParts{0, 12, 30}, "", DateParts{2021, 1, 2}) == "2020-12-30 dateline");
  CHECK(Choose("", kMarch3, "", DateParts{1987, 3, 1}) == "1987-03-03 dateline");
  CHECK(Choose("", kMarch3, "", DateParts{1987, 2, 28}) == "1986-03-03 dateline");
}

TEST_CASE("release date: a year-less dateline is never dated after its file", "[extract][date]") {
  // Written on 24 Nov 2026: March 3 is the one before, not 2027's, 100 days
  // after the file existed.
  CHECK(Choose("", kMarch3, "", DateParts{2026, 11, 24}) == "2026-03-03 dateline");
  CHECK(Choose("", DateParts{0, 12, 1}, "", DateParts{2026, 11, 24}) == "2025-12-01 dateline");
  // New year: a late-December dateline in a January file is last year's...
  CHECK(Choose("", DateParts{0, 12, 28}, "", DateParts{2021, 1, 3}) == "2020-12-28 dateline");
  // ...and a 1 January dateline in a 31 December file is the next day, ahead
  // of the indexer's clock (the file time's day wins, as for March 3 above).
  CHECK(Choose("", DateParts{0, 1, 1}, "", DateParts{2020, 12, 31}) == "2020-12-31 mtime");
  CHECK(Choose("", DateParts{0, 1, 2}, "", DateParts{2020, 12, 31}) == "2021-01-02 dateline");
  CHECK(Choose("", DateParts{0, 1, 5}, "", DateParts{2020, 12, 31}) == "2020-01-05 dateline");
  // Feb 29: the last leap year's, unless the leap day is this year's and not
  // after the file.
  CHECK(Choose("", DateParts{0, 2, 29}, "", DateParts{2024, 3, 2}) == "2024-02-29 dateline");
  CHECK(Choose("", DateParts{0, 2, 29}, "", DateParts{2024, 2, 28}) == "2024-02-28 mtime");
  CHECK(Choose("", DateParts{0, 2, 29}, "", DateParts{2025, 11, 24}) == "2024-02-29 dateline");
  CHECK(Choose("", DateParts{0, 2, 29}, "", DateParts{2024, 1, 10}) == "2020-02-29 dateline");
  // No year has the day: the dateline dates nothing, the body or file time does.
  CHECK(Choose("", DateParts{0, 2, 30}, "", DateParts{2024, 1, 10}) == "2024-01-10 mtime");
}

TEST_CASE("analyse: a year-less wire dateline in a file written months later", "[analyse][date]") {
  SourceRecord rec;
  rec.text = "T\n\nTOKYO, March 3 - text said.\n";
  const FileInfo file{"x.txt", "", 1795521600, 0, {}};  // 2026-11-24T12:00Z
  AnalyserOptions options;
  options.time_zone = "UTC";
  auto a = Analyser::Create(options);
  REQUIRE(a.ok());
  const Release r = (*a)->Analyse(rec, file, {});
  CHECK(r.date == "2026-03-03");
  CHECK(r.date_source == "dateline");
}

TEST_CASE("release date: a dateline with its year is kept as written", "[extract][date]") {
  CHECK(Choose("", DateParts{2020, 4, 29}, "", DateParts{2020, 4, 28}) == "2020-04-29 dateline");
  CHECK(Choose("", DateParts{2020, 4, 29}, "", DateParts{2020, 4, 30}) == "2020-04-29 dateline");
}

TEST_CASE("release date: a body date ahead of the file time is not the release's", "[extract][date]") {
  const std::string_view body = "The notes mature on August 1, 1997. The quarter ended February 28, 1987.";
  CHECK(Choose("", std::nullopt, body, DateParts{1987, 3, 5}) == "1987-02-28 body");
  CHECK(Choose("", std::nullopt, "The notes mature on August 1, 1997.", DateParts{1987, 3, 5}) == "1987-03-05 mtime");
  // One day ahead is still the same moment on another clock.
  CHECK(Choose("", std::nullopt, "on 6 March 1987", DateParts{1987, 3, 5}) == "1987-03-06 body");
  // Without a file time nothing says the date is ahead.
  CHECK(Choose("", std::nullopt, body, std::nullopt) == "1997-08-01 body");
}

TEST_CASE("release date: only a date atop the body dates the release", "[extract][date]") {
  // 400 characters of Vietnamese (most of them 2-3 bytes), then an event's date.
  std::string lead;
  for (int i = 0; i < 10; ++i) lead += "Chính phủ đã ban hành nghị định mới về học phí. ";  // 48 characters
  const std::string deep = lead + "\nNgày 2/10/2015, Chính phủ đã ban hành nghị định.";
  CHECK(Choose("", std::nullopt, deep, DateParts{2021, 5, 3}) == "2021-05-03 mtime");
  CHECK(Choose("", std::nullopt, deep, std::nullopt) == "none");
  // At the top it counts: a date strip, or the lead's first words.
  CHECK(Choose("", std::nullopt, "Ngày 14/4/2021, Bộ GDĐT công bố.\n" + lead, DateParts{2021, 5, 3}) ==
        "2021-04-14 body");
  // The limit counts characters, not bytes (Thai letters are 3 bytes each),
  // and a date starting at character 399 is read whole though it runs past
  // the 400th.
  std::string thai;
  for (int i = 0; i < 398; ++i) thai += "ก";
  CHECK(Choose("", std::nullopt, thai + " 27 เมษายน 2564", DateParts{2021, 5, 3}) == "2021-04-27 body");
  CHECK(Choose("", std::nullopt, thai + "ก 27 เมษายน 2564", DateParts{2021, 5, 3}) == "2021-05-03 mtime");
  // A date ahead of the file is skipped for the next one, at the top only.
  CHECK(Choose("", std::nullopt, "Due 1 June 2021; issued 28 April 2021.", DateParts{2021, 5, 3}) == "2021-04-28 body");
  CHECK(Choose("", std::nullopt, "Due 1 June 2021.\n" + lead + "Issued 28 April 2021.", DateParts{2021, 5, 3}) ==
        "2021-05-03 mtime");
}

TEST_CASE("file clock: the day of an instant depends on the zone", "[extract][date]") {
  constexpr long long kInstant = 541735200;  // 1987-03-03T02:00Z: 21:00 on 2 March in New York (EST)
  auto utc = FileClock::Create("UTC");
  auto ny = FileClock::Create("America/New_York");
  auto tokyo = FileClock::Create("Asia/Tokyo");
  REQUIRE(utc.ok());
  REQUIRE(ny.ok());
  REQUIRE(tokyo.ok());
  CHECK(FormatIsoDate(utc->Day(kInstant)) == "1987-03-03");
  CHECK(FormatIsoDate(ny->Day(kInstant)) == "1987-03-02");
  CHECK(FormatIsoDate(tokyo->Day(kInstant)) == "1987-03-03");
  // Daylight saving from ICU's data: 1987-04-06T04:30Z is 00:30 EDT on 6 April
  // (it would still be 5 April in EST); 61 days earlier the same hour is 23:30 EST
  // on 3 February.
  CHECK(FormatIsoDate(ny->Day(544681800)) == "1987-04-06");
  CHECK(FormatIsoDate(ny->Day(544681800 - 61 * 86400)) == "1987-02-03");
  CHECK(ny->id() == "America/New_York");
  CHECK_FALSE(FileClock::Create("Nowhere/Atlantis").ok());
  CHECK(FileClock::Create("").ok());  // the machine's own zone
}

TEST_CASE("analyse: a wire dateline is read against the file time on the indexer's clock", "[analyse][date]") {
  SourceRecord rec;
  rec.text =
      "Japan trade surplus widens\n\nTOKYO, March 3 - Japan's trade surplus widened in February, "
      "the Finance Ministry said in a statement released this morning.";
  const FileInfo file{"tokyo.txt", "", 541735200, 0, {}};  // 21:00 on 2 March in New York
  auto analyse = [&](const char* zone) {
    AnalyserOptions options;
    options.time_zone = zone;
    auto a = Analyser::Create(options);
    REQUIRE(a.ok());
    const Release r = (*a)->Analyse(rec, file, {});
    return r.date + " " + r.date_source;
  };
  CHECK(analyse("America/New_York") == "1987-03-02 mtime");
  CHECK(analyse("UTC") == "1987-03-03 dateline");
  AnalyserOptions bad;
  bad.time_zone = "Nowhere/Atlantis";
  CHECK_FALSE(Analyser::Create(bad).ok());
}

TEST_CASE("analyse: a historical date deep in a Vietnamese article is not its date", "[analyse][date]") {
  // The shape of dantri's news_education_174 (header lines removed): a title,
  // then one sentence a line; the decree of 2015 is on line 40.
  SourceRecord rec;
  rec.text = "Nhiều trường đại học tăng học phí từ năm 2021\n";
  for (int i = 0; i < 39; ++i) rec.text += "Trường thứ " + std::to_string(i + 1) + " tăng học phí không quá 10%.\n";
  rec.text += "Ngày 2/10/2015, Chính phủ đã ban hành Nghị định 86.\n";
  const FileInfo file{"news_education_174.txt", "", 1620043200, 0, {}};  // 2021-05-03T12:00Z
  AnalyserOptions options;
  options.time_zone = "UTC";
  auto a = Analyser::Create(options);
  REQUIRE(a.ok());
  const Release r = (*a)->Analyse(rec, file, {});
  CHECK(r.date == "2021-05-03");
  CHECK(r.date_source == "mtime");
}
