// "More like this" (pressdex-search --like PATH|ID): a query made from one
// release through Xapian's relevance feedback. The release is the relevance
// set (RSet); the expand set (ESet) ranks its words by how well they single
// it out from the rest of the database; the best of them, ORed, become the
// query, and the release itself is excluded. The caller runs it like any
// other query, so facets, filters, formats, sort, paging and collapsing all
// apply.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace pressdex {

// ESet terms taken into the query: enough to describe a press release's
// subject, few enough that passing words don't dominate.
inline constexpr Xapian::termcount kLikeTerms = 25;

struct LikeQuery {
  Xapian::Query query;             // ranked: the ESet terms, the source release(s) excluded
  std::vector<std::string> terms;  // the ESet terms, best first (for highlighting)
  std::vector<Xapian::docid> sources;
  std::string description;  // "similar to ID: term term ...", for --explain
};

// `path_or_id` names a release by its id (a path, "#N" for a record in a
// JSON/JSONL file) or a file by its path (every release in it is the
// source); the path may be written as it was indexed or as another path to
// the same file. InvalidArgument when no indexed release matches.
Result<LikeQuery> BuildLikeQuery(const Xapian::Database& db, std::string_view path_or_id);

}  // namespace pressdex
