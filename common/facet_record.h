// Facet records: every facet field of a release (date, issuer, language,
// place, source, organisations, topics) packed into one value slot,
// schema::kFacetRecordSlot, as small numbers that a dictionary in the
// database's user metadata names. A faceted search reads one short value per
// match instead of three long ones (bench/RESULTS.md, seventh session).
//
// The numbers mean something only inside the database that holds them. Every
// writer of a database extends that database's dictionary in the same commit
// as the records that use it; merging databases whose dictionaries disagree
// renumbers the records (RebuildFacetRecords). A search over several
// databases, or over remote ones, counts from the plain facet slots instead.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/facets.h"

namespace pressdex {

// Numbers names as a writer meets them, for one database.
class FacetDictionary {
 public:
  // For a fresh database (`db` null: nothing to look up), or for `db`, whose
  // stored names are read as they are needed.
  explicit FacetDictionary(const Xapian::Database* db = nullptr);
  ~FacetDictionary();
  FacetDictionary(const FacetDictionary&) = delete;
  FacetDictionary& operator=(const FacetDictionary&) = delete;

  // Sets `document`'s record from its facet slots. Names that differ only in
  // case, accents or spacing share a number (as the org: filter folds them)
  // and keep the spelling met first. New names wait in TakeEntries().
  void AddRecord(Xapian::Document& document);
  // The names numbered since the last call, as (metadata key, value) pairs
  // for the database the records are written to, in the same commit.
  std::vector<std::pair<std::string, std::string>> TakeEntries();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A record read back. Numbers index the dictionary of their field.
struct FacetRecord {
  std::uint32_t day = 0;  // the date as stored (days since 1970, zig-zagged, + 1); 0 when undated
  std::uint32_t issuer = 0, lang = 0, place = 0, source = 0;  // number + 1; 0 when absent
  std::vector<std::uint32_t> orgs;                            // distinct numbers
  std::vector<std::uint32_t> topics;

  // The number + 1 of a single-valued field (0 when absent); 0 for the others.
  std::uint32_t Single(FacetField field) const;
  // The date as YYYYMMDD; 0 when undated.
  std::uint32_t Ymd() const { return YmdOfDay(day); }
  // A stored day (`day` above) as YYYYMMDD: counting keeps days, and
  // converts each distinct one once.
  static std::uint32_t YmdOfDay(std::uint32_t day);
};

// False (and `record` unspecified) when `encoded` is not a record. `record`
// is reused: its lists keep their capacity.
bool DecodeFacetRecord(std::string_view encoded, FacetRecord& record);

// Whether `db`, one database, holds a record for every document: only then
// may its facets be counted from the records.
bool HasFacetRecords(const Xapian::Database& db);

// The name numbered `number` (not + 1) for `field` in `db`'s dictionary; ""
// when it has none.
std::string FacetName(const Xapian::Database& db, FacetField field, std::uint32_t number);

// Whether the records of `dbs` can be merged as they are: no name numbered
// differently, no number naming two names.
bool FacetDictionariesAgree(const std::vector<Xapian::Database>& dbs);

// Renumbers every record of `db` from its facet slots with a new dictionary
// (in docid order), replacing the old one. The caller commits.
void RebuildFacetRecords(Xapian::WritableDatabase& db);

}  // namespace pressdex
