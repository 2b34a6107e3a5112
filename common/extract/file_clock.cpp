#include "common/extract/file_clock.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace pressdex {

FileClock::FileClock(std::shared_ptr<const icu::TimeZone> zone, std::string id)
    : zone_(std::move(zone)), id_(std::move(id)) {}

Result<FileClock> FileClock::Create(std::string_view zone) {
  // detectHostTimeZone rather than createDefault: the host's zone even if
  // some other code has changed ICU's process-wide default.
  std::shared_ptr<const icu::TimeZone> tz(zone.empty()
                                              ? icu::TimeZone::detectHostTimeZone()
                                              : icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(
                                                    icu::StringPiece(zone.data(), static_cast<int32_t>(zone.size())))));
  if (!tz) return Status::InvalidArgument("cannot create a time zone");
  if (!zone.empty() && *tz == icu::TimeZone::getUnknown()) {
    return Status::InvalidArgument("unknown time zone '" + std::string(zone) +
                                   "' (expected an IANA id such as UTC or America/New_York)");
  }
  icu::UnicodeString id;
  tz->getID(id);
  std::string utf8;
  id.toUTF8String(utf8);
  return FileClock(std::move(tz), std::move(utf8));
}

DateParts FileClock::Day(long long unix_seconds) const {
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  zone_->getOffset(static_cast<UDate>(unix_seconds) * 1000.0, /*local=*/false, raw, dst, status);
  if (U_FAILURE(status)) raw = dst = 0;  // the zone's rules failed: read it as UTC
  return DateFromUnixTime(unix_seconds + (raw + dst) / 1000);
}

}  // namespace pressdex
