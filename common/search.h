// Running a query against the database: ranked hits with their stored
// fields and snippets. Used by pressdex-search; free of any CLI concern.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "common/facets.h"
#include "common/query.h"
#include "common/schema.h"
#include "common/snippet.h"
#include "common/status.h"

namespace pressdex {

enum class SortOrder { kRelevance, kNewest, kOldest };

struct SearchRequest {
  std::string query;       // the user's query; empty with match_all
  bool match_all = false;  // --all: every release
  QueryOptions query_options;
  SortOrder sort = SortOrder::kRelevance;
  std::size_t offset = 0;
  std::size_t limit = 10;    // 0 = no limit
  bool exact_total = false;  // count every match (slower on big databases)
  bool hits = true;          // false: the exact total alone, no release ranked or read (--format count)
  bool snippets = true;
  std::size_t snippet_bytes = 240;
  std::vector<FacetSpec> facets;  // counted over the whole match set
  std::string like;               // --like PATH|ID: releases similar to this one (the query, if any, narrows them)
  bool collapse = true;           // near-duplicates show once (common/near_dup.h)
  bool duplicate_counts = true;   // count each hit's collapsed near-duplicates exactly (an extra small match)
  bool suggest = true;            // look for a spelling suggestion when few releases match (common/spelling.h)
};

struct SearchHit {
  std::size_t rank = 0;  // 1-based, counting from the first result overall
  Xapian::docid docid = 0;
  double score = 0;
  Xapian::doccount duplicates = 0;  // near-duplicates collapsed into this hit
  schema::DocumentData doc;
  Snippet snippet;
};

struct SearchResponse {
  std::string query;
  std::string parsed;  // Xapian's description of the query
  ParsedQuery understood;
  Xapian::doccount total = 0;  // matching releases (near-duplicates too: collapsing only thins the list)
  bool exact = false;          // `total` is exact, not an estimate
  std::size_t offset = 0;
  std::vector<SearchHit> hits;
  std::vector<FacetResult> facets;  // in the order requested
  std::string suggestion;           // "did you mean" (spelling issue); empty when none
};

class Searcher {
 public:
  // Opens one or more databases as one (a folder, a stub file...).
  // NotFound when none exists; IoError when one can't be read.
  static Result<std::unique_ptr<Searcher>> Open(const std::vector<std::string>& paths);
  ~Searcher();

  // InvalidArgument for a malformed query; IoError for database trouble.
  Result<SearchResponse> Search(const SearchRequest& request);

  const Xapian::Database& database() const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pressdex
