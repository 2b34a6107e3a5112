// A release's date and the source it came from. Trust order: the date the
// file's metadata states, then the dateline, then the first full date in the
// body's first 400 characters (a release dates itself at the top; dates
// further down are other events'), then the file's modification time (read
// on the indexer's clock).
//
// Two rules make the file time more than a last resort; both rest on one
// fact: a release cannot be published after the file holding it was written.
//
//  * A year-less dateline ("TOKYO, March 3 -", wire copy) names the local day
//    where the story was filed and must be completed from the file time
//    anyway: with the latest year that does not put it after the file time
//    (up to two days after, for the clocks' difference), so "March 3" in a
//    file written on 24 Nov 2026 is 2026, never 2027. When the file time
//    falls on the day *before* that day on the indexer's clock, the
//    dateline's place is ahead of the indexer's clock (Tokyo's morning is
//    New York's evening): the story already existed on the earlier day
//    here, so that day wins and the source is "mtime". The other way round
//    (file time the day after) proves nothing: a copy or a crawl is usually
//    made later (thaigov's crawl is the next day for 78 % of releases), so
//    the dateline stands. A dateline that states its year is the issuer's
//    own complete statement and is kept as written, like metadata.
//  * A body date more than a day after the file time is a date the text
//    looks forward to (a maturity, a deadline, a meeting), not the release's:
//    the next full date is tried instead.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/extract/date_parse.h"

namespace pressdex {

struct DateEvidence {
  std::string_view metadata;          // the stated date field, as written; may be empty
  std::optional<DateParts> dateline;  // year 0 when the dateline gives none
  std::string_view body;              // the cleaned text
  std::optional<DateParts> file_day;  // the file time's day on the indexer's clock
  bool day_first = true;              // 04/05/2020 is 4 May
  // For the metadata date, when it differs: its file's own order (see
  // date_order.h). The text is not held to it: a feed's date fields and its
  // articles are written by different hands.
  std::optional<bool> metadata_day_first;
};

struct ReleaseDate {
  std::string date;    // "YYYY-MM-DD"
  std::string source;  // metadata | dateline | body | mtime
};

// Never invents a date: nothing found and no file time gives nullopt.
std::optional<ReleaseDate> ChooseReleaseDate(const DateEvidence& evidence);

}  // namespace pressdex
