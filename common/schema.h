// The document schema: every term prefix, value slot and the document-data
// format that the indexer writes and the searcher reads. One source of truth:
// nothing else in the tree may spell a prefix or a slot number.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace pressdex::schema {

// Term prefixes. Single capitals follow Omega's conventions; X-prefixes are ours.
inline constexpr std::string_view kIdPrefix = "Q";       // unique id of a release
inline constexpr std::string_view kTitlePrefix = "S";    // title words (with positions)
inline constexpr std::string_view kYearPrefix = "Y";     // Y2020
inline constexpr std::string_view kMonthPrefix = "M";    // M202004
inline constexpr std::string_view kDayPrefix = "D";      // D20200429
inline constexpr std::string_view kLangPrefix = "L";     // Len, Lvi
inline constexpr std::string_view kFilePrefix = "XF";    // source file of a release (one file may hold many)
inline constexpr std::string_view kOrgPrefix = "XO";     // every alias of every organisation named
inline constexpr std::string_view kIssuerPrefix = "XI";  // every alias of the issuing organisation
inline constexpr std::string_view kTopicPrefix = "XT";   // topic slug
inline constexpr std::string_view kPlacePrefix = "XP";   // folded place name
inline constexpr std::string_view kSourcePrefix = "XS";  // folded news source (agency)
inline constexpr std::string_view kRawPrefix = "XR";     // unstemmed, accent-kept form (exact-accent search)

// Near-duplicate detection (common/near_dup.h): boolean terms.
inline constexpr std::string_view kBandPrefix = "XB";     // an LSH band of the body's MinHash signature
inline constexpr std::string_view kClusterPrefix = "XK";  // the cluster key, as in kClusterSlot

// Fields a query may filter on ("org:ASEC"): boolean terms under a prefix.
struct FilterField {
  std::string_view name;
  std::string_view prefix;
};
inline constexpr FilterField kFilterFields[] = {
    {"org", kOrgPrefix},   {"issuer", kIssuerPrefix}, {"topic", kTopicPrefix},
    {"lang", kLangPrefix}, {"place", kPlacePrefix},   {"source", kSourcePrefix},
};
// Free-text fields a query may restrict words to ("title:masks").
struct TextField {
  std::string_view name;
  std::string_view prefix;
};
inline constexpr TextField kTextFields[] = {{"title", kTitlePrefix}};

// Value slots.
enum Slot : Xapian::valueno {
  kDateSlot = 0,     // "YYYYMMDD", absent when unknown: sorts and ranges as a string
  kSortKeySlot = 1,  // tie-break key: newest first, then id ascending
  kOrgsSlot = 2,     // canonical organisation names, serialised list (facets)
  kTopicsSlot = 3,   // topic slugs, serialised list (facets)
  kLangSlot = 4,     // language code
  kPlaceSlot = 5,    // place display name
  kSourceSlot = 6,   // source display name
  kIssuerSlot = 7,   // issuer canonical name
  kClusterSlot = 8,  // near-duplicate cluster id (collapse key)
  kTextSlot = 9,     // cleaned body text, for snippets: kept out of the document data so that
                     // listing results never decompresses and parses whole bodies
  kFacetRecordSlot = 10,  // every facet field as dictionary numbers (common/facet_record.h)
};

// A multi-valued facet field spread one value per slot: slot `base + i`
// holds a release's i-th distinct value, so a slot used by one release
// implies every lower one of the range is. The list slots above serve the
// local FacetSpy; these serve Xapian's own ValueCountMatchSpy (one slot
// each), the only kind a stock xapian-tcpsrv can run on a remote shard.
struct SlotRange {
  Xapian::valueno base;
  Xapian::valueno size;  // distinct values a release may spread; more are left out of the range
  constexpr Xapian::valueno operator[](Xapian::valueno i) const { return base + i; }
};
// Far above the fixed slots, and wide enough that no real release fills one.
inline constexpr SlotRange kOrgValueSlots{1'000'000, 1'000'000};
inline constexpr SlotRange kTopicValueSlots{2'000'000, 1'000'000};

// Xapian limits a term to 245 bytes; longer ids are hashed into this many.
inline constexpr std::size_t kMaxTermBytes = 240;

// The full id term for a release id (hashed when too long for a Xapian term).
std::string IdTerm(std::string_view id);
// Term marking the file a release came from (to find every release of a file).
std::string FileTerm(std::string_view path);
// A boolean term under `prefix` for a free-form value (folded, length-capped).
std::string FieldTerm(std::string_view prefix, std::string_view value);

// Multi-valued slot encoding (a list of strings in one value).
std::string EncodeList(const std::vector<std::string>& items);
std::vector<std::string> DecodeList(std::string_view encoded);

// Sort key for kSortKeySlot: newer dates first, then ascending id.
std::string SortKey(std::string_view iso_date, std::string_view id);

// What a search result needs without re-reading the file. Stored as the
// document data, one "key=value" line per field (Omega's style), so
// `xapian-delve -d` stays readable and decoding is cheap; data written as
// JSON by older versions still decodes.
struct DocumentData {
  std::string id;
  std::string path;
  std::string title;
  std::string date;         // ISO YYYY-MM-DD, empty when unknown
  std::string date_source;  // metadata | dateline | body | mtime
  std::string lang;
  std::string url;
  std::string place;
  std::string source;
  std::string issuer;
  std::vector<std::string> orgs;
  std::vector<std::string> topics;
  std::string text;     // cleaned body, for snippets (databases written since kTextSlot keep it there, not here)
  long long mtime = 0;  // source file modification time (seconds)
  long long size = 0;   // source file size (bytes)
};

std::string EncodeDocumentData(const DocumentData& data);
Result<DocumentData> DecodeDocumentData(std::string_view encoded);

}  // namespace pressdex::schema
