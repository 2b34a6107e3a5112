// Facets: for the whole match set of a query, how many releases carry each
// organisation, topic, language, place, source or date bucket. Counts are
// exact: every matching release is counted once per distinct value.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/facet_spy.h"
#include "common/status.h"

namespace pressdex {

enum class FacetField { kOrg, kIssuer, kTopic, kLang, kPlace, kSource, kDate };
enum class DateGranularity { kAuto, kYear, kMonth, kDay };

struct FacetSpec {
  FacetField field = FacetField::kOrg;
  // Values to show (0: all); the rest are counted in `more`. For dates, the
  // latest N buckets; by default every bucket of the span is shown.
  std::size_t limit = 10;
  DateGranularity granularity = DateGranularity::kAuto;  // date only
};

// "org", "org:5", "topic:0" (all), "date", "date:month", "date:year:5".
// InvalidArgument, naming what was expected, otherwise.
Result<FacetSpec> ParseFacetSpec(std::string_view text);
// The default set for --facets: date, org, topic.
std::vector<FacetSpec> DefaultFacets();
// "org", "issuer", "topic", "lang", "place", "source", "date".
std::string_view FacetFieldName(FacetField field);
// "year" | "month" | "day" ("auto" for kAuto).
std::string_view DateGranularityName(DateGranularity granularity);

struct FacetValue {
  std::string value;  // canonical name / topic slug / ISO date prefix / "unknown"
  Xapian::doccount count = 0;
};

struct FacetResult {
  FacetField field = FacetField::kOrg;
  std::string granularity;  // date only: "year" | "month" | "day"
  // Others: by count, then value. Dates: chronological, every bucket from the
  // first to the last (empty ones as 0), then "unknown" (always present).
  std::vector<FacetValue> values;
  std::size_t more = 0;      // distinct (non-empty) values not shown
  std::size_t distinct = 0;  // distinct non-empty values in the match set
  bool exact = true;         // counts cover the whole match set
};

// What one spy counted, shaped as `spec` asks (sorting, limit, date
// buckets). Exposed for tests and for results merged from remote shards.
FacetResult SummariseFacet(const FacetSpec& spec, const FacetSpy& spy, bool exact = true);

// Counts facet values while Xapian runs the match. Attach to an Enquire
// before get_mset (with check_at_least >= the database size so every match
// is seen), then read Results(). The collector owns its spies: it must
// outlive every get_mset of the Enquire it is attached to. The spies are
// FacetSpy (common/facet_spy.h), serialisable, so they also run on remote
// shards (xapian-tcpsrv) and merge. A field requested twice counts once
// (the later spec's limit and granularity win, at the first one's place).
class FacetCollector {
 public:
  explicit FacetCollector(std::vector<FacetSpec> specs);
  ~FacetCollector();
  FacetCollector(const FacetCollector&) = delete;
  FacetCollector& operator=(const FacetCollector&) = delete;

  void Attach(Xapian::Enquire& enquire);
  // Counts one matching document by hand, for matches the spies cannot see
  // (remote shards served by a stock xapian-tcpsrv).
  void Count(const Xapian::Document& doc);
  // `exact`: whether the match saw every matching document (the caller
  // knows its check_at_least); copied into each result.
  std::vector<FacetResult> Results(bool exact = true) const;
  const std::vector<FacetSpec>& specs() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pressdex
