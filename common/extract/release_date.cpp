#include "common/extract/release_date.h"

#include <algorithm>

namespace pressdex {

namespace {

// Bytes of the body searched for a date: a release states its date near the
// top, and a long file should not cost a scan of all of it.
constexpr std::size_t kBodyLimit = 20000;
// Dates looked at in the body before giving up on it.
constexpr int kBodyTries = 8;
// How far a year-less dateline's day may lie after the file time's day: the
// dateline is local, the file time read on the indexer's clock, and two
// clocks on Earth (UTC-12 to UTC+14) are at most two calendar days apart.
constexpr int kClockSlackDays = 2;

struct Candidate {
  DateParts date;
  const char* source;
};

std::optional<Candidate> FromDateline(DateParts d, const std::optional<DateParts>& file_day) {
  if (d.full()) return Candidate{d, "dateline"};
  if (!file_day) return std::nullopt;  // no year to be had
  // A release cannot be published after the file holding it was written:
  // the latest year that keeps the day on or before the file time's.
  d.year = LatestYearUpTo(d.month, d.day, *file_day, kClockSlackDays);
  if (d.year == 0) return std::nullopt;
  // The file already existed the day before the dateline's local day: on
  // this clock the story is that day's (see the header).
  if (DayNumber(d) - DayNumber(*file_day) == 1) return Candidate{*file_day, "mtime"};
  return Candidate{d, "dateline"};
}

std::optional<Candidate> FromBody(std::string_view body, const std::optional<DateParts>& file_day, bool day_first) {
  const DateParser& parser = DateParser::Get();
  std::size_t offset = 0;
  for (int tries = 0; tries < kBodyTries && offset < std::min(body.size(), kBodyLimit); ++tries) {
    const auto m = parser.FindFirst(body.substr(offset), day_first, false, kBodyLimit - offset);
    if (!m) return std::nullopt;
    if (!file_day || DayNumber(m->date) - DayNumber(*file_day) <= 1) return Candidate{m->date, "body"};
    offset += std::max(m->end, std::size_t{1});  // a date still ahead of the file: look further
  }
  return std::nullopt;
}

std::optional<ReleaseDate> Usable(const std::optional<Candidate>& c) {
  if (!c) return std::nullopt;
  std::string iso = FormatIsoDate(c->date);
  if (iso.empty()) return std::nullopt;
  return ReleaseDate{std::move(iso), c->source};
}

}  // namespace

std::optional<ReleaseDate> ChooseReleaseDate(const DateEvidence& e) {
  if (auto d = DateParser::Get().ParseField(e.metadata, e.day_first)) {
    if (auto r = Usable(Candidate{*d, "metadata"})) return r;
  }
  if (e.dateline) {
    if (auto r = Usable(FromDateline(*e.dateline, e.file_day))) return r;
  }
  if (auto r = Usable(FromBody(e.body, e.file_day, e.day_first))) return r;
  if (e.file_day) return Usable(Candidate{*e.file_day, "mtime"});
  return std::nullopt;
}

}  // namespace pressdex
