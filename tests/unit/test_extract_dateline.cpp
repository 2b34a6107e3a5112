#include <catch2/catch.hpp>

#include "common/extract/dateline.h"
#include "common/extract/place_source.h"

using pressdex::FindDateline;

TEST_CASE("dateline: place, date, agency", "[extract][dateline]") {
  auto d = FindDateline({"JAKARTA, 29 April 2020 – The Chinese government..."}, 0, true);
  REQUIRE(d);
  CHECK(d->place == "Jakarta");
  REQUIRE(d->date);
  CHECK(d->date->year == 2020);
  CHECK(d->agency.empty());

  d = FindDateline({"Jakarta (VNA) – The ASEAN Socio-Cultural Community (ASCC) recently held"}, 0, true);
  REQUIRE(d);
  CHECK(d->place == "Jakarta");
  CHECK(d->agency == "VNA");
  CHECK_FALSE(d->date);

  d = FindDateline({"HARTFORD, Conn., March 26 - Rogers Corp said"}, 0, true);
  REQUIRE(d);
  CHECK(d->place == "Hartford");
  REQUIRE(d->date);
  CHECK(d->date->year == 0);
  CHECK(d->date->month == 3);

  d = FindDateline({"Hà Nội (TTXVN/Vietnam+) – Những mũi tiêm đầu tiên"}, 0, true);
  REQUIRE(d);
  CHECK(d->place == "Hà Nội");
  CHECK(d->agency == "TTXVN");

  d = FindDateline({"กรุงเทพฯ 7 มิถุนายน 2564 – กระทรวงสาธารณสุข"}, 0, true);
  REQUIRE(d);
  CHECK(d->place == "กรุงเทพฯ");
  REQUIRE(d->date);
  CHECK(d->date->year == 2021);
}

TEST_CASE("dateline: an agency after the date, without brackets", "[extract][dateline]") {
  auto d = FindDateline({"ROME, March 13, Reuter - Italy's trade deficit narrowed"}, 0, true);
  REQUIRE(d);
  CHECK(d->place == "Rome");
  CHECK(d->agency == "Reuter");
  REQUIRE(d->date);
  CHECK(d->date->month == 3);
  CHECK(d->date->day == 13);

  d = FindDateline({"OKLAHOMA CITY, Okla. March 11, Reuter - The company said"}, 0, true);
  REQUIRE(d);
  CHECK(d->place == "Oklahoma City");
  CHECK(d->agency == "Reuter");
  REQUIRE(d->date);
  CHECK(d->date->day == 11);

  // A region is not an agency: without a date before it, nothing moves.
  d = FindDateline({"CALGARY, Alberta, March 3 - Shell Canada said"}, 0, true);
  REQUIRE(d);
  CHECK(d->place == "Calgary");
  CHECK(d->agency.empty());
}

TEST_CASE("dateline: a photo credit is not a source, a phrase is not a place", "[extract][dateline]") {
  CHECK_FALSE(FindDateline({"In Bangkok, Thailand (Photo: Xinhua) - more"}, 0, true));
  CHECK_FALSE(FindDateline({"Meanwhile - the talks went on for hours without a result."}, 0, true));
  CHECK_FALSE(FindDateline({"The ministry said the plan - first drafted in 2019 - would go ahead."}, 0, true));
}

TEST_CASE("dateline: a date-only strip dates an agency dateline", "[extract][dateline]") {
  auto d = FindDateline({"Jumat, 29 Mei 2020 18:45 WIB", "Jakarta (ANTARA) - Kementerian Kesehatan..."}, 0, true);
  REQUIRE(d);
  CHECK(d->place == "Jakarta");
  CHECK(d->agency == "ANTARA");
  REQUIRE(d->date);
  CHECK(d->date->month == 5);
}

TEST_CASE("dateline: a date-only strip gives a year-less dateline its year", "[extract][dateline]") {
  auto d =
      FindDateline({"Last update: 26/02/2024 06:41 PM", "KUALA LUMPUR, Feb 26 (Bernama) -- Police forces..."}, 0, true);
  REQUIRE(d);
  CHECK(d->place == "Kuala Lumpur");
  REQUIRE(d->date);
  CHECK(d->date->year == 2024);
  CHECK(d->date->month == 2);
  CHECK(d->date->day == 26);
  // A strip of another day is not this story's: the year stays to be found.
  d = FindDateline({"Last update: 27/02/2024 06:41 PM", "KUALA LUMPUR, Feb 26 (Bernama) -- Police forces..."}, 0, true);
  REQUIRE(d);
  REQUIRE(d->date);
  CHECK(d->date->year == 0);
  CHECK(d->date->day == 26);
}

TEST_CASE("place: case normalised", "[extract][place]") {
  CHECK(pressdex::NormalisePlace("JAKARTA") == "Jakarta");
  CHECK(pressdex::NormalisePlace("SAN  FRANCISCO,") == "San Francisco");
  CHECK(pressdex::NormalisePlace("ST. LOUIS") == "St. Louis");
  CHECK(pressdex::NormalisePlace("Kuala Lumpur") == "Kuala Lumpur");
}

TEST_CASE("dateline: a news site's name, then the place", "[extract][dateline]") {
  auto d = FindDateline({"TEMPO.CO, Jakarta - Presiden Joko Widodo meminta..."}, 0, true);
  REQUIRE(d);
  CHECK(d->place == "Jakarta");
  CHECK(d->agency == "TEMPO.CO");
  d = FindDateline({"Liputan6.com, Jakarta - Menteri Kesehatan mengatakan..."}, 0, true);
  REQUIRE(d);
  CHECK(d->place == "Jakarta");
  CHECK(d->agency == "Liputan6.com");
  d = FindDateline({"INDONEWS.ID - Pemerintah menyiapkan..."}, 0, true);
  REQUIRE(d);
  CHECK(d->place.empty());
  CHECK(d->agency == "INDONEWS.ID");
  // A dotted word that is no site, or a site with no place after it, is no dateline.
  CHECK_FALSE(FindDateline({"Mr.Smith, Jakarta - he said"}, 0, true));
  CHECK_FALSE(FindDateline({"TEMPO.CO, dalam laporan - yang"}, 0, true));
}
