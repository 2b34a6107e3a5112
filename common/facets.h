// Facets: for the whole match set of a query, how many releases carry each
// organisation, topic, language, place, source or date bucket. Counts are
// exact: every matching release is counted once per distinct value.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace pressdex {

enum class FacetField { kOrg, kIssuer, kTopic, kLang, kPlace, kSource, kDate };
enum class DateGranularity { kAuto, kYear, kMonth, kDay };

struct FacetSpec {
  FacetField field = FacetField::kOrg;
  std::size_t limit = 10;                               // values to show; the rest are counted in `more`
  DateGranularity granularity = DateGranularity::kAuto;  // date only
};

// "org", "org:5", "date", "date:month", "topic:20". InvalidArgument otherwise.
Result<FacetSpec> ParseFacetSpec(std::string_view text);
// The default set for --facets: date, org, topic.
std::vector<FacetSpec> DefaultFacets();
std::string_view FacetFieldName(FacetField field);

struct FacetValue {
  std::string value;  // canonical name / topic slug / ISO date prefix / "unknown"
  Xapian::doccount count = 0;
};

struct FacetResult {
  FacetField field = FacetField::kOrg;
  std::string granularity;          // date only: "year" | "month" | "day"
  std::vector<FacetValue> values;   // by count (dates: chronological, "unknown" last)
  std::size_t more = 0;             // distinct values not shown
  bool exact = true;
};

// Counts facet values while Xapian runs the match. Attach to an Enquire
// before get_mset (with check_at_least >= the database size so every match
// is seen), then read Results(). The spies it registers are serialisable so
// they also run on remote shards (xapian-tcpsrv) and merge.
class FacetCollector {
 public:
  explicit FacetCollector(std::vector<FacetSpec> specs);
  ~FacetCollector();
  FacetCollector(const FacetCollector&) = delete;
  FacetCollector& operator=(const FacetCollector&) = delete;

  void Attach(Xapian::Enquire& enquire);
  std::vector<FacetResult> Results() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pressdex
