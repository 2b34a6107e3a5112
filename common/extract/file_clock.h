// The clock a file's modification time is read on. A file time is an
// instant, not a day: which day it falls on depends on the time zone, so the
// indexer reads every file time on one clock, the machine's own zone by
// default (as `ls -l` and `date` show times), or a named IANA zone.
#pragma once

#include <unicode/uversion.h>

#include <memory>
#include <string>
#include <string_view>

#include "common/extract/date_parse.h"
#include "common/status.h"

U_NAMESPACE_BEGIN
class TimeZone;
U_NAMESPACE_END

namespace pressdex {

class FileClock {
 public:
  // `zone`: an IANA id ("America/New_York", "UTC"); empty for the machine's
  // zone (TZ, else /etc/localtime, as ICU finds it). An unknown id is an error.
  static Result<FileClock> Create(std::string_view zone);

  // The zone's id, for fingerprints and messages ("Etc/UTC").
  const std::string& id() const { return id_; }
  // The calendar day `unix_seconds` falls on in this zone (daylight saving
  // and historical offsets from ICU's time zone data).
  DateParts Day(long long unix_seconds) const;

 private:
  FileClock(std::shared_ptr<const icu::TimeZone> zone, std::string id);
  std::shared_ptr<const icu::TimeZone> zone_;  // immutable: shared by copies and threads
  std::string id_;
};

}  // namespace pressdex
