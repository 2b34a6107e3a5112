// Shared by the facet and query tests: releases made to order, written to a
// throw-away on-disk database the real Searcher opens.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "common/document_builder.h"
#include "common/facets.h"
#include "common/release.h"
#include "common/schema.h"
#include "tests/unit/scratch_dir.h"

namespace pressdex::test {

inline Release MakeRelease(std::string id, std::string date, std::vector<Organisation> orgs,
                           std::vector<std::string> topics, std::string text = "common words") {
  Release r;
  r.id = std::move(id);
  r.path = r.id;
  r.title = "Release " + r.id;
  r.text = std::move(text);
  r.date = std::move(date);
  r.lang = "en";
  r.orgs = std::move(orgs);
  if (!r.orgs.empty()) r.issuer = r.orgs.front();
  r.topics = std::move(topics);
  return r;
}

// A facet spec that must parse ("org:5", "date:year").
inline FacetSpec Spec(std::string_view text) {
  auto spec = ParseFacetSpec(text);
  REQUIRE(spec.ok());
  return *spec;
}

// The facets `counter` finds for `query` over `db`, every match seen.
inline std::vector<FacetResult> CountFacets(const Xapian::Database& db, const std::vector<FacetSpec>& specs,
                                            FacetCounter counter, const Xapian::Query& query) {
  FacetCollector collector(specs, counter);
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  collector.Attach(enquire, db);
  enquire.get_mset(0, 3, db.get_doccount());
  return collector.Results();
}

// Writes `releases` to a new glass database at `path`.
inline void WriteDatabase(const std::string& path, const std::vector<Release>& releases) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  for (const auto& r : releases) db.replace_document(schema::IdTerm(r.id), BuildDocument(r));
  db.commit();
}

}  // namespace pressdex::test
