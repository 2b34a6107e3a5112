// Query understanding: a user's query string becomes a Xapian::Query.
// Free text is segmented and folded by the same tokenizer the indexer uses
// and then handed to Xapian::QueryParser for its operators; field filters
// (org:, topic:, date: ...) become boolean filters that do not change scores.
#pragma once

#include <xapian.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace pressdex {

struct QueryOptions {
  bool any = false;              // OR words together instead of AND
  std::string lang = "en";       // stemmer language for the free text
  std::chrono::sys_days today =  // for relative dates (date:30d..)
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
};

struct ParsedQuery {
  Xapian::Query query;
  std::string parser_input;                 // the free text as given to QueryParser
  std::vector<std::string> terms;           // stemmed words of the free text (for highlighting)
  std::vector<std::string> wildcard_stems;  // folded stems of "mask*" words (for highlighting)
  std::vector<std::string> filters;         // human-readable filters, for --explain
  bool has_text = false;                    // false: filters only (list newest first)
};

// InvalidArgument with the column for malformed queries and bad dates.
// `db` is used to expand wildcards; may be a default-constructed Database.
Result<ParsedQuery> ParseQuery(std::string_view query, const QueryOptions& options, const Xapian::Database& db);

// A date filter value ("2020", "2020-04..2020-06-30", "30d..") as an
// inclusive range of YYYYMMDD strings ("" = open). A bare relative date
// ("30d", "1y") means since then. Exposed for tests.
struct DateRange {
  std::string from;
  std::string to;
};
Result<DateRange> ParseDateFilter(std::string_view value, std::chrono::sys_days today);

}  // namespace pressdex
