#include "common/extract/release_date.h"

#include <algorithm>

namespace pressdex {

namespace {

// A body date counts only when it starts in the body's first this many
// characters: a release states its own date at the top (a date strip, the
// lead's "Sáng ngày 8 tháng 3 năm 2021, ...", "took place online on 15
// November 2020" at character 371 of corpus/'s RCEP release, "วันนี้ (27
// เมษายน 2564)" at character 233 of a thaigov one). Further down, dates are
// other events': a decree of 2015 on line 40 of a 2021 dantri article. Of
// the 282 dantri articles dated from their body, 147 were more than 30 days
// off their stated date, 91 more than a year; with this limit (and the file
// time otherwise) 66 and 28 (data/README.md).
constexpr std::size_t kLeadChars = 400;
// Bytes searched past the lead's end, so that a date starting inside it is
// read whole ("ngày 29 tháng 12 năm 2020" is 29 bytes).
constexpr std::size_t kDateBytes = 64;
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

// Byte length of the first `chars` code points of `s` (all of it when shorter).
std::size_t PrefixBytes(std::string_view s, std::size_t chars) {
  std::size_t i = 0;
  for (std::size_t n = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == chars) break;
  }
  return i;
}

std::optional<Candidate> FromBody(std::string_view body, const std::optional<DateParts>& file_day, bool day_first) {
  const DateParser& parser = DateParser::Get();
  const std::size_t lead_end = PrefixBytes(body, kLeadChars);
  const std::size_t limit = std::min(body.size(), lead_end + kDateBytes);
  std::size_t offset = 0;
  for (int tries = 0; tries < kBodyTries && offset < lead_end; ++tries) {
    const auto m = parser.FindFirst(body.substr(offset), day_first, false, limit - offset);
    if (!m || offset + m->begin >= lead_end) return std::nullopt;
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
  if (auto d = DateParser::Get().ParseField(e.metadata, e.metadata_day_first.value_or(e.day_first))) {
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
