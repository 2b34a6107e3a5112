// FacetSpy: a Xapian match spy that counts, for every document the matcher
// sees, the distinct values stored in one value slot. It is a serialisable
// MatchSpy whose results merge exactly, but a stock xapian-tcpsrv cannot
// rebuild it (its registry is fixed at build time): over remote shards the
// facets are counted with Xapian's ValueCountMatchSpy instead and folded in
// here (AddValue, AddDocuments; see FacetCollector in common/facets.h).
#pragma once

#include <xapian.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pressdex {

// Hash that lets an unordered_map<std::string, ...> be probed with a
// string_view (no allocation per lookup).
struct TransparentStringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using FacetCounts = std::unordered_map<std::string, Xapian::doccount, TransparentStringHash, std::equal_to<>>;

class FacetSpy : public Xapian::MatchSpy {
 public:
  // How the slot's value reads.
  enum class Kind : std::uint8_t {
    kSingle = 0,  // one value (language, place...)
    kList = 1,    // schema::EncodeList: each distinct item counts once per document
    kDate = 2,    // "YYYYMMDD"; anything else counts as unknown
  };

  FacetSpy(Xapian::valueno slot, Kind kind);

  void operator()(const Xapian::Document& doc, double weight) override;
  // One matching document whose slot holds `value` ("" when it has none):
  // what operator() does once it has read the value.
  void Count(std::string_view value);

  Xapian::MatchSpy* clone() const override;
  std::string name() const override;
  std::string serialise() const override;
  Xapian::MatchSpy* unserialise(const std::string& serialised, const Xapian::Registry& context) const override;
  std::string serialise_results() const override;
  void merge_results(const std::string& serialised) override;
  std::string get_description() const override;

  Xapian::valueno slot() const { return slot_; }
  Kind kind() const { return kind_; }
  // Documents seen, and how many of them carried each value. Documents with
  // no value (or, for kDate, not "YYYYMMDD" with a month 1-12 and a day
  // 1-31) are counted in without_value().
  Xapian::doccount documents() const { return documents_; }
  Xapian::doccount without_value() const { return without_value_; }
  // Every value and its count (kDate: "YYYYMMDD" keys), built on demand.
  FacetCounts counts() const;
  // kSingle and kList: the counts as kept (no copy).
  const FacetCounts& value_counts() const { return counts_; }
  // kDate: (YYYYMMDD as a number, count), chronological.
  std::vector<std::pair<std::uint32_t, Xapian::doccount>> day_counts() const;

  // Counts made elsewhere, folded in as if this spy had seen them: `count`
  // more documents carrying `value` (kDate: a value that is not a day counts
  // as without value), and `documents` more seen, `without_value` of them
  // carrying no value at all. A kList value is one item of a list.
  void AddValue(std::string_view value, Xapian::doccount count);
  void AddDocuments(Xapian::doccount documents, Xapian::doccount without_value);
  // kDate: `count` more documents dated `ymd` (YYYYMMDD, month 1-12, day 1-31).
  void AddDay(std::uint32_t ymd, Xapian::doccount count);

 private:
  // Dates are counted in arrays, not hashed: one block of 12 x 31 days per
  // year seen, found by year. Cheaper per document than a string hash, and
  // read back in order.
  using DayBlock = std::array<Xapian::doccount, 12 * 31>;

  Xapian::valueno slot_;
  Kind kind_;
  Xapian::doccount documents_ = 0;
  Xapian::doccount without_value_ = 0;
  FacetCounts counts_;
  // (year, its days), by year: a match set spans a few years, and a table
  // of every possible year cost a faceted call 80 KB to clear and scan.
  std::vector<std::pair<std::uint32_t, std::unique_ptr<DayBlock>>> years_;
  std::size_t last_year_ = 0;  // index of the year counted last: dates come in runs
};

// Makes FacetSpy known to a registry (a remote server's, or the one used to
// read a remote shard's results).
void RegisterFacetSpy(Xapian::Registry& registry);

}  // namespace pressdex
