// Dates as press releases write them: "29 April 2020", "April 29, 2020",
// "29 Apr 2020", "2020-04-29", "29/04/2020", "Feb 26", "29 Mei 2020",
// "5 Ogos 2021", "ngày 29 tháng 4 năm 2020", "29 เมษายน 2563" (Buddhist era)...
// Month names come from ICU's locale data and the Buddhist-era offset from
// ICU's Buddhist calendar, so no month table is written by hand.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace pressdex {

struct DateParts {
  int year = 0;  // 0: the text gave no year
  int month = 0;
  int day = 0;
  bool full() const { return year != 0; }
};

struct DateMatch {
  DateParts date;
  std::size_t begin = 0;  // byte span in the searched text
  std::size_t end = 0;
};

// What a date says about the order of day and month: "13-08-2018" can only
// be day first, "08-13-2018" only month first, "08-12-2018" either; a date
// with its year first or its month in words says nothing.
enum class NumericOrder { kNone, kEither, kDayFirst, kMonthFirst };

class DateParser {
 public:
  // The shared parser; its tables are built from ICU on first use.
  // Thread-safe (immutable after construction).
  static const DateParser& Get();

  // A date field as metadata states it ("2020-04-29T10:00:00Z", "29 April
  // 2020", "Wed, 29 Apr 2020 10:00:00 GMT"): the first full date in it.
  std::optional<DateParts> ParseField(std::string_view s, bool day_first) const;

  // The first date in `text` (only its first `limit` bytes are searched).
  // Without `allow_partial` only full dates (with a year) count; with it a
  // day and month alone ("Feb 26") are returned too, with year 0.
  std::optional<DateMatch> FindFirst(std::string_view text, bool day_first, bool allow_partial,
                                     std::size_t limit = std::string_view::npos) const;

  // The order of day and month the first full date in field `s` shows.
  NumericOrder FieldOrder(std::string_view s) const;

  // A date that covers all of `s` but for spaces and punctuation ("March 3",
  // "29 April 2020"); partial dates allowed. For dateline fields.
  std::optional<DateParts> ParseExact(std::string_view s, bool day_first) const;

  struct Tables;
  ~DateParser();

 private:
  DateParser();
  std::unique_ptr<const Tables> tables_;
};

bool IsValidDate(int year, int month, int day);
// "YYYY-MM-DD"; "" when `d` is not a valid full date.
std::string FormatIsoDate(const DateParts& d);
// The latest year that puts day/month at most `slack_days` after the
// reference date: "Dec 30" seen on 2 Jan 2021 is 2020, "Mar 3" seen on
// 24 Nov 2026 is 2026, "Feb 29" seen on 1 Mar 2023 is 2020. 0 when no year
// has that day ("Feb 30").
int LatestYearUpTo(int month, int day, const DateParts& reference, int slack_days);
// The date (UTC) of a Unix time; FileClock reads one in a time zone.
DateParts DateFromUnixTime(long long seconds);
// Days since 1970-01-01 of a full date (proleptic Gregorian), for day arithmetic.
long long DayNumber(const DateParts& d);

}  // namespace pressdex
