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

class Synonyms;

struct QueryOptions {
  bool any = false;              // OR words together instead of AND
  std::string lang = "en";       // stemmer language for the free text
  std::chrono::sys_days today =  // for relative dates (date:30d..)
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const Synonyms* synonyms = nullptr;  // the user's synonyms (--synonyms), besides the database's
};

// A word of the free text as the user wrote it: what spelling correction and
// synonym expansion look at.
struct QueryWord {
  std::size_t begin = 0;  // byte span in the query
  std::size_t end = 0;
  std::string raw;        // as written
  std::string folded;     // as the tokenizer folds it (unstemmed)
  std::size_t chunk = 0;  // words of one chunk ("COVID-19") are matched as one phrase
  std::size_t run = 0;    // plain words in a row share a run; a quoted phrase is a run of its own
  bool quoted = false;    // inside "..."
  bool negated = false;   // -word
  bool in_field = false;  // title:word
  bool wildcard = false;  // word*
  bool plain() const { return !negated && !in_field && !wildcard; }
};

struct ParsedQuery {
  Xapian::Query query;
  std::string parser_input;                 // the free text as given to QueryParser
  std::vector<std::string> terms;           // stemmed words of the free text (for highlighting)
  std::vector<std::string> wildcard_stems;  // folded stems of "mask*" words (for highlighting)
  std::vector<std::string> filters;         // human-readable filters, for --explain
  std::vector<QueryWord> words;             // the free text's words, in order
  std::vector<std::string> synonyms;        // expansions applied ("ASEC = ASEAN Secretariat"), for --explain
  std::string like;                         // --like: what the query was made from, for --explain
  bool has_text = false;                    // false: filters only (list newest first)
};

// InvalidArgument with the column for malformed queries and bad dates.
// `db` is used to expand wildcards; may be a default-constructed Database.
Result<ParsedQuery> ParseQuery(std::string_view query, const QueryOptions& options, const Xapian::Database& db);

// AND, OR, NOT, XOR, NEAR, ADJ (and NEAR/n, ADJ/n): the operators a query
// may use, in capitals.
bool IsQueryOperator(std::string_view word);

// A date filter value ("2020", "2020-04..2020-06-30", "30d..") as an
// inclusive range of YYYYMMDD strings ("" = open). A bare relative date
// ("30d", "1y") means since then. Exposed for tests.
struct DateRange {
  std::string from;
  std::string to;
};
Result<DateRange> ParseDateFilter(std::string_view value, std::chrono::sys_days today);

}  // namespace pressdex
