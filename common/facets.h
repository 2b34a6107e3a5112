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

// Which match spies count the facets.
enum class FacetCounter {
  // Local databases, the fastest way each allows: one database holding facet
  // records (common/facet_record.h) is counted from them after the match;
  // otherwise Pressdex's FacetSpy, one per field, reads the facet slots.
  kFacetSpy,
  // FacetSpy over the facet slots even where records exist: the reference
  // the records are checked against.
  kSlots,
  // Xapian's ValueCountMatchSpy, one per value slot (a list field: one per
  // slot of its schema::SlotRange in use), the kind a stock xapian-tcpsrv
  // rebuilds, runs on its shard and sends back to merge: for remote shards.
  kValueCount,
};

// Counts facet values while Xapian runs the match. Attach to an Enquire
// before get_mset (with check_at_least >= the database size so every match
// is seen), then read Results(). The collector owns its spies: it must
// outlive every get_mset of the Enquire it is attached to. Both counters
// give the same exact counts. A field requested twice counts once (the later
// spec's limit and granularity win, at the first one's place).
class FacetCollector {
 public:
  explicit FacetCollector(std::vector<FacetSpec> specs, FacetCounter counter = FacetCounter::kFacetSpy);
  ~FacetCollector();
  FacetCollector(const FacetCollector&) = delete;
  FacetCollector& operator=(const FacetCollector&) = delete;

  // Once. `db` is the database `enquire` searches (kValueCount asks it which
  // slots are in use, a round trip to each remote shard per probe).
  void Attach(Xapian::Enquire& enquire, const Xapian::Database& db);
  // `exact`: whether the match saw every matching document (the caller
  // knows its check_at_least); copied into each result. kValueCount also
  // marks a list facet inexact when some shard was written before the slot
  // ranges existed (re-indexing fixes it).
  std::vector<FacetResult> Results(bool exact = true) const;
  const std::vector<FacetSpec>& specs() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pressdex
