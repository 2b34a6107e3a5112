// The day/month order a file's records show, and the stated dates read by it.
#include <catch2/catch.hpp>

#include "common/analyse.h"
#include "common/extract/date_order.h"

using namespace pressdex;

namespace {

std::vector<SourceRecord> WithDates(std::initializer_list<const char*> dates) {
  std::vector<SourceRecord> records;
  for (const char* d : dates) {
    SourceRecord r;
    r.meta.date = d;
    records.push_back(r);
  }
  return records;
}

}  // namespace

TEST_CASE("date order: a file's unambiguous stated dates decide it", "[extract][date]") {
  CHECK(StatedDayFirst(WithDates({"08-12-2018", "10-25-2017", "07/11/2018"})) == std::optional<bool>(false));
  CHECK(StatedDayFirst(WithDates({"08-12-2018", "25-10-2017"})) == std::optional<bool>(true));
  // No evidence, or evidence both ways: no order.
  CHECK_FALSE(StatedDayFirst(WithDates({"08-12-2018", "01-02-2018"})));
  CHECK_FALSE(StatedDayFirst(WithDates({"08-12-2018", "10-25-2017", "25-10-2017"})));
  CHECK_FALSE(StatedDayFirst(WithDates({"2018-08-13", "13 August 2018", ""})));
  CHECK_FALSE(StatedDayFirst({}));
}

TEST_CASE("analyse: a stated date is read in its file's order unless --date-order was given", "[analyse][date]") {
  SourceRecord rec;
  rec.title = "Sekolah ditutup";
  rec.text = "Sekolah ditutup empat hari berikutan penularan virus beguk.";
  rec.meta.date = "08-12-2018";
  const auto date = [&](bool stated, bool day_first, std::optional<bool> file_order) {
    AnalyserOptions options;
    options.time_zone = "UTC";
    options.day_first = day_first;
    options.date_order_stated = stated;
    auto a = Analyser::Create(options);
    REQUIRE(a.ok());
    const FileInfo file{"news.jsonl", "", 0, 0, file_order};
    const Release r = (*a)->Analyse(rec, file, {});
    return r.date;
  };
  CHECK(date(false, true, std::nullopt) == "2018-12-08");  // default: day first
  CHECK(date(false, true, false) == "2018-08-12");         // the file's records are month first
  CHECK(date(true, true, false) == "2018-12-08");          // --date-order dmy said so
  CHECK(date(true, false, true) == "2018-08-12");          // --date-order mdy said so
  // The body is not read in the records' order: another hand wrote it.
  rec.meta.date.clear();
  rec.text = "Kenyataan 08/12/2018: sekolah ditutup empat hari berikutan penularan virus beguk.";
  CHECK(date(false, true, false) == "2018-12-08");
}
